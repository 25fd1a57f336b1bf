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
    page.wait_for_selector("body[data-ready='1']", timeout=30000)
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
        return D.info.findIndex(i => i.name === '健康知识普及行动'); }""")
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


# ---- issue 22: a first view that reads, the whole evidence on a click, filters that compose ----

def _info(page):
    return dict(enumerate(page.evaluate("""JSON.parse(document.getElementById('kg-data').textContent).info.map(i => {
        for (const k of ['aliases', 'short', 'regions', 'documents', 'cited', 'targets', 'measurements']) i[k] = i[k] || []; return i; })""")))


def _id_of(page, name):
    return page.evaluate(f"""() => {{ const D = JSON.parse(document.getElementById('kg-data').textContent);
        return D.info.findIndex(i => i.name === {json.dumps(name)}); }}""")


def _status(page):
    return int(page.get_attribute("#status", "data-nodes")), int(page.get_attribute("#status", "data-edges"))


def _visible_nodes(page):
    ids = page.evaluate("window.kgExplorer.visibleNodes()")
    # what the page says is visible is what vis-network draws
    drawn = page.evaluate("window.kgNetwork.body.nodeIndices")
    assert sorted(ids) == sorted(drawn)
    return ids


def test_the_20_most_central_labels_are_legible_and_apart_at_the_fitted_zoom(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    page.wait_for_timeout(200)
    boxes = page.evaluate("""() => {
        const net = window.kgNetwork, D = JSON.parse(document.getElementById('kg-data').textContent);
        const top = D.info.map((i, k) => k).filter(k => D.info[k].rank >= 0 && D.info[k].rank < 20);
        const r = document.querySelector('#canvas').getBoundingClientRect(), s = net.getScale();
        return top.map(id => { const n = net.body.nodes[id], L = n.labelModule, z = L.size;
            const a = net.canvasToDOM({x: z.left, y: z.top}), b = net.canvasToDOM({x: z.left + z.width, y: z.top + z.height});
            return {id, px: L.fontOptions.size * s, drawn: L.visible(), hidden: n.options.hidden,
                    box: [a.x, a.y, b.x, b.y], canvas: [r.width, r.height]}; }); }""")
    assert len(boxes) == 20
    for b in boxes:
        assert not b["hidden"] and b["drawn"], b
        assert b["px"] >= 11, b  # legible: at least 11 px on screen
        x0, y0, x1, y1 = b["box"]
        assert x0 >= 0 and y0 >= 0 and x1 <= b["canvas"][0] and y1 <= b["canvas"][1], b  # inside the view
    for i, a in enumerate(boxes):
        for c in boxes[i + 1:]:
            ax0, ay0, ax1, ay1 = a["box"]
            cx0, cy0, cx1, cy1 = c["box"]
            assert ax1 <= cx0 or cx1 <= ax0 or ay1 <= cy0 or cy1 <= ay0, (a, c)  # no two overlap
    # level of detail: the other labels are not drawn at the fitted zoom, and appear on zooming in
    drawn = lambda: page.evaluate("""() => { const net = window.kgNetwork;
        return net.body.nodeIndices.filter(id => net.body.nodes[id].labelModule.visible()).length; }""")
    at_fit = drawn()
    assert at_fit < 40
    box = page.locator("#canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(12):  # the wheel, as a person zooms in
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(60)
    page.wait_for_timeout(200)
    assert page.evaluate("window.kgNetwork.getScale()") > 3 * float(page.get_attribute("body", "data-fit-scale"))
    assert drawn() > at_fit
    # every label drawn is legible, and none grows past 22 px
    sizes = page.evaluate("""() => { const net = window.kgNetwork, s = net.getScale();
        return net.body.nodeIndices.filter(id => net.body.nodes[id].labelModule.visible())
                  .map(id => net.body.nodes[id].labelModule.fontOptions.size * s); }""")
    assert sizes and min(sizes) >= 11 and max(sizes) <= 22 * 1.09
    assert [u for u in page.requests if not u.startswith("file://")] == []


def test_communities_are_drawn_as_groups_and_bundled_at_overview(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    groups = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).groups")
    assert len(groups) >= 4 and any(g["label"] == "闵行区" for g in groups)
    total = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).edgeInfo.length")
    assert page.evaluate("window.kgExplorer.drawnEdges()") < total  # edges between groups are bundled, not drawn one by one
    page.evaluate("window.kgNetwork.moveTo({scale: window.kgNetwork.getScale() * 3})")
    page.evaluate("window.kgNetwork.body.emitter.emit('zoom', {})")
    page.wait_for_timeout(100)
    assert page.evaluate("window.kgExplorer.drawnEdges()") == total


def test_the_panel_lists_every_evidence_sentence_of_a_node(browser, built_out):
    store = GraphStore.load(built_out)
    rows = store.query_raw("""PREFIX hg: <https://w3id.org/healthgov-kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT DISTINCT ?ev WHERE { { ?e hg:evidence ?ev } UNION { ?a rdf:subject ?e ; hg:evidence ?ev }
          UNION { ?a rdf:object ?e ; hg:evidence ?ev } FILTER(?e = <https://w3id.org/healthgov-kg/id/department/闵行区卫生健康委员会>) }""")
    expected = {r["ev"].value for r in rows}
    assert len(expected) > 20
    page = open_page(browser, built_out / "graph.html")
    page.evaluate(f"window.kgExplorer.showNode({json.dumps(_id_of(page, '闵行区卫生健康委员会'))})")
    shown = {t.split("\n")[0] for t in page.locator("#panel .ev").all_inner_texts()}
    assert expected <= shown
    assert f"{len(expected)} 句" in page.locator("#panel").inner_text()
    assert "牵头" in page.locator("#panel .ev small").all_inner_texts()[1] or any(
        "牵头" in t for t in page.locator("#panel .ev small").all_inner_texts())


def test_an_edge_shows_its_sentence_and_the_action_s_own(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    j = page.evaluate("""() => { const D = JSON.parse(document.getElementById('kg-data').textContent);
        return D.edgeInfo.findIndex(e => e.kind === 'leads' && e.evidence.some(x => x[0].includes('牵头单位'))
            && (D.info[e.to].cited || []).some(c => c[2].some(x => x[0] === 'mention'))); }""")
    assert j >= 0
    page.evaluate(f"window.kgExplorer.showEdge({j})")
    e = page.evaluate(f"JSON.parse(document.getElementById('kg-data').textContent).edgeInfo[{j}]")
    action = next(c[0] for c in _info(page)[e["to"]]["cited"] if any(x[0] == "mention" for x in c[2]))
    texts = [t.split("\n")[0] for t in page.locator("#panel .ev").all_inner_texts()]
    assert any("牵头单位" in t for t in texts) and action in texts
    assert "的原文" in page.locator("#panel").inner_text()


def test_filters_compose_counts_follow_and_the_view_refits(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    n0, e0 = _status(page)
    scale0 = page.evaluate("window.kgNetwork.getScale()")
    page.locator("#kinds input[data-key='supports']").uncheck()
    n1, e1 = _status(page)
    supports = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).edgeInfo.filter(e => e.kind === 'supports').length")
    assert e1 == e0 - supports and n1 == n0
    assert f"{e1} / " in page.inner_text("#status")
    page.locator("#kinds input[data-key='supports']").check()
    # a region, then unticking Hospital: the region's hospitals go, and the counts with them
    page.select_option("#region", "闵行区")
    n2, e2 = _status(page)
    shown = _visible_nodes(page)
    info = _info(page)
    assert all("闵行区" in info[k]["regions"] or info[k]["name"] == "闵行区" for k in shown)
    hospitals = [k for k in shown if info[k]["cls"] == "Hospital"]
    assert hospitals
    # re-fitted to the region: what is shown fills the view (a region's nodes may spread wider than the
    # overview's, whose unlinked nodes are hidden, so the scale alone says nothing)
    assert page.evaluate("window.kgNetwork.getScale()") != scale0
    fill = page.evaluate("""(ids) => { const net = window.kgNetwork, r = document.querySelector('#canvas').getBoundingClientRect();
        const ps = ids.map(id => net.canvasToDOM(net.getPositions([id])[id]));
        const xs = ps.map(p => p.x), ys = ps.map(p => p.y);
        return [Math.min(...xs) / r.width, Math.min(...ys) / r.height, Math.max(...xs) / r.width, Math.max(...ys) / r.height]; }""",
                         shown)
    assert min(fill) >= 0 and max(fill[2], fill[3]) <= 1 and (fill[2] - fill[0] >= 0.6 or fill[3] - fill[1] >= 0.6), fill
    page.locator("#classes input[data-key='Hospital']").uncheck()
    n3, e3 = _status(page)
    touching = page.evaluate("""(hs) => { const D = JSON.parse(document.getElementById('kg-data').textContent), v = new Set(window.kgExplorer
        .visibleNodes().concat(hs));
        return D.edgeInfo.filter(e => v.has(e.from) && v.has(e.to) && (hs.includes(e.from) || hs.includes(e.to))).length; }""", hospitals)
    assert n3 == n2 - len(hospitals) and e3 == e2 - touching
    assert not set(hospitals) & set(_visible_nodes(page))
    # every visible edge has both ends visible and is counted
    assert page.evaluate("window.kgExplorer.drawnEdges()") <= e3
    # the view holds what is shown
    inside = page.evaluate("""(ids) => { const net = window.kgNetwork, r = document.querySelector('#canvas').getBoundingClientRect();
        return ids.every(id => { const p = net.canvasToDOM(net.getPositions([id])[id]); return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height; }); }""",
                           _visible_nodes(page))
    assert inside


def test_a_document_filter_shows_all_that_the_document_names(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    info = _info(page)
    doc = MINHANG.name
    named = {k for k, i in info.items() if doc in i["documents"]}
    unlinked = {k for k in named if info[k]["degree"] == 0}
    assert len(named) > 100 and unlinked
    page.select_option("#document", doc)
    assert set(_visible_nodes(page)) == named
    assert _status(page)[0] == len(named)


def test_search_finds_bodies_by_their_short_forms_in_both_scripts(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    for q in ("卫健委", "卫生健康委", "衛健委", "衛生健康委"):
        page.fill("#search", q)
        hits = page.locator("#results div").all_inner_texts()
        assert any(h.startswith("嘉定区卫生健康委员会") for h in hits), (q, hits)
        assert any(h.startswith("闵行区卫生健康委员会") for h in hits), (q, hits)
    page.fill("#search", "嘉定卫健委")
    assert page.locator("#results div").all_inner_texts() == ["嘉定区卫生健康委员会 · 政府部门"]
    page.fill("#search", "嘉定區衛健委")
    first = page.locator("#results div").first
    assert first.inner_text().startswith("嘉定区卫生健康委员会")
    first.click()
    assert page.locator("#panel h1").inner_text() == "嘉定区卫生健康委员会"


def test_measurements_have_their_class_and_are_in_the_panel_of_region_and_program(browser, built_out):
    page = open_page(browser, built_out / "graph.html")
    classes = page.locator("#classes").inner_text()
    assert "实测值 Measurement" in classes
    info = _info(page)
    assert any(i["cls"] == "Measurement" for i in info.values())
    page.evaluate(f"window.kgExplorer.showNode({json.dumps(_id_of(page, '嘉兴市'))})")
    text = page.locator("#panel").inner_text()
    assert "实测值 · Measurements" in text and "人均预期寿命 =82.68岁（2022年）" in text
    assert "2022年,嘉兴全市人均预期寿命达到82.68岁" in text  # with its sentence
    program = next(k for k, i in info.items() if i["cls"] == "Program" and i["measurements"])
    page.evaluate(f"window.kgExplorer.showNode({json.dumps(program)})")
    assert "实测值 · Measurements" in page.locator("#panel").inner_text()
    page.locator("#classes input[data-key='Measurement']").uncheck()
    assert not any(info[k]["cls"] == "Measurement" for k in _visible_nodes(page))
