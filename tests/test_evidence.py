"""Every fact read from the corpus points at a real span of its document."""

from __future__ import annotations

from pathlib import Path

from antq.graph.build import extract_all
from antq.graph.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]


def _evidence(item):
    yield from item.evidence
    for post in getattr(item, "posts", []):
        yield from post.evidence
    for evs in getattr(item, "role_evidence", {}).values():
        yield from evs


def test_every_evidence_span_lies_in_its_sentence_in_the_original_text():
    docs, errors = load_corpus(ROOT / "corpus")
    assert not errors and len(docs) == 5
    checked = 0
    for doc, rec in zip(docs, extract_all(docs)):
        for category in ("meetings", "people", "organizations", "programmes", "awards", "statistics"):
            for item in getattr(rec, category):
                evidence = list(_evidence(item))
                assert evidence, f"{doc.id}: a {category} fact without evidence: {item}"
                for ev in evidence:
                    assert ev.doc == doc.id
                    assert doc.text[ev.sentence_start : ev.sentence_end] == ev.sentence
                    assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
                    checked += 1
    assert checked > 200


def test_the_date_tag_is_not_part_of_the_first_sentence():
    docs, _ = load_corpus(ROOT / "corpus" / "001_4b437488db5ce7dc.txt")
    rec = extract_all(docs)[0]
    assert rec.meetings[0].evidence[0].sentence.startswith("Sáng 24/5")
