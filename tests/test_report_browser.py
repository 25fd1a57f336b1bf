"""The report page in headless Chromium with the network off (Debian's chromium): it
renders, no request leaves it, and its charts' Chinese labels are drawn legibly in a
CJK font. In CI a missing browser is a failure, not a skip."""
import pytest

import kg

from .conftest import IN_CI, chromium_path
from .test_explorer_browser import ARGS

if chromium_path() is None:
    if IN_CI:
        raise RuntimeError("chromium is required for the report tests in CI (apt-get install chromium)")
    pytest.skip("chromium not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def page(built_out, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    path = tmp_path_factory.mktemp("report") / "report.html"
    kg.report(built_out, path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
        pg = ctx.new_page()
        pg.requests, pg.errors = [], []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(path.resolve().as_uri(), wait_until="load")
        yield pg
        browser.close()


def test_it_renders_and_nothing_leaves_the_page(page):
    assert page.locator("section").count() >= 6
    assert page.locator(".chart svg").count() >= 3
    assert [u for u in page.requests if not u.startswith("file://")] == []
    assert page.errors == []


def test_chinese_chart_labels_are_drawn_in_a_cjk_font_at_a_legible_size(page):
    box = page.evaluate("""() => {
        const t = [...document.querySelectorAll('#departments svg text')].find(e => e.textContent.includes('闵行区卫生健康委员会'));
        if (!t) return null;
        const r = t.getBoundingClientRect();
        return {w: r.width, h: r.height, family: getComputedStyle(t).fontFamily};
    }""")
    assert box is not None
    assert box["h"] >= 9 and box["w"] >= 9 * 10 * 0.9  # ten characters, each at least ~9 px: drawn, not collapsed
    assert "Noto Sans CJK SC" in box["family"]
    assert page.evaluate("() => document.fonts.check(\"12px 'Noto Sans CJK SC'\", '闵行区卫生健康委员会')")


def test_an_evidence_link_scrolls_to_its_sentence(page):
    link = page.locator("#departments a[href^='#ev-']").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("() => location.hash") == target
    assert page.locator(target).is_visible()
