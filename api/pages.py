"""The web explorer: server-rendered pages (Jinja2) with small scripts for interaction.

Pages read the graph through the same query engine as the API, so what a page shows is what
/sparql answers. Every script, style and library is served by this server (no CDN): our own
files from ``static/``, pinned npm libraries from ``static/node_modules`` under /vendor.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from rdflib import Literal, URIRef
from starlette.responses import PlainTextResponse
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from antq.api.entity_page import PREFIXES, entity_context, local_path

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
VENDOR_DIR = STATIC_DIR / "node_modules"
VENDOR_MISSING = ("The web explorer's front-end libraries are not installed: run "
                  "`npm ci --prefix api/static` in the antq-kg source folder, then restart `antq serve`.")
LANGS = ("vi", "en")
TEXTS: dict[str, dict[str, str]] = json.loads((STATIC_DIR / "i18n.json").read_text(encoding="utf-8"))

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=HERE / "templates")


class VendorFiles:
    """/vendor: the npm libraries, or a plain 503 that says how to install them."""

    def __init__(self, directory: Path = VENDOR_DIR) -> None:
        self.files = StaticFiles(directory=directory) if directory.is_dir() else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.files is None:
            await PlainTextResponse(VENDOR_MISSING, status_code=503)(scope, receive, send)
        else:
            await self.files(scope, receive, send)


def install(app: Any) -> None:
    """Mount the pages, our static files and the vendored libraries on ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, packages=None), name="static")
    app.mount("/vendor", VendorFiles(), name="vendor")


def page_lang(request: Request) -> str:
    """?lang= wins, then the cookie the language switch left, then Vietnamese."""
    lang = request.query_params.get("lang") or request.cookies.get("antq_lang") or "vi"
    return lang if lang in LANGS else "vi"


