#!/usr/bin/env python3
"""Screenshot of the explorer for the README (headless Chromium, network off).

Usage: python tools/screenshot.py out/graph.html docs/explorer.png [search text]
Needs Debian's chromium and the playwright package (pip install -e ".[test]").
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> int:
    html, png = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    query = sys.argv[3] if len(sys.argv) > 3 else "区卫健委"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_context(viewport={"width": 1500, "height": 900}, offline=True).new_page()
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-drawn='1']", timeout=60000)
        page.wait_for_timeout(5000)  # let physics settle and stop
        page.fill("#search", query)
        page.click("#results div")
        page.wait_for_timeout(800)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
