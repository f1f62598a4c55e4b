"""The competency queries (ontology/queries/*.rq) on a hand-built graph.

They are run by the embedded store on the N-Quads of a Dataset with one named graph per
document (its default graph is their set union, as in the server), and by rdflib on the same
Dataset: both engines must give the expected rows, and no row twice.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from antq.graph.iris import entity_iri
from antq.graph.rdf import records_to_dataset
from antq.graph.store import OxigraphStore
from fixtures_records import (
    BASE,
    DEPT,
    FRONT,
    MEETING_KEY,
    POLICE,
    PROGRAMME_KEY,
    review_conference,
    second_article,
)
from rdflib import Dataset

QUERIES = resources.files("antq.ontology").joinpath("queries")
HUNG, KHOA, VINH = "Nguyễn Văn Hùng", "Trần Minh Khoa", "Lê Quang Vinh"
MEETING = entity_iri(BASE, "meeting", MEETING_KEY)
MEETING2 = entity_iri(BASE, "meeting", "t02#0")


def person(name: str) -> str:
    return entity_iri(BASE, "person", name)


def org(key: str) -> str:
    return entity_iri(BASE, "org", key)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return records_to_dataset([review_conference(), second_article()], BASE)


def load(ds: Dataset, folder: Path) -> OxigraphStore:
    path = folder / "graph.nq"
    ds.serialize(destination=str(path), format="nquads")
    return OxigraphStore.from_nquads(path)


@pytest.fixture(scope="module")
def store(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    return load(ds, tmp_path_factory.mktemp("queries"))


def query(name: str) -> str:
    return QUERIES.joinpath(name).read_text(encoding="utf-8")


def ox_rows(store: OxigraphStore, name: str) -> set[tuple]:
    result = store.query(query(name))
    rows = [tuple(row[v]["value"] if v in row else None for v in result.variables) for row in result.rows]
    assert len(rows) == len(set(rows)), f"{name} returns a row twice"
    return set(rows)


def rdflib_rows(ds: Dataset, name: str) -> set[tuple]:
    return {tuple(None if v is None else str(v) for v in row) for row in ds.query(query(name))}


def both(store: OxigraphStore, ds: Dataset, name: str) -> set[tuple]:
    rows = ox_rows(store, name)
    assert rows == rdflib_rows(ds, name), f"{name}: Oxigraph and rdflib disagree"
    return rows


def test_chairs(store: OxigraphStore, ds: Dataset) -> None:
    label = "Hội nghị tổng kết 10 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW"
    assert both(store, ds, "chairs.rq") == {
        (MEETING, label, "2023-05-24", person(HUNG), HUNG),
        (MEETING, label, "2023-05-24", person(KHOA), KHOA),
    }


def test_programme_units(store: OxigraphStore, ds: Dataset) -> None:
    programme = entity_iri(BASE, "programme", PROGRAMME_KEY)
    assert both(store, ds, "programme-units.rq") == {
        (programme, PROGRAMME_KEY, org(POLICE), POLICE, "party"),
        (programme, PROGRAMME_KEY, org(FRONT), FRONT, "party"),
        (programme, PROGRAMME_KEY, org(DEPT), DEPT, "implements"),
    }


def test_officials(store: OxigraphStore, ds: Dataset) -> None:
    # the director is observed in both articles with the same post: one row
    assert both(store, ds, "officials.rq") == {
        (person(HUNG), HUNG, "Đại tá", "Giám đốc", org(POLICE), POLICE),
        (person(KHOA), KHOA, None, "Chủ tịch", org(FRONT), FRONT),
        (person(VINH), VINH, "Thiếu tướng", "Phó Cục trưởng", org(DEPT), DEPT),
    }


def test_attendees(store: OxigraphStore, ds: Dataset) -> None:
    assert both(store, ds, "attendees.rq") == {
        (MEETING, person(HUNG), HUNG, "chair"),
        (MEETING, person(KHOA), KHOA, "chair"),
        (MEETING, person(HUNG), HUNG, "attendee"),
        (MEETING, person(KHOA), KHOA, "attendee"),
        (MEETING, person(VINH), VINH, "attendee"),
        (MEETING2, person(HUNG), HUNG, "attendee"),
    }


def test_awards(store: OxigraphStore, ds: Dataset) -> None:
    assert both(store, ds, "awards.rq") == {
        (entity_iri(BASE, "award", "t01#0"), "Bằng khen", "Giám đốc Công an tỉnh", "9 tập thể và 15 cá nhân", HUNG,
         MEETING),
    }


def test_queries_without_the_ontology_graph_still_answer(ds: Dataset, tmp_path: Path) -> None:
    """Rank and award-type labels fall back to the concept's local name."""
    bare = records_to_dataset([review_conference()], BASE, ontology=False)
    store = load(bare, tmp_path)
    ranks = {row[2] for row in ox_rows(store, "officials.rq")}
    assert ranks == {"dai-ta", "thieu-tuong", None}
    assert {row[1] for row in ox_rows(store, "awards.rq")} == {"bang-khen"}


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.iterdir() if p.name.endswith(".rq")))
def test_query_header_documents_its_columns(name: str) -> None:
    text = query(name)
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert len(header) >= 3, f"{name} needs a comment header"
    declared = re.search(r"Columns:(.*?)(?:\n# Runs|\Z)", "\n".join(header), re.DOTALL)
    assert declared, f"{name}: header lacks a 'Columns:' line"
    selected = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*\n\s*WHERE", text, re.DOTALL).group(1).split()
    for var in selected:
        assert var in declared.group(1), f"{name}: column {var} is not documented"
    assert set(selected) == set(re.findall(r"\?\w+", declared.group(1)))
