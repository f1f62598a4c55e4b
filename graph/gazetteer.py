"""Vietnamese administrative units, from the maintained ``vietnam-provinces`` package.

The 0.6 releases ship the pre-2025 map (63 provinces, districts, wards), which is what
news of 2013–2025 names. We use it to know where a place name ends ("tỉnh Hà Tĩnh Trần
Văn Bình": the place is "Hà Tĩnh", the rest is a person) and which province a district
belongs to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from antq.graph.text import match_key

_PREFIX = re.compile(r"^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn)\s+")


@dataclass(frozen=True)
class Gazetteer:
    provinces: frozenset[str]  # match keys of province names: "Hà Tĩnh", "Hồ Chí Minh"
    districts: dict[str, str]  # district name key → province name
    wards: frozenset[str]
    province_names: dict[str, str]  # key → display name

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
    for prov in data:
        short = _short(prov["name"])
        key = match_key(short)
        provinces.add(key)
        names[key] = short
        for dist in prov.get("districts", []):
            dshort = _short(dist["name"])
            if not dshort.isdigit():
                districts.setdefault(match_key(dshort), short)
            for ward in dist.get("wards", []):
                wshort = _short(ward["name"])
                if not wshort.isdigit():
                    wards.add(match_key(wshort))
    # Common short forms of the two largest cities.
    for alias, full in (("TPHCM", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("TP HCM", "Hồ Chí Minh"),
                        ("Sài Gòn", "Hồ Chí Minh"), ("Thủ đô", "Hà Nội"),
                        ("Thừa Thiên Huế", "Huế"), ("Thừa Thiên - Huế", "Huế")):  # the province's name until 2025
        provinces.add(match_key(alias))
        names[match_key(alias)] = full
    return Gazetteer(frozenset(provinces), districts, frozenset(wards), names)
