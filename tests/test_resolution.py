"""Entity resolution across documents: one body, person or programme is one key (one IRI)."""

from __future__ import annotations

from antq.graph.build import extract_all
from antq.graph.corpus import Document
from antq.graph.iris import entity_iri


def _records(*texts: str):
    return extract_all([Document(id=f"d{i}", text=t, date="2024-05-10") for i, t in enumerate(texts)])


def test_same_department_with_different_case_and_city_police_abbreviation():
    a, b = _records(
        "Dự có Đại tá Lê Văn Kiên, Phó Cục trưởng Cục xây dựng phong trào bảo vệ an ninh Tổ quốc, Bộ Công an; "
        "Thiếu tướng Mai Hoàng, Giám đốc Công an TPHCM.",
        "Dự có Đại tá Lê Văn Kiên, Phó Cục trưởng Cục Xây dựng phong trào bảo vệ An ninh Tổ quốc, Bộ Công an. "
        "Về phía CATP có Thiếu tướng Mai Hoàng, Giám đốc CATP, đơn vị bảo đảm an ninh trên địa bàn TPHCM.",
    )
    cuc = lambda r: next(o.key for o in r.organizations if o.name.startswith("Cục"))  # noqa: E731
    assert cuc(a) == cuc(b)
    post = lambda r, n: next(p for p in r.people if p.name == n).posts[0].org_key  # noqa: E731
    assert post(a, "Mai Hoàng") == post(b, "Mai Hoàng")
    assert entity_iri("http://x/", "org", post(a, "Mai Hoàng")) == entity_iri("http://x/", "org", post(b, "Mai Hoàng"))


def test_short_programme_reference_resolves_to_the_full_number_across_documents():
    a, b = _records(
        "Chương trình phối hợp số 09/CTr-BCA-MTTW ngày 1/8/2013 giữa Bộ Công an với Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam.",
        "Các đơn vị thực hiện tốt Chương trình phối hợp số 09 trên địa bàn.",
    )
    assert a.programmes[0].key == b.programmes[0].key == "09/CTr-BCA-MTTW"


def test_unnamed_province_does_not_merge_two_articles():
    a, b = _records("Công an tỉnh đã tổ chức 12 buổi tuyên truyền.", "Công an tỉnh đã tổ chức 15 buổi tuyên truyền.")
    assert a.organizations[0].key != b.organizations[0].key


def test_bare_unit_takes_the_article_province():
    (a,) = _records("Sáng 9/5, Công an tỉnh Kon Tum tổ chức hội nghị. Thượng tá Y Điêu, Phó Giám đốc Công an tỉnh phát biểu.")
    keys = {o.key for o in a.organizations}
    assert keys == {"Công an tỉnh Kon Tum"}


def test_city_police_abbreviation_without_a_named_city_stays_local():
    (a,) = _records("Về phía CATP có Thiếu tướng Mai Hoàng, Giám đốc CATP.")
    assert a.people[0].posts[0].org_key.endswith("@d0")
