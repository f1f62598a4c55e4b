"""Figures: "18.902 viên đạn", "77,4%", "hơn 81 nghìn lượt đơn thư", "gần 4 triệu ý kiến",
"852/1.056 thôn, bản", with qualifier, unit and what was counted.

"." groups thousands and "," is the decimal mark. Durations ("10 năm"), dates, years,
numbered units ("quận 1"), programme numbers and award counts are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from antq.graph import lexicon
from antq.graph.extract.orgs import COUNT_AFTER

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
FIGURE_RE = re.compile(
    rf"(?<![\w/.,:\-–])(?:(?P<qual>gần|hơn|trên|khoảng|dưới|tăng|giảm|hàng)\s+)?"
    rf"(?P<num>{_NUM})(?:/(?P<total>{_NUM}))?(?![\d/]|[^\W\d_])"
    r"(?:\s*(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ)(?![\w]))?"
    r"(?P<pct>\s*%)?"
)
_QUALIFIERS = {"gần": "approx", "khoảng": "approx", "hàng": "approx", "hơn": "over", "trên": "over", "dưới": "under"}
_MULT = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
# A unit is a short noun phrase; these words end it.
_UNIT_STOP = set(
    "với và trong tại có được đã cho của về từ trên để nhằm giúp bằng liên quan so là thì khi đến theo "
    "bị do này đó như mà hoặc hay vào ra lên xuống đều năm ở đạt sẽ đang cũng vẫn".split()
)
_UNIT_STOP_PHRASES = ("tham gia",)  # "gia" alone is in "118 gia đình"
_UNIT_NOUNS_WITH_STOP_WORDS = ("bị can", "bị cáo", "bị hại")  # "24 bị can": "bị" is a noun's first syllable here
_UNIT_WORD = re.compile(r"\s*[“\"]?([^\W\d_]+)[”\"]?")
_SHARE = re.compile(r"\s*\(\d+(?:,\d+)?\s*%\)\s*,?")
_NOT_COUNTED = re.compile(
    r"^(?:năm|tháng|ngày|tuần|giờ|phút|quý|lần thứ|giai đoạn|tuổi)\b|^(?:/|-)"
    r"|^giải(?:\s+(?:nhất|nhì|ba|khuyến khích))?$"  # "2 giải Ba": a contest's prizes, counted like awards
)
_AFTER_UNIT_WORD = re.compile(
    r"(?<![\w])(?:quận|phường|khu phố|tổ dân phố|tổ|thôn|khóm|ấp|xóm|khu|Chương trình(?: phối hợp)?(?: số)?|Quy chế(?: phối hợp)?(?: số)?|Ban Chỉ đạo|BCĐ|Chỉ thị|"
    r"Nghị quyết|số|Kế hoạch|Quyết định|Điều|Khoản|ngày|tháng|năm|sáng|chiều|tối|lần thứ|giai đoạn|giữa)\s*$",
    re.I,
)
_MAX_UNIT_WORDS = 4
_REWARDED = re.compile(r"\s+(?:khác\s+)?(?:đã\s+)?(?:vinh dự\s+)?được\s+(?:khen thưởng|biểu dương|vinh danh"
                       rf"|(?:tặng|trao|nhận)(?:\s+tặng)?\s+(?:{'|'.join(lexicon.AWARD_TYPES)}))(?![\w])", re.IGNORECASE)


@dataclass
class FigureMention:
    text: str
    value: float | int
    unit: str
    qualifier: str
    start: int
    end: int
    of_total: float | int | None = None


def parse_number(raw: str) -> float | int:
    raw = raw.replace(".", "")
    if "," in raw:
        return float(raw.replace(",", "."))
    return int(raw)


def _unit(text: str, pos: int, limit: int) -> tuple[str, int]:
    words: list[str] = []
    share = _SHARE.match(text, pos, limit)  # "1.482/1.482 (100%) thôn": the unit follows the share
    pos = share.end() if share else pos
    end = pos
    for m in _UNIT_WORD.finditer(text, pos, limit):
        if m.start() != end or len(words) >= _MAX_UNIT_WORDS:
            break
        word = m.group(1)
        if text.startswith(_UNIT_NOUNS_WITH_STOP_WORDS, m.start(1)):
            pass
        elif word.lower() in _UNIT_STOP or (word[0].isupper() and words) or text.startswith(_UNIT_STOP_PHRASES, m.start(1)):
            break
        words.append(word)
        end = m.end()
    return " ".join(words), end


def _inside_quotes(text: str, start: int, pos: int, end: int) -> bool:
    """Inside a quoted name or slogan (“Xây dựng gia đình 5 không, 3 sạch”), not a quoted speech."""
    if text.count('"', start, pos) % 2:  # straight quotes: inside when an odd number precede
        opening, closing = text.rfind('"', start, pos), text.find('"', pos)
    else:
        opening = text.rfind("“", start, pos)
        if opening < 0 or text.count("”", opening, pos):
            return False
        closing = text.find("”", pos)
    if closing < 0 or closing >= end or closing - opening >= 80:
        return False  # a quotation running past the sentence is speech, not a name
    # quoted speech: after a colon ("cho biết: “…”"), or opening the sentence with its speaker after it
    # ("“…”, ông A cho biết"); a name or slogan sits inside the sentence
    before = text[start:opening].rstrip()
    return not (before.endswith(":") or (not before and re.match(r'[”"]\s*,', text[closing:])))


def _without_closing_quote(phrase: str) -> str:
    """"15 ổ nhóm”" at the end of a quotation keeps its words, not the quotation mark."""
    if phrase.endswith("”") and "“" not in phrase or phrase.endswith('"') and phrase.count('"') % 2:
        return phrase[:-1].rstrip()
    return phrase


def find_figures(text: str, start: int, end: int) -> list[FigureMention]:
    out: list[FigureMention] = []
    for m in FIGURE_RE.finditer(text, start, end):
        num = m.group("num")
        prefix = text[max(start, m.start() - 20) : m.start()]
        # "tổ 5" numbers a unit; "số tổ tăng 27,4%" does not (a qualifier stands between)
        numbered_unit = _AFTER_UNIT_WORD.search(prefix) and not m.group("qual") and not COUNT_AFTER.match(text, m.end("num"))
        if numbered_unit or _inside_quotes(text, start, m.start(), end):
            continue
        if re.fullmatch(r"(?:19|20)\d{2}", num) and not m.group("pct"):
            continue  # a year
        value = parse_number(num)
        if m.group("mult"):
            value = int(round(value * _MULT[m.group("mult")]))
        if m.group("pct"):
            unit, uend = "%", m.end()
        else:
            unit, uend = _unit(text, m.end(), end)
        if not unit or _NOT_COUNTED.match(unit) or re.match(r"\s*[/\-]\s*\d", text[m.end() : m.end() + 3]):
            continue
        if text[uend : uend + 1] == ":":
            continue  # "5 không: …" names the items of a slogan
        if _REWARDED.match(text, uend):
            continue  # "một trong 22 hội viên được khen thưởng": the count of an award's recipients
        qual_word = m.group("qual")
        out.append(
            FigureMention(
                text=_without_closing_quote(text[m.start() : uend].strip()),
                value=value,
                unit=unit,
                qualifier=_QUALIFIERS.get(qual_word or "", "exact"),
                start=m.start(),
                end=uend,
                of_total=parse_number(m.group("total")) if m.group("total") else None,
            )
        )
    return out
