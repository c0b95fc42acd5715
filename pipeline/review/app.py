"""The review web app: a FastAPI app over one output folder.

Pages are server-rendered Jinja2 (autoescaped) and every action is a plain HTML form POST with
a CSRF token, answered by a redirect back to the page; static/review.js only adds keys and
highlight selection on top. Releases are addressed by id, checked against the index.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import dumps
from .catalog import Catalog, Filters, choices
from .events import EventLog
from .highlight import segments
from .security import CSRF_FIELD, CSRF_HEADER, HEADERS, LOCAL_HOSTS, Csrf, same_origin
from .state import (
    CHOICES,
    FIELDS,
    RAISED,
    RELEASE_STATUSES,
    ClaimReview,
    ReviewedRelease,
    apply_fields,
    claim_anchor,
    field_value,
    flag_anchor,
    new_claim,
    parse_fields,
)

HERE = Path(__file__).parent
MAX_FIELD = 2000
Form = dict[str, str]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.15g}"


async def posted(request: Request) -> Form:
    """The submitted form, once its CSRF token and origin are checked."""
    form = await request.form()
    token = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
    origin_ok = same_origin(request.headers.get("origin"), request.headers.get("host"))
    csrf: Csrf = request.app.state.csrf
    if not origin_ok or not csrf.valid(token if isinstance(token, str) else None):
        raise HTTPException(403, "Invalid or missing CSRF token: reload the page, try again.")
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    if any(len(v) > MAX_FIELD for v in fields.values()):
        raise HTTPException(400, f"A field is longer than {MAX_FIELD} characters.")
    return fields


Posted = Annotated[Form, Depends(posted)]


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters["num"] = _number
    return Jinja2Templates(env=env)


def create_app(
    out: Path, *, allowed_hosts: Sequence[str] = LOCAL_HOSTS, secret: bytes | None = None
) -> FastAPI:
    """The review app over an output folder of `pressfacts run`.

    Args:
        out: The output folder (its index.sqlite and releases/); review.sqlite is created in it.
        allowed_hosts: Host names the app answers to ("*" for any), against DNS rebinding.
        secret: The CSRF secret; a random one per app when None.
    """
    log = EventLog(out)
    catalog = Catalog(out, log)
    csrf = Csrf(secret)
    templates = _templates()
    app = FastAPI(title="pressfacts review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.csrf = csrf
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = urlsplit("//" + request.headers.get("host", "")).hostname or ""
        if "*" not in allowed_hosts and host not in allowed_hosts:
            response: Response = HTMLResponse("Invalid host header", status_code=400)
        else:
            response = await call_next(request)
        response.headers.update(HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException) -> Response:
        context = {"status": exc.status_code, "detail": exc.detail}
        return templates.TemplateResponse(request, "error.html", context, exc.status_code)

    def reviewed(rid: str) -> ReviewedRelease:
        try:
            return catalog.reviewed(rid)
        except KeyError as e:
            raise HTTPException(404, "No release with this id.") from e

    def claim_of(rv: ReviewedRelease, cid: str) -> ClaimReview:
        claim = rv.claim(cid)
        if claim is None:
            raise HTTPException(404, "No claim with this id in this release.")
        return claim

    def back(rv: ReviewedRelease, form: Form, default: str | None, anchor: str = "") -> Response:
        """Redirect to the release page, selecting the form's `next` claim when it is one."""
        sel = form.get("next") if rv.claim(form.get("next", "")) else default
        url = f"/releases/{quote(rv.id)}"
        if sel:
            url += f"?sel={quote(sel)}"
        return RedirectResponse(url + (anchor or (f"#t-{quote(sel)}" if sel else "")), 303)

    def reason(form: Form) -> str | None:
        return form.get("reason", "").strip() or None

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse)
    def releases(
        request: Request,
        issuer: str = "",
        year: str = "",
        severity: str = "",
        status: str = "",
        q: str = "",
    ) -> Response:
        filters = Filters(
            issuer=issuer or None,
            year=year or None,
            severity=severity if severity in RAISED else None,
            status=status if status in RELEASE_STATUSES else None,
            q=q.strip() or None,
        )
        rows = catalog.rows()
        issuers, years = choices(rows)
        context = {
            "rows": catalog.narrow(rows, filters),
            "filters": filters,
            "issuers": issuers,
            "years": years,
            "severities": RAISED,
            "statuses": RELEASE_STATUSES,
        }
        return templates.TemplateResponse(request, "releases.html", context)

    @app.get("/releases/{rid}", response_class=HTMLResponse)
    def release(request: Request, rid: str, sel: str = "") -> Response:
        rv = reviewed(rid)
        ex = rv.extraction
        ids = {c.claim.id for c in rv.claims} | {d.id for d in ex.dates}
        ids |= {e.id for e in ex.entities}
        if sel not in ids:
            sel = next((c.claim.id for c in rv.claims if c.status == "open"), "")
        order = [c.claim.id for c in rv.claims]
        context: dict[str, Any] = {
            "rv": rv,
            "ex": ex,
            "segments": segments(rv),
            "sel": sel,
            "order": order,
            "following": dict(zip(order, [*order[1:], ""], strict=True)),
            "dates": {d.id: d for d in ex.dates},
            "by_id": {c.claim.id: c for c in rv.claims},
            "decided": sum(c.status != "open" for c in rv.claims),
            "undoable": rv.last_undoable(),
            "fields": FIELDS,
            "choices": CHOICES,
            "field_value": field_value,
            "raw": dumps(ex),
            "csrf": csrf.token,
        }
        return templates.TemplateResponse(request, "release.html", context)

    @app.get("/releases/{rid}/extraction.json")
    def extraction_json(rid: str) -> Response:
        return Response(dumps(reviewed(rid).extraction), media_type="application/json")

    @app.get("/releases/{rid}/reviewed.json")
    def reviewed_json(rid: str) -> Response:
        return Response(dumps(reviewed(rid).corrected()), media_type="application/json")

    def decide(rid: str, cid: str, form: Form, action: Literal["accept", "reject"]) -> Response:
        """Record an accept or reject of a claim, anchored to its text."""
        rv = reviewed(rid)
        claim = claim_of(rv, cid).claim
        log.append(rid, action, cid, {"anchor": claim_anchor(claim)}, reason(form))
        return back(rv, form, cid)

    @app.post("/releases/{rid}/claims/{cid}/accept")
    def accept(rid: str, cid: str, form: Posted) -> Response:
        return decide(rid, cid, form, "accept")

    @app.post("/releases/{rid}/claims/{cid}/reject")
    def reject(rid: str, cid: str, form: Posted) -> Response:
        return decide(rid, cid, form, "reject")

    @app.post("/releases/{rid}/claims/{cid}/correct")
    def correct(rid: str, cid: str, form: Posted) -> Response:
        rv = reviewed(rid)
        claim = claim_of(rv, cid).claim
        try:
            fields = parse_fields(form)
            changed = {k: v for k, v in fields.items() if v != field_value(claim, k)}
            rv.check_fields(changed)
            apply_fields(claim, changed)
        except ValueError as e:
            raise HTTPException(400, f"Correction not recorded: {e}") from e
        if changed:
            data = {"anchor": claim_anchor(claim), "fields": changed}
            log.append(rid, "correct", cid, data, reason(form))
        return back(rv, form, cid)

    @app.post("/releases/{rid}/claims")
    def add(rid: str, form: Posted) -> Response:
        rv = reviewed(rid)
        text, full = form.get("text", ""), rv.extraction.release.text
        try:
            start = int(form["start"]) if form.get("start") else full.find(text)
            if not text.strip() or start < 0 or full[start : start + len(text)] != text:
                raise ValueError(f"{text!r} is not in the release text at that offset")
            fields = parse_fields(form)
            rv.check_fields(fields)
            new_claim("new", start, start + len(text), text, fields)
        except ValueError as e:
            raise HTTPException(400, f"Claim not added: {e}") from e
        claim = {"start": start, "end": start + len(text), "text": text, "fields": fields}
        event = log.append(rid, "add", None, {"claim": claim}, reason(form))
        return back(rv, {}, f"a{event.id}")

    def flag_action(rid: str, fid: str, form: Form, action: str) -> Response:
        rv = reviewed(rid)
        flag = rv.flag(fid)
        if flag is None:
            raise HTTPException(404, "No flag with this id in this release.")
        if action == "dismiss" and not reason(form):
            raise HTTPException(400, "Say why the flag is dismissed.")
        data = {"anchor": flag_anchor(flag.flag)}
        log.append(rid, "confirm" if action == "confirm" else "dismiss", fid, data, reason(form))
        return back(rv, form, form.get("next"), f"#flag-{quote(fid)}")

    @app.post("/releases/{rid}/flags/{fid}/confirm")
    def confirm(rid: str, fid: str, form: Posted) -> Response:
        return flag_action(rid, fid, form, "confirm")

    @app.post("/releases/{rid}/flags/{fid}/dismiss")
    def dismiss(rid: str, fid: str, form: Posted) -> Response:
        return flag_action(rid, fid, form, "dismiss")

    @app.post("/releases/{rid}/undo")
    def undo(rid: str, form: Posted) -> Response:
        rv = reviewed(rid)
        event = rv.last_undoable()
        if event is None:
            return back(rv, form, None)
        log.append(rid, "undo", str(event.id), {"action": event.action, "target": event.target})
        target = event.target if event.action != "add" else None
        return back(rv, form, target if rv.claim(target or "") else None)

    return app
