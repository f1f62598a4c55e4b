"""Reading articles: a .txt file (with an optional .json sidecar), a folder of them, or a
JSON Lines file of {id, text, date, url, title}.

Bad input is refused one file at a time with a message naming the file and the reason;
one bad file never stops the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from antq.graph.text import normalise


class CorpusError(Exception):
    """An input that cannot be read as an article; names the input and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass
class Document:
    id: str
    text: str  # NFC; every evidence offset refers to this string
    title: str | None = None
    date: str | None = None  # ISO date or YYYY-MM
    url: str | None = None
    source: str | None = None
    path: str | None = None


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_DATE_TAG = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b")
_DATELINE = re.compile(
    r"(?:(?:Thứ\s+\w+|Chủ nhật|Cập nhật|Ngày đăng|Đăng lúc)[,:\s]*(\d{1,2})/(\d{1,2})/(\d{4})"
    r"|(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})\s*[-|,]?\s*\d{1,2}:\d{2})"
)


def date_from_text(text: str) -> str | None:
    """The publication date a page shows: a leading "date 2023-06" tag, or a dateline
    such as "Thứ Tư, 31/05/2023 19:11" / "Cập nhật 09/01/2025 08:15" near the top."""
    for line in text.splitlines()[:6]:  # the tag may follow the headline
        m = _DATE_TAG.match(line)
        if m:
            return m.group(1)
    m = _DATELINE.search(text[:600])
    if m:
        g = [x for x in m.groups() if x is not None]
        return _iso(int(g[0]), int(g[1]), int(g[2]))
    for line in text.splitlines()[:8]:  # "Cập nhật lúc 16:45 ngày 09/01/2024": a short line with a date
        d = _ANY_DATE.search(line)
        if d and len(line.strip()) <= 80:
            return _iso(int(d.group(1)), int(d.group(2)), int(d.group(3)))
    return None


_ANY_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")


def _iso(day: int, month: int, year: int) -> str | None:
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None


def title_from_text(text: str) -> str | None:
    """A first line short enough to be a headline (no date tag, no sentence end)."""
    for line in text.splitlines():
        line = line.strip()
        if not line or line in {"DetailController"}:
            continue
        if 15 <= len(line) <= 160 and not line.endswith(".") and not _DATE_TAG.match(line):
            return line
        return None
    return None


def _decode(raw: bytes, source: str) -> str:
    if not raw.strip():
        raise CorpusError(source, "the file is empty")
    if b"\x00" in raw[:4096]:
        raise CorpusError(source, "the file looks binary (it contains NUL bytes), not UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(source, f"not valid UTF-8 at byte {exc.start}") from None
    text = normalise(text)
    if not text.strip():
        raise CorpusError(source, "the file has no text")
    return text


def _document(doc_id: str, text: str, meta: dict, source: str) -> Document:
    if not _ID.match(doc_id):
        raise CorpusError(source, f"unusable document id {doc_id!r} (letters, digits, '_', '-', '.' only)")
    date = meta.get("published") or meta.get("date") or date_from_text(text)
    return Document(
        id=doc_id,
        text=text,
        title=meta.get("title") or title_from_text(text),
        date=date,
        url=meta.get("url"),
        source=meta.get("source"),
        path=source,
    )


def read_text_file(path: Path) -> Document:
    text = _decode(path.read_bytes(), str(path))
    meta: dict = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CorpusError(str(sidecar), f"sidecar is not valid JSON ({exc})") from None
        if not isinstance(meta, dict):
            raise CorpusError(str(sidecar), "sidecar must be a JSON object")
    return _document(str(meta.get("id") or path.stem), text, meta, str(path))


def read_jsonl(path: Path) -> Iterator[Document | CorpusError]:
    try:
        lines = _decode(path.read_bytes(), str(path)).splitlines()
    except CorpusError as exc:
        yield exc
        return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row.get("id"):
                raise CorpusError(where, "each line must be an object with string 'id' and 'text'")
            text = normalise(row["text"])
            if not text.strip():
                raise CorpusError(where, "empty 'text'")
            yield _document(str(row["id"]), text, row, where)
        except ValueError as exc:
            yield CorpusError(where, f"not valid JSON ({exc})")
        except CorpusError as exc:
            yield exc


def iter_corpus(path: Path) -> Iterator[Document | CorpusError]:
    """Every document under ``path``, or the error that kept one from being read."""
    path = Path(path)
    if not path.exists():
        yield CorpusError(str(path), "no such file or folder")
        return
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    seen: set[str] = set()
    for file in files:
        if file.suffix == ".jsonl":
            items: Iterator[Document | CorpusError] = read_jsonl(file)
        elif file.suffix == ".txt" and file.name.lower() != "readme.txt":
            items = iter(_safe(read_text_file, file))
        elif path.is_dir():
            continue  # sidecars, READMEs and other files beside the articles
        else:
            items = iter([CorpusError(str(file), "unsupported file type (expected .txt or .jsonl)")])
        for item in items:
            if isinstance(item, Document):
                if item.id in seen:
                    item = CorpusError(item.path or str(file), f"duplicate document id {item.id!r}")
                else:
                    seen.add(item.id)
            yield item


def _safe(reader, file: Path) -> list[Document | CorpusError]:  # noqa: ANN001
    try:
        return [reader(file)]
    except CorpusError as exc:
        return [exc]
    except OSError as exc:
        return [CorpusError(str(file), f"cannot be read ({exc.strerror})")]


def load_corpus(path: Path) -> tuple[list[Document], list[CorpusError]]:
    docs: list[Document] = []
    errors: list[CorpusError] = []
    for item in iter_corpus(path):
        (docs if isinstance(item, Document) else errors).append(item)
    return docs, errors
