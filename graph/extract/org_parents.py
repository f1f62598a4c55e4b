"""The body an organisation belongs to, as the words right after its name give it.

- stated: "Đồn Biên phòng X thuộc Bộ Chỉ huy …", "Công an xã Y trực thuộc Công an tỉnh Z";
- a commune's body, a comma, the same kind of body of a district: "Công an phường 7, Công an quận 3";
- a sub-unit, then a comma, a dash or a bracket and its body: "Cục X, Bộ Công an", "Ban Y (…)".

The name parser hands its own parse function in, so imports flow one way (orgs → org_parents).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from antq.graph import lexicon
from antq.graph.extract.org_mention import OrgMention

Parse = Callable[[str, int], OrgMention | None]

_STATED = re.compile(r"\s+(?:trực\s+)?thuộc\s+")
_AFTER_SUB_UNIT = re.compile(r"\s*(?:,|\s-|\s–|\()\s*")
_SUB_UNITS = ("Cục", "Phòng", "Đội", "Vụ", "Ban", "Đồn", "Tổng cục", "Sở", "Trường", "Viện", "Học viện")
# Bodies that exist at every level: after one of them with its place a comma starts a list, not a parent.
_EVERY_LEVEL = ("Công an", "UBND", "Ủy ban nhân dân")


def parent_of(text: str, org: OrgMention, parse: Parse) -> OrgMention | None:
    """The parent the text names right after ``org`` (``org.end``), or None; ``parse`` reads
    the organisation starting at a position."""
    stated = _STATED.match(text, org.end)
    if stated:
        parent = parse(text, stated.end())
        return parent if parent is not None and not parent.generic else None
    district = _district_after_comma(text, org, parse)
    if district is not None:
        return district
    if org.head in _EVERY_LEVEL and org.place is not None:
        return None
    sep = _AFTER_SUB_UNIT.match(text, org.end)
    parent = parse(text, sep.end()) if sep else None
    if parent and not parent.generic and parent.head != org.head and _is_parent(org, parent):
        return parent
    return None


def _district_after_comma(text: str, org: OrgMention, parse: Parse) -> OrgMention | None:
    """"Công an phường 7, Công an quận 3": a commune's body followed by the same kind of body of
    a district is that district's; a list of such bodies, before or after, gives no parents."""
    if org.place is None or lexicon.ADMIN_UNITS.get(org.unit or "") != "xã":
        return None
    communes = "|".join(u for u, level in lexicon.ADMIN_UNITS.items() if level == "xã")
    if re.search(rf"{re.escape(org.head)}\s+(?:{communes})\s[^,;.]*,\s*$", text[max(0, org.start - 80) : org.start]):
        return None  # "Công an xã A, Công an xã B, Công an huyện C": a list of bodies
    comma = re.match(r"\s*,\s*", text[org.end:])
    parent = parse(text, org.end + comma.end()) if comma else None
    if (parent is None or parent.generic or parent.head != org.head
            or lexicon.ADMIN_UNITS.get(parent.unit or "") != "huyện"):
        return None
    if re.match(rf"\s*(?:,\s*|\s+và\s+){re.escape(org.head)}(?![\w])", text[parent.end:]):
        return None  # "Công an phường A, Công an huyện B, Công an huyện C": the list goes on
    return parent


# A border post belongs to the border guard, never to the police or a commune's bodies.
_BORDER_GUARD = ("Biên phòng", "BĐBP")


def _is_parent(child: OrgMention, parent: OrgMention) -> bool:
    if child.head.startswith("Đồn Biên phòng") and not any(w in parent.name for w in _BORDER_GUARD):
        return False
    return child.head.startswith(_SUB_UNITS) or child.head in ("Công an",) and parent.head.startswith("Bộ")
