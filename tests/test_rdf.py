"""The RDF mapping: IRIs, datatypes, reference resolution, provenance, and the ontology file."""

from __future__ import annotations

import pytest
from antq.graph.iris import ANTQ, ORG, PROV, SCHEMA, SDMX_MEASURE, entity_iri
from antq.graph.rdf import doc_iri, ontology_graph, record_to_graph, records_to_dataset
from antq.graph.record import Award, DocumentRecord, Meeting, Organization, Person, Post
from fixtures_records import (
    BASE,
    DEPT,
    FRONT,
    MEETING_KEY,
    POLICE,
    PROGRAMME_KEY,
    TEXT,
    ev,
    review_conference,
    second_article,
)
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest's collector probes module attributes


def iri(kind: str, key: str) -> URIRef:
    return URIRef(entity_iri(BASE, kind, key))


@pytest.fixture(scope="module")
def g() -> Graph:
    return record_to_graph(review_conference(), BASE)


def test_conversion_is_deterministic_and_has_no_blank_nodes() -> None:
    first = record_to_graph(review_conference(), BASE)
    second = record_to_graph(review_conference(), BASE)
    assert sorted(first.serialize(format="nt").splitlines()) == sorted(second.serialize(format="nt").splitlines())
    assert len(first) > 100
    assert not any(isinstance(t, BNode) for triple in first for t in triple)


def test_entities_are_minted_from_record_keys(g: Graph) -> None:
    hung = iri("person", "Nguyễn Văn Hùng")
    assert (hung, RDF.type, SCHEMA.Person) in g
    assert (hung, RDF.type, ANTQ.Official) in g
    assert (hung, ANTQ.rank, ANTQ["rank-dai-ta"]) in g
    assert (iri("org", POLICE), SKOS.prefLabel, Literal(POLICE, lang="vi")) in g
    assert (iri("programme", PROGRAMME_KEY), RDF.type, ANTQ.CoordinationProgramme) in g
    assert (iri("meeting", MEETING_KEY), RDF.type, ANTQ.Meeting) in g
    # the same person in another article is the same node
    assert (hung, SCHEMA.name, Literal("Nguyễn Văn Hùng")) in record_to_graph(second_article(), BASE)


def test_literal_datatypes(g: Graph) -> None:
    meeting = iri("meeting", MEETING_KEY)
    assert g.value(meeting, SCHEMA.startDate) == Literal("2023-05-24", datatype=XSD.date)
    programme = iri("programme", PROGRAMME_KEY)
    assert g.value(programme, ANTQ.signedOn).datatype == XSD.date
    assert g.value(programme, ANTQ.periodStart) == Literal("2013", datatype=XSD.gYear)
    assert g.value(programme, ANTQ.periodEnd) == Literal("2023", datatype=XSD.gYear)
    award = iri("award", "t01#0")
    assert g.value(award, ANTQ.collectiveRecipients) == Literal(9, datatype=XSD.integer)
    assert g.value(award, ANTQ.individualRecipients).datatype == XSD.integer
    value = g.value(iri("stat", "t01#0"), SDMX_MEASURE.obsValue)
    assert value.datatype == XSD.decimal and int(value.toPython()) == 18902
    evidence = next(g.subjects(RDF.type, ANTQ.Evidence))
    assert g.value(evidence, ANTQ.start).datatype == XSD.integer
    # a document dated only to the month gives gYearMonth observations
    t02 = record_to_graph(second_article(), BASE)
    observed = set(t02.objects(None, ANTQ.observedOn))
    assert observed == {Literal("2023-06", datatype=XSD.gYearMonth)}


def test_references_resolve_through_the_record(g: Graph) -> None:
    khoa = iri("person", "Trần Minh Khoa")
    post = g.value(khoa, ANTQ.holds)
    # written "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh", listed as an alias of the front committee
    assert g.value(post, ORG.organization) == iri("org", FRONT)
    assert g.value(post, ORG.role) == ANTQ["title-chu-tich"]
    assert g.value(post, ANTQ.postTitle) == Literal("Chủ tịch")
    assert g.value(post, ORG.member) == khoa
    assert (iri("org", DEPT), ORG.subOrganizationOf, iri("org", "Bộ Công an")) in g
    award = iri("award", "t01#0")
    assert g.value(award, ANTQ.presentedBy) == iri("person", "Nguyễn Văn Hùng")
    assert g.value(award, ANTQ.atMeeting) == iri("meeting", MEETING_KEY)
    assert g.value(award, ANTQ.awardType) == ANTQ["award-bang-khen"]


