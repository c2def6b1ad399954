"""Short notebook views of records and answers, and the tables in memory."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given, settings

import claims
import claims.views
from claims import analysis, parquet, strategies
from claims.exceptions import ClaimsError
from support import SEED
from views_support import Page, hostile_dossier


@pytest.fixture(scope="module")
def seed() -> claims.Dossier:
    return claims.load(SEED)


def test_claim_views_read_as_a_sentence(seed: claims.Dossier) -> None:
    claim = seed.claim("reuters-killed")
    sentence = (
        "Reuters asserts the drone strike on the PMF headquarters in Baghdad casualties "
        "4 PMF members killed, via Al Jazeera (reported)"
    )
    assert claims.views.summary(claim, seed) == sentence
    assert f"<strong>{sentence}</strong>" in claims.views.claim_html(claim, seed)
    assert "<blockquote>“four PMF members were killed”</blockquote>" in claims.views.claim_html(
        claim, seed
    )
    assert claims.views.claim_markdown(claim, seed).startswith(f"**{sentence}**")
    assert "assessed: B3, likely, moderate confidence" in claims.views.claim_markdown(claim, seed)
    # Without the dossier, ids stand in for names.
    assert claims.views.summary(claim).startswith("reuters asserts strike casualties 4 PMF")
    assert len(claims.views.claim_html(claim)) < 400


def test_every_answer_has_a_summary(seed: claims.Dossier) -> None:
    answers: list[Any] = [
        seed,
        seed.actor("iraq-pmo"),
        seed.source("aj-article"),
        seed.event("strike"),
        seed.links[0],
        analysis.corroboration(seed, "pmo-aggression"),
        *analysis.silences(seed),
        *analysis.uncertainties(seed),
        analysis.current(seed),
        analysis.timeline(seed)[0],
        analysis.provenance(seed, "reuters-killed"),
    ]
    words = [claims.views.summary(a, seed) for a in answers]
    assert words[0] == "Dossier: 23 actors, 1 source, 7 events, 41 claims, 4 links"
    assert words[1] == (
        "Office of Prime Minister Mohammed Shia al-Sudani (government body, part of "
        "Government of Iraq)"
    )
    assert words[5] == (
        "pmo-aggression: 1 independent origin (Office of Prime Minister Mohammed Shia "
        "al-Sudani, Iraqi Ministry of Foreign Affairs)"
    )
    assert words[6].startswith("US officials made no comment on US-led international coalition")
    assert words[7].startswith("US-led international coalition: accused, no answer recorded")
    assert all(len(w) < 200 for w in words)
    for answer in answers:
        assert type(answer) in claims.views.RECORD_TYPES
        assert claims.views.record_html(answer, seed).startswith(("<p>", "<div>"))
        assert claims.views.record_markdown(answer, seed)
    with pytest.raises(TypeError, match="no summary for int"):
        claims.views.summary(3)


def test_contradiction_summary() -> None:
    dossier, _ = hostile_dossier(["x"])
    found = analysis.contradictions(dossier)[0]
    assert claims.views.summary(found, dossier) == "x1 vs x2: figures that do not overlap: " + (
        found.detail
    )


def test_dispute_summaries() -> None:
    dossier, _ = hostile_dossier(["x"])
    [dispute] = analysis.disputes(dossier)
    first, second = dispute.positions
    words = claims.views.summary(dispute, dossier)
    assert words.endswith(
        f"2 positions ({claims.views.summary(first, dossier)}; "
        f"{claims.views.summary(second, dossier)})"
    )
    assert claims.views.summary(first, dossier).endswith(": 1 claim, 1 independent origin")
    [reason] = dispute.reasons
    assert claims.views.summary(reason, dossier) == (
        f"position 1 vs 2: figures that do not overlap: {reason.detail}"
    )
    for answer in (dispute, first, reason):
        assert type(answer) in claims.views.RECORD_TYPES
        assert claims.views.record_html(answer, dossier).startswith("<p>")


def test_dossier_views_are_short(seed: claims.Dossier) -> None:
    text = claims.views.dossier_markdown(seed)
    assert text.splitlines()[0] == "**Dossier**: 23 actors, 1 source, 7 events, 41 claims, 4 links"
    assert "- 4 silences or unanswered accusations" in text
    assert "- … and 36 more" in text
    assert len(text.splitlines()) < 20
    assert "<li>… and 36 more</li>" in claims.views.dossier_html(seed)


@given(strategies.dossiers(max_claims=3))
@settings(max_examples=30)
def test_notebook_html_is_inert(dossier: claims.Dossier) -> None:
    views = [claims.views.dossier_html(dossier)]
    views += [claims.views.claim_html(c, dossier) for c in dossier.claims.values()]
    views += [claims.views.record_html(a, dossier) for a in dossier.actors.values()]
    for view in views:
        page = Page(view)
        assert page.scripts == []
        assert {t for t, _ in page.tags} <= {"div", "p", "strong", "blockquote", "code", "ul", "li"}
        assert all(not attrs for _, attrs in page.tags)


def test_hostile_claim_html_is_text() -> None:
    dossier, _ = hostile_dossier()
    for claim in dossier.claims.values():
        page = Page(claims.views.claim_html(claim, dossier))
        assert {t for t, _ in page.tags} <= {"div", "p", "strong", "blockquote", "code"}


class _Formatter:
    def __init__(self) -> None:
        self.types: dict[type, Any] = {}

    def for_type(self, cls: type, func: Any) -> None:
        self.types[cls] = func


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type(
            "F", (), {"formatters": {"text/html": _Formatter(), "text/markdown": _Formatter()}}
        )()


def test_register_installs_the_displays(seed: claims.Dossier) -> None:
    shell = _Shell()
    claims.views.register(shell)
    html = shell.display_formatter.formatters["text/html"].types
    markdown = shell.display_formatter.formatters["text/markdown"].types
    assert set(html) == set(markdown) == set(claims.views.RECORD_TYPES)
    assert html[claims.Claim](seed.claim("reuters-killed")).startswith("<div><p><strong>reuters")
    assert markdown[claims.Dossier](seed).startswith("**Dossier**")


def test_to_arrow_gives_the_parquet_tables(seed: claims.Dossier) -> None:
    tables = claims.views.to_arrow(seed)
    assert sorted(tables) == sorted(parquet.SCHEMAS.keys())
    for name, table in tables.items():
        assert table.schema.equals(parquet.SCHEMAS[name]), name
    rows = {name: table.num_rows for name, table in tables.items()}
    assert rows == {
        "actors": 23,
        "sources": 1,
        "events": 7,
        "claims": 41,
        "links": 4,
        "hops": sum(len(c.chain) for c in seed.claims.values()),
        "quotes": sum(len(c.quotes) for c in seed.claims.values()),
        "reviews": 0,
    }
    assert tables["claims"].column("id").to_pylist() == list(seed.claims)


@pytest.mark.parametrize(("view", "module"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_dataframes_through_arrow(seed: claims.Dossier, view: str, module: str) -> None:
    frames = getattr(claims.views, view)(seed)
    assert {name: len(frame) for name, frame in frames.items()}["claims"] == 41
    assert list(frames["claims"].columns) == parquet.SCHEMAS["claims"].names
    assert type(frames["claims"]).__module__.split(".")[0] == module


@pytest.mark.parametrize(("view", "module"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_a_missing_dataframe_library_is_a_clear_error(
    seed: claims.Dossier, view: str, module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import of it fails, as when not installed
    with pytest.raises(ClaimsError, match=f"this view needs {module}: pip install {module}"):
        getattr(claims.views, view)(seed)
    with pytest.raises(ClaimsError, match=f"pip install {module}"):
        getattr(seed, view)()


def test_importing_claims_gives_notebook_displays(seed: claims.Dossier) -> None:
    """IPython's own formatter finds the HTML and Markdown with nothing registered."""
    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    claim = seed.claim("reuters-killed")
    answers: list[Any] = [
        seed,
        claim,
        seed.actor("pmf"),
        seed.source("aj-article"),
        seed.event("strike"),
        seed.links[0],
        analysis.corroboration(seed, "pmo-aggression"),
        *analysis.silences(seed),
        analysis.current(seed),
        analysis.timeline(seed)[0],
        analysis.provenance(seed, "reuters-killed"),
    ]
    for answer in answers:
        data, _ = formatter.format(answer)
        assert data["text/html"] == claims.views.record_html(answer)
        assert data["text/markdown"] == claims.views.record_markdown(answer)
        assert data["text/plain"] == repr(answer)
    data, _ = formatter.format(claim)
    assert data["text/html"].startswith("<div><p><strong>reuters asserts strike casualties 4 PMF")
    assert formatter.format(seed)[0]["text/markdown"].startswith(
        "**Dossier**: 23 actors, 1 source, 7 events, 41 claims, 4 links"
    )


def test_records_without_a_view_have_no_display(seed: claims.Dossier) -> None:
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(seed.claim("reuters-killed").proposition)
    assert set(data) == {"text/plain"}


def test_the_dossier_has_the_table_methods(seed: claims.Dossier) -> None:
    tables = seed.to_arrow()
    assert sorted(tables) == sorted(parquet.SCHEMAS)
    assert all(t.equals(claims.views.to_arrow(seed)[n]) for n, t in tables.items())
    for method in ("to_pandas", "to_polars"):
        assert len(getattr(seed, method)()["claims"]) == 41
