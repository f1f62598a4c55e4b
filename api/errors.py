"""One JSON error shape for every 4xx/5xx answer, whichever router raised it.

    {"error": {"status": 400, "code": "malformed_query", "message": "...",
               "position": {"line": 1, "column": 19}}}      # position only when known

``install(app)`` registers the handlers; routers raise ``ApiError`` (or a store error,
mapped below) and never build error responses themselves. No trace ever reaches a client.
"""

from __future__ import annotations

import logging
from typing import Any

from antq.graph.store import (
    MalformedQueryError,
    QueryTimeoutError,
    StoreError,
    StoreUnavailableError,
)
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("antq.api")


class ApiError(Exception):
    """An HTTP error with a stable machine-readable ``code`` and a human message."""

    def __init__(self, status: int, code: str, message: str, *, line: int | None = None,
                 column: int | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.line, self.column, self.headers = line, column, headers or {}


class OperationRefused(ApiError):
    """SERVICE / LOAD are switched off: no request may leave the server."""

    def __init__(self, keywords: list[str]) -> None:
        super().__init__(403, "operation_disabled",
                         f"{' and '.join(keywords)} is disabled on this server: queries and updates may not "
                         "fetch remote data (setting allow_service)")


def error_body(status: int, code: str, message: str, line: int | None = None,
               column: int | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code, "message": message}
    if line is not None:
        err["position"] = {"line": line, "column": column}
    return {"error": err}


def error_response(status: int, code: str, message: str, line: int | None = None, column: int | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, line, column), status_code=status, headers=headers)


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "request_too_large",
               415: "unsupported_media_type", 422: "invalid_parameters"}


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the shape above."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        return error_response(e.status, e.code, e.message, e.line, e.column, e.headers)

    @app.exception_handler(MalformedQueryError)
    async def _malformed(_: Request, e: MalformedQueryError) -> JSONResponse:
        return error_response(400, "malformed_query", str(e), e.line, e.column)

    @app.exception_handler(QueryTimeoutError)
    async def _timeout(_: Request, e: QueryTimeoutError) -> JSONResponse:
        return error_response(504, "query_timeout", f"query {e}")

    @app.exception_handler(StoreUnavailableError)
    async def _unavailable(_: Request, e: StoreUnavailableError) -> JSONResponse:
        return error_response(503, "store_unavailable", str(e), headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def _store(_: Request, e: StoreError) -> JSONResponse:
        log.error("store error: %s", e)
        return error_response(500, "store_error", str(e))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, e: RequestValidationError) -> JSONResponse:
        parts = ["{}: {}".format(".".join(str(x) for x in err.get("loc", ())), err.get("msg")) for err in e.errors()]
        return error_response(422, "invalid_parameters", "; ".join(parts) or "invalid parameters")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, e: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(e.status_code, "server_error" if e.status_code >= 500 else "http_error")
        return error_response(e.status_code, code, str(e.detail), headers=getattr(e, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, e: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "server_error", "internal error; the server log has the details")
