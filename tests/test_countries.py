"""The country a release is about, from the countries it names or else its states."""

from __future__ import annotations

import pytest

import pipeline.components  # noqa: F401  (the entity lexicon loads before pipeline.countries)
from pipeline.countries import main_country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kenyan police and the Kenya Revenue Authority met in Nairobi.", "Kenya"),
        ("TRENTON, NJ - New Jersey troopers and Ohio partners seized 40 kg.", "United States"),
        ("The Kerala health department logged 6,412 dengue cases.", "India"),
        ("Police in the Eastern Cape and Gauteng recorded fewer murders.", "South Africa"),
        ("Nigerian customs said Lagos State ports handled more cargo than Texas.", "Nigeria"),
        ("Thefts fell in the Central district and the North.", None),
    ],
    ids=["named", "two-states", "state", "provinces", "country-first", "common-words-only"],
)
def test_main_country(text: str, country: str | None) -> None:
    assert main_country(text) == country
