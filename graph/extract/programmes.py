"""Numbered coordination programmes: "Chương trình phối hợp số 09/CTr-BCA-MTTW ngày
1/8/2013", "Chương trình 478", "Chương trình phối hợp 687", and a coordination rule, joint plan or joint
resolution with its code ("Quy chế phối hợp số 12/QCPH-CATP-CCB", "Kế hoạch liên tịch số
21/KHLT-…", "Nghị quyết liên tịch số 01/NQLT-…").

"Chỉ thị 09" (a directive) or "478 mô hình" (a count) are not programmes: a programme is
the word "Chương trình" followed by its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from antq.graph.extract import dates
from antq.graph.extract.orgs import OrgMention, find_orgs

PROGRAMME_RE = re.compile(
    r"(?<![\w])(?:[Cc]hương trình(?P<coord>\s+phối hợp)?(?:\s+liên tịch)?|(?P<rules>[Qq]uy chế phối hợp|[Kk]ế hoạch (?:liên tịch|phối hợp)|[Nn]ghị quyết liên tịch))\s+(?:số\s+)?"
    r"(?P<num>\d{1,4}(?:/[\wĐđ]+(?:-[\wĐđ]+)*)?)(?![\d/])"
    r"(?P<signed>\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})?"
)
_PARTIES = re.compile(r"\s+giữa\s+")


@dataclass
class ProgrammeMention:
    number: str
    start: int
    end: int
    signed: str | None = None
    period: str | None = None
    parties: list[OrgMention] = field(default_factory=list)
    between_two_units: bool = False  # "giữa hai đơn vị": the parties are the organisers
    kind: str = "Chương trình phối hợp"  # or "Quy chế phối hợp", "Kế hoạch liên tịch" … as written


def find_programmes(text: str, start: int, end: int) -> list[ProgrammeMention]:
    out: list[ProgrammeMention] = []
    for m in PROGRAMME_RE.finditer(text, start, end):
        num = m.group("num")
        if m.group("rules") and "/" not in num:
            continue  # a rule or plan counts with its full code ("Quy chế phối hợp số 12/QCPH-…")
        if not m.group("coord") and not m.group("rules") and "/" not in num and len(num) < 2:
            continue
        prog = ProgrammeMention(num, m.start(), m.end())
        if m.group("rules"):
            prog.kind = m.group("rules")[0].upper() + m.group("rules")[1:]
        if m.group("signed"):
            prog.signed = dates.full_date(m.group("signed"))
        tail = text[m.end() : end]
        g = _PARTIES.match(tail)
        if g:
            clause_end = re.search(r"\s+về\s+|[“\";.]|\s+giai đoạn|\s+trên địa bàn", tail[g.end():])
            stop = m.end() + g.end() + (clause_end.start() if clause_end else len(tail) - g.end())
            if re.match(r"(?:hai|2)\s+(?:đơn vị|lực lượng|ngành|cơ quan)", tail[g.end():]):
                prog.between_two_units = True
            prog.parties = [o for o in find_orgs(text, m.end() + g.end(), stop) if not o.generic]
        prog.period = dates.period(text[m.end() : min(end, m.end() + 400)])
        out.append(prog)
    return out


def short_number(number: str) -> str:
    """The leading number that a short reference uses: "09/CTr-BCA-MTTW" → "09"."""
    return number.split("/")[0].lstrip("0") or "0"
