"""Scores claims on NewsQuant-style sentences (value, value+unit, value+change, value+concept).

The data is a JSON list of {"text", "quantities": [{"value", "normalized_unit", "change",
"referred_concepts"}]}; values are numbers or ranges "a-b"; change is one of = ~ > < up down.
A predicted claim matches a gold quantity when the values agree (relative tolerance 1e-5; a
range matches a claim with the same ends, or a value equal to one end or the middle). Units
and labels are read as ../shared/eval/newsquant_score.py reads them, so both agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .schema import Claim

RANGE = re.compile(r"^\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*-\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*$", re.I)
# Unit spellings read as one name, as the shared newsquant_score.py reads them; "-" is no unit.
UNIT_SPELLINGS = {
    "%": "percentage",
    "percent": "percentage",
    "per cent": "percentage",
    "pct": "percentage",
    "percentage point": "percentage",
    "percentage_point": "percentage",
    "$": "dollar",
    "usd": "dollar",
    "us dollar": "dollar",
    "united states dollar": "dollar",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "t": "tonne",
    "metric ton": "tonne",
    "km": "kilometre",
    "kilometer": "kilometre",
    "m": "metre",
    "meter": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "l": "litre",
    "liter": "litre",
    "ml": "millilitre",
    "mph": "mile per hour",
    "km/h": "kilometre per hour",
    "eur": "euro",
    "€": "euro",
    "gbp": "pound sterling",
    "£": "pound sterling",
    "jpy": "japanese yen",
    "yen": "japanese yen",
    "cny": "chinese yuan",
    "yuan": "chinese yuan",
    "aud": "australian dollar",
    "hp": "horsepower",
    "ha": "hectare",
    "s": "second",
    "min": "minute",
    "h": "hour",
    "yr": "year",
    "years": "year",
    "days": "day",
    "degree celsius": "celsius",
    "°c": "celsius",
    "degree fahrenheit": "fahrenheit",
    "°f": "fahrenheit",
    "count": "-",
    "dimensionless": "-",
    "none": "-",
    "null": "-",
}
# NewsQuant's change labels as (qualifier group, change direction).
CHANGE_LABELS = {
    "=": (None, None),
    "~": ("~", None),
    ">": (">", None),
    "<": ("<", None),
    "up": (None, "increase"),
    "down": (None, "decrease"),
}
QUALIFIER_GROUPS = {
    "about": "~",
    "nearly": "~",
    "more_than": ">",
    "at_least": ">",
    "less_than": "<",
    "at_most": "<",
}
METRICS = ("value", "value+unit", "value+change", "value+concept")


def _unit(name: object) -> str:
    text = str(name or "").strip().lower()
    return UNIT_SPELLINGS.get(text, text) or "-"


def _words(text: object) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", str(text or "").lower()) if len(w) > 2}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-5 * abs(b) + 1e-8


def value_matches(claim: Claim, gold_value: str) -> bool:
    """Whether the claim states the gold value (or range)."""
    bounds = RANGE.match(gold_value)
    if not bounds:
        return _close(claim.value, float(gold_value))
    low, high = float(bounds.group(1)), float(bounds.group(2))
    if claim.range is not None:
        return _close(claim.range.low, low) and _close(claim.range.high, high)
    return any(_close(claim.value, v) for v in (low, high, (low + high) / 2))


def unit_matches(claim: Claim, gold: Mapping[str, Any]) -> bool:
    """Same normalized unit; a unitless gold needs a bare count; a noun unit may be the measure."""
    expected = _unit(gold.get("normalized_unit"))
    if expected in {_unit(claim.unit), _unit(claim.normalized.unit)}:
        return True
    if expected == "-":
        return claim.kind == "count" and claim.unit is None
    wanted = _words(expected)
    return bool(wanted) and wanted <= _words(claim.measure) | _words(claim.unit)


def change_matches(claim: Claim, gold: Mapping[str, Any]) -> bool:
    """The change direction, or else the qualifier, agrees with the gold label."""
    group, direction = CHANGE_LABELS.get(str(gold.get("change", "=")), (None, None))
    if direction:
        return claim.change is not None and claim.change.direction == direction
    return claim.change is None and QUALIFIER_GROUPS.get(claim.qualifier or "") == group


def concept_matches(claim: Claim, gold: Mapping[str, Any]) -> bool:
    """The measure shares a word with the referred concepts (or both are empty)."""
    concepts = _words(str(gold.get("referred_concepts", "")).replace(",", " "))
    return bool(concepts & _words(claim.measure)) if concepts else not _words(claim.measure)


def score(
    sentences: Sequence[Mapping[str, Any]], predictions: Sequence[Sequence[Claim]]
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 (percent) for each metric, sentence by sentence."""
    hits = dict.fromkeys(METRICS, 0)
    n_gold = sum(len(s["quantities"]) for s in sentences)
    n_pred = sum(len(p) for p in predictions)
    for sentence, claims in zip(sentences, predictions, strict=True):
        used: set[int] = set()
        for gold in sentence["quantities"]:
            found = next(
                (
                    i
                    for i, c in enumerate(claims)
                    if i not in used and value_matches(c, gold["value"])
                ),
                None,
            )
            if found is None:
                continue
            used.add(found)
            claim = claims[found]
            hits["value"] += 1
            hits["value+unit"] += unit_matches(claim, gold)
            hits["value+change"] += change_matches(claim, gold)
            hits["value+concept"] += concept_matches(claim, gold)
    result = {}
    for metric, tp in hits.items():
        p = 100 * tp / n_pred if n_pred else 0.0
        r = 100 * tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[metric] = {"p": round(p, 1), "r": round(r, 1), "f1": round(f, 1)}
    return result
