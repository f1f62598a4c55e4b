"""Benchmark: competency queries and REST endpoints on the corpus graph and a ~1M-triple graph.

    /work/venv/bin/python bench/benchmark.py                 # corpus + 1M, writes BENCHMARKS.md
    /work/venv/bin/python bench/benchmark.py --docs 300 --no-write   # a quick run

For each graph: the five competency queries (ontology/queries/*.rq) on the Oxigraph store
behind a bare HTTP server (its Server-Timing header gives the store's own time), through
/sparql of our server, on plain rdflib and on rdflib-endpoint, in interleaved rounds; the main
REST endpoints; and throughput with 32 concurrent connections. Every loop is bounded in
count and time; every server listens on 127.0.0.1 and is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import http.client
import json
import math
import platform
import re
import statistics
import sys
import tempfile
import time
from importlib import metadata, resources
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from engines import BASE, Engines, Http  # noqa: E402
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
        engines = Engines(nquads, data_dir, rdflib)
        try:
            self.out(f"Oxigraph store behind a bare HTTP server ready in {engines.store.startup:.1f} s; "
                     f"our server ready in {engines.ours.startup:.1f} s"
                     + (f"; plain rdflib loaded in {engines.rdflib.loaded:.1f} s; rdflib-endpoint ready in "
                        f"{engines.endpoint.startup:.1f} s" if rdflib else ""))
            measured = {}
            for q, text in queries.items():
                measured[q] = self.competency(engines, text)
                print(f"  {q}: measured", file=sys.stderr, flush=True)  # progress, not a result
            engines.stop_rdflib()  # the rest measures our server alone
            fast = Http(engines.ours.url, a.http_timeout)
            with httpx.Client(base_url=engines.ours.url, timeout=a.http_timeout) as client:
                rest = self.rest(client, fast)
            fast.close()
            tput = asyncio.run(self.throughput(engines.ours.url, queries))
        finally:
            engines.stop()
        self.table(measured)
        self.out("\nREST endpoints through our server, latency in ms:\n")
        self.out("| request | first request | p50 | p99 | runs |")
        self.out("|---|---|---|---|---|")
        for path, (first, ts) in rest.items():
            self.out(f"| `{path}` | {fmt(first * 1000)} | {fmt(p(ts, 0.5))} | {fmt(p(ts, 0.99))} | {len(ts)} |")
        self.out(f"\nThroughput, 32 concurrent connections for {a.load_seconds:.0f} s (mix of REST requests and "
                 f"competency queries): {tput['requests']:,} requests, {tput['rps']:,.0f} req/s, {tput['errors']} errors.")

    def competency(self, engines: Engines, text: str) -> dict:
        """One query on every engine, in interleaved rounds.

        Each round runs the query a few times on the bare store and through our /sparql,
        then once on plain rdflib and once on rdflib-endpoint, so every engine is measured
        over the same minutes: on this VM a query's time drifts by ±20% from one minute to
        the next, and engines measured one after the other compared those minutes, not
        the engines.
        """
        a = self.args
        rounds = a.rdflib_iterations if engines.rdflib else 1
        per_round, budget = -(-a.iterations // rounds), a.seconds / rounds
        m: dict = {"store": [], "bare": [], "ours": [], "ours_store": [], "rdflib": [], "endpoint": [],
                   "round_ratios": [], "size": 0, "rows": None, "failed": {}}
        bare, ours = Http(engines.store.url, a.http_timeout), Http(engines.ours.url, a.http_timeout)
        try:
            for _ in range(rounds):
                ours_before = len(m["ours"])  # this round's runs start here
                for engine, client, latencies, store_times in (("bare", bare, m["bare"], m["store"]),
                                                               ("ours", ours, m["ours"], m["ours_store"])):
                    if engine in m["failed"]:
                        continue
                    client.reconnect()  # idle while rdflib ran
                    def call(client: Http = client, store_times: list = store_times) -> None:
                        status, body = client.get("/sparql" if client is ours else "/", {"query": text}, {"Accept": SPARQL_JSON})
                        if status != 200:
                            raise RuntimeError(f"{status}: {body[:120].decode('utf-8', 'replace')}")
                        m["size"] = len(body)
                        timing = re.search(r"store;dur=([\d.]+)", client.last_headers.get("server-timing", ""))
                        store_times.append(float(timing.group(1)) / 1000 if timing else float("nan"))
                        if m["rows"] is None:
                            m["rows"] = len(json.loads(body)["results"]["bindings"])
                    try:
                        latencies.extend(timed(call, per_round, budget))
                    except (RuntimeError, OSError, http.client.HTTPException) as exc:  # e.g. a query timeout
                        m["failed"][engine] = f"{type(exc).__name__}: {exc}"
                round_ours = m["ours"][ours_before:]
                if engines.rdflib and "rdflib" not in m["failed"]:
                    try:
                        t = engines.rdflib.run(text, 1, a.rdflib_timeout, a.rdflib_timeout)["times"][0]
                        m["rdflib"].append(t)
                        if round_ours and "ours" not in m["failed"]:
                            m["round_ratios"].append(t / statistics.median(round_ours))
                    except (TimeoutError, OSError, ValueError, KeyError) as exc:  # overran, died, or answered oddly
                        m["failed"]["rdflib"] = f"{type(exc).__name__}: {exc}"
                        engines.restart_rdflib()
                if engines.endpoint and "endpoint" not in m["failed"]:
                    try:
                        m["endpoint"].extend(timed(lambda: engines.endpoint_get(text, a.rdflib_timeout), 1, 0))
                    except httpx.TimeoutException:
                        m["failed"]["endpoint"] = f"no answer within {a.rdflib_timeout:.0f} s"
                        engines.restart_endpoint()
                    except httpx.HTTPError as exc:  # an error status, or the connection broke
                        m["failed"]["endpoint"] = f"{type(exc).__name__}: {exc}"
                        engines.restart_endpoint()
        finally:
            bare.close()
            ours.close()
        return m

    def table(self, measured: dict[str, dict]) -> None:
        a = self.args
        self.out("\nCompetency queries, latency p50 / p99 in ms (rows returned), all engines measured in the same "
                 "interleaved rounds:\n")
        self.out("| query | rows | Oxigraph store | store over bare HTTP | our /sparql | plain rdflib | rdflib-endpoint "
                 "| rdflib ÷ ours (p50) | per round (min–max) | answer size | /sparql − store (p50) "
                 "| bare HTTP − store (p50) | API's own cost (difference) |")
        self.out("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for q, m in measured.items():
            def cell(times: list[float], engine: str, m: dict = m) -> str:
                if engine in m["failed"] and not times:
                    return "stopped"
                return f"{fmt(p(times, 0.5))} / {fmt(p(times, 0.99))}" if times else "—"
            ours = m["ours"] if m["ours"] else None
            if ours and m["rdflib"] and "rdflib" not in m["failed"]:
                ratio = f"{p(m['rdflib'], 0.5) / p(ours, 0.5):,.0f}×"
            elif ours and "rdflib" in m["failed"]:
                ratio = f"> {a.rdflib_timeout * 1000 / p(ours, 0.5):,.0f}×"
            else:
                ratio = "—"
            spread = (f"{min(m['round_ratios']):,.0f}–{max(m['round_ratios']):,.0f}×" if m["round_ratios"] else "—")
            over = [t - s for t, s in zip(m["ours"], m["ours_store"]) if not math.isnan(s)]
            transfer = [t - s for t, s in zip(m["bare"], m["store"]) if not math.isnan(s)]
            over_ms = p(over, 0.5) if over else None
            transfer_ms = p(transfer, 0.5) if transfer else None
            own = f"{over_ms - transfer_ms:+.2f} ms" if over and transfer else "—"
            cells = [cell(m["store"], "bare"), cell(m["bare"], "bare"), cell(m["ours"], "ours"),
                     cell(m["rdflib"], "rdflib"), cell(m["endpoint"], "endpoint")]
            self.out(f"| {q} | {m['rows'] if m['rows'] is not None else '—'} | " + " | ".join(cells)
                     + f" | {ratio} | {spread} | {m['size'] / 1e6:,.2f} MB"
                     + f" | {'—' if over_ms is None else f'+{over_ms:.2f} ms'} | {'—' if transfer_ms is None else f'+{transfer_ms:.2f} ms'} | {own} |")
        for q, m in measured.items():
            for engine, why in m["failed"].items():
                self.out(f"\n{q} on {engine}: {why}")

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

    async def throughput(self, url: str, queries: dict[str, str]) -> dict:
        mix = [("GET", path, None) for path in self.rest_paths if not path.startswith("/network")]
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
