"""Which administrative unit a place name denotes, and the province that holds it.

Articles name places loosely: "TPHCM", "thành phố Hồ Chí Minh" and "Hồ Chí Minh" are one
city, while "quận 1" of one city and "phường 1" of another are two places. A place's
identity is therefore its level, its name and its province (and its district, when the
text names it), never the bare name. The province comes from the gazetteer of the article's
time (the two-level map for news since 1 July 2025) when the name is unambiguous, otherwise
from the article's own province: news of the genre rarely names a commune of another
province without saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from antq.graph import lexicon
from antq.graph.gazetteer import PROVINCE_ALIASES, gazetteer
from antq.graph.text import match_key

# Words an administrative unit's name starts with, longest first ("thị xã" before "xã");
# "TP" is the usual short form of "thành phố".
ADMIN_LEVELS = tuple(lexicon.unit_words(lexicon.PROVINCE_UNITS, lexicon.DISTRICT_UNITS, lexicon.COMMUNE_UNITS).split("|")) \
    + ("thôn", "xóm", "ấp", "bản", "khu phố", "tổ dân phố")
# Below the communes: not in the gazetteer, and capitalised they start proper names ("Bản Phùng").
VILLAGE_LEVELS = ("thôn", "xóm", "ấp", "bản", "khu phố", "tổ dân phố")
_LEVEL = re.compile(rf"^(?:({'|'.join(ADMIN_LEVELS)}|tp)\s+|(tp)\.\s*)", re.IGNORECASE)  # "TP.Vinh" too
PROVINCE_LEVELS = lexicon.PROVINCE_UNITS
DISTRICT_LEVELS = lexicon.DISTRICT_UNITS
COMMUNE_LEVELS = lexicon.COMMUNE_UNITS
_ALIASES = {alias.casefold(): province for alias, province in PROVINCE_ALIASES.items()}


@dataclass(frozen=True)
class Place:
    name: str  # as shown: "Hà Tĩnh", "Quận 1", "Thành phố Vũng Tàu"
    level: str | None  # "tỉnh", "thành phố", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn"
    province: str | None  # the province holding a lower unit; None for a province or when unknown
    district: Place | None = None  # the district-level unit holding a commune, when the article says

    @property
    def key(self) -> str:
        """Identity: a province by its name, a lower unit by its name, district and province
        ("Phường 7" of one district is not "Phường 7" of the next)."""
        within = [x for x in (self.district.name if self.district else None, self.province) if x]
        return ", ".join([self.name, *within])

    @property
    def is_province(self) -> bool:
        return self.province is None and self.level in PROVINCE_LEVELS


def _split(text: str) -> tuple[str | None, str]:
    text = " ".join(text.split()).strip(" ,.;:")
    m = _LEVEL.match(text)
    if not m:
        return None, text
    written = m.group(1) or m.group(2)
    level = written.lower()
    if level in VILLAGE_LEVELS and written != level and not re.match(r"\d", text[m.end():]):
        return None, text  # "Bản Phùng" is a name, "Ấp 3" a hamlet
    level = "thành phố" if level.startswith("tp") else level
    inner, rest = _split(text[m.end():])  # "thành phố TP. Vũng Tàu": the level written twice
    return (level if inner is None or inner == level else inner), rest


def _pick(candidates: frozenset[str] | None, context: str | None) -> str | None:
    if not candidates:
        return None
    if context in candidates:
        return context
    return next(iter(candidates)) if len(candidates) == 1 else None


def province_place(name: str) -> Place:
    gz = gazetteer()
    return Place(name, "thành phố" if match_key(name) in gz.cities else "tỉnh", None)


REFORM_DATE = "2025-07-01"  # the two-level local government: districts abolished, provinces merged


def resolve_place(text: str, context_province: str | None = None, article_date: str | None = None,
                  within: Place | None = None) -> Place:
    """The unit ``text`` names, read against the article's province ``context_province`` and
    the map of the article's time (a commune of a merged province now lies in the new one);
    ``within`` is a unit the text puts it in ("Công an phường 7, Công an quận 3": the
    police of a ward answer to its district's)."""
    place = _resolve(text, context_province, article_date)
    if (within is not None and within.province is not None and within.level in DISTRICT_LEVELS
            and place.level in (*COMMUNE_LEVELS, *VILLAGE_LEVELS) and place.province in (None, within.province)):
        return replace(place, province=within.province, district=within)
    return place


def _resolve(text: str, context_province: str | None, article_date: str | None) -> Place:
    gz = gazetteer()
    whole = " ".join(text.split())
    if (alias := _ALIASES.get(whole.casefold())) is not None:
        return province_place(alias)
    level, name = _split(whole)
    if (alias := _ALIASES.get(name.casefold())) is not None and level in (None, *PROVINCE_LEVELS):
        return province_place(alias)
    key = match_key(name)
    if key in gz.provinces and level in (None, *PROVINCE_LEVELS):
        province = gz.province_names[key]
        # "thành phố Hà Tĩnh" is the provincial capital, a district-level city of tỉnh Hà Tĩnh
        capital = level == "thành phố" and match_key(province) not in gz.cities and key in gz.district_provinces
        if not capital:
            return province_place(province)
    if level in VILLAGE_LEVELS:
        province = context_province
    elif level not in ("huyện", "quận", "thị xã") and article_date is not None and article_date >= REFORM_DATE \
            and key in gz.ward_provinces_2025:
        province = _pick(gz.ward_provinces_2025.get(key), context_province)
        level = level or gz.unit_levels_2025.get(key)
    elif key in gz.district_provinces or key in gz.ward_provinces:
        # a commune is looked up among communes first ("xã Phú Lộc" is not the district of that name)
        tables = (gz.ward_provinces, gz.district_provinces) if level in COMMUNE_LEVELS else (gz.district_provinces, gz.ward_provinces)
        province = _pick(tables[0].get(key), context_province) or _pick(tables[1].get(key), context_province)
        level = level or gz.unit_levels.get(key)
    elif level in PROVINCE_LEVELS and level != "thành phố":
        return Place(name, level, None)  # a province the gazetteer does not know (a post-2025 name)
    else:
        province = context_province if level else None
    shown = f"{level[0].upper()}{level[1:]} {name}" if level else name
    return Place(shown, level, province)


def province_name(text: str | None) -> str | None:
    """The canonical name of the province ``text`` names ("Thành phố Hồ Chí Minh" → "Hồ Chí Minh"), if it names one."""
    if not text:
        return None
    place = resolve_place(text)
    return place.name if place.is_province else None
