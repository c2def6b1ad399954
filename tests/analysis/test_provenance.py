"""Quotes against their sources' text: verification, re-anchoring, fingerprints."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

import claims
from claims import Quote, Source, fingerprint
from claims.analysis.quotes import (
    QuoteState,
    SourceState,
    check_quote,
    check_source,
    reanchor,
    verify_quotes,
)


def test_every_seed_quote_is_verified_against_the_article(seed_path: Path, article: str) -> None:
    report = verify_quotes(claims.load(seed_path), {"aj-article": article})
    assert report.ok
    assert report.quotes
    assert {q.state for q in report.quotes} == {QuoteState.VERIFIED}
    assert [s.state for s in report.sources] == [SourceState.UNCHANGED]


def test_moved_and_missing_quotes_are_reported(seed_path: Path, article: str) -> None:
    edited = "Updated: " + article.replace("six wounded", "six injured")
    report = verify_quotes(claims.load(seed_path), {"aj-article": edited})
    assert not report.ok
    assert [(q.claim, q.where) for q in report.missing] == [("reuters-wounded", "quotes[0]")]
    assert report.moved
    for q in report.moved:
        assert q.anchored is not None
        assert q.shift == len("Updated: ")
        assert edited[q.anchored.start : q.anchored.end] == q.quote.exact
    assert [s.state for s in report.changed] == [SourceState.CHANGED]


def test_hop_quotes_are_checked_too(seed_path: Path, article: str) -> None:
    report = verify_quotes(claims.load(seed_path), {"aj-article": article})
    assert any(q.where == "chain[0].quote" for q in report.quotes)


def test_the_occurrence_with_matching_context_wins() -> None:
    text = "A said no. B said yes. C said no."
    second = Quote.find(text, "said no", source="s", occurrence=2)
    moved = reanchor(second, "xx" + text.replace("A said no", "A said no!"))
    assert moved is not None
    assert moved.prefix.endswith("C ")


def test_a_quote_whose_words_are_gone_is_missing() -> None:
    q = Quote.find("the total was not clear", "not clear", source="s")
    assert check_quote(q, "the total was 4").state is QuoteState.MISSING
    assert reanchor(q, "the total was 4") is None


def test_source_fingerprints() -> None:
    recorded = Source("s", "S", sha256=fingerprint("text"))
    assert check_source(recorded, "text").state is SourceState.UNCHANGED
    assert check_source(recorded, "text!").state is SourceState.CHANGED
    assert check_source(Source("s", "S"), "text").state is SourceState.UNRECORDED


@given(
    st.text(max_size=40),
    st.text(min_size=1, max_size=20).filter(str.strip),
    st.text(max_size=40),
    st.text(max_size=40),
)
def test_text_inserted_before_a_quote_moves_it_by_that_much(
    before: str, exact: str, after: str, inserted: str
) -> None:
    text = before + exact + after
    q = (
        Quote.find(text, exact, source="s", occurrence=before.count(exact) + 1)
        if exact not in before
        else None
    )
    assume(q is not None and q.start == len(before))
    assert q is not None
    moved = reanchor(q, inserted + text)
    assert moved is not None
    assert moved.exact == exact
    assert (inserted + text)[moved.start : moved.end] == exact
