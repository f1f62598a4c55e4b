"""The REST API against a real server process over HTTP: shapes, filters, paging, ETag, evidence."""

from __future__ import annotations

import httpx
import pytest

from rest_fixture import BACKENDS, CATP, GUESTS, UBND, Server, slug, write_graph
from fixtures_records import DEPT, MEETING_KEY, MINISTRY, POLICE, PROGRAMME_KEY


@pytest.fixture(scope="module", params=BACKENDS)
def api(request, tmp_path_factory):
    data = tmp_path_factory.mktemp("rest")
    write_graph(data)
    server = Server(data, backend=request.param)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client
    server.stop()


def get(api: httpx.Client, path: str, **params) -> dict:
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def test_stats_counts_every_kind(api):
    assert get(api, "/stats") == {"programmes": 1, "organizations": 7, "people": 9, "meetings": 3, "awards": 2, "documents": 3, "statistics": 2}


def test_people_pages_cover_everyone_once(api):
    first = get(api, "/people", limit=4)
    assert first["total"] == 9 and first["limit"] == 4 and first["offset"] == 0
    assert len(first["items"]) == 4
    seen, url = [], "/people?limit=4"
    while url:
        page = api.get(url).json()
        seen += [p["label"] for p in page["items"]]
        url = page["next"]
    assert len(seen) == 9 and len(set(seen)) == 9
    assert seen == sorted(seen)
    assert set(GUESTS) <= set(seen)
    assert get(api, "/people", limit=4, offset=8)["next"] is None


def test_people_filters(api):
    ranked = get(api, "/people", rank="Đại tá")
    assert [p["label"] for p in ranked["items"]] == ["Nguyễn Văn Hùng"]
    assert ranked["items"][0]["rank"] == "Đại tá"
    named = get(api, "/people", q="văn")
    assert {p["label"] for p in named["items"]} == {"Hồ Văn Phúc", "Nguyễn Văn Hùng", "Tô Văn Lâm"}
    in_dept = get(api, "/people", org=slug("org", DEPT))
    assert [p["label"] for p in in_dept["items"]] == ["Lê Quang Vinh"]
    assert get(api, "/people", q="no such name")["total"] == 0


def test_person_detail_has_posts_over_time_roles_and_awards(api):
    person = get(api, f"/people/{slug('person', 'Nguyễn Văn Hùng')}")
    assert person["rank"] == "Đại tá"
    assert [(p["title"], p["organization"]["label"], p["observed_on"]) for p in person["posts"]] == [
        ("Giám đốc", POLICE, "2023-05-24"), ("Giám đốc", POLICE, "2023-06")]
    assert [m["meeting"]["id"] for m in person["meetings_chaired"]] == [slug("meeting", MEETING_KEY)]
    assert len(person["meetings_attended"]) == 2
    assert person["meetings_spoken_at"] == []
    assert len(person["awards_presented"]) == 1 and "Bằng khen" in person["awards_presented"][0]["label"]
    assert person["evidence"] is None


def test_person_evidence_points_at_real_spans(api):
    person = get(api, f"/people/{slug('person', 'Nguyễn Văn Hùng')}", evidence="true")
    docs = {d: get(api, f"/documents/{d}")["text"] for d in ("t01", "t02")}
    assert {e["document"] for e in person["evidence"]} == {"t01", "t02"}
    for span in person["evidence"]:
        assert docs[span["document"]][span["start"]:span["end"]] == "Nguyễn Văn Hùng"
        assert "Nguyễn Văn Hùng" in span["sentence"]
    chair = person["meetings_chaired"][0]["evidence"]
    assert any("chủ trì" in e["sentence"] for e in chair)
    post = person["posts"][0]["evidence"][0]
    assert docs["t01"][post["start"]:post["end"]] == "Giám đốc Công an tỉnh"


def test_unknown_ids_are_404(api):
    for path in ("/people/nobody-000000", "/organizations/x-1", "/programmes/none", "/meetings/none", "/awards/none", "/documents/none"):
        r = api.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/json")
        error = r.json()["error"]  # the shared error shape
        assert error["status"] == 404 and error["code"] == "not_found" and error["message"]


