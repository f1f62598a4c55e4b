"""/documents/{id}, /stats and /validate: the sources, the graph's size and its SHACL report."""

from __future__ import annotations

import asyncio
import json

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal

from antq.api.rest_common import CachedRoute, Evidence, kind_of, label, num, select, slug_of, val

router = APIRouter(route_class=CachedRoute, tags=["documents"])


class Fact(BaseModel):
    """An entity or fact node read from the document, with the spans it was read from."""

    id: str
    iri: str
    kind: str | None = Field(None, description="person, org, programme, meeting, award, stat, place, post …")
    label: str | None = None
    evidence: list[Evidence]


class DocumentOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"id": "000_ef99c53d717a298e", "iri": "http://127.0.0.1:8000/id/doc/000-ef99c53d717a298e-1a2b3c", "title": "…", "date": "2024-04", "url": None, "text": "…", "facts": []}]})
    id: str
    iri: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    text: str | None = None
    facts: list[Fact]


class Stats(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"programmes": 3, "organizations": 40, "people": 35, "meetings": 6, "awards": 4, "documents": 5, "statistics": 12}]})
    programmes: int
    organizations: int
    people: int
    meetings: int
    awards: int
    documents: int
    statistics: int


_DOC = """SELECT ?id ?d ?title ?date ?url ?text WHERE {
  ?d a schema:NewsArticle ; schema:identifier ?id .
  OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:datePublished ?date }
  OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d schema:text ?text }
} LIMIT 1"""
_FACTS = """SELECT DISTINCT ?id ?x ?xl ?sentence ?start ?end WHERE {
  ?d a schema:NewsArticle ; schema:identifier ?id .
  ?x antq:mentionedIn ?d . """ + label("x", "xl") + """
  OPTIONAL { ?x prov:wasDerivedFrom ?ev . ?ev antq:document ?d ; antq:sentence ?sentence .
             OPTIONAL { ?ev antq:start ?start } OPTIONAL { ?ev antq:end ?end } }
} ORDER BY ?start ?x"""
_COUNTS = {
    "programmes": "antq:CoordinationProgramme",
    "organizations": "org:Organization",
    "people": "schema:Person",
    "meetings": "antq:Meeting",
    "awards": "antq:Award",
    "documents": "schema:NewsArticle",
    "statistics": "antq:Figure",
}


@router.get("/documents/{id}", response_model=DocumentOut, summary="One source article: text and the facts read from it, with spans")
async def get_document(request: Request, id: str) -> DocumentOut:
    b = {"id": Literal(id)}
    head, facts = await asyncio.gather(select(request, _DOC, b), select(request, _FACTS, b))
    if not head:
        raise HTTPException(404, detail=f"no document with id {id!r}")
    row = head[0]
    base = request.app.state.settings.base_iri
    by_node: dict[str, Fact] = {}
    for f in facts:
        iri = val(f, "x") or ""
        fact = by_node.get(iri)
        if fact is None:
            fact = by_node[iri] = Fact(id=slug_of(iri), iri=iri, kind=kind_of(iri, base), label=val(f, "xl"), evidence=[])
        if val(f, "sentence") is not None:
            span = Evidence(document=id, sentence=val(f, "sentence") or "", start=num(f, "start"), end=num(f, "end"))
            if span not in fact.evidence:
                fact.evidence.append(span)
    return DocumentOut(
        id=id, iri=val(row, "d") or "", title=val(row, "title"), date=val(row, "date"), url=val(row, "url"), text=val(row, "text"), facts=list(by_node.values())
    )


@router.get("/stats", response_model=Stats, summary="How many programmes, organisations, people, meetings, awards, documents")
async def stats(request: Request) -> Stats:
    queries = [f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}" for cls in _COUNTS.values()]
    results = await asyncio.gather(*(select(request, q) for q in queries))
    return Stats(**{name: int(num(rows[0], "n") or 0) if rows else 0 for name, rows in zip(_COUNTS, results)})


@router.get("/validate", summary="The SHACL validation report of the served graph")
async def validate_report(request: Request, limit: int = Query(1000, ge=1, le=100_000)) -> dict:
    """The report written by the build; when there is none, the served data is validated now."""
    settings = request.app.state.settings
    path = settings.data_path / "shacl-report.json"
    if path.exists():
        report = json.loads(path.read_text(encoding="utf-8"))
    else:
        from antq.graph import validate as validation  # imported late: pyshacl is heavy

        report = await run_in_threadpool(_validate_now, validation, settings)
    if isinstance(report, dict) and isinstance(report.get("results"), list):
        report = {**report, "results": report["results"][:limit]}
    return report


def _validate_now(validation, settings) -> dict:  # noqa: ANN001 - the validate module and Settings
    from rdflib import Dataset

    graph_file = settings.data_path / "graph.nq"
    if not graph_file.exists():
        raise HTTPException(404, detail=f"no SHACL report and no graph at {graph_file}")
    data = Dataset()
    data.parse(graph_file, format="nquads")
    return validation.validate(data).to_json()
