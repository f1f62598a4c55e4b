"""Vietnamese administrative units, from the maintained ``vietnam-provinces`` package.

The 0.6 releases ship the pre-2025 map (63 provinces, districts, wards), which is what
news of 2013–2025 names. We use it to know where a place name ends ("tỉnh Hà Tĩnh Trần
Văn Bình": the place is "Hà Tĩnh", the rest is a person) and which province a district
belongs to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from antq.graph.text import match_key

_PREFIX = re.compile(r"^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn)\s+")


def _level(name: str) -> str | None:
    m = _PREFIX.match(name)
    return m.group(1).lower() if m else None


@dataclass(frozen=True)
class Gazetteer:
    provinces: frozenset[str]  # match keys of province names: "Hà Tĩnh", "Hồ Chí Minh"
    districts: dict[str, str]  # district name key → province name
    wards: frozenset[str]
    province_names: dict[str, str]  # key → display name
    # Where lower units lie: a district or ward name can recur in several provinces.
    district_provinces: dict[str, frozenset[str]] = field(default_factory=dict)
    ward_provinces: dict[str, frozenset[str]] = field(default_factory=dict)
    unit_levels: dict[str, str] = field(default_factory=dict)  # district/ward key → "quận", "xã", … when one
    cities: frozenset[str] = frozenset()  # keys of the centrally-run cities ("Thành phố Hà Nội")

    def is_place(self, name: str) -> bool:
        key = match_key(name)
        return key in self.provinces or key in self.districts or key in self.wards

    def is_region(self, name: str) -> bool:
        """A province or district (wards are often named after people, so they do not count)."""
        key = match_key(name)
        return key in self.provinces or key in self.districts

    def province_of(self, name: str) -> str | None:
        key = match_key(name)
        if key in self.provinces:
            return self.province_names[key]
        return self.districts.get(key)

    def longest_place_prefix(self, words: list[str], regions_only: bool = False) -> int:
        """How many of ``words`` (capitalised syllables) form the longest known place name
        (only provinces and districts with ``regions_only``)."""
        known = self.is_region if regions_only else self.is_place
        for n in range(min(len(words), 5), 0, -1):
            if known(" ".join(words[:n])):
                return n
        return 0


def _short(name: str) -> str:
    return _PREFIX.sub("", name).strip()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import vietnam_provinces

    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    provinces: set[str] = set()
    names: dict[str, str] = {}
    districts: dict[str, str] = {}
    wards: set[str] = set()
    district_provinces: dict[str, set[str]] = {}
    ward_provinces: dict[str, set[str]] = {}
    levels: dict[str, set[str | None]] = {}
    ward_levels: dict[str, set[str | None]] = {}
    cities: set[str] = set()
    for prov in data:
        short = _short(prov["name"])
        key = match_key(short)
        provinces.add(key)
        names[key] = short
        if _level(prov["name"]) == "thành phố":
            cities.add(key)
        for dist in prov.get("districts", []):
            dshort = _short(dist["name"])
            if not dshort.isdigit():
                dkey = match_key(dshort)
                districts.setdefault(dkey, short)
                district_provinces.setdefault(dkey, set()).add(short)
                levels.setdefault(dkey, set()).add(_level(dist["name"]))
            for ward in dist.get("wards", []):
                wshort = _short(ward["name"])
                if not wshort.isdigit():
                    wkey = match_key(wshort)
                    wards.add(wkey)
                    ward_provinces.setdefault(wkey, set()).add(short)
                    ward_levels.setdefault(wkey, set()).add(_level(ward["name"]))
    # Common short forms of the two largest cities.
    for alias, full in (("TPHCM", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("TP HCM", "Hồ Chí Minh"),
                        ("Sài Gòn", "Hồ Chí Minh"), ("Thủ đô", "Hà Nội"),
                        ("Thừa Thiên Huế", "Huế"), ("Thừa Thiên - Huế", "Huế")):  # the province's name until 2025
        provinces.add(match_key(alias))
        names[match_key(alias)] = full
    for key, found in ward_levels.items():  # a name that is also a district's is read as the district
        levels.setdefault(key, found)
    return Gazetteer(frozenset(provinces), districts, frozenset(wards), names,
                     {k: frozenset(v) for k, v in district_provinces.items()},
                     {k: frozenset(v) for k, v in ward_provinces.items()},
                     {k: next(iter(v)) for k, v in levels.items() if len(v) == 1 and None not in v},
                     frozenset(cities))
