"""The engines the benchmark compares, each run in the way a user would run it.

- our server (``python -m antq.api.server``: /sparql and the REST API over HTTP, loopback only);
- the Oxigraph store as our server holds it (antq's OxigraphStore: the default graph
  materialised, answers serialised as SPARQL JSON), in its own process behind the barest
  HTTP server (one asyncio handler: no framework, no worker processes, no limits). Its
  Server-Timing is the store's own time; its latency is the store plus what moving the
  answer over HTTP costs any server; what our server takes beyond that is the API's cost;
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
# argv: N-Quads path.
_RDFLIB_WORKER = """
import json, sys, time
from antq.api.server import keep_freed_memory
keep_freed_memory()  # the memory tuning of our server, for the store and for rdflib alike
from rdflib import Dataset
started = time.perf_counter()
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
print(json.dumps({"loaded": time.perf_counter() - started}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    times, rows = [], 0
    deadline = time.perf_counter() + job["seconds"]
    for _ in range(job["iterations"]):
        t = time.perf_counter()
        rows = len(list(ds.query(job["query"])))
        times.append(time.perf_counter() - t)
        if time.perf_counter() > deadline:
            break
    print(json.dumps({"times": times, "rows": rows}), flush=True)
"""
# The Oxigraph store behind the barest HTTP server: GET /?query=Q is answered with SPARQL
# JSON as the store serialises it, with Content-Length, keep-alive, and Server-Timing
# store;dur=ms (the store's time, measured as our server measures it). argv: N-Quads path, port.
_STORE_SERVER = """
import asyncio, sys
from urllib.parse import parse_qs, urlsplit
from antq.api.server import keep_freed_memory
keep_freed_memory()
from antq.graph.store import OxigraphStore
store = OxigraphStore.from_nquads(sys.argv[1])
async def serve(reader, writer):
    while True:
        try:
            head = await reader.readuntil(b"\\r\\n\\r\\n")
        except (asyncio.IncompleteReadError, ConnectionError):  # the client closed the connection
            writer.close()
            return
        target = head.split(b" ", 2)[1].decode()
        query = parse_qs(urlsplit(target).query).get("query", ["ASK {}"])[0]
        try:
            result = store.query(query)
        except Exception as e:  # the benchmark records the engine as failed, and goes on
            message = f"{type(e).__name__}: {e}".encode()
            writer.write(b"HTTP/1.1 500 Internal Server Error\\r\\nContent-Type: text/plain; charset=utf-8\\r\\n"
                         b"Content-Length: %d\\r\\n\\r\\n%s" % (len(message), message))
            await writer.drain()
            continue
        writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/sparql-results+json\\r\\n"
                     b"Server-Timing: store;dur=%.3f\\r\\nContent-Length: %d\\r\\n\\r\\n" % (result.elapsed * 1000, len(result.data)))
        writer.write(result.data)
        await writer.drain()
async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", int(sys.argv[2]))
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

    def reconnect(self) -> None:
        """A fresh connection: a server may close one left idle (uvicorn after 5 s)."""
        self.conn.close()
        self.conn.connect()

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


PORT = "<port>"  # in a command line or an environment value: the server's free port


class HttpProcess(Process):
    """A server child on a free loopback port (given where ``PORT`` stands), up when constructed."""

    def __init__(self, args: list[str], probe: str, startup_seconds: float, env: dict[str, str] | None = None,
                 **kw) -> None:  # noqa: ANN003
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        fill = lambda v: str(self.port) if v == PORT else v  # noqa: E731
        started = time.perf_counter()
        super().__init__([sys.executable, *map(fill, args)], env={k: fill(v) for k, v in (env or {}).items()}, **kw)
        try:
            wait_http(self.url + probe, self.proc, startup_seconds)
        except Exception:
            self.stop()
            raise
        self.startup = time.perf_counter() - started


class OurServer(HttpProcess):
    def __init__(self, data_dir: Path, startup_seconds: float = 600) -> None:
        env = {"ANTQ_DATA_DIR": str(data_dir), "ANTQ_PORT": PORT, "ANTQ_BASE_IRI": BASE, "ANTQ_MAX_ROWS": "1000000"}
        super().__init__(["-m", "antq.api.server", str(data_dir / "graph.nq")], "/stats", startup_seconds, env=env)


class StoreServer(HttpProcess):
    """The Oxigraph store behind the barest HTTP server (``_STORE_SERVER``)."""

    def __init__(self, nquads: Path, startup_seconds: float = 600) -> None:
        super().__init__(["-c", _STORE_SERVER, str(nquads), PORT], "/?query=ASK%7B%7D", startup_seconds)


class RdflibEndpoint(HttpProcess):
    def __init__(self, nquads: Path, startup_seconds: float = 600) -> None:
        super().__init__(["-c", _RDFLIB_ENDPOINT, str(nquads), PORT], "/?query=ASK%7B%7D", startup_seconds,
                         preexec_fn=_cap_memory)
        self.url += "/"


class RdflibWorker(Process):
    """Plain rdflib in a child that can be killed mid-query (memory capped)."""

    def __init__(self, nquads: Path, startup_seconds: float = 600) -> None:
        super().__init__([sys.executable, "-c", _RDFLIB_WORKER, str(nquads)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, preexec_fn=_cap_memory)
        try:
            self.loaded = self._read(startup_seconds)["loaded"]
        except BaseException:  # not loaded in time, or died: never leave it behind
            self.stop()
            raise

    def _read(self, seconds: float) -> dict:
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        if not ready:
            raise TimeoutError(f"rdflib gave no answer within {seconds:.0f} s")
        line = self.proc.stdout.readline()
        if not line:
            raise TimeoutError(f"rdflib worker died (exit {self.proc.wait(10)}; memory cap {MEMORY_CAP >> 30} GiB)")
        return json.loads(line)

    def run(self, query: str, iterations: int, seconds: float, timeout: float) -> dict:
        """{"times": [seconds, ...], "rows": n}; TimeoutError when no answer came within ``timeout``."""
        self.proc.stdin.write(json.dumps({"query": query, "iterations": iterations, "seconds": seconds}) + "\n")
        self.proc.stdin.flush()
        return self._read(timeout)


class Engines:
    """Every engine of one graph, up at once so that they can be measured in turns."""

    def __init__(self, nquads: Path, data_dir: Path, rdflib: bool) -> None:
        self.nquads = nquads
        self.store: StoreServer | None = None
        self.ours: OurServer | None = None
        self.rdflib: RdflibWorker | None = None
        self.endpoint: RdflibEndpoint | None = None
        try:
            self.store = StoreServer(nquads)
            self.ours = OurServer(data_dir)
            if rdflib:
                self.rdflib = RdflibWorker(nquads)
                self.endpoint = RdflibEndpoint(nquads)
                self._endpoint_client = httpx.Client()
        except BaseException:
            self.stop()
            raise

    def endpoint_get(self, query: str, timeout: float) -> None:
        r = self._endpoint_client.get(self.endpoint.url, params={"query": query},
                                      headers={"Accept": "application/sparql-results+json"}, timeout=timeout)
        r.raise_for_status()

    def restart_rdflib(self) -> None:
        """After a query that overran: a fresh process (the old one may still be computing)."""
        self.rdflib.stop()
        self.rdflib = RdflibWorker(self.nquads)

    def restart_endpoint(self) -> None:
        self.endpoint.stop()
        self.endpoint = RdflibEndpoint(self.nquads)

    def stop_rdflib(self) -> None:
        for engine in (self.rdflib, self.endpoint):
            if engine is not None:
                engine.stop()
        if self.endpoint is not None:
            self._endpoint_client.close()

    def stop(self) -> None:
        self.stop_rdflib()
        for engine in (self.store, self.ours):
            if engine is not None:
                engine.stop()
