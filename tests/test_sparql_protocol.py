"""The W3C SPARQL 1.1 Protocol test suite, generated from the manifest itself and run over HTTP.

Every entry of shared/w3c-sparql11-protocol/manifest.ttl becomes one test: its requests are
sent in order to a real server process and each response is checked against the manifest's
expected status, result format and boolean. Query tests run on a read-only server loaded with
the manifest's graph data; update tests on a writable server (with the Bearer token), and the
read-only server must answer every update test with 403. The service-description manifest's
three checks run too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from rdflib.query import Result
from serverproc import running_server

SUITE = Path(__file__).resolve().parents[2] / "shared" / "w3c-sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
TOKEN = "protocol-test-token"
RESULT_PARSERS = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                  "text/csv": "csv", "text/tab-separated-values": "tsv"}
RDF_PARSERS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld"}


@dataclass
class Step:
    method: str
    path: str
    body: bytes | None
    headers: dict[str, str]
    statuses: list[int]  # accepted status classes: 2, 3, 4, 5
    fmt: str | None
    boolean: bool | None


@dataclass
class Case:
    name: str
    steps: list[Step] = field(default_factory=list)
    graphs: list[tuple[Path, str]] = field(default_factory=list)  # (data file, graph IRI)

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def _items(g: Graph, head) -> list:
    return list(Collection(g, head)) if head is not None else []


def load_manifest() -> list[Case]:
    g = Graph().parse(SUITE / "manifest.ttl", format="turtle")
    manifest = g.value(predicate=RDF.type, object=MF.Manifest)
    cases = []
    for entry in _items(g, g.value(manifest, MF.entries)):
        case = Case(str(entry).rsplit("#", 1)[-1])
        for gd in g.objects(entry, UT.graphData):
            case.graphs.append((Path(str(g.value(gd, UT.graph)).removeprefix("file://")), str(g.value(gd, RDFS.label))))
        for req in _items(g, g.value(g.value(entry, MF.action), HT.requests)):
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
                       for h in _items(g, g.value(req, HT.headers))}
            resp = g.value(req, HT.resp)
            statuses = sorted(int(str(s)[-3]) for s in g.objects(resp, MF.expectedStatus))
            expected = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            case.steps.append(Step(str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)), body,
                                   headers, statuses, str(fmt) if fmt else None,
                                   None if expected is None else bool(expected.toPython())))
        cases.append(case)
    return cases


CASES = load_manifest()
QUERY_CASES = [c for c in CASES if not c.is_update]
UPDATE_CASES = [c for c in CASES if c.is_update]


def test_manifest_is_read_completely() -> None:
    assert len(CASES) == 34, [c.name for c in CASES]
    assert all(c.steps for c in CASES)
    assert all(s.statuses for c in CASES for s in c.steps)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every graph the manifest asks for, each in its named graph, as N-Quads."""
    ds = Dataset()
    for path, iri in {gd for c in CASES for gd in c.graphs}:
        ds.graph(URIRef(iri)).parse(SUITE / path.name, format="nt")
    out = tmp_path_factory.mktemp("protocol") / "graph.nq"
    ds.serialize(destination=str(out), format="nquads")
    return out


@pytest.fixture(scope="module")
def read_only(graph_file: Path):
    with running_server(graph_file) as url:
        yield url


@pytest.fixture(scope="module")
def writable(graph_file: Path):
    with running_server(graph_file, writable=True, update_token=TOKEN) as url:
        yield url


def check_response(step: Step, r: httpx.Response) -> None:
    assert r.status_code // 100 in step.statuses, (r.status_code, r.text[:500])
    if r.status_code >= 400:
        assert r.json()["error"]["status"] == r.status_code
    if step.fmt is None or r.status_code >= 300:
        return
    media = r.headers["content-type"].split(";")[0]
    if step.fmt == "RDF":
        assert media in RDF_PARSERS, media
        Graph().parse(data=r.content, format=RDF_PARSERS[media])
        return
    assert media in RESULT_PARSERS, media
    if step.fmt == "boolean":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml"), media
    result = Result.parse(io.BytesIO(r.content), format=RESULT_PARSERS[media])
    if step.fmt == "boolean":
        assert result.type == "ASK"
        if step.boolean is not None:
            assert result.askAnswer is step.boolean
    else:
        assert result.type == "SELECT"


def run_case(base: str, case: Case, headers: dict[str, str] | None = None) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        for step in case.steps:
            r = client.request(step.method, step.path, content=step.body, headers={**step.headers, **(headers or {})})
            check_response(step, r)


@pytest.mark.parametrize("case", QUERY_CASES, ids=lambda c: c.name)
def test_query_manifest(read_only: str, case: Case) -> None:
    run_case(read_only, case)


