"""Namespaces and the minting of stable entity IRIs.

An IRI is minted from a normalised key (see ``antq.graph.text.match_key``), so the same
person, organisation or programme named in two articles gets one node, and the same
corpus always yields the same IRIs.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace
from unidecode import unidecode

ANTQ = Namespace("https://w3id.org/antq-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
TIME = Namespace("http://www.w3.org/2006/time#")
DCT = Namespace("http://purl.org/dc/terms/")

PREFIXES = {
    "antq": ANTQ,
    "org": ORG,
    "schema": SCHEMA,
    "prov": PROV,
    "qb": QB,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-dimension": SDMX_DIMENSION,
    "time": TIME,
    "dct": DCT,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
}

# Entity kinds and the path segment their IRIs live under: {base}id/{segment}/{slug}
KINDS = ("person", "org", "programme", "meeting", "award", "stat", "place", "doc", "post", "evidence")


def slug(key: str) -> str:
    """ASCII slug of a key plus a short hash of the exact key, so that names differing
    only in diacritics ("Hà" / "Hạ") never collide while the IRI stays readable."""
    ascii_ = re.sub(r"[^a-z0-9]+", "-", unidecode(key).lower()).strip("-")[:60] or "x"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{ascii_}-{digest}"


def entity_iri(base: str, kind: str, key: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown entity kind {kind!r}")
    return f"{base}id/{kind}/{slug(key)}"


def graph_iri(base: str, doc_id: str) -> str:
    """The named graph holding everything read from one document."""
    return f"{base}graph/{doc_id}"


ONTOLOGY_GRAPH = "ontology"  # graph_iri(base, ONTOLOGY_GRAPH) holds the ontology and SKOS schemes
