"""/search over HTTP: names found without tone marks, through abbreviations and long forms."""

from __future__ import annotations

import httpx
import pytest

from antq.api.search import expand, fold
from rest_fixture import BACKENDS, CATP, UBND, Server, slug, write_graph
from fixtures_records import POLICE, PROGRAMME_KEY


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    data = tmp_path_factory.mktemp("search")
    write_graph(data)
    server = Server(data, backend=request.param)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def top(api: httpx.Client, q: str, **params) -> dict:
    r = api.get("/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["query"] == q
    assert body["results"], f"nothing found for {q!r}"
    return body["results"][0]


def test_folding_and_expansion():
    assert fold("Công an TP.HCM") == "cong an tp hcm"
    assert fold("Đặng Quốc Bảo") == "dang quoc bao"
    assert expand(fold("UBND TPHCM")) == "uy ban nhan dan thanh pho ho chi minh"
    assert expand("catp") == "cong an thanh pho"


@pytest.mark.parametrize("query", ["to van lam", "Tô Văn Lâm", "TO VAN LAM", "to lam"])
def test_person_without_tone_marks(api, query):
    hit = top(api, query)
    assert (hit["label"], hit["type"], hit["id"]) == ("Tô Văn Lâm", "person", slug("person", "Tô Văn Lâm"))
    assert hit["iri"].endswith("/id/person/" + hit["id"])


@pytest.mark.parametrize("query", ["CATP", "catp", "cong an tp hcm", "Công an TP.HCM", "CA TPHCM", "cong an thanh pho ho chi minh"])
def test_city_police_by_any_form(api, query):
    hit = top(api, query)
    assert (hit["label"], hit["type"]) == (CATP, "org")
    assert hit["score"] >= 90


def test_abbreviated_bodies(api):
    assert top(api, "ubnd tp hcm")["label"] == UBND
    assert top(api, "mttq ha tinh")["label"] == "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"
    assert top(api, "ca tinh ha tinh")["label"] == POLICE


def test_programme_by_number(api):
    hit = top(api, "09/ctr-bca-mttw")
    assert hit["type"] == "programme" and hit["id"] == slug("programme", PROGRAMME_KEY)


def test_type_filter_and_limit(api):
    body = api.get("/search", params={"q": "09/CTr-BCA-MTTW", "type": "meeting"}).json()
    assert body["results"] and all(r["type"] == "meeting" for r in body["results"])
    body = api.get("/search", params={"q": "van", "limit": 2}).json()
    assert len(body["results"]) <= 2
    assert api.get("/search", params={"q": "x", "type": "planet"}).status_code == 422
    assert api.get("/search", params={"q": ""}).status_code == 422


def test_ranking_puts_exact_before_partial(api):
    results = api.get("/search", params={"q": "cong an", "type": "org", "limit": 10}).json()["results"]
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert all("Công an" in r["label"] for r in results[:3])


def test_nonsense_finds_nothing(api):
    assert api.get("/search", params={"q": "zzqx wvvk"}).json()["results"] == []
