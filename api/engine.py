"""The query engine every handler goes through (SPARQL endpoint and REST alike).

Interface (stable):

    engine = QueryEngine.from_nquads(path, settings)
    rows = await engine.select(query, bindings={"person": URIRef(...)})
        # -> list of dicts: variable -> SPARQL-JSON term dict
        #    {"type": "uri"|"literal"|"bnode", "value": str, "datatype"?: str, "xml:lang"?: str}
    ok = await engine.ask(query, bindings)
    data, media_type = await engine.construct(query, bindings, media_type="text/turtle")
    result = await engine.execute(query, bindings=..., default_graphs=..., named_graphs=...,
                                  results_format="json", graph_format="turtle")  # QueryResult: bytes
    await engine.update(text, using_graphs=..., using_named_graphs=...)
    await engine.replace_graph(graph_iri, ntriples) / remove_graph(graph_iri) / reload(path)
    engine.close()

``bindings`` are rdflib terms (or plain Python values) bound to query variables by the
store itself — pyoxigraph substitutions, or a VALUES block of serialised terms for an
external store — never pasted into the query text, so input cannot change a query's shape.

Queries never run on the event loop: the embedded store answers from worker processes
that are killed past ``settings.timeout``; an external store is called from a thread with
an HTTP timeout. Results come back serialised (``QueryResult.data`` in the format asked
for), so /sparql sends them as they are and ``select`` only parses SPARQL JSON. SELECT rows
and CONSTRUCT triples are capped at ``settings.max_rows`` (the result is truncated and
``QueryResult.truncated`` is set).
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from antq.api.errors import OperationRefused
from antq.graph.sparql_text import keywords_used
from antq.graph.store import (
    MalformedQueryError,
    OxigraphStore,
    QueryResult,
    Store,
    StoreError,
    open_store,
    term_to_json,
)
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from antq.settings import Settings, load_settings

XSD = "http://www.w3.org/2001/XMLSchema#"


def to_ox(term: Identifier | str | float | bool) -> Any:
    """An rdflib term or a plain Python value as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, bool):
        return ox.Literal("true" if term else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(term, int):
        return ox.Literal(str(term), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(term, float):
        return ox.Literal(repr(term), datatype=ox.NamedNode(XSD + "double"))
    return ox.Literal(str(term))


term_json = term_to_json  # kept for callers of the first version of this module


def bindings_json(bindings: Mapping[str, Any] | None) -> dict[str, dict[str, str]]:
    try:
        return {k.lstrip("?$"): term_to_json(to_ox(v)) for k, v in (bindings or {}).items()}
    except ValueError as e:
        raise MalformedQueryError(f"invalid bound value in {dict(bindings or {})!r}: {e}") from None


class QueryEngine:
    """Runs queries and updates on one store with the server's limits; see the module docstring."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.base_iri = settings.base_iri.rstrip("/") + "/sparql"
        self._pool = None
        self._started, self._writes = secrets.token_hex(4), 0
        if isinstance(store, OxigraphStore):
            from antq.api.workers import WorkerPool

            self._pool = WorkerPool(store, settings.workers, settings.timeout)

    @classmethod
    def from_nquads(cls, path: Path | str | None, settings: Settings | None = None) -> QueryEngine:
        """Load ``path`` (the build's graph.nq) into the configured store and start the workers.

        For an external store the file is pushed to it graph by graph; pass None to serve
        what the external store already holds.
        """
        settings = settings or load_settings()
        return cls(settings, open_store(settings, Path(path) if path is not None else None))

    @property
    def restarts(self) -> int:
        """How many workers were killed and replaced (after timeouts or crashes)."""
        return self._pool.restarts if self._pool else 0

    def version(self) -> str:
        """A token that changes with every write made through this engine (ETags, derived indexes).

        Writes made to an external store by other clients are not seen here.
        """
        return f"{self._started}.{self._writes}"

    async def _call(self, op: str, kwargs: dict[str, Any], write: bool = False) -> Any:
        try:
            if self._pool is None:
                return await asyncio.to_thread(getattr(self.store, op), **kwargs)
            if write:
                return await self._pool.write(op, kwargs, op == "update")
            return await self._pool.run(op, kwargs)
        finally:
            if write:  # even a failed write may have changed an external store
                self._writes += 1

    def _guard(self, text: str, keywords: Sequence[str]) -> None:
        if not self.settings.allow_service:
            used = keywords_used(text, keywords)
            if used:
                raise OperationRefused(used)

    async def execute(self, query: str, *, bindings: Mapping[str, Any] | None = None,
                      default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
                      results_format: str = "json", graph_format: str = "ntriples") -> QueryResult:
        """Any query form; the dataset arguments are the protocol's default-/named-graph-uri.

        The result is serialised in ``results_format`` (SELECT, ASK: json, xml, csv, tsv) or
        ``graph_format`` (CONSTRUCT, DESCRIBE: turtle, ntriples, jsonld, rdfxml).
        """
        self._guard(query, ["SERVICE"])
        kwargs = {"query": query, "bindings": bindings_json(bindings), "default_graphs": default_graphs,
                  "named_graphs": named_graphs, "max_rows": self.settings.max_rows, "base_iri": self.base_iri,
                  "results_format": results_format, "graph_format": graph_format}
        return await self._call("query", kwargs)

    async def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = await self.execute(query, bindings=bindings)
        if result.kind != "bindings":
            raise StoreError(f"select() needs a SELECT query, got a {result.kind} result")
        return result.rows

    async def ask(self, query: str, bindings: Mapping[str, Any] | None = None) -> bool:
        result = await self.execute(query, bindings=bindings)
        if result.kind != "boolean":
            raise StoreError(f"ask() needs an ASK query, got a {result.kind} result")
        return bool(result.boolean)

    async def construct(self, query: str, bindings: Mapping[str, Any] | None = None,
                        media_type: str = "text/turtle") -> tuple[bytes, str]:
        from antq.api.formats import graph_format_name

        result = await self.execute(query, bindings=bindings, graph_format=graph_format_name(media_type))
        if result.kind != "graph":
            raise StoreError(f"construct() needs a CONSTRUCT or DESCRIBE query, got a {result.kind} result")
        return bytes(result.data), media_type

    async def update(self, update: str, *, using_graphs: Sequence[str] = (),
                     using_named_graphs: Sequence[str] = ()) -> None:
        """A SPARQL update; callers check permission (writable + token) before calling."""
        self._guard(update, ["SERVICE", "LOAD"])
        kwargs = {"update": update, "using_graphs": list(using_graphs),
                  "using_named_graphs": list(using_named_graphs), "base_iri": self.base_iri}
        await self._call("update", kwargs, write=True)

    async def replace_graph(self, graph_iri: str, ntriples: bytes) -> None:
        await self._call("replace_graph", {"graph_iri": graph_iri, "ntriples": ntriples}, write=True)

    async def remove_graph(self, graph_iri: str) -> None:
        await self._call("remove_graph", {"graph_iri": graph_iri}, write=True)

    async def reload(self, path: Path) -> None:
        """Replace everything with a freshly built N-Quads file."""
        await self._call("load_nquads", {"path": Path(path)}, write=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        closer = getattr(self.store, "close", None)
        if closer is not None:
            closer()
