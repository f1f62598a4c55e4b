"""The SHACL gate: clean records conform; planted faults are reported with their source document."""

from __future__ import annotations

import json

import pytest
from antq.graph.iris import ANTQ, ORG, SCHEMA, entity_iri, graph_iri
from antq.graph.rdf import record_to_graph, records_to_dataset
from antq.graph.validate import GraphInvalid, ValidationReport, shapes_graph, validate
from fixtures_records import BASE, MEETING_KEY, review_conference, second_article
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SH


def dataset(*records) -> Dataset:
    return records_to_dataset(records or (review_conference(), second_article()), BASE)


def test_clean_records_conform() -> None:
    report = validate(dataset())
    assert report.conforms, report.text()
    assert report.violations == []
    assert report.triples > 1000


def test_every_class_in_the_graph_has_a_node_shape() -> None:
    shapes = shapes_graph()
    targets = set(shapes.objects(None, SH.targetClass))
    used = set(dataset().objects(None, RDF.type))
    assert used - targets <= {
        # supertypes asserted alongside a shaped class
        URIRef("http://www.w3.org/ns/prov#Entity"), URIRef("http://www.w3.org/ns/prov#Plan"),
        SCHEMA.CreativeWork, SCHEMA.Event, ANTQ.Official, ORG.Role,
        # ontology declarations
        *(URIRef("http://www.w3.org/2002/07/owl#" + n) for n in
          ("Ontology", "Class", "ObjectProperty", "DatatypeProperty", "FunctionalProperty")),
        URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme"),
        URIRef("http://purl.org/linked-data/cube#DataSet"),
        URIRef("http://purl.org/linked-data/cube#DataStructureDefinition"),
    }
    for cls in (SCHEMA.NewsArticle, ANTQ.Evidence, SCHEMA.Person, ORG.Organization, ORG.Membership,
                ANTQ.CoordinationProgramme, ANTQ.Meeting, ANTQ.Participation, ANTQ.Award, ANTQ.Figure,
                SCHEMA.Place, URIRef("http://www.w3.org/2004/02/skos/core#Concept")):
        assert cls in targets
    assert "\\p{" not in shapes.serialize(format="turtle")


def test_meeting_with_a_non_date_start_date_is_reported() -> None:
    record = review_conference()
    record.meetings[0].date = "24/5"
    report = validate(dataset(record, second_article()))
    assert not report.conforms
    [bad] = report.violations
    assert bad.focus == entity_iri(BASE, "meeting", MEETING_KEY)
    assert bad.path == "schema:startDate"
    assert bad.value == '"24/5"'
    assert "xsd:date" in bad.message
    assert bad.severity == "Violation"
    assert bad.source == "t01" and bad.graphs == (graph_iri(BASE, "t01"),)


def test_ill_typed_date_is_reported() -> None:
    record = review_conference()
    record.programmes[0].signed = "2013-02-30"
    report = validate(dataset(record))
    assert [(v.path, v.source) for v in report.violations] == [("antq:signedOn", "t01")]


def test_membership_without_member_is_traced_to_its_named_graph() -> None:
    ds = dataset()
    t02 = ds.graph(URIRef(graph_iri(BASE, "t02")))
    [(post, person)] = list(t02.subject_objects(ORG.member))
    t02.remove((post, ORG.member, person))
    report = validate(ds)
    assert not report.conforms
    [bad] = report.violations
    assert (bad.focus, bad.path, bad.source) == (str(post), "org:member", "t02")
    assert "org:member" in bad.message
    assert bad.graphs == (graph_iri(BASE, "t02"),)


def test_bad_offsets_and_unknown_qualifier_are_violations() -> None:
    record = review_conference()
    e = record.statistics[0].evidence[0]
    record.statistics[0].evidence = [type(e)(**{**e.__dict__, "start": e.end + 5})]  # start after end
    record.statistics[0].qualifier = "roughly"
    report = validate(dataset(record))
    paths = sorted(v.path for v in report.violations)
    assert "antq:qualifier" in paths
    assert "antq:start" in paths
    assert {v.source for v in report.violations} == {"t01"}


def test_a_fact_without_evidence_is_a_violation_but_an_entity_without_is_a_warning() -> None:
    record = review_conference()
    record.awards[0].evidence = []
    record.people[2].evidence = []
    report = validate(dataset(record))
    assert [(v.path, v.focus.split("/")[-2]) for v in report.violations] == [("prov:wasDerivedFrom", "award")]
    assert any(w.path == "prov:wasDerivedFrom" and "/person/" in w.focus for w in report.warnings)


def test_warnings_do_not_break_conformance() -> None:
    record = second_article()
    record.people[0].posts[0].org = None
    record.people[0].posts[0].org_key = None
    report = validate(record_to_graph(record, BASE))
    assert report.conforms
    assert [w.path for w in report.warnings] == ["org:organization"]
    assert report.warnings[0].severity == "Warning" and report.warnings[0].source == "t02"


def test_report_text_json_and_exception() -> None:
    g = record_to_graph(review_conference(), BASE)
    meeting = URIRef(entity_iri(BASE, "meeting", MEETING_KEY))
    g.set((meeting, SCHEMA.startDate, Literal("sáng nay")))
    report = validate(g)
    assert isinstance(report, ValidationReport) and not report.conforms
    text = report.text()
    assert "DOES NOT CONFORM" in text and str(meeting) in text and "[t01]" in text
    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert data["conforms"] is False and data["violations"] == 1
    assert data["results"][0]["sources"] == ["t01"] and data["results"][0]["path"] == "schema:startDate"
    error = GraphInvalid(report)
    assert error.report is report
    assert "t01" in str(error) and "schema:startDate" in str(error)
    with pytest.raises(GraphInvalid):
        raise error


def test_a_wrong_class_on_an_object_is_reported() -> None:
    g = record_to_graph(review_conference(), BASE)
    meeting = URIRef(entity_iri(BASE, "meeting", MEETING_KEY))
    g.add((meeting, ANTQ.chair, URIRef(entity_iri(BASE, "org", "Bộ Công an"))))
    size = len(g)
    report = validate(g)
    assert len(g) == size  # the gate never writes into the caller's graph (no ontology mixed in)
    bad = "<" + entity_iri(BASE, "org", "Bộ Công an") + ">"
    assert [(v.path, v.value, v.component) for v in report.violations] == [
        ("antq:chair", bad, "sh:ClassConstraintComponent")]