def test_organizations_filters_and_detail(api):
    police = get(api, "/organizations", kind="police")
    assert {o["label"] for o in police["items"]} == {POLICE, CATP, "Công an quận 1", DEPT, MINISTRY}
    assert all(o["kind"] == "police" for o in police["items"])
    assert [o["label"] for o in get(api, "/organizations", province="hà tĩnh")["items"]] == [POLICE]
    # a district's bodies are found by their province, and the place names it
    in_city = get(api, "/organizations", province="hồ chí minh")["items"]
    assert {o["label"] for o in in_city} == {CATP, UBND, "Công an quận 1"}
    assert {o["place"] for o in in_city} == {"Hồ Chí Minh", "Quận 1, Hồ Chí Minh"}
    for written in ("thành phố Hồ Chí Minh", "TP.HCM"):  # the filter reads a place as the graph names it
        assert get(api, "/organizations", province=written)["total"] == len(in_city)
    subs = get(api, "/organizations", parent=slug("org", CATP))
    assert [o["label"] for o in subs["items"]] == ["Công an quận 1"]
    assert subs["items"][0]["parent"]["label"] == CATP
    assert api.get("/organizations", params={"kind": "martian"}).status_code == 422

    catp = get(api, f"/organizations/{slug('org', CATP)}")
    assert set(catp["alt_labels"]) == {"CATP", "Công an TP.HCM"}
    assert [s["label"] for s in catp["sub_organizations"]] == ["Công an quận 1"]
    assert [(p["person"]["label"], p["title"]) for p in catp["posts"]] == [("Tô Văn Lâm", "Giám đốc")]
    assert [m["date"] for m in catp["meetings_organised"]] == ["2023-08-19"]
    assert [(p["programme"]["id"], p["relation"]) for p in catp["programmes"]] == [(slug("programme", PROGRAMME_KEY), "implements")]

    ministry = get(api, f"/organizations/{slug('org', MINISTRY)}")
    assert [s["label"] for s in ministry["sub_organizations"]] == [DEPT]


def test_programmes_list_and_detail(api):
    page = get(api, "/programmes", q="09/ctr")
    assert page["total"] == 1
    item = page["items"][0]
    assert (item["number"], item["signed_on"], item["period_start"], item["period_end"]) == (PROGRAMME_KEY, "2013-08-19", "2013", "2023")
    assert get(api, "/programmes", q="478")["total"] == 0
    detail = get(api, f"/programmes/{item['id']}")
    assert {p["label"] for p in detail["parties"]} == {POLICE, "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"}
    assert CATP in {u["label"] for u in detail["implementing_units"]}
    assert [m["date"] for m in detail["meetings"]] == ["2023-05-24", "2023-08-19"]
    assert get(api, "/programmes", org=slug("org", CATP))["total"] == 1
    assert get(api, "/programmes", org=slug("org", MINISTRY))["total"] == 0


def test_meetings_filters_and_detail(api):
    assert get(api, "/meetings")["total"] == 3
    about = get(api, "/meetings", programme=slug("programme", PROGRAMME_KEY))
    assert [m["date"] for m in about["items"]] == ["2023-05-24", "2023-08-19"]
    assert [m["kind"] for m in get(api, "/meetings", kind="ngày hội")["items"]] == ["ngày hội"]
    assert get(api, "/meetings", date_from="2023-06-01")["total"] == 1
    assert get(api, "/meetings", date_from="2023-01-01", date_to="2023-06-01")["total"] == 1
    assert get(api, "/meetings", person=slug("person", "Lê Thị Mai"))["total"] == 1
    assert get(api, "/meetings", organizer=slug("org", DEPT))["total"] == 1
    assert get(api, "/meetings", place="quận")["total"] == 1
    assert [m["place"] for m in get(api, "/meetings", place="hồ chí minh")["items"]] == ["Quận 1, Hồ Chí Minh"]
    assert api.get("/meetings", params={"date_from": "yesterday"}).status_code == 422

    m = get(api, f"/meetings/{slug('meeting', MEETING_KEY)}", evidence="true")
    assert (m["date"], m["place"], m["kind"], m["programme"]["id"]) == ("2023-05-24", "Hà Tĩnh", "tổng kết", slug("programme", PROGRAMME_KEY))
    assert {c["label"] for c in m["chairs"]} == {"Nguyễn Văn Hùng", "Trần Minh Khoa"}
    assert {a["label"] for a in m["attendees"]} == {"Nguyễn Văn Hùng", "Trần Minh Khoa", "Lê Quang Vinh"}
    assert {o["label"] for o in m["organisers"]} == {POLICE, "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh", DEPT}
    assert len(m["awards"]) == 1
    assert all(c["evidence"] for c in m["chairs"]) and m["evidence"]


def test_awards_and_statistics(api):
    awards = get(api, "/awards", type="bằng khen")
    assert awards["total"] == 1
    award = awards["items"][0]
    assert (award["collectives"], award["individuals"], award["recipients"]) == (9, 15, "9 tập thể và 15 cá nhân")
    assert [p["label"] for p in award["presented_by"]] == ["Nguyễn Văn Hùng"]
    assert award["meeting"]["id"] == slug("meeting", MEETING_KEY)
    assert get(api, f"/awards/{award['id']}")["id"] == award["id"]
    assert get(api, "/awards", type="huân chương")["total"] == 0
    assert get(api, "/awards", presenter=slug("person", "Nguyễn Văn Hùng"))["total"] == 1
    assert award["awarded_to"] == []  # counted recipients name no one


