#!/usr/bin/env python3
"""Screenshot of the explorer's first view for the README (headless Chromium at 1400×900,
network off): the page as it opens, fitted; with a name, that entity is selected and its
panel open, the view left where it was.

Usage: python tools/screenshot.py out/graph.html docs/explorer.png [NAME]
Needs Debian's chromium and the playwright package (pip install -e ".[test]").
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: screenshot.py PAGE.html OUT.png [NAME]", file=sys.stderr)
        return 2
    html, png = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    name = sys.argv[3] if len(sys.argv) > 3 else None
    if not html.is_file():
        print(f"screenshot.py: no such page: {html}", file=sys.stderr)
        return 2
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True).new_page()
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120000)
        if name:
            k = page.evaluate(f"window.kgExplorer.info.findIndex(i => i.name === {json.dumps(name)})")
            if k < 0:
                print(f"screenshot.py: no entity named {name!r}", file=sys.stderr)
                return 2
            page.evaluate(f"window.kgNetwork.selectNodes([{k}]); window.kgExplorer.showNode({k})")
        page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
