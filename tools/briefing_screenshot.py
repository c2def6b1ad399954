"""Make the screenshots of the seed's HTML briefing shown in docs/briefing.md.

Usage (needs Debian's ``chromium`` and the ``playwright`` package; no browser
is downloaded)::

    PYTHONPATH=src python tools/briefing_screenshot.py

Writes ``docs/briefing-seed.png`` (the top of the page: the findings) and
``docs/briefing-graph.png`` (the attribution graph), at 1280x900.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import claims
import claims.views

ROOT = Path(__file__).resolve().parent.parent
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("needs Debian's chromium: apt-get install -y chromium", file=sys.stderr)
        return 1
    dossier = claims.load(ROOT / "seeds" / "baghdad-drone-strike.json")
    text = (ROOT / "seeds" / "000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")
    page_html = claims.views.html(dossier, texts={"aj-article": text})
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "seed.html"
        path.write_text(page_html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri())
            page.screenshot(path=str(ROOT / "docs" / "briefing-seed.png"))
            page.locator("#sec-graph h2").evaluate("e => e.scrollIntoView()")
            page.screenshot(path=str(ROOT / "docs" / "briefing-graph.png"))
        finally:
            browser.close()
    print("wrote docs/briefing-seed.png and docs/briefing-graph.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
