"""Shared test setup: the shared/ folder beside the checkout, and the corpus graph built once
per session by the real build (so server tests and query tests read what users get)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))  # tests/ helper modules (fixtures_records, serverproc …)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the tests need ../shared beside the checkout (as in CI)")
    return SHARED


@pytest.fixture(scope="session")
def corpus_graph(tmp_path_factory) -> Path:
    """The corpus built by ``antq.graph.build.build`` into a temporary data folder."""
    from antq.graph.build import build
    from antq.settings import load_settings

    data = tmp_path_factory.mktemp("antq-data")
    build(ROOT / "corpus", data, load_settings().base_iri)
    return data
