"""An external SPARQL 1.1 server as the store (settings store="sparql").

For a deployment that outgrows one machine: queries go to ``store_query_url`` (SPARQL 1.1
Protocol), updates to ``store_update_url``, whole graphs to ``store_gsp_url`` (Graph Store
Protocol). As with the embedded store, the server's real default graph holds the set union
of the named graphs, and this class keeps it so: the load writes it, a replaced or removed
document graph takes out only the triples no other named graph holds (one update), and
after a SPARQL update it is derived again. So the server needs no union-default-graph
option (which would repeat a triple once per graph holding it). Every request carries the
query timeout; configure the server's own timeout too (Oxigraph: ``--timeout-s``), since
closing the connection does not stop a query on every server.

Bound values travel as a VALUES block of serialised terms at the start of the WHERE group
(the server never sees them pasted into the query text), so they constrain the patterns
before GROUP BY, ORDER BY and LIMIT, as the embedded store's substitution does.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
from antq.graph.default_graph import ORPHANS, UNION
from antq.graph.results import RESULT_FORMATS, convert_ntriples, serialize
from antq.graph.sparql_text import with_initial_values
from antq.graph.store import (
    PREFIX_MAP,
    MalformedQueryError,
    QueryResult,
    QueryTimeoutError,
    StoreError,
    StoreUnavailableError,
    Term,
    parse_position,
    term_from_json,
)

RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
# Take out of the default graph the triples of graph <{g}> that no other named graph holds.
_RELEASE = ("DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
            "FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{g}>) }} }}")


def values_block(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (<iri> "lit"@vi) }`` from SPARQL-JSON terms, each serialised by Oxigraph."""
    if not bindings:
        return ""
    names, terms = [], []
    for name, term in bindings.items():
        value = term_from_json(term)
        if isinstance(value, ox.BlankNode):
            raise MalformedQueryError(f"cannot bind ?{name} to a blank node on an external store")
        names.append(f"?{ox.Variable(name).value}")
        terms.append(str(value))
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"


