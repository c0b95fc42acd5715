"""Runs every registered check and turns findings into flags with stable ids."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing

from ..corpus import Entry, index
from ..corpus_groups import EntryGroups
from ..schema import ClaimRef, CorpusFlag, Expected, Extraction, Flag
from .registry import Check, Finding, checks_for

INDEX_FAILURE = "corpus_index"
"""The `check` of the info flag for a release the cross-release index could not read."""


def run_release_checks(extraction: Extraction, checks: Sequence[Check] | None = None) -> list[Flag]:
    """Flags for one release, ordered by the position of their first claim then by check."""
    found: list[tuple[Check, Finding]] = []
    for check in checks if checks is not None else checks_for("release"):
        found.extend((check, f) for f in _findings(check, extraction))
    order = {c.id: i for i, c in enumerate(extraction.claims)}
    found.sort(key=lambda cf: (min((order.get(c, 0) for c in cf[1].claims), default=0), cf[0].id))
    return [
        Flag(
            id=f"f{i}",
            check=check.id,
            severity=finding.severity or check.severity,
            message=finding.message,
            claims=list(finding.claims),
            stated=finding.stated,
            expected=_expected(finding),
            readings=finding.readings,
        )
        for i, (check, finding) in enumerate(found, start=1)
    ]


def run_corpus_checks(
    extractions: Iterable[Extraction], checks: Sequence[Check] | None = None
) -> list[CorpusFlag]:
    """Cross-release flags over all extractions, in a deterministic order."""
    return list(corpus_flags(extractions, checks))


def corpus_flags(
    extractions: Iterable[Extraction], checks: Sequence[Check] | None = None
) -> Iterator[CorpusFlag]:
    """run_corpus_checks one flag at a time: each flag is built when it is read.

    The extractions are read once, one at a time, into the cross-release index, which is kept
    on disk by group; each check then runs on one group at a time (EntryGroups).
    """
    checks = list(checks if checks is not None else checks_for("corpus"))
    severities = {c.id: c.severity for c in checks}
    unindexed: list[tuple[str, Finding]] = []
    with closing(EntryGroups()) as groups:
        for extraction in extractions:
            try:
                entries = list(index([extraction]))
            except Exception as e:  # noqa: BLE001  (one bad release must not stop the corpus step)
                unindexed.append((INDEX_FAILURE, _left_out(extraction.release.id, e)))
                continue
            groups.add(entries, checks)
        found = [(c.id, f) for c, f in _group_findings(checks, groups.groups())]
    found.sort(key=lambda cf: (cf[0], [tuple(c) for c in cf[1].claims]))
    for i, (check_id, finding) in enumerate([*found, *unindexed], start=1):
        yield CorpusFlag(
            id=f"x{i}",
            check=check_id,
            severity=finding.severity or severities[check_id],
            message=finding.message,
            claims=[ClaimRef(release=r, claim=c) for r, c in finding.claims],
            stated=finding.stated,
            expected=_expected(finding),
            readings=finding.readings,
        )


def _group_findings(
    checks: Sequence[Check], groups: Iterable[tuple[str, list[Entry]]]
) -> list[tuple[Check, Finding]]:
    """Each check's findings over its groups; a check that crashes on any group yields only
    the info finding that says so."""
    by_id = {c.id: c for c in checks}
    found: dict[str, list[Finding]] = {c.id: [] for c in checks}
    failed: dict[str, Finding] = {}
    for check_id, entries in groups:
        if check_id in failed:
            continue
        try:
            found[check_id].extend(by_id[check_id].func(entries))
        except Exception as e:  # noqa: BLE001  (as in _findings)
            failed[check_id] = _failure(by_id[check_id], e)
    return [(c, f) for c in checks for f in ([failed[c.id]] if c.id in failed else found[c.id])]


def _findings(check: Check, subject: object) -> list[Finding]:
    """The check's findings; a check that crashes yields one info finding saying so."""
    try:
        return list(check.func(subject))
    except Exception as e:  # noqa: BLE001  (a broken check must not lose the release's output)
        return [_failure(check, e)]


def _left_out(release_id: str, error: Exception) -> Finding:
    """The info finding of a release the cross-release index could not read."""
    message = f"release {release_id} is left out of the cross-release checks: {error!r}"
    return Finding(claims=[], message=message, severity="info")


def _failure(check: Check, error: Exception) -> Finding:
    """The info finding of a check that crashed."""
    return Finding(claims=[], message=f"check {check.id} could not run: {error!r}", severity="info")


def _expected(finding: Finding) -> Expected | None:
    """The finding's interval, with infinite ends written as unbounded (null)."""
    if finding.expected is None:
        return None
    low, high = finding.expected
    return Expected(
        low=low if math.isfinite(low) else None, high=high if math.isfinite(high) else None
    )
