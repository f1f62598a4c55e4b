"""Storage backends behind one small interface: embedded Oxigraph, or an external SPARQL server.

Oxigraph in memory is the default because it answered the joins and GROUP BYs of this graph
10-20x faster than rdflib (shared/TECH-NOTES.md). The interface speaks plain data, results
already serialised by the store (SPARQL JSON/XML/CSV/TSV, or an RDF syntax for graphs), so a
result crosses a process boundary as bytes: the query engine runs the embedded store inside
worker processes it can kill, and those send the response body itself.

The store keeps one named graph per document AND a real default graph holding the set
union of the named graphs (graph/default_graph.py); a query that names no dataset of its
own reads that default graph.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from antq.graph import default_graph as dg
from antq.graph.iris import PREFIXES
from antq.graph.results import GRAPH_FORMATS, RESULT_FORMATS, serialize
from antq.graph.sparql_text import add_using, keywords_used

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PREFIX_MAP = {p: str(ns) for p, ns in PREFIXES.items()}  # prefixes of Turtle results

Term = dict[str, str]  # SPARQL-JSON term: {"type": "uri"|"literal"|"bnode", "value", "datatype"?, "xml:lang"?}


class StoreError(Exception):
    """A store could not run an operation (base class)."""


class MalformedQueryError(StoreError):
    """The query or update text does not parse; line/column point at the problem when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column

    def __reduce__(self) -> tuple:  # keep line/column when sent back from a worker process
        return (type(self), (str(self), self.line, self.column))


class QueryTimeoutError(StoreError):
    """The operation ran longer than the configured timeout and was stopped."""


class StoreUnavailableError(StoreError):
    """The store cannot be reached or is busy (external server down, all workers occupied)."""


@dataclass
class QueryResult:
    """One query's answer, serialised. ``kind``: 'bindings', 'boolean' or 'graph'.

    ``data`` is in ``format`` (a results format name for bindings and booleans, an RDF
    format name for graphs, see graph/results.py); ``rows``, ``variables``, ``boolean``
    and ``ntriples`` read it back for callers that want plain data.
    """

    kind: str
    data: bytes | bytearray = b""  # a bytearray when received from a query worker (no copy)
    format: str = "json"
    truncated: bool = False  # more rows/triples existed than max_rows
    elapsed: float | None = None  # seconds the store spent answering, serialising included (Server-Timing)

    @cached_property
    def _json(self) -> dict[str, Any]:
        if self.kind == "graph":
            raise StoreError("a graph result has no rows")
        data = self.data
        if self.format != "json":
            data = ox.parse_query_results(bytes(data), format=RESULT_FORMATS[self.format]).serialize(
                format=ox.QueryResultsFormat.JSON)
        return json.loads(data)

    @property
    def rows(self) -> list[dict[str, Term]]:
        return self._json.get("results", {}).get("bindings", [])

    @property
    def variables(self) -> list[str]:
        return self._json.get("head", {}).get("vars", [])

    @property
    def boolean(self) -> bool | None:
        return self._json.get("boolean") if self.kind == "boolean" else None

    @property
    def ntriples(self) -> bytes:
        if self.kind != "graph":
            raise StoreError(f"a {self.kind} result has no triples")
        if self.format == "ntriples":
            return bytes(self.data)
        parsed = ox.parse(bytes(self.data), format=GRAPH_FORMATS[self.format])
        return ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES) or b""


class Store(Protocol):
    """What every backend offers; IRIs are plain strings, data is N-Triples or N-Quads."""

    def query(self, query: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, base_iri: str | None = None,
              results_format: str = "json", graph_format: str = "ntriples") -> QueryResult: ...

    def update(self, update: str, *, using_graphs: Sequence[str] = (), using_named_graphs: Sequence[str] = (),
               base_iri: str | None = None) -> None: ...

    def load_nquads(self, path: Path) -> None: ...

    def replace_graph(self, graph_iri: str, ntriples: bytes) -> None: ...

    def remove_graph(self, graph_iri: str) -> None: ...


def term_to_json(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    raise StoreError(f"unsupported RDF term in results: {term!r}")


def term_from_json(term: Term) -> Any:
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if term.get("xml:lang"):
            return ox.Literal(value, language=term["xml:lang"])
        if term.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(term["datatype"]))
        return ox.Literal(value)
    raise StoreError(f"unsupported term {term!r}")


def parse_position(message: str) -> tuple[int | None, int | None]:
    """Oxigraph reports 'error at LINE:COLUMN: ...'."""
    import re

    m = re.search(r"at (\d+):(\d+)", message)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _syntax_error(e: SyntaxError) -> MalformedQueryError:
    msg = str(e)
    return MalformedQueryError(msg, *parse_position(msg))


