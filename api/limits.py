"""Request-size cap for every route: a body over ``max_request_bytes`` gets 413 before it is read.

Written as plain ASGI middleware so the check applies to Content-Length up front and to
chunked bodies while they stream in; the URL's query string is capped the same way (414).
"""

from __future__ import annotations

from typing import Any

from antq.api.errors import ApiError, error_body

Scope = dict[str, Any]


class RequestSizeLimit:
    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def _refuse(self, send: Any, status: int, code: str, message: str) -> None:
        import json

        body = json.dumps(error_body(status, code, message)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.max_bytes
        if len(scope.get("query_string", b"")) > limit:
            return await self._refuse(send, 414, "uri_too_long",
                                      f"the query string is longer than {limit} bytes; send the query with POST")
        length = dict(scope.get("headers", [])).get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            return await self._refuse(send, 413, "request_too_large",
                                      f"the request body has {int(length)} bytes; the limit is {limit}")
        seen = 0

        async def limited_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise ApiError(413, "request_too_large", f"the request body is over the limit of {limit} bytes")
            return message

        await self.app(scope, limited_receive, send)
