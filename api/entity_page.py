"""What an entity page shows: the entity's facts grouped by kind, each with its evidence.

Every fact is read with the sentence it came from (``antq:Evidence``), so a reader can check
it against the article. Queries follow ontology/README.md; the entity IRI is always a bound
value, never pasted into the query text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

PREFIXES = """PREFIX antq: <https://w3id.org/antq-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
"""

# Evidence of ?fact; nested inside the pattern that binds ?fact so an unbound ?fact never matches.
EV = """OPTIONAL { ?fact prov:wasDerivedFrom ?ev . ?ev antq:sentence ?sent ; antq:sentenceStart ?ss ;
  antq:start ?st ; antq:end ?en ; antq:document ?doc . OPTIONAL { ?doc schema:headline ?docTitle } }"""
LABEL = "OPTIONAL { ?item rdfs:label|skos:prefLabel|schema:name|schema:headline ?itemLabel }"
DETAIL = "OPTIONAL { ?role skos:prefLabel ?detail }"

# kind -> sections: (translation key of the title, pattern over ?s binding ?item, ?fact, ?detail, ?date)
SECTIONS: dict[str, list[tuple[str, str]]] = {
    "person": [
        ("posts", "?fact org:member ?s ; org:organization ?item . OPTIONAL { ?fact antq:postTitle ?detail } "
                  "OPTIONAL { ?fact antq:observedOn ?date } {ev}"),
        ("meetings", "?fact antq:participant ?s ; antq:inMeeting ?item . OPTIONAL { ?fact antq:participationRole ?role } "
                     f"{DETAIL} OPTIONAL {{ ?item schema:startDate ?date }} {{ev}}"),
        ("awards_presented", "?item antq:presentedBy ?s . BIND(?item AS ?fact) {ev}"),
        ("awards_received", "?item antq:awardedTo ?s . BIND(?item AS ?fact) {ev}"),
    ],
    "org": [
        ("parent", "?s org:subOrganizationOf ?item ."),
        ("units", "?item org:subOrganizationOf ?s ."),
        ("members", "?fact org:organization ?s ; org:member ?item . OPTIONAL { ?fact antq:postTitle ?detail } "
                    "OPTIONAL { ?fact antq:observedOn ?date } {ev}"),
        ("party_to", "?item antq:party ?s ."),
        ("implements", "?item antq:implementedBy ?s ."),
        ("organised", "?item schema:organizer ?s . OPTIONAL { ?item schema:startDate ?date }"),
        ("awards_conferred", "?item antq:conferredBy ?s ."),
        ("awards_received", "?item antq:awardedTo ?s . BIND(?item AS ?fact) {ev}"),
        ("area", "?s antq:servesArea ?item ."),
    ],
    "programme": [
        ("parties", "?s antq:party ?item ."),
        ("implemented_by", "?s antq:implementedBy ?item ."),
        ("meetings_about", "?item schema:about ?s . OPTIONAL { ?item schema:startDate ?date } BIND(?item AS ?fact) {ev}"),
    ],
    "meeting": [
        *[(f"role_{r}", f"?s {p} ?item . OPTIONAL {{ ?fact antq:inMeeting ?s ; antq:participant ?item ; "
                         f"antq:participationRole antq:role-{r} . {{ev}} }}")
          for r, p in (("chair", "antq:chair"), ("speaker", "antq:speaker"), ("attendee", "schema:attendee"))],
        ("organisers", "?s schema:organizer ?item ."),
        ("about", "?s schema:about ?item ."),
        ("location", "?s schema:location ?item ."),
        ("awards_at", "?item antq:atMeeting ?s . BIND(?item AS ?fact) {ev}"),
    ],
    "award": [
        ("conferred_by", "?s antq:conferredBy ?item ."),
        ("presented_by", "?s antq:presentedBy ?item ."),
        ("awarded_to", "?s antq:awardedTo ?item ."),
        ("at_meeting", "?s antq:atMeeting ?item ."),
    ],
    "place": [
        ("within", "?s schema:containedInPlace ?item ."),
        ("contains", "?item schema:containedInPlace ?s ."),
        ("bodies", "?item antq:servesArea ?s ."),
        ("meetings_here", "?item schema:location ?s . OPTIONAL { ?item schema:startDate ?date }"),
        ("figures", "?item sdmx-dimension:refArea ?s . OPTIONAL { ?item antq:figureText ?detail }"),
    ],
    "stat": [("area", "?s sdmx-dimension:refArea ?item .")],
    "doc": [("mentioned", "?item antq:mentionedIn ?s . OPTIONAL { ?item a ?cls . BIND(STRAFTER(STR(?cls), '#') AS ?detail) }")],
}

HIDDEN = {"http://www.w3.org/ns/prov#wasDerivedFrom", "https://w3id.org/antq-kg/ontology#mentionedIn",
          "https://schema.org/text"}


@dataclass
class Evidence:
    before: str
    mention: str
    after: str
    href: str
    doc: str
    start: int = 0


@dataclass
class Fact:
    label: str
    href: str | None
    detail: str = ""
    date: str = ""
    evidence: list[Evidence] = field(default_factory=list)


def local_path(iri: str, base: str) -> str | None:
    """The path on this server for an IRI under ``base`` (None for outside IRIs)."""
    return "/" + iri[len(base):] if iri.startswith(base) else None


def _val(row: dict[str, Any], key: str) -> str:
    return row[key]["value"] if key in row else ""


def _pick(cands: list[tuple[str, str]], lang: str) -> str:
    """A label in the page language, else Vietnamese, else any."""
    for want in (lang, "vi", ""):
        for value, lg in cands:
            if lg == want:
                return value
    return cands[0][0] if cands else ""


def evidence_of(row: dict[str, Any], base: str) -> Evidence | None:
    if "sent" not in row:
        return None
    sent, ss = _val(row, "sent"), int(_val(row, "ss"))
    st, en = int(_val(row, "st")), int(_val(row, "en"))
    a, b = max(0, st - ss), max(0, min(len(sent), en - ss))
    doc = _val(row, "doc")
    href = f"{local_path(doc, base) or doc}#ev-{st}-{en}"
    return Evidence(sent[:a], sent[a:b], sent[b:], href, _val(row, "docTitle") or doc.rsplit("/", 1)[-1], st)


def _facts(rows: list[dict[str, Any]], base: str, lang: str) -> list[Fact]:
    """Group rows by (item, detail, date), keeping each evidence sentence once."""
    labels: dict[str, list[tuple[str, str]]] = {}
    details: dict[str, list[tuple[str, str]]] = {}
    order: dict[tuple[str, str], Fact] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        item = _val(row, "item")
        if "itemLabel" in row:
            labels.setdefault(item, []).append((row["itemLabel"]["value"], row["itemLabel"].get("xml:lang", "")))
        key = (item, _val(row, "date"))
        if "detail" in row:
            details.setdefault(item + "|" + key[1], []).append((row["detail"]["value"], row["detail"].get("xml:lang", "")))
        fact = order.setdefault(key, Fact(item, local_path(item, base) if row["item"]["type"] == "uri" else None,
                                          date=key[1]))
        ev = evidence_of(row, base)
        if ev and (item, key[1], ev.href) not in seen:
            seen.add((item, key[1], ev.href))
            fact.evidence.append(ev)
    for (item, date), fact in order.items():
        fact.evidence.sort(key=lambda e: (e.href.split("#")[0], e.start))
        fact.label = _pick(labels.get(item, []), lang) or item.rsplit("/", 1)[-1]
        fact.detail = ", ".join(dict.fromkeys(v for v, lg in details.get(item + "|" + date, []) if lg in ("", lang)))
        fact.detail = fact.detail or _pick(details.get(item + "|" + date, []), lang)
    return sorted(order.values(), key=lambda f: (f.date, f.label))


async def section(engine: Any, iri: str, pattern: str, base: str, lang: str) -> list[Fact]:
    body = pattern.replace("{ev}", EV)
    query = f"{PREFIXES}SELECT * WHERE {{ {body} {LABEL} }} LIMIT 3000"
    return _facts(await engine.select(query, bindings={"s": URIRef(iri)}), base, lang)


async def entity_context(engine: Any, iri: str, base: str, lang: str) -> dict[str, Any] | None:
    """Everything an entity page shows, or None when the graph says nothing about ``iri``."""
    s = {"s": URIRef(iri)}
    props = await engine.select(
        PREFIXES + "SELECT ?s ?p ?o ?itemLabel WHERE { ?s ?p ?o . OPTIONAL { ?o rdfs:label|skos:prefLabel|schema:name ?itemLabel } }"
        " LIMIT 2000", bindings=s)
    if not props:
        return None
    kind = iri[len(base):].split("/")[1] if iri.startswith(base + "id/") else ""
    names = [(r["o"]["value"], r["o"].get("xml:lang", "")) for r in props if r["p"]["value"] in (
        "http://www.w3.org/2004/02/skos/core#prefLabel", "https://schema.org/name", "https://schema.org/headline",
        "http://www.w3.org/2000/01/rdf-schema#label")]
    table: dict[str, list[Fact]] = {}
    by_obj: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in props:
        if r["p"]["value"] not in HIDDEN:
            by_obj.setdefault((r["p"]["value"], r["o"]["value"]), []).append(r)
    for (p, o), rows in by_obj.items():
        cands = [(x["itemLabel"]["value"], x["itemLabel"].get("xml:lang", "")) for x in rows if "itemLabel" in x]
        is_iri = rows[0]["o"]["type"] == "uri"
        label = _pick(cands, lang) or (o.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if is_iri else o)
        table.setdefault(p, []).append(Fact(label, (local_path(o, base) or o) if is_iri else None))
    sections = []
    for key, pattern in SECTIONS.get(kind, []):
        facts = await section(engine, iri, pattern, base, lang)
        if facts:
            sections.append((key, facts))
    own = await section(engine, iri, "?s prov:wasDerivedFrom ?ev . BIND(?s AS ?item) BIND(?s AS ?fact) {ev}", base, lang)
    evidence = [e for f in own for e in f.evidence]
    ctx = {"iri": iri, "kind": kind, "label": _pick(names, lang) or iri.rsplit("/", 1)[-1],
           "props": table, "sections": sections, "evidence": evidence, "text": None}
    if kind == "doc":
        ctx["text"] = await document_text(engine, iri)
    return ctx


async def document_text(engine: Any, iri: str) -> list[tuple[str, str | None]] | None:
    """The article text cut into (text, anchor-or-None) pieces; anchored pieces are evidence spans."""
    rows = await engine.select(PREFIXES + "SELECT ?s ?text WHERE { ?s schema:text ?text } LIMIT 1", bindings={"s": URIRef(iri)})
    if not rows:
        return None
    text = rows[0]["text"]["value"]
    spans = await engine.select(PREFIXES + "SELECT DISTINCT ?s ?st ?en WHERE { ?ev antq:document ?s ; antq:start ?st ; "
                                "antq:end ?en }", bindings={"s": URIRef(iri)})
    marks = sorted({(int(r["st"]["value"]), int(r["en"]["value"])) for r in spans})
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for st0, en0 in marks:
        st, en = max(st0, pos), min(en0, len(text))
        if en <= st:  # inside an earlier span, which is already highlighted: keep an anchor for links
            pieces.append(("", f"ev-{st0}-{en0}"))
            continue
        pieces.append((text[pos:st], None))
        pieces.append((text[st:en], f"ev-{st0}-{en0}"))
        pos = en
    pieces.append((text[pos:], None))
    return pieces
