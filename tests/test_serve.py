"""The README's main command path: ``antq serve`` builds the corpus graph when none is
current, then answers competency queries over HTTP (a real process, a real SPARQL client)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from serverproc import free_port

ROOT = Path(__file__).resolve().parents[1]
CHAIRS = (ROOT / "ontology" / "queries" / "chairs.rq").read_text(encoding="utf-8")
HA_TINH_CHAIRS = {"Nguyễn Hồng Phong", "Trần Nhật Tân"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve-data")
    port = free_port()
    env = {**os.environ, "ANTQ_DATA_DIR": str(data)}
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "antq.cli", "serve", "--port", str(port), "--timeout", "5"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"antq serve exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(base + "/sparql", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"antq serve did not answer:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield base, data, log
    finally:
        proc.terminate()
        proc.wait(15)


def _ha_tinh(rows: list[dict]) -> set[str]:
    return {r["name"] for r in rows if r["date"] == "2023-05-24"}


def test_serve_built_the_corpus_graph(served):
    _, data, log = served
    assert (data / "graph.nq").exists() and (data / "manifest.json").exists()
    assert "documents: 5" in log.read_text()


def test_chairs_as_sparql_json_through_a_real_client(served):
    base, _, _ = served
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(CHAIRS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    rows = [{k: v["value"] for k, v in b.items()} for b in bindings]
    assert _ha_tinh(rows) == HA_TINH_CHAIRS


@pytest.mark.parametrize("accept, delimiter", [("text/csv", ","), ("text/tab-separated-values", "\t")])
def test_chairs_as_csv_and_tsv(served, accept, delimiter):
    base, _, _ = served
    r = httpx.post(base + "/sparql", data={"query": CHAIRS}, headers={"Accept": accept}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    rows = list(csv.DictReader(io.StringIO(r.text), delimiter=delimiter, quoting=quoting))
    if delimiter == "\t":  # TSV carries RDF terms: ?var headers, quoted literals with datatypes
        rows = [{k.lstrip("?"): v.split('"')[1] if v.startswith('"') else v for k, v in row.items()} for row in rows]
    assert _ha_tinh(rows) == HA_TINH_CHAIRS


def test_second_start_reuses_the_current_graph(served, tmp_path):
    """The graph built for this corpus is current: a second ``serve`` does not rebuild it."""
    _, data, _ = served
    mtime = (data / "graph.nq").stat().st_mtime_ns
    from antq.graph.build import is_current
    from antq.settings import load_settings

    assert is_current(ROOT / "corpus", data, load_settings().base_iri)
    assert (data / "graph.nq").stat().st_mtime_ns == mtime
