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


def keep_freed_memory() -> None:
    """Ask glibc to keep freed large blocks for reuse instead of unmapping them.

    Every answer of several MB passes through fresh buffers; served from newly mapped memory,
    each costs a page fault per 4 KiB (about 10 ms for a 7 MB answer on the benchmark VM).
    Kept in the heap, they are reused at no cost. Elsewhere than glibc this does nothing.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = libc.mallopt if libc is not None else None
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 512 * 2**20)  # blocks up to 512 MiB come from the heap
    mallopt(m_trim_threshold, 1024 * 2**20)  # and up to 1 GiB of free heap stays mapped


def run(settings: Settings, nquads_path: Path | str | None) -> None:
    """Serve ``nquads_path`` (None: what an external store already holds) on settings.host:port."""
    keep_freed_memory()
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
