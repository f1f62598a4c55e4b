"""Benchmark: competency queries and REST endpoints on the corpus graph and a ~1M-triple graph.

    /work/venv/bin/python bench/benchmark.py                 # corpus + 1M, writes BENCHMARKS.md
    /work/venv/bin/python bench/benchmark.py --docs 300 --no-write   # a quick run

For each graph: the five competency queries (ontology/queries/*.rq) on the Oxigraph store
in-process, through /sparql of our server, on plain rdflib and on rdflib-endpoint; the main
REST endpoints; and throughput with 32 concurrent connections. Every loop is bounded in
count and time; every server listens on 127.0.0.1 and is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import platform
import re
import sys
import tempfile
import time
from importlib import metadata, resources
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from engines import BASE, BytesServer, Http, OurServer, QueryWorker, RdflibEndpoint  # noqa: E402
from synth import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPARQL_JSON = "application/sparql-results+json"


def competency_queries() -> dict[str, str]:
    folder = resources.files("antq.ontology").joinpath("queries")
    return {p.name.removesuffix(".rq"): p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".rq")}


def timed(fn, iterations: int, seconds: float) -> list[float]:  # noqa: ANN001 - a callable
    """At most ``iterations`` runs, stopping once ``seconds`` have passed (at least one run)."""
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    for i in range(iterations):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if time.perf_counter() > deadline:
            break
    return times


def p(times: list[float], q: float) -> float:
    """Percentile in milliseconds (nearest rank)."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))] * 1000


