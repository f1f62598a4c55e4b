"""/organizations: bodies with their hierarchy, the posts held in them, meetings and programmes."""

from __future__ import annotations

import asyncio
from typing import Literal as Choice

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal, URIRef

from antq.api.rest_common import (
    award_refs,
    awards_query,
    is_true,
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
from antq.graph.iris import ANTQ

router = APIRouter(route_class=CachedRoute, tags=["organizations"])

OrgKind = Choice["police", "front", "party", "government", "steering", "other"]


class OrgItem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "cong-an-tinh-ha-tinh-1a2b3c", "iri": "http://127.0.0.1:8000/id/org/cong-an-tinh-ha-tinh-1a2b3c", "label": "Công an tỉnh Hà Tĩnh", "kind": "police", "place": "tỉnh Hà Tĩnh", "parent": None}]
        }
    )
    id: str
    iri: str
    label: str
    kind: str | None = Field(None, description="police | front | party | government | steering | other")
    place: str | None = Field(None, description="Administrative unit the body serves")
    parent: Ref | None = None
    evidence: list[Evidence] | None = None


class PostInOrg(BaseModel):
    person: Ref
    title: str | None = Field(None, examples=["Giám đốc"])
    observed_on: str | None = Field(None, examples=["2024-04-12"])
    former: bool = Field(False, description="Written 'nguyên …': no longer held on that date")
    evidence: list[Evidence] | None = None


class MeetingRef(BaseModel):
    meeting: Ref
    date: str | None = None
    evidence: list[Evidence] | None = None


class ProgrammeLink(BaseModel):
    programme: Ref
    relation: str = Field(..., description="party (signed it) or implements", examples=["party"])


class OrgDetail(OrgItem):
    alt_labels: list[str]
    sub_organizations: list[Ref]
    posts: list[PostInOrg]
    meetings_organised: list[MeetingRef]
    programmes: list[ProgrammeLink]
    awards_received: list[Ref] = Field(description="Awards whose recipients name this body")


_HEAD = entities("org:Organization")
_SORT = (label("e", "lab"), "(MIN(?lab) AS ?label)")  # what a list is ordered by
_OTHER_DETAILS = (one("e", "antq:bodyKind", "k") + area("e", "antq:servesArea", "pl", "pll")
                  + rel("e", "org:subOrganizationOf", "par", "parl"))
_DETAILS = _SORT[0] + _OTHER_DETAILS
_WHERE = _HEAD + _DETAILS
_FILTERS = {
    "q": "FILTER(CONTAINS(LCASE(STR(?lab)), LCASE(STR(?q)))) ",
    "kind": "?e antq:bodyKind ?kind . ",
    "province": within("antq:servesArea", "province"),
    "parent": "?e org:subOrganizationOf ?parent . ",
}
_OTHER_COLUMNS = "(MIN(?k) AS ?kindc) (MIN(?pll) AS ?place) (MIN(?par) AS ?par1) (MIN(?parl) AS ?parl1)"
_COLUMNS = "(MIN(?lab) AS ?label) " + _OTHER_COLUMNS

_SUBS = "SELECT DISTINCT ?e ?s ?sl WHERE { { SELECT DISTINCT ?e ?s WHERE { ?s org:subOrganizationOf ?e } } " + label("s", "sl") + "} ORDER BY ?sl"
_ALT = 'SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt } ORDER BY ?alt'
_POSTS = """SELECT DISTINCT ?e ?m ?p ?pl ?title ?observed ?former WHERE {
  ?m org:organization ?e .
  { ?m org:member ?p } UNION { ?p antq:holds ?m }
  """ + label("p", "pl") + one("m", "antq:postTitle", "t0") + rel("m", "org:role", "role", "t1") + """
  BIND(COALESCE(?t0, ?t1) AS ?title)
  """ + one("m", "antq:observedOn", "observed") + one("m", "antq:formerPost", "former") + """
} ORDER BY ?observed ?pl"""
_MEETINGS = """SELECT DISTINCT ?e ?m ?ml ?date WHERE {
  { SELECT DISTINCT ?e ?m WHERE { ?m schema:organizer ?e } } """ + label("m", "ml") + one("m", "schema:startDate", "date") + """
} ORDER BY ?date ?ml"""
_PROGRAMMES = """SELECT DISTINCT ?e ?g ?gl ?relation WHERE {
  { SELECT DISTINCT ?e ?g ?relation WHERE { { ?g antq:party ?e BIND("party" AS ?relation) } UNION { ?g antq:implementedBy ?e BIND("implements" AS ?relation) } } }
  """ + label("g", "gl") + """
} ORDER BY ?gl ?relation"""

