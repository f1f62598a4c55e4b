"""Precision, recall and F1 of extraction records against hand-made gold files.

Each category is compared as a multiset of normalised facts per document, summed over
documents (micro), and the macro F1 is the mean over the categories that have any fact.
Names are compared after NFC, tone-placement unification and case folding, organisation
names after abbreviation expansion ("CATP" = "Công an thành phố"), awards by their kind.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antq.graph.extract.resolve import _expand
from antq.graph.lexicon import AWARD_TYPES
from antq.graph.text import match_key

CATEGORIES = ("people", "ranks", "posts", "chairs", "attendees", "speakers", "organisers", "organisations",
              "programmes", "awards", "presenters", "figures", "meeting dates")


def _n(s: Any) -> str:
    return re.sub(r"[“”\"'()]", "", match_key(str(s or ""))).casefold().strip()


def _award_kind(s: Any) -> str:
    """The kind an award's type names: gold files write either "Huân chương" or its full name
    ("Huân chương Bảo vệ Tổ quốc hạng Ba"); the kind is what both agree on."""
    name = _n(s)
    return next((_n(kind) for kind in sorted(AWARD_TYPES, key=len, reverse=True) if name.startswith(_n(kind))), name)


def _org(s: Any) -> str:
    return _n(_expand(str(s or ""))) if s else ""


def _prog(number: Any) -> str:
    return str(number or "").split("/")[0].lstrip("0")


def _value(v: Any) -> str:
    try:
        return f"{float(v):g}"
    except (TypeError, ValueError):
        return str(v)


def _meetings(rec: dict, field: str) -> list[str]:
    return [_n(x) for m in rec.get("meetings", []) for x in m.get(field, [])]


FACTS: dict[str, Callable[[dict], Iterable[Any]]] = {
    "people": lambda r: [_n(p["name"]) for p in r.get("people", [])],
    "ranks": lambda r: [(_n(p["name"]), _n(p["rank"])) for p in r.get("people", []) if p.get("rank")],
    "posts": lambda r: [(_n(p["name"]), _n(q["title"]), _org(q.get("org"))) for p in r.get("people", []) for q in p.get("posts", [])],
    "chairs": lambda r: _meetings(r, "chairs"),
    "attendees": lambda r: _meetings(r, "attendees"),
    "speakers": lambda r: _meetings(r, "speakers"),
    "organisers": lambda r: [_org(o) for m in r.get("meetings", []) for o in m.get("organizers", [])],
    "organisations": lambda r: [_org(o["name"]) for o in r.get("organizations", [])],
    "programmes": lambda r: [_prog(p.get("number")) for p in r.get("programmes", [])],
    "awards": lambda r: [(_award_kind(a["type"]), " ".join(re.findall(r"\d+", a.get("recipients") or ""))) for a in r.get("awards", [])],
    "presenters": lambda r: [_n(n) for a in r.get("awards", []) for n in a.get("presented_by", [])],
    "figures": lambda r: [_value(s.get("value")) for s in r.get("statistics", [])],
    "meeting dates": lambda r: [m.get("date") for m in r.get("meetings", []) if m.get("date")],
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: dict[str, Score]
    errors: dict[str, list[tuple[str, str, Any]]]  # category → (doc, "missed"/"spurious", fact)

    @property
    def macro_f1(self) -> float:
        used = [s.f1 for s in self.scores.values() if s.tp + s.fp + s.fn]
        return sum(used) / len(used) if used else 0.0

    def table(self) -> str:
        rows = [f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for cat, s in self.scores.items():
            rows.append(f"{cat:<14} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        rows.append(f"{'macro F1':<14} {'':>6} {'':>6} {self.macro_f1:6.3f}")
        return "\n".join(rows)

    def to_json(self) -> dict[str, Any]:
        return {"macro_f1": self.macro_f1,
                "categories": {c: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
                               for c, s in self.scores.items()}}


def evaluate(gold: dict[str, dict], predicted: dict[str, dict]) -> Evaluation:
    """Score predicted records against gold records, both keyed by document id."""
    scores = {c: Score() for c in CATEGORIES}
    errors: dict[str, list] = {c: [] for c in CATEGORIES}
    for doc, g in gold.items():
        p = predicted.get(doc, {})
        for cat in CATEGORIES:
            gc, pc = Counter(FACTS[cat](g)), Counter(FACTS[cat](p))
            tp = sum((gc & pc).values())
            scores[cat].tp += tp
            scores[cat].fp += sum(pc.values()) - tp
            scores[cat].fn += sum(gc.values()) - tp
            errors[cat] += [(doc, "missed", f) for f in (gc - pc).elements()]
            errors[cat] += [(doc, "spurious", f) for f in (pc - gc).elements()]
    return Evaluation(scores, errors)


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold files keyed by their document id (the "doc" field, else the file stem)."""
    out: dict[str, dict] = {}
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data.get("doc") or path.stem)] = data
    return out