def test_a_titled_conferrer_key_resolves_to_its_body() -> None:
    record = review_conference()
    record.awards[0].conferrer_key = "Giám đốc | " + POLICE
    g = record_to_graph(record, BASE)
    award = iri("award", "t01#0")
    assert g.value(award, ANTQ.conferredBy) == iri("org", POLICE)
    assert g.value(award, ANTQ.conferrerLabel) == Literal("Giám đốc Công an tỉnh")


def test_programme_is_implemented_by_parties_and_meeting_organisers(g: Graph) -> None:
    programme = iri("programme", PROGRAMME_KEY)
    assert set(g.objects(programme, ANTQ.party)) == {iri("org", POLICE), iri("org", FRONT)}
    assert set(g.objects(programme, ANTQ.implementedBy)) == {iri("org", POLICE), iri("org", FRONT), iri("org", DEPT)}
    assert g.value(iri("meeting", MEETING_KEY), SCHEMA.about) == programme


def test_meeting_roles_and_participations(g: Graph) -> None:
    meeting = iri("meeting", MEETING_KEY)
    chairs = {iri("person", "Nguyễn Văn Hùng"), iri("person", "Trần Minh Khoa")}
    assert set(g.objects(meeting, ANTQ.chair)) == chairs
    assert set(g.objects(meeting, SCHEMA.attendee)) == chairs | {iri("person", "Lê Quang Vinh")}
    roles = {(g.value(p, ANTQ.participant), g.value(p, ANTQ.participationRole)) for p in g.objects(meeting, ANTQ.participation)}
    assert (iri("person", "Lê Quang Vinh"), ANTQ["role-attendee"]) in roles
    assert {(c, ANTQ["role-chair"]) for c in chairs} <= roles
    assert all(g.value(p, ANTQ.inMeeting) == meeting for p in g.objects(meeting, ANTQ.participation))
    assert g.value(meeting, ANTQ.meetingKind) == ANTQ["meeting-tong-ket"]
    assert g.value(g.value(meeting, SCHEMA.location), SCHEMA.name) == Literal("Hà Tĩnh")
    assert g.value(g.value(meeting, SCHEMA.location), ANTQ.adminLevel) == Literal("tỉnh")


def test_evidence_sentence_is_reachable_from_a_chair_fact(g: Graph) -> None:
    meeting = iri("meeting", MEETING_KEY)
    chair_part = next(p for p in g.objects(meeting, ANTQ.participation)
                      if g.value(p, ANTQ.participationRole) == ANTQ["role-chair"])
    sentences = []
    for node in g.objects(chair_part, PROV.wasDerivedFrom):
        start, end = int(g.value(node, ANTQ.start)), int(g.value(node, ANTQ.end))
        s_start, s_end = int(g.value(node, ANTQ.sentenceStart)), int(g.value(node, ANTQ.sentenceEnd))
        assert str(g.value(node, ANTQ.sentence)) == TEXT[s_start:s_end]
        assert s_start <= start <= end <= s_end
        assert g.value(node, ANTQ.document) == doc_iri(BASE, "t01")
        sentences.append(TEXT[s_start:s_end])
    assert any("đồng chủ trì hội nghị" in s for s in sentences)


def test_every_entity_and_fact_names_its_document(g: Graph) -> None:
    doc = doc_iri(BASE, "t01")
    assert g.value(doc, SCHEMA.identifier) == Literal("t01")
    assert str(g.value(doc, SCHEMA.text)) == TEXT
    skip = {ANTQ.Evidence, SCHEMA.NewsArticle, SKOS.Concept}
    typed = {s for s, o in g.subject_objects(RDF.type) if o not in skip}
    typed -= set(g.subjects(RDF.type, ANTQ.Evidence)) | {doc}
    assert typed and all((s, ANTQ.mentionedIn, doc) in g for s in typed)
    facts = set(g.subjects(RDF.type, ORG.Membership)) | set(g.subjects(RDF.type, ANTQ.Award))
    assert facts and all(any(True for _ in g.objects(f, PROV.wasDerivedFrom)) for f in facts)