def render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    lang = page_lang(request)
    words = TEXTS[lang]
    settings = request.app.state.settings
    response = templates.TemplateResponse(request, template, {
        "lang": lang, "t": lambda key: words.get(key, TEXTS["en"].get(key, key)), "texts": words,
        "base": settings.base_iri, "vendor_ok": VENDOR_DIR.is_dir(), "vendor_missing": VENDOR_MISSING,
        "path_of": lambda iri: local_path(iri, settings.base_iri) or iri, **ctx}, status_code=status)
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("antq_lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


COUNTS = PREFIXES + """SELECT ?cls (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES ?cls { antq:CoordinationProgramme org:Organization schema:Person antq:Meeting antq:Award schema:NewsArticle }
  ?x a ?cls } GROUP BY ?cls"""
COUNT_KEYS = {"CoordinationProgramme": "programmes", "Organization": "organisations", "Person": "officials",
              "Meeting": "meetings", "Award": "awards", "NewsArticle": "documents"}


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    rows = await request.app.state.engine.select(COUNTS)
    found = {r["cls"]["value"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]: int(r["n"]["value"]) for r in rows}
    counts = [(key, found.get(cls, 0)) for cls, key in COUNT_KEYS.items()]
    return render(request, "home.html", counts=counts, page="home")


PROGRAMMES = PREFIXES + """SELECT ?p (SAMPLE(?n) AS ?name) WHERE { ?p a antq:CoordinationProgramme .
  OPTIONAL { ?p antq:programmeNumber|schema:name ?n } } GROUP BY ?p ORDER BY ?name"""
PROVINCES = PREFIXES + """SELECT DISTINCT ?name WHERE { ?p a schema:Place ; schema:name ?name .
  OPTIONAL { ?p antq:adminLevel ?level } FILTER(!BOUND(?level) || ?level IN ("tỉnh", "thành phố")) }"""
UNIT_WORDS = ("tỉnh ", "thành phố ", "tp. ", "tp ")  # "tỉnh Hà Tĩnh" and "Hà Tĩnh" are one choice


def _province(name: str) -> str:
    low = name.lower()
    return next((name[len(w):] for w in UNIT_WORDS if low.startswith(w)), name).strip()


async def choices(request: Request) -> dict[str, list[tuple[str, str]]]:
    """Programmes (IRI, name) and province names for the filter menus."""
    engine = request.app.state.engine
    progs = [(r["p"]["value"], r.get("name", r["p"])["value"]) for r in await engine.select(PROGRAMMES)]
    names = sorted({_province(r["name"]["value"]) for r in await engine.select(PROVINCES)})
    return {"programmes": progs, "provinces": [(n, n) for n in names]}


@router.get("/ui/network", response_class=HTMLResponse)
async def network(request: Request) -> HTMLResponse:
    return render(request, "network.html", page="network", **await choices(request))


# ?prog and ?prov are projected so the engine can bind them (the filters' values).
MEETINGS = PREFIXES + """SELECT ?m ?prog ?prov (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?date) (SAMPLE(?pl) AS ?place)
  (SAMPLE(?pn) AS ?programme) WHERE {
  ?m a antq:Meeting . OPTIONAL { ?m schema:name|rdfs:label ?l } OPTIONAL { ?m schema:startDate ?d }
  OPTIONAL { ?m schema:location/schema:name ?pl } OPTIONAL { ?m schema:about/antq:programmeNumber ?pn } %s
} GROUP BY ?m ?prog ?prov ORDER BY DESC(?date) LIMIT 1000"""
FIGURES = PREFIXES + """PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
SELECT DISTINCT ?f ?prog ?prov ?value ?unit ?place ?period WHERE {
  ?f a antq:Figure ; sdmx-measure:obsValue ?value . OPTIONAL { ?f antq:unit ?unit }
  OPTIONAL { ?f sdmx-dimension:refArea ?area . ?area schema:name ?place } OPTIONAL { ?f sdmx-dimension:refPeriod ?period } %s
} LIMIT 2000"""


def _filters(request: Request, subject: str) -> tuple[str, dict[str, URIRef]]:
    """Graph patterns and bound values for the ?programme= and ?province= filters."""
    patterns, bindings = [], {}
    if prog := request.query_params.get("programme"):
        patterns.append(f"{subject} schema:about ?prog ." if subject == "?m" else
                        "?f prov:wasDerivedFrom/antq:document ?d0 . ?mt schema:about ?prog ; antq:mentionedIn ?d0 .")
        bindings["prog"] = URIRef(prog)
    if prov := request.query_params.get("province"):
        where = ("{ ?m schema:location/schema:containedInPlace* ?a0 } UNION "
                 "{ ?m schema:organizer/antq:servesArea/schema:containedInPlace* ?a0 }" if subject == "?m"
                 else "?f sdmx-dimension:refArea/schema:containedInPlace* ?a0 .")
        patterns.append(where + " ?a0 schema:name ?pn0 . FILTER(CONTAINS(LCASE(?pn0), LCASE(?prov)))")
        bindings["prov"] = Literal(prov)
    return " ".join(patterns), bindings


CHARTS = 9


def number(value: float, lang: str) -> str:
    """A figure as a reader of the page's language writes it (1.245 in Vietnamese, 1,245 in English)."""
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


templates.env.filters["number"] = number


@router.get("/ui/timeline", response_class=HTMLResponse)
async def timeline(request: Request) -> HTMLResponse:
    engine = request.app.state.engine
    where, bindings = _filters(request, "?m")
    meetings = await engine.select(MEETINGS % where, bindings=bindings)
    where, bindings = _filters(request, "?f")
    figures = await engine.select(FIGURES % where, bindings=bindings)
    chart: dict[str, list[tuple[str, float]]] = {}
    for r in figures:
        unit = r.get("unit", {"value": "?"})["value"]
        bar = " · ".join(x for x in (r.get("place", {}).get("value"), r.get("period", {}).get("value")) if x)
        chart.setdefault(unit, []).append((bar or "—", float(r["value"]["value"])))
    # Charts first for the units reported for most places or periods (those compare); a table for the rest.
    ranked = sorted(chart.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    charts = ranked[:CHARTS]
    rest = [(unit, label, value) for unit, bars in ranked[CHARTS:] for label, value in bars]
    return render(request, "timeline.html", page="timeline", meetings=meetings, chart=charts, rest=sorted(rest),
                  selected=dict(request.query_params), **await choices(request))


def examples() -> list[dict[str, str]]:
    """The competency questions shipped in ontology/queries/*.rq, as one-click examples."""
    folder = resources.files("antq.ontology").joinpath("queries")
    out = []
    for item in sorted(folder.iterdir(), key=lambda x: x.name) if folder.is_dir() else []:
        if item.name.endswith(".rq"):
            text = item.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            title = first.lstrip("#").strip() if first.startswith("#") else item.name[:-3]
            out.append({"name": item.name[:-3], "title": title, "query": text})
    return out


@router.get("/ui/query", response_class=HTMLResponse)
async def workbench(request: Request) -> HTMLResponse:
    prefixes = "".join(f"PREFIX {k}: <{v}>\n" for k, v in _prefixes().items())
    return render(request, "query.html", page="query", examples=examples(), prefixes=prefixes)


def _prefixes() -> dict[str, str]:
    from antq.graph.iris import PREFIXES as NAMESPACES

    return {k: str(v) for k, v in NAMESPACES.items()}


async def render_entity(request: Request, iri: str) -> HTMLResponse:
    """The HTML page of an entity (what a browser gets at the entity's IRI)."""
    settings = request.app.state.settings
    ctx = await entity_context(request.app.state.engine, iri, settings.base_iri, page_lang(request))
    if ctx is None:
        return render(request, "missing.html", status=404, iri=iri, page="entity")
    return render(request, "entity.html", page="entity", **ctx)

