"""Benchmark: how long the network page takes to draw and lay out N nodes in headless Chromium.

Run: /work/venv/bin/python tests/bench_web_network.py [N ...]   (default 100 300 600 1000)

A real server serves the page and the libraries; only the /network answer is replaced by a
synthetic network of N nodes (organisations in a hierarchy, officials holding posts, meetings'
chair and attendance edges), so the figure measures the browser side alone. Prints one line
per size: nodes, edges, seconds from navigation to a drawn graph, and the longest task.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from rest_fixture import Server, write_graph  # noqa: E402

KINDS = ["police", "front", "party", "government", "steering", "other"]


def synthetic(n: int, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    orgs = max(4, n // 4)
    nodes, edges = [], []
    for i in range(n):
        is_org = i < orgs
        nodes.append({"id": f"http://127.0.0.1:8000/id/{'org' if is_org else 'person'}/n{i}", "slug": f"n{i}",
                      "label": f"{'Đơn vị' if is_org else 'Cán bộ'} {i}", "type": "org" if is_org else "person",
                      "kind": rnd.choice(KINDS) if is_org else None, "province": None})
    for i in range(1, orgs):
        edges.append({"source": nodes[i]["id"], "target": nodes[rnd.randrange(0, i)]["id"], "type": "subOrganizationOf"})
    for i in range(orgs, n):
        edges.append({"source": nodes[i]["id"], "target": nodes[rnd.randrange(orgs)]["id"], "type": "holdsPostIn",
                      "date": f"20{rnd.randrange(15, 25)}-01-01"})
        if rnd.random() < 0.5:
            edges.append({"source": nodes[i]["id"], "target": nodes[rnd.randrange(orgs)]["id"],
                          "type": rnd.choice(["chaired", "attended", "organized"]), "date": "2023-05-24"})
    return {"nodes": nodes, "edges": edges}


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        write_graph(data)
        server = Server(data)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                            args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
                print(f"{'nodes':>6} {'edges':>6} {'draw s':>7} {'longest task ms':>16}")
                for n in sizes:
                    body = json.dumps(synthetic(n))
                    page = browser.new_page(viewport={"width": 1280, "height": 800})
                    page.route("**/network?format=json*", lambda route: route.fulfill(
                        status=200, content_type="application/json", body=body))
                    page.add_init_script("""window.__longest = 0; new PerformanceObserver(l => l.getEntries().forEach(
                        e => { window.__longest = Math.max(window.__longest, e.duration); })).observe({entryTypes: ['longtask']});""")
                    t0 = time.perf_counter()
                    page.goto(server.url + "/ui/network")
                    page.wait_for_function("document.getElementById('cy').dataset.nodeCount !== ''", timeout=120_000)
                    seconds = time.perf_counter() - t0
                    drawn = page.get_attribute("#cy", "data-node-count")
                    edges = page.get_attribute("#cy", "data-edge-count")
                    print(f"{drawn:>6} {edges:>6} {seconds:7.2f} {page.evaluate('window.__longest'):16.0f}")
                    page.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 300, 600, 1000])
