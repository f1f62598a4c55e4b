"""/meetings: conferences and ceremonies with organisers, chairs, attendees, speakers, awards."""

from __future__ import annotations

import asyncio
import datetime as dt

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal
from rdflib.namespace import XSD

from antq.api.rest_common import (
    CachedRoute,
    DEFAULT_LIMIT,
    Evidence,
    Limit,
    Offset,
    Page,
    Ref,
    WithEvidence,
    area,
    entities,
    entity_iri,
    evidence_around,
    evidence_of,
    fetch_page,
    label,
    next_link,
    not_found,
    one,
    place_query,
    ref,
    rel,
    select,
    slug_of,
    spans_for,
    unique,
    val,
    within,
)

router = APIRouter(route_class=CachedRoute, tags=["meetings"])


class MeetingItem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "hoi-nghi-so-ket-1a2b3c", "iri": "http://127.0.0.1:8000/id/meeting/hoi-nghi-so-ket-1a2b3c", "label": "Hội nghị sơ kết 1 năm thực hiện Chương trình phối hợp", "date": "2024-04-12", "place": "Quảng Bình", "kind": "sơ kết", "programme": None}]
        }
    )
    id: str
    iri: str
    label: str
    date: str | None = None
    place: str | None = None
    kind: str | None = Field(None, description="tổng kết, sơ kết, triển khai, ký kết, ngày hội, …")
    programme: Ref | None = None
    evidence: list[Evidence] | None = None


class MeetingDetail(MeetingItem):
    organisers: list[Ref]
    chairs: list[Ref]
    attendees: list[Ref]
    speakers: list[Ref]
    awards: list[Ref]


_HEAD = entities("antq:Meeting")
_DETAILS = (label("e", "lab") + one("e", "schema:startDate", "d")
            + area("e", "schema:location", "pl", "pll") + rel("e", "antq:meetingKind", "k", "kl") + rel("e", "schema:about", "g", "gl"))
_WHERE = _HEAD + _DETAILS
_FILTERS = {
    "q": "FILTER(CONTAINS(LCASE(STR(?lab)), LCASE(STR(?q)))) ",
    "programme": "?e schema:about ?programme . ",
    "organizer": "?e schema:organizer ?organizer . ",
    "person": "{ ?e schema:attendee ?person } UNION { ?e antq:chair ?person } UNION { ?e antq:speaker ?person } ",
    "place": within("schema:location", "place"),
    "kind": "FILTER(CONTAINS(LCASE(STR(?kl)), LCASE(STR(?kind)))) ",
    "date_from": "FILTER(STR(?d) >= STR(?date_from)) ",
    "date_to": "FILTER(STR(?d) <= STR(?date_to)) ",
}
_COLUMNS = "(MIN(?lab) AS ?label) (MIN(?d) AS ?date) (MIN(?pll) AS ?place1) (MIN(?kl) AS ?kind1) (MIN(?g) AS ?g1) (MIN(?gl) AS ?gl1)"
_PEOPLE = """SELECT DISTINCT ?e ?role ?p ?pl ?part WHERE {
  { SELECT DISTINCT ?e ?p ?role ?rc WHERE {
    { ?e antq:chair ?p BIND("chair" AS ?role) BIND(antq:role-chair AS ?rc) }
    UNION { ?e schema:attendee ?p BIND("attendee" AS ?role) BIND(antq:role-attendee AS ?rc) }
    UNION { ?e antq:speaker ?p BIND("speaker" AS ?role) BIND(antq:role-speaker AS ?rc) } } }
  """ + label("p", "pl") + """
  OPTIONAL { ?part antq:inMeeting ?e ; antq:participant ?p ; antq:participationRole ?rc }
} ORDER BY ?pl"""
_ORGANISERS = "SELECT DISTINCT ?e ?o ?ol WHERE { { SELECT DISTINCT ?e ?o WHERE { ?e schema:organizer ?o } } " + label("o", "ol") + "} ORDER BY ?ol"
_AWARDS = """SELECT DISTINCT ?e ?a ?al WHERE {
  { SELECT DISTINCT ?e ?a WHERE { ?a antq:atMeeting ?e } }
  """ + rel("a", "antq:awardType", "t", "tl") + one("a", "antq:recipientsText", "rt") + """
  BIND(COALESCE(CONCAT(?tl, " – ", ?rt), ?tl, ?rt) AS ?al)
}"""


