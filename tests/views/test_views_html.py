"""The HTML briefing: what it shows, in what order, and that no string escapes it."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
import claims.views
from claims import Precision, analysis, strategies
from claims.views import _svg, terminal_safe
from support import SEEDS
from views_support import Page, hostile_dossier, hostile_text

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2",
    "h3", "h4", "p", "ul", "li", "a", "strong", "em", "span", "code", "br", "blockquote",
    "mark", "div", "form", "label", "select", "option", "button", "script",
    "svg", "defs", "marker", "path", "g", "rect", "text", "line",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> claims.Dossier:
    return claims.load(SEEDS / "baghdad-drone-strike.json")


@pytest.fixture(scope="module")
def seed_page(seed: claims.Dossier) -> str:
    text = (SEEDS / "000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")
    return claims.views.html(seed, texts={"aj-article": text})


def _sha(source: str) -> str:
    return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def check_safe(page: str) -> Page:
    """Fail unless the page holds only our markup, our one style and our one script."""
    parsed = Page(page)
    assert parsed.scripts == [claims.views._assets.SCRIPT]
    assert len(parsed.styles) == 1
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcdoc", "xlink:href", "style", "formaction"), name
            if name == "href":
                assert value is not None
                assert value.startswith("#"), value
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1
    policy = metas[0]["content"] or ""
    assert "default-src 'none'" in policy
    assert f"'sha256-{_sha(parsed.scripts[0])}'" in policy
    assert f"'sha256-{_sha(parsed.styles[0])}'" in policy
    assert "unsafe-inline" not in policy
    return parsed


def test_seed_page_is_safe_and_self_contained(seed_page: str) -> None:
    check_safe(seed_page)
    assert not re.search(r"https?://", seed_page.split("</style>")[0].split("<style>")[1])
    assert "http://" not in seed_page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_seed_page_leads_with_findings(seed_page: str) -> None:
    order = [seed_page.index(f'data-section="{name}"') for name in
             ("findings", "contradictions", "silences", "corroboration", "claims", "sources",
              "graph", "timeline")]  # fmt: skip
    assert order == sorted(order)
    findings = seed_page[order[0] : order[4]]
    # The accusation and the silence: US officials' no comment, the coalition unanswered.
    assert "US officials</strong> made no comment on US-led international coalition" in findings
    assert "US-led international coalition</strong>: accused, no answer recorded" in findings
    # The footage linked as supporting the target says what it hit, not whom it
    # targeted (partial support): it is shown as such, not counted.
    assert "1 independent origin among 2 claims" in findings
    assert "also supported, in part, by <a " in findings
    assert "None: no two active claims are incompatible." in findings


def test_seed_page_shows_every_claim_quote_and_tie(seed: claims.Dossier, seed_page: str) -> None:
    text = "".join(Page(seed_page).text)
    for claim in seed.claims.values():
        assert f"id {claim.id}" in text
        for quote in claim.quotes:
            assert quote.exact in text
    assert "part of Government of Iraq" in text
    assert "affiliated with Popular Mobilisation Forces (considered close to)" in text
    assert "reliability B (usually reliable); credibility 3 (possibly true)" in text
    # Every quote is marked in the source's text, none reported missing.
    assert seed_page.count('<mark id="s1-') >= len(seed.claims) - 5
    assert "not found at their offsets" not in text


def test_seed_graph_draws_ties_claims_and_relays(seed: claims.Dossier, seed_page: str) -> None:
    graph = seed_page[seed_page.index('data-section="graph"') :]
    graph = graph[graph.index('<div class="figure">') : graph.index('data-section="timeline"')]
    parts = sum(1 for a in seed.actors.values() if a.part_of)
    ties = sum(len(a.affiliations) for a in seed.actors.values())
    assert graph.count('class="edge partof"') == parts
    assert graph.count('class="edge affil"') == ties
    assert graph.count('class="node actor"') == len(seed.actors)
    assert graph.count('class="node claim') == len(seed.claims)
    assert graph.count('class="edge relay"') == sum(len(c.chain) for c in seed.claims.values())
    assert "casualties 4 PMF members killed" in graph  # claims labelled by what they say


def test_contradictions_are_drawn_and_listed() -> None:
    dossier, texts = hostile_dossier(["x"])
    page = claims.views.html(dossier, texts=texts)
    check_safe(page)
    disputes = claims.analysis.disputes(dossier)
    # One arc per pair of positions in conflict; each position listed once.
    assert page.count('class="edge contra" marker') == sum(len(d.reasons) for d in disputes) > 0
    assert page.count('<li class="contra">') == sum(len(d.positions) for d in disputes)
    assert "superseded by" in page


@given(st.lists(hostile_text, min_size=1, max_size=11))
@settings(max_examples=60)
def test_hostile_strings_stay_text(words: list[str]) -> None:
    dossier, texts = hostile_dossier(words)
    page = claims.views.html(dossier, texts=texts, title=words[0])
    parsed = check_safe(page)
    text = "".join(parsed.text)
    for actor in dossier.actors.values():
        assert terminal_safe(actor.name, keep="\n\t") in text


@given(strategies.dossiers())
@settings(max_examples=40)
def test_any_dossier_makes_a_safe_page(dossier: claims.Dossier) -> None:
    check_safe(claims.views.html(dossier))


def test_limits_say_how_many_more() -> None:
    actor = claims.Actor("a", "A")
    many = [
        claims.Claim(f"c{i}", "a", claims.Proposition(claims.Text(f"s{i}"), "p", claims.Text("o")))
        for i in range(30)
    ]
    page = claims.views.html(claims.Dossier([actor, *many]), limit=10, graph_limit=5)
    assert "… and 20 more" in page
    assert 'class="node claim' not in page  # actors only above graph_limit
    assert "A (30 claims)" in page
    check_safe(page)


def test_empty_dossier() -> None:
    page = claims.views.html(claims.Dossier())
    check_safe(page)
    assert "No claims." in page
    assert "No claim in the dossier is dated." in page


class _Marks(HTMLParser):
    """The characters of a source's text, each with whether it is inside a ``<mark>``."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: list[tuple[str, bool]] = []
        self._depth = 0
        self._inside = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "source-text") in attrs:
            self._inside = True
        elif self._inside and tag == "mark":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._inside and tag == "mark":
            self._depth -= 1
        elif tag == "div":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.chars.extend((c, self._depth > 0) for c in data)


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1),
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=8),
)
def test_quotes_are_marked_exactly_where_they_are(text: str, spans: list[tuple[int, int]]) -> None:
    quotes = []
    for start, length in spans:
        start = start % len(text)
        end = min(len(text), start + length)
        if text[start:end].strip():
            quotes.append(claims.Quote("s", text[start:end], start, end))
    records: list[claims.Record] = [claims.Actor("a", "A"), claims.Source("s", "S")]
    records += [
        claims.Claim(f"c{i}", "a", claims.Proposition(claims.Text("x"), "p", claims.Text("y")),
                     quotes=(q,))
        for i, q in enumerate(quotes)
    ]  # fmt: skip
    page = claims.views.html(claims.Dossier(records), texts={"s": text})
    marks = _Marks(page)
    assert "".join(c for c, _ in marks.chars) == terminal_safe(text, keep="\n\t")
    covered = {i for q in quotes for i in range(q.start, q.end)}
    if terminal_safe(text, keep="\n\t") == text:
        assert [m for _, m in marks.chars] == [i in covered for i in range(len(text))]


def test_timeline_draws_the_ends_of_time() -> None:
    first = claims.When(
        datetime(2, 1, 1, tzinfo=timezone(timedelta(hours=23, minutes=59))), Precision.YEAR
    )
    last = claims.When.year(9998, tz=timezone(-timedelta(hours=23, minutes=59)))
    moments = [
        analysis.Moment(first, analysis.MomentKind.MADE, "c", "a"),
        analysis.Moment(last, analysis.MomentKind.REPORTED, "c", "a", "s"),
    ]
    dossier = claims.Dossier(
        [claims.Actor("a", "A"),
         claims.Claim("c", "a", claims.Proposition(claims.Text("x"), "p", claims.Text("y")))]
    )  # fmt: skip
    chart = _svg.timeline(dossier, moments, {"a": "a1"}, {"c": "t1"})
    assert chart.count('<g class="bar') == 2
