"""Number parsing: printed numbers (digits or words) to values, with their ambiguities.

Pure functions, no spaCy. Digits: thousands separators ",", ".", space, no-break, thin and
narrow no-break space; Indian grouping ("1,48,520"); a decimal comma ("4,7"); leading zeros
("03.5"); signs including the unicode minus. A single "." or "," before exactly three digits
("1.204", "1,204") is ambiguous: `parse_digits` returns the usual English reading and the
other one, and the caller decides from context (a count of crimes is whole). Words:
"sixty-five", "two hundred and ten", scale words ("537 thousand", "1.2 million", "3bn",
"2 lakh") and vague amounts ("hundreds of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MINUS = "-−–"
SPACES = " \u00a0\u2009\u202f"

# A printed number: optional sign, digits grouped by spaces (1-3 digits then groups of 3) or
# by commas/points, an optional decimal part. Callers anchor it with their own boundaries.
DIGITS = (
    r"(?:\d{1,3}(?:[\u00a0\u2009\u202f ]\d{3})+(?:[.,]\d+)?(?![\d])"
    r"|\d+(?:[.,]\d+)*)"
)
DIGITS_RE = re.compile(DIGITS)

ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# South Asian scale words: a lakh is 100,000 and a crore 10 million ("1.5 lakh", "3 crore").
LAKH_SCALES = {"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
# Scale words and abbreviations that may follow a number: "1.2 million", "3bn", "25k".
SCALE_SUFFIXES = {
    **SCALES,
    **LAKH_SCALES,
    "thousands": 1e3,
    "k": 1e3,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Vague amounts: "hundreds of" is at least 100 and fewer than 1,000.
VAGUE = {
    "dozens": (12.0, 120.0),
    "scores": (20.0, 200.0),
    "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e10),
}
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}

_WORD = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
# "sixty-five", "two hundred and ten", "one million": number words joined by spaces or hyphens.
NUMBER_WORDS = (
    rf"(?:(?:{_WORD})(?:-(?:{_WORD}))?"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}|hundred|thousand|million|billion|trillion)(?:-(?:{_WORD}))?)*)"
)
NUMBER_WORDS_RE = re.compile(rf"\b{NUMBER_WORDS}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Digits:
    """A digit string read as a number: the usual reading and, when ambiguous, the other."""

    value: float
    alternative: float | None = None
    decimal_places: int = 0


def parse_digits(text: str) -> Digits | None:
    """Read '26,004', '4,7', '1 318 398', '03.5', '−412', '1.204' (ambiguous) into a value.

    Returns None when the grouping is not a number ('1,23,4').
    """
    text = text.strip()
    sign = 1.0
    if text[:1] in MINUS or text[:1] == "+":
        sign = -1.0 if text[:1] in MINUS else 1.0
        text = text[1:].strip()
    text = "".join(" " if c in SPACES else c for c in text)
    if not text or not text[0].isdigit():
        return None
    if " " in text:
        head, _, tail = text.rpartition(" ")
        decimal = ""
        for sep in ",.":
            if sep in tail:
                tail, decimal = tail.split(sep, 1)
        groups = [*head.split(" "), tail]
        if not _thousands(groups):
            return None
        value = float("".join(groups) + ("." + decimal if decimal else ""))
        return Digits(sign * value, None, len(decimal))
    seps = [c for c in text if c in ",."]
    if not seps:
        return Digits(sign * float(text))
    if len(set(seps)) == 2:
        decimal_sep = seps[-1]
        if seps.count(decimal_sep) > 1:
            return None
        thousand_sep = "," if decimal_sep == "." else "."
        whole, decimal = text.split(decimal_sep)
        if not _thousands(whole.split(thousand_sep)):
            return None
        return Digits(
            sign * float(whole.replace(thousand_sep, "") + "." + decimal), None, len(decimal)
        )
    sep = seps[0]
    parts = text.split(sep)
    if len(parts) > 2:
        if not (_thousands(parts) or (sep == "," and _lakhs(parts))):
            return None
        return Digits(sign * float("".join(parts)))
    whole, decimal = parts
    as_decimal = float(whole + "." + decimal)
    if len(decimal) != 3 or not _thousands(parts) or whole.startswith("0"):
        return Digits(sign * as_decimal, None, len(decimal))
    as_thousands = float(whole + decimal)
    if sep == ",":
        return Digits(sign * as_thousands, sign * as_decimal)
    return Digits(sign * as_decimal, sign * as_thousands, 3)


def _thousands(groups: list[str]) -> bool:
    """'1', '318', '398': a first group of 1-3 digits, then groups of exactly 3."""
    return (
        all(g.isdigit() for g in groups)
        and 1 <= len(groups[0]) <= 3
        and all(len(g) == 3 for g in groups[1:])
    )


def _lakhs(groups: list[str]) -> bool:
    """'2', '34', '56', '789': Indian grouping, groups of 2 digits before the last 3."""
    return (
        all(g.isdigit() for g in groups)
        and 1 <= len(groups[0]) <= 2
        and all(len(g) == 2 for g in groups[1:-1])
        and len(groups[-1]) == 3
    )


def parse_words(text: str) -> float | None:
    """Read 'sixty-five', 'Two hundred and ten', 'one million' into a value; None if not one."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    for word in words:
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
        else:
            return None
    return total + current


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word or abbreviation: 'million' → 1e6, 'bn' → 1e9."""
    return SCALE_SUFFIXES.get(word.lower().rstrip("."))


def vague_range(text: str) -> tuple[float, float] | None:
    """The bounds of a vague amount: 'Hundreds' → (100, 1000); None if not one."""
    key = " ".join(text.lower().split())
    return VAGUE.get(key)


def fraction(numerator: str, denominator: str) -> float | None:
    """'two' 'thirds' → 2/3; 'a' 'quarter' → 1/4; None if not a fraction."""
    parts = FRACTIONS.get(denominator.lower())
    if parts is None:
        return None
    top = 1.0 if numerator.lower() in {"a", "an", "one"} else parse_words(numerator)
    if top is None or top <= 0:
        return None
    return top / parts
