"""The event log and the reviewed state derived from it, without the web app."""

from __future__ import annotations

import sqlite3

import pytest

from pipeline.review.events import EventLog, effective
from pipeline.review.highlight import segments
from pipeline.review.state import apply_fields, claim_anchor, derive, parse_fields

from .conftest import mia


def test_the_log_is_append_only(tmp_path):
    log = EventLog(tmp_path)
    event = log.append("r", "accept", "c1", {"anchor": [0, 1, "1"]}, "ok")
    assert log.events("r") == [event]
    con = sqlite3.connect(tmp_path / "review.sqlite")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE events SET action = 'reject'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM events")


def test_unknown_actions_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown review action"):
        EventLog(tmp_path).append("r", "approve", "c1")  # type: ignore[arg-type]


def test_undo_takes_back_one_event(tmp_path):
    log = EventLog(tmp_path)
    first = log.append("r", "accept", "c1")
    second = log.append("r", "reject", "c2")
    log.append("r", "undo", str(second.id))
    assert effective(log.events("r")) == [first]


def test_events_follow_their_claim_when_a_rerun_renumbers_claims(tmp_path):
    ex = mia()
    log = EventLog(tmp_path)
    c3 = ex.claims[2]
    log.append("mia-2024", "reject", "c3", {"anchor": list(claim_anchor(c3))}, "wrong")
    log.append("mia-2024", "accept", "c4", {"anchor": list(claim_anchor(ex.claims[3]))})
    rerun = ex.model_copy(
        update={
            "claims": [
                ex.claims[0],
                ex.claims[1],
                ex.claims[3].model_copy(update={"id": "c3"}),  # the old c4, renumbered
            ]
        }
    )
    reviewed = derive(rerun, log.events("mia-2024"))
    assert [(c.claim.id, c.claim.text, c.status) for c in reviewed.claims] == [
        ("c1", "12,540", "open"),
        ("c2", "3.2 percent", "open"),
        ("c3", "1,204", "accepted"),
    ]
    assert [e.target for e in reviewed.stale] == ["c3"]  # its claim is gone: not applied


@pytest.mark.parametrize(
    ("form", "fields"),
    [
        ({"value": " 12.5 "}, {"value": 12.5}),
        ({"unit": "", "measure": "  "}, {"unit": None, "measure": None}),
        (
            {"change": "decrease", "qualifier": "about"},
            {"change": "decrease", "qualifier": "about"},
        ),
        ({"csrf": "x", "next": "c2"}, {}),
    ],
    ids=["value", "blank-is-none", "choices", "other-fields-ignored"],
)
def test_parse_fields(form, fields):
    assert parse_fields(form) == fields


def test_apply_fields_keeps_the_change_base():
    claim = mia().claims[1]
    changed = apply_fields(claim, {"change": "increase"})
    assert changed.change is not None and changed.change.direction == "increase"
    assert apply_fields(claim, {"change": None}).change is None
    with pytest.raises(ValueError, match="kind"):
        apply_fields(claim, {"kind": "weight"})


def test_segments_give_the_text_back_and_claims_win_overlaps():
    reviewed = derive(mia(), [])
    parts = segments(reviewed)
    assert "".join(p.text for p in parts) == reviewed.extraction.release.text
    kinds = [(p.kind, p.text) for p in parts if p.kind]
    assert kinds[:3] == [
        ("ORG", "Ministry of Internal Affairs"),
        ("GPE", "Baku"),
        ("date", "14 February 2024"),
    ]
    assert ("claim", "12,540") in kinds
