"""Gold table for number parsing: printed numbers to values, with their ambiguities."""

from __future__ import annotations

import pytest

from pipeline.numbers import fraction, parse_digits, parse_words, scale_of, vague_range

DIGITS = [
    ("31,507", 31507.0, 31.507),
    ("3,9", 3.9, None),
    ("2 450 117", 2450117.0, None),
    ("2\u00a0450\u00a0117", 2450117.0, None),
    ("2\u2009450", 2450.0, None),
    ("2\u202f450", 2450.0, None),
    ("07.5", 7.5, None),
    ("−218", -218.0, None),
    ("+3,4", 3.4, None),
    ("4.318", 4.318, 4318.0),
    ("9.406.771", 9406771.0, None),
    ("9,406,771", 9406771.0, None),
    ("2.310,75", 2310.75, None),
    ("2,310.75", 2310.75, None),
    ("0.250", 0.25, None),
    ("12.25", 12.25, None),
    ("12,34,567", 1234567.0, None),
    ("3,05,12,400", 30512400.0, None),
]


@pytest.mark.parametrize(("text", "value", "alternative"), DIGITS, ids=[d[0] for d in DIGITS])
def test_parse_digits(text: str, value: float, alternative: float | None) -> None:
    parsed = parse_digits(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    if alternative is None:
        assert parsed.alternative is None
    else:
        assert parsed.alternative == pytest.approx(alternative)


@pytest.mark.parametrize("text", ["1,23,4", "1,234,56", "1.2.34"], ids=["bad-1", "bad-2", "bad-3"])
def test_parse_digits_rejects_bad_grouping(text: str) -> None:
    assert parse_digits(text) is None


WORDS = [
    ("seventy-two", 72.0),
    ("Nine", 9.0),
    ("three hundred and four", 304.0),
    ("two million", 2e6),
    ("twenty one", 21.0),
]


@pytest.mark.parametrize(("text", "value"), WORDS, ids=[w[0] for w in WORDS])
def test_parse_words(text: str, value: float) -> None:
    assert parse_words(text) == value


def test_parse_words_rejects_other_words() -> None:
    assert parse_words("several") is None


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("million", 1e6),
        ("bn", 1e9),
        ("k", 1e3),
        ("thousand", 1e3),
        ("tn", 1e12),
        ("lakh", 1e5),
        ("crores", 1e7),
    ],
    ids=["million", "bn", "k", "thousand", "tn", "lakh", "crores"],
)
def test_scale_of(word: str, factor: float) -> None:
    assert scale_of(word) == factor


def test_vague_and_fraction() -> None:
    assert vague_range("Dozens") == (12.0, 120.0)
    assert vague_range("tens  of thousands") == (1e4, 1e5)
    assert fraction("two", "thirds") == pytest.approx(2 / 3)
    assert fraction("a", "quarter") == 0.25
    assert fraction("a", "dozen") is None
