"""The extraction record: the plain-data contract between extraction and the RDF layer.

Recognisers fill these dataclasses; ``antq.graph.rdf`` turns them into triples and
``antq extract`` prints them as JSON. Nothing here knows about RDF.

Names are kept *as written* (``name``) for the JSON record, which follows the
annotation conventions of the gold files, and *resolved* (``key``) for entity
resolution: abbreviations expanded, a bare "Công an tỉnh" completed with the
article's province, tone marks unified. Two mentions with the same key are one node.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

EXTRACTOR_VERSION = "antq-extract/0.1.0"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the document, the sentence and the character span.

    Offsets are into the document's original text (NFC), so ``text[start:end]`` is the
    mention and ``text[sentence_start:sentence_end]`` the whole sentence.
    """

    doc: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    extractor: str = EXTRACTOR_VERSION


@dataclass
class Post:
    title: str  # as written, e.g. "Phó Giám đốc"
    org: str | None  # as written, e.g. "Công an tỉnh"
    org_key: str | None = None  # resolved organisation key, e.g. "Công an tỉnh Hà Tĩnh"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Person:
    name: str  # full name, no rank or title
    rank: str | None = None
    posts: list[Post] = field(default_factory=list)
    key: str = ""  # normalised name used for entity resolution
    evidence: list[Evidence] = field(default_factory=list)


# Kinds of body, used for colouring the network and for SKOS classification.
ORG_KINDS = ("police", "front", "party", "government", "steering", "other")


@dataclass
class Organization:
    name: str  # as written (the longest form seen in the document)
    parent: str | None = None  # as written
    key: str = ""  # resolved canonical name
    parent_key: str | None = None
    kind: str = "other"  # one of ORG_KINDS
    place: str | None = None  # administrative unit the body serves, e.g. "tỉnh Hà Tĩnh"
    aliases: list[str] = field(default_factory=list)  # abbreviations and other forms seen
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Programme:
    name: str
    number: str  # e.g. "09/CTr-BCA-MTTW" or "478"
    signed: str | None = None  # ISO date
    period: str | None = None  # "2013-2023"
    parties: list[str] = field(default_factory=list)  # organisation names as written
    party_keys: list[str] = field(default_factory=list)
    key: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Meeting:
    label: str
    date: str | None = None  # ISO date
    place: str | None = None
    organizers: list[str] = field(default_factory=list)  # organisation names as written
    chairs: list[str] = field(default_factory=list)  # person names
    attendees: list[str] = field(default_factory=list)  # includes chairs and speakers
    speakers: list[str] = field(default_factory=list)
    kind: str | None = None  # "tổng kết", "sơ kết", "triển khai", "ký kết", "ngày hội", …
    programme: str | None = None  # programme key the meeting is about
    organizer_keys: list[str] = field(default_factory=list)
    key: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    # Where each role was read: "chair|Trần Văn A" → the sentence saying that A chaired.
    role_evidence: dict[str, list[Evidence]] = field(default_factory=dict)


@dataclass
class Award:
    type: str  # "Bằng khen", "Giấy khen", "Kỷ niệm chương", "Cờ thi đua", "Khen thưởng", …
    name: str | None = None  # the award's full name when it has one, e.g. "Huân chương Bảo vệ Tổ quốc hạng Ba"
    conferred_by: str | None = None  # as written, e.g. "Chủ tịch UBND tỉnh Hà Tĩnh"
    recipients: str | None = None  # as written, e.g. "9 tập thể và 15 cá nhân"
    presented_by: list[str] = field(default_factory=list)  # person names
    awarded_people: list[str] = field(default_factory=list)  # recipients named as people
    awarded_org_keys: list[str] = field(default_factory=list)  # recipients named as bodies (resolved keys)
    collectives: int | None = None
    individuals: int | None = None
    conferrer_key: str | None = None  # resolved organisation key of the conferrer
    meeting: str | None = None  # meeting key
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Statistic:
    text: str  # the figure with its unit as written, e.g. "hơn 81 nghìn lượt đơn thư"
    value: float | int
    unit: str
    qualifier: str = "exact"  # exact | over | approx | under
    of_total: float | int | None = None  # "852/1.056" → 1056
    place: str | None = None
    period: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


# The keys of a JSON record, in the order of the gold files.
RECORD_KEYS = ("meetings", "people", "organizations", "programmes", "awards", "statistics")

_PUBLIC = {
    "meetings": ("label", "date", "place", "organizers", "chairs", "attendees", "speakers"),
    "people": ("name", "rank", "posts"),
    "organizations": ("name", "parent"),
    "programmes": ("name", "number", "signed", "period", "parties"),
    "awards": ("type", "name", "conferred_by", "recipients", "presented_by"),
    "statistics": ("text", "value", "unit", "qualifier"),
}


@dataclass
class DocumentRecord:
    doc: str
    title: str | None = None
    date: str | None = None  # ISO date (or YYYY-MM) of publication
    url: str | None = None
    source: str | None = None
    province: str | None = None  # the article's province, e.g. "Hà Tĩnh"
    text: str = ""
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    extractor: str = EXTRACTOR_VERSION

    def to_json(self, *, evidence: bool = True) -> dict[str, Any]:
        """The record in the gold format; with ``evidence`` each fact also carries its spans."""
        out: dict[str, Any] = {"doc": self.doc, "date": self.date, "title": self.title}
        for key in RECORD_KEYS:
            rows = []
            for item in getattr(self, key):
                full = asdict(item)
                row = {k: full[k] for k in _PUBLIC[key]}
                if key == "people":
                    row["posts"] = [{"title": p["title"], "org": p["org"]} for p in full["posts"]]
                if evidence:
                    row["evidence"] = [_evidence_json(e) for e in full["evidence"]]
                rows.append(row)
            out[key] = rows
        out["extractor"] = self.extractor
        return out


def _evidence_json(e: dict[str, Any]) -> dict[str, Any]:
    return {k: e[k] for k in ("sentence", "start", "end", "sentence_start", "sentence_end")}
