"""The FastAPI application: one factory that mounts every router on shared state.

``app.state.settings`` holds the Settings, ``app.state.engine`` the QueryEngine.
Each concern lives in its own module with a ``router``; this file only assembles them.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from antq.settings import Settings


def create_app(settings: Settings, engine) -> FastAPI:  # noqa: ANN001 - engine: QueryEngine
    from antq.api import errors, sparql
    from antq.api.limits import RequestSizeLimit

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # noqa: ANN202 - stop the query workers with the server
        yield
        engine.close()

    app = FastAPI(title="antq-kg", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    errors.install(app)  # one JSON error shape for every router
    app.add_middleware(RequestSizeLimit, max_bytes=settings.max_request_bytes)
    app.include_router(sparql.router)
    from antq.api import rest

    app.include_router(rest.router)
    from antq.api import pages

    pages.install(app)  # web explorer pages, /static and /vendor (front-end libraries)
    return app
