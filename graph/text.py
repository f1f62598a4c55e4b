"""Text normalisation and sentence segmentation with character offsets.

Evidence must point into the original text, so nothing here rewrites a document: it returns
offsets into the NFC text, and keys (``match_key``, ``fold``) that are used only for matching.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass

from unidecode import unidecode


def _letters(pred) -> str:  # noqa: ANN001 - str method
    ranges = [(0x41, 0x24F), (0x1E00, 0x1EFF)]
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if pred(chr(c)))


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
UP = f"[{re.escape(UPPER)}]"
LO = f"[{re.escape(LOWER)}]"
# A capitalised Vietnamese syllable ("Nguyễn", "Tĩnh") and an all-caps abbreviation ("MTTQ").
CAP_WORD = f"{UP}(?:['’]{UP}?)?{LO}+"  # also "M'gar", "H'Liên", "H’yim"
ACRONYM = f"{UP}{{2,}}"

# Old-style ("hòa", "thủy") and new-style ("hoà", "thuỷ") tone placement, unified for matching.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Keys use the old style, the more common spelling in official names ("Ủy ban", "Hòa").
# "qu" is a consonant: "quý", "quà" are the same in both styles.
_NEW_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aeAEyY])([{_TONES}])(?![{re.escape(LOWER + UPPER)}])")


def normalise(text: str) -> str:
    """NFC, no BOM, no NUL; the form every offset refers to."""
    return unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\x00", "")


def match_key(text: str) -> str:
    """A key for matching two spellings of one name: tone placement unified, spaces and
    dashes folded, case kept (Vietnamese names are case-significant enough)."""
    nfd = unicodedata.normalize("NFD", text)
    # NFD puts the tone after the vowel it sits on: move "o + a + tone" to "o + tone + a".
    nfd = _NEW_STYLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), nfd)
    out = unicodedata.normalize("NFC", nfd)
    out = re.sub(r"[\u2013\u2014\-]+", "-", out)
    out = re.sub(r"\s+", " ", out).strip(" ,;:.")
    return out


def fold(text: str) -> str:
    """ASCII, lower-case form for diacritic-insensitive search ("Tô Lâm" → "to lam")."""
    return re.sub(r"\s+", " ", unidecode(text.replace("đ", "d").replace("Đ", "D")).lower()).strip()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph_start: bool = False  # first sentence of its line (a paragraph of the article)


# A full stop does not end a sentence after these (TP. Hồ Chí Minh, TS. Nguyễn …).
_NO_BREAK_AFTER = {"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "Th", "St", "Q", "P", "TX", "TT"}
_DATE_TAG = re.compile(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
# A sentence may also open with a count: "… cho 2 tập thể. 6 tập thể và 10 cá nhân được …"
_BREAK = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?" + UP + r")|(?<=" + LO + r")\.(?=\s+\d+\s+" + LO + r")"
                    r"|[.!?…]+[\"”’)]*\s*$")


def sentences(text: str) -> list[Sentence]:
    """Split into sentences: every line is a unit, and inside a line a sentence ends at
    . ! ? … followed by a capitalised word (but not after abbreviations such as "TP.")."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        seg_start = line.start()
        body = line.group()
        tag = _DATE_TAG.match(body) if seg_start == 0 or not text[:seg_start].strip() else None
        if tag:  # a leading "date 2023-06" tag is page metadata, not part of the first sentence
            seg_start, body = seg_start + tag.end(), body[tag.end() :]
        cursor = 0
        for m in _BREAK.finditer(body):
            before = body[cursor : m.start()].split()
            if before and before[-1].rstrip(".") in _NO_BREAK_AFTER and m.group().startswith("."):
                continue
            _add(out, text, seg_start + cursor, seg_start + m.end())
            cursor = m.end()
        _add(out, text, seg_start + cursor, seg_start + len(body))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > 1:
        line_start = text.rfind("\n", 0, start) + 1
        out.append(Sentence(text[start:end], start, end, not text[line_start:start].strip()))


if __name__ == "__main__":  # pragma: no cover - manual check
    for s in sentences(normalise(sys.stdin.read())):
        print(s.start, s.end, s.text)