def test_unlisted_people_titles_and_types_are_minted() -> None:
    text = "Trung tá Phạm Văn Tú, Phó Giám đốc Thường trực Sở X dự lễ do ông Hà Văn Lực chủ trì."
    e = ev("Phạm Văn Tú", text=text, doc="t03")
    record = DocumentRecord(
        doc="t03", date="2024", text=text,
        people=[Person(name="Phạm Văn Tú", rank="Trung tá",
                       posts=[Post(title="Phó Giám đốc Thường trực", org="Sở X", evidence=[e])], evidence=[e])],
        meetings=[Meeting(label="Lễ", chairs=["Hà Văn Lực"], attendees=["Phạm Văn Tú"], evidence=[e])],
    )
    g = record_to_graph(record, BASE)
    luc = iri("person", "Hà Văn Lực")
    assert (luc, RDF.type, SCHEMA.Person) in g and (luc, PROV.wasDerivedFrom, None) in g
    post = g.value(iri("person", "Phạm Văn Tú"), ANTQ.holds)
    title = g.value(post, ORG.role)
    assert (title, SKOS.inScheme, ANTQ.PostTitleScheme) in g
    assert (title, SKOS.broader, ANTQ["title-pho-giam-doc"]) in g
    # an organisation the record does not list is scoped to the document, never merged
    assert g.value(post, ORG.organization) == iri("org", "t03/Sở X")
    assert g.value(post, ANTQ.observedOn) == Literal("2024", datatype=XSD.gYear)


def test_a_former_post_has_the_roles_title_and_is_marked_former() -> None:
    text = "Đại tá Lưu Văn Khải, nguyên Phó Giám đốc Sở Y dự lễ."
    e = ev("Lưu Văn Khải", text=text, doc="t04")
    record = DocumentRecord(
        doc="t04", date="2024", text=text,
        people=[Person(name="Lưu Văn Khải", rank="Đại tá",
                       posts=[Post(title="nguyên Phó Giám đốc", org="Sở Y", evidence=[e])], evidence=[e])],
    )
    g = record_to_graph(record, BASE)
    post = g.value(iri("person", "Lưu Văn Khải"), ANTQ.holds)
    assert g.value(post, ANTQ.formerPost) == Literal(True)
    assert g.value(post, ANTQ.postTitle) == Literal("nguyên Phó Giám đốc")
    assert g.value(post, ORG.role) == ANTQ["title-pho-giam-doc"]  # the same role as the serving official's


def test_named_recipients_link_an_award_to_a_person_and_a_body() -> None:
    text = "Ông Đàm Văn Sỹ trao Giấy khen cho Công an xã Y và anh Lý Văn Hào."
    e = ev("trao Giấy khen", text=text, doc="t05")
    record = DocumentRecord(
        doc="t05", date="2024", text=text,
        organizations=[Organization(name="Công an xã Y", key="Công an xã Y", evidence=[e])],
        people=[Person(name="Lý Văn Hào", evidence=[e])],
        awards=[Award(type="Giấy khen", recipients="Công an xã Y và anh Lý Văn Hào", presented_by=["Đàm Văn Sỹ"],
                      awarded_people=["Lý Văn Hào"], awarded_org_keys=["Công an xã Y"], evidence=[e])],
    )
    g = record_to_graph(record, BASE)
    award = iri("award", "t05#0")
    assert set(g.objects(award, ANTQ.awardedTo)) == {iri("person", "Lý Văn Hào"), iri("org", "Công an xã Y")}


def test_dataset_has_one_graph_per_document_and_the_ontology() -> None:
    ds = records_to_dataset([review_conference(), second_article()], BASE)
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert {BASE + "graph/t01", BASE + "graph/t02", BASE + "graph/ontology"} <= names


def test_ontology_labels_every_antq_term_in_vietnamese_and_english() -> None:
    onto = ontology_graph()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme)
    terms = {s for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(str(ANTQ))}
    assert len(terms) > 80
    for term in terms:
        for prop in (RDFS.label, SKOS.prefLabel):
            langs = {o.language for o in onto.objects(term, prop) if not isinstance(o, (URIRef, BNode))}
            if prop == RDFS.label or (term, RDF.type, SKOS.Concept) in onto:
                assert {"vi", "en"} <= langs, f"{term} lacks a vi/en {prop}"
        if (term, RDF.type, SKOS.Concept) not in onto:
            comments = {o.language for o in onto.objects(term, RDFS.comment)}
            assert {"vi", "en"} <= comments, f"{term} lacks a vi/en rdfs:comment"
    assert len(set(onto.subjects(SKOS.inScheme, ANTQ.RankScheme))) == 12
    assert (ANTQ.Meeting, RDFS.subClassOf, SCHEMA.Event) in onto
