"""The extraction record of one document as RDF, following ontology/README.md.

``record_to_graph`` returns the triples of ONE document; the build puts them in the named
graph ``graph_iri(base, record.doc)`` so a document can be replaced alone. Every entity and
fact node points back to the document (``antq:mentionedIn``) and to one ``antq:Evidence``
node per span it was read from (``prov:wasDerivedFrom``). No blank nodes are used, so the
same record always yields the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from antq.graph.iris import (
    ANTQ,
    ONTOLOGY_GRAPH,
    ORG,
    PREFIXES,
    PROV,
    QB,
    SCHEMA,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    entity_iri,
    graph_iri,
    slug,
)
from antq.graph.rdf_terms import (
    concept,
    date_literal,
    decimal_literal,
    integer_literal,
    known_concept,
    norm,
    ontology_graph,
    period_years,
)
from antq.graph.places import Place, province_name, province_place, resolve_place
from antq.graph.record import (
    Award,
    DocumentRecord,
    Evidence,
    Meeting,
    Organization,
    Person,
    Programme,
    Statistic,
)
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

__all__ = ["doc_iri", "ontology_graph", "record_to_graph", "records_to_dataset"]

ROLES = {"chair": ANTQ["role-chair"], "attendee": ANTQ["role-attendee"], "speaker": ANTQ["role-speaker"]}


def doc_iri(base: str, doc: str) -> URIRef:
    """The node of an article (``schema:NewsArticle``)."""
    return URIRef(entity_iri(base, "doc", doc))


def record_to_graph(record: DocumentRecord, base: str) -> Graph:
    """All triples read from one document (to be stored in ``graph_iri(base, record.doc)``)."""
    return _Mapper(record, base).run()


def records_to_dataset(records: Iterable[DocumentRecord], base: str, *, ontology: bool = True) -> Dataset:
    """One named graph per document, plus the ontology graph; the default graph is the union."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    if ontology:
        target = ds.graph(URIRef(graph_iri(base, ONTOLOGY_GRAPH)))
        target.addN((s, p, o, target) for s, p, o in ontology_graph())
    for record in records:
        target = ds.graph(URIRef(graph_iri(base, record.doc)))
        target.addN((s, p, o, target) for s, p, o in record_to_graph(record, base))
    return ds


