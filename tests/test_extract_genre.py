"""The recognisers on sentences of the genre that are not in the corpus: the grammar,
not the examples. Every name, place and figure here is invented for the test."""

from __future__ import annotations

import pytest

from antq.graph.corpus import Document
from antq.graph.extract.pipeline import extract


def record(text: str, date: str | None = "2024-06-15", doc: str = "t") -> dict:
    return extract(Document(id=doc, text=text, date=date)).to_json(evidence=False)


def people(rec: dict) -> dict[str, dict]:
    return {p["name"]: p for p in rec["people"]}


def test_rank_name_then_posts_with_parent_organisation():
    rec = record("Dự hội nghị có Đại tá Phan Văn Khiêm, Phó Cục trưởng Cục Cảnh sát hình sự, Bộ Công an.")
    p = people(rec)["Phan Văn Khiêm"]
    assert p["rank"] == "Đại tá"
    assert p["posts"] == [{"title": "Phó Cục trưởng", "org": "Cục Cảnh sát hình sự"}]
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Cục Cảnh sát hình sự"] == "Bộ Công an"


def test_post_and_organisation_before_the_name():
    rec = record("Phó Chủ tịch UBND tỉnh Nghệ An Trịnh Thanh Hải phát biểu tại hội nghị.")
    p = people(rec)["Trịnh Thanh Hải"]
    assert p["rank"] is None
    assert p["posts"] == [{"title": "Phó Chủ tịch", "org": "UBND tỉnh Nghệ An"}]


def test_several_posts_after_commas_and_honorific():
    rec = record("Đến dự có đồng chí Đỗ Thị Lan Anh, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Thanh Hóa.")
    p = people(rec)["Đỗ Thị Lan Anh"]
    assert [q["title"] for q in p["posts"]] == ["Ủy viên Ban Thường vụ", "Trưởng Ban"]


def test_place_name_is_not_swallowed_into_the_person():
    rec = record("Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi Lê Văn Bích đồng chủ trì hội nghị.")
    assert "Lê Văn Bích" in people(rec)
    assert people(rec)["Lê Văn Bích"]["posts"][0]["org"] == "Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi"


def test_later_mention_by_rank_is_the_same_person():
    rec = record(
        "Sáng 3/6, Công an tỉnh Bắc Ninh tổ chức hội nghị sơ kết 5 năm thực hiện Chương trình phối hợp số 05/CTr-CAT-MTTQ.\n"
        "Thiếu tướng Vũ Đình Tâm, Giám đốc Công an tỉnh chủ trì hội nghị.\n"
        "Kết luận hội nghị, Thiếu tướng Vũ Đình Tâm đề nghị các đơn vị tiếp tục phối hợp."
    )
    assert len(rec["people"]) == 1
    m = rec["meetings"][0]
    assert m["chairs"] == ["Vũ Đình Tâm"] and m["speakers"] == ["Vũ Đình Tâm"]
    assert m["date"] == "2024-06-03"


