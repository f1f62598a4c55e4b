"""The scorer: what counts as the same fact."""

from __future__ import annotations

from antq.graph.evaluate import evaluate


def _award(kind: str, recipients: str = "3 tập thể") -> dict:
    return {"awards": [{"type": kind, "conferred_by": None, "recipients": recipients, "presented_by": []}]}


def test_an_award_matches_by_kind_whether_gold_writes_its_full_name_or_not():
    full = {"d": _award("Huân chương Bảo vệ Tổ quốc hạng Ba")}
    assert evaluate(full, {"d": _award("Huân chương")}).scores["awards"].tp == 1
    assert evaluate(full, {"d": _award("Huân chương Bảo vệ Tổ quốc hạng Ba")}).scores["awards"].tp == 1
    # another kind, or other recipients, is another award
    assert evaluate(full, {"d": _award("Kỷ niệm chương")}).scores["awards"].tp == 0
    assert evaluate(full, {"d": _award("Huân chương", "5 tập thể")}).scores["awards"].tp == 0


def test_scores_count_missed_and_spurious_facts():
    gold = {"d": {"people": [{"name": "Lê Văn A"}, {"name": "Trần Thị B"}]}}
    got = {"d": {"people": [{"name": "lê văn a"}, {"name": "Phạm C"}]}}
    s = evaluate(gold, got).scores["people"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1) and s.f1 == 0.5
