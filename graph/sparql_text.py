"""Lexical checks on SPARQL text that the engines do not offer as options.

Oxigraph follows ``SERVICE`` and ``LOAD`` over HTTP and cannot be told not to, and its
update API has no protocol dataset (``using-graph-uri``); both are handled here on the
text, after removing strings, IRIs and comments so that a label containing the word
"service" is not mistaken for the keyword. The checks err on the side of refusing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings, IRIs and comments, matched left to right so that '#' inside an IRI is not a comment.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_KEYWORD = r"(?<![?$\w:\-]){}(?![\w:\-])"


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's \\uXXXX / \\UXXXXXXXX escapes, which parsers process before tokenising."""

    def sub(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return m.group(0)

    return _CODEPOINT.sub(sub, text)


def _skeleton(text: str) -> str:
    """The text with strings, IRIs and comments blanked out (same length, so offsets hold)."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)


def keywords_used(text: str, keywords: Iterable[str]) -> list[str]:
    """Which of ``keywords`` occur as SPARQL keywords, in the raw or the unescaped text."""
    return list(_keywords_used(text, tuple(keywords)))


@lru_cache(maxsize=512)  # the same queries come again and again (examples, REST); ~0.1 ms each otherwise
def _keywords_used(text: str, keywords: tuple[str, ...]) -> tuple[str, ...]:
    skeletons = [_skeleton(text)]
    unescaped = unescape_codepoints(text)
    if unescaped != text:
        skeletons.append(_skeleton(unescaped))
    found = []
    for kw in keywords:
        pattern = re.compile(_KEYWORD.format(kw), re.IGNORECASE)
        if any(pattern.search(skel) for skel in skeletons):
            found.append(kw.upper())
    return tuple(found)


def _top_level(text: str, keyword: str) -> list[int]:
    """Offsets of ``keyword`` outside any braces, in a skeleton of ``text``."""
    skel = _skeleton(text)
    pattern = re.compile(_KEYWORD.format(keyword), re.IGNORECASE)
    depth, out = 0, []
    for m in re.finditer(r"[{}]|" + _KEYWORD.format(keyword), skel, re.IGNORECASE):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0 and pattern.fullmatch(tok):
            out.append(m.start())
    return out


def has_dataset_clause(update: str) -> bool:
    """True when an update names its own dataset (WITH or USING) at the top level."""
    return bool(_top_level(update, "WITH") or _top_level(update, "USING"))


def add_using(update: str, default: Iterable[str], named: Iterable[str]) -> str:
    """Insert ``USING <g>`` / ``USING NAMED <g>`` before each top-level WHERE.

    The IRIs come already serialised (``<...>``, validated by the caller); this is how the
    protocol's using-graph-uri / using-named-graph-uri reach an engine without that option.
    """
    clause = " ".join([f"USING {g}" for g in default] + [f"USING NAMED {g}" for g in named])
    if not clause:
        return update
    out, last = [], 0
    skel = _skeleton(update)
    for pos in _top_level(update, "WHERE"):
        if re.search(r"DELETE\s*$", skel[:pos], re.IGNORECASE):
            continue  # DELETE WHERE has no USING clause
        out += [update[last:pos], clause, " "]
        last = pos
    out.append(update[last:])
    return "".join(out)


def with_initial_values(query: str, values: str) -> str:
    """Bind variables the way an engine's substitution does: a ``VALUES`` block at the start of
    the query's WHERE group, so that it constrains the patterns before any GROUP BY, ORDER BY
    or LIMIT (a trailing VALUES block would filter the already limited solutions instead)."""
    if not values.strip():
        return query
    skel = _skeleton(query)
    where = _top_level(query, "WHERE")
    start = where[0] if where else 0
    if not where and re.match(r"\s*(?:PREFIX|BASE|[^{])*?CONSTRUCT\s*\{", skel, re.IGNORECASE | re.DOTALL):
        return query + values  # CONSTRUCT {template} with no WHERE keyword: keep the trailing form
    brace = skel.find("{", start)
    if brace < 0:
        return query + values  # DESCRIBE <iri> without a pattern
    return query[: brace + 1] + " " + values.strip() + " " + query[brace + 1 :]
