"""Every setting of antq-kg, declared once: name, default, environment variable, help.

The CLI flags and the README table are generated from ``SETTINGS``; nothing else in the
code reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "ANTQ_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("corpus", "corpus", "Folder, file or JSON Lines file of articles to build from."),
    Setting("data_dir", ".antq", "Where the built graph, its manifest and the SHACL report are written."),
    Setting("shapes", "", "Extra SHACL shapes (Turtle) a deployment adds to ontology/shapes.ttl for the build's gate."),
    Setting("base_iri", "http://127.0.0.1:8000/", "Base of every entity IRI; entity pages are served under it."),
    Setting("host", "127.0.0.1", "Interface the server listens on."),
    Setting("port", 8000, "Port the server listens on."),
    Setting("timeout", 10.0, "SPARQL query timeout in seconds; the query is stopped, not just abandoned."),
    Setting("max_rows", 10000, "Most result rows a SPARQL SELECT returns."),
    Setting("max_request_bytes", 1_000_000, "Largest request body accepted."),
    Setting("workers", 2, "Query worker processes."),
    Setting("store", "oxigraph", "'oxigraph' (embedded, in memory) or 'sparql' (an external SPARQL 1.1 server)."),
    Setting("store_query_url", "", "External store: SPARQL query endpoint."),
    Setting("store_update_url", "", "External store: SPARQL update endpoint."),
    Setting("store_gsp_url", "", "External store: Graph Store Protocol endpoint."),
    Setting("writable", False, "Accept SPARQL updates (needs update_token)."),
    Setting("update_token", "", "Bearer token that SPARQL updates must carry when writable."),
    Setting("allow_service", False, "Let queries use SERVICE and LOAD (off: no request leaves the server)."),
)


@dataclass(frozen=True)
class Settings:
    corpus: str
    data_dir: str
    shapes: str
    base_iri: str
    host: str
    port: int
    timeout: float
    max_rows: int
    max_request_bytes: int
    workers: int
    store: str
    store_query_url: str
    store_update_url: str
    store_gsp_url: str
    writable: bool
    update_token: str
    allow_service: bool

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then the environment, then explicit overrides (CLI flags) that are not None."""
    values: dict[str, Any] = {}
    for s in SETTINGS:
        raw = os.environ.get(s.env)
        values[s.name] = _coerce(raw, s.default) if raw not in (None, "") else s.default
    values.update({k: v for k, v in overrides.items() if v is not None})
    names = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in names})