def _graphs(iris: Sequence[str] | None) -> list[ox.NamedNode] | None:
    try:
        return None if iris is None else [ox.NamedNode(i) for i in iris]
    except ValueError as e:
        raise MalformedQueryError(f"invalid graph IRI in {list(iris or [])}: {e}") from e


class OxigraphStore:
    """Embedded pyoxigraph store held in memory.

    ``store`` holds the named graphs and the default graph (their set union); ``default``
    holds that default graph alone and answers the queries that read nothing else.
    """

    def __init__(self) -> None:
        self.store = ox.Store()
        self.default = ox.Store()

    @classmethod
    def from_nquads(cls, path: Path) -> OxigraphStore:
        s = cls()
        s.load_nquads(path)
        return s

    def _target(self, query: str, options: dict[str, Any], default_graphs: Sequence[str] | None,
                named_graphs: Sequence[str] | None) -> ox.Store:
        """The store to ask: ``default`` unless the query names graphs (a protocol dataset, FROM, GRAPH)."""
        if default_graphs is not None or named_graphs is not None:
            options["default_graph"] = _graphs(default_graphs) or []
            if named_graphs is not None:
                options["named_graphs"] = _graphs(named_graphs)
            return self.store
        return self.store if keywords_used(query, ("GRAPH", "FROM")) else self.default

    def query(self, query: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, base_iri: str | None = None,
              results_format: str = "json", graph_format: str = "ntriples") -> QueryResult:
        started = time.perf_counter()
        subs = {ox.Variable(k): term_from_json(v) for k, v in (bindings or {}).items()}
        options: dict[str, Any] = {"substitutions": subs, "base_iri": base_iri}
        store = self._target(query, options, default_graphs, named_graphs)
        try:
            kind, data, truncated = serialize(lambda: store.query(query, **options), results_format, graph_format,
                                              max_rows, PREFIX_MAP)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except ValueError as e:  # e.g. an invalid base IRI or substitution
            raise MalformedQueryError(str(e)) from None
        return QueryResult(kind, data, graph_format if kind == "graph" else results_format, truncated,
                           time.perf_counter() - started)

    def update(self, update: str, *, using_graphs: Sequence[str] = (), using_named_graphs: Sequence[str] = (),
               base_iri: str | None = None) -> None:
        """Run an update on the named graphs, then derive the default graph from them again.

        The default graph is derived data: an update that writes it directly (no GRAPH)
        has no lasting effect, and operations inside one request read it as it was when
        the request began, plus their own direct changes.
        """
        text = add_using(update, [str(g) for g in _graphs(using_graphs) or []],
                         [str(g) for g in _graphs(using_named_graphs) or []])
        try:
            self.store.update(text, base_iri=base_iri)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except ValueError as e:
            raise MalformedQueryError(str(e)) from None
        dg.rederive(self.store)
        self.default = dg.default_only(self.store)

    def load_nquads(self, path: Path) -> None:
        """Replace the whole content with an N-Quads file (the build's graph.nq)."""
        if not Path(path).is_file():
            raise StoreError(f"graph file {path} does not exist; run the build first")
        self.store.clear()
        try:
            self.store.load(path=str(path), format=ox.RdfFormat.N_QUADS)  # faster than bulk_load in memory
        except SyntaxError as e:
            raise StoreError(f"{path} is not valid N-Quads: {e}") from None
        dg.derive(self.store)
        self.default = dg.default_only(self.store)

    def dump_nquads(self, path: Path) -> None:
        """Write the named graphs (the default graph is derived from them) as N-Quads."""
        quads = (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))
        ox.serialize(quads, str(path), format=ox.RdfFormat.N_QUADS)

    def replace_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one named graph (one document) with the given N-Triples."""
        g = ox.NamedNode(graph_iri)
        try:
            new = {t for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}
        except SyntaxError as e:
            raise StoreError(f"data for graph <{graph_iri}> is not valid N-Triples: {e}") from None
        old = dg.triples_of(self.store, g)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)
        self.store.extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in new)
        dg.add((self.store, self.default), new - old)
        dg.release(self.store, [self.default], old - new)

    def remove_graph(self, graph_iri: str) -> None:
        g = ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(g):
            old = dg.triples_of(self.store, g)
            self.store.remove_graph(g)
            dg.release(self.store, [self.default], old)


def open_store(settings: Any, nquads_path: Path | None = None) -> Store:
    """The backend chosen by ``settings.store``, loaded from ``nquads_path`` when given."""
    if settings.store == "sparql":
        from antq.graph.remote_store import SparqlStore

        remote = SparqlStore.from_settings(settings)
        if nquads_path is not None:
            remote.load_nquads(nquads_path)
        return remote
    if settings.store != "oxigraph":
        raise StoreError(f"unknown store {settings.store!r}: use 'oxigraph' or 'sparql'")
    return OxigraphStore.from_nquads(nquads_path) if nquads_path is not None else OxigraphStore()
