"""The query engine every handler goes through (SPARQL endpoint and REST alike).

Interface (stable; the internals will move queries to worker processes with a real timeout):

    engine = QueryEngine.from_nquads(path, settings)
    rows = await engine.select(query, bindings={"person": URIRef(...)})
        # -> list of dicts: variable -> SPARQL-JSON term dict
        #    {"type": "uri"|"literal"|"bnode", "value": str, "datatype"?: str, "xml:lang"?: str}
    triples_bytes, media_type = await engine.construct(query, bindings, media_type="text/turtle")

``bindings`` are rdflib terms bound to query variables by the engine itself (never pasted
into the query text), so user input cannot change a query's shape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier


def to_ox(term: Identifier | str | int | float) -> Any:
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
        return ox.Literal("true" if term else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(term, int):
        return ox.Literal(str(term), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(term, float):
        return ox.Literal(repr(term), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
    return ox.Literal(str(term))


def term_json(term: Any) -> dict[str, str] | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


class QueryEngine:
    """Temporary in-process implementation; see the module docstring for the contract."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_nquads(cls, path: Path, settings: Any = None) -> "QueryEngine":
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    async def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        def run() -> list[dict[str, Any]]:
            subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
            res = self.store.query(query, use_default_graph_as_union=True, substitutions=subs)
            names = [v.value for v in res.variables]
            return [{n: term_json(sol[n]) for n in names if sol[n] is not None} for sol in res]

        return await asyncio.to_thread(run)
