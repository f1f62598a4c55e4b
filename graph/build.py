"""The build: corpus → records → one named graph per document → SHACL gate → files.

The graph is written atomically (to a temporary file, then renamed), and only when it
conforms to the shapes: a crash or a violation never leaves a half-written or invalid
graph where the server would read it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from antq.graph.corpus import CorpusError, Document, load_corpus
from antq.graph.extract.pipeline import extract
from antq.graph.extract.programmes import short_number
from antq.graph.record import EXTRACTOR_VERSION, DocumentRecord

GRAPH_FILE = "graph.nq"
MANIFEST_FILE = "manifest.json"
REPORT_FILE = "shacl-report.json"
RECORDS_FILE = "records.jsonl"


class BuildError(Exception):
    """The build could not produce a graph (no readable document, or an unwritable folder)."""


@dataclass
class BuildSummary:
    documents: int
    triples: int
    entities: dict[str, int]
    conforms: bool
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    graph_path: str = ""
    fingerprint: str = ""

    def text(self) -> str:
        lines = [f"documents: {self.documents}", f"triples: {self.triples}"]
        lines += [f"  {k}: {v}" for k, v in sorted(self.entities.items())]
        lines.append(f"conforms to shapes: {'yes' if self.conforms else 'NO'}")
        lines += [f"skipped input: {e}" for e in self.errors]
        lines.append(f"graph: {self.graph_path} ({self.seconds:.1f} s)")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def fingerprint(corpus: Path, base_iri: str) -> str:
    """What a built graph depends on: the corpus files, the base IRI and the extractor."""
    h = hashlib.sha256(f"{EXTRACTOR_VERSION}\n{base_iri}\n".encode())
    root = Path(corpus)
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    for p in files:
        h.update(str(p.relative_to(root) if root.is_dir() else p.name).encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def link_across_documents(records: list[DocumentRecord]) -> None:
    """A short programme reference ("Chương trình phối hợp 09") resolves to the full number
    another article gives ("09/CTr-BCA-MTTW"), so both are one node."""
    full: dict[str, str] = {}
    for rec in records:
        for p in rec.programmes:
            if "/" in p.number:
                full.setdefault(short_number(p.number), p.number)
    for rec in records:
        renamed = {}
        for p in rec.programmes:
            target = full.get(short_number(p.number))
            if "/" not in p.number and target:
                renamed[p.key] = target
                p.key, p.number, p.name = target, target, f"Chương trình phối hợp số {target}"
        for m in rec.meetings:
            if m.programme in renamed:
                m.programme = renamed[m.programme]


def unify_key_case(records: list[DocumentRecord]) -> None:
    """ "Cục xây dựng phong trào …" in one article and "Cục Xây dựng phong trào …" in another
    are one body: keys equal but for case become the first spelling seen."""
    canonical: dict[str, str] = {}

    def one(key: str | None) -> str | None:
        return canonical.setdefault(key.casefold(), key) if key else key

    for rec in records:
        for o in rec.organizations:
            o.key, o.parent_key = one(o.key), one(o.parent_key)
        for p in rec.people:
            p.key = one(p.key)
            for post in p.posts:
                post.org_key = one(post.org_key)
        for prog in rec.programmes:
            prog.party_keys = [one(k) for k in prog.party_keys]
        for m in rec.meetings:
            m.organizer_keys = [one(k) for k in m.organizer_keys]
        for a in rec.awards:
            if a.conferrer_key and " | " in a.conferrer_key:
                title, body = a.conferrer_key.split(" | ", 1)
                a.conferrer_key = f"{title} | {one(body)}"
            else:
                a.conferrer_key = one(a.conferrer_key)


def extract_all(docs: Iterable[Document], progress: Callable[[Iterable], Iterable] = lambda x: x) -> list[DocumentRecord]:
    records = [extract(d) for d in progress(docs)]
    link_across_documents(records)
    unify_key_case(records)
    return records


def _write_atomic(path: Path, write: Callable[[Any], None], mode: str = "w") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(corpus: Path, data_dir: Path, base_iri: str, *, progress: Callable[[Iterable], Iterable] = lambda x: x,
          extra_shapes: Path | None = None) -> BuildSummary:
    """Build, validate and write the graph; raises GraphInvalid (nothing published) on violations."""
    from rdflib import Graph

    from antq.graph.rdf import records_to_dataset
    from antq.graph.validate import GraphInvalid, validate

    shapes = None
    if extra_shapes:
        try:
            shapes = Graph().parse(Path(extra_shapes), format="turtle")
        except Exception as exc:  # noqa: BLE001 - any parse failure is the user's file
            raise BuildError(f"{extra_shapes}: not readable as Turtle SHACL shapes ({exc})") from None

    started = time.monotonic()
    docs, errors = load_corpus(Path(corpus))
    if not docs:
        detail = "; ".join(str(e) for e in errors) or "no .txt or .jsonl article found"
        raise BuildError(f"{corpus}: nothing to build ({detail})")
    records = extract_all(docs, progress)
    dataset = records_to_dataset(records, base_iri)
    report = validate(dataset, shapes)
    data_dir = Path(data_dir)
    _write_atomic(data_dir / REPORT_FILE, lambda fh: json.dump(report.to_json(), fh, ensure_ascii=False, indent=1))
    if not report.conforms:
        raise GraphInvalid(report)
    nquads = dataset.serialize(format="nquads")
    _write_atomic(data_dir / RECORDS_FILE, lambda fh: fh.writelines(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records))
    _write_atomic(data_dir / GRAPH_FILE, lambda fh: fh.write(nquads))
    entities = Counter()
    for r in records:
        entities["meetings"] += len(r.meetings)
        entities["awards"] += len(r.awards)
        entities["figures"] += len(r.statistics)
    entities["people"] = len({p.key for r in records for p in r.people})
    entities["organizations"] = len({o.key for r in records for o in r.organizations})
    entities["programmes"] = len({p.key for r in records for p in r.programmes})
    summary = BuildSummary(
        documents=len(docs), triples=sum(1 for line in nquads.splitlines() if line.strip()),
        entities=dict(entities), conforms=True, errors=[str(e) for e in errors],
        seconds=time.monotonic() - started, graph_path=str(data_dir / GRAPH_FILE),
        fingerprint=fingerprint(Path(corpus), base_iri),
    )
    _write_atomic(data_dir / MANIFEST_FILE, lambda fh: json.dump(summary.to_json(), fh, ensure_ascii=False, indent=1))
    return summary


def is_current(corpus: Path, data_dir: Path, base_iri: str) -> bool:
    """Whether ``data_dir`` holds a graph built from exactly this corpus and base IRI."""
    manifest = Path(data_dir) / MANIFEST_FILE
    if not manifest.exists() or not (Path(data_dir) / GRAPH_FILE).exists():
        return False
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint") == fingerprint(Path(corpus), base_iri)
    except (ValueError, OSError):
        return False


__all__ = ["BuildError", "BuildSummary", "CorpusError", "build", "extract_all", "is_current"]
