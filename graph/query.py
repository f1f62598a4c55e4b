"""Running a SPARQL query on the built graph from the command line (Oxigraph in memory)."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from antq.graph import default_graph


class QueryError(Exception):
    """The query text could not be read or parsed; carries the parser's message."""


def read_query(arg: str) -> str:
    """A path to a .rq file, the name of a competency query ("chairs"), or SPARQL text."""
    if arg.endswith(".rq") and Path(arg).exists():
        return Path(arg).read_text(encoding="utf-8")
    bundled = resources.files("antq.ontology").joinpath("queries", f"{arg.removesuffix('.rq')}.rq")
    if "\n" not in arg and " " not in arg and bundled.is_file():
        return bundled.read_text(encoding="utf-8")
    if arg.endswith(".rq"):
        raise QueryError(f"{arg}: no such query file")
    return arg


def load_store(nquads: Path) -> ox.Store:
    """The graph in memory, its default graph the set union of the named graphs (as the server has it)."""
    store = ox.Store()
    store.load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    default_graph.derive(store)
    return store


def run_select(store: ox.Store, query: str) -> tuple[list[str], list[list[str]]]:
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(str(exc)) from None
    if isinstance(result, bool) or not hasattr(result, "variables"):
        if isinstance(result, ox.QueryBoolean) or isinstance(result, bool):
            return ["ask"], [[str(bool(result)).lower()]]
        return ["subject", "predicate", "object"], [[t.subject.value, t.predicate.value, str(t.object.value)] for t in result]
    names = [v.value for v in result.variables]
    rows = [[(sol[n].value if sol[n] is not None else "") for n in names] for sol in result]
    return names, rows


def format_rows(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buf.getvalue()
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    line = lambda cells: " | ".join(c[:w].ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out)
