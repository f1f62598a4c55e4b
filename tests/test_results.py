"""Results written by pyoxigraph's serialisers with the row cap (graph/results.py), every format."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from antq.graph.results import RESULT_FORMATS, serialize
from rdflib import Graph
from rdflib.query import Result

EX = "http://ex.org/"
PARSERS = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    tricky = ['{"type":"uri"}', "<result>", "a,\nb\t\"c\"", "{}"]
    for i in range(20):
        s.add(ox.Quad(ox.NamedNode(f"{EX}s{i:02d}"), ox.NamedNode(EX + "p"), ox.Literal(tricky[i % 4] + str(i))))
    return s


def run(store: ox.Store, query: str, fmt: str = "json", graph_fmt: str = "ntriples", cap: int | None = None):
    return serialize(lambda: store.query(query), fmt, graph_fmt, cap)


def rows(data: bytes, fmt: str) -> list:
    return list(Result.parse(io.BytesIO(data), format=PARSERS[fmt]))


@pytest.mark.parametrize("fmt", list(RESULT_FORMATS))
@pytest.mark.parametrize("cap, expected, truncated", [(None, 20, False), (100, 20, False), (20, 20, False),
                                                     (19, 19, True), (3, 3, True), (0, 0, True)])
def test_solutions_are_capped_in_every_format(store: ox.Store, fmt: str, cap: int | None, expected: int,
                                              truncated: bool) -> None:
    kind, data, cut = run(store, "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s", fmt, cap=cap)
    assert (kind, cut) == ("bindings", truncated)
    got = rows(data, fmt)
    assert len(got) == expected
    assert [str(r[0]) for r in got] == [f"{EX}s{i:02d}" for i in range(expected)]  # the first rows, in order


def test_capped_json_equals_uncapped_json(store: ox.Store) -> None:
    q = "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s"
    assert run(store, q, cap=1000)[1] == run(store, q)[1]
    assert json.loads(run(store, q, cap=5)[1])["results"]["bindings"] == json.loads(run(store, q)[1])["results"]["bindings"][:5]


def test_empty_rows_count_as_rows(store: ox.Store) -> None:
    _, data, cut = run(store, "SELECT ?x WHERE { ?s ?p ?o }", cap=7)
    assert cut is True and json.loads(data)["results"]["bindings"] == [{}] * 7


@pytest.mark.parametrize("graph_fmt, parser", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"),
                                               ("rdfxml", "xml")])
def test_graphs_are_capped(store: ox.Store, graph_fmt: str, parser: str) -> None:
    kind, data, cut = run(store, "CONSTRUCT WHERE { ?s ?p ?o }", graph_fmt=graph_fmt, cap=4)
    assert (kind, cut, len(Graph().parse(data=data, format=parser))) == ("graph", True, 4)
    kind, data, cut = run(store, "CONSTRUCT WHERE { ?s ?p ?o }", graph_fmt=graph_fmt, cap=50)
    assert (cut, len(Graph().parse(data=data, format=parser))) == (False, 20)


def test_booleans(store: ox.Store) -> None:
    assert run(store, "ASK { ?s ?p ?o }", cap=0) == ("boolean", b'{"head":{},"boolean":true}', False)
    assert run(store, "ASK { ?s ?p 1 }", "xml")[1].endswith(b"<boolean>false</boolean></sparql>")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_result_within_the_cap_is_written_once(store: ox.Store, fmt: str) -> None:
    """The bound counts rows, not terms: 20 rows of two terms under a cap of 25 need no second run."""
    runs = []

    def query() -> ox.QuerySolutions:
        runs.append(1)
        return store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")

    kind, data, cut = serialize(query, fmt, "ntriples", 25)
    assert (len(rows(data, fmt)), cut, len(runs)) == (20, False, 1)


def test_a_value_holding_the_row_separator_cannot_hide_a_row() -> None:
    """A string with "},{" only raises the bound: the exact count then decides."""
    s = ox.Store()
    for i in range(6):
        s.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal("},{" * 3)))
    kind, data, cut = serialize(lambda: s.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), "json", "ntriples", 6)
    assert (len(rows(data, "json")), cut) == (6, False)
    kind, data, cut = serialize(lambda: s.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), "json", "ntriples", 5)
    assert (len(rows(data, "json")), cut) == (5, True)
