"""The review window: a small server-rendered Starlette app over the forcewatch database.

Article text comes from untrusted web pages, so every page is a Jinja2 template with autoescape on
(stored text is never marked safe) and a Content-Security-Policy that allows only the app's own
script and styles. Every POST carries a CSRF token kept in a signed session cookie; with a token
(``--token``), every request must present it, once as ``?token=`` (then a cookie) or as
``Authorization: Bearer``. A correction and the article's "reviewed" mark are one transaction.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from pipeline.review import charts
from pipeline.review.forms import FIELDS, FormError, added_fact, changed_fields, form_value
from pipeline.review.highlight import segments
from pipeline.review.queries import PAGE_SIZE, ArticleFilter, article_list, article_page, force_names
from pipeline.storage.corrections import (
    CONFLICT_MESSAGE,
    ConflictError,
    CorrectionError,
    fact_version,
    mark_reviewed,
    record_correction,
)
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "forcewatch_review_token"
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
KIND_LABELS = {"force": "force", "official": "official", "money": "money", "function": "function",
               "job_concern": "job concern", "collaboration": "collaboration"}
KIND_PLURALS = {"force": "forces", "official": "officials", "money": "money figures", "function": "functions",
                "job_concern": "job concerns", "collaboration": "collaborations"}


class TokenGate:
    """Refuses every request that does not present the token (query once, then cookie; or a Bearer header)."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app, self.token = app, token

    def _ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.query_params.get("token")
        if self._ok(given):  # keep it in a cookie and take it out of the address bar (and history)
            params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(params)}" if params else "")
            response: Response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        header = request.headers.get("authorization", "")
        bearer = header[7:].strip() if header.lower().startswith("bearer ") else None
        if self._ok(bearer) or self._ok(request.cookies.get(TOKEN_COOKIE)):
            await self.app(scope, receive, send)
            return
        response = PlainTextResponse(
            "this review window needs its token: open it once with ?token=TOKEN, or send 'Authorization: Bearer TOKEN'",
            status_code=401)
        await response(scope, receive, send)


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                own = {k.lower() for k, _ in headers}  # a response may set its own policy (the SVG charts)
                message["headers"] = [*headers, *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                                                  if k.encode() not in own)]
            await send(message)

        await self.app(scope, receive, with_headers)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(FIELDS=FIELDS, KIND_LABELS=KIND_LABELS, KIND_PLURALS=KIND_PLURALS, form_value=form_value,
                       segments=segments)
    return env


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in request.session:
        request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


async def checked_form(request: Request) -> dict[str, str]:
    """The posted form, after checking its CSRF token against the session's (403 otherwise)."""
    form = await request.form()
    expected, given = request.session.get("csrf"), form.get("csrf")
    if not expected or not isinstance(given, str) or not hmac.compare_digest(expected.encode(), given.encode()):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(400, f"not a date (YYYY-MM-DD): {value!r}") from None


def _int(value: str | None, name: str) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise HTTPException(400, f"{name}: not a whole number: {value!r}") from None


