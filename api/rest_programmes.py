"""/programmes: coordination programmes, the bodies party to them and the meetings about them."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal

from antq.api.rest_common import (
    Limit,
    Offset,
    WithEvidence,
    DEFAULT_LIMIT,
    CachedRoute,
    Evidence,
    Page,
    Ref,
    entity_iri,
    evidence_around,
    evidence_of,
    fetch_page,
    entities,
    label,
    one,
    next_link,
    not_found,
    ref,
    select,
    slug_of,
    spans_for,
    unique,
    val,
)

router = APIRouter(route_class=CachedRoute, tags=["programmes"])


class ProgrammeItem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "09-ctr-bca-mttw-1a2b3c", "iri": "http://127.0.0.1:8000/id/programme/09-ctr-bca-mttw-1a2b3c", "label": "Chương trình phối hợp 09/CTr-BCA-MTTW", "number": "09/CTr-BCA-MTTW", "signed_on": "2013-09-05", "period_start": "2013", "period_end": "2023"}]
        }
    )
    id: str
    iri: str
    label: str
    number: str | None = None
    signed_on: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    evidence: list[Evidence] | None = None


class ProgrammeMeeting(BaseModel):
    meeting: Ref
    date: str | None = Field(None, examples=["2023-08-19"])
    evidence: list[Evidence] | None = None


class ProgrammeDetail(ProgrammeItem):
    parties: list[Ref]
    implementing_units: list[Ref]
    meetings: list[ProgrammeMeeting]


_HEAD = entities("antq:CoordinationProgramme")
_DETAILS = (label("e", "lab", "MAX") + one("e", "antq:programmeNumber", "no") + one("e", "antq:signedOn", "signed")
            + one("e", "antq:periodStart", "ps") + one("e", "antq:periodEnd", "pe"))
_WHERE = _HEAD + _DETAILS
_FILTERS = {
    "q": "FILTER(CONTAINS(LCASE(CONCAT(STR(?lab), \" \", COALESCE(STR(?no), \"\"))), LCASE(STR(?q)))) ",
    "org": "{ ?e antq:party ?org } UNION { ?e antq:implementedBy ?org } ",
}
_COLUMNS = "(MAX(?lab) AS ?label) (MIN(?no) AS ?number) (MIN(?signed) AS ?signed1) (MIN(?ps) AS ?ps1) (MAX(?pe) AS ?pe1)"
_UNITS = """SELECT DISTINCT ?e ?o ?ol ?rel WHERE {
  { SELECT DISTINCT ?e ?o ?rel WHERE { { ?e antq:party ?o BIND("party" AS ?rel) } UNION { ?e antq:implementedBy ?o BIND("implements" AS ?rel) } } }
  """ + label("o", "ol") + """
} ORDER BY ?ol"""
_MEETINGS = """SELECT DISTINCT ?e ?m ?ml ?date WHERE {
  { SELECT DISTINCT ?e ?m WHERE { ?m schema:about ?e } } """ + label("m", "ml") + one("m", "schema:startDate", "date") + """
} ORDER BY ?date ?ml"""


def _item(row: dict, spans: dict | None) -> ProgrammeItem:
    iri = val(row, "e") or ""
    return ProgrammeItem(
        id=slug_of(iri),
        iri=iri,
        label=val(row, "label") or val(row, "number") or slug_of(iri),
        number=val(row, "number"),
        signed_on=val(row, "signed1"),
        period_start=val(row, "ps1"),
        period_end=val(row, "pe1"),
        evidence=spans_for(spans, iri),
    )


@router.get("/programmes", response_model=Page[ProgrammeItem], summary="Coordination programmes, filtered by name/number or party")
async def list_programmes(
    request: Request,
    q: str | None = Query(None, description="Substring of the name or number", examples=["09/CTr"]),
    org: str | None = Query(None, description="Id of an organisation party to or implementing the programme"),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[ProgrammeItem]:
    bindings: dict = {}
    if q:
        bindings["q"] = Literal(q)
    if org:
        bindings["org"] = entity_iri(request, "org", org)
    total, rows = await fetch_page(
        request, head=_HEAD, details=_DETAILS, filters=_FILTERS, columns=_COLUMNS, order="?label ?e",
                                   bindings=bindings, limit=limit, offset=offset)
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    return Page[ProgrammeItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_item(r, spans) for r in rows])


@router.get("/programmes/{id}", response_model=ProgrammeDetail, summary="One programme: parties, implementing units, meetings about it")
async def get_programme(request: Request, id: str, evidence: bool = Query(False, description="Add the sentences each fact was read from")) -> ProgrammeDetail:
    iri = entity_iri(request, "programme", id)
    b = {"e": iri}
    head_q = f"SELECT ?e {_COLUMNS} WHERE {{ {_WHERE} }} GROUP BY ?e"
    head, units, meetings = await asyncio.gather(select(request, head_q, b), select(request, _UNITS, b), select(request, _MEETINGS, b))
    if not head:
        raise not_found("programme", id)
    spans = await evidence_around(request, iri) if evidence else None
    base = _item(head[0], spans)
    units = unique(units, "o", "rel")
    return ProgrammeDetail(
        **base.model_dump(exclude={"evidence"}),
        evidence=base.evidence,
        parties=[ref(r, "o", "ol") for r in units if val(r, "rel") == "party"],
        implementing_units=[ref(r, "o", "ol") for r in units if val(r, "rel") == "implements"],
        meetings=[ProgrammeMeeting(meeting=ref(r, "m", "ml"), date=val(r, "date"), evidence=spans_for(spans, val(r, "m"))) for r in unique(meetings, "m")],
    )
