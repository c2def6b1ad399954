"""The HTML briefing in a real browser: headless Chromium, driven by Playwright.

These tests never skip: without Chromium or Playwright they fail and say what
to install (`.ci/run` installs Debian's ``chromium``; Playwright is in the
``test`` extra). No browser is ever downloaded.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claims
import claims.views
from support import SEEDS
from views_support import hostile_dossier

pytestmark = pytest.mark.browser

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VARIANCE = """async (data) => {
  const img = new Image();
  img.src = "data:image/png;base64," + data;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let n = 0, sum = 0, sq = 0;
  for (let i = 0; i < px.length; i += 4) {
    const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
    n++; sum += y; sq += y * y;
  }
  const mean = sum / n;
  return {width: img.width, height: img.height, mean: mean, variance: sq / n - mean * mean};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("the browser tests need Debian's chromium: apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need playwright: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dossier = claims.load(SEEDS / "baghdad-drone-strike.json")
    text = (SEEDS / "000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("brief") / "seed.html"
    path.write_text(claims.views.html(dossier, texts={"aj-article": text}), encoding="utf-8")
    return path


class Opened:
    """A page with everything it asked the network for, its dialogs and its errors."""

    def __init__(self, browser: Any, path: Path, width: int = 1280) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(path.as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def seed_page(browser: Any, seed_file: Path) -> Iterator[Opened]:
    opened = Opened(browser, seed_file)
    yield opened
    opened.close()


def visible_claims(page: Any) -> int:
    return int(page.locator("li.claim:visible").count())


def test_findings_are_visible_first(seed_page: Opened) -> None:
    page = seed_page.page
    assert page.locator("#showing").inner_text() == "All 41 claims"
    silences = page.locator("#sec-silences")
    assert silences.is_visible()
    words = silences.inner_text()
    assert "US officials made no comment on US-led international coalition" in words
    assert "US-led international coalition: accused, no answer recorded" in words
    corroboration = page.locator("#sec-corroboration").inner_text()
    assert "1 independent origin among 2 claims" in corroboration
    top = page.locator("#sec-findings").bounding_box()
    assert top["y"] < page.locator("#sec-claims").bounding_box()["y"]
    assert visible_claims(page) == 41
    # The graph and the timeline are drawn, with boxes of a real size.
    for figure in ("#sec-graph .figure svg", "#sec-timeline .figure svg"):
        box = page.locator(figure).bounding_box()
        assert box["width"] > 300
        assert box["height"] > 100
    assert page.locator("#sec-graph .node.actor").count() == 23
    assert page.locator("#sec-graph .node.claim").count() == 41
    assert seed_page.errors == []
    assert seed_page.requests == [seed_page.page.url]  # the page itself, nothing else


def test_claimant_filter(seed_page: Opened) -> None:
    page = seed_page.page
    page.select_option("#f-claimant", label="Reuters")
    assert page.locator("#showing").inner_text() == "Showing 2 of 41 claims"
    assert visible_claims(page) == 2
    shown = page.locator("li.claim:visible").all_inner_texts()
    assert all("4 PMF members killed" in t or "6 PMF members wounded" in t for t in shown)
    # Al Jazeera's own claims are gone from the list and dimmed in the graph.
    assert not page.get_by_text("id aj-strike-targeted-pmf").is_visible()
    dimmed = page.locator("#sec-graph .node.claim.dim").count()
    assert dimmed == 41 - 2
    page.click("#f-reset")
    assert visible_claims(page) == 41
    assert page.locator("#sec-graph .dim").count() == 0


def test_subject_and_section_filters(seed_page: Opened) -> None:
    page = seed_page.page
    page.select_option("#f-subject", label="Saleh al-Arouri")
    assert visible_claims(page) == 2
    page.select_option("#f-section", value="timeline")
    assert page.locator("#sec-timeline").is_visible()
    assert not page.locator("#sec-claims").is_visible()
    assert not page.locator("#sec-findings").is_visible()
    page.select_option("#f-section", value="silences")
    assert page.locator("#sec-silences").is_visible()
    assert not page.locator("#sec-corroboration").is_visible()


def test_screenshot_is_not_blank(seed_page: Opened, tmp_path: Path) -> None:
    shot = seed_page.page.screenshot(full_page=False)
    stats = seed_page.context.new_page().evaluate(VARIANCE, base64.b64encode(shot).decode("ascii"))
    assert (stats["width"], stats["height"]) == (1280, 900)
    assert stats["variance"] > 200, stats  # a blank or one-colour page is near 0


def test_phone_width_has_no_sideways_scroll(browser: Any, seed_file: Path) -> None:
    opened = Opened(browser, seed_file, width=390)
    try:
        page = opened.page
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.locator("#f-claimant").is_visible()
        assert page.locator("#sec-silences").is_visible()
    finally:
        opened.close()


def test_print_hides_the_filters_and_shows_everything(seed_page: Opened) -> None:
    page = seed_page.page
    page.select_option("#f-claimant", label="Reuters")
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert visible_claims(page) == 41
    assert page.pdf()[:5] == b"%PDF-"


def test_hostile_dossier_runs_no_script(browser: Any, tmp_path: Path) -> None:
    dossier, texts = hostile_dossier()
    path = tmp_path / "hostile.html"
    path.write_text(claims.views.html(dossier, texts=texts), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        page = opened.page
        # Use the page: every filter, hover every mark and node, follow every link.
        for select in ("#f-claimant", "#f-subject"):
            for value in page.locator(f"{select} option").evaluate_all(
                "options => options.map(o => o.value)"
            ):
                page.select_option(select, value=value)
        page.click("#f-reset")
        for target in page.locator("mark, .node").all()[:30]:
            target.hover()
        for link in page.locator("a:visible").all()[:30]:
            link.click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert opened.dialogs == []
        assert page.evaluate("document.scripts.length") == 1
        handlers = page.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).length"
        )
        assert handlers == 0
        assert page.locator("iframe, img, base, object, embed").count() == 0
        assert all(url.startswith("file://") for url in opened.requests), opened.requests
        # The contradiction is drawn in its own style: thick and red.
        stroke = page.locator("#sec-graph .figure .edge.contra").evaluate(
            "e => [getComputedStyle(e).stroke, getComputedStyle(e).strokeWidth]"
        )
        assert stroke == ["rgb(198, 40, 40)", "3.5px"]
        # The payloads are shown as text.
        assert "<script>window.__pwned = 1</script>" in page.locator("body").inner_text()
        assert opened.errors == []
    finally:
        opened.close()