def _item(row: dict, spans: dict | None) -> MeetingItem:
    iri = val(row, "e") or ""
    return MeetingItem(
        id=slug_of(iri),
        iri=iri,
        label=val(row, "label") or slug_of(iri),
        date=val(row, "date"),
        place=val(row, "place1"),
        kind=val(row, "kind1"),
        programme=ref(row, "g1", "gl1"),
        evidence=spans_for(spans, iri),
    )


@router.get("/meetings", response_model=Page[MeetingItem], summary="Meetings, filtered by name, programme, organiser, person, place, kind, dates")
async def list_meetings(
    request: Request,
    q: str | None = Query(None, description="Substring of the meeting's name", examples=["sơ kết"]),
    programme: str | None = Query(None, description="Id of the programme the meeting is about"),
    organizer: str | None = Query(None, description="Id of an organising body"),
    person: str | None = Query(None, description="Id of a person who chaired, attended or spoke"),
    place: str | None = Query(None, description="Substring of the place", examples=["Hà Tĩnh"]),
    kind: str | None = Query(None, description="Substring of the kind of meeting", examples=["tổng kết"]),
    date_from: dt.date | None = Query(None, description="Earliest date (inclusive)"),
    date_to: dt.date | None = Query(None, description="Latest date (inclusive)"),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[MeetingItem]:
    bindings: dict = {}
    if q:
        bindings["q"] = Literal(q)
    if programme:
        bindings["programme"] = entity_iri(request, "programme", programme)
    if organizer:
        bindings["organizer"] = entity_iri(request, "org", organizer)
    if person:
        bindings["person"] = entity_iri(request, "person", person)
    if place:
        bindings["place"] = Literal(place_query(place))
    if kind:
        bindings["kind"] = Literal(kind)
    if date_from:
        bindings["date_from"] = Literal(date_from.isoformat(), datatype=XSD.date)
    if date_to:
        bindings["date_to"] = Literal(date_to.isoformat(), datatype=XSD.date)
    total, rows = await fetch_page(
        request, head=_HEAD, details=_DETAILS, filters=_FILTERS, columns=_COLUMNS, order="?date ?label ?e",
                                   bindings=bindings, limit=limit, offset=offset)
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    return Page[MeetingItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_item(r, spans) for r in rows])


@router.get("/meetings/{id}", response_model=MeetingDetail, summary="One meeting: date, place, organisers, chairs, attendees, speakers, awards")
async def get_meeting(request: Request, id: str, evidence: bool = Query(False, description="Add the sentences each fact was read from")) -> MeetingDetail:
    iri = entity_iri(request, "meeting", id)
    b = {"e": iri}
    head_q = f"SELECT ?e {_COLUMNS} WHERE {{ {_WHERE} }} GROUP BY ?e"
    head, people, organisers, awards = await asyncio.gather(*(select(request, q, b) for q in (head_q, _PEOPLE, _ORGANISERS, _AWARDS)))
    if not head:
        raise not_found("meeting", id)
    spans = await evidence_around(request, iri) if evidence else None
    base = _item(head[0], spans)
    roles: dict[str, list[Ref]] = {"chair": [], "attendee": [], "speaker": []}
    for row in unique(people, "role", "p"):
        person = ref(row, "p", "pl").model_copy(update={"evidence": spans_for(spans, val(row, "part") or val(row, "e"))})
        roles[val(row, "role") or "attendee"].append(person)
    return MeetingDetail(
        **base.model_dump(exclude={"evidence", "programme"}),
        programme=base.programme,
        evidence=base.evidence,
        organisers=[ref(r, "o", "ol") for r in unique(organisers, "o")],
        chairs=roles["chair"],
        attendees=roles["attendee"],
        speakers=roles["speaker"],
        awards=[ref(r, "a", "al").model_copy(update={"evidence": spans_for(spans, val(r, "a"))}) for r in unique(awards, "a")],
    )
