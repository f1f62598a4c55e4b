"""The corpus, its metadata sidecars and the gold annotations are well formed and faithful.

- every corpus/*.txt is byte-identical to its seed in ../shared/seeds, and every seed is in corpus/;
- every .txt has a ``<stem>.json`` sidecar with the agreed keys, language "vi" and a valid date;
- every tests/gold/*.json has exactly the record keys, well-typed values, attendees ⊇ chairs ∪
  speakers, meeting people listed in ``people``, and mentions that can be found in the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REPO = HERE.parents[1]
CORPUS = REPO / "corpus"
GOLD = HERE.parent / "gold"
SHARED = HERE.parents[2] / "shared"
SEEDS = SHARED / "seeds"

DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
GOLDS = sorted(p.stem for p in GOLD.glob("*.json"))

SIDECAR_KEYS = {"id", "title", "source", "url", "published", "language"}
SIDECAR_OPTIONAL = {"title_source"}
TOP_KEYS = {"doc", "meetings", "people", "organizations", "programmes", "awards", "statistics"}
RECORD_KEYS = {
    "meetings": {"label", "date", "place", "organizers", "chairs", "attendees", "speakers"},
    "people": {"name", "rank", "posts"},
    "organizations": {"name", "parent"},
    "programmes": {"name", "number", "signed", "period", "parties"},
    "awards": {"type", "conferred_by", "recipients", "presented_by"},
    "statistics": {"text", "value", "unit", "qualifier"},
}
QUALIFIERS = {"exact", "over", "approx"}
RANKS = {
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
}
MULTIPLIERS = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000}
NUMBER = re.compile(r"(\d+(?:\.\d{3})*(?:,\d+)?)\s*(nghìn|ngàn|triệu|tỷ)?")


def _require_shared() -> None:
    if not SEEDS.is_dir():
        pytest.fail(
            f"shared seed folder not found at {SEEDS}: the corpus test compares corpus/*.txt "
            "with the original seeds in <workspace>/shared/seeds and cannot run without them"
        )


def _text(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _is_iso_date(value: str) -> bool:
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _is_year_month(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value))


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _opt_str(value) -> bool:
    return value is None or (isinstance(value, str) and bool(value.strip()))


# ---------------------------------------------------------------- corpus files


def test_corpus_is_not_empty_and_matches_the_seed_list():
    _require_shared()
    seeds = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert seeds, f"no seed articles in {SEEDS}"
    assert DOCS == seeds, "corpus/*.txt must be exactly the seed articles"


def test_corpus_has_no_dev_articles():
    dev = {p.stem for p in (SHARED / "corpus-dev").glob("*.txt")}
    assert not dev & set(DOCS), "corpus-dev articles must not be copied into corpus/"


@pytest.mark.parametrize("stem", DOCS)
def test_text_is_byte_identical_to_seed(stem):
    _require_shared()
    seed = SEEDS / f"{stem}.txt"
    assert seed.is_file(), f"{stem}.txt has no seed in {SEEDS}"
    assert (CORPUS / f"{stem}.txt").read_bytes() == seed.read_bytes()


@pytest.mark.parametrize("stem", DOCS)
def test_sidecar(stem):
    path = CORPUS / f"{stem}.json"
    assert path.is_file(), f"missing sidecar {path.name}"
    meta = _load(path)
    keys = set(meta)
    assert SIDECAR_KEYS <= keys, f"missing keys {SIDECAR_KEYS - keys}"
    assert keys <= SIDECAR_KEYS | SIDECAR_OPTIONAL, f"unexpected keys {keys - SIDECAR_KEYS - SIDECAR_OPTIONAL}"
    assert meta["id"] == stem
    assert meta["language"] == "vi"
    assert isinstance(meta["title"], str) and meta["title"].strip()
    if "title_source" in meta:
        assert meta["title_source"] == "editor"
    else:  # a title taken from the article must be found in it
        assert meta["title"] in _text(stem), "title is not in the text; mark it title_source=editor"
    assert _opt_str(meta["source"])
    assert _opt_str(meta["url"])
    published = meta["published"]
    assert published is None or (
        isinstance(published, str) and (_is_iso_date(published) or _is_year_month(published))
    ), f"published must be YYYY-MM-DD, YYYY-MM or null, got {published!r}"


@pytest.mark.parametrize("stem", DOCS)
def test_sidecar_date_agrees_with_date_tag(stem):
    """A leading 'date YYYY-MM' tag in the text must agree with the sidecar's date."""
    tag = re.match(r"\s*date (\d{4}-\d{2})\b", _text(stem))
    published = _load(CORPUS / f"{stem}.json")["published"]
    if tag:
        assert published is not None and published.startswith(tag.group(1))


# ---------------------------------------------------------------- gold files


def test_every_corpus_document_has_gold_and_vice_versa():
    assert GOLDS, "no gold files"
    assert GOLDS == DOCS


