"""Benchmark of the query engine's safety machinery (prints figures; asserts nothing).

    /work/venv/bin/python bench/bench_engine.py --docs 3000     # ~1M triples

Measures, on a synthetic graph: load time; the cost of running a query in a worker process
instead of in-process (small and large results); how long a runaway query holds a worker
after the timeout (kill + re-fork); and the memory the forked workers share with the parent.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from antq.api.engine import QueryEngine
from antq.graph.store import QueryTimeoutError
from synth import generate

from antq.settings import load_settings

BASE = "http://127.0.0.1:8000/"
SMALL = "SELECT ?s WHERE { ?s a ?t } LIMIT 10"
LARGE = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10000"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


def median_ms(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nq"
        triples = generate(path, BASE, docs=args.docs)
        settings = load_settings(workers=2, timeout=2.0, max_rows=100000, base_iri=BASE)
        t = time.perf_counter()
        engine = QueryEngine.from_nquads(path, settings)
        print(f"graph: {triples:,} triples; load + fork 2 workers: {time.perf_counter() - t:.2f} s")
        direct = engine.store
        run = asyncio.run
        for name, q in (("small SELECT", SMALL), ("10k-row SELECT", LARGE)):
            inproc = median_ms(lambda q=q: direct.query(q), 20)
            worker = median_ms(lambda q=q: run(engine.select(q)), 20)
            print(f"{name}: in-process {inproc:.1f} ms, through a worker {worker:.1f} ms (median of 20)")
        t = time.perf_counter()
        try:
            run(engine.select(SLOW))
        except QueryTimeoutError:
            pass
        stopped = time.perf_counter() - t
        t = time.perf_counter()
        run(engine.select(SMALL))
        print(f"runaway query answered 504 after {stopped:.2f} s (timeout 2 s, includes kill + re-fork); "
              f"next query {1000 * (time.perf_counter() - t):.1f} ms; workers restarted: {engine.restarts}")
        import os

        parent = os.getpid()
        workers = [w.proc.pid for w in engine._pool._workers]
        print(f"RSS parent {kib(parent, 'Rss') / 1024:.0f} MiB; per worker RSS "
              f"{[round(kib(p, 'Rss') / 1024) for p in workers]} MiB, PSS {[round(kib(p, 'Pss') / 1024) for p in workers]} MiB "
              f"(PSS counts shared pages once)")
        engine.close()
        print(f"pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else ''}".strip())


if __name__ == "__main__":
    main()
