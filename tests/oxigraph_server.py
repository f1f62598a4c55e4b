"""A real Oxigraph server process (the PyPI ``oxigraph`` binary) on a free loopback port, for
the tests of antq-kg's external-store backend (``store="sparql"``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from serverproc import free_port


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        raise RuntimeError("the oxigraph server binary is missing: pip install 'oxigraph>=0.5.13' (a test dependency)")
    return found


class OxigraphServer:
    """``oxigraph serve`` on 127.0.0.1 with its own store folder; ``settings`` point antq-kg at it."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="oxigraph-")
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", self._dir.name, "--bind", f"127.0.0.1:{port}", "--timeout-s", "20"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(self.base_url + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("the oxigraph server did not start")
            time.sleep(0.1)

    @property
    def settings(self) -> dict[str, str]:
        return {"store": "sparql", "store_query_url": self.base_url + "/query",
                "store_update_url": self.base_url + "/update", "store_gsp_url": self.base_url + "/store"}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._dir.cleanup()
