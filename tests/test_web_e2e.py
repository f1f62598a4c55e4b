"""The web explorer in a real headless Chromium against a real server process.

The server serves the REST tests' graph (hand-made extraction records → RDF → N-Quads), so
the facts checked here (chairs, evidence sentences) are known. Debian's /usr/bin/chromium is
driven by the playwright package; no browser is downloaded. Screenshots of the main pages at
1280×800 are written to tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from rest_fixture import Server, slug, write_graph

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).parent / "screenshots"
CHAIRS = ("Nguyễn Văn Hùng", "Trần Minh Khoa")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("web") / "data"
    write_graph(data)
    srv = Server(data)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Recorder:
    """Every request a page makes, and every script error it raises."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside(self, origin: str) -> list[str]:
        return [u for u in self.urls if not (u.startswith(origin + "/") or u.startswith(("data:", "blob:")))]


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    pg = context.new_page()
    pg.recorder = Recorder(pg)  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def person_path(name: str) -> str:
    return f"/id/person/{slug('person', name)}"


def wait_for_graph(page: Page) -> int:
    page.wait_for_function("document.getElementById('cy').dataset.nodeCount !== ''")
    return int(page.get_attribute("#cy", "data-node-count"))


def test_home_shows_counts_and_suggests_as_you_type(page: Page, server: Server) -> None:
    page.goto(server.url + "/")
    stats = httpx.get(server.url + "/stats").json()
    for key, stat in (("programmes", "programmes"), ("organisations", "organizations"), ("officials", "people"),
                      ("meetings", "meetings"), ("awards", "awards"), ("documents", "documents")):
        expect(page.locator(f"[data-count={key}] .n")).to_have_text(str(stats[stat]))
    page.fill("#q", "nguyen van hung")  # no tone marks
    option = page.locator("#suggestions a", has_text="Nguyễn Văn Hùng")
    expect(option).to_be_visible()
    assert option.first.get_attribute("href") == person_path("Nguyễn Văn Hùng")
    page.keyboard.press("Escape")
    shot(page, "home")
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_network_draws_every_node_of_the_network_api(page: Page, server: Server) -> None:
    expected = httpx.get(server.url + "/network", params={"format": "json"}).json()
    page.goto(server.url + "/ui/network")
    assert wait_for_graph(page) == len(expected["nodes"]) > 0
    assert int(page.get_attribute("#cy", "data-edge-count")) == len(expected["edges"])
    expect(page.locator(".legend li")).to_have_count(8)
    shot(page, "network")
    graphml = page.get_attribute("#graphml", "href")
    body = httpx.get(server.url + graphml).text
    assert "<graphml" in body and body.count("<node ") == len(expected["nodes"])
    with page.expect_download() as download:
        page.click("#png")
    assert download.value.suggested_filename.endswith(".png")
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def click_node(page: Page, label: str, *, double: bool = False) -> None:
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("""label => { const n = window.antqNetwork.nodes().filter(n => n.data('label') === label)[0];
                                      return n.renderedPosition(); }""", label)
    x, y = box["x"] + pos["x"], box["y"] + pos["y"]
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


