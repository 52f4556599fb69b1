"""The FastAPI app factory: pages (HTML) and the JSON API over one read-only store.

Nothing happens at import time; `create_app(db_path)` opens the store read-only and wires the
routes. Static CSS/JS are served from web/static; no CDN, no network at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from careerpath.errors import InputError
from careerpath.web.data import LRU, SiteData
from careerpath.web.links import Links
from careerpath.web.personalise import UnsupportedUpload
from careerpath.web.render import make_env
from careerpath.web.search import TitleSearch

STATIC_DIR = Path(__file__).parent / "static"
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


@dataclass(frozen=True)
class WebSettings:
    """Settings of the web app, passed explicitly (see docs in README's web section)."""

    max_upload_bytes: int = 2 * 1024 * 1024  # request bodies above this get 413
    html_cache_size: int = 1024  # rendered guide pages kept in memory
    semantic_resolve: bool = True  # let /api/resolve load the embedding model for hard titles


class SecurityHeaders:
    """Pure ASGI middleware: adds the security headers to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class CachedPages:
    """Pure ASGI middleware: a guide page already rendered is answered from memory, skipping routing."""

    def __init__(self, app, cache: LRU) -> None:
        self.app, self.cache = app, cache

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith("/roles/"):
            slug = scope["path"][len("/roles/"):]
            body = self.cache.get(slug) if "/" not in slug else None
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Pure ASGI middleware: a request body over `limit` bytes is answered 413, declared or streamed."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._reject(scope, send)
        seen = 0
        started = rejected = False

        async def counting_receive():
            nonlocal seen, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit and not started:
                    rejected = True
                    await self._reject(scope, send)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message) -> None:
            nonlocal started
            if rejected:
                return  # the 413 has been sent; whatever the app says next is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            if not rejected:
                raise

    async def _reject(self, scope, send) -> None:
        mb = self.limit / (1024 * 1024)
        response = JSONResponse({"detail": f"request body too large: the limit is {mb:g} MB"}, status_code=413)
        await response(scope, _empty_receive, send)


async def _empty_receive():
    return {"type": "http.disconnect"}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> HTMLResponse | JSONResponse:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    heading = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 413: "Too large",
               415: "Unsupported file type", 422: "Bad request"}.get(status, "Error")
    html = request.app.state.env.get_template("error.html").render(
        L=Links(), page_title=heading, status=status, heading=heading, message=message)
    return HTMLResponse(html, status_code=status)


def create_app(db_path: Path | str, settings: WebSettings | None = None) -> FastAPI:
    """The site and API over the store at `db_path` (opened read-only)."""
    from careerpath.web import api, pages

    settings = settings or WebSettings()
    app = FastAPI(title="careerpath", version="1", docs_url=None, redoc_url=None,
                  description="Career guides from public data: every figure with its source and as-of date.")
    app.state.settings = settings
    app.state.data = SiteData(db_path)
    app.state.search = TitleSearch(app.state.data, semantic=settings.semantic_resolve)
    app.state.env = make_env()
    app.state.html = LRU(settings.html_cache_size)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if wants_json(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return error_response(request, 400, "Some of the values in the address are not valid.")

    @app.exception_handler(UnsupportedUpload)
    async def unsupported(request: Request, exc: UnsupportedUpload):
        return error_response(request, 415, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        return error_response(request, 400, str(exc))

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(CachedPages, cache=app.state.html)
    app.add_middleware(SecurityHeaders)
    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        out.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))})
    return out
