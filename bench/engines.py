"""The engines the benchmark compares, each run in the way a user would run it.

- our server (``python -m antq.api.server``: /sparql and the REST API over HTTP, loopback only);
- the Oxigraph store in a child process, as the server holds it (antq's OxigraphStore: the
  default graph materialised, answers serialised as SPARQL JSON): the floor, what the
  server adds goes on top;
- plain rdflib in memory (a child process, so a query that never ends can be killed);
- rdflib-endpoint (its own server process over rdflib).
Every wait is bounded; every process started here is stopped here.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import select
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

BASE = "http://127.0.0.1:8000/"

_RDFLIB_ENDPOINT = """
import sys, uvicorn
from antq.api.server import keep_freed_memory
keep_freed_memory()
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
uvicorn.run(SparqlEndpoint(graph=ds), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""

# Reads queries as JSON lines on stdin; answers each with its timings as a JSON line.
# argv: engine ("rdflib" or "oxigraph"), N-Quads path.
_WORKER = """
import json, sys, time
from antq.api.server import keep_freed_memory
keep_freed_memory()  # the memory tuning of our server, for the store and for rdflib alike
engine, path = sys.argv[1], sys.argv[2]
started = time.perf_counter()
if engine == "rdflib":
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    run = lambda q: len(list(ds.query(q)))
    count = run
else:
    from antq.graph.store import OxigraphStore
    store = OxigraphStore.from_nquads(path)
    run = lambda q: store.query(q)  # SPARQL JSON bytes, as /sparql sends them
    count = lambda q: len(store.query(q).rows)
print(json.dumps({"loaded": time.perf_counter() - started}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    times = []
    deadline = time.perf_counter() + job["seconds"]
    for _ in range(job["iterations"]):
        t = time.perf_counter()
        run(job["query"])
        times.append(time.perf_counter() - t)
        if time.perf_counter() > deadline:
            break
    print(json.dumps({"times": times, "rows": count(job["query"])}), flush=True)
"""
# The floor of any HTTP answer: a bare asyncio server answering GET /N with N bytes
# (Content-Length, keep-alive), so the time of moving a result over loopback is known.
_BYTES_SERVER = """
import asyncio, sys
async def serve(reader, writer):
    while True:
        try:
            head = await reader.readuntil(b"\\r\\n\\r\\n")
        except (asyncio.IncompleteReadError, ConnectionError):  # the client closed the connection
            writer.close()
            return
        size = int(head.split(b" ", 2)[1].lstrip(b"/").split(b"?")[0] or 0)
        writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/octet-stream\\r\\nContent-Length: %d\\r\\n\\r\\n" % size)
        writer.write(b"x" * size)
        await writer.drain()
async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", int(sys.argv[1]))
    async with server:
        await server.serve_forever()
asyncio.run(main())
"""
MEMORY_CAP = 8 * 2**30  # a runaway query fails in its child instead of exhausting the machine


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} not up within {seconds:.0f} s")


class Http:
    """One keep-alive HTTP/1.1 connection (stdlib) for latency runs.

    httpx costs ~0.9 ms per request on the benchmark machine, against ~0.1 ms for
    http.client; that is the client's time, not the server's, so latencies are taken
    with this one (throughput still uses httpx's async client).
    """

    def __init__(self, url: str, timeout: float) -> None:
        host, port = url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
        self.conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
        self.last_headers: dict[str, str] = {}

    def get(self, path: str, params: dict | None = None, headers: dict | None = None) -> tuple[int, bytes]:
        self.conn.request("GET", path + ("?" + urlencode(params) if params else ""), headers=headers or {})
        r = self.conn.getresponse()
        body = r.read()
        self.last_headers = {k.lower(): v for k, v in r.getheaders()}
        return r.status, body

    def close(self) -> None:
        self.conn.close()


class Process:
    """A child process that is always stopped, even when the benchmark fails."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None, **kw) -> None:  # noqa: ANN003
        self.proc = subprocess.Popen(args, env={**os.environ, **(env or {})}, **kw)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


class OurServer(Process):
    def __init__(self, data_dir: Path, startup_seconds: float = 300) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {"ANTQ_DATA_DIR": str(data_dir), "ANTQ_PORT": str(self.port), "ANTQ_BASE_IRI": BASE, "ANTQ_MAX_ROWS": "1000000"}
        super().__init__([sys.executable, "-m", "antq.api.server", str(data_dir / "graph.nq")], env=env)
        started = time.perf_counter()
        try:
            wait_http(self.url + "/stats", self.proc, startup_seconds)
        except Exception:
            self.stop()
            raise
        self.startup = time.perf_counter() - started


class BytesServer(Process):
    """Answers ``GET /N`` with N bytes and nothing else: the cost of HTTP over loopback alone."""

    def __init__(self, startup_seconds: float = 30) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__([sys.executable, "-c", _BYTES_SERVER, str(self.port)])
        try:
            wait_http(self.url + "/0", self.proc, startup_seconds)
        except Exception:
            self.stop()
            raise


class RdflibEndpoint(Process):
    def __init__(self, nquads: Path, startup_seconds: float = 600) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        super().__init__([sys.executable, "-c", _RDFLIB_ENDPOINT, str(nquads), str(self.port)], preexec_fn=_cap_memory)
        try:
            wait_http(self.url + "?query=ASK%7B%7D", self.proc, startup_seconds)
        except Exception:
            self.stop()
            raise


class QueryWorker(Process):
    """rdflib or the Oxigraph store in a child that can be killed mid-query (memory capped)."""

    def __init__(self, engine: str, nquads: Path, startup_seconds: float = 600) -> None:
        self.engine, self.nquads = engine, nquads
        super().__init__([sys.executable, "-c", _WORKER, engine, str(nquads)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True, preexec_fn=_cap_memory)
        self.loaded = self._read(startup_seconds)["loaded"]

    def _read(self, seconds: float) -> dict:
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        if not ready:
            raise TimeoutError(f"{self.engine} gave no answer within {seconds:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise TimeoutError(f"{self.engine} worker died (exit {self.proc.wait(10)}; memory cap {MEMORY_CAP >> 30} GiB)")
        return json.loads(line)

    def run(self, query: str, iterations: int, seconds: float, timeout: float) -> dict:
        self.proc.stdin.write(json.dumps({"query": query, "iterations": iterations, "seconds": seconds}) + "\n")
        self.proc.stdin.flush()
        return self._read(timeout)
