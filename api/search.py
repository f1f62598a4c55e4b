"""/search: find people, organisations, programmes and meetings by any spelling of their name.

Readers type without tone marks ("to lam"), with abbreviations ("CATP", "cong an tp hcm")
or with the full form. Every label and alternative label is folded (tone marks dropped,
đ → d, lower case, punctuation to spaces) and also rewritten with common abbreviations
expanded; a query gets the same two forms, and rapidfuzz scores each form of the query
against each form of every name. The index lives in memory and is rebuilt when the graph
version changes.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Literal as Choice

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process
from unidecode import unidecode

from antq.api.rest_common import CachedRoute, derived, label, select, slug_of, val

router = APIRouter(route_class=CachedRoute, tags=["search"])

MIN_SCORE = 80.0  # below this, fuzzy hits are mostly shared common words ("công an", "văn")
EntityType = Choice["person", "org", "programme", "meeting"]

# General abbreviations of the genre (folded form → folded long form). Both the names and
# the queries are expanded with this table, so either spelling meets the other.
ABBREVIATIONS = {
    "ca": "cong an",
    "cat": "cong an tinh",
    "catp": "cong an thanh pho",
    "bca": "bo cong an",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "mttw": "mat tran trung uong",
    "ubtw": "uy ban trung uong",
    "ubtu": "uy ban trung uong",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tphcm": "thanh pho ho chi minh",
    "hcm": "ho chi minh",
    "antq": "an ninh to quoc",
    "bvantq": "bao ve an ninh to quoc",
    "antt": "an ninh trat tu",
    "ttatxh": "trat tu an toan xa hoi",
    "pccc": "phong chay chua chay",
    "btv": "ban thuong vu",
    "ccb": "cuu chien binh",
    "vn": "viet nam",
    "ctr": "chuong trinh",
}


def fold(text: str) -> str:
    """Lower-case ASCII words: "Công an TP.HCM" → "cong an tp hcm" (đ → d, tone marks dropped)."""
    return " ".join(re.findall(r"[a-z0-9]+", unidecode(text).lower()))


def expand(folded: str) -> str:
    """Folded text with every known abbreviation written out."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in folded.split())


def forms(text: str) -> set[str]:
    folded = fold(text)
    return {f for f in (folded, expand(folded)) if f}


@dataclass
class Index:
    """Entities (iri, type, label) and every searchable form of their names."""

    entities: list[tuple[str, str, str]] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # choices[i] names entities[owner[i]]

    def search(self, query: str, kind: str | None, limit: int) -> list[tuple[int, float]]:
        best: dict[int, float] = {}
        for form in forms(query):
            # rapidfuzz's native WRatio picks candidates fast; _score then ranks them.
            hits = process.extract(form, self.choices, scorer=fuzz.WRatio, limit=max(limit * 20, 200), score_cutoff=55)
            for choice, _, i in hits:
                entity = self.owner[i]
                if kind and self.entities[entity][1] != kind:
                    continue
                score = _score(form, choice)
                if score >= MIN_SCORE:
                    best[entity] = max(best.get(entity, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], len(self.entities[item[0]][2]), self.entities[item[0]][2]))
        return ranked[:limit]


def _score(query: str, choice: str) -> float:
    """Exact name first, then every query word found in the name, then fuzzy similarity."""
    if query == choice:
        return 100.0
    words = choice.split()
    if all(w in words for w in query.split()):
        return 95.0 - min(len(words) - len(query.split()), 10) * 0.5
    return fuzz.WRatio(query, choice) * 0.9


_NAMES = """SELECT DISTINCT ?x ?type ?lab ?name WHERE {
  { SELECT DISTINCT ?x ?type WHERE {
    VALUES (?cls ?type) { (schema:Person "person") (org:Organization "org") (antq:CoordinationProgramme "programme") (antq:Meeting "meeting") }
    ?x a ?cls } }
  """ + label("x", "lab") + """
  { SELECT DISTINCT ?x ?name WHERE {
    ?x skos:prefLabel|skos:altLabel|schema:name|rdfs:label|antq:programmeNumber ?name FILTER(LANG(?name) IN ("", "vi")) } }
}"""


async def build_index(request: Request) -> Index:
    rows = await select(request, _NAMES)
    index = Index()
    position: dict[str, int] = {}
    for row in rows:
        iri = val(row, "x") or ""
        shown = val(row, "lab") or val(row, "name") or slug_of(iri)
        if iri not in position:
            position[iri] = len(index.entities)
            index.entities.append((iri, val(row, "type") or "", shown))
        elif len(shown) > len(index.entities[position[iri]][2]):  # the fullest label is shown
            index.entities[position[iri]] = (iri, index.entities[position[iri]][1], shown)
        for form in forms(val(row, "name") or ""):
            index.choices.append(form)
            index.owner.append(position[iri])
    return index


async def current_index(request: Request) -> Index:
    """The index of the served graph, built on first use and after the graph changes."""
    return await derived(request, "search", build_index)


class Hit(BaseModel):
    id: str
    iri: str
    type: str = Field(..., description="person, org, programme or meeting")
    label: str
    score: float = Field(..., description="0–100; 100 is an exact match of a name form")


class SearchResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"query": "catp", "results": [{"id": "cong-an-thanh-pho-ho-chi-minh-b4cbec", "iri": "http://127.0.0.1:8000/id/org/cong-an-thanh-pho-ho-chi-minh-b4cbec", "type": "org", "label": "Công an Thành phố Hồ Chí Minh", "score": 100.0}]}]}
    )
    query: str
    results: list[Hit]


@router.get("/search", response_model=SearchResult, summary="Find entities by name, without tone marks or with abbreviations")
async def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=300, description="Words of a name, any spelling", examples=["cong an tp hcm"]),
    type: EntityType | None = Query(None, description="Only this kind of entity"),
    limit: int = Query(10, ge=1, le=100),
) -> SearchResult:
    index = await current_index(request)
    hits = await asyncio.to_thread(index.search, q, type, limit)
    results = []
    for i, score in hits:
        iri, kind, name = index.entities[i]
        results.append(Hit(id=slug_of(iri), iri=iri, type=kind, label=name, score=round(score, 1)))
    return SearchResult(query=q, results=results)
