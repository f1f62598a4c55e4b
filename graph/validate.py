"""The SHACL gate: a built graph is checked against ontology/shapes.ttl before it is served.

Shapes such as "a meeting's organiser is an org:Organization" need triples from several
documents (the organisation may be described in another article) and from the ontology (the
SKOS concepts), so validation runs on the union of all named graphs plus the ontology. Each
result is then traced back to the document(s) it came from, so a bad extraction can be
found and fixed.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pyshacl
from antq.graph.iris import ANTQ, PREFIXES, SCHEMA
from antq.graph.rdf_terms import ontology_graph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

__all__ = ["GraphInvalid", "ShapesError", "ValidationReport", "Violation", "shapes_graph", "validate"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the document(s) the offending node was read from."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None
    shape: str | None = None
    component: str | None = None
    sources: tuple[str, ...] = ()  # document ids
    graphs: tuple[str, ...] = ()  # named graph IRIs holding the focus node

    @property
    def source(self) -> str | None:
        return self.sources[0] if self.sources else None


@dataclass
class ValidationReport:
    conforms: bool  # no result of severity Violation (warnings do not block the build)
    results: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    @property
    def violations(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [r for r in self.results if r.severity != "Violation"]

    def text(self) -> str:
        """A report a person can read: one line per result, worst first."""
        head = (f"SHACL: {'conforms' if self.conforms else 'DOES NOT CONFORM'} — {len(self.violations)} violation(s), "
                f"{len(self.warnings)} warning(s); {self.triples} triples checked in {self.seconds:.2f} s")
        lines = [head]
        for r in sorted(self.results, key=lambda r: (r.severity != "Violation", r.source or "", r.focus, r.path or "")):
            where = ",".join(r.sources) or "?"
            value = f" = {r.value}" if r.value is not None else ""
            lines.append(f"{r.severity:9} [{where}] <{r.focus}> {r.path or ''}{value}: {r.message}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "triples": self.triples, "seconds": round(self.seconds, 3),
                "violations": len(self.violations), "warnings": len(self.warnings),
                "results": [{**asdict(r), "sources": list(r.sources), "graphs": list(r.graphs)} for r in self.results]}


class GraphInvalid(Exception):
    """The built graph breaks the SHACL shapes; ``report`` says where and why."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        first = report.violations[0] if report.violations else None
        detail = f"; first: [{first.source or '?'}] <{first.focus}> {first.path or ''}: {first.message}" if first else ""
        super().__init__(f"graph does not conform to ontology/shapes.ttl: {len(report.violations)} violation(s){detail}")


class ShapesError(Exception):
    """The shapes themselves are unusable (ontology/shapes.ttl or a deployment's extra shapes)."""


@lru_cache(maxsize=1)
def _shapes_turtle() -> str:
    return resources.files("antq.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    return Graph().parse(data=_shapes_turtle(), format="turtle")


def validate(data: Graph | Dataset, extra_shapes: Graph | None = None) -> ValidationReport:
    """Check ``data`` (a document graph, or a Dataset with one named graph per document)
    against the shapes (plus a deployment's own ``extra_shapes``); the ontology's concept
    schemes are added so concepts resolve."""
    started = time.perf_counter()
    union = _union(data)
    shapes = shapes_graph()
    if extra_shapes is not None:
        shapes += extra_shapes
    _, results_graph, text = pyshacl.validate(union, shacl_graph=shapes, inference="none",
                                              allow_warnings=True, allow_infos=True, inplace=True)
    if not isinstance(results_graph, Graph):  # pySHACL reports unusable shapes this way
        raise ShapesError(f"the SHACL shapes cannot be applied: {text}")
    results = [_result(results_graph, node, union, data)
               for node in sorted(results_graph.subjects(RDF.type, SH.ValidationResult), key=str)]
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.message))
    return ValidationReport(conforms=not any(r.severity == "Violation" for r in results), results=results,
                            triples=len(union), seconds=time.perf_counter() - started)


def _union(data: Graph | Dataset) -> Graph:
    """A private copy (pySHACL reads a plain Graph 2-3x faster than a Dataset's union view)."""
    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    triples = ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None))) if isinstance(data, Dataset) else data
    union.addN((s, p, o, union) for s, p, o in triples)
    union.addN((s, p, o, union) for s, p, o in ontology_graph())
    return union


def _graphs_of(data: Graph | Dataset, focus: Node | None) -> tuple[str, ...]:
    if not isinstance(data, Dataset) or focus is None:
        return ()
    names = {str(getattr(c, "identifier", c)) for _, _, _, c in data.quads((focus, None, None, None)) if c is not None}
    return tuple(sorted(names))


def _result(rg: Graph, node: Node, union: Graph, data: Graph | Dataset) -> Violation:
    def one(prop: URIRef) -> Node | None:
        return rg.value(node, prop)

    focus = one(SH.focusNode)
    value = one(SH.value)
    path = one(SH.resultPath)
    severity = one(SH.resultSeverity)
    message = one(SH.resultMessage)
    component = one(SH.sourceConstraintComponent)
    graphs = _graphs_of(data, focus)
    return Violation(
        focus=str(focus),
        path=_short(union, path) if isinstance(path, URIRef) else (str(path) if path is not None else None),
        message=str(message) if message is not None else f"constraint {_short(union, component)} failed",
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        value=(value.n3(union.namespace_manager) if isinstance(value, (Literal, URIRef)) else None),
        shape=str(one(SH.sourceShape)) if isinstance(one(SH.sourceShape), URIRef) else None,
        component=_short(union, component) if isinstance(component, URIRef) else None,
        sources=_sources(union, focus, graphs),
        graphs=graphs,
    )


def _sources(union: Graph, focus: Node | None, graphs: tuple[str, ...]) -> tuple[str, ...]:
    """Document ids behind a node: its antq:mentionedIn / antq:document, else its named graphs."""
    docs = set(union.objects(focus, ANTQ.mentionedIn)) | set(union.objects(focus, ANTQ.document))
    if (focus, RDF.type, SCHEMA.NewsArticle) in union:
        docs.add(focus)
    ids = {str(union.value(d, SCHEMA.identifier) or d) for d in docs}
    if not ids:
        ids = {g.rstrip("/").rsplit("/", 1)[-1] for g in graphs}
    return tuple(sorted(ids))


def _short(g: Graph, term: Node | None) -> str | None:
    if term is None:
        return None
    return g.namespace_manager.normalizeUri(term)  # "prefix:name", or "<iri>" when no prefix fits
