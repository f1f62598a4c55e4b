"""Hostile values in search, filters and ids: never a 500, never extra rows, graph unchanged."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from rest_fixture import Server, write_graph

PAYLOADS = [
    '" } ; DROP ALL ; #',
    "> } UNION { ?s ?p ?o",
    "'",
    "}",
    '"""',
    "\\",
    '") || true || ("',
    "x\" . } SELECT * WHERE { ?s ?p ?o } #",
    "%00",
    "Công an\n} LIMIT 1",
]
LIST_FILTERS = [
    ("/people", "q"), ("/people", "rank"), ("/organizations", "q"), ("/organizations", "province"),
    ("/programmes", "q"), ("/meetings", "q"), ("/meetings", "place"), ("/meetings", "kind"),
    ("/awards", "type"), ("/statistics", "unit"), ("/statistics", "place"), ("/statistics", "period"),
]
ID_FILTERS = [
    ("/people", "org"), ("/programmes", "org"), ("/meetings", "programme"), ("/meetings", "organizer"),
    ("/meetings", "person"), ("/awards", "meeting"), ("/awards", "presenter"), ("/organizations", "parent"),
]
DETAIL = ["/people/{}", "/organizations/{}", "/programmes/{}", "/meetings/{}", "/awards/{}", "/documents/{}", "/id/person/{}"]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    data = tmp_path_factory.mktemp("inject")
    write_graph(data)
    server = Server(data)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def snapshot(api: httpx.Client) -> tuple:
    return (api.get("/stats").json(), api.get("/network").json(), api.get("/people", params={"limit": 500}).json())


@pytest.fixture(scope="module")
def before(api):
    return snapshot(api)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_filters_match_nothing(api, before, payload):
    for path, name in LIST_FILTERS:
        r = api.get(path, params={name: payload})
        assert r.status_code == 200, (path, name, r.status_code, r.text[:200])
        assert r.json()["total"] == 0 and r.json()["items"] == [], (path, name)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_id_filters_are_not_found_or_empty(api, payload):
    for path, name in ID_FILTERS:
        r = api.get(path, params={name: payload})
        assert r.status_code in (200, 404), (path, name, r.status_code)
        if r.status_code == 200:
            assert r.json()["total"] == 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_detail_ids_are_404(api, payload):
    for template in DETAIL:
        r = api.get(template.format(quote(payload, safe="")), headers={"Accept": "text/turtle"})
        assert r.status_code == 404, (template, payload, r.status_code)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_and_network_survive(api, payload):
    r = api.get("/search", params={"q": payload})
    assert r.status_code == 200
    assert all(hit["score"] <= 100 for hit in r.json()["results"])
    for params in ({"province": payload}, {"programme": payload}, {"start": payload}):
        r = api.get("/network", params=params)
        assert r.status_code in (200, 404), (params, r.status_code)
        if r.status_code == 200 and "province" in params:
            assert r.json()["nodes"] == []


def test_graph_unchanged(api, before):
    assert snapshot(api) == before
