"""Storage backends behind one small interface: embedded Oxigraph, or an external SPARQL server.

Oxigraph in memory is the default because it answered the joins and GROUP BYs of this graph
10-20x faster than rdflib (shared/TECH-NOTES.md). The interface speaks plain data (results
as SPARQL-JSON term dicts, graphs as N-Triples bytes) so results can cross a process boundary:
the query engine runs the embedded store inside worker processes it can kill.

The default graph of a query is the union of the named graphs (one graph per document),
unless the request names its own dataset.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from antq.graph.sparql_text import add_using

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

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
    """One query's answer as plain data. ``kind``: 'bindings', 'boolean' or 'graph'."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    ntriples: bytes = b""
    truncated: bool = False  # more rows/triples existed than max_rows


class Store(Protocol):
    """What every backend offers; IRIs are plain strings, data is N-Triples or N-Quads."""

    def query(self, query: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, base_iri: str | None = None) -> QueryResult: ...

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


def collect(result: Any, max_rows: int | None) -> QueryResult:
    """Turn a pyoxigraph result into a QueryResult, reading at most max_rows rows or triples."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("boolean", boolean=bool(result))
    limit = max_rows if max_rows is not None else float("inf")
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows, truncated = [], False
        for sol in result:
            if len(rows) >= limit:
                truncated = True
                break
            rows.append({n: term_to_json(sol[n]) for n in names if sol[n] is not None})
        return QueryResult("bindings", variables=names, rows=rows, truncated=truncated)
    triples, truncated = [], False
    for t in result:
        if len(triples) >= limit:
            truncated = True
            break
        triples.append(t)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return QueryResult("graph", ntriples=data, truncated=truncated)


class OxigraphStore:
    """Embedded pyoxigraph store held in memory."""

    def __init__(self, store: ox.Store | None = None) -> None:
        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_nquads(cls, path: Path) -> OxigraphStore:
        s = cls()
        s.load_nquads(path)
        return s

    def query(self, query: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, base_iri: str | None = None) -> QueryResult:
        subs = {ox.Variable(k): term_from_json(v) for k, v in (bindings or {}).items()}
        options: dict[str, Any] = {"substitutions": subs, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            options["default_graph"] = _graphs(default_graphs) or []
            if named_graphs is not None:
                options["named_graphs"] = _graphs(named_graphs)
        else:
            options["use_default_graph_as_union"] = True
        try:
            return collect(self.store.query(query, **options), max_rows)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except ValueError as e:  # e.g. an invalid base IRI or substitution
            raise MalformedQueryError(str(e)) from None

    def update(self, update: str, *, using_graphs: Sequence[str] = (), using_named_graphs: Sequence[str] = (),
               base_iri: str | None = None) -> None:
        text = add_using(update, [str(g) for g in _graphs(using_graphs) or []],
                         [str(g) for g in _graphs(using_named_graphs) or []])
        try:
            self.store.update(text, base_iri=base_iri)
        except SyntaxError as e:
            raise _syntax_error(e) from None
        except ValueError as e:
            raise MalformedQueryError(str(e)) from None

    def load_nquads(self, path: Path) -> None:
        """Replace the whole content with an N-Quads file (the build's graph.nq)."""
        if not Path(path).is_file():
            raise StoreError(f"graph file {path} does not exist; run the build first")
        self.store.clear()
        try:
            self.store.load(path=str(path), format=ox.RdfFormat.N_QUADS)  # faster than bulk_load in memory
        except SyntaxError as e:
            raise StoreError(f"{path} is not valid N-Quads: {e}") from None

    def dump_nquads(self, path: Path) -> None:
        self.store.dump(str(path), format=ox.RdfFormat.N_QUADS)

    def replace_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one named graph (one document) with the given N-Triples."""
        g = ox.NamedNode(graph_iri)
        try:
            quads = [ox.Quad(t.subject, t.predicate, t.object, g)
                     for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)]
        except SyntaxError as e:
            raise StoreError(f"data for graph <{graph_iri}> is not valid N-Triples: {e}") from None
        self.remove_graph(graph_iri)
        self.store.extend(quads)

    def remove_graph(self, graph_iri: str) -> None:
        g = ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)


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
