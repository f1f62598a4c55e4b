"""SPARQL 1.1 Protocol endpoint at /sparql: query, update and a service description.

Queries: GET ?query=, POST form (application/x-www-form-urlencoded) or POST direct
(application/sparql-query), with default-graph-uri / named-graph-uri. Updates: POST form
(update=) or direct (application/sparql-update), only when the server is writable and the
request carries the Bearer update token. This module parses the protocol; the engine runs
queries with the limits, and api/formats.py writes the results.

Row cap: a SELECT (or CONSTRUCT/DESCRIBE) with more than ``max_rows`` rows (triples) is
truncated, not refused, and the response says so with ``X-Antq-Truncated: true`` and
``X-Antq-Max-Rows: N``. Timeouts answer 504, busy workers 503, SERVICE/LOAD 403.
"""

from __future__ import annotations

import hmac
import time
from urllib.parse import parse_qsl

from antq.api.errors import ApiError
from antq.api.formats import (
    FORMAT_NAMES,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    negotiate,
    negotiate_both,
)
from antq.graph.sparql_text import has_dataset_clause
from fastapi import APIRouter, Request, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

router = APIRouter(tags=["SPARQL"])
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_SD_FORMATS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
               "rdfxml": "RDF_XML"}


def _media(request: Request) -> tuple[str, str | None]:
    """(media type, charset) of the request body."""
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return parts[0].lower(), charset


def _decode(body: bytes, charset: str | None, what: str) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", f"{what} must be encoded as UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ApiError(400, "bad_encoding", f"{what} is not valid UTF-8: {e}") from None


async def _params(request: Request) -> tuple[list[tuple[str, str]], str | None, str | None]:
    """All protocol parameters, plus the query or update sent directly as the body."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params, None, None
    media, charset = _media(request)
    body = await request.body()
    if media == "application/x-www-form-urlencoded":
        text = _decode(body, charset, "the form body")
        return params + parse_qsl(text, keep_blank_values=True), None, None
    if media == "application/sparql-query":
        return params, _decode(body, charset, "the query"), None
    if media == "application/sparql-update":
        return params, None, _decode(body, charset, "the update")
    shown = media or "no Content-Type"
    raise ApiError(415, "unsupported_media_type", f"POST /sparql takes application/x-www-form-urlencoded, "
                   f"application/sparql-query or application/sparql-update, not {shown}")


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise ApiError(400, "bad_request", f"the request carries {len(values)} '{name}' parameters; send exactly one")
    return values[0] if values else None


def _all(params: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in params if k == name]


def _check_update_allowed(request: Request) -> None:
    settings = request.app.state.settings
    if not settings.writable:
        raise ApiError(403, "read_only", "this server is read-only: SPARQL updates are refused (setting writable)")
    if not settings.update_token:
        raise ApiError(403, "read_only", "updates are enabled but no update_token is configured, so none is accepted")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        raise ApiError(401, "unauthorized", "updates need the header 'Authorization: Bearer <update token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="antq-kg sparql update"'})


def service_description(endpoint: str, writable: bool) -> bytes:
    """The endpoint described with the SPARQL 1.1 Service Description vocabulary, as Turtle."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    svc, ds, dg = URIRef(endpoint), BNode(), BNode()
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, svc))
    g.add((svc, SD.supportedLanguage, SD.SPARQL11Query))
    if writable:
        g.add((svc, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    for f in RESULT_FORMATS + GRAPH_FORMATS:
        g.add((svc, SD.resultFormat, FORMATS[_SD_FORMATS[f.name]]))
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    g.add((svc, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
           Literal("antq-kg: default graph = union of the named graphs (one per document)", lang="en")))
    return g.serialize(format="turtle").encode("utf-8")


@router.api_route("/sparql", methods=["GET", "POST"], include_in_schema=True)
@router.api_route("/sparql/", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: query (GET/POST), update (POST, writable mode) or the service description.

    Results: JSON, XML, CSV, TSV (SELECT/ASK); Turtle, N-Triples, JSON-LD, RDF/XML (CONSTRUCT/DESCRIBE),
    chosen by Accept or by ``format`` (json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml).
    """
    started = time.perf_counter()
    params, direct_query, direct_update = await _params(request)
    query = direct_query if direct_query is not None else _one(params, "query")
    update = direct_update if direct_update is not None else _one(params, "update")
    if direct_query is not None and _one(params, "query") is not None:
        raise ApiError(400, "bad_request", "a direct POST query may not also carry a 'query' parameter")
    if query is not None and update is not None:
        raise ApiError(400, "bad_request", "send either 'query' or 'update', not both")
    engine, settings = request.app.state.engine, request.app.state.settings
    if update is not None:
        if request.method != "POST":
            raise ApiError(405, "method_not_allowed", "updates must be sent with POST", headers={"Allow": "POST"})
        return await _update(request, params, update)
    fmt_param = _one(params, "format")
    if fmt_param is not None and fmt_param.lower() not in FORMAT_NAMES:
        raise ApiError(400, "bad_request", f"unknown format {fmt_param!r}; use one of {', '.join(FORMAT_NAMES)}")
    if query is None:
        endpoint = str(request.url.replace(query=""))
        return Response(service_description(endpoint, settings.writable), media_type="text/turtle")
    defaults, named = _all(params, "default-graph-uri"), _all(params, "named-graph-uri")
    accept = request.headers.get("accept")
    table, graph = negotiate_both(accept, fmt_param)  # the result's kind is known only after the query
    result = await engine.execute(query, default_graphs=defaults if defaults or named else None,
                                  named_graphs=named if defaults or named else None,
                                  results_format=(table or RESULT_FORMATS[0]).name,
                                  graph_format=(graph or GRAPH_FORMATS[0]).name)
    fmt = table if result.kind != "graph" else graph
    if fmt is None:
        negotiate(result.kind, accept, fmt_param)  # raises the 406 for this kind of result
    headers = {"Vary": "Accept"}
    if result.elapsed is not None:  # what the store took; the rest of the response time is the server's
        handler = (time.perf_counter() - started) * 1000
        headers["Server-Timing"] = (f'store;dur={result.elapsed * 1000:.2f};desc="query in the store", '
                                    f'app;dur={handler:.2f};desc="request read, query run, answer handed over"')
    if result.truncated:
        headers["X-Antq-Truncated"] = "true"
        headers["X-Antq-Max-Rows"] = str(settings.max_rows)
    media = fmt.media_type + ("; charset=utf-8" if not fmt.media_type.endswith("+xml") else "")
    return Response(memoryview(result.data), media_type=media, headers=headers)


async def _update(request: Request, params: list[tuple[str, str]], update: str) -> Response:
    _check_update_allowed(request)
    using, using_named = _all(params, "using-graph-uri"), _all(params, "using-named-graph-uri")
    if (using or using_named) and has_dataset_clause(update):
        raise ApiError(400, "dataset_conflict", "the update names its dataset with USING or WITH and the request "
                       "also sends using-graph-uri / using-named-graph-uri; use one or the other")
    await request.app.state.engine.update(update, using_graphs=using, using_named_graphs=using_named)
    return Response(status_code=204)
