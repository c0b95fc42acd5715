"""The registry of consistency checks: a versioned id, a scope, a severity and a function."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Scope = Literal["release", "corpus"]
GroupBy = Callable[[Sequence[Any]], Iterable[tuple[Hashable, Any]]]
"""For a corpus check: the (group key, entry) pairs of one release's index entries."""


@dataclass
class Finding:
    """What a check found: the claims involved and the arithmetic, before ids are assigned.

    `claims` holds claim ids for release checks and (release id, claim id) pairs for corpus
    checks. `severity` overrides the check's default when set.
    """

    claims: list[Any]
    message: str
    stated: float | None = None
    expected: tuple[float, float] | None = None
    readings: list[str] = field(default_factory=list)
    severity: str | None = None


@dataclass(frozen=True)
class Check:
    """A registered check."""

    id: str
    scope: Scope
    severity: str
    func: Callable[..., Iterable[Finding]]
    group_by: GroupBy | None = None
    """A corpus check relates only entries of one group and runs on each group alone; None puts
    every entry in one group."""

    @property
    def rule(self) -> str:
        """The rule the check enforces: the first paragraph of its docstring."""
        return (self.func.__doc__ or "").strip().split("\n\n")[0]


CHECKS: dict[str, Check] = {}


def register_check(
    check_id: str,
    *,
    scope: Scope = "release",
    severity: str = "error",
    group_by: GroupBy | None = None,
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Decorator: register `func` as the check `check_id` (e.g. 'percent_of_total.v1')."""

    def decorate(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if check_id in CHECKS and CHECKS[check_id].func is not func:
            raise ValueError(f"check {check_id!r} is registered twice")
        CHECKS[check_id] = Check(check_id, scope, severity, func, group_by)
        return func

    return decorate


def checks_for(scope: Scope) -> list[Check]:
    """Every registered check of the scope, in id order."""
    from . import families  # noqa: F401  (importing the families registers their checks)

    return [c for _, c in sorted(CHECKS.items()) if c.scope == scope]
