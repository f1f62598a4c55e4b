"""A synthetic graph shaped like antq-kg's, for benchmarks (about 330 triples per document).

Every document gets its own named graph holding what the RDF mapping would write for an
article: the article, evidence nodes, the bodies and officials it names (drawn from shared
pools, so entities recur across graphs as in the corpus), their posts, one meeting with
organisers, chairs, attendees, speakers and participations, a programme, an award and two
figures. The names are generated from syllables; they are not taken from the articles.
"""

from __future__ import annotations

import random
from pathlib import Path

from antq.graph.iris import ANTQ, ONTOLOGY_GRAPH, ORG, PROV, QB, SCHEMA, SDMX_DIMENSION, SDMX_MEASURE, graph_iri

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Hồng", "Thanh", "Đức", "Xuân", "Ngọc", "Hữu", "Thế", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Mai", "Nam", "Nhung", "Phong", "Phúc",
         "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vinh", "Yến", "Hà", "Lan", "Châu", "Duy", "Hiếu", "Kiên", "Linh", "Trung"]
PLACES = ["Hà Tĩnh", "Quảng Bình", "Nghệ An", "Thanh Hóa", "Bắc Ninh", "Hải Dương", "Lâm Đồng", "Đắk Lắk", "Cà Mau", "An Giang"]
RANKS = ["dai-ta", "thuong-ta", "trung-ta", "thieu-ta", "thieu-tuong", "dai-uy"]
TITLES = ["Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Trưởng Công an", "Bí thư", "Trưởng phòng"]
KINDS = ["tong-ket", "so-ket", "trien-khai", "ky-ket", "ngay-hoi"]


