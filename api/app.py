"""The FastAPI application: one factory that mounts every router on shared state.

``app.state.settings`` holds the Settings, ``app.state.engine`` the QueryEngine.
Each concern lives in its own module with a ``router``; this file only assembles them.
"""

from __future__ import annotations

from fastapi import FastAPI

from antq.settings import Settings


def create_app(settings: Settings, engine) -> FastAPI:  # noqa: ANN001 - engine: QueryEngine
    from antq.api import sparql

    app = FastAPI(title="antq-kg", version="0.1.0")
    app.state.settings = settings
    app.state.engine = engine
    app.include_router(sparql.router)
    from antq.api import rest

    app.include_router(rest.router)
    from antq.api import pages

    pages.install(app)  # web explorer pages, /static and /vendor (front-end libraries)
    return app