def test_a_former_post_is_flagged_and_a_current_one_is_not(api):
    former = get(api, f"/people/{slug('person', GUESTS[-1])}")["posts"]
    assert [(p["title"], p["organization"]["label"], p["former"]) for p in former] == [("nguyên Phó Chủ tịch", UBND, True)]
    assert [p["former"] for p in get(api, f"/people/{slug('person', 'Lê Thị Mai')}")["posts"]] == [False]
    held = {p["person"]["label"]: p["former"] for p in get(api, f"/organizations/{slug('org', UBND)}")["posts"]}
    assert held == {GUESTS[-1]: True, "Lê Thị Mai": False}


def test_named_recipients_of_an_award_link_to_the_person_and_the_body(api):
    (award,) = get(api, "/awards", recipient=slug("person", "Hồ Văn Phúc"))["items"]
    assert {r["label"] for r in award["awarded_to"]} == {"Hồ Văn Phúc", "Công an quận 1"}
    assert get(api, "/awards", recipient=slug("org", "Công an quận 1"))["items"] == [award]
    assert get(api, "/awards", recipient=slug("person", "Vũ Đức Anh"))["total"] == 0
    person = get(api, f"/people/{slug('person', 'Hồ Văn Phúc')}")
    assert [a["id"] for a in person["awards_received"]] == [award["id"]] and person["awards_presented"] == []
    body = get(api, f"/organizations/{slug('org', 'Công an quận 1')}", evidence="true")
    assert [a["id"] for a in body["awards_received"]] == [award["id"]]
    assert "Giấy khen cho Công an quận 1" in body["awards_received"][0]["evidence"][0]["sentence"]

    assert get(api, "/statistics")["total"] == 2
    hcm = get(api, "/statistics", place="hồ chí minh", period="2023")
    assert [(s["value"], s["unit"], s["qualifier"], s["documents"]) for s in hcm["items"]] == [(1200, "mô hình tự quản", "exact", ["t03"])]
    sources = get(api, "/statistics", unit="nguồn tin", evidence="true")["items"]
    assert sources[0]["value"] == 18902 and sources[0]["qualifier"] == "over"
    assert "18.902" in sources[0]["evidence"][0]["sentence"]


def test_document_lists_its_facts_with_spans(api):
    doc = get(api, "/documents/t03")
    assert doc["title"] == "Ngày hội toàn dân bảo vệ ANTQ" and doc["date"] == "2023-08-19"
    kinds = {f["kind"] for f in doc["facts"]}
    assert {"person", "org", "meeting", "stat", "post"} <= kinds
    for fact in doc["facts"]:
        for span in fact["evidence"]:
            assert span["document"] == "t03"
            assert doc["text"][span["start"]:span["end"]] in span["sentence"]


def test_etag_and_304(api):
    r = api.get("/people", params={"limit": 2})
    tag = r.headers["etag"]
    again = api.get("/people", params={"limit": 2}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    other = api.get("/people", params={"limit": 3}, headers={"If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    assert api.get("/stats", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_validate_serves_a_report(api):
    report = get(api, "/validate")
    assert isinstance(report["conforms"], bool)
    assert isinstance(report["results"], list)


def test_openapi_documents_models_and_examples(api):
    spec = get(api, "/openapi.json")
    for path in ("/people", "/people/{id}", "/organizations/{id}", "/programmes/{id}", "/meetings/{id}", "/awards", "/statistics",
                 "/documents/{id}", "/stats", "/search", "/network", "/validate"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    assert "examples" in schemas["PersonItem"] and "examples" in schemas["Ref"]


def test_a_page_cut_before_its_details_equals_one_cut_after(api):
    """Unfiltered lists cut the page on the sort key first and look up the rest for its rows
    only; a filter that keeps everyone takes the other path, and both must agree."""
    for path in ("/people", "/organizations"):
        total = get(api, path, limit=1)["total"]
        assert total >= 6, path
        for limit, offset in ((total // 2, 0), (2, total // 3), (3, total - 2)):  # head, middle, a short tail
            plain = get(api, path, limit=limit, offset=offset)
            filtered = get(api, path, q=" ", limit=limit, offset=offset)  # every label has a space
            assert plain["total"] == filtered["total"]
            assert plain["items"] == filtered["items"], path
    assert {p["label"]: p["rank"] for p in get(api, "/people")["items"]}["Nguyễn Văn Hùng"] == "Đại tá"
