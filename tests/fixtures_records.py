"""Hand-built extraction records for the RDF, SHACL and query tests.

The article is invented, in the genre of the corpus: a provincial review conference with two
chairs, a guest holding a post, a programme with two parties, an award presented by one chair
and a figure. Evidence offsets are computed from the text, so they are real spans.
"""

from __future__ import annotations

from antq.graph.record import (
    Award,
    DocumentRecord,
    Evidence,
    Meeting,
    Organization,
    Person,
    Post,
    Programme,
    Statistic,
)

BASE = "http://127.0.0.1:8000/"

TEXT = (
    "Sáng 24/5, Công an tỉnh Hà Tĩnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh tổ chức Hội nghị tổng kết 10 năm "
    "thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW. "
    "Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh và ông Trần Minh Khoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh "
    "Hà Tĩnh đồng chủ trì hội nghị. "
    "Dự hội nghị có Thiếu tướng Lê Quang Vinh, Phó Cục trưởng Cục Xây dựng phong trào bảo vệ ANTQ, Bộ Công an. "
    "Nhân dân đã cung cấp hơn 18.902 nguồn tin có giá trị. "
    "Dịp này, Đại tá Nguyễn Văn Hùng trao Bằng khen của Giám đốc Công an tỉnh cho 9 tập thể và 15 cá nhân."
)


def ev(mention: str, text: str = TEXT, doc: str = "t01", nth: int = 0) -> Evidence:
    """Evidence for the ``nth`` occurrence of ``mention``, with its enclosing sentence."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    s_start = text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = text.find(". ", start)
    s_end = len(text) if s_end < 0 else s_end + 1
    return Evidence(doc=doc, sentence=text[s_start:s_end], sentence_start=s_start, sentence_end=s_end,
                    start=start, end=start + len(mention))


POLICE = "Công an tỉnh Hà Tĩnh"
FRONT = "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"
DEPT = "Cục Xây dựng phong trào bảo vệ ANTQ"
MINISTRY = "Bộ Công an"
PROGRAMME_KEY = "09/CTr-BCA-MTTW"
MEETING_KEY = "t01-hoi-nghi-tong-ket"


def review_conference() -> DocumentRecord:
    """A fresh record each call (tests mutate theirs to plant violations)."""
    chair_ev = ev("đồng chủ trì hội nghị")
    return DocumentRecord(
        doc="t01",
        title="Tổng kết 10 năm thực hiện Chương trình phối hợp 09",
        date="2023-05-24",
        url="https://example.org/t01",
        source="test",
        province="Hà Tĩnh",
        text=TEXT,
        organizations=[
            Organization(name="Công an tỉnh Hà Tĩnh", key=POLICE, kind="police", place="tỉnh Hà Tĩnh",
                         aliases=["Công an tỉnh"], evidence=[ev("Công an tỉnh Hà Tĩnh")]),
            Organization(name="Ủy ban MTTQ Việt Nam tỉnh", key=FRONT, kind="front",
                         aliases=["Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"], evidence=[ev("Ủy ban MTTQ Việt Nam tỉnh")]),
            Organization(name=DEPT, key=DEPT, parent=MINISTRY, parent_key=MINISTRY, kind="police",
                         evidence=[ev(DEPT)]),
            Organization(name=MINISTRY, key=MINISTRY, kind="police", evidence=[ev("Bộ Công an")]),
        ],
        people=[
            Person(name="Nguyễn Văn Hùng", rank="Đại tá", key="Nguyễn Văn Hùng",
                   posts=[Post(title="Giám đốc", org="Công an tỉnh", org_key=POLICE,
                               evidence=[ev("Giám đốc Công an tỉnh")])],
                   evidence=[ev("Nguyễn Văn Hùng")]),
            Person(name="Trần Minh Khoa", key="Trần Minh Khoa",
                   posts=[Post(title="Chủ tịch", org="Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh",
                               evidence=[ev("Chủ tịch Ủy ban MTTQ")])],
                   evidence=[ev("Trần Minh Khoa")]),
            Person(name="Lê Quang Vinh", rank="Thiếu tướng", key="Lê Quang Vinh",
                   posts=[Post(title="Phó Cục trưởng", org=DEPT, org_key=DEPT, evidence=[ev("Phó Cục trưởng")])],
                   evidence=[ev("Lê Quang Vinh")]),
        ],
        programmes=[
            Programme(name="Chương trình phối hợp số 09/CTr-BCA-MTTW", number=PROGRAMME_KEY, signed="2013-08-19",
                      period="2013-2023", parties=["Công an tỉnh Hà Tĩnh", "Ủy ban MTTQ Việt Nam tỉnh"],
                      key=PROGRAMME_KEY, evidence=[ev("Chương trình phối hợp số 09/CTr-BCA-MTTW")]),
        ],
        meetings=[
            Meeting(label="Hội nghị tổng kết 10 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW",
                    date="2023-05-24", place="tỉnh Hà Tĩnh", kind="tổng kết",
                    organizers=["Công an tỉnh Hà Tĩnh", "Ủy ban MTTQ Việt Nam tỉnh", DEPT],
                    organizer_keys=[POLICE, FRONT, DEPT],
                    chairs=["Nguyễn Văn Hùng", "Trần Minh Khoa"],
                    attendees=["Nguyễn Văn Hùng", "Trần Minh Khoa", "Lê Quang Vinh"],
                    programme=PROGRAMME_KEY, key=MEETING_KEY,
                    evidence=[ev("Hội nghị tổng kết"), chair_ev]),
        ],
        awards=[
            Award(type="Bằng khen", conferred_by="Giám đốc Công an tỉnh", recipients="9 tập thể và 15 cá nhân",
                  presented_by=["Nguyễn Văn Hùng"], collectives=9, individuals=15, meeting=MEETING_KEY,
                  evidence=[ev("trao Bằng khen")]),
        ],
        statistics=[
            Statistic(text="hơn 18.902 nguồn tin", value=18902, unit="nguồn tin", qualifier="over",
                      evidence=[ev("hơn 18.902 nguồn tin")]),
        ],
    )


def second_article() -> DocumentRecord:
    """Another article naming the same director and police body, to test merging across graphs."""
    text = "Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh Hà Tĩnh dự lễ ra mắt mô hình tự quản."
    e = ev("Nguyễn Văn Hùng", text=text, doc="t02")
    return DocumentRecord(
        doc="t02", title="Ra mắt mô hình", date="2023-06", text=text,
        organizations=[Organization(name=POLICE, key=POLICE, kind="police", evidence=[e])],
        people=[Person(name="Nguyễn Văn Hùng", rank="Đại tá", key="Nguyễn Văn Hùng",
                       posts=[Post(title="Giám đốc", org=POLICE, org_key=POLICE, evidence=[e])], evidence=[e])],
        meetings=[Meeting(label="Lễ ra mắt mô hình tự quản", kind="lễ", attendees=["Nguyễn Văn Hùng"],
                          evidence=[e])],
    )
