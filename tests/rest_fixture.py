"""Data and a real server process for the REST, search, network and linked-data tests.

The graph is built the way the product builds it: hand-made extraction records (from
``fixtures_records`` plus one Ho Chi Minh City article here) → ``records_to_dataset`` →
N-Quads → the real server process (tests/serverproc.py) on a free loopback port.
"""

from __future__ import annotations

from pathlib import Path

from antq.graph.iris import entity_iri
from antq.graph.rdf import records_to_dataset
from antq.graph.record import Award, DocumentRecord, Meeting, Organization, Person, Post, Statistic
from fixtures_records import BASE, ev, review_conference, second_article
from oxigraph_server import OxigraphServer
from serverproc import ServerProcess

HCM_TEXT = (
    "Sáng 19/8, Công an Thành phố Hồ Chí Minh (CATP) tổ chức Ngày hội toàn dân bảo vệ ANTQ tại quận 1. "
    "Trung tướng Tô Văn Lâm, Giám đốc Công an TP.HCM chủ trì ngày hội. "
    "Dự có bà Lê Thị Mai, Phó Chủ tịch UBND TP.HCM, ông Đỗ Minh Tú, Trưởng Công an quận 1, "
    "ông Hồ Văn Phúc, ông Vũ Đức Anh và bà Đinh Thị Lan. "
    "Toàn thành phố có 1.200 mô hình tự quản về an ninh trật tự trong năm 2023. "
    "Trung tướng Tô Văn Lâm trao Giấy khen cho Công an quận 1 và ông Hồ Văn Phúc."
)
CATP = "Công an Thành phố Hồ Chí Minh"
UBND = "Ủy ban nhân dân Thành phố Hồ Chí Minh"
CA_Q1 = "Công an quận 1"
GUESTS = ["Hồ Văn Phúc", "Vũ Đức Anh", "Đinh Thị Lan"]


def hcm_article() -> DocumentRecord:
    e = lambda m: ev(m, text=HCM_TEXT, doc="t03")  # noqa: E731 - short local helper
    return DocumentRecord(
        doc="t03", title="Ngày hội toàn dân bảo vệ ANTQ", date="2023-08-19", province="Thành phố Hồ Chí Minh", text=HCM_TEXT,
        organizations=[
            Organization(name=CATP, key=CATP, kind="police", place="thành phố Hồ Chí Minh", aliases=["CATP", "Công an TP.HCM"], evidence=[e(CATP)]),
            Organization(name="UBND TP.HCM", key=UBND, kind="government", place="thành phố Hồ Chí Minh", evidence=[e("UBND TP.HCM")]),
            Organization(name=CA_Q1, key=CA_Q1, parent=CATP, parent_key=CATP, kind="police", place="quận 1", evidence=[e("Trưởng Công an quận 1")]),
        ],
        people=[
            Person(name="Tô Văn Lâm", rank="Trung tướng", key="Tô Văn Lâm",
                   posts=[Post(title="Giám đốc", org="Công an TP.HCM", org_key=CATP, evidence=[e("Giám đốc Công an TP.HCM")])], evidence=[e("Tô Văn Lâm")]),
            Person(name="Lê Thị Mai", key="Lê Thị Mai",
                   posts=[Post(title="Phó Chủ tịch", org="UBND TP.HCM", org_key=UBND, evidence=[e("Phó Chủ tịch UBND TP.HCM")])], evidence=[e("Lê Thị Mai")]),
            Person(name="Đỗ Minh Tú", key="Đỗ Minh Tú",
                   posts=[Post(title="Trưởng Công an", org=CA_Q1, org_key=CA_Q1, evidence=[e("Trưởng Công an quận 1")])], evidence=[e("Đỗ Minh Tú")]),
            *[Person(name=g, key=g, evidence=[e(g)]) for g in GUESTS[:-1]],
            Person(name=GUESTS[-1], key=GUESTS[-1], evidence=[e(GUESTS[-1])],
                   posts=[Post(title="nguyên Phó Chủ tịch", org="UBND TP.HCM", org_key=UBND, evidence=[e(GUESTS[-1])])]),
        ],
        meetings=[
            Meeting(label="Ngày hội toàn dân bảo vệ ANTQ", date="2023-08-19", place="quận 1", kind="ngày hội",
                    organizers=[CATP], organizer_keys=[CATP], chairs=["Tô Văn Lâm"],
                    attendees=["Tô Văn Lâm", "Lê Thị Mai", "Đỗ Minh Tú", *GUESTS], programme="09/CTr-BCA-MTTW",
                    key="t03-ngay-hoi", evidence=[e("Ngày hội toàn dân bảo vệ ANTQ"), e("chủ trì ngày hội")]),
        ],
        awards=[
            Award(type="Giấy khen", recipients="Công an quận 1 và ông Hồ Văn Phúc", presented_by=["Tô Văn Lâm"],
                  awarded_people=["Hồ Văn Phúc"], awarded_org_keys=[CA_Q1], meeting="t03-ngay-hoi",
                  evidence=[e("trao Giấy khen cho Công an quận 1 và ông Hồ Văn Phúc")]),
        ],
        statistics=[
            Statistic(text="1.200 mô hình tự quản", value=1200, unit="mô hình tự quản", place="thành phố Hồ Chí Minh", period="2023",
                      evidence=[e("1.200 mô hình tự quản")]),
        ],
    )


def records() -> list[DocumentRecord]:
    return [review_conference(), second_article(), hcm_article()]


def iri(kind: str, key: str) -> str:
    return entity_iri(BASE, kind, key)


def slug(kind: str, key: str) -> str:
    return iri(kind, key).rsplit("/", 1)[-1]


def write_graph(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "graph.nq"
    records_to_dataset(records(), BASE).serialize(destination=str(path), format="nquads")
    return path


BACKENDS = ["oxigraph", "sparql"]  # embedded store, and an external Oxigraph server over the SPARQL protocols


class Server:
    """The real server (``serverproc``: ``python -m antq.api.server``) serving ``data_dir/graph.nq``,
    from the embedded store or (``backend="sparql"``) from a real external Oxigraph server."""

    def __init__(self, data_dir: Path, backend: str = "oxigraph", **settings: str) -> None:
        self.external = OxigraphServer() if backend == "sparql" else None
        if self.external is not None:
            settings = {**self.external.settings, **settings}
        self.proc = ServerProcess(data_dir / "graph.nq", base_iri=BASE, data_dir=str(data_dir), **settings)
        self.url = self.proc.base_url
        try:
            self.proc.wait_ready()
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        self.proc.stop()
        if self.external is not None:
            self.external.stop()