def lit(value: str | int | float, datatype: str | None = None, lang: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{text}"@{lang}'
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


class Writer:
    """Writes quads of one named graph at a time; counts what it wrote."""

    def __init__(self, out, base: str) -> None:  # noqa: ANN001 - a text file
        self.out, self.base, self.count, self.g = out, base, 0, ""

    def iri(self, kind: str, key: str | int) -> str:
        return f"<{self.base}id/{kind}/syn-{key}>"

    def q(self, s: str, p: str, o: str) -> None:
        self.out.write(f"{s} <{p}> {o} {self.g} .\n")
        self.count += 1


def _label(w: Writer, node: str, text: str, pref: bool = False) -> None:
    w.q(node, f"{SKOS}prefLabel" if pref else f"{SCHEMA}name", lit(text, lang="vi") if pref else lit(text))
    w.q(node, RDFS_LABEL, lit(text))


def _prov(w: Writer, node: str, doc: str, evidence: str) -> None:
    w.q(node, f"{ANTQ}mentionedIn", doc)
    w.q(node, f"{PROV}wasDerivedFrom", evidence)


def generate(path: Path, base: str, docs: int = 3000, seed: int = 7) -> int:
    """Write the synthetic N-Quads file; returns the number of quads written."""
    rnd = random.Random(seed)
    provinces = [f"{PLACES[i % len(PLACES)]} {i // len(PLACES) + 1}" for i in range(63)]
    per_province = 320
    with path.open("w", encoding="utf-8") as out:
        w = Writer(out, base)
        w.g = f"<{graph_iri(base, ONTOLOGY_GRAPH)}>"
        from antq.graph.rdf_terms import ontology_graph

        for s, p, o in ontology_graph():
            w.q(s.n3(), str(p), o.n3())
        for d in range(docs):
            w.g = f"<{graph_iri(base, f'syn{d}')}>"
            pv = rnd.randrange(len(provinces))
            _document(w, rnd, d, pv, provinces[pv], per_province)
    return w.count


def _document(w: Writer, rnd: random.Random, d: int, pv: int, province: str, per_province: int) -> None:
    doc = w.iri("doc", d)
    for t in (f"{SCHEMA}NewsArticle", f"{PROV}Entity"):
        w.q(doc, RDF_TYPE, f"<{t}>")
    w.q(doc, f"{SCHEMA}identifier", lit(f"syn{d}"))
    w.q(doc, f"{SCHEMA}headline", lit(f"Hội nghị về phong trào toàn dân bảo vệ an ninh Tổ quốc tại tỉnh {province}"))
    w.q(doc, RDFS_LABEL, lit(f"Bài syn{d}"))
    w.q(doc, f"{SCHEMA}datePublished", lit(f"20{10 + d % 15}-0{1 + d % 9}-1{d % 9}", "date"))
    w.q(doc, f"{SCHEMA}text", lit(f"Sáng nay, Công an tỉnh {province} tổ chức hội nghị. " * 4))
    evidence = []
    for i in range(6):
        ev = w.iri("evidence", f"{d}-{i}")
        evidence.append(ev)
        w.q(ev, RDF_TYPE, f"<{ANTQ}Evidence>")
        w.q(ev, RDF_TYPE, f"<{PROV}Entity>")
        w.q(ev, f"{ANTQ}document", doc)
        w.q(ev, f"{ANTQ}sentence", lit(f"Câu số {i} của bài syn{d} nói về Công an tỉnh {province}."))
        for prop, value in (("sentenceStart", i * 50), ("sentenceEnd", i * 50 + 49), ("start", i * 50 + 5), ("end", i * 50 + 20)):
            w.q(ev, f"{ANTQ}{prop}", lit(value, "integer"))
        w.q(ev, f"{ANTQ}extractor", lit("synthetic/1"))
    e = lambda: rnd.choice(evidence)  # noqa: E731 - short local helper
    place = w.iri("place", f"p{pv}")
    w.q(place, RDF_TYPE, f"<{SCHEMA}Place>")
    _label(w, place, f"tỉnh {province}")
    w.q(place, f"{ANTQ}adminLevel", lit("tỉnh"))
    _prov(w, place, doc, e())
    # bodies: the province's police, front and government, one district police, the ministry
    district = rnd.randrange(10)
    bodies = {
        "police": (f"o{pv}-police", f"Công an tỉnh {province}", "police", None),
        "front": (f"o{pv}-front", f"Ủy ban MTTQ Việt Nam tỉnh {province}", "front", None),
        "gov": (f"o{pv}-gov", f"UBND tỉnh {province}", "government", None),
        "district": (f"o{pv}-d{district}", f"Công an huyện {district + 1} tỉnh {province}", "police", f"o{pv}-police"),
        "ministry": ("ministry", "Bộ Công an", "police", None),
    }
    for key, name, kind, parent in bodies.values():
        node = w.iri("org", key)
        w.q(node, RDF_TYPE, f"<{ORG}Organization>")
        _label(w, node, name, pref=True)
        w.q(node, f"{SKOS}altLabel", lit(name.replace("Công an tỉnh", "CAT").replace("Ủy ban MTTQ Việt Nam", "UBMTTQ"), lang="vi"))
        w.q(node, f"{ANTQ}bodyKind", f"<{ANTQ}kind-{kind}>")
        if key != "ministry":
            w.q(node, f"{ANTQ}servesArea", place)
        if parent:
            w.q(node, f"{ORG}subOrganizationOf", w.iri("org", parent))
        _prov(w, node, doc, e())
    people = []
    for i in sorted(rnd.sample(range(per_province), 6)):
        n = pv * per_province + i
        person = w.iri("person", n)
        people.append(person)
        name = f"{FAMILY[n % 16]} {MIDDLE[(n // 16) % 12]} {GIVEN[(n // 192) % 30]}"
        w.q(person, RDF_TYPE, f"<{SCHEMA}Person>")
        w.q(person, RDF_TYPE, f"<{ANTQ}Official>")
        _label(w, person, name)
        w.q(person, f"{ANTQ}rank", f"<{ANTQ}rank-{RANKS[n % len(RANKS)]}>")
        _prov(w, person, doc, e())
        post = w.iri("post", f"{d}-{i}")
        w.q(person, f"{ANTQ}holds", post)
        w.q(post, RDF_TYPE, f"<{ORG}Membership>")
        w.q(post, f"{ORG}member", person)
        body = ("police", "front", "gov", "district")[n % 4]
        w.q(post, f"{ORG}organization", w.iri("org", bodies[body][0]))
        w.q(post, f"{ANTQ}postTitle", lit(TITLES[n % len(TITLES)]))
        w.q(post, f"{ANTQ}observedOn", lit(f"20{10 + d % 15}-0{1 + d % 9}-1{d % 9}", "date"))
        _prov(w, post, doc, e())
    programme = w.iri("programme", f"g{d % 60}")
    for t in (f"{ANTQ}CoordinationProgramme", f"{PROV}Plan", f"{SCHEMA}CreativeWork"):
        w.q(programme, RDF_TYPE, f"<{t}>")
    _label(w, programme, f"Chương trình phối hợp số {d % 60:02d}/CTr-BCA-MTTW")
    w.q(programme, f"{ANTQ}programmeNumber", lit(f"{d % 60:02d}/CTr-BCA-MTTW"))
    w.q(programme, f"{ANTQ}signedOn", lit(f"20{10 + d % 60 % 15}-08-19", "date"))
    w.q(programme, f"{ANTQ}party", w.iri("org", "ministry"))
    w.q(programme, f"{ANTQ}implementedBy", w.iri("org", bodies["police"][0]))
    w.q(programme, f"{ANTQ}implementedBy", w.iri("org", bodies["front"][0]))
    _prov(w, programme, doc, e())
    meeting = w.iri("meeting", d)
    w.q(meeting, RDF_TYPE, f"<{ANTQ}Meeting>")
    w.q(meeting, RDF_TYPE, f"<{SCHEMA}Event>")
    _label(w, meeting, f"Hội nghị tổng kết Chương trình phối hợp số {d % 60:02d} tại tỉnh {province} ({d})")
    w.q(meeting, f"{ANTQ}meetingKind", f"<{ANTQ}meeting-{KINDS[d % len(KINDS)]}>")
    w.q(meeting, f"{SCHEMA}startDate", lit(f"20{10 + d % 15}-0{1 + d % 9}-1{d % 9}", "date"))
    w.q(meeting, f"{SCHEMA}location", place)
    w.q(meeting, f"{SCHEMA}organizer", w.iri("org", bodies["police"][0]))
    w.q(meeting, f"{SCHEMA}organizer", w.iri("org", bodies["front"][0]))
    w.q(meeting, f"{SCHEMA}about", programme)
    roles = [("chair", p) for p in people[:2]] + [("speaker", people[2])] + [("attendee", p) for p in people]
    for role, person in roles:
        prop = {"chair": f"{ANTQ}chair", "speaker": f"{ANTQ}speaker", "attendee": f"{SCHEMA}attendee"}[role]
        w.q(meeting, prop, person)
        part = f"<{meeting[1:-1]}/{role}/{person[1:-1].rsplit('/', 1)[-1]}>"
        w.q(part, RDF_TYPE, f"<{ANTQ}Participation>")
        w.q(part, f"{ANTQ}participant", person)
        w.q(part, f"{ANTQ}inMeeting", meeting)
        w.q(part, f"{ANTQ}participationRole", f"<{ANTQ}role-{role}>")
        w.q(meeting, f"{ANTQ}participation", part)
        _prov(w, part, doc, e())
    _prov(w, meeting, doc, e())
    award = w.iri("award", d)
    w.q(award, RDF_TYPE, f"<{ANTQ}Award>")
    w.q(award, RDF_TYPE, f"<{PROV}Entity>")
    w.q(award, f"{ANTQ}awardType", f"<{ANTQ}award-bang-khen>")
    w.q(award, RDFS_LABEL, lit(f"Bằng khen (Giám đốc Công an tỉnh {province})"))
    w.q(award, f"{ANTQ}conferredBy", w.iri("org", bodies["police"][0]))
    w.q(award, f"{ANTQ}conferrerLabel", lit("Giám đốc Công an tỉnh"))
    w.q(award, f"{ANTQ}recipientsText", lit(f"{d % 20 + 1} tập thể và {d % 30 + 1} cá nhân"))
    w.q(award, f"{ANTQ}collectiveRecipients", lit(d % 20 + 1, "integer"))
    w.q(award, f"{ANTQ}individualRecipients", lit(d % 30 + 1, "integer"))
    w.q(award, f"{ANTQ}presentedBy", people[0])
    w.q(award, f"{ANTQ}atMeeting", meeting)
    _prov(w, award, doc, e())
    for i in range(2):
        fig = w.iri("stat", f"{d}-{i}")
        w.q(fig, RDF_TYPE, f"<{QB}Observation>")
        w.q(fig, RDF_TYPE, f"<{ANTQ}Figure>")
        w.q(fig, f"{QB}dataSet", f"<{ANTQ}figures>")
        w.q(fig, f"{SDMX_MEASURE}obsValue", lit(rnd.randrange(10, 90000), "decimal"))
        w.q(fig, f"{ANTQ}unit", lit(("nguồn tin", "mô hình tự quản", "khẩu súng tự chế")[(d + i) % 3]))
        w.q(fig, f"{ANTQ}qualifier", f"<{ANTQ}qualifier-{('exact', 'over')[i]}>")
        w.q(fig, f"{ANTQ}figureText", lit(f"hơn {d} nguồn tin"))
        w.q(fig, RDFS_LABEL, lit(f"hơn {d} nguồn tin"))
        w.q(fig, f"{SDMX_DIMENSION}refArea", place)
        w.q(fig, f"{SDMX_DIMENSION}refPeriod", lit(f"20{10 + d % 15}"))
        _prov(w, fig, doc, e())
