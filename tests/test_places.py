"""Place identity: aliases merge, same-named units of different provinces stay apart, and
every lower unit is linked to its province."""

from __future__ import annotations

import pytest
from antq.graph.iris import SCHEMA
from antq.graph.places import province_name, resolve_place
from antq.graph.rdf import records_to_dataset
from antq.graph.record import DocumentRecord, Evidence, Organization
from antq.graph.validate import validate
from rdflib import Literal


@pytest.mark.parametrize("written", ["TPHCM", "TP.HCM", "thành phố Hồ Chí Minh", "Hồ Chí Minh", "TP Hồ Chí Minh"])
def test_city_aliases_are_one_province(written: str) -> None:
    place = resolve_place(written)
    assert (place.name, place.level, place.province, place.is_province) == ("Hồ Chí Minh", "thành phố", None, True)


def test_a_provincial_capital_is_not_its_province() -> None:
    assert resolve_place("tỉnh Hà Tĩnh").key == "Hà Tĩnh"
    capital = resolve_place("thành phố Hà Tĩnh")
    assert (capital.name, capital.province, capital.is_province) == ("Thành phố Hà Tĩnh", "Hà Tĩnh", False)


def test_districts_take_their_province_and_level_from_the_gazetteer() -> None:
    for written in ("TP. Vũng Tàu", "thành phố TP. Vũng Tàu", "Vũng Tàu"):
        assert resolve_place(written).key == "Thành phố Vũng Tàu, Bà Rịa - Vũng Tàu"
    assert resolve_place("Hương Khê", context_province=None).key == "Huyện Hương Khê, Hà Tĩnh"


def test_numbered_units_are_told_apart_by_the_articles_province() -> None:
    in_city = resolve_place("quận 1", "Hồ Chí Minh")
    elsewhere = resolve_place("phường 1", "Bà Rịa - Vũng Tàu")
    assert in_city.key == "Quận 1, Hồ Chí Minh" and elsewhere.key == "Phường 1, Bà Rịa - Vũng Tàu"
    assert resolve_place("quận 1").province is None  # no article province: no guess


def test_villages_are_read_in_the_articles_province_and_capitals_start_names() -> None:
    assert resolve_place("thôn Trung Sơn", "Hà Tĩnh").key == "Thôn Trung Sơn, Hà Tĩnh"
    assert resolve_place("ấp 3", "Cà Mau").name == "Ấp 3"
    assert resolve_place("Bản Phùng").level == "xã"  # a commune's proper name, not "bản" + "Phùng"


def test_the_articles_date_chooses_the_map() -> None:
    # a commune of a province merged in 2025 lies in the merged province in news since the reform
    before = resolve_place("xã Lũng Cú", "Hà Giang", "2024-08-12")
    after = resolve_place("xã Lũng Cú", "Tuyên Quang", "2025-08-12")
    assert (before.province, after.province) == ("Hà Giang", "Tuyên Quang") and before.key != after.key
    # a ward that exists only on the new map
    assert resolve_place("phường Chiềng An", None, "2026-01-09").key == "Phường Chiềng An, Sơn La"
    # districts are gone from the new map, but news may still name a former one
    assert resolve_place("huyện Bình Liêu", None, "2025-09-01").key == "Huyện Bình Liêu, Quảng Ninh"


def test_province_name_normalises_only_provinces() -> None:
    assert province_name("Thành phố Hồ Chí Minh") == "Hồ Chí Minh"
    assert province_name("tỉnh Hà Tĩnh") == "Hà Tĩnh"
    assert province_name("quận 1") is None and province_name(None) is None


def _article(doc: str, province: str | None, org: str, area: str) -> DocumentRecord:
    text = f"{org} tổ chức hội nghị."
    evidence = Evidence(doc=doc, sentence=text, start=0, end=len(org), sentence_start=0, sentence_end=len(text))
    return DocumentRecord(doc=doc, title=text, date="2024-05-01", province=province, text=text,
                          organizations=[Organization(name=org, key=org, kind="police", place=area, evidence=[evidence])])