def test_clicking_a_node_opens_its_panel_with_a_link_to_its_page(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    click_node(page, "Nguyễn Văn Hùng")
    expect(page.locator("#panel-body")).to_be_visible()
    expect(page.locator("#panel-title")).to_have_text("Nguyễn Văn Hùng")
    assert page.get_attribute("#panel-link", "href") == person_path("Nguyễn Văn Hùng")
    expect(page.locator("#panel-edges li", has_text="Công an tỉnh Hà Tĩnh").first).to_be_visible()
    page.click("#panel-link")
    expect(page.locator("h1")).to_have_text("Nguyễn Văn Hùng")


def test_filters_narrow_the_view_and_expansion_brings_neighbours_back(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/network")
    everything = wait_for_graph(page)
    for box in page.locator("input[name=edge]").all():
        if box.get_attribute("value") != "subOrganizationOf":
            box.uncheck()
    page.wait_for_function(f"Number(document.getElementById('cy').dataset.nodeCount) < {everything}")
    narrowed = int(page.get_attribute("#cy", "data-node-count"))
    assert page.evaluate("window.antqNetwork.nodes().filter(n => n.data('type') === 'person').length") == 0
    click_node(page, "Công an Thành phố Hồ Chí Minh", double=True)
    page.wait_for_function(f"Number(document.getElementById('cy').dataset.nodeCount) > {narrowed}")
    assert page.evaluate("window.antqNetwork.nodes().some(n => n.data('label') === 'Tô Văn Lâm')")
    expect(page.locator("#panel-title")).to_have_text("Công an Thành phố Hồ Chí Minh")


def test_programme_province_and_period_filters_match_the_api(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/network")
    everything = wait_for_graph(page)
    programme = slug("programme", "09/CTr-BCA-MTTW")
    for params in ({"programme": programme}, {"province": "Hồ Chí Minh"}):
        expected = httpx.get(server.url + "/network", params={**params, "format": "json"}).json()
        page.goto(server.url + "/ui/network")
        wait_for_graph(page)
        page.evaluate("document.getElementById('cy').dataset.nodeCount = ''")
        name, value = next(iter(params.items()))
        page.select_option(f"select[name={name}]", value)
        assert wait_for_graph(page) == len(expected["nodes"]) != everything
        assert f"{name}=" in page.url and f"{name}=" in page.get_attribute("#graphml", "href")
    edges = httpx.get(server.url + "/network", params={"format": "json"}).json()["edges"]
    kept = [e for e in edges if not e.get("date") or e["date"] >= "2024"]
    assert 0 < len(kept) < len(edges)
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    page.fill("input[name=from]", "2024")
    page.dispatch_event("input[name=from]", "change")
    page.wait_for_function(f"document.getElementById('cy').dataset.edgeCount === '{len(kept)}'")


def test_layout_is_the_same_on_every_load(page: Page, server: Server) -> None:
    positions = []
    for _ in range(2):
        page.goto(server.url + "/ui/network")
        wait_for_graph(page)
        positions.append(page.evaluate(
            "window.antqNetwork.nodes().map(n => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))])"))
    assert positions[0] == positions[1]


def test_who_chaired_example_lists_the_chairs_with_links(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/query")
    page.click("button.example[data-name=chairs]")
    table = page.locator(".result-table")
    expect(table).to_be_visible()
    assert "query=" in page.url  # the query travels in the address, so it can be shared
    for name in CHAIRS:
        row = table.locator("tr", has_text=name).first
        expect(row).to_be_visible()
        links = row.locator("a.entity-link")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert person_path(name) in hrefs
    shot(page, "workbench")
    shared = page.url
    page.goto(shared)  # reopening the shared address runs the same query
    expect(page.locator(".result-table tr", has_text=CHAIRS[0]).first).to_be_visible()
    page.locator(".result-table a.entity-link", has_text=slug("person", CHAIRS[1])).first.click()
    expect(page.locator("h1")).to_have_text(CHAIRS[1])


def test_workbench_shows_endpoint_errors_in_words(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/query?query=" + "SELEC%20%3Fx%20WHERE%20%7B%7D")
    error = page.locator("#query-error")
    expect(error).to_be_visible()
    text = error.inner_text()
    assert re.search(r"\[HTTP 400\]$", text)
    assert re.search(r"\(dòng 1, cột \d+\)", text)  # where the mistake is, in the page's language
    assert '"error"' not in text and "{" not in text  # words, not a raw JSON dump


def test_person_page_shows_evidence_and_links_to_the_highlighted_span(page: Page, server: Server) -> None:
    page.goto(server.url + person_path("Nguyễn Văn Hùng"))
    posts = page.locator("[data-section=posts]")
    expect(posts.locator(".fact-line", has_text="Công an tỉnh Hà Tĩnh").first).to_be_visible()
    sentence = posts.locator("blockquote.sentence").first
    expect(sentence).to_contain_text("đồng chủ trì hội nghị")
    expect(sentence.locator("mark")).to_have_text("Giám đốc Công an tỉnh")
    expect(page.locator("[data-section=meetings] .detail", has_text="chủ trì")).to_be_visible()
    shot(page, "person")
    href = posts.locator("a.source").first.get_attribute("href")
    page.click(f"a.source[href='{href}']")
    anchor = href.split("#", 1)[1]
    expect(page.locator(f"mark#{anchor}")).to_have_text("Giám đốc Công an tỉnh")
    assert page.evaluate("location.hash") == "#" + anchor


def test_meeting_page_groups_chairs_and_attendees(page: Page, server: Server) -> None:
    meeting = "/id/meeting/" + slug("meeting", "t01-hoi-nghi-tong-ket")
    page.goto(server.url + meeting)
    chairs = page.locator("[data-section=role_chair] .fact-line a")
    expect(chairs).to_have_count(2)
    assert sorted(chairs.all_inner_texts()) == sorted(CHAIRS)
    marks = page.locator("[data-section=role_chair] blockquote mark").all_inner_texts()
    assert "đồng chủ trì hội nghị" in marks  # the sentence that says they chaired
    expect(page.locator("[data-section=role_attendee] .fact-line a")).to_have_count(3)


def test_timeline_lists_meetings_by_date_and_filters_by_province(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/timeline")
    dates = page.locator(".timeline time").all_inner_texts()
    dated = [d for d in dates if d != "?"]
    assert dated == sorted(dated, reverse=True) and len(dated) == 2
    expect(page.locator(".chart svg rect").first).to_be_visible()
    page.select_option("select[name=province]", "Hồ Chí Minh")
    page.click("form.filters button[type=submit]")
    expect(page.locator(".timeline li")).to_have_count(1)
    expect(page.locator(".timeline li")).to_contain_text("Ngày hội toàn dân bảo vệ ANTQ")


def test_language_switch_is_remembered(page: Page, server: Server) -> None:
    page.goto(server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.click("#lang-switch")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(server.url + "/ui/network")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Network")


def test_no_request_leaves_the_server(page: Page, server: Server) -> None:
    person = person_path("Nguyễn Văn Hùng")
    for path in ("/", "/ui/network", "/ui/timeline", "/ui/query", person, "/id/doc/" + slug("doc", "t01")):
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
    page.goto(server.url + "/")
    page.fill("#q", "MTTQ")
    expect(page.locator("#suggestions li").first).to_be_visible()
    page.goto(server.url + "/ui/query")
    page.click("button.example[data-name=chairs]")
    expect(page.locator(".result-table")).to_be_visible()
    rec = page.recorder  # type: ignore[attr-defined]
    assert len(rec.urls) > 20
    assert rec.outside(server.url) == []
    assert any("/vendor/cytoscape/" in u for u in rec.urls) and any("/vendor/codemirror/" in u for u in rec.urls)
    assert rec.errors == []


@pytest.mark.parametrize("path", ["/", "/ui/network"])
def test_phone_viewport_has_no_horizontal_overflow(browser: Browser, server: Server, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        pg = context.new_page()
        pg.goto(server.url + path)
        pg.wait_for_load_state("networkidle")
        if path == "/ui/network":
            wait_for_graph(pg)
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
        assert pg.evaluate("document.body.scrollWidth") <= 390
    finally:
        context.close()


def test_entity_iri_opened_in_a_browser_lands_on_its_page(server: Server) -> None:
    """What a browser sends for a link (Accept: text/html…) gets the page, not Turtle."""
    path = person_path("Trần Minh Khoa")
    r = httpx.get(server.url + path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<h1>Trần Minh Khoa</h1>" in r.text


def test_missing_front_end_libraries_get_a_clear_message(tmp_path: Path) -> None:
    """Without `npm ci --prefix api/static`, /vendor answers 503 with the command to run, not a crash."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from starlette.applications import Starlette

    from antq.api.pages import VendorFiles

    app = Starlette()
    app.mount("/vendor", VendorFiles(tmp_path / "node_modules"))

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            return await client.get("/vendor/cytoscape/dist/cytoscape.min.js")

    with ThreadPoolExecutor(1) as pool:  # playwright's sync API keeps an event loop in this thread
        r = pool.submit(asyncio.run, get()).result()
    assert r.status_code == 503
    assert "npm ci --prefix api/static" in r.text


# The keyboard list of nodes next to the canvas (a listbox with a roving tab stop).

NODE_LIST = {"vi": "Các nút trong mạng lưới", "en": "Nodes in the network"}


def focused_node(page: Page) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('role') === 'option' ? document.activeElement.dataset.id : null")


def list_ids(page: Page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#node-list [role=option]')].map(o => o.dataset.id)")


def drawn_ids(page: Page) -> set[str]:
    return set(page.evaluate("window.antqNetwork.nodes().map(n => n.id())"))


def test_keyboard_alone_reaches_the_node_list_and_opens_and_closes_a_panel(page: Page, server: Server) -> None:
    nodes = httpx.get(server.url + "/network", params={"format": "json"}).json()["nodes"]
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    for _ in range(40):  # the skip link, the header, the filters and the toolbar come first
        page.keyboard.press("Tab")
        if focused_node(page):
            break
    else:
        pytest.fail("40 presses of Tab never reached the list of nodes")
    assert focused_node(page) == nodes[0]["id"]  # the list starts where /network's order starts
    outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))")
    assert outline[0] != "none" and outline[1] >= 2  # the focus can be seen
    page.keyboard.press("ArrowDown")
    node = nodes[1]
    assert focused_node(page) == node["id"]
    assert page.locator("#node-list [role=option][tabindex='0']").get_attribute("data-id") == node["id"]  # one tab stop
    expect(page.locator("#node-list [role=option][tabindex='0']")).to_have_count(1)
    page.keyboard.press("End")
    assert focused_node(page) == nodes[-1]["id"]
    page.keyboard.press("Home")
    assert focused_node(page) == nodes[0]["id"]
    page.keyboard.press("ArrowDown")
    expect(page.locator("#panel-body")).to_be_hidden()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=node["label"])
    expect(dialog).to_be_visible()
    expect(page.locator("#panel-title")).to_have_text(node["label"])
    base = page.evaluate("document.body.dataset.base")
    assert node["id"].startswith(base)
    assert page.get_attribute("#panel-link", "href") == "/" + node["id"][len(base):] == f"/id/{node['type']}/{node['slug']}"
    assert page.evaluate("document.getElementById('panel-body').contains(document.activeElement)")  # focus went into the panel
    expect(page.locator("#node-list [role=option][aria-selected=true]")).to_have_count(1)
    assert page.locator("#node-list [role=option][aria-selected=true]").get_attribute("data-id") == node["id"]
    assert page.evaluate("window.antqNetwork.$(':selected').map(n => n.id())") == [node["id"]]
    centre = page.evaluate("""id => { const n = window.antqNetwork.getElementById(id), p = n.renderedPosition();
                                      return [p.x - window.antqNetwork.width() / 2, p.y - window.antqNetwork.height() / 2]; }""",
                           node["id"])
    assert abs(centre[0]) < 2 and abs(centre[1]) < 2  # the node was brought to the middle of the canvas
    page.keyboard.press("Tab")  # the panel's controls follow: the close button
    assert page.evaluate("document.activeElement.id") == "panel-close"
    page.keyboard.press("Escape")
    expect(page.locator("#panel-body")).to_be_hidden()
    assert focused_node(page) == node["id"]  # back where the user was
    assert page.evaluate("window.antqNetwork.$(':selected').length") == 0
    page.keyboard.press(" ")  # Space opens it too; the close button also returns focus to the list
    expect(page.get_by_role("dialog", name=node["label"])).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#panel-body")).to_be_hidden()
    assert focused_node(page) == node["id"]
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_typing_letters_in_the_node_list_jumps_to_a_name_without_tone_marks(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    page.locator("#node-list [role=option][tabindex='0']").focus()
    page.keyboard.type("to v")  # "Tô Văn Lâm", typed without tone marks
    label = page.evaluate("document.activeElement.querySelector('.node-name').textContent")
    assert label == "Tô Văn Lâm"


def test_node_list_matches_the_drawn_nodes_after_filters_and_expansion(page: Page, server: Server) -> None:
    api = [n["id"] for n in httpx.get(server.url + "/network", params={"format": "json"}).json()["nodes"]]
    page.goto(server.url + "/ui/network")
    everything = wait_for_graph(page)
    assert list_ids(page) == api  # same nodes, same order
    for box in page.locator("input[name=edge]").all():  # client-side filter
        if box.get_attribute("value") != "subOrganizationOf":
            box.uncheck()
    page.wait_for_function(f"Number(document.getElementById('cy').dataset.nodeCount) < {everything}")
    narrowed = int(page.get_attribute("#cy", "data-node-count"))
    expect(page.get_by_role("listbox", name=NODE_LIST["vi"]).get_by_role("option")).to_have_count(narrowed)
    assert set(list_ids(page)) == drawn_ids(page)
    assert list_ids(page) == [i for i in api if i in drawn_ids(page)]
    click_node(page, "Công an Thành phố Hồ Chí Minh", double=True)  # expansion adds nodes to the list too
    page.wait_for_function(f"Number(document.getElementById('cy').dataset.nodeCount) > {narrowed}")
    expanded = int(page.get_attribute("#cy", "data-node-count"))
    expect(page.locator("#node-list [role=option]")).to_have_count(expanded)
    assert set(list_ids(page)) == drawn_ids(page)
    assert list_ids(page) == [i for i in api if i in drawn_ids(page)]
    expect(page.locator("#node-list [role=option][aria-selected=true]")).to_have_text(re.compile("^Công an Thành phố Hồ Chí Minh"))

    province = httpx.get(server.url + "/network", params={"province": "Hồ Chí Minh", "format": "json"}).json()["nodes"]
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    page.evaluate("document.getElementById('cy').dataset.nodeCount = ''")
    page.select_option("select[name=province]", "Hồ Chí Minh")  # server-side filter
    assert wait_for_graph(page) == len(province) < everything
    expect(page.locator("#node-list [role=option]")).to_have_count(len(province))
    assert list_ids(page) == [n["id"] for n in province]
    assert set(list_ids(page)) == drawn_ids(page)
    for box in page.locator("input[name=edge]").all():  # no relation left: no node, and the list says so
        box.uncheck()
    page.wait_for_function("document.getElementById('cy').dataset.nodeCount === '0'")
    expect(page.locator("#node-list [role=option]")).to_have_count(0)
    expect(page.locator("#node-list-empty")).to_be_visible()
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_clicking_a_node_on_the_canvas_marks_it_in_the_node_list(page: Page, server: Server) -> None:
    page.goto(server.url + "/ui/network")
    wait_for_graph(page)
    click_node(page, "Nguyễn Văn Hùng")
    expect(page.locator("#panel-title")).to_have_text("Nguyễn Văn Hùng")
    selected = page.locator("#node-list [role=option][aria-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected.locator(".node-name")).to_have_text("Nguyễn Văn Hùng")
    assert selected.get_attribute("tabindex") == "0"  # Tab into the list lands on it
    page.locator("#cy").click(position={"x": 3, "y": 3})  # the empty background closes the panel
    expect(page.locator("#panel-body")).to_be_hidden()
    expect(page.locator("#node-list [role=option][aria-selected=true]")).to_have_count(0)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_network_page_names_its_parts_for_screen_readers(page: Page, server: Server, lang: str) -> None:
    texts = httpx.get(server.url + "/static/i18n.json").json()[lang]
    page.goto(server.url + f"/ui/network?lang={lang}")
    wait_for_graph(page)
    canvas = page.get_by_role("img", name=texts["network_canvas"])
    expect(canvas).to_have_attribute("id", "cy")
    listbox = page.get_by_role("listbox", name=NODE_LIST[lang])
    expect(listbox).to_be_visible()
    assert texts["node_list"] == NODE_LIST[lang]
    expect(listbox.get_by_role("group", name=texts["officials"])).to_be_visible()
    expect(page.get_by_role("complementary", name=texts["panel_label"])).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)  # nothing chosen yet
    listbox.get_by_role("option", name="Nguyễn Văn Hùng").click()
    dialog = page.get_by_role("dialog", name="Nguyễn Văn Hùng")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name=texts["close"])).to_be_visible()
    expect(dialog.get_by_role("link", name=texts["open_page"])).to_have_attribute("href", person_path("Nguyễn Văn Hùng"))
    expect(listbox.get_by_role("option", name="Nguyễn Văn Hùng")).to_have_attribute("aria-selected", "true")
    assert page.recorder.errors == []  # type: ignore[attr-defined]
