"""Run the HTTP server: ``run(settings, nquads_path)`` loads the graph and serves it with uvicorn.

The engine (and its forked query workers) is created before uvicorn starts, so the workers
do not inherit the listening socket. ``python -m antq.api.server GRAPH.nq`` does the same
with settings from the environment (used by tests/serverproc.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from antq.api.app import create_app
from antq.api.engine import QueryEngine

from antq.settings import Settings, load_settings


def run(settings: Settings, nquads_path: Path | str | None) -> None:
    """Serve ``nquads_path`` (None: what an external store already holds) on settings.host:port."""
    engine = QueryEngine.from_nquads(nquads_path, settings)
    try:
        uvicorn.run(create_app(settings, engine), host=settings.host, port=settings.port, log_level="warning",
                    limit_concurrency=256, timeout_keep_alive=5)
    finally:
        engine.close()


if __name__ == "__main__":
    if len(sys.argv) > 2:
        sys.exit("usage: python -m antq.api.server [GRAPH.nq]   (settings from ANTQ_* variables)")
    run(load_settings(), sys.argv[1] if len(sys.argv) == 2 else None)
