"""Dates and periods as the genre writes them, resolved against the article's date.

"Sáng 24/5" in an article of May 2023 is 2023-05-24; "Ngày 8/1" in an article of
9 January 2025 is 2025-01-08; a day after the publication date belongs to the year before.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

DAY_MONTH = re.compile(
    r"(?:(?P<tod>Sáng|Chiều|Tối|Trưa|Ngày|sáng|chiều|tối|trưa|ngày)\s+(?:nay\s*\(|hôm nay\s*\(|qua\s*\(|hôm qua\s*\()?)"
    # "24/5", "20-9-2025", "20 tháng 10 năm 2025"
    r"(?P<d>\d{1,2})(?:\s*[/\-.]\s*|\s+tháng\s+)(?P<m>\d{1,2})(?:(?:\s*[/\-.]\s*|,?\s+năm\s+)(?P<y>\d{4}))?(?!\d)"
)
FULL_DATE = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?!\d)")
PERIOD = re.compile(r"(?:giai đoạn|từ năm|nhiệm kỳ)?\s*\(?(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})(?!\d)")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def resolve(day: int, month: int, year: int | None, article_date: str | None) -> str | None:
    """ISO date for day/month, taking the year from the article where the text omits it."""
    if year is None:
        if not article_date:
            return None
        ay, am = int(article_date[:4]), int(article_date[5:7])
        ad = int(article_date[8:10]) if len(article_date) >= 10 else 31
        year = ay
        if (month, day) > (am, ad) and month - am > 1 or month > am + 6:
            year = ay - 1  # an event after the publication date is last year's
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


# "Sáng nay, …", "Hôm qua, …": a lead dated by the article's own date
_RELATIVE_DAY = re.compile(r"(?:(?:Sáng|Chiều|Tối|Trưa)\s+(?:hôm\s+)?|Hôm\s+)(?P<which>nay|qua)(?=\s*[,(])")
# "… do Công an tỉnh tổ chức chiều hôm qua": the same, after the verb, in lower case
_RELATIVE_DAY_AFTER = re.compile(r"(?:(?:sáng|chiều|tối|trưa)\s+(?:hôm\s+)?|hôm\s+)(?P<which>nay|qua)(?![\w])")


def _relative(which: str, article_date: str | None) -> str | None:
    if not article_date or len(article_date) != 10:
        return None
    return (date.fromisoformat(article_date) - timedelta(days=which == "qua")).isoformat()


_OUTLET_TAG = re.compile(r"\(?[A-ZĐ][\w.]{1,15}\)?\s*[-–—]\s+")


def meeting_date(sentence: str, article_date: str | None) -> tuple[str, int, int] | None:
    """The event date a lead sentence opens with: "Sáng 24/5, …", "Ngày 20-9, …", "Sáng nay, …"."""
    m = DAY_MONTH.search(sentence[:60])
    if not m:
        tag = _OUTLET_TAG.match(sentence)  # "VOV.VN - Sáng qua, …": the outlet's tag, then the lead
        rel = _RELATIVE_DAY.match(sentence, tag.end() if tag else 0)
        day = _relative(rel.group("which"), article_date) if rel else None
        return (day, rel.start(), rel.end()) if day else None
    y = int(m.group("y")) if m.group("y") else None
    iso = resolve(int(m.group("d")), int(m.group("m")), y, article_date)
    return (iso, m.start(), m.end()) if iso else None


_LEAD = re.compile(r"(?:vào\s+)?hôm\s+|vào\s+(?=ngày|\d)")  # "tổ chức hôm D/M", "vào ngày D/M"
_BARE_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})(?:\s*[/\-.]\s*(?P<y>\d{4}))?(?![\d/])")


def date_at(text: str, pos: int, article_date: str | None) -> str | None:
    """A date that opens ``text[pos:]`` ("… tổ chức ngày 15/8 vừa qua")."""
    start = pos + len(text[pos:]) - len(text[pos:].lstrip())
    lead = _LEAD.match(text, start)
    m = (_BARE_DAY_MONTH.match(text, lead.end()) or DAY_MONTH.match(text, lead.end())) if lead else DAY_MONTH.match(text, start)
    if not m:
        rel = _RELATIVE_DAY_AFTER.match(text, start)
        return _relative(rel.group("which"), article_date) if rel else None
    return resolve(int(m.group("d")), int(m.group("m")), int(m.group("y")) if m.group("y") else None, article_date)


def full_date(text: str) -> str | None:
    m = FULL_DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


_MONTHS_OF_YEAR = re.compile(r"(\d+)\s+tháng\s+(?:đầu\s+|cuối\s+)?năm\s+((?:19|20)\d{2})")
_YEAR = re.compile(r"(?<![\w])(?:[Nn]ăm|[Tt]rong năm)\s+((?:19|20)\d{2})(?!\d)")
_YEARS_PAST = re.compile(r"(\d+)\s+năm\s+(?:qua|thực hiện|triển khai)")


def reporting_period(text: str, article_date: str | None) -> str | None:
    """The period a figure is reported for: "giai đoạn 2013 – 2023", "6 tháng đầu năm 2023",
    "năm 2024", or "10 năm qua" counted back from the article's year."""
    if (p := period(text)) is not None:
        return p
    if m := _MONTHS_OF_YEAR.search(text):
        return f"{m.group(2)} ({m.group(1)} tháng)"
    if m := _YEAR.search(text):
        return m.group(1)
    if (m := _YEARS_PAST.search(text)) and article_date:
        year = int(article_date[:4])
        return f"{year - int(m.group(1))}-{year}"
    return None


def period(text: str) -> str | None:
    m = PERIOD.search(text)
    return f"{m.group('a')}-{m.group('b')}" if m and m.group("a") < m.group("b") else None
