"""Start a REAL antq-kg server process for tests (uvicorn on a free 127.0.0.1 port).

    from serverproc import running_server
    with running_server(nquads_path, timeout=2, max_rows=5) as base_url:
        httpx.get(base_url + "/sparql", params={"query": "ASK {}"})

Keyword arguments are settings (antq/settings.py names) passed as ANTQ_* environment
variables; the process runs ``python -m antq.api.server NQUADS`` and is stopped on exit.
``nquads_path=None`` serves what an external store holds (store="sparql").
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env_value(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


class ServerProcess:
    """One server process; ``base_url`` once started, ``log()`` for its output."""

    def __init__(self, nquads_path: Path | str | None, **settings: Any) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "ANTQ_HOST": "127.0.0.1", "ANTQ_PORT": str(self.port)}
        env.setdefault("ANTQ_BASE_IRI", self.base_url + "/")
        env.update({f"ANTQ_{k.upper()}": _env_value(v) for k, v in settings.items()})
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        args = [sys.executable, "-m", "antq.api.server"] + ([str(nquads_path)] if nquads_path is not None else [])
        self.proc = subprocess.Popen(args, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def wait_ready(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                if httpx.get(self.base_url + "/sparql", timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer within {seconds} s:\n{self.log()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


@contextmanager
def running_server(nquads_path: Path | str | None, **settings: Any) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) of a fresh server; stop it afterwards."""
    server = ServerProcess(nquads_path, **settings)
    try:
        server.wait_ready()
        yield server.base_url
    finally:
        server.stop()