@pytest.mark.parametrize("case", UPDATE_CASES, ids=lambda c: c.name)
def test_update_manifest_writable(writable: str, case: Case) -> None:
    run_case(writable, case, {"Authorization": f"Bearer {TOKEN}"})


@pytest.mark.parametrize("case", UPDATE_CASES, ids=lambda c: c.name)
def test_update_refused_when_read_only(read_only: str, case: Case) -> None:
    """Valid updates get 403 'read_only'; the manifest's bad requests still get their 4xx."""
    step = case.steps[0]
    r = httpx.request(step.method, read_only + step.path, content=step.body, headers=step.headers)
    if step.statuses == [4]:
        assert r.status_code // 100 == 4, r.text
    else:
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "read_only"


def test_update_needs_the_token(writable: str) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        r = httpx.post(writable + "/sparql", content=b"CLEAR ALL",
                       headers={"content-type": "application/sparql-update", **headers})
        assert r.status_code == 401, (headers, r.text)
        assert r.headers["www-authenticate"].startswith("Bearer")


# ---------------------------------------------------------------- service description manifest
def _sd_entries() -> list[str]:
    g = Graph().parse(SUITE / "service-description-manifest.ttl", format="turtle")
    manifest = g.value(predicate=RDF.type, object=MF.Manifest)
    return [str(e).rsplit("#", 1)[-1] for e in _items(g, g.value(manifest, MF.entries))]


@pytest.mark.parametrize("name", _sd_entries())
def test_service_description_manifest(read_only: str, name: str) -> None:
    r = httpx.get(read_only + "/sparql/")
    assert r.status_code == 200
    media = r.headers["content-type"].split(";")[0]
    assert media in RDF_PARSERS, media
    g = Graph().parse(data=r.content, format=RDF_PARSERS[media])
    services = set(g.subjects(RDF.type, SD.Service))
    if name == "returns-rdf":
        assert len(g) > 0
    elif name == "has-endpoint-triple":
        assert any((s, SD.endpoint, URIRef(read_only + "/sparql/")) in g for s in services)
    elif name == "conforms-to-schema":
        assert services
        for s in services:
            assert set(g.objects(s, SD.supportedLanguage)) <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
            assert SD.SPARQL11Query in set(g.objects(s, SD.supportedLanguage))
            for ds in g.objects(s, SD.defaultDataset):
                assert (ds, RDF.type, SD.Dataset) in g
    else:
        pytest.fail(f"service description test {name!r} is not implemented here")


# ---------------------------------------------------------------- formats and negotiation
SELECT_Q = "SELECT ?s ?t WHERE { ?s a ?t }"
CONSTRUCT_Q = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }"


@pytest.mark.parametrize("fmt, media", [("json", "application/sparql-results+json"),
                                        ("xml", "application/sparql-results+xml"),
                                        ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_result_format_parameter(read_only: str, fmt: str, media: str) -> None:
    r = httpx.get(read_only + "/sparql", params={"query": SELECT_Q, "format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    result = Result.parse(io.BytesIO(r.content), format=RESULT_PARSERS[media])
    assert len(list(result)) == 3


@pytest.mark.parametrize("fmt, media", [("turtle", "text/turtle"), ("ntriples", "application/n-triples"),
                                        ("jsonld", "application/ld+json"), ("rdfxml", "application/rdf+xml")])
def test_graph_format_parameter(read_only: str, fmt: str, media: str) -> None:
    r = httpx.post(read_only + "/sparql", data={"query": CONSTRUCT_Q, "format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    g = Graph().parse(data=r.content, format=RDF_PARSERS[media])
    assert len(g) == 3


@pytest.mark.parametrize("query, accept, media", [
    (SELECT_Q, "application/sparql-results+json;q=0.5, text/csv", "text/csv"),
    (SELECT_Q, "text/*;q=0.1, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    (SELECT_Q, "text/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"),
    (SELECT_Q, "*/*", "application/sparql-results+json"),
    (CONSTRUCT_Q, "text/turtle;q=0.2, application/rdf+xml;q=0.8", "application/rdf+xml"),
    (CONSTRUCT_Q, "application/n-triples, text/turtle;q=0.9", "application/n-triples"),
    (CONSTRUCT_Q, "text/html,application/xhtml+xml,*/*;q=0.8", "text/turtle"),
])
def test_accept_negotiation_with_q_values(read_only: str, query: str, accept: str, media: str) -> None:
    r = httpx.get(read_only + "/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media


def test_unacceptable_format_is_406(read_only: str) -> None:
    r = httpx.get(read_only + "/sparql", params={"query": SELECT_Q}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.json()["error"]["code"] == "not_acceptable"
    r = httpx.get(read_only + "/sparql", params={"query": SELECT_Q, "format": "turtle"})
    assert r.status_code == 406 and "json" in r.json()["error"]["message"]
