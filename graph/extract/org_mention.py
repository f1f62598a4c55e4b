"""An organisation as written in an article: the record the name parser (orgs) and the
parent rules (org_parents) share, kept apart so that neither imports the other's rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class OrgMention:
    name: str  # as written
    start: int
    end: int
    head: str
    unit: str | None = None  # "tỉnh", "quận", … as written
    place: str | None = None  # "Hà Tĩnh", "1", "TPHCM"
    parent: OrgMention | None = None
    generic: bool = False  # "Công an các cấp", "UBND các huyện": not one body
    expands: OrgMention | None = None  # a short form the article defined: the long mention
    community: bool = False  # "thôn X", "tổ dân phố N": a post's unit that is a place, not a body
