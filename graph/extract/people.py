"""Officials: name, rank and posts, in both orders the genre uses.

- rank/honorific + name, then posts: "Đại tá Nguyễn Văn A, Phó Cục trưởng Cục X, Bộ Công an"
- post + organisation, then name: "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Y Trần Văn B"
Several posts follow one another after commas. A name is a family name from the
general list of Vietnamese surnames followed by one to three capitalised syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from antq.graph import lexicon
from antq.graph.extract.orgs import OrgMention, find_orgs, org_at, parse_org
from antq.graph.gazetteer import gazetteer
from antq.graph.text import CAP_WORD, LO, UP


def _alt(words) -> str:  # noqa: ANN001
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_WB = rf"(?<![{LO[1:-1]}{UP[1:-1]}])"
_WE = rf"(?![{LO[1:-1]}{UP[1:-1]}])"
TITLE_RE = re.compile(
    _WB + rf"(?:[Nn]guyên\s+)?(?:Phó\s+)?(?:{_alt(lexicon.TITLE_BASES)})(?:\s+(?:Thường trực|thường trực))?{_WE}"
    r"(?!\s+(?:hội nghị|buổi|lễ))"
)
# "…, giám đốc Công an TP Hà Nội": a title in lower case, taken only when a body follows.
_LOWER_TITLES = {t[0].lower() + t[1:]: t for t in lexicon.TITLE_BASES if t[0].isupper()}
TITLE_LOWER_RE = re.compile(_WB + rf"(?P<former>[Nn]guyên\s+)?(?P<vice>[Pp]hó\s+)?(?P<base>{_alt(_LOWER_TITLES)}){_WE}")  # "Phó giám đốc" too
_FORMER = re.compile(r"[Nn]guyên\s+")  # "nguyên Phó Giám đốc": a post held before
RANK_RE = re.compile(_WB + rf"(?:{_alt(lexicon.RANKS)}){_WE}", re.IGNORECASE)  # "đại tá" in some outlets' style
_RANK_FORMS = {r.casefold(): r for r in lexicon.RANKS}
_ALL_RANKS = (*lexicon.RANKS, *(r[0].lower() + r[1:] for r in lexicon.RANKS))  # "đại tá B" in some outlets' style
HONORIFIC_RE = re.compile(_WB + r"(?:các đồng chí|đồng chí|Đồng chí|ông|Ông|bà|Bà)\s*:?\s*$")
# Middle names may be one capital letter ("Giàng A Chu"); the given name may not.
# "Văn" is far more often a middle name, but before "Thị" it can only be a family name.
NAME_RE = re.compile(_WB + r"(?<!['’])" + rf"(?:{_alt(lexicon.SURNAMES)}|Văn(?=\s+Thị\s))(?:\s+(?:{CAP_WORD}|[AY])(?=\s+{UP}))?(?:\s+{CAP_WORD}){{1,3}}{_WE}")


# A dateline with the author ("Thứ Tư, 31/05/2023 19:11 | Tên Tác Giả") names no official.
# A dateline with its author: "10:30 | …", "Thứ Hai, dd/mm/yyyy | Tên Tác Giả".
_BYLINE = re.compile(r"\d{1,2}:\d{2}\s*\||(?:Thứ\s+\S+|Chủ nhật),?\s+\d{1,2}/\d{1,2}/\d{4}[^|\n]{0,20}\|")
_NAME_LINE = re.compile(rf"(?:Bài(?:, ảnh)?:\s*)?{CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}")  # "Tên Tác Giả" alone: the author


# After a commune-level unit word a capitalised run is the commune ("xã Lộc Yên"); after "tỉnh"
# or "huyện" only a known province or district is a place (checked by _is_name). "thành phố"
# and "yêu cầu" end in a unit word but are a body's level and a verb: a name after them stays one.
_AFTER_UNIT = re.compile(r"(?<![\w])(?:xã|phường|thị trấn|đặc khu|thôn|xóm|ấp|bản|khu phố|Xã|Phường|Thôn|nhà rông|nhà văn hóa|(?<!già )(?<!Già )làng"
                         r"|(?<!lãnh )(?<!chỉ )(?<!Lãnh )(?<!Chỉ )(?<!truyền )(?<!Truyền )đạo|sông|kênh|rạch|suối|hồ|núi|đèo|đảo|(?<!yêu )(?<!Yêu )(?<!nhu )cầu|chợ|đường|(?<!thành )(?<!Thành )phố|cửa khẩu|bến"
                         # "tại TP X": where something happens is a place, even a city the map spells otherwise
                         r"|(?:tại|ở)\s+(?:TP\.?|thành phố|tỉnh|huyện|quận|thị xã))\s+$")


@dataclass
class PostMention:
    title: str
    start: int
    end: int
    org: OrgMention | None = None


@dataclass
class PersonMention:
    name: str
    start: int
    end: int
    rank: str | None = None
    posts: list[PostMention] = field(default_factory=list)
    span_start: int = 0  # the whole mention, rank and posts included
    span_end: int = 0


def _post_at(text: str, pos: int) -> PostMention | None:
    """The post (title and body) written at ``pos``; a title in lower case ("giám đốc Công an
    tỉnh", "phó trưởng phòng …") counts only with its body."""
    standing = _STANDING_OF_COMMUNITY.match(text, pos)
    if standing:  # "người có uy tín thôn X": the village's designated elder, a post of the village
        community = _community_at(text, standing.end(), "người có uy tín")
        if community is None:
            return None
        return PostMention("người có uy tín", standing.start(), community.end, community)
    m = TITLE_RE.match(text, pos)
    lower = None if m else TITLE_LOWER_RE.match(text, pos)
    if lower:
        m = lower
        title = ("Phó " if lower.group("vice") else "") + _LOWER_TITLES[lower.group("base")]
    elif m:
        title = _FORMER.sub("", m.group(), count=1)
    else:
        return None
    former = _FORMER.match(m.group()) is not None
    post = PostMention(("nguyên " if former else "") + title, m.start(), m.end())
    if title.endswith((" Ban", " ban")):
        # "Trưởng Ban Chỉ đạo 138 quận": the title's last word starts the organisation.
        org = parse_org(text, m.end() - 3)
        if org:
            post.org, post.end = org, org.end
            return post
    community = _community_at(text, m.end(), title)
    if community:
        post.org, post.end = community, community.end
        return post
    if title in lexicon.ADDRESS_TITLES:
        return None  # "Achar Sơn X, Trưởng Ban …": before a name with no pagoda, a form of address
    if title.endswith((" phòng", " Phòng")):
        body = re.match(r"\s+(?:[^,;.()]|(?<=phòng), chống)+?(?=\s+-\s+|(?!, chống)[,;.()]|\s+(?:trao|tặng|phát biểu|cho biết|nói)\b|$)", text[m.end():])
        if body:
            org = OrgMention("Phòng " + body.group().strip(), m.end() - 5, m.end() + body.end(), "Phòng")
            parent = re.match(r"\s+-\s+", text[org.end:])
            if parent:
                org.parent = parse_org(text, org.end + parent.end())
            post.org, post.end = org, (org.parent.end if org.parent else org.end)
            return post
    again = _BODY_NAMED_AGAIN.match(text, m.end())
    if again:  # "Chính trị viên Đồn cho biết": the article's post, named by its head alone
        post.org = OrgMention(again.group(1), again.start(1), again.end(1), again.group(1))
        post.end = again.end(1)
        return post
    sp = re.match(r"\s+", text[m.end():])
    if sp:
        at = m.end() + sp.end()
        org = parse_org(text, at)
        if org is None and lower and text.startswith("công an ", at):
            # "trưởng công an xã": all in lower case, as some outlets write a commune's police
            org = parse_org(text[:at] + "C" + text[at + 1 :], at)  # named as the body's name is written elsewhere
        if org and not org.generic:
            post.org = org
            post.end = org.parent.end if org.parent and org.parent.start >= org.end else org.end
    return post if post.org is not None or not lower else None


_STANDING_OF_COMMUNITY = re.compile(rf"[Nn]gười có uy tín(?=\s+(?:{_alt(lexicon.COMMUNITY_UNITS)})\s)")
# Where a post can open a person's mention: a sentence or clause start, or a list's "và".
_CLAUSE_START = re.compile(r"(?:^|[.;:]\s*|\n|\s(?:và|cùng)\s+|(?:có|Dự|dự|Tham dự|tham dự)\s+)$")
# What may stand between a name and its next post: a comma, a dash, a bracket, "kiêm", or a
# standing between commas ("…, người có uy tín, Trưởng thôn …").
_POST_SEPARATOR = re.compile(rf"(?:\s*\(\s*\d+\s*tuổi\s*\))?(?:\s*,\s*(?:(?:{_alt(lexicon.STANDINGS)}),\s*)?|\s*[-–]\s*|\s*\(\s*|\s+kiêm\s+)",
                             re.IGNORECASE)  # "ông A (68 tuổi), Trưởng ban …": the age stands between
# A post's body named again by its head alone, lower case after it: "… Chính trị viên Đồn cho biết".
_BODY_NAMED_AGAIN = re.compile(rf"\s+(Đồn)(?=\s+{LO}|\s*[,;.])")
# "thôn Khe Ngát", "tổ dân phố số 5", "chùa Ô Rồng" (a one-letter syllable opens some names)
_COMMUNITY_NAME = re.compile(rf"\s+((?:số\s+)?(?:{CAP_WORD}|{UP}(?=\s+{CAP_WORD})|\d+[A-Za-z]?))((?:\s+(?:{CAP_WORD}|\d+[A-Za-z]?)){{0,3}})")
# A person's name goes on after a family name: a name syllable, or the one-letter middle name
# of Hmong names ("Giàng A Lử" style).
_NAME_GOES_ON = re.compile(rf"\s+(?:[AY]\s+)?{CAP_WORD}")
# A whole run that is a person's full name (family name and two or three syllables), nothing after.
_FULL_NAME = re.compile(rf"(?:{_alt(lexicon.SURNAMES)})\s+(?:{CAP_WORD}|[AY])(?:\s+{CAP_WORD}){{1,2}}{_WE}(?!\s+{UP})")


def _community_at(text: str, pos: int, title: str) -> OrgMention | None:
    """"thôn X" after a title ending in "thôn", "tổ dân phố N" after "Tổ trưởng" (``pos`` is the
    title's end). The name stops where a person's name starts: "Trưởng thôn X Y Nguyễn Văn A",
    "Trưởng bản X Y Giàng A Lử"; a run that is a full name alone names no village."""
    unit = next((u for u in lexicon.COMMUNITY_UNITS if title.endswith(" " + u)), None)
    start = pos - len(unit) if unit else pos
    if unit is None:
        base = title.removeprefix("Phó ")
        if base == "người có uy tín":
            units = lexicon.COMMUNITY_UNITS
        else:
            units = lexicon.TITLE_UNITS.get(base, ())
        following = re.match(rf"\s+({_alt(units)})(?=\s)", text[pos:]) if units else None
        if following is None:
            return None
        unit, start = following.group(1), pos + following.start(1)
        pos = start + len(unit)
    m = _COMMUNITY_NAME.match(text, pos)
    if not m:
        return None
    end = m.end(1)
    for w in re.finditer(r"\S+", m.group(2)):
        if w.group() in lexicon.SURNAMES and _NAME_GOES_ON.match(text, m.start(2) + w.end()):
            break
        end = m.start(2) + w.end()
    else:
        if _FULL_NAME.match(text, m.start(1)):
            return None  # "Trưởng thôn Nguyễn Văn A": the village is not named, the person is
    body = unit not in lexicon.COMMUNITY_UNITS
    return OrgMention(text[start:end], start, end, unit.capitalize() if body else unit, community=not body)


_UNIT_BEFORE = re.compile(rf"(?<!già )(?:{lexicon.unit_words(lexicon.COMMUNITY_UNITS, lexicon.COMMUNE_UNITS, ('huyện', 'quận', 'tỉnh'))}|Đồn Biên phòng)\s+$")


_NOT_NAME_TAILS = {"việt nam", "trung ương", "nhân dân", "dân tộc"}


def _is_name(name: str, before: str = "") -> bool:
    words = name.split()
    if gazetteer().is_region(name) or name in lexicon.ETHNIC_GROUPS:
        return False
    if _UNIT_BEFORE.search(before) and gazetteer().is_place(name):
        return False  # "xã Y Tý": a commune after its unit ("huyện Sầm Văn C" stays a person: a post before a name)
    prev = re.search(rf"({CAP_WORD})\s+$", before)
    if prev and gazetteer().is_place(f"{prev.group(1)} {name}"):
        return False  # "Buôn Ma Thuột": the end of a place name
    # "… Việt Nam", "… Trung ương", "… Nhân dân" end a body's name; "Việt" or "Trung" alone is a middle name
    rest = " ".join(words[1:]).casefold()
    return not any(tail in rest for tail in _NOT_NAME_TAILS) and words[1:2] != ["Nam"]


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = "\u2591" if not chars[i].isspace() else chars[i]
    return "".join(chars)


def find_people(text: str, start: int, end: int) -> tuple[list[PersonMention], list[OrgMention], list[PostMention]]:
    """People (with rank and posts), the organisations, and the posts named without a
    person ("Thứ trưởng Bộ Công an nhấn mạnh …", a later mention by title) in ``text[start:end]``."""
    posts: list[PostMention] = []
    pos = start
    # The next match of each kind of post from ``pos`` on, searched again only once passed
    # (searching all three to the end at every step made long lists of posts quadratic).
    kinds = (TITLE_RE, TITLE_LOWER_RE, _STANDING_OF_COMMUNITY)
    upcoming: list[re.Match | None] = [k.search(text, pos, end) for k in kinds]
    while True:
        upcoming = [n if n is None or n.start() >= pos else k.search(text, pos, end) for k, n in zip(kinds, upcoming)]
        found = [n for n in upcoming if n is not None]
        m = min(found, key=lambda n: n.start()) if found else None  # the first; a capitalised title wins a tie
        if not m:
            break
        post = _post_at(text, m.start())
        if post and post.end <= end:
            posts.append(post)
            pos = post.end
        else:
            pos = m.end()
    spans = [(p.start, p.end) for p in posts]
    orgs = [o for p in posts if p.org and not p.org.community for o in _with_parents(p.org)]
    for o in find_orgs(_masked(text, spans), start, end):
        real = org_at(text, o.start, end) or o
        orgs.extend(_with_parents(real))
        spans.append((o.start, o.end))
    masked = _masked(text, spans)
    people: list[PersonMention] = []
    if _BYLINE.search(text, start, end) or _NAME_LINE.fullmatch(text, start, end):
        return people, orgs, []
    for m in _name_matches(masked, start, end, posts):
        name = m.group()
        # "Trưởng thôn Nguyễn Văn A", "Chủ tịch UBND xã Nguyễn Văn A": a unit word that ends a
        # post does not make the name after it a place (the post would have taken a place)
        titled = any(p.end <= m.start() and not text[p.end : m.start()].strip() for p in posts)
        if not _is_name(name, text[max(start, m.start() - 12) : m.start()]) or (
                not titled and _AFTER_UNIT.search(text, max(start, m.start() - 20), m.start())):
            continue  # "xã Lộc Yên": a place named after the unit word
        if _SOURCE_TAG.search(text, max(start, m.start() - 30), m.start()) and re.match(r"\s*\)\s*[-–—]", text[m.end():end]):
            continue
        person = PersonMention(name, m.start(), m.end(), span_start=m.start(), span_end=m.end())
        before = text[start : m.start()].rstrip()
        rank = RANK_RE.search(before[-16:]) if before else None
        if rank and before.endswith(rank.group()):
            person.rank = _RANK_FORMS.get(rank.group().casefold(), rank.group())
            person.span_start = start + len(before) - len(rank.group())
        pre = [p for p in posts if p.end <= m.start() and not text[p.end : m.start()].strip()]
        if not pre and person.rank:  # "Phó Giám đốc Công an tỉnh, Thượng tá A": the post, then the rank
            used = {id(q) for other in people for q in other.posts}
            pre = [p for p in posts if id(p) not in used and re.fullmatch(r"\s*,\s*", text[p.end : person.span_start])
                   and (p.start == start or _CLAUSE_START.search(text[max(start, p.start - 40) : p.start]))]
        if pre:
            person.posts.append(pre[-1])
            person.span_start = min(person.span_start, pre[-1].start)
        cursor = m.end()
        while True:
            sep = _POST_SEPARATOR.match(text[cursor:end])
            nxt = [p for p in posts if sep and p.start == cursor + sep.end()]
            if not nxt:
                break
            if ("kiêm" in sep.group() or sep.group().strip() in ("-", "–")) and person.posts and person.posts[-1].org is None:
                # "Phó Chủ tịch kiêm (or –) Tổng Thư ký Ủy ban …": one body, two titles
                person.posts[-1].org = nxt[0].org
            person.posts.append(nxt[0])
            cursor = nxt[0].end
        person.span_end = cursor
        people.append(person)
    for first, second in zip(people, people[1:]):
        # "Trung tá A, Trung tá B, Phó Trưởng Công an huyện": two deputies of the same rank, one post named
        if (not first.posts and first.rank and first.rank == second.rank and second.posts
                and second.posts[0].title.startswith("Phó ") and re.fullmatch(r"\s*,\s*", text[first.span_end : second.span_start])):
            first.posts.append(second.posts[0])
    used = {id(p) for person in people for p in person.posts}
    return people, orgs, [p for p in posts if id(p) not in used]


def _name_matches(masked: str, start: int, end: int, posts: list[PostMention]) -> list[re.Match]:
    """Names from the surname list, plus capitalised runs whose place in the sentence makes
    them names even with a family name the list lacks: right after a rank, an honorific,
    or a post ("Đại tá Sần A Páo", "Phó Chủ tịch UBND tỉnh Y Sần A Páo")."""
    found = list(NAME_RE.finditer(masked, start, end))
    taken = [(m.start(), m.end()) for m in found]
    post_ends = {p.end for p in posts}
    for m in _ANY_NAME.finditer(masked, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        before = masked[max(start, m.start() - 16) : m.start()]
        after_post = any(e <= m.start() and not masked[e : m.start()].strip() for e in post_ends)
        if _CUE.search(before) or after_post:
            found.append(m)
    for m in _ONE_WORD_NAME.finditer(masked, start, end):  # "già làng K'Drang": a K'Ho name of one word
        if not any(a < m.end() and m.start() < b for a, b in taken) and _CUE.search(masked[max(start, m.start() - 16) : m.start()]):
            found.append(m)
    return sorted(found, key=lambda m: m.start())


# "ông A Brol": a Ba Na man's name opens with "A" (cued by the honorific, never alone)
_ANY_NAME = re.compile(_WB + r"(?!(?:Ông|Bà|Anh|Chị|Cô|Đồng|Già)\s)" + rf"(?:{CAP_WORD}|A(?=\s+{CAP_WORD}))(?:\s+(?:{CAP_WORD}|[AY])(?=\s+{UP}))?(?:\s+{CAP_WORD}){{1,2}}{_WE}")
_ONE_WORD_NAME = re.compile(_WB + rf"{UP}{LO}?['’]{UP}{LO}+{_WE}(?!['’]|\s+{UP})")  # "K'Drang", "Ka'Lơn"
# Words that make the capitalised run after them a person's name: ranks, honorifics, and the
# village elder ("già làng") whose family name the list may lack.
_CUE = re.compile(rf"(?<![\w])(?:{_alt((*_ALL_RANKS, *lexicon.CLERGY))}|đồng chí|Đồng chí|ông|Ông|bà|Bà|anh|chị|già làng|Già làng)\s+$")
# "(Báo X) – …": an outlet's name tagging a lead is not a person
_SOURCE_TAG = re.compile(rf"\(\s*(?:{CAP_WORD}\s+)*$")


def _with_parents(org: OrgMention) -> list[OrgMention]:
    out = [org]
    while org.parent is not None:
        org = org.parent
        out.append(org)
    return out


def given_name_reference(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """ "bà Minh nói": an honorific or rank with a single capitalised syllable refers back
    to a person named in full earlier; returns (given name, start, end)."""
    pat = re.compile(rf"(?:{_alt(('ông', 'bà', 'Ông', 'Bà', 'đồng chí', 'Đồng chí', *_ALL_RANKS))})\s+({CAP_WORD}){_WE}(?!\s+{CAP_WORD})")
    return [(m.group(1), m.start(1), m.end(1)) for m in pat.finditer(text, start, end)]