def fmt(ms: float | None) -> str:
    return "—" if ms is None else (f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}")


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lines: list[str] = []

    def out(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def graph(self, name: str, nquads: Path, rdflib: bool) -> None:
        a = self.args
        queries = competency_queries()
        self.out(f"\n### {name}: {sum(1 for _ in nquads.open(encoding='utf-8')):,} quads ({nquads.stat().st_size / 1e6:,.1f} MB N-Quads)\n")
        data_dir = Path(tempfile.mkdtemp(prefix="antq-bench-"))
        (data_dir / "graph.nq").symlink_to(nquads.resolve())
        api_ms: dict = {}
        sizes: dict[str, int] = {}
        added: dict[str, float] = {}  # per request: latency minus the store time the server reports (Server-Timing)
        store_ms, rows = self.workers("oxigraph", nquads, queries, a.iterations, a.store_timeout)
        server = OurServer(data_dir)
        try:
            self.out(f"our server ready in {server.startup:.1f} s")
            fast = Http(server.url, a.http_timeout)
            with httpx.Client(base_url=server.url, timeout=a.http_timeout) as client:
                sparql_ok = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": SPARQL_JSON}).status_code == 200
                for q, text in queries.items():
                    if sparql_ok:
                        def call() -> None:
                            status, body = fast.get("/sparql", {"query": text}, {"Accept": SPARQL_JSON})
                            if status != 200:
                                raise RuntimeError(f"{status}: {body[:120].decode('utf-8', 'replace')}")
                            sizes[q] = len(body)
                            timing = re.search(r"store;dur=([\d.]+)", fast.last_headers.get("server-timing", ""))
                            store_in_server.append(float(timing.group(1)) / 1000 if timing else float("nan"))
                        try:
                            store_in_server: list[float] = []
                            ts = timed(call, a.iterations, a.seconds)
                            api_ms[q] = (p(ts, 0.5), p(ts, 0.99))
                            added[q] = p([t - s for t, s in zip(ts, store_in_server) if s == s], 0.5)
                        except RuntimeError as exc:  # e.g. the server's query timeout
                            api_ms[q] = None
                            self.out(f"our /sparql: {q} answered {exc}")
                rest = self.rest(client, fast)
            fast.close()
            tput = asyncio.run(self.throughput(server.url, sparql_ok, queries))
        finally:
            server.stop()
        floor = self.loopback(sizes)
        rdflib_ms, endpoint_ms = {}, {}
        if rdflib:
            rdflib_ms, _ = self.workers("rdflib", nquads, queries, a.rdflib_iterations, a.rdflib_timeout)
            endpoint_ms = self.endpoint(nquads, queries)
        self.out("\nCompetency queries, latency p50 / p99 in ms (rows returned):\n")
        self.out("| query | rows | Oxigraph store | our /sparql | plain rdflib | rdflib-endpoint | rdflib ÷ ours (p50) "
                 "| /sparql − store, per request (p50) | answer size | bare HTTP of that size (p50) |")
        self.out("|---|---|---|---|---|---|---|---|---|---|")
        for q in queries:
            s, api, rl, ep = store_ms.get(q), api_ms.get(q), rdflib_ms.get(q), endpoint_ms.get(q)
            ours = api or s  # through the server when /sparql answered, else the store itself
            if ours is None:
                ratio = "—"
            elif rl and ours[0]:
                ratio = f"{rl[0] / ours[0]:,.0f}×"
            elif q in rdflib_ms and rl is None:
                ratio = f"> {a.rdflib_timeout * 1000 / ours[0]:,.0f}×"
            else:
                ratio = "—"
            over = f"+{added[q]:.2f} ms" if q in added else "—"
            cells = [f"{fmt(x[0])} / {fmt(x[1])}" if x else ("timeout" if x is None and q in d else "—") for x, d in ((s, store_ms), (api, api_ms), (rl, rdflib_ms), (ep, endpoint_ms))]
            size = f"{sizes[q] / 1e6:,.2f} MB" if q in sizes else "—"
            bare = f"{floor[q]:,.2f} ms" if q in floor else "—"
            self.out(f"| {q} | {rows.get(q, '—')} | " + " | ".join(cells) + f" | {ratio} | {over} | {size} | {bare} |")
        self.out("\nREST endpoints through our server, latency in ms:\n")
        self.out("| request | first request | p50 | p99 | runs |")
        self.out("|---|---|---|---|---|")
        for path, (first, ts) in rest.items():
            self.out(f"| `{path}` | {fmt(first * 1000)} | {fmt(p(ts, 0.5))} | {fmt(p(ts, 0.99))} | {len(ts)} |")
        self.out(f"\nThroughput, 32 concurrent connections for {a.load_seconds:.0f} s (mix of REST requests" + (" and competency queries" if sparql_ok else "") + f"): "
                 f"{tput['requests']:,} requests, {tput['rps']:,.0f} req/s, {tput['errors']} errors.")

    def loopback(self, sizes: dict[str, int]) -> dict[str, float]:
        """p50 ms of a bare HTTP answer of each size over loopback (BytesServer): the part of
        the server's overhead that is moving the bytes, which no server can avoid."""
        server = BytesServer()
        try:
            fast = Http(server.url, self.args.http_timeout)
            out = {}
            for q, size in sizes.items():
                def call(size: int = size) -> None:
                    fast.get(f"/{size}")
                out[q] = p(timed(call, self.args.iterations, self.args.seconds), 0.5)
            fast.close()
            return out
        finally:
            server.stop()

    def rest(self, client: httpx.Client, fast: Http) -> dict[str, tuple[float, list[float]]]:
        a = self.args
        person = client.get("/people", params={"limit": 1}).json()["items"][0]["id"]
        meeting = client.get("/meetings", params={"limit": 1}).json()["items"][0]["id"]
        org = client.get("/organizations", params={"limit": 1, "kind": "police"}).json()["items"][0]["id"]
        programme = client.get("/programmes", params={"limit": 1}).json()["items"][0]["id"]
        paths = ["/stats", "/people?limit=50", f"/people/{person}", "/organizations?kind=police&limit=50", f"/organizations/{org}",
                 f"/meetings/{meeting}", f"/programmes/{programme}", "/search?q=cong+an+tinh+ha+tinh", f"/network?programme={programme}&depth=1"]
        self.rest_paths = paths
        out = {}
        for path in paths:
            def call() -> None:
                status, body = fast.get(path)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}: {body[:120]!r}")
            t = time.perf_counter()
            call()  # the first request builds what is derived once per graph version (search index, network)
            out[path] = (time.perf_counter() - t, timed(call, a.iterations, a.seconds))
        return out

    async def throughput(self, url: str, sparql_ok: bool, queries: dict[str, str]) -> dict:
        mix = [("GET", path, None) for path in self.rest_paths if not path.startswith("/network")]
        if sparql_ok:
            mix += [("GET", "/sparql", {"query": queries["chairs"]})]
        done = errors = 0
        deadline = time.perf_counter() + self.args.load_seconds
        limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
        async with httpx.AsyncClient(base_url=url, limits=limits, timeout=self.args.http_timeout) as client:
            async def worker(k: int) -> None:
                nonlocal done, errors
                i = k
                while time.perf_counter() < deadline and done < self.args.max_requests:
                    method, path, params = mix[i % len(mix)]
                    i += 1
                    try:
                        r = await client.request(method, path, params=params, headers={"Accept": SPARQL_JSON} if params else None)
                        errors += r.status_code != 200
                    except httpx.HTTPError:
                        errors += 1
                    done += 1
            started = time.perf_counter()
            await asyncio.gather(*(worker(k) for k in range(32)))
            elapsed = time.perf_counter() - started
        return {"requests": done, "rps": done / elapsed, "errors": errors}

    def workers(self, engine: str, nquads: Path, queries: dict[str, str], iterations: int, timeout: float) -> tuple[dict, dict]:
        """p50/p99 per query in a child process; None for a query stopped at ``timeout``."""
        out: dict = {}
        rows: dict = {}
        worker = QueryWorker(engine, nquads)
        self.out(f"{engine} in-memory load: {worker.loaded:.1f} s")
        try:
            for q, text in queries.items():
                try:
                    res = worker.run(text, iterations, self.args.seconds, timeout)
                    out[q], rows[q] = (p(res["times"], 0.5), p(res["times"], 0.99)), res["rows"]
                except TimeoutError as exc:
                    out[q] = None
                    self.out(f"{engine}: {q} stopped after {timeout:.0f} s ({exc})")
                    worker.stop()
                    worker = QueryWorker(engine, nquads)
        finally:
            worker.stop()
        return out, rows

    def endpoint(self, nquads: Path, queries: dict[str, str]) -> dict:
        a = self.args
        out: dict = {}
        server = RdflibEndpoint(nquads)
        try:
            with httpx.Client(timeout=a.rdflib_timeout) as client:
                for q, text in queries.items():
                    def call() -> None:
                        r = client.get(server.url, params={"query": text}, headers={"Accept": SPARQL_JSON})
                        r.raise_for_status()
                    try:
                        ts = timed(call, a.rdflib_iterations, a.seconds)
                        out[q] = (p(ts, 0.5), p(ts, 0.99))
                    except httpx.TimeoutException:
                        out[q] = None
                        self.out(f"rdflib-endpoint: {q} no answer within {a.rdflib_timeout:.0f} s; server restarted")
                        server.stop()
                        server = RdflibEndpoint(nquads)
        finally:
            server.stop()
        return out


