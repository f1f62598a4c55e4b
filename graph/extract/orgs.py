"""Organisation names: head noun + body + administrative unit, as the genre writes them.

"Công an tỉnh Hà Tĩnh", "Ủy ban MTTQ Việt Nam quận 3", "Cục Xây dựng phong trào bảo vệ
ANTQ, Bộ Công an", "Ban Thường trực UBTƯ MTTQ Việt Nam", "Thành ủy TPHCM", "CATP".
The parser reads from a head noun rightwards; a trailing ", <organisation>" or
"(<organisation>)" after a sub-unit is its parent (the parent rules: org_parents).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from antq.graph import lexicon
from antq.graph.extract.org_mention import OrgMention
from antq.graph.extract.org_parents import parent_of
from antq.graph.gazetteer import gazetteer
from antq.graph.text import ACRONYM, CAP_WORD, LO, UP

# Short forms an article defines for its bodies, e.g. "Phòng Cảnh sát hình sự (PC02)": while
# one document is read, "PC02" is an organisation mention standing for the long name.
_DOCUMENT_ABBREVIATIONS: ContextVar[dict[str, OrgMention] | None] = ContextVar("document_abbreviations", default=None)
_DEFINITION = re.compile(r"\(\s*([A-ZĐ][A-ZĐa-zđ0-9&.\-]{1,11})\s*\)")


@contextmanager
def document_abbreviations(text: str) -> Iterator[dict[str, OrgMention]]:
    """Collect the "<organisation> (<SHORT>)" definitions of ``text`` and make the short
    forms recognisable while the block runs."""
    defined: dict[str, OrgMention] = {}
    for d in _DEFINITION.finditer(text):
        short = d.group(1)
        if sum(c.isupper() for c in short) < 2 or short in ("ANTT", "ANTQ", "TNXH", "PCCC", "TTATXH", "BVANTQ"):
            continue
        line_start = max(text.rfind("\n", 0, d.start()) + 1, d.start() - 200)
        before = [o for o in find_orgs(text, line_start, d.start()) if not o.generic and o.end == len(text[: d.start()].rstrip())]
        if before and before[-1].name != short:
            defined.setdefault(short, before[-1])
    token = _DOCUMENT_ABBREVIATIONS.set(defined)
    try:
        yield defined
    finally:
        _DOCUMENT_ABBREVIATIONS.reset(token)


def _defined_at(text: str, pos: int) -> OrgMention | None:
    for short, long in (_DOCUMENT_ABBREVIATIONS.get() or {}).items():
        if text.startswith(short, pos) and not text[pos + len(short) : pos + len(short) + 1].isalnum():
            return OrgMention(short, pos, pos + len(short), short, long.unit, long.place, expands=long)
    return None


def _alt(words) -> str:  # noqa: ANN001
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_B = rf"(?<![{LO[1:-1]}{UP[1:-1]}/\-])"  # not inside a word or a document number
# "Cục trưởng" is a title, "Hội nghị" a meeting, "Ban hành" a verb: not organisation heads.
# An abbreviation is a head only as a whole word: "CA tỉnh", not the "CA" of "CATP".
_HEAD = re.compile(_B + "(?:" + "|".join(
    re.escape(h) + (rf"(?![{UP[1:-1]}0-9])" if h.isupper() else "")
    for h in sorted(set(lexicon.ORG_HEADS), key=len, reverse=True)) + rf")(?![{LO[1:-1]}])")
# Words that turn a head noun into something else: "Cục trưởng" (a title), "Hội nghị" (a
# meeting), "Ban hành" (a verb), "Báo cáo", "Bộ đội", "Đoàn kết" …
_NOT_ORG = {
    "Cục": "trưởng|phó", "Vụ": "trưởng|phó|việc|án", "Tổng cục": "trưởng|phó", "Hội": "nghị|thảo|thi|viên|đồng",
    "Ban": "hành|ngành|tổ chức|đêm|ngày", "Báo": "cáo|chí", "Bộ": "đội|phận|trưởng|máy", "Đoàn": "kết|viên|thể",
    "Sở": "hữu|dĩ", "Phòng": "chống|ngừa|cháy", "Đồn": "trưởng", "Chi hội": "trưởng|phó", "Trung đội": "trưởng|phó", "Đội": "trưởng|phó|ngũ|viên|hình|tuyển|bóng|văn nghệ|thi", "Viện": "trưởng|dẫn", "Trường": "hợp",
}
# A team or a squad named in lower case is a body only with a named unit or a number: "Tổ cựu
# chiến binh tự quản xã X", "Đội thanh niên xung kích xã Y", "Tổ bảo vệ an ninh, trật tự số 3"
# ("Tổ quốc", "Tổ chức", "Tổ trưởng", "Đội ngũ", "tổ dân phố N" are not teams).
_TEAM_HEAD = re.compile(_B + rf"(?:Tổ|Trung đội|Đội)(?=\s+[{LO[1:-1]}])(?!\s+(?:quốc|chức|trưởng|phó|dân phố|dân cư|ngũ|viên|thi|hình|tuyển|bóng|văn nghệ)(?![{LO[1:-1]}]))")
_ABBR_ORG = re.compile(_B + r"(?:CATP|CAT|BCA)(?![\w])")
_UNIT = _alt(["thành phố", "Thành phố", "thị xã", "Thị xã", "thị trấn", "Thị trấn", "tỉnh", "Tỉnh", "quận", "Quận",
              "huyện", "Huyện", "phường", "Phường", "đặc khu", "Đặc khu", "xã", "Xã", "TP.", "TP", "thôn", "xóm", "ấp", "bản", "khu phố",
              "tổ dân phố", "khu dân cư"])
# "A Lưới", "Y Tý"; a one-letter syllable inside too, so that "thôn X Giàng A Khua" can be cut before the person
_CAPSEQ = rf"(?:{CAP_WORD}|{ACRONYM}|{UP}(?=\s+{CAP_WORD}))(?:\s+(?:{CAP_WORD}|{ACRONYM}|\d+|{UP}(?=\s+{CAP_WORD})))*"
_LOCATION = re.compile(
    rf"\s*(?:(?P<city>TP\.?\s?HCM|TPHCM|TP\.\s?{_CAPSEQ}|TP\s+{_CAPSEQ})"
    rf"|(?P<unit>{_UNIT})(?!\s+hội|\s+(?:ủy|uỷ|đoàn|Đoàn)(?![{LO[1:-1]}]))(?:\s*(?P<place>(?:số\s+)?\d+|{_CAPSEQ}))?(?![{LO[1:-1]}])"
    rf"|(?P<generic>các cấp|cùng cấp|các huyện|các xã|các tỉnh|các quận|các phường|các đơn vị|các địa phương))"
)
# "cho Công an phường N nguồn tin": a number followed by what it counts is no ward number
COUNT_AFTER = re.compile(rf"\s+(?:{'|'.join(map(re.escape, lexicon.COUNT_NOUNS))})(?![\w])")
_VIETNAM = re.compile(r"\s+(?:Việt Nam|VN(?![\w]))")
_CENTRAL = re.compile(r"\s+(?:Trung ương|TƯ|TW|T\.Ư)(?![\w])")
# Words that end a descriptive body ("Cục Xây dựng phong trào … ANTQ" stops before "trao").
_BODY_STOP = set(
    "và với của cho tại trao tặng dự có đã đang sẽ nói là được trong theo khi thì mà này đó nhằm để từ "
    "năm nhấn ghi cùng cũng còn vẫn luôn đều vừa không chưa rất".split()
)
_BODY_STOP_PHRASES = ("chủ động", "tiếp tục", "tăng cường", "thực hiện", "triển khai", "tham mưu", "nắm tình hình", "yêu cầu", "chủ trì", "đồng chủ trì", "đồng chí", "phát biểu", "báo cáo", "tổ chức", "phối hợp", "kết luận",
                      "cho biết", "khai mạc", "tham dự", "đề nghị", "trình bày", "chúc mừng", "ghi nhận", "đánh giá",
                      "biểu dương", "ký kết", "khẳng định", "cho rằng", "thông tin", "tiếp thu", "quán triệt")
_PROGRAMME_IN_NAME = re.compile(r"Chương trình(?:\s+phối hợp)?(?:\s+số)?\s+\d+(?:/[\w-]+)?")
_KIND_OF_PLACE = re.compile(rf"\s+(?:ở\s+(?:các\s+|mỗi\s+)?|các\s+|mỗi\s+)(?:khu dân cư|thôn|bản|ấp|xóm|làng|buôn|tổ dân phố|cơ sở|địa phương|xã|phường)(?![\w])(?!\s+(?:{UP}|\d))")
# Another kind of unit, unnamed, after an unnamed one: "xã, phường, thị trấn", "huyện và thị xã".
_MORE_UNIT_KINDS = re.compile(r"(?:\s*,\s*|\s+và\s+)(?:" + lexicon.unit_words(lexicon.COMMUNE_UNITS, lexicon.DISTRICT_UNITS)
                              + rf")(?![{LO[1:-1]}])(?!\s+(?:{UP}|\d))")
_COMPANY_HEADS = ("Tổng công ty", "Công ty TNHH", "Công ty cổ phần", "Công ty CP", "Công ty")
_NAME_WORD = re.compile(rf"\s+({CAP_WORD}|{ACRONYM}|[{LO[1:-1]}]+)")


def _company_name_end(text: str, pos: int) -> int:
    """End of a company's name: "Công ty TNHH Điện tử Kinh Bắc Vina", "Công ty cổ phần Dệt may X".
    It opens with a capital; a lower-case word stays only between capitalised ones ("Dệt may X")."""
    end, words = pos, 0
    for m in _NAME_WORD.finditer(text, pos):
        if m.start() != end or words >= 10:
            break
        word = m.group(1)
        if word[0].islower() or word.lower() in _BODY_STOP:
            nxt = _NAME_WORD.match(text, m.end())
            if not words or word.lower() in _BODY_STOP or not nxt or nxt.group(1)[0].islower():
                break
        end, words = m.end(), words + 1
    return end


# The place of worship a lay board manages: "chùa Ô Rồng", "giáo xứ Phú Nhai", or the article's own "chùa".
_WORSHIP_PLACE = re.compile(rf"\s+(?:chùa|Chùa|giáo xứ|Giáo xứ|giáo họ|Giáo họ|nhà thờ|đình|thánh thất|hội thánh)(?![\w])"
                            rf"(?:\s+(?:{CAP_WORD}|{UP}(?=\s+{CAP_WORD}))(?:\s+{CAP_WORD}){{0,3}})?")
_PARTY_BODY = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ][yỷ]")
_BODY_WORD = re.compile(r"\s+([“\"]?[\w\-–]+[”\"]?)")
_MAX_BODY = 14


# Heads completed by a proper name rather than by a unit: "Đồn Biên phòng Pha Long".
NAMED_HEADS = {"Đồn Biên phòng", "Giáo xứ", "Giáo họ", "Giáo phận", "Hội thánh", "Đoàn trường", "Đoàn Trường", "Trường Đại học", "Trường Cao đẳng", "Trường Chính trị", "Trường THPT", "Trường THCS",
                "Trường Tiểu học"}
_BORDER_GATE = re.compile(r"\s+[Cc]ửa khẩu(?:\s+(?:[Qq]uốc tế|[Qq]uốc gia|[Cc]hính|[Cc]ảng))*(?=\s+(?!Quốc|Chính|Cảng)" + CAP_WORD + ")")
_TRAILING_UNIT = re.compile(rf"\s+(?:{_alt(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'thị trấn', 'xã', 'phường'])})")
_PARISH = re.compile(rf"\s+[Gg]iáo (?:xứ|họ)\s+{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}")
_REGION_UNITS = {"tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "thị xã"}
_NUMBERED_UNITS = {"phường", "quận", "khu phố", "thôn", "xóm", "ấp", "tổ dân phố"}


# Second syllables that mark a person's name after a family name ("Nguyễn Văn …", "Lê Thị …").
_MIDDLE_NAMES = {"Văn", "Thị"}


def _cap_split(place: str, allow_person_cut: bool = True, unit: str | None = None) -> str:
    """Cut a run of capitalised words where a place name ends and a personal name starts.
    Provinces and districts form a closed list: after "tỉnh", "huyện" … only a known name is a
    place ("tỉnh Sần A Páo" is a bare unit followed by a person); communes fall back to rules."""
    words = place.split()
    level = (unit or "").lower()
    if not words:
        return ""
    if words[0].isdigit():
        return words[0] if level in _NUMBERED_UNITS or not level else ""
    if level in _REGION_UNITS:
        return " ".join(words[: gazetteer().longest_place_prefix(words, regions_only=True)])
    if len(words) == 1:
        return words[0]
    n = gazetteer().longest_place_prefix(words)
    if n:
        numbered = n < len(words) and words[n].isdigit()  # "xã Tân Phước 1": merged communes are numbered
        return " ".join(words[: n + numbered])
    if allow_person_cut:
        if level and words[0] in lexicon.SURNAMES and 3 <= len(words) <= 4 and (
                words[1] in _MIDDLE_NAMES or level in lexicon.COMMUNE_UNITS):
            # "UBND xã Nguyễn Văn A", "Đảng ủy phường Trịnh Minh B": the commune left unsaid, its head
            # named (every commune and ward is in the gazetteer; a school keeps its hero)
            return ""
        for i in range(1, len(words)):
            if words[i] in lexicon.SURNAMES and 2 <= len(words) - i <= 4:
                return " ".join(words[:i])
    return " ".join(words[:3])


def _location(text: str, pos: int) -> tuple[int, str | None, str | None, bool] | None:
    m = _LOCATION.match(text, pos)
    if not m:
        return None
    if m.group("generic"):
        return m.end(), None, None, True
    if m.group("city"):
        city = m.group("city")
        if not re.match(r"TP\.?\s?HCM|TPHCM", city):
            head, _, rest = city.partition(" ") if city.startswith("TP ") else city.partition(".")
            rest = _cap_split(rest.strip(), unit="thành phố")
            if not rest:
                return m.start("city") + 2 + (city[2:3] == "."), "TP", None, False
            city = city[: city.index(rest) + len(rest)]
        return m.start("city") + len(city), "thành phố", city, False
    unit, place = m.group("unit"), m.group("place")
    if place and place.startswith("số"):
        return m.end("place"), unit, place.split()[-1], False  # "tổ dân phố số 6": number 6
    if place and place.isdigit() and (COUNT_AFTER.match(text, m.end("place")) or re.match(r"[.,]\d", text[m.end("place"):])):
        place = None  # "cung cấp cho Công an phường N nguồn tin": a count, not ward N
    if place:
        place = _cap_split(place, unit=unit)
        counted = re.fullmatch(r"(.+?)\s+\d+", place)
        if counted and COUNT_AFTER.match(text, m.start("place") + len(place)):
            place = counted.group(1)  # "Công an phường X 21 nguồn tin": a count after the name, not "X 21"
        if place:
            return m.start("place") + len(place), unit, place, False
    return m.end("unit"), unit, None, False


def _inner_body(text: str, end: int) -> OrgMention | None:
    """The body named right after ``text[:end]`` ("Đảng ủy <Công an tỉnh X>"), if one is."""
    if text[end : end + 1] != " ":
        return None
    inner = parse_org(text, end + 1)
    return inner if inner is not None and not inner.generic and inner.start == end + 1 else None


def _body(text: str, pos: int) -> int:
    """End of a descriptive name such as "Xây dựng phong trào bảo vệ an ninh Tổ quốc"."""
    end, count = pos, 0
    for m in _BODY_WORD.finditer(text, pos):
        if m.start() < end:
            continue  # inside a phrase already taken ("phòng, chống")
        if m.start() != end or count >= _MAX_BODY:
            break
        word = m.group(1).strip("“”\"")
        if word.lower() in ("ngày", "số") and re.match(r"\s*\d", text[m.end():]):
            break  # "… ngày 12/3", "Tổ bảo vệ an ninh, trật tự số 3": a date or a number follows the body
        loc = _LOCATION.match(text, m.start()) if count else None
        if loc and (loc.group("place") or loc.group("city") or loc.group("generic")):
            break  # "… bảo vệ an ninh Tổ quốc xã Tân Lập": the unit of the body follows (or "các huyện": every unit)
        if loc and _TRAILING_UNIT.fullmatch(loc.group()):
            break  # "Hội Cựu Công an nhân dân tỉnh về …": an unnamed unit ends the body too
        if word == "và" and count and re.match(rf"\s+{CAP_WORD}", text[m.end():]) and not _HEAD.match(text, m.end() + 1) \
                and not text.startswith((*lexicon.RANKS, *lexicon.HONORIFICS), m.end() + 1) \
                and not re.match(rf"\s+\S+\s+{CAP_WORD}", text[m.end():]):  # "và Đào tạo", not "và Đào Văn B"
            end, count = m.end(), count + 1  # "Sở Giáo dục và Đào tạo": one body named by two fields
            continue
        if word == "và" and count and re.match(r"\s+công tác\s", text[m.end():]) and "công tác" in text[pos:end].lower():
            end, count = m.end(), count + 1  # "Cục Công tác đảng và công tác chính trị": one field, "công tác" twice
            continue
        if word == "và" and count and re.match(r"\s+phòng,\s*chống(?![\w])", text[m.end():]):
            end, count = m.end(), count + 1  # "Phòng An ninh mạng và phòng, chống tội phạm …"
            continue
        if word in ("ở", "các", "mỗi") and _KIND_OF_PLACE.match(text, m.start()):
            break  # "Ban Công tác Mặt trận ở khu dân cư" (every such board) but "… ở xã Đông Sơn" (one)
        former = count and text[end - 4 : end].lower() == " cựu"  # "Hội Cựu Công an nhân dân": the former officers, no body
        if word.lower() in _BODY_STOP or not former and _HEAD.match(text, m.start(1)) and (count or _PARTY_BODY.match(text, m.start(1))):
            break  # at once for "Ban Dân vận Tỉnh ủy …": the board's committee follows, not its field
        prog = _PROGRAMME_IN_NAME.match(text, m.start(1))
        if prog:
            end, count = prog.end(), count + 1
            break
        if text.startswith(_BODY_STOP_PHRASES, m.start(1)) or text.startswith(("các cấp", "cùng cấp"), m.start(1)):
            break
        if word in lexicon.SURNAMES and re.match(rf"\s+{CAP_WORD}\s+{CAP_WORD}", text[m.end():]):
            break
        end, count = m.end(), count + 1
        if word == "ương" and text[max(pos, end - 10) : end].endswith("Trung ương"):
            break  # "Viện Huyết học - Truyền máu Trung ương": the central level ends the name
        if word.lower() == "phòng" and (against := re.match(r",\s*chống(?![\w])", text[end:])):
            end += against.end()  # "… và phòng, chống tội phạm": one field of the body, the comma inside it
        if word == "ninh" and (order := re.match(r",\s*trật tự(?![\w])", text[end:])):
            end += order.end()  # "Tổ bảo vệ an ninh, trật tự": one field, the comma inside it
    return end


def _team(text: str, pos: int) -> OrgMention | None:
    if text[max(0, pos - 1) : pos] in ("“", '"'):
        return None  # "“Tổ tự quản khu nhà trọ” ở phường X": a model's name, quoted
    head = _TEAM_HEAD.match(text, pos).group()
    body_end = _body(text, pos + len(head))
    if body_end == pos + len(head):
        return None
    number = re.match(r"\s+số\s+\d+(?![\w/])", text[body_end:])
    if number:  # "Tổ bảo vệ an ninh, trật tự số 3": a numbered team
        end = body_end + number.end()
        return OrgMention(text[pos:end], pos, end, head)
    loc = _location(text, body_end)
    more = re.match(rf",\s*[{LO[1:-1]}]+(?:\s+[{LO[1:-1]}]+){{0,2}}?(?=\s+(?:{_UNIT})\s)", text[body_end:]) if loc is None else None
    if more and (named := _location(text, body_end + more.end())) and named[2] and not named[3]:
        loc = named  # "Tổ tự quản đường biên, mốc giới thôn X": a second field after a comma, then the unit
    if loc is None or loc[3] or not loc[2]:
        return None  # "Tổ tự quản" with no unit named: a kind of team, not one body
    return OrgMention(text[pos : loc[0]], pos, loc[0], head, loc[1], loc[2])


_NESTING: ContextVar[int] = ContextVar("org_nesting", default=0)
_MAX_NESTING = 12  # "Ban X Ủy ban Y …": real names nest a few bodies deep; "Đội Đội Đội …" must not recurse forever


def parse_org(text: str, pos: int) -> OrgMention | None:
    """The organisation whose head noun starts at ``pos``, or None."""
    depth = _NESTING.get()
    if depth >= _MAX_NESTING:
        return None
    token = _NESTING.set(depth + 1)
    try:
        return _parse_org(text, pos)
    finally:
        _NESTING.reset(token)


def _parse_org(text: str, pos: int) -> OrgMention | None:
    if text.startswith("Trung ương Đoàn", pos) and not text[pos + 15 : pos + 16].isalpha():
        return OrgMention("Trung ương Đoàn", pos, pos + 15, "Trung ương Đoàn")  # of the Youth Union
    if text.startswith("Trung ương ", pos) and text.startswith(("Hội", "Đoàn", "Liên đoàn"), pos + 11):
        inner = parse_org(text, pos + 11)  # "Trung ương Hội Cựu chiến binh Việt Nam": the central body
        if inner is not None and not inner.generic:
            return OrgMention(text[pos : inner.end], pos, inner.end, "Trung ương " + inner.head)
    if _TEAM_HEAD.match(text, pos):
        return _team(text, pos)
    m = _HEAD.match(text, pos) or _ABBR_ORG.match(text, pos)
    if not m:
        return _defined_at(text, pos)
    head = m.group()
    end = m.end()
    if head in _NOT_ORG and re.match(rf"\s+(?:{_NOT_ORG[head]})(?![\w])", text[end:]):
        return None
    if head in lexicon.SURNAMES and re.match(rf"\s+{CAP_WORD}(?:\s+{CAP_WORD})?(?![\w])", text[end:]):
        return None  # "Đoàn Văn A" is a person, not a delegation
    if " " not in head and _AFTER_NAME.search(text, max(0, pos - 40), pos) and not _AFTER_TITLE.search(text, max(0, pos - 20), pos):
        return None  # "Nguyễn Văn Hội", "Lê Minh Đoàn": the last syllable of a name
    org = OrgMention(head, pos, end, head)
    if "MTTQ" in head or "Mặt trận" in head or head.startswith(("Hội ", "Đoàn ", "Liên đoàn ", "Tổng Liên đoàn ")) or head in ("Hội", "Đoàn"):
        v = _VIETNAM.match(text, end)
        end = v.end() if v and "Việt Nam" not in head else end
    if head in ("Ban Thường trực", "Ban Thường vụ", "Ban Chấp hành"):
        inner = parse_org(text, end + 1) if text[end : end + 1] == " " else None
        if inner and not inner.generic:
            org.end, org.parent = inner.end, inner
            org.name = text[pos : inner.end]
            org.unit, org.place = inner.unit, inner.place
            return org
    if head in lexicon.ABBREVIATIONS and head in ("CATP", "CAT", "BCA"):
        city = re.match(rf"\s+({CAP_WORD}(?:\s+{CAP_WORD})*)", text[end:]) if head != "BCA" else None
        place = _cap_split(city.group(1), unit="tỉnh") if city else ""
        if place:  # "CATP Đà Nẵng": the city's police
            end = end + city.start(1) + len(place)
            org.unit, org.place = ("thành phố" if head == "CATP" else "tỉnh"), place
        org.end, org.name = end, text[pos:end]
        return org
    c = _CENTRAL.match(text, end)
    if c and head.startswith(("Ủy ban", "Uỷ ban", "UB")):
        end = c.end()
        if "MTTQ" not in head:
            rest = re.match(r"\s+(?:MTTQ|Mặt trận Tổ quốc)(?:\s+Việt Nam)?", text[end:])
            end = end + rest.end() if rest else end
    loc = _location(text, end)
    body_heads = lexicon.NEEDS_COMPLEMENT - {"Công an", "CA"}  # the police are named by their unit, not a field
    if loc and loc[3]:
        org.generic = True
        end = loc[0]
    elif loc:
        if loc[2] is None and loc[1] == "khu dân cư" and (named := _location(text, loc[0])) and named[2]:
            loc = named  # "Ban công tác Mặt trận khu dân cư xóm 9": the quarter named by its village
        end, org.unit, org.place = loc[0], loc[1], loc[2]
    elif head in ("Bộ đội Biên phòng", "BĐBP"):
        return None  # the border guard as a force ("Bộ đội Biên phòng luôn ở bên bà con"), not one body
    elif head in ("Đồn", "Đội", "Công đoàn") and not re.match(rf"\s+(?:{UP}|\d|các\s)", text[end:]):
        return None  # "kiến nghị Đồn tiếp tục …": the post named again, not a body's full name
    elif head in _COMPANY_HEADS:
        end = _company_name_end(text, end)
        if end == m.end():
            return None  # "Công ty" with no name: not one company
    elif head in ("Ban quản trị", "Ban Quản trị"):
        worship = _WORSHIP_PLACE.match(text, end)
        if worship is None:
            return None  # "Ban quản trị các chùa": no one board
        end = worship.end()  # "Ban quản trị chùa Ô Rồng", "Ban quản trị chùa" (the article's pagoda)
    elif (head in body_heads or head.startswith("Ban ") or head == "BCĐ") and head != "Ban hành giáo":
        num = re.match(r"\s+\d+(?!\s*(?:năm|tháng|ngày))", text[end:])
        lower_body = re.match(rf"\s+{LO}", text[end:]) and head in ("Ban", "Ban Chỉ đạo", "BCĐ", "Hội", "Đoàn")
        body_end = end + num.end() if num and head.startswith(("Ban", "BCĐ")) else end if lower_body else _body(text, end)
        if body_end == end and head in lexicon.NEEDS_COMPLEMENT and not re.match(rf"\s+{_PARTY_BODY.pattern}", text[end:]):
            return None
        end = body_end
        loc = _location(text, end)
        if loc and not loc[3]:
            end, org.unit, org.place = loc[0], loc[1], loc[2]
        elif loc:
            org.generic = True
        elif text[end : end + 1] == " ":
            # "Ban Công tác phía Nam Ủy ban Trung ương MTTQ": a body named with its parent.
            inner = parse_org(text, end + 1)
            if inner and not inner.generic and not inner.head.startswith("Ban Thường"):
                org.parent, end = inner, inner.end
                org.unit, org.place = inner.unit, inner.place
                local = _location(text, end) if inner.place is None else None
                if local and local[2] and not local[3]:  # "Ban Đại diện Hội thánh X tỉnh Y": the board of one province
                    end, org.unit, org.place = local[0], local[1], local[2]
    elif head in NAMED_HEADS:
        # "Đồn Biên phòng Pha Long", "Trường THPT Lê Lợi": a proper name completes the body
        if head == "Đồn Biên phòng" and (gate := _BORDER_GATE.match(text, end)):
            end = gate.end()  # "Đồn Biên phòng cửa khẩu Quốc tế Lao Bảo": the kind of post, then its name
        proper = re.match(rf"\s+((?:{CAP_WORD}|{ACRONYM}|{UP}(?=\s+{CAP_WORD}))(?:\s+(?:{CAP_WORD}|{ACRONYM})){{0,4}})", text[end:])
        if proper:
            # a school keeps the hero it is named after ("Trường THPT Phan Đăng Lưu")
            school = "rường" in head or head == "Hội thánh"  # (and a church its country: "Hội thánh Tin Lành Việt Nam")
            end = end + proper.start(1) + len(_cap_split(proper.group(1), allow_person_cut=not school) if not school
                                                else " ".join(proper.group(1).split()[:5]))
            region = re.match(r"\s*\([Mm]iền\s+(?:Nam|Bắc|Trung)\)", text[end:])
            end += region.end() if region else 0  # "Hội thánh Tin Lành Việt Nam (miền Nam)": part of the name
        elif text[pos - 1 : pos] in ("“", '"'):
            return None  # "“Giáo họ bình yên”": a model's name, quoted
    elif head == "Quân khu" and (number := re.match(r"\s+\d+(?![\w/])", text[end:])):
        end += number.end()  # "Quân khu 1": a military region is numbered
    elif head in ("Hội đồng mục vụ", "Ban hành giáo"):
        parish = _PARISH.match(text, end)
        if parish is None:
            return None  # "Hội đồng mục vụ các giáo xứ": every parish's council, not one
        end = parish.end()  # "Hội đồng mục vụ giáo xứ X": the council of one parish
    elif head in lexicon.INNER_BODY_HEADS and (inner := _inner_body(text, end)) is not None:
        org.parent, end = inner, inner.end
        org.unit, org.place = inner.unit, inner.place
    elif head.endswith(("ủy", "uỷ")) or head in lexicon.YOUTH_UNION_HEADS:
        city = re.match(rf"\s+({CAP_WORD}(?:\s+{CAP_WORD})*)", text[end:])
        if city and gazetteer().is_place(_cap_split(city.group(1))):
            place = _cap_split(city.group(1))
            end = end + city.start(1) + len(place)
            org.place = place
    elif head in lexicon.NEEDS_COMPLEMENT:
        city = re.match(rf"\s+(TPHCM|TP\.?\s?HCM|{CAP_WORD}(?:\s+{CAP_WORD})*)", text[end:])
        if head in ("Công an", "CA") and city and (gazetteer().is_place(_cap_split(city.group(1))) or "HCM" in city.group(1)):
            place = _cap_split(city.group(1))
            end = end + city.start(1) + len(place)
            org.place = place
        elif head == "Công an" and (central := re.match(r"\s+Trung [ưƯ]ơng(?![\w])", text[end:])):
            end += central.end()  # "Đảng ủy Công an Trung ương": the central police as one body
            # "Công an Trung ương và địa phương" names every level of the police, not one body
            org.generic = bool(re.match(r"\s+(?:và|đến|tới)\s+(?:các\s+)?địa phương", text[end:]))
        else:
            return None
    org.end, org.name = end, text[pos:end]
    if org.unit and not org.place and _MORE_UNIT_KINDS.match(text, end):
        org.generic = True  # "Công an xã, phường, thị trấn": the body of every such unit
    if _KIND_OF_PLACE.match(text, end):
        org.generic = True  # "Ban Công tác Mặt trận (ở) các khu dân cư": every such board, not one
    # A parent the text names right after the body (org_parents): "… thuộc …", "Cục X, Bộ Công an".
    if (parent := parent_of(text, org, parse_org)) is not None:
        org.parent = parent
    return org


_AFTER_NAME = re.compile(rf"(?:{'|'.join(sorted(lexicon.SURNAMES, key=len, reverse=True))})(?:\s+{CAP_WORD}){{0,2}}\s+$")
_AFTER_TITLE = re.compile(r"(?<![\w])(?:Phó\s+)?Trưởng\s+$")  # "Phó Trưởng Ban X": a title, though "Phó" is a family name
_DEFINED = re.compile(r"\(([^()]{4,60})\)")
_ANY_HEAD = re.compile(r"Trung ương (?=Hội |Đoàn |Liên đoàn )|" + _HEAD.pattern + "|" + _ABBR_ORG.pattern + "|" + _TEAM_HEAD.pattern)


def _defined_short_form(text: str, pos: int, end: int) -> OrgMention | None:
    """ "Ban Chỉ đạo phòng, chống … (Ban Chỉ đạo 138) quận X": the text defines a short name
    in parentheses; the organisation is the short name plus the unit that follows."""
    head = _HEAD.match(text, pos)
    if not head:
        return None
    for d in _DEFINED.finditer(text, pos, min(end, pos + 300)):
        inner = parse_org(text, d.start(1))
        if inner and inner.end == d.end(1) and inner.head == head.group() and d.start() > pos + len(head.group()) + 2:
            org = OrgMention(inner.name, pos, d.end(), inner.head)
            loc = _location(text, d.end())
            if loc and not loc[3]:
                org.end, org.unit, org.place = loc[0], loc[1], loc[2]
                org.name = inner.name + " " + text[d.end() : loc[0]].strip()
            return org
        if "," not in text[pos : d.start()] and ";" in text[pos : d.start()]:
            break
    return None


_COUNTED = re.compile(r"\d+(?:/\d+)?\s*(?:\(\d+%\)\s*)?$")
_FORCE_TYPE = re.compile(r"\s+(?:bán chuyên trách|chính quy|viên)")


def org_at(text: str, pos: int, end: int) -> OrgMention | None:
    """The organisation starting at ``pos``; None for a counted or generic use
    ("10/10 UBND huyện", "Công an xã bán chuyên trách")."""
    org = _defined_short_form(text, pos, end) or parse_org(text, pos)
    if org is None:
        return None
    if _COUNTED.search(text[max(0, pos - 14) : pos].rstrip() + " ") is not None and re.search(r"\d\s*$", text[max(0, pos - 14) : pos].rstrip()):
        org.generic = True
    if _FORCE_TYPE.match(text, org.end) or _shares_every_unit(text, org):
        org.generic = True
    return org


# A model, campaign or contest named in quotes after its kind ("mô hình “Chi hội … tự quản”") is no body,
# nor is the next one of a list of them ("các mô hình “…”, “Chi hội …”").
_NAMED_MODEL = re.compile(r"(?<![\w])(?:mô hình|phong trào|cuộc vận động|chủ đề|khẩu hiệu|danh hiệu|cuộc thi)"
                          r"(?:\s*[“\"][^“”\"]{1,150}[”\"]\s*(?:,|;|và))*\s*[“\"]\s*$", re.IGNORECASE)
# "các cấp", "cấp huyện và cấp xã", "24/24 xã", "các xã": the last of a list naming a kind of body at every unit.
_EVERY_UNIT = re.compile(r"\s*(?:các cấp|cùng cấp|(?:các\s+)?cấp\s+(?:tỉnh|huyện|xã|cơ sở)|\d+/\d+\s+(?:xã|phường|huyện|thị trấn|quận)"
                         r"|các\s+(?:xã|phường|huyện|thị trấn|quận|tỉnh|địa phương))(?![\w])")
_LIST_JOIN = re.compile(r"\s*,\s*|\s+và\s+")


def _shares_every_unit(text: str, org: OrgMention) -> bool:
    """ "lãnh đạo Đảng ủy, UBND, Công an 24/24 xã": a bare level body listed with others whose
    level is "every commune" shares it, so it names no single body."""
    if org.place or org.unit or org.parent or not org.head.lower().startswith(lexicon.LEVEL_BODY_WORDS):
        return False
    pos = org.end
    for _ in range(6):
        join = _LIST_JOIN.match(text, pos)
        if not join:
            return False
        pos = join.end()
        if _EVERY_UNIT.match(text, pos):
            return True  # "Công an cấp huyện và cấp xã"
        head = _HEAD.match(text, pos)
        if not head:
            return False
        if _EVERY_UNIT.match(text, head.end()):
            return True
        nxt = parse_org(text, pos)
        if nxt is None:
            return False
        if nxt.generic:
            return True
        pos = nxt.end
    return False


def find_orgs(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """All non-overlapping organisation mentions in ``text[start:end]``, left to right."""
    end = len(text) if end is None else end
    out: list[OrgMention] = []
    pos = start
    defined = _DOCUMENT_ABBREVIATIONS.get() or {}
    short_forms = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")(?![\w])") if defined else None
    while pos < end:
        m = _ANY_HEAD.search(text, pos, end)
        s = short_forms.search(text, pos, end) if short_forms else None
        if s and (not m or s.start() < m.start()):
            m = s
        if not m:
            break
        org = org_at(text, m.start(), end)
        if org is None or org.end > end or _NAMED_MODEL.search(text, max(start, org.start - 400), org.start):
            pos = m.end() if org is None else org.end
            continue
        out.append(org)
        pos = org.parent.end if org.parent and org.parent.start >= org.end else org.end
    return out
