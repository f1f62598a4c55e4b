"""Result formats of the SPARQL endpoint: content negotiation and serialisation.

The format is chosen before the query runs (for both kinds of result it may have), and the
store writes its result straight in that format with Oxigraph's serialisers
(graph/results.py), so escaping rules are not ours to get wrong and no row is re-encoded
here. Negotiation follows the Accept header's q-values; a ``format`` parameter wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from antq.api.errors import ApiError


@dataclass(frozen=True)
class Format:
    name: str  # value of the ``format`` parameter
    media_type: str
    aliases: tuple[str, ...] = ()


RESULT_FORMATS = (  # SELECT and ASK, in order of preference
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
GRAPH_FORMATS = (  # CONSTRUCT and DESCRIBE
    Format("turtle", "text/turtle", ("application/x-turtle",)),
    Format("ntriples", "application/n-triples", ("text/plain",)),
    Format("jsonld", "application/ld+json", ("application/json",)),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
)
FORMAT_NAMES = tuple(f.name for f in RESULT_FORMATS + GRAPH_FORMATS)


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``text/turtle;q=0.9, */*;q=0.1`` → [(media range, q), …]; malformed q-values count as 0."""
    out = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((pieces[0].lower(), q))
    return out


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """The q-value that the most specific matching media range gives ``fmt`` (RFC 9110 12.5.1)."""
    best: tuple[int, float] | None = None  # (specificity, q)
    for media in (fmt.media_type, *fmt.aliases):
        major = media.split("/")[0]
        for rng, q in ranges:
            spec = 2 if rng == media else 1 if rng == f"{major}/*" else 0 if rng == "*/*" else None
            if spec is not None and (best is None or (spec, q) > best):
                best = (spec, q)
    return best[1] if best else 0.0


def negotiate(kind: str, accept: str | None, format_param: str | None) -> Format:
    """Pick the format for a result of ``kind`` ('bindings', 'boolean' or 'graph')."""
    choices = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if format_param:
        for f in choices:
            if f.name == format_param.lower():
                return f
        raise ApiError(406, "not_acceptable", f"format={format_param!r} is not available for this query's "
                       f"{'graph' if kind == 'graph' else 'tabular/boolean'} result; use one of "
                       f"{', '.join(f.name for f in choices)}")
    if not accept or not accept.strip():
        return choices[0]
    ranges = parse_accept(accept)
    scored = [(_quality(f, ranges), -i, f) for i, f in enumerate(choices)]
    q, _, best = max(scored, key=lambda t: (t[0], t[1]))
    if q <= 0:
        raise ApiError(406, "not_acceptable", f"none of the Accept media types ({accept}) can carry this result; "
                       f"available: {', '.join(f.media_type for f in choices)}")
    return best


def negotiate_both(accept: str | None, format_param: str | None) -> tuple[Format | None, Format | None]:
    """The formats for a tabular/boolean and for a graph result; None where nothing fits (406 later)."""
    out = []
    for kind in ("bindings", "graph"):
        try:
            out.append(negotiate(kind, accept, format_param))
        except ApiError:
            out.append(None)
    return out[0], out[1]


def graph_format_name(media_type: str) -> str:
    """The graph format name (``turtle``…) of a media type."""
    for f in GRAPH_FORMATS:
        if media_type == f.media_type:
            return f.name
    raise ApiError(406, "not_acceptable", f"graph results cannot be written as {media_type}; "
                   f"available: {', '.join(f.media_type for f in GRAPH_FORMATS)}")
