"""Literals and SKOS concepts for the RDF mapping.

Kept apart from ``antq.graph.rdf`` so the mapping reads as "which node gets which property"
while the rules for datatypes and for finding a concept in the ontology's schemes live here.
The concept tables are read from ``antq.ttl`` itself, so the ontology is the only list of
ranks, titles and award types.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from antq.graph.iris import ANTQ, ORG, PREFIXES, slug
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_PERIOD = re.compile(r"(\d{4})\s*[-\u2013\u2014/]\s*(\d{4})")


def norm(text: str) -> str:
    """Key for matching two spellings of one label: NFC, case-folded, spaces collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def date_literal(value: str) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the ISO form given; anything else stays a
    plain string so that the SHACL gate reports it instead of the mapping hiding it."""
    v = value.strip()
    for pattern, datatype in ((_FULL_DATE, XSD.date), (_YEAR_MONTH, XSD.gYearMonth), (_YEAR, XSD.gYear)):
        if pattern.fullmatch(v):
            return Literal(v, datatype=datatype)
    return Literal(v)


def period_years(period: str) -> tuple[Literal, Literal] | None:
    """("2013", "2023") as xsd:gYear from "2013-2023" / "2013 – 2023"; None if not a period."""
    m = _PERIOD.search(period)
    if not m:
        return None
    return Literal(m.group(1), datatype=XSD.gYear), Literal(m.group(2), datatype=XSD.gYear)


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal written without exponent (``float`` repr would give 8.6e4)."""
    return Literal(format(Decimal(str(value)), "f"), datatype=XSD.decimal)


def integer_literal(value: int) -> Literal:
    return Literal(int(value), datatype=XSD.integer)


@lru_cache(maxsize=1)


def _ontology_turtle() -> str:
    return resources.files("antq.ontology").joinpath("antq.ttl").read_text(encoding="utf-8")


def ontology_graph() -> Graph:
    """A fresh rdflib Graph of antq.ttl (the caller may add to it)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(data=_ontology_turtle(), format="turtle")
    return g


@lru_cache(maxsize=1)


def _scheme_index() -> dict[URIRef, dict[str, URIRef]]:
    """scheme → normalised label (pref, alt, and notation) → concept."""
    g = ontology_graph()
    index: dict[URIRef, dict[str, URIRef]] = {}
    for concept, scheme in g.subject_objects(SKOS.inScheme):
        table = index.setdefault(scheme, {})
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
            for label in g.objects(concept, prop):
                if prop == SKOS.notation or getattr(label, "language", None) == "vi":
                    table[norm(str(label))] = concept
    return index


def known_concept(scheme: URIRef, label: str) -> URIRef | None:
    """The concept of ``scheme`` whose Vietnamese label (or notation) is ``label``."""
    return _scheme_index().get(scheme, {}).get(norm(label))


def concept(g: Graph, scheme: URIRef, prefix: str, label: str) -> URIRef:
    """The scheme's concept for ``label``; a label the scheme lacks gets a concept minted into
    ``g`` (the document graph), narrower than the longest known label it starts with."""
    found = known_concept(scheme, label)
    if found is not None:
        return found
    node = ANTQ[f"{prefix}-{slug(label.strip())}"]
    g.add((node, RDF.type, SKOS.Concept))
    if scheme == ANTQ.PostTitleScheme:
        g.add((node, RDF.type, ORG.Role))
    g.add((node, SKOS.inScheme, scheme))
    g.add((node, SKOS.prefLabel, Literal(label.strip(), lang="vi")))
    g.add((node, RDFS.label, Literal(label.strip(), lang="vi")))
    broader = _broader(scheme, label)
    if broader is not None:
        g.add((node, SKOS.broader, broader))
    return node


def _broader(scheme: URIRef, label: str) -> URIRef | None:
    key = norm(label)
    best = ""
    for known in _scheme_index().get(scheme, {}):
        if key.startswith(known + " ") and len(known) > len(best):
            best = known
    return _scheme_index()[scheme][best] if best else None