def test_graph_links_units_to_provinces_and_keeps_same_numbers_apart() -> None:
    ds = records_to_dataset([_article("p1", "Thành phố Hồ Chí Minh", "Công an quận 1", "quận 1"),
                             _article("p2", "tỉnh Bà Rịa - Vũng Tàu", "Công an phường 1", "phường 1"),
                             _article("p3", "Hồ Chí Minh", "Công an Thành phố Hồ Chí Minh", "TPHCM"),
                             _article("p4", None, "Công an huyện Hương Khê", "huyện Hương Khê")],
                            "http://example.org/")
    areas = {str(ds.value(o, SCHEMA.name)): o for o in ds.subjects(SCHEMA.containedInPlace, None)}
    assert set(areas) == {"Quận 1", "Phường 1", "Huyện Hương Khê"}
    provinces = {str(ds.value(ds.value(area, SCHEMA.containedInPlace), SCHEMA.name)) for area in areas.values()}
    assert provinces == {"Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Hà Tĩnh"}
    city = ds.value(areas["Quận 1"], SCHEMA.containedInPlace)
    # the city the third article names by its short form is the same node
    assert set(ds.subjects(SCHEMA.name, Literal("Hồ Chí Minh"))) == {city}
    # a province only implied (the gazetteer's, for a district no article places) still has its provenance
    report = validate(ds)
    assert report.conforms, report.violations


def test_a_wards_district_comes_from_the_body_its_police_answer_to() -> None:
    def ward_police(doc: str, district: str) -> DocumentRecord:
        rec = _article(doc, "Hồ Chí Minh", f"Công an quận {district}", f"quận {district}")
        ward = Organization(name="Công an phường 7", key=f"Công an phường 7 (quận {district})", kind="police",
                            place="phường 7", parent=f"Công an quận {district}", parent_key=f"Công an quận {district}",
                            evidence=rec.organizations[0].evidence)
        rec.organizations.append(ward)
        return rec

    ds = records_to_dataset([ward_police("w1", "3"), ward_police("w2", "5")], "http://example.org/")
    wards = [w for w in ds.subjects(SCHEMA.name, Literal("Phường 7"))]
    assert len(set(wards)) == 2  # one "Phường 7" per district
    holders = {frozenset(str(ds.value(p, SCHEMA.name)) for p in ds.objects(w, SCHEMA.containedInPlace)) for w in set(wards)}
    assert holders == {frozenset({"Quận 3", "Hồ Chí Minh"}), frozenset({"Quận 5", "Hồ Chí Minh"})}
    assert validate(ds).conforms


def test_a_lower_unit_of_unknown_province_is_not_merged_across_articles() -> None:
    ds = records_to_dataset([_article("u1", None, "Công an phường 7", "phường 7"),
                             _article("u2", None, "Công an phường 7", "phường 7")], "http://example.org/")
    assert len(set(ds.subjects(SCHEMA.name, Literal("Phường 7")))) == 2
    assert validate(ds).conforms


@pytest.mark.parametrize(("written", "context", "key"), [
    ("xã Phú Lộc", "Hà Tĩnh", "Xã Phú Lộc, Hà Tĩnh"),  # a commune, not the district of the same name
    ("thành phố Đồng Hới", None, "Thành phố Đồng Hới, Quảng Bình"),  # the source writes "Thành Phố"
    ("TP.Vinh", None, "Thành phố Vinh, Nghệ An"),
    ("Ấp 3", "Cà Mau", "Ấp 3, Cà Mau"),
    ("Thủ đô Hà Nội", None, "Hà Nội"),
])
def test_spellings_of_the_genre(written: str, context: str | None, key: str) -> None:
    assert resolve_place(written, context).key == key
