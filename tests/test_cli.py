"""The ``antq`` command as a user runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORD_KEYS = {"meetings", "people", "organizations", "programmes", "awards", "statistics"}


def antq(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "antq.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli-data")
    run = antq("build", str(ROOT / "corpus"), "--data-dir", str(data))
    assert run.returncode == 0, run.stderr
    assert "documents: 5" in run.stdout and "conforms to shapes: yes" in run.stdout
    return data


def test_build_writes_the_graph_and_its_manifest(built):
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 5 and manifest["conforms"] is True
    assert manifest["triples"] == sum(1 for line in (built / "graph.nq").read_text(encoding="utf-8").splitlines() if line)
    assert manifest["entities"]["people"] >= 10


def test_chairs_of_the_ha_tinh_conference(built):
    run = antq("query", "chairs", "--format", "json", "--data-dir", str(built))
    assert run.returncode == 0, run.stderr
    rows = [r for r in json.loads(run.stdout) if r["date"] == "2023-05-24"]
    assert {r["name"] for r in rows} == {"Nguyễn Hồng Phong", "Trần Nhật Tân"}
    assert len({r["meeting"] for r in rows}) == 1


def test_the_chair_fact_leads_to_its_sentence(built):
    query = """
    PREFIX antq: <https://w3id.org/antq-kg/ontology#>
    PREFIX schema: <https://schema.org/>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?name ?sentence WHERE {
      ?part antq:participationRole antq:role-chair ; antq:participant ?person ; prov:wasDerivedFrom ?ev .
      ?person schema:name ?name . ?ev antq:sentence ?sentence .
    }"""
    run = antq("query", query, "--format", "json", "--data-dir", str(built))
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    by_name = {r["name"]: r["sentence"] for r in rows}
    assert "chủ trì hội nghị" in by_name["Trần Nhật Tân"]
    assert "Nguyễn Hồng Phong" in by_name["Nguyễn Hồng Phong"]


@pytest.mark.parametrize("fmt, marker", [("csv", "meeting,meetingLabel,date,person,name"), ("tsv", "meeting\tmeetingLabel"), ("table", "rows)")])
def test_query_formats(built, fmt, marker):
    run = antq("query", str(ROOT / "ontology" / "queries" / "chairs.rq"), "--format", fmt, "--data-dir", str(built))
    assert run.returncode == 0 and marker in run.stdout


def test_malformed_query_is_a_clear_error(built):
    run = antq("query", "SELECT ?x WHERE {", "--data-dir", str(built))
    assert run.returncode == 1
    assert run.stderr.startswith("error: query:")


def test_extract_prints_records_in_the_gold_shape():
    run = antq("extract", str(ROOT / "corpus" / "001_4b437488db5ce7dc.txt"))
    assert run.returncode == 0, run.stderr
    rec = json.loads(run.stdout)
    assert RECORD_KEYS <= set(rec)
    assert {"name", "rank", "posts"} <= set(rec["people"][0])
    assert rec["meetings"][0]["date"] == "2023-05-24"
    ev = rec["meetings"][0]["evidence"][0]
    text = (ROOT / "corpus" / "001_4b437488db5ce7dc.txt").read_text(encoding="utf-8")
    assert text[ev["sentence_start"] : ev["sentence_end"]] == ev["sentence"]


def test_extract_to_a_folder(tmp_path):
    run = antq("extract", str(ROOT / "corpus"), "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert len(list(tmp_path.glob("*.json"))) == 5


def test_bad_input_names_the_file_and_fails(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Sáng 1/2, Công an tỉnh Hà Nam tổ chức hội nghị.", encoding="utf-8")
    run = antq("extract", str(tmp_path))
    assert run.returncode == 2  # the good file is still extracted, the bad one reported
    assert "empty.txt" in run.stderr and "empty" in run.stderr
    assert json.loads(run.stdout)["doc"] == "ok"
    nothing = antq("build", str(tmp_path / "empty.txt"), "--data-dir", str(tmp_path / "d"))
    assert nothing.returncode == 1 and "empty.txt" in nothing.stderr and "nothing to build" in nothing.stderr


def test_failed_build_keeps_the_graph_already_stored(built, tmp_path):
    before = (built / "graph.nq").read_bytes()
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    run = antq("build", str(tmp_path), "--data-dir", str(built))
    assert run.returncode == 1
    assert (built / "graph.nq").read_bytes() == before


def test_validate_reports_conformance(built):
    run = antq("validate", "--data-dir", str(built))
    assert run.returncode == 0, run.stdout + run.stderr


def test_eval_meets_the_targets(shared_dir):
    corpus = antq("eval", str(ROOT / "tests" / "gold"), str(ROOT / "corpus"), "--json")
    dev = antq("eval", str(shared_dir / "corpus-dev" / "gold"), str(shared_dir / "corpus-dev"), "--json")
    assert corpus.returncode == 0 and dev.returncode == 0, corpus.stderr + dev.stderr
    corpus_f1 = json.loads(corpus.stdout)["macro_f1"]
    dev_f1 = json.loads(dev.stdout)["macro_f1"]
    heldout = [json.loads(antq("eval", str(ROOT / "tests" / s / "gold"), str(ROOT / "tests" / s), "--json").stdout)["macro_f1"]
               for s in HELD_OUT]
    print(f"macro F1: corpus {corpus_f1:.3f}, corpus-dev {dev_f1:.3f}, held-out sets {heldout}")
    assert corpus_f1 >= 0.95
    assert dev_f1 >= 0.90
    assert min(heldout) >= 0.90


HELD_OUT = tuple(sorted(p.parent.name for p in (ROOT / "tests").glob("heldout*/gold")))  # every held-out set, new ones too


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_articles_build_a_graph_that_conforms(name, tmp_path):
    """Articles no one tuned on exercise the mapping too: what they yield must still conform."""
    run = antq("build", str(ROOT / "tests" / name), "--data-dir", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "conforms to shapes: yes" in run.stdout and (tmp_path / "graph.nq").stat().st_size > 10_000


def test_build_refuses_a_graph_that_violates_the_shapes(built, tmp_path):
    """A deployment's stricter shape that the corpus cannot meet: the build prints the report,
    exits non-zero and leaves the graph already published untouched."""
    strict = tmp_path / "strict.ttl"
    strict.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .\n"
        "<urn:test:PersonNeedsEmail> a sh:NodeShape ; sh:targetClass schema:Person ;\n"
        "  sh:property [ sh:path schema:email ; sh:minCount 1 ; sh:message \"every person needs an e-mail\" ] .\n",
        encoding="utf-8",
    )
    before = (built / "graph.nq").read_bytes()
    env = {**__import__("os").environ, "ANTQ_SHAPES": str(strict)}
    run = antq("build", str(ROOT / "corpus"), "--data-dir", str(built), env=env)
    assert run.returncode == 1
    assert "every person needs an e-mail" in run.stderr
    assert "email" in run.stderr.replace("every person needs an e-mail", "")  # the path is named too
    assert "001_4b437488db5ce7dc" in run.stderr  # the source document is named
    assert "nothing was published" in run.stderr
    assert (built / "graph.nq").read_bytes() == before


def test_settings_are_documented():
    from antq.settings import SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in readme]
    assert not missing, f"settings missing from README.md: {missing}"