class _Mapper:
    """Walks one record; holds the name → node indexes that resolve references inside it."""

    def __init__(self, record: DocumentRecord, base: str) -> None:
        self.r = record
        self.base = base
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.doc = doc_iri(base, record.doc)
        self.orgs: dict[str, URIRef] = {}
        self.people: dict[str, URIRef] = {}
        self.programmes: dict[str, URIRef] = {}
        self.meetings: dict[str, URIRef] = {}
        self.posts = 0  # memberships are numbered in record order
        self.triples: set[tuple[URIRef, URIRef, URIRef | Literal]] = set()
        self.seen_evidence: dict[Evidence, URIRef] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.triples.add((s, p, o))  # a set first: rdflib's store is slow at re-adding duplicates

    def iri(self, kind: str, key: str) -> URIRef:
        return URIRef(entity_iri(self.base, kind, key))

    def run(self) -> Graph:
        self.document()
        nodes = [self.organization(org) for org in self.r.organizations]
        for node, org in zip(nodes, self.r.organizations):
            self.org_parent(node, org)
        for person in self.r.people:
            self.person(person)
        for programme in self.r.programmes:
            self.programme(programme)
        for i, meeting in enumerate(self.r.meetings):
            self.meeting(i, meeting)
        for i, award in enumerate(self.r.awards):
            self.award(i, award)
        for i, stat in enumerate(self.r.statistics):
            self.figure(i, stat)
        self.g.addN((s, p, o, self.g) for s, p, o in self.triples)
        return self.g

    # ------------------------------------------------------------ provenance and shared nodes

    def document(self) -> None:
        r, d = self.r, self.doc
        for cls in (SCHEMA.NewsArticle, PROV.Entity):
            self.add(d, RDF.type, cls)
        self.add(d, SCHEMA.identifier, Literal(r.doc))
        self.add(d, SCHEMA.inLanguage, Literal("vi"))
        self.add(d, SCHEMA.headline, Literal(r.title) if r.title else None)
        self.add(d, RDFS.label, Literal(r.title or r.doc))
        self.add(d, SCHEMA.datePublished, date_literal(r.date) if r.date else None)
        self.add(d, SCHEMA.url, Literal(r.url, datatype=XSD.anyURI) if r.url else None)
        self.add(d, SCHEMA.text, Literal(r.text) if r.text else None)
        self.add(d, DCTERMS.source, Literal(r.source) if r.source else None)
        self.add(d, SCHEMA.contentLocation, self.place(r.province, []) if r.province else None)

    def evidence(self, ev: Evidence) -> URIRef:
        if ev in self.seen_evidence:
            return self.seen_evidence[ev]
        node = self.seen_evidence[ev] = self.iri("evidence", f"{ev.doc}#{ev.sentence_start}-{ev.sentence_end}/{ev.start}-{ev.end}")
        self.add(node, RDF.type, ANTQ.Evidence)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, ANTQ.document, doc_iri(self.base, ev.doc))
        self.add(node, ANTQ.sentence, Literal(ev.sentence))
        for prop, value in ((ANTQ.sentenceStart, ev.sentence_start), (ANTQ.sentenceEnd, ev.sentence_end),
                            (ANTQ.start, ev.start), (ANTQ.end, ev.end)):
            self.add(node, prop, integer_literal(value))
        self.add(node, ANTQ.extractor, Literal(ev.extractor))
        return node

    def provenance(self, node: URIRef, evidence: Iterable[Evidence]) -> None:
        self.add(node, ANTQ.mentionedIn, self.doc)
        for ev in evidence:
            self.add(node, PROV.wasDerivedFrom, self.evidence(ev))

    def place(self, name: str, evidence: list[Evidence], within: str | None = None) -> URIRef:
        """The unit ``name`` denotes (inside the unit ``within`` names, when the text says so),
        linked to the district and the province holding it (see graph/places.py)."""
        return self.place_of(self.resolved(name, within), evidence)

    def resolved(self, name: str, within: str | None = None) -> Place:
        context = province_name(self.r.province)
        outer = resolve_place(within, context, self.r.date) if within else None
        return resolve_place(name, context, self.r.date, outer)

    def place_of(self, found: Place, evidence: list[Evidence]) -> URIRef:
        node = self.place_node(found)
        self.provenance(node, evidence)  # an enclosing unit is read in this article too
        if found.district is not None:
            self.add(node, SCHEMA.containedInPlace, self.place_of(found.district, []))
        if found.province is not None:
            self.add(node, SCHEMA.containedInPlace, self.place_of(province_place(found.province), []))
        return node

    def place_node(self, place: Place) -> URIRef:
        # A lower unit whose province is unknown is scoped to the article, as a bare "Công an
        # tỉnh" is: "Phường 7" of two articles may be two wards.
        scoped = place.province is None and not place.is_province
        node = self.iri("place", f"{self.r.doc}/{place.key}" if scoped else place.key)
        self.add(node, RDF.type, SCHEMA.Place)
        self.add(node, SCHEMA.name, Literal(place.name))
        self.add(node, RDFS.label, Literal(place.key))
        self.add(node, ANTQ.adminLevel, Literal(place.level) if place.level else None)
        return node

    # ------------------------------------------------------------ organisations

    def organization(self, org: Organization) -> URIRef:
        label = (org.key or org.name).strip()
        node = self.iri("org", label)
        for form in (org.key, org.name, *org.aliases):
            if form:
                self.orgs.setdefault(norm(form), node)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, SKOS.prefLabel, Literal(label, lang="vi"))
        self.add(node, RDFS.label, Literal(label))
        for form in sorted({org.name, *org.aliases} - {label, ""}):
            self.add(node, SKOS.altLabel, Literal(form, lang="vi"))
        kind = known_concept(ANTQ.BodyKindScheme, org.kind or "other") or ANTQ["kind-other"]
        self.add(node, ANTQ.bodyKind, kind)
        if org.place:
            parent = self.parent_record(org)
            self.add(node, ANTQ.servesArea, self.place(org.place, org.evidence, parent.place if parent else None))
        self.provenance(node, org.evidence)
        return node

    def parent_record(self, org: Organization) -> Organization | None:
        """The record of the body ``org`` belongs to, when this article lists it."""
        wanted = {norm(x) for x in (org.parent_key, org.parent) if x}
        return next((o for o in self.r.organizations if o is not org
                     and wanted & {norm(x) for x in (o.key, o.name, *o.aliases) if x}), None)

    def org_parent(self, child: URIRef, org: Organization) -> None:
        if org.parent_key or org.parent:
            parent = self.org_ref(org.parent, org.parent_key, org.evidence)
            if parent != child:
                self.add(child, ORG.subOrganizationOf, parent)

    def org_ref(self, name: str | None, key: str | None, evidence: list[Evidence]) -> URIRef | None:
        """A body named in a fact: resolved key first, then any form listed in the record.
        A name the record does not list gets a node scoped to this document, so two
        articles' bare "Công an tỉnh" are never merged by accident."""
        for form in (key, name):
            if form and norm(form) in self.orgs:
                return self.orgs[norm(form)]
        if not (key or name):
            return None
        label = (key or name or "").strip()
        node = self.iri("org", label if key else f"{self.r.doc}/{label}")
        self.orgs[norm(label)] = node
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, SKOS.prefLabel, Literal(label, lang="vi"))
        self.add(node, RDFS.label, Literal(label))
        self.add(node, ANTQ.bodyKind, ANTQ["kind-other"])
        self.provenance(node, evidence)
        return node

    def org_refs(self, names: list[str], keys: list[str], evidence: list[Evidence]) -> list[URIRef]:
        found = [self.org_ref(None, k, evidence) for k in keys] if keys else [
            self.org_ref(n, None, evidence) for n in names]
        return [n for n in found if n is not None]

    # ------------------------------------------------------------ people

    def person(self, person: Person) -> URIRef:
        node = self.iri("person", (person.key or person.name).strip())
        for form in (person.key, person.name):
            if form:
                self.people.setdefault(norm(form), node)
        self.add(node, RDF.type, SCHEMA.Person)
        if person.posts:
            self.add(node, RDF.type, ANTQ.Official)
        self.add(node, SCHEMA.name, Literal(person.name.strip()))
        self.add(node, RDFS.label, Literal(person.name.strip()))
        if person.rank:
            self.add(node, ANTQ.rank, concept(self.g, ANTQ.RankScheme, "rank", person.rank))
        self.provenance(node, person.evidence)
        for post in person.posts:
            self.posts += 1
            m = self.iri("post", f"{self.r.doc}#{self.posts}")
            self.add(m, RDF.type, ORG.Membership)
            self.add(m, ORG.member, node)
            self.add(node, ANTQ.holds, m)
            self.add(m, ORG.organization, self.org_ref(post.org, post.org_key, post.evidence or person.evidence))
            # "nguyên Phó Giám đốc": the role is the post's; that it was held before is a fact of its own
            former = re.match(r"nguyên\s+", post.title)
            self.add(m, ORG.role, concept(self.g, ANTQ.PostTitleScheme, "title", post.title[former.end():] if former else post.title))
            self.add(m, ANTQ.formerPost, Literal(True) if former else None)
            self.add(m, ANTQ.postTitle, Literal(post.title.strip()))
            self.add(m, ANTQ.observedOn, date_literal(self.r.date) if self.r.date else None)
            self.provenance(m, post.evidence or person.evidence)
        return node

    def person_ref(self, name: str, evidence: list[Evidence]) -> URIRef:
        """The record's Person with this name; a name the record lacks becomes a Person."""
        found = self.people.get(norm(name))
        return found if found is not None else self.person(Person(name=name, evidence=list(evidence)))

    # ------------------------------------------------------------ programmes and meetings

    def programme(self, p: Programme) -> None:
        node = self.iri("programme", (p.key or p.name).strip())
        for form in (p.key, p.name, p.number):
            if form:
                self.programmes.setdefault(norm(form), node)
        for cls in (ANTQ.CoordinationProgramme, PROV.Plan, SCHEMA.CreativeWork):
            self.add(node, RDF.type, cls)
        self.add(node, SCHEMA.name, Literal(p.name.strip()))
        self.add(node, RDFS.label, Literal(p.name.strip()))
        self.add(node, ANTQ.programmeNumber, Literal(p.number.strip()) if p.number else None)
        self.add(node, ANTQ.signedOn, date_literal(p.signed) if p.signed else None)
        years = period_years(p.period) if p.period else None
        if years:
            self.add(node, ANTQ.periodStart, years[0])
            self.add(node, ANTQ.periodEnd, years[1])
        for party in self.org_refs(p.parties, p.party_keys, p.evidence):
            self.add(node, ANTQ.party, party)
            self.add(node, ANTQ.implementedBy, party)
        self.provenance(node, p.evidence)

    def programme_ref(self, ref: str, evidence: list[Evidence]) -> URIRef:
        found = self.programmes.get(norm(ref))
        if found is None:
            self.programme(Programme(name=ref, number="", key=ref, evidence=list(evidence)))
            found = self.programmes[norm(ref)]
        return found

    def meeting(self, i: int, m: Meeting) -> None:
        node = self.iri("meeting", m.key.strip() if m.key else f"{self.r.doc}#{i}")
        for form in (m.key, m.label):
            if form:
                self.meetings.setdefault(norm(form), node)
        self.add(node, RDF.type, ANTQ.Meeting)
        self.add(node, RDF.type, SCHEMA.Event)
        self.add(node, SCHEMA.name, Literal(m.label.strip()))
        self.add(node, RDFS.label, Literal(m.label.strip()))
        if m.kind:
            self.add(node, ANTQ.meetingKind, known_concept(ANTQ.MeetingKindScheme, m.kind) or ANTQ["meeting-other"])
        self.add(node, SCHEMA.startDate, date_literal(m.date) if m.date else None)
        self.add(node, SCHEMA.location, self.place(m.place, m.evidence) if m.place else None)
        organizers = self.org_refs(m.organizers, m.organizer_keys, m.evidence)
        for org in organizers:
            self.add(node, SCHEMA.organizer, org)
        if m.programme:
            programme = self.programme_ref(m.programme, m.evidence)
            self.add(node, SCHEMA.about, programme)
            for org in organizers:
                self.add(programme, ANTQ.implementedBy, org)
        roles = [("chair", n) for n in m.chairs] + [("speaker", n) for n in m.speakers]
        roles += [("attendee", n) for n in dict.fromkeys([*m.chairs, *m.attendees, *m.speakers])]
        for role, name in roles:
            person = self.person_ref(name, m.evidence)
            self.add(node, {"chair": ANTQ.chair, "speaker": ANTQ.speaker, "attendee": SCHEMA.attendee}[role], person)
            part = URIRef(f"{node}/{role}/{person.rsplit('/', 1)[-1]}")
            self.add(part, RDF.type, ANTQ.Participation)
            self.add(part, ANTQ.participant, person)
            self.add(part, ANTQ.inMeeting, node)
            self.add(part, ANTQ.participationRole, ROLES[role])
            self.add(node, ANTQ.participation, part)
            self.provenance(part, m.role_evidence.get(f"{role}|{name}") or m.evidence)
        self.provenance(node, m.evidence)

    # ------------------------------------------------------------ awards and figures

    def award(self, i: int, a: Award) -> None:
        node = self.iri("award", f"{self.r.doc}#{i}")
        self.add(node, RDF.type, ANTQ.Award)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, ANTQ.awardType, concept(self.g, ANTQ.AwardTypeScheme, "award", a.type))
        title = (a.name or a.type).strip()
        label = f"{title} ({a.conferred_by.strip()})" if a.conferred_by else title
        self.add(node, RDFS.label, Literal(label))
        self.add(node, SCHEMA.name, Literal(a.name.strip()) if a.name else None)
        # extraction may key a conferrer "Chủ tịch | <body key>" (title | body): the body is after the bar
        body_key = a.conferrer_key.rsplit(" | ", 1)[-1] if a.conferrer_key else None
        conferrer = self.org_ref(None, body_key, a.evidence) if body_key else (
            self.orgs.get(norm(a.conferred_by)) if a.conferred_by else None)
        self.add(node, ANTQ.conferredBy, conferrer)
        self.add(node, ANTQ.conferrerLabel, Literal(a.conferred_by.strip()) if a.conferred_by else None)
        self.add(node, ANTQ.recipientsText, Literal(a.recipients.strip()) if a.recipients else None)
        if a.collectives is not None:
            self.add(node, ANTQ.collectiveRecipients, integer_literal(a.collectives))
        if a.individuals is not None:
            self.add(node, ANTQ.individualRecipients, integer_literal(a.individuals))
        for name in a.presented_by:
            self.add(node, ANTQ.presentedBy, self.person_ref(name, a.evidence))
        for name in a.awarded_people:
            self.add(node, ANTQ.awardedTo, self.person_ref(name, a.evidence))
        for recipient in self.org_refs([], a.awarded_org_keys, a.evidence):
            self.add(node, ANTQ.awardedTo, recipient)
        if a.meeting:
            self.add(node, ANTQ.atMeeting, self.meetings.get(norm(a.meeting)))
        self.provenance(node, a.evidence)

    def figure(self, i: int, s: Statistic) -> None:
        node = self.iri("stat", f"{self.r.doc}#{i}")
        self.add(node, RDF.type, QB.Observation)
        self.add(node, RDF.type, ANTQ.Figure)
        self.add(node, QB.dataSet, ANTQ.figures)
        self.add(node, SDMX_MEASURE.obsValue, decimal_literal(s.value))
        self.add(node, ANTQ.unit, Literal(s.unit.strip()))
        qualifier = known_concept(ANTQ.QualifierScheme, s.qualifier)
        self.add(node, ANTQ.qualifier, qualifier or ANTQ[f"qualifier-{slug(s.qualifier)}"])  # unknown: SHACL reports it
        if s.of_total is not None:
            self.add(node, ANTQ.ofTotal, decimal_literal(s.of_total))
        self.add(node, ANTQ.figureText, Literal(s.text.strip()))
        self.add(node, RDFS.label, Literal(s.text.strip()))
        self.add(node, SDMX_DIMENSION.refArea, self.place(s.place, s.evidence) if s.place else None)
        self.add(node, SDMX_DIMENSION.refPeriod, Literal(s.period.strip()) if s.period else None)
        self.provenance(node, s.evidence)
