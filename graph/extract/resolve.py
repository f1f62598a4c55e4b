"""Resolution keys: the canonical name an organisation mention stands for.

"CATP", "Công an TPHCM" and "Công an Thành phố Hồ Chí Minh" are one body; a bare
"Công an tỉnh" in an article about Hà Tĩnh is "Công an tỉnh Hà Tĩnh". Keys expand
abbreviations, lower-case the unit words and unify tone placement, so that two
articles naming the same body mint the same IRI.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from antq.graph import lexicon
from antq.graph.extract.orgs import NAMED_HEADS, OrgMention
from antq.graph.gazetteer import gazetteer
from antq.graph.text import match_key

_CITY_ALIASES = re.compile(r"\b(?:TP\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Thành phố Hồ Chí Minh|thành phố Hồ Chí Minh)\b")
_EXPAND = [
    (re.compile(r"(?<=MTTQ )VN\b"), "Việt Nam"),  # "Ủy ban MTTQ VN tỉnh X"
    (re.compile(r"(?<=ban )(?:T\.Ư|TƯ|TW)(?![\w])"), "Trung ương"),  # "Ủy ban T.Ư MTTQ"
    (re.compile(r"\bUBTƯ\b|\bUBTW\b"), "Ủy ban Trung ương"),
    (re.compile(r"\bUBMTTQ\b"), "Ủy ban Mặt trận Tổ quốc"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bBCA\b"), "Bộ Công an"),
    (re.compile(r"\bCCB\b"), "Cựu chiến binh"),
    (re.compile(r"\bCHQS\b"), "Chỉ huy Quân sự"),
    (re.compile(r"\bCATP\b"), "Công an thành phố"),
    (re.compile(r"\bCAT\b"), "Công an tỉnh"),
    (re.compile(r"\bTP\.\s?|\bTP\b"), "thành phố "),
    (re.compile(r"Mặt trận Tổ quốc(?! Việt Nam)"), "Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\b(Tỉnh|Thành phố|Quận|Huyện|Phường|Xã|Thị xã|Thị trấn|Nhân dân)\b"), None),
]


@dataclass
class DocPlaces:
    """The places an article is about, for completing bare units ("Công an tỉnh")."""

    province: str | None = None
    by_unit: dict[str, str] | None = None  # unit word (lower) → place, e.g. "quận" → "1"
    aliases: dict[str, str] = field(default_factory=dict)  # bare key → the fuller key it stands for
    doc: str = ""


def doc_places(orgs: list[OrgMention], text: str, doc: str = "") -> DocPlaces:
    provinces: Counter[str] = Counter()
    by_unit: dict[str, Counter[str]] = {}
    gz = gazetteer()
    for o in orgs:
        if not o.place:
            continue
        unit = (o.unit or "").lower().rstrip(".")
        by_unit.setdefault(unit, Counter())[o.place] += 1
        prov = gz.province_of(o.place)
        if prov and unit in ("", "tỉnh", "thành phố", "tp"):
            provinces[prov] += 2
        elif prov:
            provinces[prov] += 1
    for m in re.finditer(r"(?:tỉnh|TP\.?|thành phố)\s*((?:[A-ZĐ][^\s,.;:]*\s?){1,3})", text):
        prov = gz.province_of(" ".join(m.group(1).split()[:2])) or gz.province_of(m.group(1).split()[0])
        if prov:
            provinces[prov] += 1
    if _CITY_ALIASES.search(text):
        provinces["Hồ Chí Minh"] += 2
    province = provinces.most_common(1)[0][0] if provinces else None
    return DocPlaces(province, {u: c.most_common(1)[0][0] for u, c in by_unit.items()}, doc=doc)


def _expand(name: str) -> str:
    name = _CITY_ALIASES.sub("thành phố Hồ Chí Minh", name)
    for pattern, repl in _EXPAND:
        name = pattern.sub(repl if repl is not None else (lambda m: m.group().lower()), name)
    name = re.sub(r"\s+", " ", name).strip()
    return name[0].upper() + name[1:] if name else name


def org_key(org: OrgMention, places: DocPlaces) -> str:
    if org.expands is not None:
        return org_key(org.expands, places)
    name = org.name
    if org.parent is not None and org.parent.start >= org.end:
        pass  # "Cục X, Bộ Công an": the parent is a separate node
    unit = (org.unit or "").lower().rstrip(".")
    if org.head == "CATP" and places.province:
        name = f"Công an thành phố {places.province}"
    elif re.fullmatch(r"(?:Công an|UBND|Ủy ban nhân dân|Ủy ban MTTQ Việt Nam|Thành ủy)\s+(?:TP|Thành phố|thành phố)", name):
        city = (places.by_unit or {}).get("thành phố")
        if city and gazetteer().province_of(city) not in (None, city):
            name = f"{name} {city}"  # the article's city below the province ("Công an thành phố" of Thuận An)
        else:
            name = name + (" " + places.province if places.province and "TP" not in name else "")
        if "TP" in name and places.province:
            name = re.sub(r"\bTP\b\.?", "thành phố " + places.province, name)
    elif org.head == "CAT" and places.province:
        name = "Công an tỉnh " + places.province
    elif org.unit and not org.place and places.by_unit:
        filler = places.by_unit.get(unit)
        # "Công an thành phố" in an article about Thuận An (a city of Bình Dương) is that city's
        # police; in an article about Đà Nẵng, the province-level city's
        city_of_province = unit in ("thành phố", "tp") and filler and gazetteer().province_of(filler) not in (None, filler)
        if unit in ("tỉnh", "thành phố", "tp") and places.province and not city_of_province:
            filler = places.province
        if filler:
            name = f"{name} {filler}"
    elif org.head.endswith(("ủy", "uỷ")) and not org.place and places.province:
        level = org.head.split()[0].lower()
        if level in ("tỉnh", "thành"):
            name = f"{name} {places.province}"
        elif places.by_unit:
            filler = places.by_unit.get(level)
            if filler:
                name = f"{name} {level} {filler}" if filler.isdigit() else f"{name} {filler}"
    if org.head in ("Công an", "UBND") and org.place and not org.unit and gazetteer().province_of(org.place):
        name = _CITY_ALIASES.sub("thành phố Hồ Chí Minh", name)
        pkey = match_key(org.place)
        if name == f"{org.head} {org.place}" and pkey in gazetteer().provinces:
            # "Công an Ninh Bình" in a headline is the province's police: "Công an tỉnh Ninh Bình"
            unit_word = "thành phố" if pkey in gazetteer().cities else "tỉnh"
            name = f"{org.head} {unit_word} {gazetteer().province_names.get(pkey, org.place)}"
    key = match_key(_expand(name))
    # "Thành ủy thành phố Hồ Chí Minh" = "Thành ủy TPHCM" = "Thành ủy Hồ Chí Minh"; "Quận ủy quận 1" keeps its unit.
    key = _PARTY_UNIT.sub(r"\1 ", key)
    if _BARE_UNIT.search(key):
        key = f"{key} @{places.doc}"  # a unit the article never names: local to this article
    elif org.parent is not None and org.unit is None and org.place is None and (org.parent.unit or org.parent.place) \
            and org.head not in NAMED_HEADS:  # "Đồn Biên phòng X" is one body whatever its parent
        key = f"{key}, {org_key(org.parent, places)}"  # "Phòng X - Công an tỉnh Y": one per province
    return places.aliases.get(key, key)


_PARTY_UNIT = re.compile(r"^((?:Thành|Tỉnh|Huyện|Quận|Thị) ủy) (?:thành phố|tỉnh|huyện|quận|thị xã) (?!\d)")
_BARE_UNIT = re.compile(rf"\s(?:{lexicon.unit_words(lexicon.PROVINCE_UNITS, lexicon.DISTRICT_UNITS, lexicon.COMMUNE_UNITS)})$")


def conferrer_key(conferrer: str, places: DocPlaces) -> str | None:
    """The body behind "Chủ tịch UBND tỉnh Hà Tĩnh" or "CATP", for telling awards apart."""
    from antq.graph.extract.orgs import _ANY_HEAD, parse_org

    m = _ANY_HEAD.search(conferrer)
    org = parse_org(conferrer, m.start()) if m else None
    if org is None:
        return None
    title = conferrer[: m.start()].strip()
    return (title + " | " if title else "") + org_key(org, places)


def display_name(key: str) -> str:
    return key


abbreviations = lexicon.ABBREVIATIONS