@pytest.mark.parametrize("stem", GOLDS)
def test_gold_shape_and_types(stem):
    gold = _load(GOLD / f"{stem}.json")
    assert set(gold) == TOP_KEYS
    assert gold["doc"] == stem
    for section, keys in RECORD_KEYS.items():
        assert isinstance(gold[section], list), section
        for item in gold[section]:
            assert isinstance(item, dict) and set(item) == keys, f"{section}: {item}"

    for m in gold["meetings"]:
        assert isinstance(m["label"], str) and m["label"].strip()
        assert m["date"] is None or _is_iso_date(m["date"]), m["date"]
        assert _opt_str(m["place"])
        for role in ("organizers", "chairs", "attendees", "speakers"):
            assert _str_list(m[role]), (role, m[role])
            assert len(set(m[role])) == len(m[role]), f"duplicate in {role}"
    for p in gold["people"]:
        assert isinstance(p["name"], str) and len(p["name"].split()) >= 2, p["name"]
        assert p["rank"] is None or p["rank"] in RANKS, p["rank"]
        assert isinstance(p["posts"], list)
        for post in p["posts"]:
            assert set(post) == {"title", "org"} and isinstance(post["title"], str) and _opt_str(post["org"])
    for o in gold["organizations"]:
        assert isinstance(o["name"], str) and o["name"].strip() and _opt_str(o["parent"])
        assert o["parent"] != o["name"]
    for pr in gold["programmes"]:
        assert isinstance(pr["name"], str) and isinstance(pr["number"], str) and pr["number"]
        assert pr["signed"] is None or _is_iso_date(pr["signed"])
        assert pr["period"] is None or re.fullmatch(r"\d{4}-\d{4}", pr["period"])
        assert _str_list(pr["parties"])
    for a in gold["awards"]:
        assert isinstance(a["type"], str) and a["type"].strip()
        assert _opt_str(a["conferred_by"]) and _opt_str(a["recipients"])
        assert _str_list(a["presented_by"])
    for s in gold["statistics"]:
        assert isinstance(s["text"], str) and isinstance(s["unit"], str) and s["unit"]
        assert isinstance(s["value"], (int, float)) and not isinstance(s["value"], bool)
        assert s["qualifier"] in QUALIFIERS


@pytest.mark.parametrize("stem", GOLDS)
def test_gold_meeting_roles_are_consistent(stem):
    gold = _load(GOLD / f"{stem}.json")
    people = {p["name"] for p in gold["people"]}
    assert len(people) == len(gold["people"]), "a person is listed twice"
    orgs = {o["name"] for o in gold["organizations"]}
    assert len(orgs) == len(gold["organizations"]), "an organisation is listed twice"
    for m in gold["meetings"]:
        attendees = set(m["attendees"])
        assert set(m["chairs"]) | set(m["speakers"]) <= attendees, m["label"]
        assert attendees <= people, f"meeting people missing from people: {attendees - people}"
        assert set(m["organizers"]) <= orgs, f"organisers missing: {set(m['organizers']) - orgs}"
    for a in gold["awards"]:
        assert set(a["presented_by"]) <= people
    for pr in gold["programmes"]:
        assert set(pr["parties"]) <= orgs, f"parties missing: {set(pr['parties']) - orgs}"
    for o in gold["organizations"]:
        assert o["parent"] is None or o["parent"] in orgs, f"parent {o['parent']!r} not listed"


@pytest.mark.parametrize("stem", GOLDS)
def test_gold_mentions_are_in_the_text(stem):
    """Names are verbatim; organisation/programme/award mentions as written (case aside)."""
    gold, text = _load(GOLD / f"{stem}.json"), _text(stem)
    # "Ban Chỉ đạo … (Ban Chỉ đạo 138) phường" names "Ban Chỉ đạo 138 phường": the short form
    # defined in brackets combines with the unit that follows, so read the text without brackets too.
    folded = text.casefold() + "\n" + re.sub(r"\(([^()]*)\)", r"\1", text).casefold()

    def written(s: str | None) -> bool:
        return s is None or s.casefold() in folded

    for p in gold["people"]:
        assert p["name"] in text, p["name"]
        assert p["rank"] is None or f"{p['rank']} {p['name']}" in text, (p["rank"], p["name"])
        for post in p["posts"]:
            assert written(post["title"]) and written(post["org"]), post
    for o in gold["organizations"]:
        assert written(o["name"]) and written(o["parent"]), o
    for pr in gold["programmes"]:
        assert written(pr["number"]), pr["number"]
    for a in gold["awards"]:
        assert written(a["type"]) and written(a["conferred_by"]) and written(a["recipients"]), a
    for m in gold["meetings"]:
        assert written(m["place"]), m["place"]


def _parse_figure(text: str) -> Decimal:
    match = NUMBER.search(text)
    assert match, f"no number in {text!r}"
    number, multiplier = match.groups()
    value = Decimal(number.replace(".", "").replace(",", "."))
    return value * MULTIPLIERS[multiplier] if multiplier else value


def _expected_qualifier(text: str) -> str:
    first = text.split()[0].casefold()
    return {"gần": "approx", "khoảng": "approx", "hơn": "over", "trên": "over"}.get(first, "exact")


@pytest.mark.parametrize("stem", GOLDS)
def test_gold_statistics_agree_with_their_text(stem):
    gold, text = _load(GOLD / f"{stem}.json"), _text(stem)
    for s in gold["statistics"]:
        assert s["text"] in text, f"statistic text not in document: {s['text']!r}"
        assert s["unit"] in s["text"], s
        assert Decimal(str(s["value"])) == _parse_figure(s["text"]), s
        assert s["qualifier"] == _expected_qualifier(s["text"]), s
        assert not re.search(r"\b\d+ (năm|tháng)\b", s["text"]), f"duration is not a statistic: {s}"
