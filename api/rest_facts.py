"""/awards and /statistics: the awards presented and the figures reported in the articles."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rdflib import Literal

from antq.api.rest_common import (
    CachedRoute,
    DEFAULT_LIMIT,
    Evidence,
    Limit,
    Offset,
    Page,
    Ref,
    WithEvidence,
    entities,
    entity_iri,
    evidence_of,
    fetch_page,
    label,
    next_link,
    not_found,
    num,
    place_query,
    ref,
    slug_of,
    spans_for,
    val,
    within,
)
from antq.graph.iris import ANTQ

router = APIRouter(route_class=CachedRoute, tags=["awards", "statistics"])


class AwardItem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": "bang-khen-1a2b3c", "iri": "http://127.0.0.1:8000/id/award/bang-khen-1a2b3c", "type": "Bằng khen", "name": None, "conferrer_label": "Chủ tịch UBND tỉnh", "recipients": "9 tập thể và 15 cá nhân", "collectives": 9, "individuals": 15, "presented_by": [], "awarded_to": [], "meeting": None, "conferred_by": None}]}
    )
    id: str
    iri: str
    type: str | None = None
    name: str | None = Field(None, description="The award's full name when it has one")
    conferred_by: Ref | None = None
    conferrer_label: str | None = Field(None, description="The conferrer as written")
    recipients: str | None = Field(None, description="The recipients as written")
    collectives: int | None = None
    individuals: int | None = None
    presented_by: list[Ref]
    awarded_to: list[Ref] = Field(default_factory=list, description="The people and bodies the recipients name")
    meeting: Ref | None = None
    evidence: list[Evidence] | None = None


class StatisticItem(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": "hon-81-nghin-luot-don-thu-1a2b3c", "iri": "http://127.0.0.1:8000/id/stat/hon-81-nghin-luot-don-thu-1a2b3c", "text": "hơn 81 nghìn lượt đơn thư", "value": 81000, "unit": "lượt đơn thư", "qualifier": "over", "of_total": None, "place": None, "period": None, "documents": ["000_ef99c53d717a298e"]}]}
    )
    id: str
    iri: str
    text: str | None = None
    value: float | int | None = None
    unit: str | None = None
    qualifier: str | None = Field(None, description="exact | over | approx | under")
    of_total: float | int | None = None
    place: str | None = None
    period: str | None = None
    documents: list[str]
    evidence: list[Evidence] | None = None


_AWARD_HEAD = entities("antq:Award")
_AWARD_DETAILS = (
    "OPTIONAL { ?e antq:awardType ?t . " + label("t", "tl") + "} "
    + "OPTIONAL { ?e antq:conferredBy ?c . " + label("c", "cl") + "} "
    + "OPTIONAL { ?e antq:conferrerLabel ?cw } OPTIONAL { ?e antq:recipientsText ?rt } OPTIONAL { ?e schema:name ?an } "
    + "OPTIONAL { ?e antq:collectiveRecipients ?nc } OPTIONAL { ?e antq:individualRecipients ?ni } "
    + "OPTIONAL { ?e antq:atMeeting ?m . " + label("m", "ml") + "} "
    + "OPTIONAL { ?e antq:presentedBy ?p . " + label("p", "pl") + "} "
    + "OPTIONAL { ?e antq:awardedTo ?w . " + label("w", "wl") + "} "
)
_AWARD_FILTERS = {
    "type": "FILTER(CONTAINS(LCASE(STR(?tl)), LCASE(STR(?type)))) ",
    "meeting": "?e antq:atMeeting ?meeting . ",
    "conferrer": "?e antq:conferredBy ?conferrer . ",
    "presenter": "?e antq:presentedBy ?presenter . ",
    # one id, a person's or a body's: both IRIs are bound, the award names either
    "recipient": "{ ?e antq:awardedTo ?recipient } UNION { ?e antq:awardedTo ?recipient_org } ",
}
_AWARD_COLUMNS = (
    "(MIN(?tl) AS ?type1) (MIN(?an) AS ?name1) (MIN(?c) AS ?c1) (MIN(?cl) AS ?cl1) (MIN(?cw) AS ?cw1) (MIN(?rt) AS ?rt1) (MIN(?nc) AS ?nc1) "
    "(MIN(?ni) AS ?ni1) (MIN(?m) AS ?m1) (MIN(?ml) AS ?ml1) "
    '(GROUP_CONCAT(DISTINCT CONCAT(STR(?p), "\\t", COALESCE(?pl, "")); separator="\\n") AS ?presenters) '
    '(GROUP_CONCAT(DISTINCT CONCAT(STR(?w), "\\t", COALESCE(?wl, "")); separator="\\n") AS ?recipients_named)'
)

_STAT_HEAD = entities("antq:Figure")
_STAT_DETAILS = (
    "OPTIONAL { ?e antq:figureText ?tx } OPTIONAL { ?e sdmx-measure:obsValue ?v } OPTIONAL { ?e antq:unit ?u } "
    "OPTIONAL { ?e antq:qualifier ?ql } OPTIONAL { ?e antq:ofTotal ?of } OPTIONAL { ?e sdmx-dimension:refPeriod ?per } "
    "OPTIONAL { ?e sdmx-dimension:refArea ?pl . ?pl rdfs:label ?pll } "
    "OPTIONAL { ?e antq:mentionedIn ?doc . ?doc schema:identifier ?docid } "
)
_STAT_FILTERS = {
    "unit": "FILTER(CONTAINS(LCASE(STR(?u)), LCASE(STR(?unit)))) ",
    "place": within("sdmx-dimension:refArea", "place"),
    "period": "FILTER(CONTAINS(LCASE(STR(?per)), LCASE(STR(?period)))) ",
}
_STAT_COLUMNS = (
    "(MIN(?tx) AS ?text) (MIN(?v) AS ?value) (MIN(?u) AS ?unit1) (MIN(?ql) AS ?qual) (MIN(?of) AS ?of1) (MIN(?pll) AS ?place1) "
    '(MIN(?per) AS ?period1) (GROUP_CONCAT(DISTINCT ?docid; separator="\\n") AS ?docs)'
)


def _refs(concatenated: str | None) -> list[Ref]:
    """The "<iri>\\t<label>" lines of a GROUP_CONCAT column as references."""
    out = []
    for line in filter(None, (concatenated or "").split("\n")):
        iri, _, name = line.partition("\t")
        out.append(Ref(id=slug_of(iri), iri=iri, label=name or slug_of(iri)))
    return out


def _award(row: dict, spans: dict | None) -> AwardItem:
    iri = val(row, "e") or ""
    return AwardItem(
        id=slug_of(iri),
        iri=iri,
        type=val(row, "type1"),
        name=val(row, "name1"),
        conferred_by=ref(row, "c1", "cl1"),
        conferrer_label=val(row, "cw1"),
        recipients=val(row, "rt1"),
        collectives=num(row, "nc1"),
        individuals=num(row, "ni1"),
        presented_by=_refs(val(row, "presenters")),
        awarded_to=_refs(val(row, "recipients_named")),
        meeting=ref(row, "m1", "ml1"),
        evidence=spans_for(spans, iri),
    )


def _statistic(row: dict, spans: dict | None) -> StatisticItem:
    iri = val(row, "e") or ""
    qualifier = val(row, "qual")
    return StatisticItem(
        id=slug_of(iri),
        iri=iri,
        text=val(row, "text"),
        value=num(row, "value"),
        unit=val(row, "unit1"),
        qualifier=qualifier.removeprefix(f"{ANTQ}qualifier-") if qualifier else None,
        of_total=num(row, "of1"),
        place=val(row, "place1"),
        period=val(row, "period1"),
        documents=sorted(filter(None, (val(row, "docs") or "").split("\n"))),
        evidence=spans_for(spans, iri),
    )


@router.get("/awards", response_model=Page[AwardItem], summary="Awards, filtered by type, meeting, conferring body, presenter or recipient")
async def list_awards(
    request: Request,
    type: str | None = Query(None, description="Substring of the award type", examples=["Bằng khen"]),
    meeting: str | None = Query(None, description="Id of the meeting where it was presented"),
    conferrer: str | None = Query(None, description="Id of the conferring organisation"),
    presenter: str | None = Query(None, description="Id of a person who presented it"),
    recipient: str | None = Query(None, description="Id of a person or an organisation named as receiving it"),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[AwardItem]:
    bindings: dict = {}
    if type:
        bindings["type"] = Literal(type)
    if meeting:
        bindings["meeting"] = entity_iri(request, "meeting", meeting)
    if conferrer:
        bindings["conferrer"] = entity_iri(request, "org", conferrer)
    if presenter:
        bindings["presenter"] = entity_iri(request, "person", presenter)
    if recipient:
        bindings["recipient"] = entity_iri(request, "person", recipient)
        bindings["recipient_org"] = entity_iri(request, "org", recipient)
    total, rows = await fetch_page(
        request, head=_AWARD_HEAD, details=_AWARD_DETAILS, filters=_AWARD_FILTERS, columns=_AWARD_COLUMNS, order="?type1 ?e", bindings=bindings, limit=limit, offset=offset)
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    return Page[AwardItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_award(r, spans) for r in rows])


@router.get("/awards/{id}", response_model=AwardItem, summary="One award")
async def get_award(request: Request, id: str, evidence: bool = Query(False)) -> AwardItem:
    iri = entity_iri(request, "award", id)
    total, rows = await fetch_page(request, head=_AWARD_HEAD, details=_AWARD_DETAILS, filters={}, columns=_AWARD_COLUMNS, order="?e", bindings={"e": iri}, limit=1, offset=0)
    if not rows:
        raise not_found("award", id)
    spans = await evidence_of(request, [str(iri)]) if evidence else None
    return _award(rows[0], spans)


@router.get("/statistics", response_model=Page[StatisticItem], summary="Figures reported, filtered by what was counted, place and period")
async def list_statistics(
    request: Request,
    unit: str | None = Query(None, description="Substring of what was counted", examples=["đơn thư"]),
    place: str | None = Query(None, description="Substring of the place", examples=["Hà Tĩnh"]),
    period: str | None = Query(None, description="Substring of the period", examples=["2023"]),
    evidence: WithEvidence = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[StatisticItem]:
    bindings: dict = {}
    if unit:
        bindings["unit"] = Literal(unit)
    if place:
        bindings["place"] = Literal(place_query(place))
    if period:
        bindings["period"] = Literal(period)
    total, rows = await fetch_page(
        request, head=_STAT_HEAD, details=_STAT_DETAILS, filters=_STAT_FILTERS, columns=_STAT_COLUMNS, order="?unit1 ?e", bindings=bindings, limit=limit, offset=offset)
    spans = await evidence_of(request, [val(r, "e") for r in rows]) if evidence else None
    return Page[StatisticItem](total=total, limit=limit, offset=offset, next=next_link(request, total, limit, offset), items=[_statistic(r, spans) for r in rows])
