"""/network over HTTP: JSON shape, filters, depth, and GraphML/GEXF that networkx reads back."""

from __future__ import annotations

import io

import httpx
import networkx as nx
import pytest

from rest_fixture import BACKENDS, CA_Q1, CATP, GUESTS, UBND, Server, iri, slug, write_graph
from fixtures_records import DEPT, MINISTRY, POLICE, PROGRAMME_KEY

FRONT = "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    data = tmp_path_factory.mktemp("network")
    write_graph(data)
    server = Server(data, backend=request.param)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def net(api: httpx.Client, **params) -> dict:
    r = api.get("/network", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def labels(body: dict, type_: str | None = None) -> set[str]:
    return {n["label"] for n in body["nodes"] if type_ is None or n["type"] == type_}


def edges(body: dict) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["type"]) for e in body["edges"]}


def test_whole_network_shape(api):
    body = net(api)
    assert labels(body, "org") == {POLICE, FRONT, DEPT, MINISTRY, CATP, UBND, CA_Q1}
    assert "Tô Văn Lâm" in labels(body, "person") and not labels(body, "programme")
    node = next(n for n in body["nodes"] if n["label"] == POLICE)
    assert node == {"id": iri("org", POLICE), "slug": slug("org", POLICE), "label": POLICE, "type": "org", "kind": "police", "province": "Hà Tĩnh"}
    assert next(n for n in body["nodes"] if n["label"] == UBND)["kind"] == "government"
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    got = edges(body)
    assert (iri("org", DEPT), iri("org", MINISTRY), "subOrganizationOf") in got
    assert (iri("person", "Tô Văn Lâm"), iri("org", CATP), "holdsPostIn") in got
    # a post written "nguyên …" is a post held before, an edge of its own kind
    assert (iri("person", GUESTS[-1]), iri("org", UBND), "heldPostIn") in got
    assert (iri("person", GUESTS[-1]), iri("org", UBND), "holdsPostIn") not in got
    assert (iri("person", "Tô Văn Lâm"), iri("org", CATP), "chaired") in got
    assert (iri("person", "Lê Thị Mai"), iri("org", CATP), "attended") in got
    # a chair is not repeated as an attendee of the same meeting
    assert (iri("person", "Tô Văn Lâm"), iri("org", CATP), "attended") not in got
    dated = next(e for e in body["edges"] if e["type"] == "chaired" and e["target"] == iri("org", CATP))
    assert dated["date"] == "2023-08-19"
    person = next(n for n in body["nodes"] if n["label"] == "Lê Thị Mai")
    assert person["province"] == "Hồ Chí Minh"


def test_programme_filter_adds_programme_and_its_edges(api):
    programme = iri("programme", PROGRAMME_KEY)
    body = net(api, programme=slug("programme", PROGRAMME_KEY), depth=1)
    assert labels(body, "programme") and {n["id"] for n in body["nodes"] if n["type"] == "programme"} == {programme}
    assert labels(body, "org") == {POLICE, FRONT, DEPT, CATP}
    assert labels(body, "person") == set()
    got = edges(body)
    assert (iri("org", POLICE), programme, "partyTo") in got
    assert (iri("org", CATP), programme, "organized") in got
    assert (iri("org", POLICE), programme, "implements") not in got  # a party is not repeated as implementer
    deeper = net(api, programme=slug("programme", PROGRAMME_KEY), depth=2)
    assert {"Tô Văn Lâm", "Nguyễn Văn Hùng", *GUESTS} <= labels(deeper, "person")
    assert MINISTRY in labels(deeper, "org")
    assert api.get("/network", params={"programme": "no-such-programme"}).status_code == 404


def test_province_filter_is_diacritic_insensitive(api):
    body = net(api, province="ho chi minh")
    # "quận 1" of an article about the city is the city's district
    assert labels(body, "org") == {CATP, UBND, CA_Q1}
    # officials serving there, and people linked to its bodies by a meeting they organised
    assert labels(body, "person") == {"Tô Văn Lâm", "Lê Thị Mai", "Đỗ Minh Tú", *GUESTS}
    assert net(api, province="Hà Tĩnh")["nodes"] == net(api, province="ha tinh")["nodes"] == net(api, province="tỉnh Hà Tĩnh")["nodes"]


def test_type_and_start_filters(api):
    people = net(api, type="person")
    assert {n["type"] for n in people["nodes"]} == {"person"} and people["edges"] == []
    near = net(api, start=slug("org", CA_Q1), depth=1)
    assert labels(near) == {CA_Q1, CATP, "Đỗ Minh Tú"}
    assert api.get("/network", params={"start": "nobody"}).status_code == 404
    assert api.get("/network", params={"depth": -1}).status_code == 422


@pytest.mark.parametrize("fmt,media,reader", [("graphml", "application/graphml+xml", nx.read_graphml), ("gexf", "application/gexf+xml", nx.read_gexf)])
def test_files_parse_back_with_networkx(api, fmt, media, reader):
    body = net(api)
    r = api.get("/network", params={"format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert r.headers["content-disposition"] == f'attachment; filename="antq-network.{fmt}"'
    g = reader(io.BytesIO(r.content))
    assert g.number_of_nodes() == len(body["nodes"])
    assert g.number_of_edges() == len(body["edges"])
    police = iri("org", POLICE)
    assert g.nodes[police]["label"] == POLICE and g.nodes[police]["kind"] == "police"
    types = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"subOrganizationOf", "holdsPostIn", "chaired", "attended"} <= types
