"""The ``antq`` command: each subcommand parses its arguments, calls one library
function and turns the library's errors into a message and a non-zero exit."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from antq.settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="antq-kg: build, check, query and serve the knowledge graph.")


def _fail(message: str, code: int = 1) -> None:
    typer.secho(f"error: {message}", fg="red", err=True)
    raise typer.Exit(code)


def _progress(items):  # noqa: ANN001, ANN202
    from tqdm import tqdm

    return tqdm(list(items), desc="extracting", unit="doc", file=sys.stderr, disable=None)


@app.command()
def extract(
    path: Path = typer.Argument(..., help="An article (.txt), a folder of them, or a JSON Lines file."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write one <doc>.json record per document into this folder."),
    evidence: bool = typer.Option(True, help="Include evidence spans in the records."),
) -> None:
    """Print one JSON extraction record per document.  Example: antq extract corpus/001.txt"""
    from antq.graph.build import extract_all
    from antq.graph.corpus import load_corpus

    docs, errors = load_corpus(path)
    for e in errors:
        typer.secho(f"skipped {e}", fg="yellow", err=True)
    if not docs:
        _fail(f"{path}: no readable document")
    records = extract_all(docs)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for r in records:
            (out / f"{r.doc}.json").write_text(json.dumps(r.to_json(evidence=evidence), ensure_ascii=False, indent=1), encoding="utf-8")
        typer.echo(f"wrote {len(records)} records to {out}", err=True)
    else:
        for r in records:
            typer.echo(json.dumps(r.to_json(evidence=evidence), ensure_ascii=False))
    if errors:
        raise typer.Exit(2)


@app.command()
def build(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus to build from (default: the 'corpus' setting)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Where to write the graph."),
) -> None:
    """Build the graph from the corpus, validate it and write it atomically.  Example: antq build corpus/"""
    from antq.graph.build import BuildError, build as run_build
    from antq.graph.validate import GraphInvalid

    s = load_settings(corpus=str(corpus) if corpus else None, data_dir=str(data_dir) if data_dir else None)
    try:
        summary = run_build(Path(s.corpus), s.data_path, s.base_iri, progress=_progress, extra_shapes=s.shapes or None)
    except GraphInvalid as exc:
        typer.echo(exc.report.text(), err=True)
        _fail("the graph violates the SHACL shapes; nothing was published")
    except BuildError as exc:
        _fail(str(exc))
    typer.echo(summary.text())


@app.command()
def validate(
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder of the built graph."),
    path: Optional[Path] = typer.Option(None, "--file", help="Validate this RDF file (N-Quads, Turtle, TriG) instead."),
) -> None:
    """Validate a graph against ontology/shapes.ttl and print a readable report."""
    from rdflib import Dataset

    from antq.graph.build import GRAPH_FILE
    from antq.graph.validate import validate as run_validate

    s = load_settings(data_dir=str(data_dir) if data_dir else None)
    target = path or s.data_path / GRAPH_FILE
    if not target.exists():
        _fail(f"{target}: no graph (run 'antq build' first)")
    ds = Dataset(default_union=True)
    try:
        fmt = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt"}.get(target.suffix, "nquads")
        if fmt in ("turtle", "nt"):
            ds.graph(target.resolve().as_uri()).parse(target, format=fmt)
        else:
            ds.parse(target, format=fmt)
    except Exception as exc:  # noqa: BLE001 - any parser error is the user's input problem
        _fail(f"{target}: cannot be parsed ({exc})")
    report = run_validate(ds)
    typer.echo(report.text())
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: str = typer.Argument(..., help="A .rq file, a competency query name (chairs, officials …) or SPARQL text."),
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv or json."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir"),
) -> None:
    """Run a SPARQL query on the built graph.  Example: antq query chairs"""
    from antq.graph.build import GRAPH_FILE
    from antq.graph.query import QueryError, format_rows, load_store, read_query, run_select

    if fmt not in ("table", "csv", "tsv", "json"):
        _fail(f"--format {fmt!r}: expected table, csv, tsv or json")
    s = load_settings(data_dir=str(data_dir) if data_dir else None)
    graph = s.data_path / GRAPH_FILE
    if not graph.exists():
        _fail(f"{graph}: no graph (run 'antq build' first)")
    try:
        names, rows = run_select(load_store(graph), read_query(sparql))
    except QueryError as exc:
        _fail(f"query: {exc}")
    typer.echo(format_rows(names, rows, fmt))


@app.command(name="eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Folder of gold <doc>.json files."),
    corpus: Optional[Path] = typer.Argument(None, help="Articles to extract (default: the gold folder's parent)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every missed and spurious fact."),
) -> None:
    """Precision, recall and F1 per category against gold annotations.  Example: antq eval tests/gold corpus"""
    from antq.graph.build import extract_all
    from antq.graph.corpus import load_corpus
    from antq.graph.evaluate import evaluate as run_eval, load_gold

    if not gold.is_dir():
        _fail(f"{gold}: not a folder of gold files")
    docs, bad = load_corpus(corpus or gold.parent)
    gold_records = load_gold(gold)
    if not gold_records:
        _fail(f"{gold}: no gold .json file")
    predicted = {r.doc: r.to_json(evidence=False) for r in extract_all(docs)}
    result = run_eval(gold_records, predicted)
    typer.echo(json.dumps(result.to_json(), indent=1) if as_json else result.table())
    if errors:
        for cat, rows in result.errors.items():
            for doc, kind, fact in rows:
                typer.echo(f"{cat}\t{doc}\t{kind}\t{fact}")


@app.command()
def serve(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus to build from when no current graph is built."),
    host: Optional[str] = typer.Option(None, "--host"),
    port: Optional[int] = typer.Option(None, "--port"),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="SPARQL query timeout in seconds."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir"),
    writable: Optional[bool] = typer.Option(None, "--writable/--read-only", help="Accept SPARQL updates (needs ANTQ_UPDATE_TOKEN)."),
) -> None:
    """Build the graph if needed, then serve SPARQL, REST and the web explorer.  Example: antq serve"""
    from antq.graph.build import GRAPH_FILE, BuildError, build as run_build, is_current
    from antq.graph.validate import GraphInvalid

    s = load_settings(corpus=str(corpus) if corpus else None, host=host, port=port, timeout=timeout,
                      data_dir=str(data_dir) if data_dir else None, writable=writable)
    if s.writable and not s.update_token:
        _fail("--writable needs a token: set ANTQ_UPDATE_TOKEN")
    if not is_current(Path(s.corpus), s.data_path, s.base_iri):
        try:
            typer.echo(run_build(Path(s.corpus), s.data_path, s.base_iri, progress=_progress,
                                 extra_shapes=s.shapes or None).text(), err=True)
        except GraphInvalid as exc:
            typer.echo(exc.report.text(), err=True)
            _fail("the graph violates the SHACL shapes; not serving it")
        except BuildError as exc:
            _fail(str(exc))
    from antq.api.server import run

    run(s, s.data_path / GRAPH_FILE)


if __name__ == "__main__":
    app()