_RECEIVED = awards_query("?a antq:awardedTo ?e")


def _item(row: dict, base: str, spans: dict | None) -> OrgItem:
    iri = val(row, "e") or ""
    kind = val(row, "kindc")
    return OrgItem(
        id=slug_of(iri),
        iri=iri,
        label=val(row, "label") or slug_of(iri),
        kind=kind.removeprefix(str(ANTQ) + "kind-") if kind else None,
        place=val(row, "place"),
        parent=ref(row, "par1", "parl1"),
        evidence=spans_for(spans, iri),
    )


@router.get("/organizations", response_model=Page[OrgItem], summary="Organisations, filtered by name, kind, province or parent")
async def list_organizations(
    request: Request,
    q: str | None = Query(None, description="Substring of the name (case-insensitive)", examples=["Công an"]),
    kind: OrgKind | None = Query(None, description="Kind of body"),
    province: str | None = Query(None, description="Substring of the place the body serves", examples=["Hà Tĩnh"]),
    parent: str | None = Query(None, description="Id of the parent organisation"),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[OrgItem]:
    bindings: dict = {}
    if q:
        bindings["q"] = Literal(q)
    if kind:
        bindings["kind"] = URIRef(f"{ANTQ}kind-{kind}")
    if province:
        bindings["province"] = Literal(place_query(province))
    if parent:
        bindings["parent"] = entity_iri(request, "org", parent)
    total, rows = await fetch_page(
        request, head=_HEAD, details=_OTHER_DETAILS, filters=_FILTERS, columns=_OTHER_COLUMNS, order="?label ?e", sort=_SORT,
        bindings=bindings, limit=limit, offset=offset)
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    base = request.app.state.settings.base_iri
    return Page[OrgItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_item(r, base, spans) for r in rows])


@router.get("/organizations/{id}", response_model=OrgDetail, summary="One organisation: parent, sub-organisations, posts, meetings, programmes, awards received")
async def get_organization(request: Request, id: str, evidence: bool = Query(False, description="Add the sentences each fact was read from")) -> OrgDetail:
    iri = entity_iri(request, "org", id)
    b = {"e": iri}
    head_q = f"SELECT ?e {_COLUMNS} WHERE {{ {_WHERE} }} GROUP BY ?e"
    head, subs, alts, posts, meetings, programmes, received = await asyncio.gather(
        *(select(request, q, b) for q in (head_q, _SUBS, _ALT, _POSTS, _MEETINGS, _PROGRAMMES, _RECEIVED))
    )
    if not head:
        raise not_found("organization", id)
    spans = await evidence_around(request, iri) if evidence else None
    base = _item(head[0], request.app.state.settings.base_iri, spans)
    return OrgDetail(
        **base.model_dump(exclude={"evidence", "parent"}),
        parent=base.parent,
        evidence=base.evidence,
        alt_labels=[val(r, "alt") for r in unique(alts, "alt")],
        sub_organizations=[ref(r, "s", "sl") for r in unique(subs, "s")],
        posts=[
            PostInOrg(person=ref(r, "p", "pl"), title=val(r, "title"), observed_on=val(r, "observed"), former=is_true(val(r, "former")),
                      evidence=spans_for(spans, val(r, "m")))
            for r in unique(posts, "m", "p")
        ],
        meetings_organised=[MeetingRef(meeting=ref(r, "m", "ml"), date=val(r, "date"), evidence=spans_for(spans, val(r, "m"))) for r in unique(meetings, "m")],
        programmes=[ProgrammeLink(programme=ref(r, "g", "gl"), relation=val(r, "relation") or "") for r in unique(programmes, "g", "relation")],
        awards_received=award_refs(received, spans),
    )
