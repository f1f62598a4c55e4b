"""Entity IRIs that resolve: /id/{kind}/{slug} answers RDF or HTML by content negotiation.

A client asking for Turtle, JSON-LD, N-Triples or RDF/XML gets the entity's own triples,
the triples pointing at it and the labels of its neighbours; a browser gets the entity
page. Either way a ``Link: <…/documents/{doc}>; rel="describedby"`` header names the
articles the entity was read from.
"""

from __future__ import annotations

import asyncio
import inspect
import re

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from rdflib import BNode, Graph, Literal, URIRef

from antq.api.rest_common import CachedRoute, select, val
from antq.graph.iris import PREFIXES

router = APIRouter(route_class=CachedRoute, tags=["linked data"])

# media type → rdflib serializer; the first is the default for */*.
RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
SHORT = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples", "rdf": "application/rdf+xml", "html": "text/html"}
MAX_INCOMING = 5000
_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9][A-Za-z0-9._~-]*)*$")

_OUT = "SELECT ?e ?p ?o WHERE { ?e ?p ?o }"
_IN = f"SELECT ?e ?s ?p WHERE {{ ?s ?p ?e }} LIMIT {MAX_INCOMING}"
_LABELS = """SELECT DISTINCT ?e ?n ?lp ?l WHERE {
  { ?e ?x ?n } UNION { ?n ?x ?e }
  VALUES ?lp { rdfs:label skos:prefLabel schema:name }
  ?n ?lp ?l
}"""
_DOCS = """SELECT DISTINCT ?e ?id WHERE {
  { ?e antq:mentionedIn ?d . ?d schema:identifier ?id } UNION { ?e antq:document ?d . ?d schema:identifier ?id }
  UNION { ?e a schema:NewsArticle ; schema:identifier ?id }
}"""


def choose(accept: str) -> str:
    """The best of text/html and the RDF media types for an Accept header (q-values honoured)."""
    offers = ["text/turtle", "text/html", *list(RDF_FORMATS)[1:]]
    best, best_q = "text/turtle", -1.0
    for part in accept.split(","):
        media, _, params = part.strip().partition(";")
        media = media.strip().lower()
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        for offer in offers:
            specific = media == offer
            if specific or media in ("*/*", offer.split("/")[0] + "/*"):
                # exact matches beat wildcards of the same weight
                score = q + (0.001 if specific else 0.0) - offers.index(offer) * 1e-6
                if q > 0 and score > best_q:
                    best, best_q = offer, score
    return best


def term(t: dict[str, str]) -> URIRef | Literal | BNode:
    if t["type"] == "uri":
        return URIRef(t["value"])
    if t["type"] == "bnode":
        return BNode(t["value"])
    return Literal(t["value"], lang=t.get("xml:lang"), datatype=URIRef(t["datatype"]) if t.get("datatype") else None)


async def describe(request: Request, iri: URIRef) -> tuple[Graph, list[str]]:
    """The entity's triples (out, in, neighbour labels) and the ids of its source documents."""
    b = {"e": iri}
    out, inc, labels, docs = await asyncio.gather(*(select(request, q, b) for q in (_OUT, _IN, _LABELS, _DOCS)))
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for r in out:
        g.add((iri, term(r["p"]), term(r["o"])))
    for r in inc:
        g.add((term(r["s"]), term(r["p"]), iri))
    for r in labels:
        g.add((term(r["n"]), term(r["lp"]), term(r["l"])))
    return g, sorted({val(r, "id") for r in docs if val(r, "id")})


@router.get("/id/{path:path}", summary="Resolve an entity IRI (Turtle, JSON-LD, N-Triples, RDF/XML or HTML)",
            responses={200: {"content": {m: {} for m in [*RDF_FORMATS, "text/html"]}}, 404: {"description": "Unknown IRI"}})
async def resolve(request: Request, path: str, format: str | None = Query(None, description="ttl, jsonld, nt, rdf or html; overrides Accept")) -> Response:
    if not _PATH.match(path):  # minted IRIs never hold other characters
        raise HTTPException(404, detail=f"no entity at {request.url.path!r}")
    iri = URIRef(f"{request.app.state.settings.base_iri}id/{path}")
    media = SHORT.get(format or "") or choose(request.headers.get("accept", "*/*"))
    graph, docs = await describe(request, iri)
    if len(graph) == 0 or not any(True for _ in graph.triples((iri, None, None))) and not any(True for _ in graph.triples((None, None, iri))):
        raise HTTPException(404, detail=f"no entity with IRI {str(iri)!r}")
    links = ", ".join(f'<{request.url_for("get_document", id=doc).path}>; rel="describedby"' for doc in docs)
    headers = {"Link": links, "Vary": "Accept"} if links else {"Vary": "Accept"}
    if media == "text/html":
        response = await html(request, str(iri), graph)
        response.headers.update(headers)
        return response
    body = graph.serialize(format=RDF_FORMATS[media])
    return Response(content=body.encode("utf-8") if isinstance(body, str) else body, media_type=media, headers=headers)


async def html(request: Request, iri: str, graph: Graph) -> Response:
    """The web explorer's entity page when installed, else a plain list of the triples."""
    try:
        from antq.api.pages import render_entity
    except ImportError:
        render_entity = None
    if render_entity is not None:
        page = render_entity(request, iri)
        return await page if inspect.isawaitable(page) else page
    from html import escape

    rows = "".join(f"<tr><td>{escape(str(s))}</td><td>{escape(str(p))}</td><td>{escape(str(o))}</td></tr>" for s, p, o in sorted(graph))
    return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>{escape(iri)}</title><h1>{escape(iri)}</h1><table>{rows}</table>")
