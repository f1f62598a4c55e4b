"""The endpoint's safety limits, against a real server process: timeout that frees the worker,
SERVICE/LOAD refusal with no outgoing connection, row cap, request-size cap, malformed input."""

from __future__ import annotations

import asyncio
import select
import socket
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, URIRef
from serverproc import running_server

TOKEN = "limits-token"
MAX_ROWS = 5
MAX_BYTES = 4000
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # 300^4 rows to count


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "graph.nq"
    lines = [f'<http://ex.org/s{i}> <http://ex.org/p> "giá trị {i}"@vi <http://ex.org/doc{i % 3}> .' for i in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(graph_file: Path):
    with running_server(graph_file, timeout=1.0, workers=2, max_rows=MAX_ROWS, max_request_bytes=MAX_BYTES,
                        writable=True, update_token=TOKEN) as url:
        yield url


def query(base: str, text: str, **params: str) -> httpx.Response:
    return httpx.post(base + "/sparql", data={"query": text, **params}, timeout=60)


def test_slow_queries_are_stopped_and_workers_freed(server: str) -> None:
    async def slow_pair() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=60) as client:
            return await asyncio.gather(*(client.post(server + "/sparql", data={"query": SLOW}) for _ in range(2)))

    responses = asyncio.run(slow_pair()) + [query(server, SLOW)]  # three runaway queries, two workers
    for r in responses:
        assert r.status_code == 504, r.text
        err = r.json()["error"]
        assert err["code"] == "query_timeout" and "1 s" in err["message"]
    # Had the runaway queries kept running, both workers would still be busy and this would get 503.
    r = query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"][0]["n"]["value"] == "300"


@pytest.fixture()
def listener():
    """A local TCP port that must never be contacted."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)
        yield sock


def _contacted(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], 0.5)
    return bool(readable)


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "PREFIX r: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ ?s ?p ?o .SERVICE r: {{ ?s ?p ?o }} }}",
])
def test_service_is_refused_and_nothing_leaves(server: str, listener: socket.socket, template: str) -> None:
    port = listener.getsockname()[1]
    r = query(server, template.format(port=port))
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "operation_disabled"
    assert "SERVICE" in r.json()["error"]["message"]
    assert not _contacted(listener)


@pytest.mark.parametrize("template", [
    "LOAD <http://127.0.0.1:{port}/x>",
    "load silent <http://127.0.0.1:{port}/x> into graph <http://ex.org/g>",
    "INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
])
def test_load_is_refused_and_nothing_leaves(server: str, listener: socket.socket, template: str) -> None:
    port = listener.getsockname()[1]
    r = httpx.post(server + "/sparql", content=template.format(port=port).encode(), timeout=30,
                   headers={"content-type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "operation_disabled"
    assert not _contacted(listener)


def test_the_word_service_in_data_is_not_the_keyword(server: str) -> None:
    r = query(server, 'SELECT ?service WHERE { ?service ?p "service" } # SERVICE <http://x/>')
    assert r.status_code == 200, r.text


def test_select_rows_are_capped_with_a_header(server: str) -> None:
    r = query(server, "SELECT ?s WHERE { ?s ?p ?o }")
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == MAX_ROWS
    assert r.headers["x-antq-truncated"] == "true"
    assert r.headers["x-antq-max-rows"] == str(MAX_ROWS)
    small = query(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert len(small.json()["results"]["bindings"]) == 3
    assert "x-antq-truncated" not in small.headers


def test_construct_triples_are_capped(server: str) -> None:
    r = query(server, "CONSTRUCT WHERE { ?s ?p ?o }", format="ntriples")
    assert r.status_code == 200
    assert len([ln for ln in r.text.splitlines() if ln.strip()]) == MAX_ROWS
    assert r.headers["x-antq-truncated"] == "true"


def test_request_size_cap(server: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_BYTES
    r = httpx.post(server + "/sparql", content=big.encode(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "request_too_large"

    def chunks():
        for _ in range(10):
            yield b"#" + b"y" * 999

    r = httpx.post(server + "/sparql", content=chunks(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413, r.text
    assert r.json()["error"]["status"] == 413
    r = httpx.get(server + "/sparql", params={"query": big})
    assert r.status_code == 414
    assert r.json()["error"]["code"] == "uri_too_long"


@pytest.mark.parametrize("text, line, column", [
    ("SELECT * WHERE { ?s ?p }", 1, 25),  # the parser stops just after the stray "}"
    ("PREFIX ex: <http://ex.org/>\nSELECT * WHERE {\n  ?s ex:p ?o FILTER( }", 3, 23),
])
def test_malformed_query_is_400_with_position(server: str, text: str, line: int, column: int) -> None:
    r = query(server, text)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "malformed_query"
    assert err["position"] == {"line": line, "column": column}
    assert "expected" in err["message"]


def test_malformed_update_is_400_with_position(server: str) -> None:
    r = httpx.post(server + "/sparql", data={"update": "INSERT DATA { <http://ex.org/a> }"},
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["position"]["line"] == 1


def test_unknown_route_and_bad_parameters_share_the_shape(server: str) -> None:
    for r in (httpx.get(server + "/no/such/page"), httpx.put(server + "/sparql"),
              query(server, "ASK {}", format="yaml")):
        assert r.status_code in (400, 404, 405)
        assert set(r.json()["error"]) >= {"status", "code", "message"}


def test_engine_binds_values_without_touching_query_text(graph_file: Path) -> None:
    """A hostile value bound through the engine is a value: it matches nothing and changes nothing."""
    from antq.api.engine import QueryEngine

    from antq.settings import load_settings

    engine = QueryEngine.from_nquads(graph_file, load_settings(workers=1, timeout=5.0))
    try:
        q = "SELECT ?s ?label WHERE { ?s <http://ex.org/p> ?label }"
        hostile = Literal('x"@vi } ; DROP ALL ; #')
        assert asyncio.run(engine.select(q, bindings={"label": hostile})) == []
        rows = asyncio.run(engine.select(q, bindings={"label": Literal("giá trị 7", lang="vi")}))
        assert [r["s"]["value"] for r in rows] == ["http://ex.org/s7"]
        rows = asyncio.run(engine.select(q, bindings={"s": URIRef("http://ex.org/s8")}))
        assert rows[0]["label"] == {"type": "literal", "value": "giá trị 8", "xml:lang": "vi"}
    finally:
        engine.close()


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_killed_workers_are_replaced(graph_file: Path) -> None:
    """Workers that die from outside (OOM killer, an operator) are replaced; queries keep working."""
    import os
    import signal

    from serverproc import ServerProcess

    server = ServerProcess(graph_file, workers=2, timeout=5.0)
    try:
        server.wait_ready()
        workers = _children(server.proc.pid)
        assert len(workers) == 2, workers
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        for _ in range(3):
            r = query(server.base_url, "ASK { ?s ?p ?o }")
            assert r.status_code == 200, r.text
            assert r.json()["boolean"] is True
        assert not set(_children(server.proc.pid)) & set(workers)
    finally:
        server.stop()


def test_server_timing_reports_the_store_time(server: str) -> None:
    """Server-Timing names the store's share of a response, so a client can tell the store's
    time from the server's (the benchmark reads it to measure the API's own overhead)."""
    import re
    import time

    started = time.perf_counter()
    r = query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }")  # 90,000 pairs: a few ms of store time
    took_ms = (time.perf_counter() - started) * 1000
    assert r.status_code == 200
    timing = re.fullmatch(r'store;dur=(\d+\.\d+);desc="query in the store", app;dur=(\d+\.\d+);desc="[^"]+"',
                          r.headers["server-timing"])
    assert timing is not None, r.headers["server-timing"]
    store, app = float(timing.group(1)), float(timing.group(2))
    assert 0 < store <= app < took_ms


@pytest.mark.parametrize(("shared_bytes", "paths"), [
    (1 << 20, {"shared memory": 4}),
    (64, {"shared memory": 2, "socket": 2}),  # the ASK answer fits in 64 bytes, the rows do not
])
def test_answers_come_back_whole_through_shared_memory_or_the_socket(graph_file: Path, shared_bytes: int,
                                                                      paths: dict[str, int]) -> None:
    """An answer that fits the memory a worker shares with the server comes through it, a larger
    one through the socket; either way the bytes are the store's own."""
    from antq.api.workers import WorkerPool
    from antq.graph.store import OxigraphStore

    store = OxigraphStore.from_nquads(graph_file)
    pool = WorkerPool(store, 1, 10.0, shared_bytes=shared_bytes)
    try:
        for q in ("ASK { ?s ?p ?o }", "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"):
            for _ in range(2):  # the second answer overwrites the first in the shared memory
                got = asyncio.run(pool.run("query", {"query": q}))
                assert bytes(got.data) == store.query(q).data
        assert pool.answer_paths == paths
    finally:
        pool.close()


