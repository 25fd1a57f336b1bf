"""The explorer in headless Chromium with the network off (Debian's chromium; no
browser download). In CI a missing browser is a failure, not a skip."""
import json

import pytest

from kg.graph.store import GraphStore
from kg.network import explorer_data

from .conftest import IN_CI, MINHANG, chromium_path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if chromium_path() is None:
    if IN_CI:
        raise RuntimeError("chromium is required for the explorer tests in CI (apt-get install chromium)")
    pytest.skip("chromium not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield b
        b.close()


def open_page(browser, html_path):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    page = ctx.new_page()
    page.requests = []
    page.dialogs = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(html_path.resolve().as_uri())
    page.wait_for_selector("body[data-drawn='1']", timeout=30000)
    return page


def test_canvas_draws_offline_with_all_nodes(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    nodes, _ = explorer_data(GraphStore.load(built_out), measurements=True)
    assert page.evaluate("window.kgNetwork.body.data.nodes.length") == len(nodes)
    # the canvas has pixels drawn on it
    drawn = page.evaluate("""() => { const c = document.querySelector('canvas'); const d = c.getContext('2d')
        .getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }""")
    assert drawn > 1000
    assert [u for u in page.requests if not u.startswith("file://")] == []
    assert page.errors == []


def test_search_in_both_scripts_and_panel_with_evidence(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    page.fill("#search", "区卫健委")
    hits = page.locator("#results div").all_inner_texts()
    assert any(h.startswith("闵行区卫生健康委员会") for h in hits)
    page.fill("#search", "長寧")
    assert any(h.startswith("长宁区") for h in page.locator("#results div").all_inner_texts())
    page.fill("#search", "閔行區衛生健康委員會")  # Traditional query for a Simplified-only entity
    page.locator("#results div").first.click()
    assert page.locator("#panel h1").inner_text() == "闵行区卫生健康委员会"
    assert any("牵头单位" in t for t in page.locator("#panel .ev").all_inner_texts())
    assert MINHANG.name in page.locator("#panel").inner_text()


def test_clicking_a_node_on_the_canvas_opens_its_panel(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    page.wait_for_timeout(300)
    node_id = page.evaluate("""() => { const D = JSON.parse(document.getElementById('kg-data').textContent);
        return Object.keys(D.info).find(k => D.info[k].name === '健康知识普及行动'); }""")
    page.evaluate(f"window.kgNetwork.setOptions({{physics: false}}); window.kgNetwork.focus({json.dumps(node_id)}, {{scale: 1.5}})")
    page.wait_for_timeout(300)
    pos = page.evaluate(f"""() => {{ const n = window.kgNetwork; const p = n.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}];
        const d = n.canvasToDOM(p); const r = document.querySelector('#canvas').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }}""")
    page.mouse.click(*pos)
    assert page.locator("#panel h1").inner_text() == "健康知识普及行动"
    assert "居民健康素养水平" in page.locator("#panel").inner_text()  # its targets


def test_document_text_cannot_inject_script(browser, tmp_path):
    import kg

    doc = tmp_path / "evil.txt"
    payload = "<img src=x onerror=alert(1)>"
    doc.write_text("闵行区人民政府关于推进健康行动的实施方案\n一、重大行动\n"
                   f"（一）“{payload}健康行动”\n开展活动</script><script>alert(2)</script>。"
                   "（牵头单位：区卫健委）\n", encoding="utf-8")
    out = tmp_path / "out"
    kg.build([doc], out=out)
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "</script><script>alert(2)" not in html
    page = open_page(browser, out / "graph.html")
    page.fill("#search", "img")
    page.locator("#results div").first.click()
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert payload in page.locator("#panel").inner_text()  # shown as text
    assert page.evaluate("document.querySelectorAll('#panel img, img[src=x]').length") == 0
    assert [u for u in page.requests if not u.startswith("file://")] == []
