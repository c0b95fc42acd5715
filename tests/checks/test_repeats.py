"""The same figure stated twice: a change restated in total, a headline level in the body."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.checks.families.repeats import headline_end, restated_level
from pipeline.checks.measures import concepts, content_words, load_concepts
from pipeline.errors import PressfactsError
from pipeline.schema import Extraction

Factory = Callable[..., Extraction]
YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "412 road deaths in 2024\n\nIn 2024, 421 people died in road accidents.",
            ["412", "421"],
            True,
        ),
        (
            "421 road deaths in 2024\n\nIn 2024, 421 people died in road accidents.",
            ["421", ("421", 1)],
            False,
        ),
        (
            "Nearly 1.9 million calls in 2024\n\nThe hotline received 1,873,512 calls.",
            [("1.9 million", 0, {"value": 1_900_000}), "1,873,512"],
            False,
        ),
        (
            "412 road deaths in 2024\n\nIn 2023, 421 people died in road accidents.",
            ["412", "421"],
            False,
        ),
        (
            "412 road deaths in 2024\n\nThe police solved 421 crimes.",
            ["412", "421"],
            False,
        ),
        (
            "412 road deaths in 2024\n\nRoad deaths fell by 21 in 2024, and 421 people died "
            "in road accidents in the first half.",
            ["412", "21", "421"],
            False,
        ),
        (
            "Road deaths down 12% in 2024\n\nIn 2024, road deaths were 15% of all deaths.",
            ["12%", "15%"],
            False,
        ),
        (
            "Crime report for 2024\n\nIn 2024, 412 people died on the roads. Later, 421 died.",
            ["412", "421"],
            False,
        ),
    ],
    ids=[
        "headline-differs",
        "headline-agrees",
        "rounded-headline",
        "other-period",
        "other-measure",
        "change-and-part-period",
        "headline-change",
        "no-headline-figure",
    ],
)
def test_restated_level(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    found = list(restated_level(extraction(text, claims, period=YEAR)))
    assert bool(found) is flagged
    if flagged:
        assert found[0].claims == ["c1", "c2"]


def test_headline_end() -> None:
    text = "412 road deaths in 2024\nTbilisi, 22 January\n\nIn 2024, 421 people died. More."
    assert text[headline_end(text) :].startswith("In 2024")


def test_concepts_merge_synonyms() -> None:
    assert concepts(content_words("road deaths")) <= concepts(
        content_words("people died in road accidents")
    )


def test_malformed_concepts(tmp_path: Path) -> None:
    path = tmp_path / "concepts.json"
    data = {"_doc": "", "concepts": {"a": ["dead"], "b": ["dead"]}, "generic": []}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PressfactsError, match="E011"):
        load_concepts(path)
