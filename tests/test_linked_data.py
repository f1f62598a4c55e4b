"""Entity IRIs resolve over HTTP: RDF by Accept, HTML for browsers, Link to source documents."""

from __future__ import annotations

import json

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from antq.api.linked_data import choose
from antq.graph.iris import SCHEMA
from fixtures_records import BASE, POLICE
from rest_fixture import BACKENDS, CATP, Server, iri, write_graph

PERSON = "Tô Văn Lâm"


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    data = tmp_path_factory.mktemp("ld")
    write_graph(data)
    server = Server(data, backend=request.param)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def path_of(entity_iri: str) -> str:
    return "/" + entity_iri.removeprefix(BASE)


@pytest.mark.parametrize("accept,media,fmt", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_rdf_by_accept_parses_and_describes_the_entity(api, accept, media, fmt):
    person = URIRef(iri("person", PERSON))
    r = api.get(path_of(person), headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    g = Graph().parse(data=r.content, format=fmt)
    assert (person, RDF.type, SCHEMA.Person) in g
    assert (person, SCHEMA.name, Literal(PERSON)) in g
    # triples pointing at the entity come along, with the labels of the neighbours
    meetings = set(g.subjects(SCHEMA.attendee, person))
    assert len(meetings) == 1
    assert g.value(meetings.pop(), RDFS.label) is not None
    post = g.value(person, URIRef("https://w3id.org/antq-kg/ontology#holds"))
    assert post is not None
    assert r.headers["link"] == '</documents/t03>; rel="describedby"'
    assert r.headers["vary"] == "Accept"


def test_browser_gets_html_with_link_header(api):
    org = iri("org", CATP)
    r = api.get(path_of(org), headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert CATP in r.text
    assert r.headers["link"] == '</documents/t03>; rel="describedby"'


def test_entity_from_two_documents_links_both(api):
    r = api.get(path_of(iri("org", POLICE)), headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    links = r.headers["link"].split(", ")
    assert links == ['</documents/t01>; rel="describedby"', '</documents/t02>; rel="describedby"']
    for link in links:
        assert api.get(link[1:link.index(">")]).status_code == 200


def test_default_and_format_override(api):
    path = path_of(iri("person", PERSON))
    assert api.get(path, headers={"Accept": "*/*"}).headers["content-type"].startswith("text/turtle")
    r = api.get(path, params={"format": "jsonld"}, headers={"Accept": "text/html"})
    assert r.headers["content-type"].startswith("application/ld+json")
    assert isinstance(json.loads(r.content), (list, dict))


def test_participation_and_evidence_nodes_resolve(api):
    r = api.get(path_of(iri("person", PERSON)), headers={"Accept": "text/turtle"})
    g = Graph().parse(data=r.content, format="turtle")
    parts = [s for s in g.subjects(URIRef("https://w3id.org/antq-kg/ontology#participant"), URIRef(iri("person", PERSON)))]
    assert parts
    for part in parts:
        assert api.get(path_of(str(part)), headers={"Accept": "text/turtle"}).status_code == 200


def test_unknown_iri_is_json_404(api):
    for path in ("/id/person/nobody-000000", "/id/person/x%3E%20%7D", "/id/org/..%2F..%2Fetc"):
        r = api.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["error"]["status"] == 404


def test_choose_honours_q_values():
    assert choose("text/html") == "text/html"
    assert choose("text/turtle;q=0.5, application/ld+json") == "application/ld+json"
    assert choose("*/*") == "text/turtle"
    assert choose("application/*") == "application/ld+json"
    assert choose("text/html;q=0, text/*") == "text/turtle"


def test_the_page_of_a_body_lists_the_awards_it_received(api):
    r = api.get(path_of(iri("org", "Công an quận 1")), headers={"Accept": "text/html"})
    assert r.status_code == 200
    assert 'id="sec-awards_received"' in r.text and "Giấy khen" in r.text
