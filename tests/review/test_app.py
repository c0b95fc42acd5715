"""Routes of the review app through FastAPI's TestClient: pages, actions, undo and security."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipeline.review.catalog import load_extraction
from pipeline.review.events import EventLog
from pipeline.review.state import ReviewedRelease, derive

from .conftest import span


def state(out: Path, rid: str = "mia-2024") -> ReviewedRelease:
    """The reviewed state as derived from the files and the event log."""
    return derive(load_extraction(out, rid), EventLog(out).events(rid))


def status(out: Path, cid: str, rid: str = "mia-2024") -> str:
    review = state(out, rid).claim(cid)
    assert review is not None
    return review.status


def list_ids(client: TestClient, **params: str) -> list[str]:
    page = client.get("/", params=params)
    assert page.status_code == 200
    return re.findall(r'<div class="sub">([\w.-]+)</div>', page.text)


def test_list_shows_every_release_newest_first(client):
    page = client.get("/")
    assert list_ids(client) == ["xss-2025", "mia-2024", "health-2023"]
    assert "Ministry of Internal Affairs" in page.text
    assert '<span class="badge sev-error">1 error</span>' in page.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"issuer": "Ministry of Health"}, ["health-2023"]),
        ({"year": "2023"}, ["mia-2024"]),
        ({"year": "2022"}, ["health-2023"]),
        ({"severity": "error"}, ["mia-2024"]),
        ({"severity": "warning"}, ["xss-2025"]),
        ({"status": "new"}, ["xss-2025", "mia-2024", "health-2023"]),
        ({"status": "reviewed"}, []),
        ({"q": "measles"}, ["health-2023"]),
        ({"q": "BAKU"}, ["mia-2024"]),
        ({"severity": "bogus", "status": "bogus"}, ["xss-2025", "mia-2024", "health-2023"]),
    ],
    ids=[
        "issuer",
        "period",
        "period-2",
        "error",
        "warning",
        "new",
        "reviewed",
        "text",
        "case",
        "unknown-values-ignored",
    ],
)
def test_list_filters(client, params, expected):
    assert list_ids(client, **params) == expected


def test_status_filter_follows_the_review(client, post):
    post("/releases/health-2023/claims/c1/accept")
    assert list_ids(client, status="reviewed") == ["health-2023"]
    post("/releases/mia-2024/claims/c1/accept")
    assert list_ids(client, status="in progress") == ["mia-2024"]


def test_release_page_highlights_claims_dates_entities_and_flags(client):
    page = client.get("/releases/mia-2024")
    assert page.status_code == 200
    text = page.text
    assert 'class="hl k-claim st-open selected" id="t-c1"' in text
    assert 'class="hl k-date" id="t-d1"' in text
    assert 'class="hl k-ORG"' in text and 'class="hl k-GPE"' in text
    assert "Stated 3.2 percent fewer" in text
    assert "[4.05, 4.15]" in text and "rounded; truncated" in text
    assert 'href="?sel=c2#t-c2" data-sel="c2">c2 · 3.2 percent</a>' in text
    assert "&#34;percent_change.v1&#34;" in text  # the raw JSON, escaped


def test_release_text_is_rendered_exactly(client):
    page = client.get("/releases/mia-2024").text
    body = page.split('<div id="text"', 1)[1].split(">", 1)[1].split("</div>", 1)[0]
    assert re.sub(r"<[^>]+>", "", body).replace("&amp;", "&") == load_text("mia-2024", client)


def load_text(rid: str, client: TestClient) -> str:
    return json.loads(client.get(f"/releases/{rid}/extraction.json").text)["release"]["text"]


def test_selection_shows_that_panel_only(client):
    page = client.get("/releases/mia-2024", params={"sel": "d2"}).text
    assert '<section class="panel" id="p-d2" data-panel="d2">' in page
    assert '<section class="panel" id="p-c1" data-panel="c1" hidden>' in page


def test_raw_json_endpoints(client, post):
    raw = client.get("/releases/mia-2024/extraction.json")
    assert raw.headers["content-type"] == "application/json"
    assert len(json.loads(raw.text)["claims"]) == 4
    post("/releases/mia-2024/claims/c4/reject", reason="not a figure")
    reviewed = json.loads(client.get("/releases/mia-2024/reviewed.json").text)
    assert [c["id"] for c in reviewed["claims"]] == ["c1", "c2", "c3"]


def test_accept_records_an_event_and_moves_on(client, post, out):
    response = post("/releases/mia-2024/claims/c1/accept", next="c2")
    assert response.status_code == 303
    assert response.headers["location"] == "/releases/mia-2024?sel=c2#t-c2"
    assert status(out, "c1") == "accepted"
    assert [e.action for e in EventLog(out).events("mia-2024")] == ["accept"]


def test_reject_with_a_reason(client, post, out):
    post("/releases/mia-2024/claims/c4/reject", reason="a year, not a count")
    review = state(out).claim("c4")
    assert review is not None and review.status == "rejected"
    assert review.reason == "a year, not a count"
    assert "c4" not in {c.id for c in state(out).corrected().claims}


def test_correct_fields(client, post, out):
    response = post(
        "/releases/mia-2024/claims/c3/correct",
        value="86.5",
        unit="percentage",
        kind="percent",
        measure="crimes solved",
        period="d2",
        qualifier="about",
        change="",
        reason="typo",
    )
    assert response.status_code == 303
    review = state(out).claim("c3")
    assert review is not None and review.status == "corrected"
    assert review.claim.value == 86.5 and review.claim.normalized.value == 86.5
    assert (review.claim.measure, review.claim.period, review.claim.qualifier) == (
        "crimes solved",
        "d2",
        "about",
    )
    assert review.original is not None and review.original.measure == "solved"
    (event,) = EventLog(out).events("mia-2024")
    assert event.data["fields"] == {
        "value": 86.5,
        "measure": "crimes solved",
        "period": "d2",
        "qualifier": "about",
    }
    assert "was <del>solved</del>" in client.get("/releases/mia-2024?sel=c3").text


def test_correct_change_and_unit_renormalises(post, out):
    post(
        "/releases/mia-2024/claims/c1/correct",
        value="12.54",
        unit="ton",
        kind="mass",
        change="increase",
    )
    claim = state(out).claim("c1")
    assert claim is not None
    assert claim.claim.normalized.value == pytest.approx(12540.0)
    assert claim.claim.normalized.unit == "kilogram"
    assert claim.claim.change is not None and claim.claim.change.direction == "increase"


def test_correct_with_no_change_records_nothing(post, out):
    assert post("/releases/mia-2024/claims/c1/correct", value="12540").status_code == 303
    assert EventLog(out).events("mia-2024") == []


@pytest.mark.parametrize(
    "form",
    [
        {"value": "many"},
        {"value": "nan"},
        {"kind": "weight"},
        {"qualifier": "roughly"},
        {"change": "sideways"},
        {"period": "d9"},
        {"kind": ""},
    ],
    ids=["value", "nan", "kind", "qualifier", "change", "period", "kind-empty"],
)
def test_correct_rejects_bad_fields(post, out, form):
    response = post("/releases/mia-2024/claims/c1/correct", **form)
    assert response.status_code == 400
    assert "Correction not recorded" in response.text
    assert EventLog(out).events("mia-2024") == []


def test_add_a_missed_claim(client, post, out):
    start, _ = span(load_text("mia-2024", client), "2022")
    response = post(
        "/releases/mia-2024/claims",
        text="2022",
        start=str(start),
        value="2022",
        kind="other",
        measure="a test",
    )
    assert response.status_code == 303
    (event,) = EventLog(out).events("mia-2024")
    assert response.headers["location"] == f"/releases/mia-2024?sel=a{event.id}#t-a{event.id}"
    added = state(out).claim(f"a{event.id}")
    assert added is not None and added.status == "added"
    assert (added.claim.start, added.claim.text, added.claim.component) == (start, "2022", "review")
    # an added claim can itself be corrected
    post(f"/releases/mia-2024/claims/a{event.id}/correct", measure="year")
    fixed = state(out).claim(f"a{event.id}")
    assert fixed is not None and fixed.claim.measure == "year"


@pytest.mark.parametrize(
    "form",
    [
        {"text": "2022", "start": "3"},
        {"text": "99,999"},
        {"text": "  "},
        {"text": "2022", "start": "x"},
        {"text": "2022", "value": ""},
    ],
    ids=["wrong-offset", "not-in-text", "blank", "bad-offset", "no-value"],
)
def test_add_rejects_bad_selections(post, out, form):
    response = post("/releases/mia-2024/claims", **{"value": "1", "kind": "count", **form})
    assert response.status_code == 400
    assert EventLog(out).events("mia-2024") == []


def test_confirm_and_dismiss_flags(post, out):
    assert post("/releases/mia-2024/flags/f1/confirm", reason="checked").status_code == 303
    flag = state(out).flag("f1")
    assert flag is not None and (flag.status, flag.reason) == ("confirmed", "checked")
    assert post("/releases/mia-2024/flags/f1/dismiss").status_code == 400  # a reason is needed
    post("/releases/mia-2024/flags/f1/dismiss", reason="3.2 is rounded from another base")
    flag = state(out).flag("f1")
    assert flag is not None and flag.status == "dismissed"
    assert state(out).corrected().flags == []


def test_reviewed_when_every_claim_and_flag_is_decided(post, out):
    for cid in ("c1", "c2", "c3"):
        post(f"/releases/mia-2024/claims/{cid}/accept")
    post("/releases/mia-2024/claims/c4/reject")
    assert state(out).status == "in progress"
    post("/releases/mia-2024/flags/f1/confirm")
    assert state(out).status == "reviewed"


def test_undo_takes_back_the_latest_action(client, post, out):
    post("/releases/mia-2024/claims/c1/accept")
    post("/releases/mia-2024/claims/c2/reject")
    response = post("/releases/mia-2024/undo")
    assert response.headers["location"] == "/releases/mia-2024?sel=c2#t-c2"
    assert (status(out, "c1"), status(out, "c2")) == ("accepted", "open")
    post("/releases/mia-2024/undo")
    assert status(out, "c1") == "open"
    assert state(out).status == "new"
    events = EventLog(out).events("mia-2024")
    assert [e.action for e in events] == ["accept", "reject", "undo", "undo"]  # nothing erased
    post("/releases/mia-2024/undo")  # nothing left to undo
    assert len(EventLog(out).events("mia-2024")) == 4


def test_undo_an_added_claim(client, post, out):
    post("/releases/mia-2024/claims", text="2022", value="2022", kind="other")
    assert len(state(out).claims) == 5
    post("/releases/mia-2024/undo")
    assert len(state(out).claims) == 4


@pytest.mark.parametrize("token", [None, "", "0" * 64], ids=["missing", "empty", "wrong"])
def test_posts_without_the_csrf_token_are_refused(client, out, token):
    form = {} if token is None else {"csrf": token}
    response = client.post("/releases/mia-2024/claims/c1/accept", data=form)
    assert response.status_code == 403
    assert EventLog(out).events() == []


def test_csrf_token_in_a_header_and_cross_origin_posts(client, token, out):
    ok = client.post("/releases/mia-2024/claims/c1/accept", headers={"X-CSRF-Token": token})
    assert ok.status_code == 303
    cross = client.post(
        "/releases/mia-2024/claims/c2/accept",
        data={"csrf": token},
        headers={"Origin": "https://evil.example"},
    )
    assert cross.status_code == 403
    assert [e.target for e in EventLog(out).events()] == ["c1"]


def test_every_form_carries_the_token(client, token):
    page = client.get("/releases/mia-2024").text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    assert forms and all(f'name="csrf" value="{token}"' in form for form in forms)


def test_state_changing_routes_refuse_get(client):
    assert client.get("/releases/mia-2024/claims/c1/accept").status_code == 405
    assert client.get("/releases/mia-2024/undo").status_code == 405


@pytest.mark.parametrize(
    "url",
    [
        "/releases/nope",
        "/releases/nope/extraction.json",
        "/releases/mia-2024/claims/c99/accept",
        "/releases/mia-2024/flags/f9/confirm",
    ],
)
def test_unknown_ids_are_404(client, post, url):
    response = post(url) if url.endswith(("accept", "confirm")) else client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/releases/..%2Findex.sqlite",
        "/releases/..%2F..%2F..%2Fetc%2Fpasswd",
        "/releases/%2E%2E",
        "/releases/../../etc/passwd",
        "/releases/.hidden",
        "/releases/mia-2024%00",
        "/releases/%2Fetc%2Fpasswd",
        "/releases/..%5C..%5Cwindows",
        "/releases/stray/extraction.json",
        "/static/../index.sqlite",
        "/static/..%2Findex.sqlite",
    ],
)
def test_path_traversal_is_404(client, out, url):
    (out / "releases" / "stray.json").write_text((out / "releases" / "mia-2024.json").read_text())
    response = client.get(url)
    assert response.status_code == 404
    assert "SQLite" not in response.text and "root:" not in response.text


def test_xss_payloads_render_inert(client):
    for url in ("/", "/releases/xss-2025", "/releases/xss-2025?sel=c1"):
        page = client.get(url).text
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<i>Evil</i>" not in page
    page = client.get("/releases/xss-2025").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # a field
    assert "&lt;img src=x onerror=alert(3)&gt;" in page  # a flag message


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_foreign_host_headers_are_refused(out):
    app = TestClient(create_local_app(out), base_url="http://evil.example")
    assert app.get("/").status_code == 400
    local = TestClient(create_local_app(out), base_url="http://127.0.0.1:8765")
    assert local.get("/").status_code == 200


def create_local_app(out: Path):  # type: ignore[no-untyped-def]
    from pipeline.review.app import create_app

    return create_app(out)


def test_static_assets_are_served(client):
    assert client.get("/static/review.js").status_code == 200
    assert "text/css" in client.get("/static/review.css").headers["content-type"]