def _shared_mappings(pid: int | str, size: int) -> int:
    """How many anonymous shared mappings of ``size`` bytes the process holds."""
    count = 0
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        span, perms, *_ = line.split()
        start, end = (int(x, 16) for x in span.split("-"))
        count += end - start == size and perms[3] == "s"
    return count


def test_each_worker_maps_only_its_own_shared_memory(graph_file: Path) -> None:
    """A worker forked after others drops their shared memory, so a page one of them wrote is
    not kept alive by every later fork."""
    from antq.api.workers import WorkerPool
    from antq.graph.store import OxigraphStore

    size = 3 << 20  # a size nothing else here maps
    pool = WorkerPool(OxigraphStore.from_nquads(graph_file), 3, 10.0, shared_bytes=size)
    try:
        assert _shared_mappings("self", size) == 3
        assert [_shared_mappings(w.proc.pid, size) for w in pool._workers] == [1, 1, 1]
    finally:
        pool.close()


def _resident_shared_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split("RssShmem:")[1].split()[0])


def test_pages_of_a_large_answer_are_given_back_after_reading(graph_file: Path) -> None:
    """Past the resident allowance, the shared pages an answer used are released once read."""
    from antq.api.workers import WorkerPool
    from antq.graph.store import OxigraphStore

    store = OxigraphStore.from_nquads(graph_file)
    big = "SELECT ?s ?p ?o ?a ?b WHERE { ?s ?p ?o . ?a ?x ?b } LIMIT 60000"
    pool = WorkerPool(store, 1, 10.0, shared_bytes=64 << 20, keep_bytes=1 << 20)
    try:
        before = _resident_shared_kib()
        got = asyncio.run(pool.run("query", {"query": big}))
        assert len(got.data) > 4 << 20 and pool.answer_paths == {"shared memory": 1}
        assert _resident_shared_kib() - before <= 1 << 10  # at most the 1 MiB kept, in KiB
    finally:
        pool.close()
