"""Plumbing shared by the REST resources: prefixes, paging, ETags, evidence, references.

Handlers build SPARQL from fixed fragments only; every value that comes from a request
is passed to the engine as a bound rdflib term. The engine (oxigraph) requires bound
variables to be projected, so every query here projects the variables it binds.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, Generic, TypeVar

from fastapi import HTTPException, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from rdflib import URIRef

from antq.graph.iris import PREFIXES as _NS
from antq.graph.places import resolve_place

PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _NS.items())
DEFAULT_LIMIT = 50
MAX_LIMIT = 500

# The query parameters every list endpoint shares, declared once (use: ``limit: Limit = DEFAULT_LIMIT``).
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most items in one page")]
Offset = Annotated[int, Query(ge=0, description="Items to skip before the page")]
WithEvidence = Annotated[bool, Query(description="Add the sentences each fact was read from")]
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,200}$")

Row = dict[str, dict[str, str]]
T = TypeVar("T")


# ---------------------------------------------------------------- models
class Evidence(BaseModel):
    """The sentence a fact was read from, with the character span of the mention."""

    document: str | None = Field(None, examples=["000_ef99c53d717a298e"])
    sentence: str = Field(..., examples=["Sáng 12/4, Công an tỉnh … tổ chức Hội nghị sơ kết …"])
    start: int | None = Field(None, examples=[11])
    end: int | None = Field(None, examples=[34])


class Ref(BaseModel):
    """A link to another entity: its REST id (the IRI slug), IRI and label."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "cong-an-tinh-ha-tinh-1a2b3c", "iri": "http://127.0.0.1:8000/id/org/cong-an-tinh-ha-tinh-1a2b3c", "label": "Công an tỉnh Hà Tĩnh"}]
        }
    )
    id: str
    iri: str
    label: str
    evidence: list[Evidence] | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next`` is the URL of the following page, or null."""

    total: int = Field(..., examples=[120])
    limit: int = Field(..., examples=[50])
    offset: int = Field(..., examples=[0])
    next: str | None = Field(None, examples=["http://127.0.0.1:8000/people?limit=50&offset=50"])
    items: list[T]


# ---------------------------------------------------------------- rows and terms
def val(row: Mapping[str, Any], name: str) -> str | None:
    term = row.get(name)
    return term["value"] if term else None


def num(row: Mapping[str, Any], name: str) -> int | float | None:
    raw = val(row, name)
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def slug_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def kind_of(iri: str, base: str) -> str | None:
    """The entity kind of an IRI minted as {base}id/{kind}/{slug}."""
    if not iri.startswith(base + "id/"):
        return None
    parts = iri[len(base) + 3 :].split("/")
    return parts[0] if len(parts) == 2 else None


# The fragments below read each attribute through a correlated LATERAL subquery that returns
# at most one row, so an entity whose articles disagree (two labels, two dates) still gives
# one row. They were first written against Oxigraph's union view, which repeated a triple once
# per document graph; the store's default graph now holds each triple once. (A LATERAL
# subquery must project the outer variable to be correlated with it.)
_LABELS = "skos:prefLabel|schema:name|rdfs:label"
_VI = 'FILTER(!isLiteral({x}) || LANG({x}) IN ("", "vi"))'


def entities(cls: str) -> str:
    """Each ``?e`` of class ``cls`` once."""
    return f"{{ SELECT DISTINCT ?e WHERE {{ ?e a {cls} }} }} "


def label(var: str, out: str, agg: str = "MIN") -> str:
    """Bind ``?out`` to a Vietnamese (or untagged) label of ``?var`` (unbound when it has none)."""
    return (
        f"LATERAL {{ OPTIONAL {{ SELECT ?{var} ({agg}(?{out}_x) AS ?{out}) WHERE {{ ?{var} {_LABELS} ?{out}_x "
        f"{_VI.format(x='?' + out + '_x')} }} GROUP BY ?{var} }} }} "
    )


def one(var: str, prop: str, out: str) -> str:
    """Bind ``?out`` to one value of ``?var prop`` (the least), or leave it unbound."""
    return f"LATERAL {{ OPTIONAL {{ SELECT ?{var} (MIN(?{out}_x) AS ?{out}) WHERE {{ ?{var} {prop} ?{out}_x }} GROUP BY ?{var} }} }} "


def rel(var: str, prop: str, out: str, out_label: str) -> str:
    """Bind ``?out`` to one node linked by ``prop`` and ``?out_label`` to its label, as a pair."""
    return (
        f"LATERAL {{ OPTIONAL {{ SELECT ?{var} ?{out} ?{out_label} WHERE {{ ?{var} {prop} ?{out} . "
        f"OPTIONAL {{ ?{out} {_LABELS} ?{out_label} {_VI.format(x='?' + out_label)} }} }} ORDER BY ?{out} ?{out_label} LIMIT 1 }} }} "
    )


def area(var: str, prop: str, out: str, out_label: str) -> str:
    """Like ``rel`` for a place: its rdfs:label names the province too ("Quận 1, Hồ Chí Minh")."""
    return (
        f"LATERAL {{ OPTIONAL {{ SELECT ?{var} ?{out} ?{out_label} WHERE {{ ?{var} {prop} ?{out} . "
        f"OPTIONAL {{ ?{out} rdfs:label ?{out_label} }} }} ORDER BY ?{out} ?{out_label} LIMIT 1 }} }} "
    )


def place_query(text: str) -> str:
    """What a place filter looks for: the unit's own name ("tỉnh Hà Tĩnh" → "Hà Tĩnh",
    "TP.HCM" → "Hồ Chí Minh"), which is how places are named in the graph."""
    return resolve_place(text).name if text.strip() else text


def within(prop: str, name: str) -> str:
    """Keep the ``?e`` whose place by ``prop``, or a place containing it, has ``?name`` in its name."""
    return (f"?e {prop}/schema:containedInPlace* ?{name}_at . ?{name}_at schema:name ?{name}_n "
            f"FILTER(CONTAINS(LCASE(STR(?{name}_n)), LCASE(STR(?{name})))) ")


def is_true(value: str | None) -> bool:
    """An xsd:boolean as a store returns it: "true" or "1"."""
    return value in ("true", "1")


def awards_query(link: str) -> str:
    """The awards ``?a`` joined to the entity ``?e`` by ``link`` ("?a antq:presentedBy ?e"), each
    labelled by its type and recipients, as a person's or a body's page lists them."""
    return ("SELECT DISTINCT ?e ?a ?al WHERE { " + link + " . "
            + rel("a", "antq:awardType", "t", "tl") + one("a", "antq:recipientsText", "rt")
            + 'BIND(COALESCE(CONCAT(?tl, " – ", ?rt), ?tl, ?rt) AS ?al) }')


def award_refs(rows: list[Row], spans: dict[str, list[Evidence]] | None) -> list[Ref]:
    """The rows of :func:`awards_query` as references, each with its evidence when asked for."""
    out = []
    for row in unique(rows, "a"):
        award = ref(row, "a", "al")
        if award is not None:
            out.append(award.model_copy(update={"evidence": spans_for(spans, val(row, "a"))}))
    return out


def unique(rows: list[Row], *names: str) -> list[Row]:
    """Rows deduplicated on the values of ``names`` (one row per entity when several values match)."""
    seen: set[tuple[str | None, ...]] = set()
    out = []
    for row in rows:
        key = tuple(val(row, n) for n in names)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def ref(row: Mapping[str, Any], iri_var: str, label_var: str) -> Ref | None:
    iri = val(row, iri_var)
    if iri is None:
        return None
    return Ref(id=slug_of(iri), iri=iri, label=val(row, label_var) or slug_of(iri))


def entity_iri(request: Request, kind: str, slug: str) -> URIRef:
    """The IRI of {kind}/{slug}; a malformed slug cannot name anything, so it is a 404."""
    if not _SLUG.match(slug):
        raise HTTPException(404, detail=f"no {kind} with id {slug!r}")
    return URIRef(f"{request.app.state.settings.base_iri}id/{kind}/{slug}")


def not_found(kind: str, slug: str) -> HTTPException:
    return HTTPException(404, detail=f"no {kind} with id {slug!r}")


# ---------------------------------------------------------------- querying
async def select(request: Request, query: str, bindings: Mapping[str, Any] | None = None) -> list[Row]:
    return await request.app.state.engine.select(PREFIXES + query, bindings=dict(bindings or {}))


def projected(bindings: Mapping[str, Any]) -> str:
    """The bound variables, to add to a projection and a GROUP BY."""
    return " ".join(f"?{name}" for name in bindings)


async def fetch_page(
    request: Request,
    *,
    head: str,
    details: str,
    filters: Mapping[str, str],
    columns: str,
    order: str,
    bindings: Mapping[str, Any],
    limit: int,
    offset: int,
    sort: tuple[str, str] | None = None,
) -> tuple[int, list[Row]]:
    """Total and rows of one page of the ``?e`` entities of ``head`` (grouped by ?e), with the
    ``filters`` whose variables are bound; see ``narrowed`` for how the patterns are ordered.

    ``sort`` is (the patterns that bind what ``order`` reads, their aggregated columns), kept
    out of ``details`` and ``columns``: the page is then cut first, on those alone, and the
    other details are looked up for the page's rows only (/people?limit=50 on 1M triples
    looked up the rank of all 11,890 people to show 50). Under a filter the page is cut after
    the details, as without ``sort``: a bound value reaches an external store as a VALUES
    block, which a subquery does not see.
    """
    if sort is not None and bindings:
        details, columns, sort = sort[0] + details, f"{sort[1]} {columns}", None
    where, count_where = narrowed(head, details, filters, bindings)
    bound = projected({k: v for k, v in bindings.items() if k != "e"})  # ?e is projected already
    counted_vars = projected(bindings)
    count_q = f"SELECT {counted_vars} (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {count_where} }}"
    if counted_vars:
        count_q += f" GROUP BY {counted_vars}"
    window = f"ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}"
    if sort is None:
        page_q = f"SELECT ?e {bound} {columns} WHERE {{ {where} }} GROUP BY ?e {bound} {window}"
    else:
        patterns, sort_columns = sort
        sort_vars = " ".join(re.findall(r"AS (\?\w+)\)", sort_columns))
        page_q = (f"SELECT ?e {sort_vars} {columns} WHERE {{ "
                  f"{{ SELECT ?e {sort_columns} WHERE {{ {head}{patterns} }} GROUP BY ?e {window} }} "
                  f"{details} }} GROUP BY ?e {sort_vars} ORDER BY {order}")
    counted, rows = await asyncio.gather(select(request, count_q, bindings), select(request, page_q, bindings))
    total = int(num(counted[0], "n") or 0) if counted else 0
    return total, rows


def narrowed(head: str, details: str, filters: Mapping[str, str], bindings: Mapping[str, Any]) -> tuple[str, str]:
    """(where, count_where) of a list query: the entities of ``head`` with their ``details``.

    Patterns that narrow ``?e`` follow ``head`` at once, so the detail lookups run only for
    the entities kept (the detail lookups for every organisation before keeping the police
    made /organizations?kind=police 5x slower on 1M triples); FILTERs that read detail
    columns come last. Details are optional lookups that never drop or repeat an ``?e``, so
    the count leaves them out unless a FILTER reads them.
    """
    active = [filters[name] for name in bindings if name in filters]
    narrowing = "".join(f for f in active if not f.startswith("FILTER"))
    tests = "".join(f for f in active if f.startswith("FILTER"))
    where = head + narrowing + details + tests
    return where, (where if tests else head + narrowing)


def next_link(request: Request, total: int, limit: int, offset: int) -> str | None:
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(limit=limit, offset=offset + limit))


# ---------------------------------------------------------------- evidence
_EVIDENCE_OF = """
SELECT DISTINCT ?node ?docid ?sentence ?start ?end WHERE {
  ?node prov:wasDerivedFrom ?ev .
  ?ev antq:sentence ?sentence .
  OPTIONAL { ?ev antq:start ?start } OPTIONAL { ?ev antq:end ?end }
  OPTIONAL { ?ev antq:document ?doc . ?doc schema:identifier ?docid }
} ORDER BY ?docid ?start"""

_EVIDENCE_AROUND = """
SELECT DISTINCT ?e ?node ?docid ?sentence ?start ?end WHERE {
  { ?e ?p ?node } UNION { ?node ?p ?e }
  ?node prov:wasDerivedFrom ?ev .
  ?ev antq:sentence ?sentence .
  OPTIONAL { ?ev antq:start ?start } OPTIONAL { ?ev antq:end ?end }
  OPTIONAL { ?ev antq:document ?doc . ?doc schema:identifier ?docid }
} ORDER BY ?docid ?start"""


def _spans(rows: list[Row]) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = {}
    for row in rows:
        span = Evidence(document=val(row, "docid"), sentence=val(row, "sentence") or "", start=num(row, "start"), end=num(row, "end"))
        spans = out.setdefault(val(row, "node") or "", [])
        if span not in spans:
            spans.append(span)
    return out


async def evidence_of(request: Request, nodes: list[str]) -> dict[str, list[Evidence]]:
    """Evidence of each node (one bound query per node, run together)."""
    unique = list(dict.fromkeys(nodes))
    results = await asyncio.gather(*(select(request, _EVIDENCE_OF, {"node": URIRef(n)}) for n in unique))
    return _spans([row for rows in results for row in rows])


async def evidence_around(request: Request, iri: URIRef) -> dict[str, list[Evidence]]:
    """Evidence of an entity and of every fact node one hop from it."""
    own, around = await asyncio.gather(select(request, _EVIDENCE_OF, {"node": iri}), select(request, _EVIDENCE_AROUND, {"e": iri}))
    return _spans(own + around)


def spans_for(spans: dict[str, list[Evidence]] | None, node: str | None) -> list[Evidence] | None:
    """The evidence of ``node`` when evidence was asked for (``spans`` not None)."""
    if spans is None:
        return None
    return spans.get(node or "", [])


# ---------------------------------------------------------------- ETag / 304
async def graph_version(request: Request) -> str:
    """A token that changes whenever the served graph changes (through this server)."""
    return request.app.state.engine.version()


async def derived(request: Request, name: str, build: Callable[[Request], Awaitable[T]]) -> T:
    """A structure computed from the whole served graph (search index, network), kept until it changes.

    Endpoints that read the whole graph for every answer filter this instead of asking the
    store again; it is rebuilt on first use after the graph version changes, once even when
    requests arrive together.
    """
    state = request.app.state
    version = await graph_version(request)
    if getattr(state, "derived", None) is None:
        state.derived, state.derived_locks = {}, {}
    cache, locks = state.derived, state.derived_locks
    if name in cache and cache[name][0] == version:
        return cache[name][1]
    async with locks.setdefault(name, asyncio.Lock()):
        if name not in cache or cache[name][0] != version:
            cache[name] = (version, await build(request))
        return cache[name][1]


class CachedRoute(APIRoute):
    """A GET route answering 304 when If-None-Match names the current representation."""

    def get_route_handler(self):  # noqa: ANN201 - Starlette handler type
        handler = super().get_route_handler()

        async def cached(request: Request) -> Response:
            version = await graph_version(request)
            digest = hashlib.sha1(f"{version}|{request.url.path}|{request.url.query}|{request.headers.get('accept', '')}".encode()).hexdigest()[:20]
            tag = f'"{digest}"'
            wanted = request.headers.get("if-none-match", "")
            if request.method == "GET" and (tag in [t.strip().removeprefix("W/") for t in wanted.split(",")] or wanted.strip() == "*"):
                return Response(status_code=304, headers={"ETag": tag})
            response = await handler(request)
            if response.status_code == 200:
                response.headers["ETag"] = tag
                response.headers.setdefault("Cache-Control", "no-cache")
            return response

        return cached
