"""After a SPARQL update through a writable server, the REST views follow: new ETags, and the
search index and the network (both built once per graph version) show the new data."""

from __future__ import annotations

import httpx
import pytest

from fixtures_records import BASE
from rest_fixture import BACKENDS, Server, write_graph

TOKEN = "rest-write-token"
NEW_ORG = f"{BASE}id/org/cong-an-xa-thu-nghiem"
NEW_PERSON = f"{BASE}id/person/phan-van-thu"
UPDATE = f"""PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX antq: <https://w3id.org/antq-kg/ontology#>
INSERT DATA {{ GRAPH <{BASE}graph/extra> {{
  <{NEW_ORG}> a org:Organization ; skos:prefLabel "Công an xã Thử Nghiệm"@vi ; antq:bodyKind antq:kind-police .
  <{NEW_PERSON}> a schema:Person ; schema:name "Phan Văn Thử" ; antq:holds <{NEW_PERSON}-post> .
  <{NEW_PERSON}-post> a org:Membership ; org:member <{NEW_PERSON}> ; org:organization <{NEW_ORG}> .
}} }}"""


@pytest.fixture(params=BACKENDS)
def api(request, tmp_path):
    write_graph(tmp_path)
    server = Server(tmp_path, backend=request.param, writable="true", update_token=TOKEN)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def test_views_follow_an_update(api):
    before = api.get("/people", params={"limit": 50})
    tag = before.headers["etag"]
    network = api.get("/network").json()
    assert NEW_ORG not in {n["id"] for n in network["nodes"]}
    assert not [h for h in api.get("/search", params={"q": "cong an xa thu nghiem"}).json()["results"] if h["iri"] == NEW_ORG]

    r = api.post("/sparql", data={"update": UPDATE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (200, 204), r.text

    after = api.get("/people", params={"limit": 50}, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag
    assert "Phan Văn Thử" in {p["label"] for p in after.json()["items"]}
    network = api.get("/network").json()
    assert NEW_ORG in {n["id"] for n in network["nodes"]}
    assert (NEW_PERSON, NEW_ORG, "holdsPostIn") in {(e["source"], e["target"], e["type"]) for e in network["edges"]}
    hits = api.get("/search", params={"q": "cong an xa thu nghiem"}).json()["results"]
    assert hits and hits[0]["iri"] == NEW_ORG
