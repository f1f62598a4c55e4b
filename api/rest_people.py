"""/people: officials and other people named in the articles, with posts and meeting roles."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal

from antq.api.rest_common import (
    award_refs,
    awards_query,
    is_true,
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
    rel,
    next_link,
    not_found,
    ref,
    select,
    slug_of,
    spans_for,
    unique,
    val,
)

router = APIRouter(route_class=CachedRoute, tags=["people"])


class PersonItem(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"id": "nguyen-van-a-1a2b3c", "iri": "http://127.0.0.1:8000/id/person/nguyen-van-a-1a2b3c", "label": "Nguyễn Văn A", "rank": "Đại tá"}]})
    id: str
    iri: str
    label: str
    rank: str | None = None
    evidence: list[Evidence] | None = None


class PostHeld(BaseModel):
    """A post seen held on a date (the date of the article that names it)."""

    title: str | None = Field(None, examples=["Phó Giám đốc"])
    organization: Ref | None = None
    observed_on: str | None = Field(None, examples=["2024-04-12"])
    former: bool = Field(False, description="Written 'nguyên …': no longer held on that date")
    evidence: list[Evidence] | None = None


class MeetingRole(BaseModel):
    meeting: Ref
    date: str | None = None
    evidence: list[Evidence] | None = None


class PersonDetail(PersonItem):
    posts: list[PostHeld]
    meetings_chaired: list[MeetingRole]
    meetings_attended: list[MeetingRole]
    meetings_spoken_at: list[MeetingRole]
    awards_presented: list[Ref] = Field(description="Awards this person handed over")
    awards_received: list[Ref] = Field(description="Awards whose recipients name this person")


_HEAD = entities("schema:Person")
_SORT = (label("e", "lab"), "(MIN(?lab) AS ?label)")  # what a list is ordered by
_RANK = rel("e", "antq:rank", "r", "rl")
_DETAILS = _SORT[0] + _RANK
_WHERE = _HEAD + _DETAILS
_FILTERS = {
    "q": 'FILTER(CONTAINS(LCASE(STR(?lab)), LCASE(STR(?q)))) ',
    "rank": 'FILTER(CONTAINS(LCASE(STR(?rl)), LCASE(STR(?rank)))) ',
    "org": "{ ?e antq:holds/org:organization ?org } UNION { ?pm org:member ?e ; org:organization ?org } ",
}

_POSTS = """SELECT DISTINCT ?e ?m ?title ?org ?orgl ?observed ?former WHERE {
  { ?e antq:holds ?m } UNION { ?m org:member ?e }
  """ + one("m", "antq:postTitle", "t0") + rel("m", "org:role", "role", "t1") + """
  BIND(COALESCE(?t0, ?t1) AS ?title)
  """ + rel("m", "org:organization", "org", "orgl") + one("m", "antq:observedOn", "observed") + one("m", "antq:formerPost", "former") + """
} ORDER BY ?observed ?title"""

_MEETINGS = """SELECT DISTINCT ?e ?role ?m ?ml ?date ?part WHERE {
  { ?m antq:chair ?e BIND("chair" AS ?role) BIND(antq:role-chair AS ?rc) }
  UNION { ?m schema:attendee ?e BIND("attendee" AS ?role) BIND(antq:role-attendee AS ?rc) }
  UNION { ?m antq:speaker ?e BIND("speaker" AS ?role) BIND(antq:role-speaker AS ?rc) }
  """ + label("m", "ml") + one("m", "schema:startDate", "date") + """
  OPTIONAL { ?part antq:inMeeting ?m ; antq:participant ?e ; antq:participationRole ?rc }
} ORDER BY ?date ?ml"""

_AWARDS = awards_query("?a antq:presentedBy ?e")
_RECEIVED = awards_query("?a antq:awardedTo ?e")


def _item(row: dict, spans: dict | None) -> PersonItem:
    iri = val(row, "e") or ""
    return PersonItem(id=slug_of(iri), iri=iri, label=val(row, "label") or slug_of(iri), rank=val(row, "rank1"), evidence=spans_for(spans, iri))


@router.get("/people", response_model=Page[PersonItem], summary="People, filtered by name, rank or organisation")
async def list_people(
    request: Request,
    q: str | None = Query(None, description="Substring of the name (case-insensitive)", examples=["Nguyễn"]),
    rank: str | None = Query(None, description="Substring of the rank", examples=["Đại tá"]),
    org: str | None = Query(None, description="Id of an organisation the person held a post in"),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[PersonItem]:
    bindings: dict = {}
    if q:
        bindings["q"] = Literal(q)
    if rank:
        bindings["rank"] = Literal(rank)
    if org:
        bindings["org"] = entity_iri(request, "org", org)
    total, rows = await fetch_page(
        request, head=_HEAD, details=_RANK, filters=_FILTERS, columns="(MIN(?rl) AS ?rank1)", order="?label ?e",
        bindings=bindings, limit=limit, offset=offset, sort=_SORT
    )
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    return Page[PersonItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_item(r, spans) for r in rows])


@router.get("/people/{id}", response_model=PersonDetail, summary="One person: rank, posts over time, meeting roles, awards presented and received")
async def get_person(request: Request, id: str, evidence: bool = Query(False, description="Add the sentences each fact was read from")) -> PersonDetail:
    iri = entity_iri(request, "person", id)
    b = {"e": iri}
    head_q = "SELECT ?e (MIN(?lab) AS ?label) (MIN(?rl) AS ?rank1) WHERE { " + _WHERE + "} GROUP BY ?e"
    head, posts, meetings, awards, received = await asyncio.gather(
        select(request, head_q, b), select(request, _POSTS, b), select(request, _MEETINGS, b), select(request, _AWARDS, b),
        select(request, _RECEIVED, b),
    )
    if not head:
        raise not_found("person", id)
    spans = await evidence_around(request, iri) if evidence else None
    roles: dict[str, list[MeetingRole]] = {"chair": [], "attendee": [], "speaker": []}
    for row in unique(meetings, "role", "m"):
        roles[val(row, "role") or "attendee"].append(
            MeetingRole(meeting=ref(row, "m", "ml"), date=val(row, "date"), evidence=spans_for(spans, val(row, "part") or val(row, "m")))
        )
    base = _item(head[0], spans)
    return PersonDetail(
        **base.model_dump(exclude={"evidence"}),
        evidence=base.evidence,
        posts=[
            PostHeld(title=val(r, "title"), organization=ref(r, "org", "orgl"), observed_on=val(r, "observed"),
                     former=is_true(val(r, "former")), evidence=spans_for(spans, val(r, "m")))
            for r in unique(posts, "m")
        ],
        meetings_chaired=roles["chair"],
        meetings_attended=roles["attendee"],
        meetings_spoken_at=roles["speaker"],
        awards_presented=award_refs(awards, spans),
        awards_received=award_refs(received, spans),
    )