def create_app(db_url: str, token: str | None = None) -> Starlette:
    """The review app over the database at ``db_url`` (which must exist); every request needs ``token`` if given."""
    engine, _ = open_database(db_url, create=False)
    env = _environment()

    def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.update(request=request, csrf=csrf_token(request), reviewer=request.session.get("reviewer", ""),
                       flash=request.session.pop("flash", None))
        return HTMLResponse(env.get_template(name).render(**context), status_code=status_code)

    async def index(request: Request) -> Response:
        p = request.query_params
        flt = ArticleFilter(q=p.get("q", ""), force=p.get("force", ""), date_from=_date(p.get("from")),
                            date_to=_date(p.get("to")), has_money=bool(p.get("money")), has_jobs=bool(p.get("jobs")),
                            not_reviewed=bool(p.get("unreviewed")), page=max(_int(p.get("page") or "1", "page"), 1))

        def load() -> tuple:
            with engine.connect() as conn:
                return (*article_list(conn, flt), force_names(conn))

        rows, total, names = await run_in_threadpool(load)
        params = [(k, v) for k, v in p.multi_items() if k != "page"]
        pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
        return render(request, "index.html", rows=rows, total=total, flt=flt, forces=names, page=flt.page, pages=pages,
                      page_link=lambda n: "/?" + urlencode([*params, ("page", str(n))]))

    async def article(request: Request) -> Response:
        article_id = request.path_params["article_id"]

        def load() -> tuple:
            with engine.connect() as conn:
                return article_page(conn, article_id), force_names(conn)

        page, names = await run_in_threadpool(load)
        if page is None:
            raise HTTPException(404, f"no article {article_id}")
        return render(request, "article.html", page=page, forces=names)

    def _sha(conn, article_id: int) -> tuple[str, str]:
        row = conn.execute(select(articles.c.sha256, articles.c.text).where(articles.c.id == article_id)).first()
        if row is None:
            raise HTTPException(404, f"no article {article_id}")
        return row.sha256, row.text

    def _conflict(request: Request, article_id: int, message: str, form: dict[str, str]) -> HTMLResponse:
        kept = {k: v for k, v in form.items() if k != "csrf"}
        return render(request, "message.html", status_code=409, title="Conflict", message=message,
                      article_id=article_id, submitted=kept)

    async def fact(request: Request) -> Response:
        """Accept, reject or correct one fact: the form carries the version the reviewer saw."""
        article_id = request.path_params["article_id"]
        form = await checked_form(request)
        # the fact's kind is `fact_kind`: `kind` is a money figure's attribute
        action, kind = form.get("action", ""), form.get("fact_kind", "")
        if kind not in FIELDS or action not in ("accept", "reject", "correct"):
            raise HTTPException(400, f"unknown fact kind or action: {kind!r}, {action!r}")
        start, end = _int(form.get("start"), "start"), _int(form.get("end"), "end")
        seen = _int(form.get("version"), "version")
        reviewer = request.session.get("reviewer") or None

        def write() -> int:
            with engine.begin() as conn:
                sha, _ = _sha(conn, article_id)
                page = article_page(conn, article_id)
                found = next((f for f in page.facts if (f.kind, f.start, f.end) == (kind, start, end)), None)
                if found is None:
                    raise HTTPException(404, f"no {kind} fact at {start}-{end} in article {article_id}")
                shown = found.shown
                if action != "correct":
                    old = shown.get("name") if kind == "force" else shown
                    record_correction(conn, sha=sha, kind=kind, start=start, end=end, action=action, seen_version=seen,
                                      old_value=old, reviewer=reviewer)
                    return 1
                changes = changed_fields(kind, shown, form)
                version = seen
                for field, old, new in changes:
                    version = record_correction(conn, sha=sha, kind=kind, start=start, end=end, action="correct",
                                                seen_version=version, field=field, old_value=old, new_value=new,
                                                reviewer=reviewer)
                # nothing changed: still check that nobody else changed it meanwhile, then leave it
                if not changes and fact_version(conn, sha, kind, start, end) != seen:
                    raise ConflictError(CONFLICT_MESSAGE)
                return len(changes)

        try:
            count = await run_in_threadpool(write)
        except ConflictError as exc:
            return _conflict(request, article_id, str(exc), form)
        except (FormError, CorrectionError) as exc:
            raise HTTPException(400, str(exc)) from None
        verb = {"accept": "accepted", "reject": "rejected", "correct": f"corrected ({count} change(s))"}[action]
        request.session["flash"] = f"{KIND_LABELS[kind]} at {start}-{end} {verb}"
        return RedirectResponse(f"/articles/{article_id}#{kind}-{start}-{end}", status_code=303)

    async def add(request: Request) -> Response:
        """Add a fact the pipeline missed, at offsets the page's script took from the reader's selection."""
        article_id = request.path_params["article_id"]
        form = await checked_form(request)
        kind = form.get("kind", "")
        if kind not in FIELDS:
            raise HTTPException(400, f"unknown fact kind {kind!r}")
        start, end = _int(form.get("start"), "start"), _int(form.get("end"), "end")
        reviewer = request.session.get("reviewer") or None

        def write() -> None:
            with engine.begin() as conn:
                sha, text = _sha(conn, article_id)
                if not 0 <= start < end <= len(text) or text[start:end] != form.get("text", ""):
                    raise FormError(f"the selected text is not at {start}-{end} in the stored article text: "
                                    "select it again in the article")
                fact = added_fact(kind, form, text[start:end])
                record_correction(conn, sha=sha, kind=kind, start=start, end=end, action="add",
                                  seen_version=fact_version(conn, sha, kind, start, end), new_value=fact,
                                  reviewer=reviewer)

        try:
            await run_in_threadpool(write)
        except ConflictError as exc:
            return _conflict(request, article_id, str(exc), form)
        except (FormError, CorrectionError) as exc:
            raise HTTPException(400, str(exc)) from None
        request.session["flash"] = f"{KIND_LABELS[kind]} added at {start}-{end}"
        return RedirectResponse(f"/articles/{article_id}#{kind}-{start}-{end}", status_code=303)

    async def reviewed(request: Request) -> Response:
        """Mark the article reviewed as it stands (the gold export writes every reviewed article)."""
        article_id = request.path_params["article_id"]
        await checked_form(request)

        def write() -> None:
            with engine.begin() as conn:
                sha, _ = _sha(conn, article_id)
                mark_reviewed(conn, sha, request.session.get("reviewer") or None)

        await run_in_threadpool(write)
        request.session["flash"] = "article marked reviewed"
        return RedirectResponse(f"/articles/{article_id}", status_code=303)

    async def set_reviewer(request: Request) -> Response:
        form = await checked_form(request)
        request.session["reviewer"] = form.get("reviewer", "").strip()[:120]
        back = form.get("next", "/")
        return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/", status_code=303)

    def chart_params(request: Request, name: str) -> dict[str, str]:
        """The money chart's grouping (force or collaboration) and group; the other charts take none."""
        if name != "money":
            return {}
        by = request.query_params.get("by", "force")
        if by not in charts.MONEY_GROUPINGS:
            raise HTTPException(400, f"by: one of {', '.join(charts.MONEY_GROUPINGS)}")
        return {"by": by, "name": request.query_params.get("name", "")}

    async def overview(request: Request) -> Response:
        params = chart_params(request, "money")

        def load() -> list[str]:
            with engine.connect() as conn:
                return charts.money_groups(conn, params["by"])

        groups = await run_in_threadpool(load)
        query = urlencode(params)
        return render(request, "overview.html", charts=charts.CHARTS, groups=groups, params=params,
                      query=lambda chart: f"?{query}" if chart == "money" else "", groupings=charts.MONEY_GROUPINGS)

    async def chart_file(request: Request) -> Response:
        """A chart as SVG (shown in an <img>, so nothing in it can run) or its data as CSV."""
        name, fmt = request.path_params["name"], request.path_params["fmt"]
        if name not in charts.CHARTS or fmt not in ("svg", "csv"):
            raise HTTPException(404, f"no chart {name}.{fmt}")
        params = chart_params(request, name)

        def load() -> str:
            with engine.connect() as conn:
                chart = charts.CHARTS[name]
                return chart.svg(conn, **params) if fmt == "svg" else chart.csv(conn, **params)

        body = await run_in_threadpool(load)
        if fmt == "svg":  # matplotlib styles its SVG inline; scripts stay forbidden
            return Response(body, media_type="image/svg+xml",
                            headers={"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"})
        filename = f"{name}-{params['by']}.csv" if params else f"{name}.csv"
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{filename}"'})

    async def error(request: Request, exc: HTTPException) -> Response:
        return render(request, "message.html", status_code=exc.status_code, title=f"Error {exc.status_code}",
                      message=exc.detail, article_id=request.path_params.get("article_id"), submitted=None)

    routes = [
        Route("/", index),
        Route("/articles/{article_id:int}", article),
        Route("/articles/{article_id:int}/facts", fact, methods=["POST"]),
        Route("/articles/{article_id:int}/add", add, methods=["POST"]),
        Route("/articles/{article_id:int}/reviewed", reviewed, methods=["POST"]),
        Route("/reviewer", set_reviewer, methods=["POST"]),
        Route("/overview", overview),
        Route("/charts/{name}.{fmt}", chart_file),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TokenGate, token=token or None),
        Middleware(SessionMiddleware, secret_key=secrets.token_urlsafe(32), session_cookie="forcewatch_review",
                   same_site="strict", https_only=False),
    ]
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: error}, lifespan=lifespan)
    app.state.engine = engine
    return app

