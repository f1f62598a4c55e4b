"""The store interface on both backends, and /sparql with store="sparql", against a REAL
Oxigraph server process (the PyPI ``oxigraph`` binary, run without --union-default-graph:
antq-kg keeps the default graph itself) started on loopback by the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from antq.graph.remote_store import SparqlStore
from antq.graph.store import (
    MalformedQueryError,
    OxigraphStore,
    QueryTimeoutError,
    Store,
    StoreUnavailableError,
)
from serverproc import free_port, running_server

EX = "http://ex.org/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.fail("the oxigraph server binary is missing: pip install 'oxigraph>=0.5.13' (a test dependency)")
    return found


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("remote") / "graph.nq"
    lines = [f'<{EX}s{i}> <{EX}p> "giá trị {i}"@vi <{EX}doc{i % 3}> .' for i in range(300)]
    lines += [f'<{EX}shared> <{EX}name> "tên chung" <{EX}doc{d}> .' for d in range(3)]  # one triple, three graphs
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server (plain default graph, its own 3 s timeout) on a free loopback port."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path_factory.mktemp("oxdb")),
                             "--bind", f"127.0.0.1:{port}", "--timeout-s", "3"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("the oxigraph server did not start")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def remote(base: str, timeout: float = 10.0) -> SparqlStore:
    return SparqlStore(base + "/query", base + "/update", base + "/store", timeout)


@pytest.fixture(params=["oxigraph-embedded", "sparql-remote"])
def store(request: pytest.FixtureRequest, graph_file: Path, oxigraph: str) -> Iterator[Store]:
    if request.param == "oxigraph-embedded":
        yield OxigraphStore.from_nquads(graph_file)
        return
    s = remote(oxigraph)
    s.update("DROP ALL")
    s.load_nquads(graph_file)
    yield s
    s.close()


def count(store: Store, where: str = "?s ?p ?o", **dataset: list[str]) -> int:
    return int(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}", **dataset).rows[0]["n"]["value"])


SHARED = f"<{EX}shared> <{EX}name> ?o"


def test_default_graph_is_the_set_union(store: Store) -> None:
    assert count(store) == 301  # the triple held by three graphs is there once
    assert count(store, SHARED) == 1
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 303
    assert count(store, default_graphs=[EX + "doc1"]) == 101
    assert count(store, "?s ?p ?o . GRAPH ?g { ?s ?p ?o }") == 303  # the default graph next to named graphs


def test_default_graph_follows_replaced_and_removed_graphs(store: Store) -> None:
    store.remove_graph(EX + "doc0")
    assert (count(store), count(store, SHARED)) == (201, 1)  # doc1 and doc2 still hold the shared triple
    store.replace_graph(EX + "doc1", f'<{EX}new> <{EX}p> "mới"@vi .\n'.encode())
    assert (count(store), count(store, SHARED)) == (102, 1)
    store.remove_graph(EX + "doc2")
    assert (count(store), count(store, SHARED)) == (1, 0)
    assert count(store, f'<{EX}new> ?p "mới"@vi') == 1


def test_default_graph_is_derived_again_after_an_update(store: Store) -> None:
    store.update(f"DROP GRAPH <{EX}doc0> ; INSERT DATA {{ GRAPH <{EX}doc9> {{ <{EX}x> <{EX}p> 1 }} }}")
    assert count(store) == 202 and count(store, f"<{EX}x> <{EX}p> 1") == 1
    store.update(f"INSERT DATA {{ <{EX}direct> <{EX}p> 2 }} ; DELETE DATA {{ {SHARED.replace('?o', chr(34) + 'tên chung' + chr(34))} }}")
    assert count(store, f"<{EX}direct> ?p ?o") == 0  # written to the derived default graph only: not kept
    assert count(store, SHARED) == 1  # still held by doc1 and doc2
    store.update("CLEAR ALL")
    assert count(store) == 0


def test_bindings_are_values(store: Store) -> None:
    q = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    rows = store.query(q, bindings={"o": {"type": "literal", "value": "giá trị 42", "xml:lang": "vi"}}).rows
    assert [r["s"]["value"] for r in rows] == [EX + "s42"]
    hostile = {"type": "literal", "value": 'x" } ; DROP ALL ; #'}
    assert store.query(q, bindings={"o": hostile}).rows == []
    assert store.query("ASK { ?s ?p ?o }").boolean is True  # nothing was dropped


def test_row_cap_truncates(store: Store) -> None:
    result = store.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=7)
    assert (len(result.rows), result.truncated) == (7, True)
    graph = store.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=4)
    assert (len(graph.ntriples.splitlines()), graph.truncated) == (4, True)
    assert store.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", max_rows=7).truncated is False


def test_replace_and_remove_one_graph(store: Store) -> None:
    store.replace_graph(EX + "doc1", f'<{EX}new> <{EX}p> "mới"@vi .\n'.encode())
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 203
    assert store.query(f"ASK {{ GRAPH <{EX}doc1> {{ <{EX}new> ?p ?o }} }}").boolean is True
    store.remove_graph(EX + "doc1")
    store.remove_graph(EX + "doc1")  # removing an absent graph is not an error
    assert store.query(f"ASK {{ GRAPH <{EX}doc1> {{ ?s ?p ?o }} }}").boolean is False


def test_update_with_protocol_dataset(store: Store) -> None:
    store.update(f"INSERT {{ GRAPH <{EX}out> {{ ?s a <{EX}Seen> }} }} WHERE {{ ?s ?p ?o }}",
                 using_graphs=[EX + "doc2"])
    n = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}out> {{ ?s ?p ?o }} }}").rows
    assert n[0]["n"]["value"] == "101"


def test_malformed_query_has_a_position(store: Store) -> None:
    with pytest.raises(MalformedQueryError) as e:
        store.query("SELECT * WHERE { ?s ?p }")
    assert (e.value.line, e.value.column) == (1, 25)


def test_remote_timeout_and_unreachable(oxigraph: str) -> None:
    with pytest.raises(QueryTimeoutError, match="0.5 s"):
        remote(oxigraph, timeout=0.5).query(SLOW)
    with pytest.raises(StoreUnavailableError, match="cannot be reached"):
        SparqlStore(f"http://127.0.0.1:{free_port()}/query", timeout=2).query("ASK {}")


def test_sparql_endpoint_on_the_remote_store(oxigraph: str, graph_file: Path) -> None:
    settings = {"store": "sparql", "store_query_url": oxigraph + "/query", "store_update_url": oxigraph + "/update",
                "store_gsp_url": oxigraph + "/store", "max_rows": 10, "writable": True, "update_token": "t"}
    remote(oxigraph).update("DROP ALL")
    with running_server(graph_file, **settings) as base:  # the server pushes graph.nq to the remote store
        r = httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "301"
        r = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert len(r.json()["results"]["bindings"]) == 10 and r.headers["x-antq-truncated"] == "true"
        r = httpx.get(base + "/sparql", params={"query": f"DESCRIBE <{EX}s5>"}, headers={"Accept": "text/turtle"})
        assert r.status_code == 200 and "giá trị 5" in r.text
        r = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        assert r.status_code == 403
        r = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE {"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_query"
        r = httpx.post(base + "/sparql", data={"update": f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}x> <{EX}p> 1 }} }}"},
                       headers={"Authorization": "Bearer t"})
        assert r.status_code == 204, r.text
    # the update reached the external store itself
    assert remote(oxigraph).query(f"ASK {{ GRAPH <{EX}g> {{ <{EX}x> ?p 1 }} }}").boolean is True


def test_bound_values_constrain_the_pattern_before_limit(store: Store) -> None:
    """A bound value must select before LIMIT applies, as substitution does, on both backends."""
    q = f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s LIMIT 1"  # pyoxigraph wants bound variables projected
    rows = store.query(q, bindings={"o": {"type": "literal", "value": "giá trị 250", "xml:lang": "vi"}}).rows
    assert [r["s"]["value"] for r in rows] == [f"{EX}s250"]