def test_meeting_roles_chair_attendee_speaker():
    rec = record(
        "Chiều 20/5, Ban Thường trực Ủy ban MTTQ Việt Nam huyện Đông Anh và Công an huyện Đông Anh tổ chức hội nghị "
        "tổng kết công tác phối hợp năm 2023.\n"
        "Dự hội nghị có ông Ngô Quang Huy, Phó Chủ tịch UBND huyện Đông Anh.\n"
        "Trung tá Bùi Văn Hùng, Trưởng Công an huyện Đông Anh và bà Nguyễn Thị Hà, Chủ tịch Ủy ban MTTQ Việt Nam "
        "huyện Đông Anh đồng chủ trì hội nghị.\n"
        "Báo cáo tại hội nghị, Thiếu tá Đào Minh Quân, Phó Trưởng Công an huyện cho biết đã tổ chức 312 buổi tuyên truyền."
    )
    m = rec["meetings"][0]
    assert m["date"] == "2024-05-20"
    assert set(m["chairs"]) == {"Bùi Văn Hùng", "Nguyễn Thị Hà"}
    assert m["speakers"] == ["Đào Minh Quân"]
    assert set(m["attendees"]) == {"Bùi Văn Hùng", "Nguyễn Thị Hà", "Ngô Quang Huy", "Đào Minh Quân"}
    assert m["organizers"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam huyện Đông Anh", "Công an huyện Đông Anh"]
    assert m["place"] == "huyện Đông Anh"


def test_programme_number_date_parties_and_short_reference():
    rec = record(
        "Chương trình phối hợp số 12/CTr-BCA-MTTW ngày 5/3/2020 giữa Bộ Công an với Ban Thường trực Ủy ban Trung ương "
        "MTTQ Việt Nam về bảo vệ an ninh trật tự giai đoạn 2020 – 2025 đã đạt nhiều kết quả.\n"
        "Qua 4 năm thực hiện Chương trình phối hợp 12, các đơn vị đã triển khai 478 mô hình; Chỉ thị 09 được quán triệt."
    )
    progs = rec["programmes"]
    assert len(progs) == 1
    p = progs[0]
    assert p["number"] == "12/CTr-BCA-MTTW" and p["signed"] == "2020-03-05" and p["period"] == "2020-2025"
    assert p["parties"] == ["Bộ Công an", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"]


@pytest.mark.parametrize(
    "phrase, value, qualifier, unit",
    [
        ("thu hồi 18.902 viên đạn các loại", 18902, "exact", "viên đạn"),
        ("tỷ lệ đạt 77,4%", 77.4, "exact", "%"),
        ("tiếp nhận hơn 81 nghìn lượt đơn thư", 81000, "over", "lượt đơn thư"),
        ("với gần 4 triệu ý kiến đóng góp", 4000000, "approx", "ý kiến đóng góp"),
        ("khoảng 1,2 nghìn tin báo", 1200, "approx", "tin báo"),
        ("có 852/1.056 thôn đăng ký", 852, "exact", "thôn đăng ký"),
        ("trên 5.600 hộ tham gia", 5600, "over", "hộ"),
    ],
)
def test_figures(phrase, value, qualifier, unit):
    rec = record(f"Năm qua, Nhân dân đã {phrase}.")
    stats = rec["statistics"]
    assert len(stats) == 1, stats
    s = stats[0]
    assert s["value"] == value and s["qualifier"] == qualifier
    assert s["unit"].startswith(unit.split()[0])


def test_durations_years_and_numbered_units_are_not_figures():
    rec = record("Trong 10 năm qua, giai đoạn 2013 – 2023, Công an phường 7 và quận 3 đã phối hợp tốt.")
    assert rec["statistics"] == []


def test_award_with_conferrer_recipients_and_presenter():
    rec = record(
        "Dịp này, Đại tá Trần Văn Nam, Giám đốc Công an tỉnh Lào Cai trao Bằng khen của Chủ tịch UBND tỉnh Lào Cai "
        "cho 6 tập thể và 11 cá nhân; Giấy khen của Giám đốc Công an tỉnh cho 8 tập thể, 20 cá nhân."
    )
    awards = rec["awards"]
    assert [(a["type"], a["conferred_by"], a["recipients"]) for a in awards] == [
        ("Bằng khen", "Chủ tịch UBND tỉnh Lào Cai", "6 tập thể và 11 cá nhân"),
        ("Giấy khen", "Giám đốc Công an tỉnh", "8 tập thể, 20 cá nhân"),
    ]
    assert awards[0]["presented_by"] == ["Trần Văn Nam"]
    assert all(s["value"] not in (6, 11, 8, 20) for s in rec["statistics"])


def test_registration_of_an_award_is_not_an_award():
    rec = record("Vận động 34 tập thể đăng ký Bằng khen của Bộ Công an.")
    assert rec["awards"] == []


def test_bare_police_unit_resolves_to_the_article_province():
    from antq.graph.build import extract_all

    docs = [Document(id="a", text="Sáng 2/3, Công an tỉnh Hà Giang tổ chức hội nghị. Đại tá Mai Văn Lực, Giám đốc Công an tỉnh chủ trì.", date="2024-03-02")]
    rec = extract_all(docs)[0]
    post = rec.people[0].posts[0]
    assert post.org == "Công an tỉnh"
    assert post.org_key == rec.organizations[0].key
    assert "Hà Giang" in post.org_key


def test_abbreviation_defined_in_parentheses_names_the_body():
    rec = record(
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc "
        "(Ban Chỉ đạo 138) huyện Cần Giờ đã họp."
    )
    assert [o["name"] for o in rec["organizations"]] == ["Ban Chỉ đạo 138 huyện Cần Giờ"]


def test_evidence_offsets_point_into_the_original_text():
    text = "Sáng 9/9, Công an quận Hai Bà Trưng tổ chức hội nghị. Thượng tá Hồ Văn Tài, Trưởng Công an quận chủ trì hội nghị."
    rec = extract(Document(id="e", text=text, date="2024-09-10"))
    for person in rec.people:
        for ev in person.evidence:
            assert text[ev.sentence_start : ev.sentence_end] == ev.sentence
            assert person.name in text[ev.start : ev.end]


def test_later_mention_by_title_alone_takes_the_role():
    rec = record(
        "Ngày 14/3, Công an tỉnh Yên Bái tổ chức hội nghị triển khai Chương trình phối hợp số 03/CTr-CAT-MTTQ.\n"
        "Dự hội nghị có Thiếu tướng Tạ Quang Vĩnh, Phó Giám đốc Công an tỉnh Yên Bái.\n"
        "Phát biểu tại hội nghị, Phó Giám đốc Công an tỉnh Yên Bái đề nghị các đơn vị quán triệt."
    )
    assert rec["meetings"][0]["speakers"] == ["Tạ Quang Vĩnh"]


def test_festival_with_central_posts_and_listed_guests():
    rec = record(
        "Sáng 18/8, tại thôn Đông Hạ, xã Tân Lập, huyện Sông Lô (tỉnh Vĩnh Phúc), Ban Chỉ đạo Ngày hội toàn dân bảo vệ "
        "an ninh Tổ quốc xã Tân Lập long trọng tổ chức Ngày hội toàn dân bảo vệ ANTQ năm 2023.\n"
        "Tới dự Ngày hội có các đồng chí: Thượng tướng Lương Văn Quế, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an; "
        "Đỗ Văn Kha, Bí thư Trung ương Đảng, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.\n"
        "Phát biểu tại Ngày hội, Thượng tướng Lương Văn Quế biểu dương những kết quả đạt được.",
        date="2023-08-20",
    )
    m = rec["meetings"][0]
    assert m["label"].startswith("Ngày hội toàn dân") and m["date"] == "2023-08-18"
    assert m["organizers"] == ["Ban Chỉ đạo Ngày hội toàn dân bảo vệ an ninh Tổ quốc xã Tân Lập"]
    assert set(m["attendees"]) == {"Lương Văn Quế", "Đỗ Văn Kha"} and m["speakers"] == ["Lương Văn Quế"]
    assert [q["title"] for q in people(rec)["Lương Văn Quế"]["posts"]] == ["Ủy viên", "Thứ trưởng"]


def test_order_conferred_on_a_unit_on_behalf_of_the_president():
    rec = record(
        "Chiều 26/12, UBND huyện Mường Tè tổ chức Lễ đón nhận Huân chương Bảo vệ Tổ quốc hạng Ba.\n"
        "Đồng chí Giàng A Sử, Phó Chủ tịch UBND tỉnh Lai Châu và đồng chí Lò Văn Mạnh, Bí thư Huyện ủy Mường Tè đồng chủ trì buổi lễ.\n"
        "Thừa ủy quyền của Chủ tịch nước, đồng chí Giàng A Sử trao Huân chương Bảo vệ Tổ quốc hạng Ba cho Công an huyện Mường Tè.",
        date="2024-12-27",
    )
    assert set(rec["meetings"][0]["chairs"]) == {"Giàng A Sử", "Lò Văn Mạnh"}
    (award,) = rec["awards"]
    assert award["type"] == "Huân chương" and award["conferred_by"] == "Chủ tịch nước"
    assert award["recipients"] == "Công an huyện Mường Tè" and award["presented_by"] == ["Giàng A Sử"]


def test_chairs_named_after_the_verb_and_posts_after_a_dash():
    rec = record(
        "Ngày 10/10, Công an thành phố Thủ Đức tổ chức hội nghị sơ kết công tác phối hợp.\n"
        "Chủ trì hội nghị có Đại tá Lâm Văn Tú – Trưởng Công an thành phố Thủ Đức và bà Vương Thị Hạnh – Chủ tịch "
        "Ủy ban MTTQ Việt Nam thành phố Thủ Đức. Dự hội nghị có ông Kiều Văn Phong, Phó Chủ tịch UBND thành phố Thủ Đức."
    )
    m = rec["meetings"][0]
    assert set(m["chairs"]) == {"Lâm Văn Tú", "Vương Thị Hạnh"}
    assert "Kiều Văn Phong" in m["attendees"] and "Kiều Văn Phong" not in m["chairs"]
    assert people(rec)["Lâm Văn Tú"]["posts"] == [{"title": "Trưởng", "org": "Công an thành phố Thủ Đức"}]


def test_short_form_defined_in_parentheses_is_the_same_body():
    rec = record(
        "Phòng Cảnh sát hình sự (PC02) Công an tỉnh Sơn La đã phối hợp với Ủy ban MTTQ Việt Nam tỉnh Sơn La.\n"
        "Dự hội nghị có Trung tá Quàng Văn Thái, Trưởng PC02; PC02 cũng tham gia."
    )
    from antq.graph.build import extract_all

    full = extract_all([Document(id="x", text=(
        "Phòng Cảnh sát hình sự (PC02) Công an tỉnh Sơn La đã phối hợp.\nDự có Trung tá Quàng Văn Thái, Trưởng PC02."), date="2024-01-01")])[0]
    post = full.people[0].posts[0]
    assert post.org == "PC02"
    assert post.org_key == next(o.key for o in full.organizations if o.name.startswith("Phòng Cảnh sát hình sự"))
    assert "Quàng Văn Thái" in people(rec)


def test_steering_committee_review_with_figures_and_a_giving_body():
    rec = record(
        "Ngày 15/7, Ban Chỉ đạo 138 tỉnh Đồng Nai tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Đồng chí Võ Văn Lợi, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo 138 tỉnh chủ trì hội nghị.\n"
        "Theo báo cáo, lực lượng chức năng phát hiện 356 vụ, 489 đối tượng, giảm 12 vụ (giảm 8,3%) so với cùng kỳ; "
        "thu hồi 1.250 kg pháo nổ; hơn 2,1 triệu lượt người tham gia.\n"
        "Tại hội nghị, Công an tỉnh đã trao Giấy khen cho 20 tập thể, 35 cá nhân có thành tích xuất sắc.",
        date="2024-07-16",
    )
    assert rec["meetings"][0]["organizers"] == ["Ban Chỉ đạo 138 tỉnh Đồng Nai"]
    assert people(rec)["Võ Văn Lợi"]["posts"][1] == {"title": "Trưởng Ban", "org": "Ban Chỉ đạo 138 tỉnh"}
    assert [s["value"] for s in rec["statistics"]] == [356, 489, 12, 8.3, 1250, 2100000]
    assert rec["awards"][0]["conferred_by"] == "Công an tỉnh"


def test_figures_carry_their_place_and_period():
    rec = extract(Document(id="p", date="2023-06-20", text=(
        "Ngày 19/6, Công an huyện Quỳnh Lưu tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.\n"
        "Trong 10 năm qua, Nhân dân đã giao nộp 48 khẩu súng tự chế.\n"
        "Năm 2022, trên địa bàn huyện Quỳnh Lưu có 1.020 hộ đăng ký.")))
    by_value = {s.value: s for s in rec.statistics}
    assert by_value[48].period == "2013-2023" and by_value[48].place == "huyện Quỳnh Lưu"
    assert by_value[1020].period == "2022" and by_value[1020].place == "huyện Quỳnh Lưu"


def test_unknown_province_word_is_not_a_place_but_a_commune_name_is():
    rec = record(
        "Tham dự có Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Sần A Páo; mô hình ở xã Lộc Thịnh, huyện Hương Khê hoạt động tốt."
    )
    assert list(people(rec)) == ["Sần A Páo"]
    assert people(rec)["Sần A Páo"]["posts"] == [{"title": "Phó Chủ tịch", "org": "Ủy ban MTTQ Việt Nam tỉnh"}]


def test_central_mass_organisation_and_reports_read_by_a_person():
    rec = record(
        "Sáng 5/3, tại Hà Nội, Bộ Công an và Trung ương Hội Cựu chiến binh Việt Nam tổ chức Lễ ký kết chương trình phối hợp.\n"
        "Theo báo cáo do Thượng tá Giáp Văn Hòa, Phó Cục trưởng Cục Cảnh sát quản lý hành chính về trật tự xã hội trình bày, "
        "các bên đã phối hợp tốt.\nĐại tá Kha Văn Sĩ báo cáo, năm qua có 12 vụ việc được hòa giải."
    )
    m = rec["meetings"][0]
    assert m["organizers"] == ["Bộ Công an", "Trung ương Hội Cựu chiến binh Việt Nam"]
    assert set(m["speakers"]) == {"Giáp Văn Hòa", "Kha Văn Sĩ"}
    assert people(rec)["Giáp Văn Hòa"]["posts"][0]["org"] == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"


def test_a_name_ending_in_an_organisation_word_is_still_a_name():
    rec = record("Phát biểu tại hội nghị, đồng chí Cao Minh Trường chúc mừng thành tích của Công an huyện Yên Định.")
    assert "Cao Minh Trường" in people(rec)
    assert all("Trường" != o["name"].split()[0] for o in rec["organizations"])


def test_standing_board_has_its_committee_as_parent_named_in_full():
    rec = record(
        "Sáng 2/4, Công an tỉnh Thái Bình phối hợp với Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị.\n"
        "Bà Vũ Thị Hương, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Thái Bình chủ trì.\n"
        "Ngày 20-9, Bộ Công an và Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tổ chức lễ ký kết."
    )
    parents = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert parents["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"] == "Ủy ban MTTQ Việt Nam tỉnh Thái Bình"
    assert parents["Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"] == "Ủy ban Trung ương MTTQ Việt Nam"


def test_speakers_per_clause_and_awards_repeated_in_captions():
    rec = record(
        "Chiều 14/1, Bộ Công an tổ chức hội nghị trực tuyến toàn quốc tổng kết phong trào.\n"
        "Thượng tá Rơ Mah Plơi, Phó Giám đốc Công an tỉnh Kon Tum phát biểu chia sẻ kinh nghiệm; "
        "Đại tá Lương Thị Hải, Phó Giám đốc Công an tỉnh Hòa Bình trình bày tham luận.\n"
        "Thượng tướng Lê Văn Khang trao Cờ thi đua cho các tập thể.\n"
        "Dịp này, Thượng tướng Lê Văn Khang trao Cờ thi đua của Bộ Công an cho 5 tập thể; Bộ trưởng Bộ Công an tặng "
        "Bằng khen cho 35 tập thể, 52 cá nhân.",
        date="2025-01-15",
    )
    assert set(rec["meetings"][0]["speakers"]) == {"Rơ Mah Plơi", "Lương Thị Hải"}
    assert [(a["type"], a["conferred_by"], a["recipients"]) for a in rec["awards"]] == [
        ("Cờ thi đua", "Bộ Công an", "5 tập thể"),
        ("Bằng khen", "Bộ trưởng Bộ Công an", "35 tập thể, 52 cá nhân"),
    ]


def test_dated_lead_wins_over_the_headline_and_dateline_with_words_between(tmp_path):
    from antq.graph.corpus import load_corpus

    (tmp_path / "h.txt").write_text(
        "Phường 4 tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc\n\nCập nhật lúc 16:45 ngày 11/08/2024\n\n"
        "Tối 10/8, Ban Chỉ đạo 138 phường 4 phối hợp Ủy ban MTTQ Việt Nam phường 4 tổ chức Ngày hội toàn dân bảo vệ "
        "an ninh Tổ quốc năm 2024.", encoding="utf-8")
    rec = extract(load_corpus(tmp_path)[0][0])
    m = rec.meetings[0]
    assert rec.date == "2024-08-11" and m.date == "2024-08-10"
    assert m.organizers == ["Ban Chỉ đạo 138 phường 4", "Ủy ban MTTQ Việt Nam phường 4"]


def test_party_newspaper_style_and_shared_body_of_two_titles():
    rec = record(
        "Dự hội nghị có Đại tá Cầm Văn Tú-Phó Cục trưởng Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc; "
        "bà Đỗ Thị Ngọc Mai, Phó Chủ tịch kiêm Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam; Thượng tướng Lương Văn Quý, "
        "Ủy viên Ban Chấp hành Trung ương Đảng, Thứ trưởng Bộ Công an."
    )
    p = people(rec)
    assert p["Cầm Văn Tú"]["posts"][0]["title"] == "Phó Cục trưởng"
    assert [q["org"] for q in p["Đỗ Thị Ngọc Mai"]["posts"]] == ["Ủy ban Trung ương MTTQ Việt Nam"] * 2
    assert p["Lương Văn Quý"]["posts"][0] == {"title": "Ủy viên", "org": "Ban Chấp hành Trung ương Đảng"}


def test_witnesses_attend_and_a_reporter_named_before_the_verb_speaks():
    rec = record(
        "Sáng 3/10, Công an tỉnh Thái Bình và Ủy ban MTTQ Việt Nam tỉnh Thái Bình tổ chức lễ ký kết chương trình liên tịch.\n"
        "Chứng kiến lễ ký kết có bà Ngô Thị Hằng, Phó Chủ tịch UBND tỉnh.\n"
        "Thượng tá Lã Văn Hưng, Phó Giám đốc Công an tỉnh báo cáo tóm tắt nội dung chương trình.\n"
        "Tỷ lệ thôn đạt tiêu chuẩn \"An toàn về an ninh, trật tự\" đạt 91,3%; các báo cáo được gửi đúng hạn."
    )
    m = rec["meetings"][0]
    assert "Ngô Thị Hằng" in m["attendees"] and m["speakers"] == ["Lã Văn Hưng"]
    assert [s["value"] for s in rec["statistics"]] == [91.3]


def test_place_names_with_a_family_name_inside_and_late_date_tags(tmp_path):
    from antq.graph.corpus import load_corpus

    (tmp_path / "b.txt").write_text(
        "Đắk Lắk: phường ra mắt mô hình\n\ndate 2025-09\n\nNgày 18/9, Đảng ủy phường Tân An tổ chức hội nghị tại TP. Buôn Ma Thuột.",
        encoding="utf-8")
    rec = extract(load_corpus(tmp_path)[0][0])
    assert rec.date == "2025-09" and rec.meetings[0].date == "2025-09-18"
    assert rec.people == []


def test_chairs_after_duoi_su_chu_tri_cua():
    rec = record(
        "Sáng 9/1, Công an tỉnh Yên Bái tổ chức hội nghị tổng kết công tác năm 2024.\n"
        "Hội nghị đặt dưới sự đồng chủ trì của Đại tá Lục Văn Hành, Giám đốc Công an tỉnh và bà Mùa Thị Dế, "
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Yên Bái. Tham dự có ông Hứa Minh Quý, Phó Chủ tịch UBND tỉnh Yên Bái."
    )
    m = rec["meetings"][0]
    assert m["chairs"] == ["Lục Văn Hành", "Mùa Thị Dế"]
    assert "Hứa Minh Quý" in m["attendees"] and "Hứa Minh Quý" not in m["chairs"]


def test_speaker_is_the_subject_of_a_speech_verb_even_after_their_body():
    rec = record(
        "Sáng 12/4, Công an tỉnh Sơn La tổ chức hội nghị triển khai Chương trình phối hợp số 11/CTr-CAT-MTTQ.\n"
        "Trình bày nội dung Chương trình, Thiếu tá Cầm Thị Nga, Phó Trưởng phòng Tham mưu, Công an tỉnh Sơn La cho biết, "
        "văn bản gồm năm nhóm nhiệm vụ.\n"
        "Ông Quàng Văn Hiếu khẳng định Mặt trận sẽ vào cuộc."
    )
    assert set(rec["meetings"][0]["speakers"]) == {"Cầm Thị Nga", "Quàng Văn Hiếu"}


def test_award_recipients_named_before_a_passive_verb():
    rec = record(
        "Sáng 20/12, Công an huyện Bảo Lâm tổ chức hội nghị sơ kết.\n"
        "Dịp này, 12 tập thể và 30 cá nhân được Giám đốc Công an tỉnh Cao Bằng tặng Giấy khen; "
        "5 tập thể, 8 cá nhân khác nhận Bằng khen của Ủy ban MTTQ Việt Nam tỉnh vì có thành tích xuất sắc."
    )
    awards = {(a["type"], a["recipients"]): a for a in rec["awards"]}
    assert set(awards) == {("Giấy khen", "12 tập thể và 30 cá nhân"), ("Bằng khen", "5 tập thể, 8 cá nhân")}
    assert awards[("Bằng khen", "5 tập thể, 8 cá nhân")]["conferred_by"] == "Ủy ban MTTQ Việt Nam tỉnh"
    assert not any(a["presented_by"] for a in rec["awards"])
    assert not {s["value"] for s in rec["statistics"]} & {12, 30, 5, 8}  # award counts are not figures


def test_ceremony_of_receiving_is_not_an_award_of_its_own():
    rec = record("Công an huyện Quế Phong đón nhận Huân chương Bảo vệ Tổ quốc hạng Ba")
    assert rec["awards"] == []


def test_event_named_in_passing_late_in_an_interview():
    rec = record(
        "Trưởng Công an phường Hòa Bình: “Dân là gốc”\n"
        "PV: Thưa Trung tá, phong trào ở phường có gì mới?\n"
        "Trung tá Đặng Thị Hoa: Chúng tôi phối hợp với Mặt trận xây dựng mô hình mới.\n"
        "PV: Kết quả ra sao?\n"
        "Trung tá Đặng Thị Hoa: Người dân gửi nhiều tin báo hơn.\n"
        "PV: Còn khó khăn gì?\n"
        "Trung tá Đặng Thị Hoa: Địa bàn rộng, lực lượng mỏng.\n"
        "PV: Xin cảm ơn Trung tá.\n"
        "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024 do Công an phường Hòa Bình phối hợp với Ủy ban MTTQ Việt Nam "
        "phường Hòa Bình tổ chức ngày 17/8 vừa qua thu hút đông đảo người dân.\n"
        "Trao đổi thêm, bà Lý Thị Huệ, Chủ tịch Ủy ban MTTQ Việt Nam phường Hòa Bình cho biết: “Mặt trận sẽ tiếp tục đồng hành”.",
        date="2024-09-10",
    )
    m = rec["meetings"][0]
    assert m["label"] == "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024"
    assert m["date"] == "2024-08-17"
    assert m["organizers"] == ["Công an phường Hòa Bình", "Ủy ban MTTQ Việt Nam phường Hòa Bình"]
    assert m["speakers"] == [] and m["attendees"] == []  # the interview's quotes are not speeches at it


def test_border_post_and_names_completed_by_a_proper_name():
    rec = record("Dự có đại diện Đồn Biên phòng Nà Ngặm, Đồn Biên phòng Lý Vạn và Ban Dân tộc tỉnh cùng lãnh đạo các xã.")
    names = {o["name"] for o in rec["organizations"]}
    assert {"Đồn Biên phòng Nà Ngặm", "Đồn Biên phòng Lý Vạn", "Ban Dân tộc tỉnh"} <= names
    assert "Đồn Biên phòng" not in names


def test_figures_of_families_and_of_a_growth_rate():
    rec = record("Mặt trận đã hỗ trợ 96 gia đình chính sách; số tổ tự quản tăng 12,5% so với năm 2022.")
    got = {(s["value"], s["unit"]) for s in rec["statistics"]}
    assert (96, "gia đình chính sách") in got and (12.5, "%") in got


def test_youth_unions_trade_unions_and_investigation_agencies():
    rec = record(
        "Dự có anh Hồ Minh Tâm, Bí thư Thành Đoàn Cần Thơ; anh Lê Quốc Bảo, Bí thư Quận đoàn Ninh Kiều; "
        "ông Vương Đình Lộc, Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam; bà Tạ Thị Hồng, Chủ tịch Công đoàn "
        "các khu công nghiệp tỉnh; Thượng tá Kiều Văn Sơn, Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert {"Thành Đoàn Cần Thơ", "Quận đoàn Ninh Kiều", "Tổng Liên đoàn Lao động Việt Nam",
            "Công đoàn các khu công nghiệp tỉnh", "Cơ quan Cảnh sát điều tra Công an tỉnh"} <= names
    assert people(rec)["Kiều Văn Sơn"]["posts"] == [{"title": "Thủ trưởng", "org": "Cơ quan Cảnh sát điều tra Công an tỉnh"}]
    assert "Đoàn Cần Thơ" not in people(rec)  # "Đoàn" is also a family name


def test_place_names_with_a_one_letter_syllable_a_former_province_and_a_numbered_commune():
    rec = record(
        "Dự có Thượng tá Hồ Văn Kiên, Trưởng Công an huyện A Lưới; Thiếu tá Ly Seo Chảo, Đồn trưởng Đồn Biên phòng Y Tý; "
        "bà Phan Thị Lụa, Phó Chủ tịch Hội LHPN tỉnh Thừa Thiên Huế và ông Mai Văn Tư, Trưởng Công an xã Tân Phước 1."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert {"Công an huyện A Lưới", "Đồn Biên phòng Y Tý", "Hội LHPN tỉnh Thừa Thiên Huế", "Công an xã Tân Phước 1"} <= names
    assert "Thừa Thiên Huế" not in people(rec) and "Y Tý" not in people(rec)


def test_union_members_counted_as_award_recipients():
    rec = record("Dịp này, Đại tá Hà Văn Tuyên trao Giấy khen của Giám đốc Công an tỉnh cho 4 tập thể và 11 đoàn viên có thành tích.")
    assert rec["awards"][0]["recipients"] == "4 tập thể và 11 đoàn viên"
    assert not {s["value"] for s in rec["statistics"]} & {4, 11}


def test_speakers_described_or_followed_by_a_comma_and_a_report_with_a_colon():
    rec = record(
        "Sáng 5/3, Công an tỉnh Trà Vinh tổ chức hội nghị sơ kết.\n"
        "Cũng tại hội nghị, ông Thạch Sô Phết, người có uy tín trong cộng đồng người Khmer ở xã Hòa Lợi (huyện Châu Thành) "
        "cho biết, bà con đã vận động con em không vi phạm pháp luật.\n"
        "Ông Kim Văn Tư, Chủ tịch Ủy ban MTTQ Việt Nam xã Hòa Lợi, cho biết xã đã lắp 40 camera.\n"
        "Thượng tá Sơn Minh Đức, Phó Giám đốc Công an tỉnh báo cáo: toàn tỉnh có 320 tổ tự quản."
    )
    assert set(rec["meetings"][0]["speakers"]) == {"Thạch Sô Phết", "Kim Văn Tư", "Sơn Minh Đức"}


def test_ethnic_groups_and_communes_are_not_people():
    rec = record(
        "Các đội văn nghệ biểu diễn tiết mục của dân tộc Mông, Hà Nhì, Dao. "
        "Dự có ông Chảo Láo Tả, Chủ tịch UBND xã Y Tý và Phó Chủ tịch UBND huyện Lù Văn Pao."
    )
    assert set(people(rec)) == {"Chảo Láo Tả", "Lù Văn Pao"}


def test_names_with_a_typographic_apostrophe():
    rec = record("Dự có bà Ksor H’Bia, Chủ tịch Ủy ban MTTQ Việt Nam xã Ia Grai.")
    assert people(rec)["Ksor H’Bia"]["posts"][0]["title"] == "Chủ tịch"


def test_party_committees_after_a_board_abbreviated_heads_and_two_field_departments():
    rec = record(
        "Dự có ông Ksor Y Nhân, Trưởng Ban Dân vận Huyện ủy; Thượng tá Bùi Văn Sinh, Phó Giám đốc CA tỉnh; "
        "ông Lò Văn Hải, Trưởng BCĐ 138 huyện Mường Tè; bà Quách Thị Lan, Chủ tịch UBMTTQVN thành phố Hà Nội; "
        "ông Đỗ Văn Kiên, Ủy viên Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam; đại diện Sở Giáo dục và Đào tạo "
        "và Thiếu tướng Lê Văn Hòa, Phó Giám đốc CATP."
    )
    p = people(rec)
    assert p["Ksor Y Nhân"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban Dân vận Huyện ủy"}]
    assert p["Bùi Văn Sinh"]["posts"][0]["org"] == "CA tỉnh"
    assert p["Lò Văn Hải"]["posts"][0]["org"] == "BCĐ 138 huyện Mường Tè"
    assert p["Quách Thị Lan"]["posts"][0]["org"] == "UBMTTQVN thành phố Hà Nội"
    assert p["Đỗ Văn Kiên"]["posts"][0]["title"] == "Ủy viên Đoàn Chủ tịch"
    assert p["Lê Văn Hòa"]["posts"][0]["org"] == "CATP"
    assert "Sở Giáo dục và Đào tạo" in {o["name"] for o in rec["organizations"]}


def test_ede_short_mentions_drop_the_family_name():
    rec = record(
        "Sáng 12/3, Công an huyện Krông Búk tổ chức hội nghị sơ kết.\n"
        "Dự có ông Y Niêm Knul, Chủ tịch Ủy ban MTTQ Việt Nam huyện và bà H' Ngơn Mlô, Phó Chủ tịch UBND huyện.\n"
        "Phát biểu tại hội nghị, ông Y Niêm đề nghị các xã nhân rộng mô hình. Bà H' Ngơn cũng nhấn mạnh vai trò già làng."
    )
    assert set(people(rec)) == {"Y Niêm Knul", "H' Ngơn Mlô"}
    assert set(rec["meetings"][0]["speakers"]) == {"Y Niêm Knul", "H' Ngơn Mlô"}


def test_a_steering_board_abbreviation_is_neither_a_figure_nor_a_long_name():
    rec = record("Trưởng BCĐ 138 huyện Kim Sơn Phạm Văn Tới đề nghị BCĐ quan tâm hơn đến việc quản lý 25 tổ tự quản.")
    assert {s["value"] for s in rec["statistics"]} == {25}
    assert not [o for o in rec["organizations"] if "quan tâm" in o["name"]]


def test_lower_case_title_before_a_body_and_a_date_of_yesterday():
    rec = record(
        "Sáng qua (14/6), Công an TP Hải Phòng tổ chức hội nghị sơ kết.\n"
        "Thiếu tướng Vũ Thanh Chương, giám đốc Công an TP Hải Phòng chủ trì hội nghị.",
        date="2024-06-15",
    )
    assert people(rec)["Vũ Thanh Chương"]["posts"] == [{"title": "Giám đốc", "org": "Công an TP Hải Phòng"}]
    assert rec["meetings"][0]["date"] == "2024-06-14"


def test_two_speakers_joined_by_and_and_a_badge_as_an_award():
    rec = record(
        "Sáng 2/4, Công an tỉnh Phú Yên tổ chức hội nghị.\n"
        "Dự có Thiếu tướng Lê Quang Nhân, Giám đốc Công an tỉnh và ông Hồ Văn Lực, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.\n"
        "Phát biểu kết luận, Thiếu tướng Nhân và ông Lực thống nhất giao các đơn vị rà soát.\n"
        "Dịp này, ông Hồ Văn Lực trao Huy hiệu “Tuổi trẻ dũng cảm” của Ban Chấp hành Trung ương Đoàn cho 3 đoàn viên."
    )
    assert set(rec["meetings"][0]["speakers"]) == {"Lê Quang Nhân", "Hồ Văn Lực"}
    assert [(a["type"], a["recipients"]) for a in rec["awards"]] == [("Huy hiệu", "3 đoàn viên")]


def test_coordination_rule_with_a_code_is_a_programme_and_lower_case_secretary():
    rec = record(
        "Hội nghị đánh giá việc thực hiện Quy chế phối hợp số 07/QCPH-CAT-HND giữa Công an tỉnh và Hội Nông dân tỉnh. "
        "Dự có đồng chí Lương Văn Tám, bí thư Đảng ủy xã Nghĩa Hưng."
    )
    assert [p["number"] for p in rec["programmes"]] == ["07/QCPH-CAT-HND"]
    assert people(rec)["Lương Văn Tám"]["posts"] == [{"title": "Bí thư", "org": "Đảng ủy xã Nghĩa Hưng"}]
    assert not record("Theo quy chế phối hợp số 3 của hai ngành.")["programmes"]


def test_trung_or_viet_as_a_middle_name_is_a_person_but_viet_nam_ends_a_body():
    rec = record("Dự hội nghị có Đại tá Lê Trung Hậu, Phó Giám đốc Công an tỉnh Yên Bái và ông Đào Việt Cường, "
                 "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Yên Bái.")
    assert {"Lê Trung Hậu", "Đào Việt Cường"} <= set(people(rec))
    assert not any(name.endswith("Việt Nam") for name in people(rec))


def test_a_roundup_reports_one_event_per_dated_paragraph():
    rec = record(
        "Nhiều địa phương ký kết, ra mắt mô hình bảo vệ an ninh Tổ quốc\n"
        "Sáng 10/6, Công an thị xã Sông Cầu và Ủy ban MTTQ Việt Nam thị xã tổ chức hội nghị sơ kết Chương trình phối hợp số 04/CTr-CA-MTTQ. "
        "Thượng tá Ngô Văn Tài, Trưởng Công an thị xã chủ trì hội nghị.\n"
        "Phát biểu tại hội nghị, Thượng tá Ngô Văn Tài đề nghị tiếp tục nhân rộng mô hình.\n"
        "Cùng ngày (chiều 10/6), Công an huyện Tây Hòa và Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức Lễ ký kết "
        "Chương trình phối hợp số 09/CTr-CAH-BTT. Trung tá Mạc Đình Lộc, Trưởng Công an huyện Tây Hòa và bà Kha Thị Nguyệt, "
        "Chủ tịch Ủy ban MTTQ Việt Nam huyện đã ký kết Chương trình.\n"
        "Trước đó, ngày 8 tháng 6 năm 2024, Công an xã Hòa Mỹ phối hợp với Ủy ban MTTQ Việt Nam xã tổ chức lễ ra mắt mô hình "
        "\"Tổ liên gia an toàn\". Thiếu tá Lương Văn Sĩ, Trưởng Công an xã Hòa Mỹ chủ trì buổi lễ."
    )
    assert len(rec["meetings"]) == 3
    first, signing, launch = rec["meetings"]
    assert first["chairs"] == ["Ngô Văn Tài"] and first["speakers"] == ["Ngô Văn Tài"]
    # signers attend their ceremony; nobody of one event is put at another
    assert signing["label"].startswith("Lễ ký kết") and set(signing["attendees"]) == {"Mạc Đình Lộc", "Kha Thị Nguyệt"}
    assert signing["chairs"] == [] and signing["date"] == "2024-06-10"
    assert launch["date"] == "2024-06-08" and launch["chairs"] == ["Lương Văn Sĩ"] and launch["attendees"] == ["Lương Văn Sĩ"]


def test_a_mention_in_passing_mid_paragraph_is_not_a_second_event():
    rec = record(
        "Sáng 12/6, Công an tỉnh Phú Yên tổ chức hội nghị tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc. "
        "Trước đó, ngày 5/6, Công an huyện Đồng Xuân tổ chức hội nghị sơ kết."
    )
    assert len(rec["meetings"]) == 1 and rec["meetings"][0]["date"] == "2024-06-12"


def test_passive_award_with_a_description_of_the_recipients():
    rec = record("Năm 2023, có 4 tập thể và 9 cá nhân là người có uy tín được Chủ tịch UBND tỉnh Phú Yên tặng Bằng khen.")
    assert [(a["type"], a["recipients"]) for a in rec["awards"]] == [("Bằng khen", "4 tập thể và 9 cá nhân")]
    assert not rec["statistics"]  # the recipient counts are not figures


def test_military_command_and_organising_committee():
    rec = record("Dự hội nghị có đại diện BCH Quân sự huyện Đồng Xuân và Ban Công tác Mặt trận ở khu dân cư. "
                 "Ban Tổ chức cũng trao 20 suất quà. Ban Tổ chức Tỉnh ủy tham mưu xây dựng kế hoạch.")
    names = {o["name"] for o in rec["organizations"]}
    assert "BCH Quân sự huyện Đồng Xuân" in names and "Ban Tổ chức Tỉnh ủy" in names
    assert not names & {"Ban Tổ chức", "Ban Tổ chức cũng", "Ban Công tác Mặt trận", "Ban Công tác Mặt trận ở khu dân cư"}


def test_bodies_formed_inside_another_body_keep_it_in_their_name():
    rec = record("Dự hội nghị có anh Lê Quốc Bảo, Bí thư Đoàn Thanh niên Công an tỉnh Kon Tum; đại diện Đảng ủy Công an "
                 "Trung ương và Công đoàn Công an tỉnh Kon Tum. Lực lượng Công an Trung ương và địa phương đã phối hợp.")
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Đoàn Thanh niên Công an tỉnh Kon Tum"] == "Công an tỉnh Kon Tum"
    assert orgs["Đảng ủy Công an Trung ương"] == "Công an Trung ương"
    assert "Công đoàn Công an tỉnh Kon Tum" in orgs
    assert people(rec)["Lê Quốc Bảo"]["posts"] == [{"title": "Bí thư", "org": "Đoàn Thanh niên Công an tỉnh Kon Tum"}]
    assert not {"Đoàn Thanh niên", "Đảng ủy"} & set(orgs)


def test_van_before_thi_is_a_family_name():
    rec = record("Dự hội nghị có bà Văn Thị Kiều Trang, Phó Chủ tịch Hội LHPN tỉnh Kon Tum và ông Lù Văn Pao, Chủ tịch UBND xã.")
    assert {"Văn Thị Kiều Trang", "Lù Văn Pao"} <= set(people(rec)) and "Kiều Trang" not in people(rec)


def test_an_office_that_confers_is_not_its_holder_presenting():
    rec = record("Dự ngày hội có ông Trịnh Văn Lộc, Chủ tịch UBND phường Quang Trung. "
                 "Dịp này, Chủ tịch UBND phường Quang Trung tặng Giấy khen cho 7 tập thể, 12 cá nhân.")
    [award] = rec["awards"]
    assert award["conferred_by"] == "Chủ tịch UBND phường Quang Trung" and award["presented_by"] == []


def test_a_presenter_carries_over_after_a_connective_and_a_union_receives():
    rec = record("Dự hội nghị có ông Thân Văn Long, Phó Chủ tịch UBND tỉnh Bắc Giang. Thừa ủy quyền của Chủ tịch nước, "
                 "ông Thân Văn Long trao Huân chương Lao động hạng Ba cho Công đoàn các Khu công nghiệp tỉnh; "
                 "đồng thời trao Bằng khen của Chủ tịch UBND tỉnh cho 6 tập thể và 10 cá nhân.")
    medal, merit = rec["awards"]
    assert (medal["recipients"], medal["presented_by"]) == ("Công đoàn các Khu công nghiệp tỉnh", ["Thân Văn Long"])
    assert (merit["recipients"], merit["presented_by"]) == ("6 tập thể và 10 cá nhân", ["Thân Văn Long"])


def test_a_person_honoured_in_the_passive_receives_the_award():
    rec = record("Ngày 26/9, ông Rơ Châm Hlim dự Hội nghị biểu dương người có uy tín do UBND tỉnh Gia Lai tổ chức, "
                 "và vinh dự được Chủ tịch UBND tỉnh tặng Bằng khen.")
    [award] = rec["awards"]
    assert (award["recipients"], award["presented_by"], award["conferred_by"]) == ("Rơ Châm Hlim", [], "Chủ tịch UBND tỉnh")
    reported = record("Đại tá Lê Văn Tâm cho biết, nhiều tập thể được Giám đốc Công an tỉnh tặng Giấy khen.")
    assert all(a["recipients"] != "Lê Văn Tâm" for a in reported["awards"])


def test_award_names_passive_bodies_and_offices_without_a_body():
    rec = record(
        "Nhân dịp này, Công an xã Tả Van vinh dự được Chủ tịch nước tặng Huân chương Bảo vệ Tổ quốc hạng Ba; "
        "Thiếu tướng Lò Văn Páo trao Huân chương Chiến công hạng Nhì cho Phòng Cảnh sát cơ động, Công an tỉnh Lào Cai. "
        "Dịp này, 15 cán bộ, chiến sĩ Công an tỉnh vinh dự được Ủy ban Trung ương MTTQ Việt Nam tặng Kỷ niệm chương "
        "“Vì sự nghiệp Đại đoàn kết toàn dân tộc”; thừa ủy quyền, ông Giàng A Lử trao Kỷ niệm chương cho các cá nhân."
    )
    got = [(a["name"], a["conferred_by"], a["recipients"], a["presented_by"]) for a in rec["awards"]]
    assert got == [
        ("Huân chương Bảo vệ Tổ quốc hạng Ba", "Chủ tịch nước", "Công an xã Tả Van", []),
        ("Huân chương Chiến công hạng Nhì", None, "Phòng Cảnh sát cơ động", ["Lò Văn Páo"]),  # not a second conferrer
        ("Kỷ niệm chương “Vì sự nghiệp Đại đoàn kết toàn dân tộc”", "Ủy ban Trung ương MTTQ Việt Nam", "15 cán bộ, chiến sĩ",
         ["Giàng A Lử"]),
    ]


def test_background_events_are_not_round_up_events_and_the_same_day_is():
    rec = record(
        "Công an tỉnh Hà Nam sơ kết phong trào\n"
        "Sáng 14/6, Công an tỉnh Hà Nam tổ chức Hội nghị sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc. "
        "Đại tá Vương Đình Kháng, Giám đốc Công an tỉnh chủ trì hội nghị.\n"
        "Ngày 5/6, Công an tỉnh Hà Nam tổ chức hội nghị tập huấn cho công an xã, làm tiền đề cho đợt sơ kết này.\n"
        "Ngày 30/4/2024, UBND tỉnh đã tổ chức lễ ra quân tấn công trấn áp tội phạm.\n"
        "Tại hội nghị, Thượng tá Lã Minh Đạt báo cáo kết quả công tác.\n"
        "Cùng ngày, Công an huyện Kim Bảng tổ chức Hội nghị sơ kết phong trào. Trung tá Khúc Văn Tùng phát biểu tại hội nghị.\n"
        "Năm 2022, ông Nhữ Văn Hùng ký quyết định thành lập tổ tự quản."
    )
    lead, same_day = rec["meetings"]
    assert lead["speakers"] == ["Lã Minh Đạt"] and "Nhữ Văn Hùng" not in lead["attendees"]
    assert (same_day["date"], same_day["organizers"], same_day["speakers"]) == ("2024-06-14", ["Công an huyện Kim Bảng"], ["Khúc Văn Tùng"])


def test_a_named_unit_after_o_belongs_to_the_body():
    rec = record("Ban Công tác Mặt trận ở xã Ân Hảo và Ban Công tác Mặt trận các khu dân cư đã họp.")
    assert [o["name"] for o in rec["organizations"]] == ["Ban Công tác Mặt trận ở xã Ân Hảo"]


def test_joint_plans_and_resolutions_with_their_code_are_programmes():
    rec = record("Hội nghị sơ kết Kế hoạch liên tịch số 17/KHLT-CAT-MTTQ và Nghị quyết liên tịch số 03/NQLT-CA-HND; "
                 "kế hoạch phối hợp của các xã được triển khai.")
    assert sorted(p["number"] for p in rec["programmes"]) == ["03/NQLT-CA-HND", "17/KHLT-CAT-MTTQ"]


def test_lower_case_ranks_and_titles_and_chairs_after_a_colon():
    rec = record("Chiều 2/10, Công an tỉnh Yên Bái tổ chức hội nghị sơ kết. Đồng chủ trì hội nghị: đại tá Hoàng Văn Kiên, "
                 "giám đốc Công an tỉnh; ông Giàng Seo Pao, chủ tịch Ủy ban MTTQ Việt Nam tỉnh. Báo cáo tại hội nghị, "
                 "trung tá Phạm Thị Lan, phó trưởng phòng Xây dựng phong trào bảo vệ ANTQ (Công an tỉnh) cho biết.")
    p = people(rec)
    assert (p["Hoàng Văn Kiên"]["rank"], p["Phạm Thị Lan"]["rank"]) == ("Đại tá", "Trung tá")
    assert p["Phạm Thị Lan"]["posts"] == [{"title": "Phó Trưởng phòng", "org": "Phòng Xây dựng phong trào bảo vệ ANTQ"}]
    assert rec["meetings"][0]["chairs"] == ["Hoàng Văn Kiên", "Giàng Seo Pao"]
    later = record("Chiều 2/10, Công an tỉnh Yên Bái tổ chức hội nghị. Dự có đại tá Hoàng Văn Kiên, giám đốc Công an tỉnh. "
                   "Kết luận hội nghị, đại tá Kiên giao nhiệm vụ cho các đơn vị.")
    assert later["meetings"][0]["speakers"] == ["Hoàng Văn Kiên"]


def test_outlet_tags_elders_proposals_and_a_bare_post_word():
    rec = record("(Đại Đoàn Kết) – Ngày 15-3-2024, tại TP Thanh Hóa, Công an tỉnh Thanh Hóa tổ chức hội nghị ký kết. "
                 "Phát biểu tại hội nghị, già làng Lù Văn Chải bày tỏ niềm tin. "
                 "Ông Vàng Mí Pao kiến nghị Đồn tiếp tục duy trì lớp học.")
    assert set(people(rec)) == {"Lù Văn Chải", "Vàng Mí Pao"}  # "Đoàn Kết" is the outlet
    assert rec["meetings"][0]["speakers"] == ["Lù Văn Chải", "Vàng Mí Pao"]
    assert [o["name"] for o in rec["organizations"]] == ["Công an tỉnh Thanh Hóa"]


def test_a_parent_stated_with_thuoc_is_not_a_second_organiser():
    rec = record("Sáng 12/5, tại Hội trường Công an tỉnh Hà Giang, Công an tỉnh Hà Giang và Đồn Biên phòng Xín Cái thuộc "
                 "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Giang tổ chức hội nghị sơ kết.")
    assert rec["meetings"][0]["organizers"] == ["Công an tỉnh Hà Giang", "Đồn Biên phòng Xín Cái"]
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Đồn Biên phòng Xín Cái"] == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Giang"
    # named again without its parent, it is the same body
    again = record(rec_text := "Đồn Biên phòng Xín Cái thuộc Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Giang đã làm. "
                   "Đồn Biên phòng Xín Cái cũng phối hợp.")
    assert [o["name"] for o in again["organizations"]].count("Đồn Biên phòng Xín Cái") == 1, rec_text


def test_mastheads_and_counts_after_a_ward_are_not_bodies():
    rec = record("Báo Biên phòng | Thứ Bảy, 28/12/2024\nNăm qua, Nhân dân đã cung cấp cho Công an phường 152 nguồn tin; "
                 "Công an phường 7 và Công an phường 8 tham dự.")
    names = {o["name"] for o in rec["organizations"]}
    assert "Báo Biên phòng" not in names and "Công an phường 152" not in names
    assert {"Công an phường 7", "Công an phường 8"} <= names
    assert [s["value"] for s in rec["statistics"]] == [152]  # and a figure


def test_a_sub_unit_named_with_its_parent_then_alone_is_one_body():
    rec = record("Phòng Cảnh sát kinh tế, Công an tỉnh Bắc Giang đã phối hợp xây dựng mô hình. "
                 "Dịp này, Phòng Cảnh sát kinh tế được tặng Bằng khen.")
    orgs = [(o["name"], o["parent"]) for o in rec["organizations"] if o["name"].startswith("Phòng")]
    assert orgs == [("Phòng Cảnh sát kinh tế", "Công an tỉnh Bắc Giang")]


def test_clergy_parishes_union_names_and_bodies_of_prevention():
    rec = record("Sáng 3/9, Công an huyện Lâm Hà tổ chức Ngày hội. Phát biểu tại ngày hội, Hòa thượng Thích Minh Tâm, "
                 "Trưởng Ban Trị sự Giáo hội Phật giáo Việt Nam huyện Lâm Hà cho biết. Linh mục Phạm Đức Huy, Chánh xứ "
                 "Giáo xứ Tân Hà chia sẻ tại ngày hội. Dự có Thiếu tá Lê Thu Hà, Phó Trưởng Phòng An ninh mạng và phòng, "
                 "chống tội phạm sử dụng công nghệ cao, Công an tỉnh và chị Hồ Thị Na, Bí thư Đoàn Thanh niên Cộng sản "
                 "Hồ Chí Minh Trường Đại học Đà Lạt.")
    p = people(rec)
    assert p["Thích Minh Tâm"]["rank"] is None and rec["meetings"][0]["speakers"] == ["Thích Minh Tâm", "Phạm Đức Huy"]
    assert p["Phạm Đức Huy"]["posts"] == [{"title": "Chánh xứ", "org": "Giáo xứ Tân Hà"}]
    assert p["Lê Thu Hà"]["posts"][0]["org"] == "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"
    assert p["Hồ Thị Na"]["posts"] == [{"title": "Bí thư", "org": "Đoàn Thanh niên Cộng sản Hồ Chí Minh Trường Đại học Đà Lạt"}]


def test_organisers_named_as_the_two_parties_of_the_programme():
    rec = record("Đó là kết quả được nêu tại Hội nghị tổng kết 5 năm thực hiện Nghị quyết liên tịch số 03/NQLT-CAT-HND giữa "
                 "Công an tỉnh Hà Nam và Ban Thường vụ Hội Nông dân tỉnh Hà Nam giai đoạn 2019 – 2024, do hai đơn vị tổ chức "
                 "chiều 5/7 vừa qua.")
    assert rec["meetings"][0]["organizers"] == ["Công an tỉnh Hà Nam", "Ban Thường vụ Hội Nông dân tỉnh Hà Nam"]


@pytest.mark.parametrize("text, name, post", [
    ("Ông Nguyễn Văn An, trưởng thôn Đông Hòa, cho biết bà con đã tham gia.", "Nguyễn Văn An",
     {"title": "Trưởng thôn", "org": "thôn Đông Hòa"}),
    ("Trưởng bản Nà Pe Lò Văn Bình phát biểu tại buổi lễ.", "Lò Văn Bình", {"title": "Trưởng bản", "org": "bản Nà Pe"}),
    ("Bà Trần Thị Cúc, Trưởng khu phố 4, chia sẻ kinh nghiệm.", "Trần Thị Cúc", {"title": "Trưởng khu phố", "org": "khu phố 4"}),
    ("Thiếu tá Phạm Văn Dũng, Chính trị viên Đồn Biên phòng Nậm Cắn, phát biểu.", "Phạm Văn Dũng",
     {"title": "Chính trị viên", "org": "Đồn Biên phòng Nậm Cắn"}),
])
def test_heads_of_residential_communities_and_political_officers(text: str, name: str, post: dict):
    """A village head's body is the village itself, named up to where a person's name starts."""
    assert people(record(text))[name]["posts"] == [post]


def test_village_heads_in_a_plural_list_are_no_one():
    assert record("Các trưởng thôn, trưởng bản đã tham dự hội nghị.")["people"] == []


def test_a_standing_between_the_name_and_the_post():
    rec = record("Ông Giàng A Lử, người có uy tín, Trưởng bản Sín Chải đề nghị tiếp tục mở lớp học.")
    assert people(rec)["Giàng A Lử"]["posts"] == [{"title": "Trưởng bản", "org": "bản Sín Chải"}]


def test_a_communes_body_followed_by_its_districts_after_a_comma():
    rec = record("Sáng 12/3, Công an phường 5, Công an quận 8 tổ chức ra mắt mô hình tự quản.")
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs == {"Công an phường 5": "Công an quận 8", "Công an quận 8": None}


@pytest.mark.parametrize("text", [
    "Công an xã Hòa An, Công an xã Hòa Bình, Công an huyện Phú Hòa cùng tham gia.",
    "Công an huyện Phú Hòa, Công an xã Hòa An cùng tham gia.",
    "Công an phường 5, Công an phường 6 cùng tham gia.",
    "Dự hội nghị có đại diện Công an phường Tân An, Công an huyện Lạc Sơn, Công an huyện Kim Bôi.",
    "Dự hội nghị có đại diện Công an phường Tân An, Công an huyện Lạc Sơn và Công an huyện Kim Bôi.",
])
def test_a_list_of_bodies_gives_no_parents(text: str):
    assert all(o["parent"] is None for o in record(text)["organizations"])


def test_a_post_whose_body_is_named_again_by_its_head():
    rec = record("Sáng 12/3, Đồn Biên phòng Pa Vây Sử tổ chức hội nghị. "
                 "Thiếu tá Lò Văn Hòa, Chính trị viên Đồn cho biết, năm qua Đồn đã phối hợp tốt.")
    assert people(rec)["Lò Văn Hòa"]["posts"] == [{"title": "Chính trị viên", "org": "Đồn"}]
    assert [o["name"] for o in rec["organizations"]] == ["Đồn Biên phòng Pa Vây Sử"]


def test_an_event_named_inside_an_interview_answer():
    """The one answering reported at the event; the chairs are the agent of "do … chủ trì";
    "hôm D/M" dates it."""
    text = ("Phóng viên đã trao đổi với Thượng tá Đinh Thị Hoa, Trưởng phòng Tham mưu, Công an tỉnh Quảng Trị.\n\n"
            "PV: Kết quả nổi bật năm qua là gì, thưa bà?\n\n"
            "Bà Hoa: Như tôi đã báo cáo tại hội nghị sơ kết do Công an tỉnh và Ủy ban MTTQ Việt Nam tỉnh tổ chức "
            "hôm 9/1 vừa qua, do Đại tá Võ Văn Cường, Phó Giám đốc Công an tỉnh và ông Lê Quang Minh, Chủ tịch "
            "Ủy ban MTTQ Việt Nam tỉnh đồng chủ trì, các mô hình đã được nhân rộng.")
    [m] = record(text, date="2025-02-03")["meetings"]
    assert m["date"] == "2025-01-09"
    assert m["chairs"] == ["Võ Văn Cường", "Lê Quang Minh"]
    assert m["speakers"] == ["Đinh Thị Hoa"]


@pytest.mark.parametrize("text", [
    "Riêng trên tuyến sông Trà Khúc có 12 tổ tự quản ghe, tàu.",
    "Lộc Hưng là xã biên giới, có 3 thôn. Công an xã Lộc Hưng đã ra mắt mô hình.",
    "Thứ Sáu, 16/01/2026 | Mai Thu\n\nCông an tỉnh tổ chức hội nghị.",
    "Ngày 18/11, tại TP Lê Sơn – Đông Hà, Công an tỉnh tổ chức hội nghị.",
])
def test_places_and_bylines_are_no_one(text: str):
    assert record(text)["people"] == []


def test_a_person_named_like_a_place_keeps_their_rank():
    rec = record("Đồn Biên phòng Tân Hòa phối hợp với Thiếu tá Tân Hòa trong đợt tuần tra.")
    assert [p["name"] for p in rec["people"]] == ["Tân Hòa"]


def test_speakers_after_a_bracketed_place_and_who_pledge():
    text = ("Sáng 5/3, Công an quận tổ chức hội nghị sơ kết. Ông Trần Văn Lợi, Chủ tịch Ủy ban MTTQ Việt Nam phường "
            "Hòa Minh (quận Liên Chiểu) cho biết, phường đã lập 12 nhóm Zalo. Chủ tịch Hội Nông dân quận Lê Thị Thu "
            "cam kết sẽ phối hợp chặt chẽ.")
    [m] = record(text)["meetings"]
    assert set(m["speakers"]) == {"Trần Văn Lợi", "Lê Thị Thu"}


@pytest.mark.parametrize("text, name, rank, posts", [
    ("Dự hội nghị có Thiếu tá H'Hà Niê, Phó Trưởng Công an phường Tân An.", "H'Hà Niê", "Thiếu tá",
     [{"title": "Phó Trưởng", "org": "Công an phường Tân An"}]),
    ("Thiếu tá Lương Văn Toàn, trưởng Công an phường Định Công cho biết kết quả.", "Lương Văn Toàn", "Thiếu tá",
     [{"title": "Trưởng", "org": "Công an phường Định Công"}]),
])
def test_apostrophe_names_and_a_lower_case_head_of_police(text: str, name: str, rank: str, posts: list):
    p = people(record(text))[name]
    assert (p["rank"], p["posts"]) == (rank, posts)


@pytest.mark.parametrize("text, name, post, bodies", [
    ("Bà Lê Thị Mơ, tổ trưởng tổ dân phố số 4 chia sẻ kinh nghiệm.", "Lê Thị Mơ",
     {"title": "Tổ trưởng", "org": "tổ dân phố số 4"}, []),
    ("Ông Y Bhin Niê, buôn trưởng buôn Kô Siêr trình bày tham luận.", "Y Bhin Niê",
     {"title": "Buôn trưởng", "org": "buôn Kô Siêr"}, []),
    ("Đại đức Thạch Sa Rươne, Phó Trụ trì chùa Sà Lôn phát biểu.", "Thạch Sa Rươne",
     {"title": "Phó Trụ trì", "org": "chùa Sà Lôn"}, ["chùa Sà Lôn"]),
    ("Ông Trần Văn Tư, Ủy viên Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh dự.", "Trần Văn Tư",
     {"title": "Ủy viên Ban Thường trực", "org": "Ủy ban MTTQ Việt Nam tỉnh"}, ["Ủy ban MTTQ Việt Nam tỉnh"]),
])
def test_heads_of_quarters_and_pagodas(text: str, name: str, post: dict, bodies: list):
    """A quarter or a village is where a post is held, not a body; a pagoda is a body."""
    rec = record(text)
    assert people(rec)[name]["posts"] == [post]
    assert [o["name"] for o in rec["organizations"]] == bodies


def test_a_presenter_of_the_awards_just_named():
    text = ("Sáng 3/9, Công an tỉnh tổ chức hội nghị tổng kết. Tại hội nghị, 2 tập thể được Chủ tịch nước tặng Huân chương "
            "Bảo vệ Tổ quốc hạng Ba; 3 cá nhân được Bộ trưởng Bộ Công an tặng Bằng khen. Thừa ủy quyền, Thiếu tướng "
            "Nông Văn Khang đã trao tặng các phần thưởng cao quý này.")
    awards = record(text)["awards"]
    assert len(awards) == 2 and all(a["presented_by"] == ["Nông Văn Khang"] for a in awards)


def test_a_conferrer_named_with_a_dotted_city():
    text = ("Sáng 3/9, Công an TP.HCM tổ chức hội nghị. Dịp này, bà Lâm Thị Hoa trao Bằng khen của Ủy ban MTTQ Việt Nam "
            "TP.HCM cho 5 tập thể và 7 cá nhân; 4 tập thể, 9 cá nhân được Giám đốc Công an TP.HCM tặng Giấy khen.")
    got = {(a["type"], a["conferred_by"], a["recipients"]) for a in record(text)["awards"]}
    assert got == {("Bằng khen", "Ủy ban MTTQ Việt Nam TP.HCM", "5 tập thể và 7 cá nhân"),
                   ("Giấy khen", "Giám đốc Công an TP.HCM", "4 tập thể, 9 cá nhân")}


@pytest.mark.parametrize("text, want", [
    ("Dịp này, ông Nguyễn Văn Khiết trao Bằng khen của Bộ Công an cho Công an TP.HCM.",
     {("Bằng khen", "Bộ Công an", "Công an TP.HCM")}),
    ("Dịp này, ông Nguyễn Văn Khiết trao Bằng khen của Ủy ban MTTQ Việt Nam tỉnh, UBND TP.HCM.",
     {("Bằng khen", "Ủy ban MTTQ Việt Nam tỉnh", None), ("Bằng khen", "UBND TP.HCM", None)}),
    ("Dịp này, Công an TP.HCM khen thưởng 5 tập thể và 7 cá nhân.",
     {("Khen thưởng", "Công an TP.HCM", "5 tập thể và 7 cá nhân")}),
    ("Tại hội nghị, 3 cá nhân Công an TP.HCM được Giám đốc Công an tỉnh tặng Giấy khen.",
     {("Giấy khen", "Giám đốc Công an tỉnh", "3 cá nhân")}),
])
def test_a_dotted_city_inside_recipients_and_further_conferrers(text: str, want: set):
    """Only a dot that ends a word ends a clause: "TP.HCM" is one name wherever it stands."""
    assert {(a["type"], a["conferred_by"], a["recipients"]) for a in record(text)["awards"]} == want


@pytest.mark.parametrize("text, name", [
    ("Phó Chủ tịch UBND thành phố Nguyễn Văn Khiết phát biểu tại hội nghị.", "Nguyễn Văn Khiết"),
    ("Chủ tịch UBND Thành phố Trần Thị Bình dự hội nghị.", "Trần Thị Bình"),
    ("Giám đốc Công an tỉnh yêu cầu Lê Văn Tâm báo cáo kết quả.", "Lê Văn Tâm"),
])
def test_a_name_after_thanh_pho_or_yeu_cau_is_a_person(text: str, name: str):
    """"thành phố" is a body's level and "yêu cầu" a verb, not a street or a bridge named after someone."""
    assert name in people(record(text))


@pytest.mark.parametrize("text, name, post", [
    ("Ông Giàng A Lử, Trưởng bản Pá Hốc cho biết, bản có 40 hộ.", "Giàng A Lử",
     {"title": "Trưởng bản", "org": "bản Pá Hốc"}),
    ("Trưởng bản Pá Hốc Giàng A Lử cho biết, bản có 40 hộ.", "Giàng A Lử",
     {"title": "Trưởng bản", "org": "bản Pá Hốc"}),
    ("Trưởng bản Giàng A Lử cho biết, bản có 40 hộ.", "Giàng A Lử", {"title": "Trưởng bản", "org": None}),
    ("Trưởng thôn Nguyễn Văn An cho biết, thôn có 40 hộ.", "Nguyễn Văn An", {"title": "Trưởng thôn", "org": None}),
])
def test_a_village_head_whose_name_follows_the_title(text: str, name: str, post: dict):
    """The village's name stops where a person's name starts, a one-letter middle name included;
    a full name right after the title is the head, not the village."""
    assert people(record(text))[name]["posts"] == [post]


def test_a_two_word_village_after_the_title_stays_a_village():
    rec = record("Ông Nguyễn Văn An, Trưởng thôn Mai Trang cho biết.")
    assert people(rec)["Nguyễn Văn An"]["posts"] == [{"title": "Trưởng thôn", "org": "thôn Mai Trang"}]


def test_a_do_inside_a_post_does_not_hide_the_chair():
    """Only a "do" followed by the person chairing names the agent; "do tỉnh thành lập" describes a post."""
    text = ("Sáng 5/3, Công an tỉnh tổ chức hội nghị sơ kết. Ông Nguyễn Văn Khiết, Phó Chủ tịch UBND tỉnh, Trưởng "
            "Ban Chỉ đạo do tỉnh thành lập, chủ trì hội nghị.")
    [m] = record(text)["meetings"]
    assert m["chairs"] == ["Nguyễn Văn Khiết"]


def test_a_name_written_after_a_bodys_unit_word_is_not_thereby_a_place():
    """"UBND xã <name>" with the commune left unsaid: the name is the head's, and a bare later
    mention of that person stays a person; a commune the map knows is still a place."""
    text = ("Sáng 5/3, Công an xã tổ chức hội nghị. Chủ tịch UBND xã Nguyễn Văn Khiết phát biểu. "
            "Nguyễn Văn Khiết đề nghị các thôn phối hợp.")
    assert "Nguyễn Văn Khiết" in people(record(text))
    assert record("Sáng 5/3, UBND xã Tân Lập tổ chức hội nghị. Tân Lập là xã biên giới.")["people"] == []


@pytest.mark.parametrize("text, name, org", [
    ("Chủ tịch UBND xã Nguyễn Văn Khiết phát biểu tại hội nghị.", "Nguyễn Văn Khiết", "UBND xã"),
    ("Phó Trưởng Công an phường Lê Thị Hoa báo cáo kết quả.", "Lê Thị Hoa", "Công an phường"),
])
def test_the_head_named_right_after_a_commune_body_left_unnamed(text: str, name: str, org: str):
    """A full name ("<family> Văn/Thị …") the map does not know is the head, not the commune."""
    rec = record(text)
    assert people(rec)[name]["posts"][0]["org"] == org
    assert org in [o["name"] for o in rec["organizations"]]


def test_a_school_keeps_the_name_of_its_hero():
    assert "Trường THPT Nguyễn Văn Khiết" in [o["name"] for o in record("Đoàn đến thăm Trường THPT Nguyễn Văn Khiết.")["organizations"]]


_NAMED_AWARDS = ("Sáng 3/9, Công an tỉnh tổ chức hội nghị tổng kết. Tại hội nghị, 2 tập thể được Chủ tịch nước tặng "
                 "Huân chương Bảo vệ Tổ quốc hạng Ba; 3 cá nhân được Bộ trưởng Bộ Công an tặng Bằng khen. ")


@pytest.mark.parametrize("then, presenters", [
    ("Thiếu tướng Nông Văn Khang và ông Lê Văn Tâm đã trao tặng các phần thưởng cao quý này.",
     ["Nông Văn Khang", "Lê Văn Tâm"]),
    ("Thiếu tướng Nông Văn Khang, Giám đốc Công an tỉnh và ông Lê Văn Tâm, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh "
     "đã trao các phần thưởng nêu trên.", ["Nông Văn Khang", "Lê Văn Tâm"]),
    ("Ông Lê Văn Tâm cho biết, các đơn vị sẽ trao những phần thưởng trên địa bàn huyện.", []),
    ("Ông Lê Văn Tâm đã trao các phần thưởng cho tập thể này.", []),
])
def test_presenters_of_the_awards_just_named(then: str, presenters: list):
    """Every presenter of a "và" list; "trên địa bàn" or "cho …" is no reference to the awards before."""
    awards = record(_NAMED_AWARDS + then)["awards"]
    assert len(awards) == 2 and all(a["presented_by"] == presenters for a in awards)


def test_the_deputy_political_officer_is_a_title():
    rec = record("Thiếu tá Lò Văn Hòa, Chính trị viên phó Đồn Biên phòng Pa Vây cho biết, đồn đã phối hợp tốt.")
    assert people(rec)["Lò Văn Hòa"]["posts"] == [{"title": "Chính trị viên phó", "org": "Đồn Biên phòng Pa Vây"}]


def test_a_bare_don_with_no_border_post_before_is_no_organisation():
    """"Chính trị viên Đồn" stands for a border post the article named before; alone it names none."""
    rec = record("Sáng 12/3, Công an xã tổ chức hội nghị. Thiếu tá Lò Văn Hòa, Chính trị viên Đồn cho biết, "
                 "năm qua các lực lượng đã phối hợp tốt.")
    assert people(rec)["Lò Văn Hòa"]["posts"] == [{"title": "Chính trị viên", "org": "Đồn"}]
    assert [o["name"] for o in rec["organizations"]] == ["Công an xã"]


@pytest.mark.parametrize("sentence", [
    "Tại hội nghị, Thượng tá Hoàng Minh Đức, Trưởng Công an huyện Quế Võ và bà Lương Thị Hạnh, "
    "Chủ tịch Ủy ban MTTQ huyện Gia Bình trình bày tham luận.",
    "Đồng chí Hoàng Minh Đức, Trưởng Công an huyện Quế Võ, và đồng chí Lương Thị Hạnh, "
    "Chủ tịch Ủy ban MTTQ huyện Gia Bình, đã trình bày tham luận tại hội nghị.",
])
def test_two_speakers_each_with_a_post_joined_by_va(sentence):
    rec = record("Sáng 3/6, Công an tỉnh Bắc Ninh tổ chức hội nghị sơ kết Chương trình phối hợp số 05/CTr-CAT-MTTQ.\n"
                 + sentence)
    assert sorted(rec["meetings"][0]["speakers"]) == ["Hoàng Minh Đức", "Lương Thị Hạnh"]


@pytest.mark.parametrize(("sentence", "figures"), [
    ("Thượng tá Hoàng Minh Đức cho biết: “Năm qua, nhân dân đã cung cấp hơn 320 tin báo có giá trị, "
     "giúp triệt phá 15 ổ nhóm tội phạm”.", ["hơn 320 tin báo", "15 ổ nhóm tội phạm"]),
    ("“Năm qua, nhân dân đã cung cấp hơn 320 tin báo có giá trị”, Thượng tá Hoàng Minh Đức cho biết.",
     ["hơn 320 tin báo"]),
    ("Xã Đại Lai duy trì mô hình “Camera an ninh 5 tổ dân phố” từ nhiều năm nay.", []),  # a name, not a count
])
def test_figures_inside_quoted_speech_are_read(sentence, figures):
    rec = record("Sáng 3/6, Công an tỉnh Bắc Ninh tổ chức hội nghị sơ kết phong trào.\n" + sentence)
    assert [f["text"] for f in rec["statistics"]] == figures


def test_an_interview_names_its_event_later_and_the_interviewee_co_chairs_it():
    rec = record(
        "Phóng viên có cuộc trao đổi với Thượng tá Trần Quốc Hưng, Trưởng Công an huyện Yên Phong.\n"
        "PV: Xin đồng chí cho biết kết quả phong trào năm nay?\n"
        "Thượng tá Trần Quốc Hưng: Phong trào có nhiều chuyển biến.\n"
        "Huyện có nhiều mô hình tự quản ở các thôn.\n"
        "Công an huyện thường xuyên phối hợp với Mặt trận các xã.\n"
        "PV: Việc phối hợp với Mặt trận ra sao, thưa đồng chí?\n"
        "Thượng tá Trần Quốc Hưng: Hai bên ký quy chế phối hợp từ lâu.\n"
        "Các xã đều có tổ tự quản.\n"
        "Ngày 14/5, hai cơ quan đã tổ chức hội nghị sơ kết việc thực hiện quy chế. Tôi và ông Ngô Văn Sơn, "
        "Chủ tịch Ủy ban MTTQ huyện đồng chủ trì hội nghị; bà Đặng Thị Mai, Phó Chủ tịch UBND huyện dự và phát biểu.\n"
        "PV: Xin cảm ơn đồng chí!"
    )
    [m] = rec["meetings"]
    assert m["date"] == "2024-05-14"
    assert sorted(m["chairs"]) == ["Ngô Văn Sơn", "Trần Quốc Hưng"]
    assert "Đặng Thị Mai" in m["speakers"]


def test_joined_speakers_the_second_with_a_place_after_the_post():
    rec = record("Sáng 3/6, Công an tỉnh Vĩnh Phúc tổ chức hội nghị sơ kết Chương trình phối hợp số 05/CTr-CAT-MTTQ.\n"
                 "Tại hội nghị, Thiếu tá Hoàng Văn Tú, Phó Trưởng Công an phường Tân Hòa và ông Lê Văn Cầu, "
                 "tổ trưởng tổ dân phố số 3, phường Tân Hòa trình bày tham luận về mô hình tự quản.")
    assert sorted(rec["meetings"][0]["speakers"]) == ["Hoàng Văn Tú", "Lê Văn Cầu"]


def test_figures_in_straight_quoted_speech_running_over_two_sentences():
    rec = record('Sáng 3/6, Công an phường Tân Hòa tổ chức ngày hội.\nBà Vũ Thị Lan chia sẻ kinh nghiệm. '
                 '"Khu tôi có 215 hộ, hơn 900 nhân khẩu. Từ khi có nhóm "Khu phố an toàn", ai lạ là báo ngay", bà Lan nói.')
    assert [f["text"] for f in rec["statistics"]] == ["215 hộ", "hơn 900 nhân khẩu"]


def test_a_model_named_in_quotes_is_no_organisation():
    rec = record("Sáng 3/6, Công an huyện Yên Phong tổ chức hội nghị sơ kết phong trào.\n"
                 'Hội nghị đề nghị nhân rộng mô hình "Chi hội phụ nữ an toàn về an ninh, trật tự" ở các thôn.')
    assert [o["name"] for o in rec["organizations"]] == ["Công an huyện Yên Phong"]


def test_special_zones_are_communes_with_their_own_bodies():
    rec = record("Sáng 3/9, Công an đặc khu Vân Đồn phối hợp với Ủy ban MTTQ Việt Nam đặc khu Vân Đồn tổ chức "
                 "hội nghị sơ kết phong trào.\n"
                 "Thượng tá Lê Đức Thắng, Trưởng Công an đặc khu Vân Đồn chủ trì hội nghị.", date="2025-09-05")
    m = rec["meetings"][0]
    assert m["organizers"] == ["Công an đặc khu Vân Đồn", "Ủy ban MTTQ Việt Nam đặc khu Vân Đồn"]
    assert people(rec)["Lê Đức Thắng"]["posts"] == [{"title": "Trưởng", "org": "Công an đặc khu Vân Đồn"}]


@pytest.mark.parametrize(("opening", "day"), [("Sáng nay", "2025-03-20"), ("Hôm qua", "2025-03-19"),
                                              ("Chiều hôm qua", "2025-03-19")])
def test_a_lead_dated_relative_to_the_article(opening, day):
    rec = record(f"{opening}, Công an huyện Yên Phong tổ chức hội nghị sơ kết phong trào.", date="2025-03-20")
    assert rec["meetings"][0]["date"] == day


def awards_of(text: str) -> list[dict]:
    return record("Sáng 3/6, Công an huyện Yên Phong tổ chức hội nghị sơ kết phong trào.\n" + text)["awards"]


def test_a_village_and_counted_people_receive_an_award():
    [a] = awards_of("Đại tá Lê Văn Hòa trao Giấy khen của Giám đốc Công an tỉnh cho thôn Đông Xá và 4 cá nhân.")
    assert a["recipients"] == "thôn Đông Xá và 4 cá nhân"


def test_passive_recipients_with_a_long_merit_before_the_verb():
    [a] = awards_of("Dịp này, 9 tập thể, 14 cá nhân có thành tích xuất sắc trong 3 năm thực hiện Chương trình "
                    "phối hợp số 12 được Chủ tịch UBND huyện tặng Giấy khen.")
    assert a["recipients"] == "9 tập thể, 14 cá nhân"


def test_a_sentence_opening_with_a_count_and_an_award_handed_over_by_do():
    awards = awards_of("Dịp này, Đại tá Lê Văn Hòa trao Bằng khen của Chủ tịch UBND tỉnh cho 2 tập thể và 3 cá nhân. "
                       "6 tập thể và 10 cá nhân được Chủ tịch UBND huyện tặng Giấy khen, do bà Trịnh Thị Hoa trao.")
    assert [(a["type"], a["recipients"], a["presented_by"]) for a in awards] == [
        ("Bằng khen", "2 tập thể và 3 cá nhân", ["Lê Văn Hòa"]),
        ("Giấy khen", "6 tập thể và 10 cá nhân", ["Trịnh Thị Hoa"]),
    ]


def test_a_hmong_name_with_a_one_letter_middle_after_a_village_body():
    rec = record("Sáng 3/6, Công an xã Bản Mế tổ chức ngày hội toàn dân bảo vệ an ninh Tổ quốc.\n"
                 "Trưởng Ban công tác Mặt trận thôn Na Lang Giàng A Khua phát biểu tại ngày hội.")
    assert people(rec)["Giàng A Khua"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban công tác Mặt trận thôn Na Lang"}]


def test_an_age_is_no_figure():
    rec = record("Sáng 3/6, Công an xã Bản Mế tổ chức ngày hội.\n"
                 "Ông Lò Văn Pằn (72 tuổi), người có uy tín ở bản Na Lang, đã vận động 40 hộ tham gia mô hình.")
    assert [f["text"] for f in rec["statistics"]] == ["40 hộ"]


def test_a_later_mention_by_the_last_two_syllables_of_a_four_syllable_name():
    rec = record("Sáng 3/6, Công an xã Bản Mế tổ chức hội nghị.\n"
                 "Thượng tá Lê Văn Tâm và bà Tôn Nữ Thanh Mai, Chủ tịch Ủy ban MTTQ xã Bản Mế đồng chủ trì hội nghị.\n"
                 "Bà Thanh Mai phát biểu tại hội nghị.")
    assert [p["name"] for p in rec["people"]] == ["Lê Văn Tâm", "Tôn Nữ Thanh Mai"]
    assert rec["meetings"][0]["speakers"] == ["Tôn Nữ Thanh Mai"]


def test_a_village_elder_is_a_person_not_a_village():
    rec = record("Sáng 3/6, Công an xã Ea Kao tổ chức tọa đàm.\n"
                 "Phát biểu tại tọa đàm, già làng Y Điêng Niê, người có uy tín ở xã Ea Kao, đề nghị bà con cảnh giác.")
    assert "Y Điêng Niê" in rec["meetings"][0]["speakers"]


def test_after_the_speeches_is_a_time_not_a_speech():
    rec = record("Sáng 3/6, Công an xã Ea Kao tổ chức hội nghị ký kết quy chế phối hợp.\n"
                 "Sau phần phát biểu, Thượng tá Lê Văn Tâm và bà Hồ Thị Na thay mặt hai cơ quan ký kết quy chế phối hợp.")
    assert rec["meetings"][0]["speakers"] == []


def test_an_elder_described_with_his_village_and_commune_speaks():
    rec = record("Sáng 3/6, Công an xã Ea Kao tổ chức tọa đàm.\n"
                 "Ông Y Điêng Niê (70 tuổi), người có uy tín trong đồng bào Ê Đê ở buôn Kao, xã Ea Kao, chia sẻ: "
                 "“Buôn tôi nhiều năm không có tội phạm”.")
    assert rec["meetings"][0]["speakers"] == ["Y Điêng Niê"]


def test_a_post_the_speaker_states_in_the_first_person():
    rec = record("Sáng 3/6, Công an xã Ea Kao tổ chức tọa đàm.\n"
                 "Ông Y Điêng Niê, người có uy tín ở buôn Kao, chia sẻ: “Tôi làm Trưởng Ban Nhân dân buôn Kao đã 8 năm”.")
    assert people(rec)["Y Điêng Niê"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban Nhân dân buôn Kao"}]


def test_a_district_spelled_with_other_diacritics_than_the_map_data():
    # the map data writes "Đăk Glong"; the press also writes "Đắk Glong"
    rec = record("Ông Hoàng Văn Quý, Chủ tịch Ủy ban MTTQ Việt Nam huyện Đắk Glong chia sẻ kinh nghiệm vận động.")
    assert people(rec)["Hoàng Văn Quý"]["posts"] == [{"title": "Chủ tịch", "org": "Ủy ban MTTQ Việt Nam huyện Đắk Glong"}]


def test_presenters_who_introduce_a_model_or_put_forward_their_experience_speak():
    rec = record(
        "Sáng 4/6, Công an huyện Kim Bảng tổ chức hội nghị sơ kết mô hình tự quản.\n"
        "Tại hội nghị, Trung tá Lương Đức Vinh, Trưởng Công an xã Tân Sơn giới thiệu mô hình \"Tổ tự quản\" với 30 thành viên. "
        "Bà Ngô Thị Hạnh, Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện nêu kinh nghiệm vận động nhân dân."
    )
    m = rec["meetings"][0]
    assert set(m["speakers"]) == {"Lương Đức Vinh", "Ngô Thị Hạnh"}
    assert {"Lương Đức Vinh", "Ngô Thị Hạnh"} <= set(m["attendees"])


def test_bare_bodies_listed_with_every_commune_name_no_single_body():
    rec = record(
        "Sáng 8/5, Công an huyện Đông Triều tổ chức hội nghị sơ kết.\n"
        "Dự hội nghị có lãnh đạo Đảng ủy, UBND, Công an 17/17 xã, thị trấn. "
        "Các đại biểu nghe đại diện Ủy ban MTTQ, Công an cấp huyện và cấp xã trình bày tham luận."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert names == {"Công an huyện Đông Triều"}


def test_the_second_model_of_a_quoted_list_is_no_body():
    rec = record(
        "Hai bên phối hợp nhân rộng các mô hình \"Dòng họ tự quản về an ninh\", \"Chi hội nông dân không có tội phạm\" "
        "trên địa bàn tỉnh Thái Bình."
    )
    assert not any(o["name"].startswith("Chi hội") for o in rec["organizations"])


def test_who_speaks_after_taking_in_the_directions_and_an_ede_given_name_later():
    rec = record(
        "Sáng 4/6, Công an xã Cư Bao tổ chức hội nghị sơ kết.\n"
        "Đại tá Lê Văn Nam phát biểu chỉ đạo hội nghị. Dự hội nghị có bà H'Loan Êban, Chủ tịch Ủy ban MTTQ Việt Nam xã.\n"
        "Tiếp thu ý kiến chỉ đạo, bà H'Loan cho biết, thời gian tới sẽ nhân rộng mô hình."
    )
    m = rec["meetings"][0]
    assert set(m["speakers"]) == {"Lê Văn Nam", "H'Loan Êban"}
    assert "H'Loan" not in people(rec)


def test_a_name_after_a_ward_word_that_names_no_ward_is_a_person():
    rec = record("Phát biểu tại buổi lễ, Bí thư Đảng ủy phường Đỗ Minh Khang nhấn mạnh vai trò của người dân.")
    assert people(rec)["Đỗ Minh Khang"]["posts"] == [{"title": "Bí thư", "org": "Đảng ủy phường"}]


def test_awards_announced_in_the_lead_are_the_ones_told_in_full_later():
    rec = record(
        "Sáng 9/9, Công an tỉnh Bắc Kạn tổ chức lễ tổng kết và trao tặng Huân chương Chiến công, Cờ thi đua của Bộ Công an.\n"
        "Thừa ủy quyền của Chủ tịch nước, Đại tá Lý Văn Hùng trao Huân chương Chiến công hạng Nhì cho Công an xã Bằng Vân. "
        "Thiếu tướng Hà Văn Long trao Cờ thi đua của Bộ Công an cho Phòng Cảnh sát cơ động, đơn vị dẫn đầu phong trào thi đua."
    )
    awards = {a["type"]: a for a in rec["awards"]}
    assert len(rec["awards"]) == 2
    assert awards["Huân chương"]["name"] == "Huân chương Chiến công hạng Nhì"
    assert awards["Huân chương"]["recipients"] == "Công an xã Bằng Vân"
    assert awards["Cờ thi đua"]["recipients"] == "Phòng Cảnh sát cơ động"


def test_village_elders_and_heads_counted_as_award_recipients():
    rec = record("Dịp này, UBND xã Phúc Lộc tặng Giấy khen cho 8 già làng và trưởng bản có nhiều đóng góp.")
    assert [a["recipients"] for a in rec["awards"]] == ["8 già làng và trưởng bản"]
    assert rec["statistics"] == []


def test_a_border_post_belongs_to_the_border_guard_not_to_the_next_body_of_a_list():
    rec = record(
        "Ngày 5/8, Đồn Biên phòng Mường Lói (Bộ đội Biên phòng tỉnh Điện Biên) phối hợp với Công an xã Mường Lói tổ chức hội nghị.\n"
        "Mô hình triển khai theo quy chế phối hợp giữa Đồn Biên phòng Mường Lói, Công an xã và Ủy ban MTTQ Việt Nam xã Mường Lói. "
        "Bộ đội Biên phòng luôn đồng hành cùng bà con."
    )
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Đồn Biên phòng Mường Lói"] == "Bộ đội Biên phòng tỉnh Điện Biên"
    assert orgs["Bộ đội Biên phòng tỉnh Điện Biên"] is None
    assert "Bộ đội Biên phòng" not in orgs


def test_a_body_of_every_commune_ward_and_town_is_no_single_body():
    rec = record("Hội nghị được kết nối tới 2.100 điểm cầu Công an xã, phường, thị trấn và Công an huyện Mê Linh.")
    assert {o["name"] for o in rec["organizations"]} == {"Công an huyện Mê Linh"}


def test_figures_of_the_accused_of_units_and_a_verb_after_the_unit():
    rec = record("Năm qua, công an đã khởi tố 31 vụ, 47 bị can; toàn tỉnh có 318 tổ dân phố đạt chuẩn an toàn, tăng 12 đơn vị so với năm trước.")
    figures = {s["text"]: (s["value"], s["unit"]) for s in rec["statistics"]}
    assert figures == {"31 vụ": (31, "vụ"), "47 bị can": (47, "bị can"), "318 tổ dân phố": (318, "tổ dân phố"),
                       "tăng 12 đơn vị": (12, "đơn vị")}


def test_an_association_of_every_district_is_no_single_body():
    rec = record("Dự hội nghị có lãnh đạo Công an tỉnh Hòa Bình và Chủ tịch Hội Người cao tuổi các huyện, thành phố.")
    assert {o["name"] for o in rec["organizations"]} == {"Công an tỉnh Hòa Bình"}


def test_two_titles_joined_by_a_dash_share_their_body():
    rec = record("Dự hội nghị có ông Lê Minh Khoa, Phó Chủ tịch – Tổng Thư ký Ủy ban Trung ương MTTQ Việt Nam.")
    assert people(rec)["Lê Minh Khoa"]["posts"] == [
        {"title": "Phó Chủ tịch", "org": "Ủy ban Trung ương MTTQ Việt Nam"},
        {"title": "Tổng Thư ký", "org": "Ủy ban Trung ương MTTQ Việt Nam"}]


TWO_UNITS_REVIEW = (
    "Quy chế phối hợp số 05/QCPH-CAH-MTTQ ngày 3/3/2022 giữa Công an huyện và Ủy ban MTTQ Việt Nam huyện Yên Thế "
    "được triển khai hiệu quả.\nNgày 12/9, tại huyện Yên Thế, hai đơn vị đã tổ chức hội nghị sơ kết 2 năm thực hiện Quy chế. "
    "Hội nghị có sự tham dự của Công an huyện Yên Thế."
)


def test_the_two_units_that_organise_a_review_of_the_rule_are_its_parties():
    rec = record(TWO_UNITS_REVIEW)
    assert [p["name"] for p in rec["programmes"]] == ["Quy chế phối hợp số 05/QCPH-CAH-MTTQ"]
    m = rec["meetings"][0]
    assert m["organizers"] == ["Công an huyện Yên Thế", "Ủy ban MTTQ Việt Nam huyện Yên Thế"]
    full = extract(Document(id="t", text=TWO_UNITS_REVIEW, date="2024-06-15"))
    assert full.meetings[0].programme == full.programmes[0].key


def test_a_themed_gathering_is_an_event():
    rec = record(
        "Sáng 14.3, tại nhà văn hóa ấp Cây Da, Công an xã Long Hiệp tổ chức buổi sinh hoạt chuyên đề về phòng, chống ma túy.\n"
        "Thiếu tá Lâm Văn Đức, Trưởng Công an xã chủ trì buổi sinh hoạt."
    )
    m = rec["meetings"][0]
    assert m["date"] == "2024-03-14" and m["organizers"] == ["Công an xã Long Hiệp"] and m["chairs"] == ["Lâm Văn Đức"]


def test_clergy_and_lay_leaders_of_a_pagoda_or_a_parish_hold_posts_in_it():
    rec = record(
        "Dự có Đại đức Lâm Sa Rươn, sư cả chùa Ô Rồng; ông Thạch Kha, Achar chùa Ô Rồng và "
        "Linh mục Phạm Văn Hiền, Chánh xứ giáo xứ Phú Nhai."
    )
    p = people(rec)
    assert p["Lâm Sa Rươn"]["posts"] == [{"title": "Sư cả", "org": "chùa Ô Rồng"}]
    assert p["Thạch Kha"]["posts"] == [{"title": "Achar", "org": "chùa Ô Rồng"}]
    assert p["Phạm Văn Hiền"]["posts"] == [{"title": "Chánh xứ", "org": "giáo xứ Phú Nhai"}]


def test_a_quarter_board_named_by_its_village():
    rec = record("Ông Đặng Văn Tuyên, Trưởng Ban công tác Mặt trận khu dân cư thôn Đông Cao phát biểu tại ngày hội.")
    assert people(rec)["Đặng Văn Tuyên"]["posts"] == [
        {"title": "Trưởng Ban", "org": "Ban công tác Mặt trận khu dân cư thôn Đông Cao"}]


def test_a_pagoda_board_organises_and_its_head_holds_a_post_in_it():
    rec = record(
        "Chiều 2.11, tại chùa Kom Pong, Công an xã Long Vĩnh phối hợp với Ban quản trị chùa Kom Pong tổ chức buổi sinh hoạt chuyên đề.\n"
        "Cùng dự có ông Sơn Thươl, Trưởng Ban quản trị chùa."
    )
    assert rec["meetings"][0]["organizers"] == ["Công an xã Long Vĩnh", "Ban quản trị chùa Kom Pong"]
    assert people(rec)["Sơn Thươl"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban quản trị chùa"}]


def test_words_to_the_reporter_on_the_sidelines_are_no_speech_but_a_recounting_is():
    rec = record(
        "Sáng 4/6, Công an xã Hòa Tú tổ chức buổi sinh hoạt chuyên đề tại chùa Bưng Cốc.\n"
        "Ông Lý Sa Phon, Achar chùa Bưng Cốc, kể lại chuyện người dân giúp bắt kẻ trộm. "
        "Trò chuyện với phóng viên bên lề buổi sinh hoạt, ông Triệu Văn Mến cho biết, ấp đã lắp 12 camera."
    )
    assert rec["meetings"][0]["speakers"] == ["Lý Sa Phon"]


def test_a_rule_cited_by_its_short_number_gives_no_figure():
    rec = record("Các buổi tuyên truyền theo Quy chế 07 sẽ được duy trì hằng tháng.")
    assert rec["statistics"] == []


def test_the_merged_party_commission_for_propaganda_and_mass_mobilisation():
    rec = record("Dự hội nghị có ông Hồ Văn Niên, Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai.")
    assert people(rec)["Hồ Văn Niên"]["posts"] == [
        {"title": "Phó Trưởng Ban", "org": "Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai"}]


def test_a_named_medal_in_the_headline_the_passive_and_the_handing_over_is_one_award():
    rec = record(
        "Quảng Trị: 5 cán bộ Công an được tặng Kỷ niệm chương \"Bảo vệ an ninh Tổ quốc\"\n"
        "Sáng 3/10, Công an huyện Hải Lăng tổ chức lễ trao Kỷ niệm chương.\n"
        "Dịp này, 5 đồng chí lãnh đạo, chỉ huy Công an huyện vinh dự được Bộ Công an tặng Kỷ niệm chương \"Bảo vệ an ninh Tổ quốc\". "
        "Ông Trương Công Bình đã trao Kỷ niệm chương cho các đồng chí nói trên. "
        "\"Đây là niềm vinh dự lớn\", Thượng tá Mai Văn Thuận chia sẻ thay mặt các cá nhân được tặng Kỷ niệm chương."
    )
    assert len(rec["awards"]) == 1
    award = rec["awards"][0]
    assert award["conferred_by"] == "Bộ Công an" and award["presented_by"] == ["Trương Công Bình"]
    assert award["recipients"].startswith("5 ")


def test_abbreviated_police_with_their_city_and_the_bare_abbreviation_as_the_force():
    rec = record(
        "Sáng 9/4, CATP Hải Phòng phối hợp với Ban Thường trực UBMTTQ Việt Nam TP tổ chức hội nghị sơ kết.\n"
        "Nhân dân cung cấp cho lực lượng CA 1.245 nguồn tin, giúp CA phát hiện 96 vụ."
    )
    assert rec["meetings"][0]["organizers"][0] == "CATP Hải Phòng"
    names = {o["name"] for o in rec["organizations"]}
    assert not any(n.startswith("CA ") for n in names)
    assert {"1.245 nguồn tin", "96 vụ"} <= {s["text"] for s in rec["statistics"]}


def test_cham_family_names_and_a_monk_named_with_thich():
    rec = record(
        "Dự có bà Thập Thị Kim Hà, Chủ tịch Hội Liên hiệp Phụ nữ xã Phước Nam và Thượng tọa Thích Quảng Minh, "
        "Trưởng Ban Trị sự Giáo hội Phật giáo Việt Nam huyện Ninh Phước."
    )
    assert {"Thập Thị Kim Hà", "Thích Quảng Minh"} <= set(people(rec))
    assert "Kim Hà" not in people(rec) and "Quảng Minh" not in people(rec)


def test_an_event_reported_late_in_an_article_takes_roles_from_the_paragraphs_about_it():
    rec = record(
        "Mô hình tổ tự quản được nhân rộng\n"
        "Những năm qua, các tổ tự quản đã giúp giữ gìn an ninh ở nhiều thôn.\n"
        "Ông Lã Văn Tường, tổ trưởng, cho biết tổ có 12 thành viên.\n"
        "Nhiều hộ dân đã lắp camera trước cổng.\n"
        "Các tổ duy trì tuần tra vào ban đêm.\n"
        "Người dân tích cực cung cấp tin báo.\n"
        "Nhiều vụ việc được hòa giải ngay tại cơ sở.\n"
        "Mô hình được các địa phương học tập.\n"
        "Sáng 9.5, Hội Cựu chiến binh huyện Lục Nam tổ chức hội nghị sơ kết mô hình. Ông Đinh Văn Hòa, Chủ tịch Hội chủ trì hội nghị.\n"
        "Ông Vi Văn Tuân, Phó Chủ tịch Hội trình bày báo cáo sơ kết.\n"
        "Phát biểu tại hội nghị, Thượng tá Nông Văn Sáu đề nghị các tổ tiếp tục duy trì hoạt động."
    )
    m = rec["meetings"][0]
    assert m["chairs"] == ["Đinh Văn Hòa"]
    assert set(m["speakers"]) == {"Vi Văn Tuân", "Nông Văn Sáu"}


def test_a_press_briefing_held_yesterday():
    rec = record("Thông tin tại buổi họp báo do Công an tỉnh Bắc Giang tổ chức chiều hôm qua, Đại tá Ngô Văn Quý, "
                 "Phó Giám đốc Công an tỉnh cho biết, đã bắt giữ 38 đối tượng.", date="2025-03-12")
    m = rec["meetings"][0]
    assert m["date"] == "2025-03-11" and m["organizers"] == ["Công an tỉnh Bắc Giang"] and m["speakers"] == ["Ngô Văn Quý"]


def test_a_dated_working_session_of_one_body_with_another():
    rec = record(
        "Ngày 18/11, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Phú Thọ làm việc với Công an tỉnh về kết quả phối hợp năm 2024.\n"
        "Buổi làm việc diễn ra dưới sự chủ trì của bà Hà Thị Lan, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh."
    )
    m = rec["meetings"][0]
    assert m["date"] == "2023-11-18"
    assert m["organizers"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Phú Thọ", "Công an tỉnh"]
    assert m["chairs"] == ["Hà Thị Lan"]


def test_youth_union_cells_companies_and_boards_of_industrial_zones():
    rec = record(
        "Dự hội nghị có Đại úy Lê Văn Hào, Bí thư Chi đoàn Công an huyện Diễn Châu; chị Trần Thị Thu Hằng, "
        "Bí thư Đoàn Trường THPT Nguyễn Xuân Ôn; ông Phạm Văn Nghĩa (61 tuổi), Trưởng Ban điều hành khu phố 4; "
        "ông Vũ Minh Hoàng, Phó Trưởng Ban quản lý các khu công nghiệp tỉnh Hải Dương và chị Đào Thị Thủy, "
        "Chủ tịch Công đoàn Công ty TNHH Điện tử Hải Minh Vina.\n"
        "Phòng An ninh kinh tế chủ động nắm tình hình tại các doanh nghiệp."
    )
    p = people(rec)
    assert p["Lê Văn Hào"]["posts"] == [{"title": "Bí thư", "org": "Chi đoàn Công an huyện Diễn Châu"}]
    assert p["Trần Thị Thu Hằng"]["posts"] == [{"title": "Bí thư", "org": "Đoàn Trường THPT Nguyễn Xuân Ôn"}]
    assert p["Phạm Văn Nghĩa"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban điều hành khu phố 4"}]
    assert p["Vũ Minh Hoàng"]["posts"] == [{"title": "Phó Trưởng Ban", "org": "Ban quản lý các khu công nghiệp tỉnh Hải Dương"}]
    assert p["Đào Thị Thủy"]["posts"] == [{"title": "Chủ tịch", "org": "Công đoàn Công ty TNHH Điện tử Hải Minh Vina"}]
    assert "Nguyễn Xuân Ôn" not in p
    assert "Phòng An ninh kinh tế" in {o["name"] for o in rec["organizations"]}


def test_a_contest_team_receives_a_certificate():
    rec = record("Dịp này, ông Lê Văn Sơn trao Bằng khen của Chủ tịch UBND tỉnh cho đội huyện Tiên Lãng và 4 cá nhân "
                 "có thành tích xuất sắc tại Hội thi.")
    assert [(a["type"], a["recipients"]) for a in rec["awards"]] == [("Bằng khen", "đội huyện Tiên Lãng và 4 cá nhân")]


def test_ba_na_names_opening_with_a_and_a_count_after_a_ward_name():
    rec = record(
        "Dự có ông A Nhơn, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Kon Tum và già làng A Blúi.\n"
        "Bà con đã cung cấp cho Công an phường Quyết Thắng 14 nguồn tin."
    )
    p = people(rec)
    assert p["A Nhơn"]["posts"] == [{"title": "Phó Chủ tịch", "org": "Ủy ban MTTQ Việt Nam tỉnh Kon Tum"}]
    assert "A Blúi" in p
    assert "Công an phường Quyết Thắng" in {o["name"] for o in rec["organizations"]}


def test_an_attendee_list_with_one_person_per_line():
    rec = record(
        "Sáng 5/9, UBND huyện Nông Cống tổ chức Lễ ra mắt Tổ bảo vệ an ninh, trật tự ở cơ sở.\n"
        "Tham dự có các đồng chí:\n"
        "- Hoàng Văn Sâm, Phó Bí thư Thường trực Huyện ủy Nông Cống;\n"
        "- Thượng tá Lê Văn Toàn, Trưởng Công an huyện;\n"
        "- Đỗ Thị Hạnh, Chủ tịch Ủy ban MTTQ Việt Nam huyện.\n"
        "Luật được Quốc hội thông qua năm 2023."
    )
    assert set(rec["meetings"][0]["attendees"]) == {"Hoàng Văn Sâm", "Lê Văn Toàn", "Đỗ Thị Hạnh"}


def test_a_delegation_visiting_village_elders_at_tet():
    rec = record(
        "Sáng 26/1, đoàn công tác của Công an tỉnh Lào Cai và Ủy ban MTTQ Việt Nam tỉnh Lào Cai do Đại tá Hoàng Văn Bình, "
        "Phó Giám đốc Công an tỉnh dẫn đầu đã đến thăm, chúc Tết, tặng quà người có uy tín tại xã Bản Lầu.\n"
        "Phát biểu tại buổi thăm, Đại tá Hoàng Văn Bình đề nghị các già làng tiếp tục vận động con cháu.",
        date="2025-01-27",
    )
    m = rec["meetings"][0]
    assert m["date"] == "2025-01-26" and m["label"].startswith("Thăm, chúc Tết, tặng quà")
    assert m["organizers"] == ["Công an tỉnh Lào Cai", "Ủy ban MTTQ Việt Nam tỉnh Lào Cai"]
    assert m["attendees"] == ["Hoàng Văn Bình"] and m["speakers"] == ["Hoàng Văn Bình"]


def test_a_provinces_police_named_without_its_unit_is_the_same_body():
    rec = record(
        "Công an Hà Nam triệt phá nhiều ổ nhóm tội phạm\n"
        "Sáng 9/1, Công an tỉnh Hà Nam tổ chức họp báo thông tin kết quả đợt cao điểm."
    )
    assert {o["name"] for o in rec["organizations"]} == {"Công an tỉnh Hà Nam"}


def test_raising_voters_concerns_hoping_and_speaking_in_a_language_are_speeches():
    rec = record(
        "Sáng 4/6, Ủy ban MTTQ Việt Nam xã Đăk Rơ Wa tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.\n"
        "Bà Phan Thị Mai phản ánh một số kiến nghị của cử tri. Ông A Dũng mong bà con giữ gìn bản sắc văn hóa. "
        "Già làng A Brêu nói bằng tiếng Ba Na."
    )
    assert set(rec["meetings"][0]["speakers"]) == {"Phan Thị Mai", "A Dũng", "A Brêu"}


def test_an_association_of_former_police_officers_is_one_body_with_its_unit():
    rec = record(
        "Ông Lê Văn Thắm, Chủ tịch Hội Cựu Công an nhân dân tỉnh Phú Yên cho biết, Chi hội Cựu Công an nhân dân "
        "thị trấn Hòa Vinh có 40 hội viên. Phó Chủ tịch Hội Cựu Công an nhân dân tỉnh Đinh Văn Lợi phát biểu."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert "Hội Cựu Công an nhân dân tỉnh Phú Yên" in names
    assert "Chi hội Cựu Công an nhân dân thị trấn Hòa Vinh" in names
    assert not any(n.endswith("Cựu") for n in names)


def test_a_border_post_at_a_border_gate_keeps_the_gate_in_its_name():
    rec = record(
        "Trung tá Vũ Minh Khang, Đồn trưởng Đồn Biên phòng cửa khẩu Quốc tế Na Mèo, Bộ đội Biên phòng tỉnh Thanh Hóa "
        "chủ trì buổi tuần tra. Đồn Biên phòng Cửa khẩu cảng Nghi Sơn cử 5 cán bộ tham gia."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert {"Đồn Biên phòng cửa khẩu Quốc tế Na Mèo", "Đồn Biên phòng Cửa khẩu cảng Nghi Sơn"} <= names
    assert people(rec)["Vũ Minh Khang"]["posts"] == [{"title": "Đồn trưởng", "org": "Đồn Biên phòng cửa khẩu Quốc tế Na Mèo"}]


def test_an_unnamed_unit_ends_a_descriptive_body():
    rec = record("Hai bên ký Quy chế phối hợp giữa Công an tỉnh và Hội Bảo trợ người khuyết tật tỉnh về giúp đỡ người yếu thế.")
    names = {o["name"] for o in rec["organizations"]}
    assert "Hội Bảo trợ người khuyết tật tỉnh" in names
    assert not any("giúp đỡ" in n for n in names)


def test_a_bare_association_is_the_one_the_article_names_most():
    rec = record(
        "Sáng 3/5, Hội Chữ thập đỏ huyện Yên Thành tổ chức hội nghị. Bà Cao Thị Hoa, Chủ tịch Hội Chữ thập đỏ huyện "
        "Yên Thành phát biểu. Ông Lò Văn Sinh, Chủ tịch Hội Chữ thập đỏ xã Bắc Thành chia sẻ kinh nghiệm. "
        "Công an huyện đề nghị Hội Chữ thập đỏ huyện Yên Thành thông tin kịp thời để Hội Chữ thập đỏ chủ động vận động."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert "Hội Chữ thập đỏ" not in names
    assert {"Hội Chữ thập đỏ huyện Yên Thành", "Hội Chữ thập đỏ xã Bắc Thành"} <= names


def test_a_former_post_and_a_branch_head_are_posts():
    rec = record(
        "Thượng tá Đoàn Minh Sáng, nguyên Phó Trưởng Công an huyện, Chủ tịch Hội Cựu chiến binh xã Phú Lộc phát biểu. "
        "Ông Kha Văn Lừng, Chi hội trưởng Chi hội Nông dân thôn Nà Rì cũng tham dự."
    )
    assert people(rec)["Đoàn Minh Sáng"]["posts"] == [
        {"title": "nguyên Phó Trưởng", "org": "Công an huyện"},
        {"title": "Chủ tịch", "org": "Hội Cựu chiến binh xã Phú Lộc"},
    ]
    assert people(rec)["Kha Văn Lừng"]["posts"] == [{"title": "Chi hội trưởng", "org": "Chi hội Nông dân thôn Nà Rì"}]


def test_a_ranked_person_and_a_count_receive_an_award_together():
    rec = record(
        "Sáng 8/3, Công an huyện Mường Lát tổ chức hội nghị. Thừa ủy quyền của Giám đốc Công an tỉnh, Thượng tá Hà Văn Lâm "
        "trao Giấy khen cho Đại úy Lương Văn Pao và 3 chiến sĩ Công an xã Trung Lý; đồng thời trao Giấy khen của Chủ tịch "
        "UBND huyện cho 4 tập thể và 6 cá nhân."
    )
    recipients = [a["recipients"] for a in rec["awards"]]
    assert recipients[0].startswith("Đại úy Lương Văn Pao và 3 chiến sĩ")
    assert recipients[1] == "4 tập thể và 6 cá nhân"
    assert 3 not in [s["value"] for s in rec["statistics"]]


def test_the_count_of_people_rewarded_and_a_numbered_quarter_are_no_statistics():
    rec = record(
        "Bà Hoàng Thị Nhung, Tổ trưởng tổ dân phố 14 kể, có 35 hộ lắp camera. "
        "Chị Vàng Thị Dịu là một trong 18 đoàn viên được khen thưởng dịp này."
    )
    assert [s["value"] for s in rec["statistics"]] == [35]


def test_a_clock_time_and_a_count_of_contest_prizes_are_no_statistics():
    rec = record(
        "Thứ Bảy, 12/10/2024 08:30 GMT+7\n"
        "Ban Tổ chức trao 3 giải Ba cho các đội xã và tặng 40 suất quà cho hộ nghèo."
    )
    assert [s["value"] for s in rec["statistics"]] == [40]


def test_a_visiting_delegations_working_session_is_a_second_event_of_the_visit():
    rec = record(
        "Sáng 20/1, đoàn công tác của Công an tỉnh Điện Biên và Ủy ban MTTQ Việt Nam tỉnh Điện Biên do Đại tá Lò Văn Tính, "
        "Phó Giám đốc Công an tỉnh dẫn đầu đã đến thăm, chúc Tết người có uy tín tại xã Mường Nhé.\n"
        "Tại bản Nậm Pố, Đại tá Lò Văn Tính ghi nhận, các già làng đã vận động con cháu không nghe theo kẻ xấu.\n"
        "Trước đó, đoàn đã có buổi làm việc với lãnh đạo xã Mường Nhé. Thiếu tá Giàng A Páo, Trưởng Công an xã Mường Nhé "
        "thông tin thêm, người dân đã cung cấp 12 nguồn tin có giá trị.",
        date="2025-01-21",
    )
    visit, session = rec["meetings"]
    assert session["label"] == "Buổi làm việc với lãnh đạo xã Mường Nhé"
    assert session["date"] == visit["date"] == "2025-01-20"
    assert session["organizers"] == visit["organizers"] == ["Công an tỉnh Điện Biên", "Ủy ban MTTQ Việt Nam tỉnh Điện Biên"]
    assert visit["speakers"] == ["Lò Văn Tính"]
    assert session["speakers"] == ["Giàng A Páo"]


def test_a_name_after_a_communal_house_or_a_village_is_a_place_not_a_person():
    rec = record(
        "Ấm áp Ngày hội bên nhà rông Kon Jơ Ri\n"
        "Sáng 9-8, Công an phường tổ chức Ngày hội tại nhà văn hóa làng Plei Đôn. Già làng A Nhơn phát biểu."
    )
    assert [p["name"] for p in rec["people"]] == ["A Nhơn"]


def test_a_named_team_of_a_commune_is_a_body_but_a_kind_of_team_is_not():
    rec = record(
        "Ông Triệu Văn Sơn, Tổ trưởng Tổ an ninh xung kích thôn Khuổi Nặm cho biết, mô hình Tổ tự quản về an ninh, trật tự "
        "và “Tổ hòa giải khu trọ” ở phường Đông Hòa được nhân rộng để bảo vệ an ninh Tổ quốc."
    )
    assert {o["name"] for o in rec["organizations"]} == {"Tổ an ninh xung kích thôn Khuổi Nặm"}
    assert people(rec)["Triệu Văn Sơn"]["posts"] == [{"title": "Tổ trưởng", "org": "Tổ an ninh xung kích thôn Khuổi Nặm"}]


def test_a_bare_commune_police_in_an_article_about_several_communes_is_no_one_body():
    several = record(
        "Sáng 5/6, Hội Cựu chiến binh huyện Lục Nam tổ chức hội nghị. Các tổ ở xã Tam Dị và xã Bảo Sơn "
        "phối hợp với Công an xã cảm hóa người lầm lỗi."
    )
    assert "Công an xã" not in {o["name"] for o in several["organizations"]}
    one = record(
        "Sáng 5/6, Hội Cựu chiến binh huyện Lục Nam tổ chức hội nghị tại xã Tam Dị.\nÔng Giáp Văn Quế, Chủ tịch Hội Cựu chiến "
        "binh xã Bảo Sơn chia sẻ: “Chúng tôi phối hợp với Công an xã giữ bình yên thôn xóm”."
    )
    assert "Công an xã" in {o["name"] for o in one["organizations"]}


def test_the_prestigious_person_of_a_named_village_holds_a_post_of_it():
    rec = record(
        "Ông Thào Mí Lử, người có uy tín thôn Séo Lủng phát biểu. Bà Lò Thị Ơn, người có uy tín ở bản Pá Hốc, cũng dự."
    )
    assert people(rec)["Thào Mí Lử"]["posts"] == [{"title": "người có uy tín", "org": "thôn Séo Lủng"}]
    assert people(rec)["Lò Thị Ơn"]["posts"] == []  # where she lives, not whose elder she is


def test_parish_posts_and_councils_and_a_deputy_head_of_a_board():
    rec = record(
        "Tham dự có ông Đào Văn Lộc, Phó Trưởng Ban Dân tộc, Sở Nội vụ; Linh mục Vũ Đình Khuê, Quản xứ giáo xứ Văn Hải.\n"
        "Tại buổi gặp mặt, ông Trần Văn Hiếu, Chủ tịch Hội đồng mục vụ giáo xứ Văn Hải cho rằng, các mô hình "
        "“Giáo họ bình an” đã giúp Hội đồng mục vụ các giáo xứ gần dân hơn."
    )
    p = people(rec)
    assert p["Đào Văn Lộc"]["posts"] == [{"title": "Phó Trưởng Ban", "org": "Ban Dân tộc"}]
    assert p["Vũ Đình Khuê"]["posts"] == [{"title": "Quản xứ", "org": "giáo xứ Văn Hải"}]
    assert p["Trần Văn Hiếu"]["posts"] == [{"title": "Chủ tịch", "org": "Hội đồng mục vụ giáo xứ Văn Hải"}]
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Ban Dân tộc"] == "Sở Nội vụ"
    assert "Giáo họ" not in orgs and "Hội đồng mục vụ" not in orgs


def test_cho_rang_after_a_person_is_a_speech():
    rec = record(
        "Sáng 2/3, Ủy ban MTTQ Việt Nam huyện Nghĩa Hưng tổ chức tọa đàm.\nTại tọa đàm, ông Đỗ Văn Tiệp cho rằng, cần giữ bình yên xóm giáo."
    )
    assert rec["meetings"][0]["speakers"] == ["Đỗ Văn Tiệp"]


def test_a_post_then_a_rank_then_the_name():
    rec = record(
        "Sáng 4/4, Công an tỉnh Hưng Yên tổ chức lễ ký kết.\n"
        "Phó Giám đốc Công an tỉnh, Thượng tá Đặng Văn Toàn và Chủ tịch Hội Nông dân tỉnh Bùi Thị Hằng đồng chủ trì."
    )
    assert people(rec)["Đặng Văn Toàn"]["posts"] == [{"title": "Phó Giám đốc", "org": "Công an tỉnh"}]
    assert people(rec)["Đặng Văn Toàn"]["rank"] == "Thượng tá"


def test_bodies_then_counted_people_receive_one_award():
    rec = record(
        "Dịp này, Đại tá Lê Văn Hòa trao Giấy khen của Giám đốc Công an tỉnh cho Công an xã Tân Lập, Công an xã Tân Phú "
        "và 5 cán bộ, chiến sĩ có thành tích xuất sắc. Ông Đỗ Văn Tư trao Cờ thi đua cho Công an xã Tân Hòa, đơn vị dẫn đầu."
    )
    recipients = [a["recipients"] for a in rec["awards"]]
    assert recipients == ["Công an xã Tân Lập, Công an xã Tân Phú và 5 cán bộ, chiến sĩ", "Công an xã Tân Hòa"]


def test_citizens_named_with_honorifics_receive_an_award():
    rec = record(
        "Thiếu tướng Lê Quang Bình trao Bằng khen của Bộ trưởng Bộ Công an cho anh Phùng Văn Tấn, anh Hồ Sỹ Luân và "
        "chị Mai Thị Thu vì đã dũng cảm bắt giữ đối tượng cướp giật."
    )
    assert rec["awards"][0]["recipients"] == "anh Phùng Văn Tấn, anh Hồ Sỹ Luân và chị Mai Thị Thu"


def test_an_awards_named_recipients_are_the_people_and_bodies_of_the_article():
    rec = extract(Document(id="t", date="2024-06-15", text=(
        "Sáng 14/6, Công an tỉnh Quảng Bình tổ chức hội nghị. Đại tá Lê Văn Hào trao Giấy khen cho Công an xã Quảng Hợp "
        "và anh Đinh Văn Tú vì đã dũng cảm bắt giữ đối tượng; trao Bằng khen cho 3 tập thể, 5 cá nhân.")))
    named, counted = rec.awards
    assert named.awarded_people == ["Đinh Văn Tú"]
    assert named.awarded_org_keys == ["Công an xã Quảng Hợp"]
    assert counted.awarded_people == [] and counted.awarded_org_keys == []


def test_an_emotion_between_a_person_and_the_speech_verb_keeps_them_the_speaker():
    rec = record(
        "Sáng 5/6, Công an phường Tân Mai tổ chức lễ khen thưởng.\n"
        "Nhận Bằng khen, anh Kiều Văn Sang xúc động chia sẻ: “Lúc đó tôi chỉ nghĩ phải giúp người bị nạn”."
    )
    assert rec["meetings"][0]["speakers"] == ["Kiều Văn Sang"]


def test_sharing_at_the_event_names_the_speaker_however_long_the_description():
    rec = record(
        "Sáng 17/8, Công an phường Tân Định tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.\n"
        "Ông Tạ Văn Lành, người dân khu phố 4, người cùng bà con trong hẻm góp tiền lắp 8 camera, chia sẻ tại Ngày hội: "
        "“Giờ tối ngủ yên tâm lắm”."
    )
    assert rec["meetings"][0]["speakers"] == ["Tạ Văn Lành"]


def test_a_post_written_all_in_lower_case_keeps_its_commune_police():
    rec = record(
        "Sáng 5/6, Công an xã Yên Lạc tổ chức hội nghị.\n"
        "Đồng chí Chu Văn Thể, trưởng công an xã chủ trì hội nghị. Ông Mạc Văn Ninh, phó trưởng công an xã báo cáo."
    )
    assert people(rec)["Chu Văn Thể"]["posts"] == [{"title": "Trưởng", "org": "Công an xã"}]
    assert people(rec)["Mạc Văn Ninh"]["posts"] == [{"title": "Phó Trưởng", "org": "Công an xã"}]
    assert {o["name"] for o in rec["organizations"]} == {"Công an xã Yên Lạc"}


def test_what_people_tell_the_reporter_on_a_visit_is_no_speech_at_the_event():
    rec = record(
        "Ngày 15/10, Công an huyện Mỏ Cày Nam tổ chức hội nghị biểu dương điển hình tiên tiến.\n"
        "Người dân làm “tai mắt”\n"
        "Về ấp Phước Hậu, chúng tôi gặp ông Lâm Văn Chín, Trưởng ấp Phước Hậu.\n"
        "Thiếu tá Trần Minh Lợi, Trưởng Công an xã An Định cho biết, xã đã tiếp nhận 40 tin báo.\n"
        "Nhân rộng cách làm hay\n"
        "Phát biểu tại hội nghị, bà Võ Thị Hồng đề nghị các xã nhân rộng mô hình."
    )
    assert rec["meetings"][0]["speakers"] == ["Võ Thị Hồng"]


def test_a_one_word_kho_name_after_a_cue_is_a_person_and_a_later_ede_given_name_is_the_full_one():
    rec = record(
        "Sáng 5/6, UBND xã Đạ Chais tổ chức Ngày hội.\n"
        "Bà H'Mai Ênuôl, Chủ tịch Ủy ban MTTQ Việt Nam xã chủ trì. Già làng K'Drang chia sẻ: \"Buôn làng nay đã bình yên\". "
        "Kết luận, bà H'Mai đề nghị các thôn giữ vững an ninh."
    )
    assert [p["name"] for p in rec["people"]] == ["H'Mai Ênuôl", "K'Drang"]
    assert set(rec["meetings"][0]["speakers"]) == {"H'Mai Ênuôl", "K'Drang"}


def test_squads_teams_and_a_department_named_with_the_same_noun_twice():
    rec = record(
        "Dự có Đại tá Trịnh Văn Quế, Phó Cục trưởng Cục Công tác đảng và công tác chính trị, Bộ Công an; "
        "Thiếu tá Hà Văn Nhất, Đội trưởng Đội Cảnh sát giao thông, Công an huyện Thọ Xuân. "
        "Anh Vi Văn Đức, Đội trưởng Đội thanh niên xung kích an ninh xã Xuân Lam và ông Lê Văn Hợi, "
        "Tổ trưởng Tổ bảo vệ an ninh, trật tự số 7 cùng dự. Đội ngũ cán bộ xã được tăng cường."
    )
    orgs = {o["name"]: o["parent"] for o in rec["organizations"]}
    assert orgs["Cục Công tác đảng và công tác chính trị"] == "Bộ Công an"
    assert orgs["Đội Cảnh sát giao thông"] == "Công an huyện Thọ Xuân"
    assert "Đội thanh niên xung kích an ninh xã Xuân Lam" in orgs
    assert "Tổ bảo vệ an ninh, trật tự số 7" in orgs
    assert not any(n.startswith("Đội ngũ") for n in orgs)
    assert people(rec)["Lê Văn Hợi"]["posts"] == [{"title": "Tổ trưởng", "org": "Tổ bảo vệ an ninh, trật tự số 7"}]
    assert people(rec)["Vi Văn Đức"]["posts"] == [{"title": "Đội trưởng", "org": "Đội thanh niên xung kích an ninh xã Xuân Lam"}]


def test_a_visits_companions_and_hosts_attend_and_an_afternoon_activity_is_not_the_event():
    rec = record(
        "Sáng 8/4, đoàn công tác của Công an huyện Trần Đề do Thượng tá Lý Sa Rươne dẫn đầu đã đến thăm, chúc Tết chùa Tân Hiệp.\n"
        "Cùng đi có Đại úy Thạch Sô Phết, Trưởng Công an xã Tân Hiệp. Tiếp đoàn có Hòa thượng Kim Sa Mết và Achar Danh Sóc.\n"
        "Hòa thượng Kim Sa Mết bày tỏ: “Nhà chùa cảm ơn lực lượng Công an”.\n"
        "Chiều cùng ngày, đoàn đã trao quà cho hộ nghèo. Chị Lâm Thị Nhi bày tỏ: “Gia đình tôi rất vui”."
    )
    m = rec["meetings"][0]
    assert {"Thạch Sô Phết", "Kim Sa Mết", "Danh Sóc"} <= set(m["attendees"])
    assert m["speakers"] == ["Kim Sa Mết"]
    assert people(rec)["Danh Sóc"]["posts"] == []  # "Achar" before a name, no pagoda: a form of address


def test_protestant_bodies_and_preachers():
    rec = record(
        "Dự có mục sư Y Sim Mlô, Trưởng Ban Đại diện Hội thánh Tin Lành Việt Nam (miền Nam) tỉnh Gia Lai; "
        "truyền đạo Siu Thơm, Quản nhiệm Chi hội Tin Lành Ia Dom. Năm ngoái có 3 hộ theo tà đạo Hà Lam, "
        "đến nay cả 3 hộ đã trở về."
    )
    orgs = {o["name"] for o in rec["organizations"]}
    assert "Ban Đại diện Hội thánh Tin Lành Việt Nam (miền Nam) tỉnh Gia Lai" in orgs
    assert [p["name"] for p in rec["people"]] == ["Y Sim Mlô", "Siu Thơm"]
    assert [s["value"] for s in rec["statistics"]] == [3]


def test_two_deputies_of_one_rank_share_the_post_and_a_mixed_case_title_counts():
    rec = record(
        "Dự có Trung tá Đào Văn Hiển, Trung tá Mai Quang Vũ, Phó Trưởng Công an huyện; Thiếu tướng Lương Minh Đức, "
        "Phó giám đốc Công an tỉnh; bà Lò Thị Hoa, Chi hội trưởng Chi hội Phụ nữ tổ dân phố số 4."
    )
    p = people(rec)
    assert p["Đào Văn Hiển"]["posts"] == p["Mai Quang Vũ"]["posts"] == [{"title": "Phó Trưởng", "org": "Công an huyện"}]
    assert p["Lương Minh Đức"]["posts"] == [{"title": "Phó Giám đốc", "org": "Công an tỉnh"}]
    assert p["Lò Thị Hoa"]["posts"] == [{"title": "Chi hội trưởng", "org": "Chi hội Phụ nữ tổ dân phố số 4"}]


def test_telling_a_story_at_the_event_is_a_speech():
    rec = record(
        "Sáng 14/11, Công an phường Định Công tổ chức lễ phát động phòng, chống lừa đảo qua mạng.\n"
        "Bà Vũ Thị Gấm, 70 tuổi, ở phường Định Công, kể tại buổi lễ rằng bà từng suýt mất 200 triệu đồng."
    )
    assert rec["meetings"][0]["speakers"] == ["Vũ Thị Gấm"]


def test_a_reporters_visit_before_the_event_or_inside_a_quote_hides_no_speech():
    before = record(
        "Chúng tôi về xã Tân Lập vào một ngày tháng 6.\nSáng 12/6, UBND xã Tân Lập tổ chức hội nghị sơ kết phong trào. "
        "Ông Trương Văn An, Chủ tịch UBND xã Tân Lập phát biểu chỉ đạo hội nghị."
    )
    assert before["meetings"][0]["speakers"] == ["Trương Văn An"]
    quoted = record(
        "Sáng 12/6, UBND xã Tân Lập tổ chức hội nghị sơ kết phong trào.\n"
        "Bà Hà Thị Lụa chia sẻ tại hội nghị: “Mô hình rất hiệu quả. Chúng tôi đã đến từng hộ dân. Bà con đồng tình”. "
        "Ông Trần Văn Nam phát biểu tại hội nghị."
    )
    assert quoted["meetings"][0]["speakers"] == ["Hà Thị Lụa", "Trần Văn Nam"]


def test_words_that_look_like_teams_cues_or_gates_but_are_not():
    rec = record(
        "Họ đi truyền đạo Tin Lành trái phép. Đội thi xã Tân Lập đoạt giải. Đội văn nghệ thôn Phú Lộc biểu diễn. "
        "Phòng Cảnh sát hình sự và cảnh sát khu vực phối hợp. Đồn Biên phòng cửa khẩu Quốc tế đã tuần tra."
    )
    assert rec["people"] == []
    names = {o["name"] for o in rec["organizations"]}
    assert not any(n.startswith("Đội") or n.endswith("Quốc") for n in names)
    assert "Phòng Cảnh sát hình sự" in names


def test_former_posts_at_a_sentence_start_in_lower_case_and_at_a_pagoda():
    rec = record(
        "Nguyên Phó Giám đốc Công an tỉnh, Đại tá Lê Văn Hưởng phát biểu. Dự có Hòa thượng Thạch Sol, nguyên Trụ trì chùa "
        "Phước Hậu; ông Lý Văn Tài, nguyên giám đốc Công an tỉnh Bạc Liêu."
    )
    p = people(rec)
    assert p["Lê Văn Hưởng"]["posts"] == [{"title": "nguyên Phó Giám đốc", "org": "Công an tỉnh"}]
    assert p["Thạch Sol"]["posts"] == [{"title": "nguyên Trụ trì", "org": "chùa Phước Hậu"}]
    assert p["Lý Văn Tài"]["posts"] == [{"title": "nguyên Giám đốc", "org": "Công an tỉnh Bạc Liêu"}]


def test_gifts_to_counted_people_stay_statistics_and_recipients_match_whole_names():
    rec = extract(Document(id="t", date="2024-06-15", text=(
        "Sáng 14/6, UBND phường Lê Lợi tổ chức lễ. Ông Lê Lợi Văn dự. 50 hộ nghèo được tặng quà; 12 hộ được tặng Giấy khen. "
        "Ông Văn An và ông Nguyễn Văn An dự. Đại tá Hà Văn Tâm trao Giấy khen cho Công an phường Lê Lợi và anh Nguyễn Văn An.")))
    assert [s.value for s in rec.statistics] == [50]
    (award,) = [a for a in rec.awards if a.presented_by]
    assert award.awarded_people == ["Nguyễn Văn An"]


def test_the_central_front_committee_abbreviated_and_a_province_front_with_vn():
    rec = record(
        "Chiều 18.12, Ban Thường trực Ủy ban T.Ư MTTQ VN tổ chức hội nghị. Ông Lại Văn Hòa, Phó chủ tịch Ủy ban T.Ư MTTQ VN "
        "chủ trì. Tại điểm cầu Kon Tum, bà Y Hương, Chủ tịch Ủy ban MTTQ VN tỉnh Kon Tum, chia sẻ: \"Bà con tin Mặt trận\"."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert {"Ban Thường trực Ủy ban T.Ư MTTQ VN", "Ủy ban T.Ư MTTQ VN", "Ủy ban MTTQ VN tỉnh Kon Tum"} <= names
    assert rec["meetings"][0]["speakers"] == ["Y Hương"]


def test_leading_an_activity_is_not_chairing_and_every_signer_in_a_semicolon_list_attends():
    rec = record(
        "Sáng 21/11, Đồn Biên phòng Hoành Mô tổ chức lễ ký kết Kế hoạch phối hợp.\n"
        "Theo Trung tá Vi Văn Mạnh, Đồn Biên phòng chủ trì tuần tra đường biên. Ngay sau đó, Trung tá Vi Văn Mạnh; "
        "Thiếu tá Đặng Văn Sơn, Trưởng Công an xã Hoành Mô và bà Chíu Thị Lan đã ký kết Kế hoạch phối hợp.\n"
        "Ông Dìu Văn Quý, một người có uy tín trong cộng đồng Sán Dìu của xã, nói thêm: \"Bà con giữ cột mốc\". "
        "Bà Lý Thị Mây, người Dao ở thôn Nà Ếch, thì đề nghị tuyên truyền thêm. Ông Hoàng Văn Pả hỏi thẳng: \"Có được qua lại không?\""
    )
    m = rec["meetings"][0]
    assert m["chairs"] == []
    assert {"Vi Văn Mạnh", "Đặng Văn Sơn", "Chíu Thị Lan"} <= set(m["attendees"])
    assert {"Dìu Văn Quý", "Lý Thị Mây", "Hoàng Văn Pả"} <= set(m["speakers"])


def test_a_team_with_two_fields_and_an_institute_of_central_level():
    rec = record(
        "Ông Tằng Văn Sáng, Tổ trưởng Tổ tự quản đường biên, mốc giới thôn Pò Hèn cho biết. "
        "Viện Huyết học - Truyền máu Trung ương phục vụ công tác cấp cứu."
    )
    names = {o["name"] for o in rec["organizations"]}
    assert {"Tổ tự quản đường biên, mốc giới thôn Pò Hèn", "Viện Huyết học - Truyền máu Trung ương"} <= names


def test_a_run_of_repeated_head_nouns_ends_without_exhausting_the_stack():
    rec = record("Sáng 5/6, " + "Đội " * 2000 + "tổ chức hội nghị. " + "Ban " * 2000 + "phát biểu.")
    assert isinstance(rec["organizations"], list)


def test_a_follow_on_event_by_the_same_bodies_is_a_second_event_of_the_day():
    rec = record(
        "Ngày 12-10, Công an xã Đạ Đờn phối hợp với Ủy ban MTTQ Việt Nam xã Đạ Đờn tổ chức lễ bàn giao nhà cho bà Ka'Lơn.\n"
        "Ngay sau lễ bàn giao, Công an xã và Ủy ban MTTQ Việt Nam xã tổ chức buổi gặp mặt già làng. "
        "Trung tá Lê Văn Dụng chủ trì buổi gặp mặt.\n"
        "Già làng K'Brel nói bằng tiếng K'Ho.",
        date="2025-10-13",
    )
    handover, meeting = rec["meetings"]
    assert meeting["date"] == handover["date"] == "2025-10-12"
    assert meeting["chairs"] == ["Lê Văn Dụng"] and "K'Brel" in meeting["speakers"]
    assert "Ka'Lơn" in [p["name"] for p in rec["people"]]


def test_military_regions_platoons_parish_boards_dioceses_and_company_unions():
    rec = record(
        "Dự có Thiếu tướng Hoàng Văn Nghĩa, Phó Tư lệnh Quân khu 2; anh Lăng Văn Sử, Trung đội trưởng Trung đội dân quân "
        "cơ động xã Tân Thanh; ông Phạm Văn Lộc, Trưởng Ban hành giáo giáo xứ Phú Nhai (Giáo phận Bùi Chu); bà Đinh Thị Nga, "
        "Chủ tịch Công đoàn cơ sở Công ty TNHH May Việt Thắng. Bộ CHQS tỉnh cử 20 chiến sĩ. Các câu hỏi xoay quanh Luật Căn cước."
    )
    p = people(rec)
    assert p["Hoàng Văn Nghĩa"]["posts"] == [{"title": "Phó Tư lệnh", "org": "Quân khu 2"}]
    assert p["Lăng Văn Sử"]["posts"] == [{"title": "Trung đội trưởng", "org": "Trung đội dân quân cơ động xã Tân Thanh"}]
    assert p["Phạm Văn Lộc"]["posts"] == [{"title": "Trưởng Ban", "org": "Ban hành giáo giáo xứ Phú Nhai"}]
    assert p["Đinh Thị Nga"]["posts"] == [{"title": "Chủ tịch", "org": "Công đoàn cơ sở Công ty TNHH May Việt Thắng"}]
    assert {"Giáo phận Bùi Chu", "Bộ CHQS tỉnh"} <= {o["name"] for o in rec["organizations"]}
    assert "Luật Căn" not in p


def test_a_district_level_citys_police_named_bare_is_that_citys():
    rec = record(
        "Sáng 5/6, Công an thành phố Thuận An tổ chức hội nghị tại phường Bình Hòa (tỉnh Bình Dương). "
        "Đại diện Công an thành phố cho biết, Liên đoàn Lao động thành phố tặng Giấy khen cho 9 công đoàn cơ sở."
    )
    assert "Công an thành phố" not in {o["name"] for o in rec["organizations"]}
    assert rec["awards"][0]["recipients"] == "9 công đoàn cơ sở"


def test_a_quotation_opened_by_a_colon_after_its_subject_is_their_speech():
    rec = record(
        "Chiều 14/3, Công an xã Mường Ải tổ chức buổi gặp mặt già làng.\n"
        "Già làng Lô Văn Pẩn ở bản Xốp Thằm, năm nay đã 80 tuổi: \"Bản giờ yên ổn lắm\". "
        "Tham dự có: ông Vi Văn Thông, Chủ tịch UBND xã."
    )
    assert rec["meetings"][0]["speakers"] == ["Lô Văn Pẩn"]


def test_a_lead_after_the_outlets_tag_keeps_its_relative_date():
    rec = record(
        "Rộn ràng Ngày hội ở bản vùng cao\n"
        "VOV.VN - Sáng qua, tại bản Háng Lìa, Công an huyện Điện Biên Đông tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
        date="2024-08-19",
    )
    assert rec["meetings"][0]["date"] == "2024-08-18"
