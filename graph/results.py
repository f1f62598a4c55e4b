"""Query results as response bytes, written by pyoxigraph's own serialisers, with a row cap.

The query workers send these bytes to the server as they are: no per-row Python objects
and no pickling of rows. The row cap costs little when a result is small enough: JSON and
XML are written directly while a count of a byte string that bounds the number of rows
from above is kept (rows are separated by "},{" in SPARQL JSON, which only a string value
could also hold; each row is one "<result>" in SPARQL XML, which no escaped text can hold).
When that bound passes the cap, the query is run again and the cap applied exactly on a
line-based form (SPARQL TSV for solutions, N-Triples for graphs: one row or triple per
line, lossless), stopped one row past the cap, cut, and re-serialised in the format asked for.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


# Per format: a byte string and a number; rows <= its count in the output + the number.
_ROW_BOUNDS = {"json": (b"},{", 1), "xml": (b"<result>", 0)}


class _Enough(Exception):
    """Raised by the writer to stop a serialiser once one line more than wanted arrived."""


class _LineCap:
    """A binary writer keeping at most ``lines`` complete lines, noting whether more came."""

    def __init__(self, lines: int | None) -> None:
        self.lines, self.seen, self.chunks, self.more = lines, 0, [], False

    def write(self, data: Any) -> int:
        data = bytes(data)
        self.chunks.append(data)
        self.seen += data.count(b"\n")
        if self.lines is not None and self.seen > self.lines:
            self.more = True
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        data = b"".join(self.chunks)
        if self.more:
            cut = -1
            for _ in range(self.lines or 0):
                cut = data.index(b"\n", cut + 1)
            data = data[: cut + 1]
        return data


class _RowBound:
    """A binary writer that gives up once the bound on the rows written so far passes ``limit``.

    One count per write (bytes.count, about 2 ms per 3 MB here), no copy: counting two
    markers over a window joined to the last write's tail cost three times as much.
    """

    def __init__(self, marker: bytes, extra: int, limit: int) -> None:
        self.marker, self.count, self.limit, self.chunks = marker, extra, limit, []
        self.keep = len(marker) - 1
        self.tail = b""

    def write(self, data: Any) -> int:
        data = bytes(data)  # pyoxigraph already gives bytes: no copy then
        self.chunks.append(data)
        self.count += data.count(self.marker) + (self.tail + data[: self.keep]).count(self.marker)
        self.tail = data[-self.keep:]
        if self.count > self.limit:
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass


def _capped(serialise: Any, lines: int | None) -> tuple[bytes, bool]:
    """Run ``serialise(writer)``; the first ``lines`` lines of its output, and whether it had more."""
    writer = _LineCap(lines)
    try:
        serialise(writer)
    except _Enough:  # pyoxigraph lets the writer's exception through, and stops
        pass
    return writer.value(), writer.more


def serialize_solutions(run: Any, fmt: str, max_rows: int | None) -> tuple[bytes, bool]:
    """(bytes in ``fmt``, truncated) for the QuerySolutions ``run()`` returns, at most ``max_rows`` rows."""
    target = RESULT_FORMATS[fmt]
    if max_rows is None:
        return run().serialize(format=target), False
    if fmt in _ROW_BOUNDS:
        writer = _RowBound(*_ROW_BOUNDS[fmt], max_rows)
        try:
            run().serialize(writer, format=target)
            return b"".join(writer.chunks), False
        except _Enough:  # perhaps more rows than the cap: count them exactly
            pass
    tsv, truncated = _capped(lambda w: run().serialize(w, format=ox.QueryResultsFormat.TSV), max_rows + 1)
    if fmt == "tsv":
        return tsv, truncated
    return ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(format=target), truncated


def serialize_boolean(result: Any, fmt: str) -> bytes:
    return result.serialize(format=RESULT_FORMATS[fmt])


def serialize_triples(triples: Any, fmt: str, max_rows: int | None, prefixes: dict[str, str] | None = None
                      ) -> tuple[bytes, bool]:
    """(bytes in ``fmt``, truncated) for a QueryTriples, at most ``max_rows`` triples."""
    nt, truncated = _capped(lambda w: triples.serialize(w, format=ox.RdfFormat.N_TRIPLES), max_rows)
    return convert_ntriples(nt, fmt, prefixes), truncated


def convert_ntriples(ntriples: bytes, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """N-Triples re-serialised as ``fmt`` (Turtle with the given prefixes)."""
    target = GRAPH_FORMATS[fmt]
    if target == ox.RdfFormat.N_TRIPLES:
        return ntriples
    parsed = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(parsed, format=target, prefixes=prefixes if target == ox.RdfFormat.TURTLE else None) or b""


def serialize(run: Any, results_format: str, graph_format: str, max_rows: int | None,
              prefixes: dict[str, str] | None = None) -> tuple[str, bytes, bool]:
    """(kind, bytes, truncated) for the query result ``run()`` returns (called again if needed).

    ``kind`` is 'bindings', 'boolean' or 'graph'.
    """
    result = run()
    if isinstance(result, ox.QueryBoolean):
        return "boolean", serialize_boolean(result, results_format), False
    if isinstance(result, ox.QuerySolutions):
        first = [result]
        return ("bindings", *serialize_solutions(lambda: first.pop() if first else run(), results_format, max_rows))
    return ("graph", *serialize_triples(result, graph_format, max_rows, prefixes))