def versions() -> str:
    names = ["pyoxigraph", "rdflib", "rdflib-endpoint", "fastapi", "uvicorn", "httpx", "rapidfuzz", "networkx"]
    found = []
    for n in names:
        try:
            found.append(f"{n} {metadata.version(n)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=3030, help="synthetic documents (~330 triples each)")
    ap.add_argument("--corpus-graph", type=Path, default=None, help="graph.nq of the corpus (default: build corpus/ into a temp dir)")
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=30.0, help="time budget per measured query")
    ap.add_argument("--rdflib-iterations", type=int, default=5)
    ap.add_argument("--rdflib-timeout", type=float, default=60.0)
    ap.add_argument("--store-timeout", type=float, default=60.0, help="Oxigraph store: stop a query after this")
    ap.add_argument("--http-timeout", type=float, default=120.0)
    ap.add_argument("--load-seconds", type=float, default=10.0)
    ap.add_argument("--max-requests", type=int, default=20000)
    ap.add_argument("--no-rdflib", action="store_true", help="skip plain rdflib and rdflib-endpoint")
    ap.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    a = ap.parse_args()
    run = Run(a)
    cache = Path(tempfile.gettempdir()) / "antq-bench"
    cache.mkdir(exist_ok=True)
    corpus_graph = a.corpus_graph
    if corpus_graph is None:
        from antq.graph.build import build

        build(ROOT / "corpus", cache / "corpus", BASE)
        corpus_graph = cache / "corpus" / "graph.nq"
    synthetic = cache / f"synthetic-{a.docs}.nq"
    if not synthetic.exists():
        t = time.perf_counter()
        n = generate(synthetic, BASE, docs=a.docs)
        print(f"generated {n:,} synthetic quads in {time.perf_counter() - t:.1f} s", flush=True)
    run.out(f"## Results of {dt.date.today().isoformat()}\n")
    run.out(f"Machine: {platform.machine()}, 2 cores, Python {platform.python_version()}, {platform.system()}. Versions: {versions()}.")
    run.out(f"Settings: up to {a.iterations} runs or {a.seconds:.0f} s per query (rdflib: {a.rdflib_iterations} runs, stopped after {a.rdflib_timeout:.0f} s).")
    run.graph("Corpus graph", corpus_graph, rdflib=not a.no_rdflib)
    run.graph(f"Synthetic graph ({a.docs:,} documents)", synthetic, rdflib=not a.no_rdflib)
    if not a.no_write:
        write(ROOT / "BENCHMARKS.md", run.lines)


def write(path: Path, lines: list[str]) -> None:
    """Replace the generated section of BENCHMARKS.md, keeping the hand-written text."""
    marker_start, marker_end = "<!-- results:start -->", "<!-- results:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{marker_start}\n{marker_end}\n"
    head, _, rest = text.partition(marker_start)
    _, _, tail = rest.partition(marker_end)
    path.write_text(head + marker_start + "\n" + "\n".join(lines) + "\n" + marker_end + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
