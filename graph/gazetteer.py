"""Vietnamese administrative units: the map before and the map after the 2025 reform.

News of 2013–2025 names the pre-2025 map (63 provinces, districts, wards), shipped by the
``vietnam-provinces`` 0.6 releases; news since 1 July 2025 names the two-level map (34
provinces, communes and wards directly under them, many of them merged under new names),
taken from the data files of ``vietnamadminunits`` (read as data: importing that package
loads its geometry stack). We use them to know where a place name ends ("tỉnh Hà Tĩnh Trần
Văn Bình": the place is "Hà Tĩnh", the rest is a person) and which province holds a unit
in the article's time.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from antq.graph.text import fold, match_key

_PREFIX = re.compile(r"^(Tỉnh|Thành phố|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn)\s+", re.IGNORECASE)  # "Thành Phố Đồng Hới"


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
    # The map since 1 July 2025: commune/ward key → provinces, and its level when one.
    ward_provinces_2025: dict[str, frozenset[str]] = field(default_factory=dict)
    unit_levels_2025: dict[str, str] = field(default_factory=dict)
    # Provinces and districts of two syllables or more in their ASCII form: the press and the
    # data spell some with other diacritics ("Đắk Glong" / "Đăk Glong").
    folded_regions: frozenset[str] = frozenset()

    def is_place(self, name: str) -> bool:
        key = match_key(name)
        return key in self.provinces or key in self.districts or key in self.wards

    def is_region(self, name: str) -> bool:
        """A province or district (wards are often named after people, so they do not count)."""
        key = match_key(name)
        return (key in self.provinces or key in self.districts
                or (" " in key and fold(key) in self.folded_regions))

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


# Other names of provinces: the two largest cities' short forms, and Huế's name until 2025.
PROVINCE_ALIASES = {"TPHCM": "Hồ Chí Minh", "TP.HCM": "Hồ Chí Minh", "TP HCM": "Hồ Chí Minh", "TP. HCM": "Hồ Chí Minh",
                    "HCM": "Hồ Chí Minh", "Sài Gòn": "Hồ Chí Minh", "Thủ đô": "Hà Nội", "Thủ đô Hà Nội": "Hà Nội",
                    "Thừa Thiên Huế": "Huế", "Thừa Thiên - Huế": "Huế"}


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
    for alias, full in PROVINCE_ALIASES.items():
        provinces.add(match_key(alias))
        names[match_key(alias)] = full
    for key, found in ward_levels.items():  # a name that is also a district's is read as the district
        levels.setdefault(key, found)
    provinces_2025, levels_2025 = _map_2025()
    for key, held in provinces_2025.items():
        wards.add(key)
        for province in held:
            provinces.add(match_key(province))
            names.setdefault(match_key(province), province)
    return Gazetteer(frozenset(provinces), districts, frozenset(wards), names,
                     {k: frozenset(v) for k, v in district_provinces.items()},
                     {k: frozenset(v) for k, v in ward_provinces.items()},
                     _one_level(levels), frozenset(cities),
                     {k: frozenset(v) for k, v in provinces_2025.items()}, _one_level(levels_2025),
                     frozenset(fold(k) for k in (*provinces, *districts) if " " in k))


def _one_level(levels: dict[str, set[str | None]]) -> dict[str, str]:
    return {k: next(iter(v)) for k, v in levels.items() if len(v) == 1 and None not in v}  # type: ignore[misc]


def _map_2025() -> tuple[dict[str, set[str]], dict[str, set[str | None]]]:
    """Communes and wards of the two-level map, from ``vietnamadminunits``' data files."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed; run scripts/setup.sh")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "parser_from_2025.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    province_names = {k: v["provinceShort"] for k, v in data["DICT_PROVINCE"].items()}
    held: dict[str, set[str]] = {}
    levels: dict[str, set[str | None]] = {}
    for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED"):
        for pkey, units in data[table].items():
            for unit in units.values():
                short = _short(unit["ward"])
                if short.isdigit():
                    continue
                key = match_key(short)
                held.setdefault(key, set()).add(province_names[pkey])
                levels.setdefault(key, set()).add(_level(unit["ward"]))
    return held, levels
