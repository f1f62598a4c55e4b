"""Reading input: files, folders and JSON Lines; bad input refused one file at a time."""

from __future__ import annotations

import json
import unicodedata

from antq.graph.corpus import date_from_text, load_corpus
from antq.graph.text import match_key, sentences


def test_folder_with_sidecars_and_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("Sáng 1/2, Công an tỉnh tổ chức hội nghị.", encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps({"id": "g1", "published": "2024-02-01", "title": "T"}), encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes("\ufeffNgày 3/4, hội nghị.".encode("utf-8"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Hội nghị".encode("utf-16"))
    docs, errors = load_corpus(tmp_path)
    assert sorted(d.id for d in docs) == ["bom", "g1"]
    by_id = {d.id: d for d in docs}
    assert by_id["g1"].date == "2024-02-01" and by_id["g1"].title == "T"
    assert not by_id["bom"].text.startswith("\ufeff")
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"] or "NUL" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"] or "binary" in reasons["latin1.txt"]
    assert all(str(tmp_path) in e.source for e in errors)


def test_text_is_nfc_but_offsets_refer_to_it(tmp_path):
    nfd = unicodedata.normalize("NFD", "Thượng tá Nguyễn Văn An chủ trì hội nghị.")
    (tmp_path / "a.txt").write_text(nfd, encoding="utf-8")
    docs, _ = load_corpus(tmp_path / "a.txt")
    assert docs[0].text == unicodedata.normalize("NFC", nfd)
    for s in sentences(docs[0].text):
        assert docs[0].text[s.start : s.end] == s.text


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "x1", "text": "Ngày 5/6, hội nghị.", "date": "2024-06-05", "url": "http://example.org/1"}),
            "{not json",
            json.dumps({"id": "x2", "text": ""}),
            json.dumps({"id": "x1", "text": "trùng id"}),
            json.dumps({"id": "x3", "text": "Cập nhật 09/01/2025 08:15\nNội dung."}),
        ]),
        encoding="utf-8",
    )
    docs, errors = load_corpus(path)
    assert [d.id for d in docs] == ["x1", "x3"]
    assert docs[0].url == "http://example.org/1" and docs[1].date == "2025-01-09"
    messages = " | ".join(str(e) for e in errors)
    assert f"{path}:2" in messages and "not valid JSON" in messages
    assert f"{path}:3" in messages and "duplicate document id 'x1'" in messages


def test_missing_path_is_an_error(tmp_path):
    docs, errors = load_corpus(tmp_path / "nope")
    assert docs == [] and "no such file" in str(errors[0])


def test_dates_read_from_the_page():
    assert date_from_text(" date 2023-06 Ngày 27-6, …") == "2023-06"
    assert date_from_text("Tiêu đề\n\nThứ Tư, 31/05/2023 19:11  | Tác giả") == "2023-05-31"
    assert date_from_text("Tiêu đề\nCập nhật 09/01/2025 08:15\n") == "2025-01-09"
    assert date_from_text("Không có ngày tháng nào ở đây.") is None


def test_tone_placement_unified_for_matching_only():
    assert match_key("Nguyễn Hữu Hòa") == match_key("Nguyễn Hữu Hoà")
    assert match_key("Thủy") == match_key("Thuỷ")
    assert match_key("Huỳnh") == "Huỳnh"
    assert match_key("Uỷ ban") == "Ủy ban" and match_key("Khánh Hoà") == "Khánh Hòa"
    assert match_key("quý") == "quý" and match_key("quà") == "quà"
    assert match_key("Hòa") != match_key("Hoa")


def test_sentence_split_keeps_abbreviations():
    text = "Tại TP. Hồ Chí Minh, hội nghị diễn ra. Đại tá Lê An phát biểu."
    assert [s.text for s in sentences(text)] == ["Tại TP. Hồ Chí Minh, hội nghị diễn ra.", "Đại tá Lê An phát biểu."]