class SparqlStore:
    """Store interface over HTTP (see graph/store.py ``Store``)."""

    def __init__(self, query_url: str, update_url: str = "", gsp_url: str = "", timeout: float = 10.0,
                 client: httpx.Client | None = None) -> None:
        if not query_url:
            raise StoreError("store='sparql' needs store_query_url (the external SPARQL query endpoint)")
        self.query_url, self.update_url, self.gsp_url = query_url, update_url, gsp_url
        self.timeout = timeout
        self.client = client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False)

    @classmethod
    def from_settings(cls, settings: Any) -> SparqlStore:
        return cls(settings.store_query_url, settings.store_update_url, settings.store_gsp_url, settings.timeout)

    def _post_form(self, url: str, what: str, form: list[tuple[str, str]], headers: dict[str, str] | None = None
                   ) -> httpx.Response:
        headers = {**(headers or {}), "Content-Type": "application/x-www-form-urlencoded"}
        return self._send("POST", url, what, content=urlencode(form).encode("utf-8"), headers=headers)

    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise QueryTimeoutError(f"stopped after {self.timeout:g} s, the configured query timeout "
                                    f"(external store {url})") from None
        except httpx.TransportError as e:
            raise StoreUnavailableError(f"external store {url} cannot be reached: {e}") from None
        if response.status_code == 400:
            text = response.text.strip()[:2000]
            raise MalformedQueryError(f"{what} rejected by the external store: {text}", *parse_position(text))
        if response.status_code >= 300:
            raise StoreError(f"external store {url} answered {response.status_code} to {what}: {response.text[:500]}")
        return response

    def query(self, query: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None, named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, base_iri: str | None = None,
              results_format: str = "json", graph_format: str = "ntriples") -> QueryResult:
        started = time.perf_counter()
        form: list[tuple[str, str]] = [("query", with_initial_values(query, values_block(bindings or {})))]
        form += [("default-graph-uri", g) for g in default_graphs or []]
        form += [("named-graph-uri", g) for g in named_graphs or []]
        headers = {"Accept": f"{RESULTS_JSON}, {NTRIPLES};q=0.9"}
        r = self._post_form(self.query_url, "the query", form, headers)
        media = r.headers.get("content-type", "").split(";")[0].strip().lower()
        if media == NTRIPLES:
            lines = [ln + b"\n" for ln in r.content.splitlines() if ln.strip()]
            cap = len(lines) if max_rows is None else max_rows
            data = convert_ntriples(b"".join(lines[:cap]), graph_format, PREFIX_MAP)
            return QueryResult("graph", data, graph_format, len(lines) > cap, time.perf_counter() - started)
        if media not in (RESULTS_JSON, "application/json"):
            raise StoreError(f"external store answered with {media or 'no media type'}, not SPARQL JSON or N-Triples")
        try:
            kind, data, truncated = serialize(
                lambda: ox.parse_query_results(r.content, format=RESULT_FORMATS["json"]), results_format,
                graph_format, max_rows)
        except SyntaxError as e:
            raise StoreError(f"external store sent unreadable SPARQL JSON: {e}") from None
        return QueryResult(kind, data, results_format, truncated, time.perf_counter() - started)

    def _update(self, update: str, form: list[tuple[str, str]] | None = None) -> None:
        if not self.update_url:
            raise StoreError("this external store has no store_update_url, so it cannot take updates")
        self._post_form(self.update_url, "the update", [("update", update), *(form or [])])

    def update(self, update: str, *, using_graphs: Sequence[str] = (), using_named_graphs: Sequence[str] = (),
               base_iri: str | None = None) -> None:
        """Run an update, then derive the default graph from the named graphs again (as the embedded store)."""
        form = [("using-graph-uri", g) for g in using_graphs]
        form += [("using-named-graph-uri", g) for g in using_named_graphs]
        self._update(update, form)
        self._update(f"{ORPHANS} ;\n{UNION}")

    def _gsp(self) -> str:
        if not self.gsp_url:
            raise StoreError("this external store has no store_gsp_url (Graph Store Protocol endpoint)")
        return self.gsp_url

    def _put_default(self, data: bytes, method: str = "POST") -> None:
        self._send(method, self._gsp(), "the default graph", params={"default": ""}, content=data,
                   headers={"Content-Type": NTRIPLES})

    def replace_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """PUT one document graph; its old triples leave the default graph unless another graph holds them."""
        graph = ox.NamedNode(graph_iri).value  # validated: it is pasted into the release update
        self._update(_RELEASE.format(g=graph))
        self._send("PUT", self._gsp(), f"graph <{graph}>", params={"graph": graph}, content=ntriples,
                   headers={"Content-Type": NTRIPLES})
        self._put_default(ntriples)

    def remove_graph(self, graph_iri: str) -> None:
        graph = ox.NamedNode(graph_iri).value
        self._update(_RELEASE.format(g=graph))
        try:
            self._send("DELETE", self._gsp(), f"graph <{graph}>", params={"graph": graph})
        except StoreError as e:
            if " 404 " not in str(e):  # removing a graph that is not there is fine
                raise

    def load_nquads(self, path: Path) -> None:
        """Replace the graphs named in an N-Quads file (one Graph Store PUT each) and the default graph.

        The default graph is PUT as the set union of every graph in the file.
        """
        if not Path(path).is_file():
            raise StoreError(f"graph file {path} does not exist; run the build first")
        graphs: dict[Any, list[ox.Triple]] = defaultdict(list)
        union: set[ox.Triple] = set()
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            t = ox.Triple(q.subject, q.predicate, q.object)
            union.add(t)
            if not isinstance(q.graph_name, ox.DefaultGraph):
                graphs[q.graph_name].append(t)
        for name, triples in graphs.items():
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            self._send("PUT", self._gsp(), f"graph <{name.value}>", params={"graph": name.value}, content=data,
                       headers={"Content-Type": NTRIPLES})
        self._put_default(ox.serialize(union, format=ox.RdfFormat.N_TRIPLES) or b"", "PUT")

    def close(self) -> None:
        self.client.close()
