"""Terminal-safe text, the escaping of the views, and the Markdown briefing."""

from __future__ import annotations

import codecs
import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import claims
import claims.views
from claims import strategies
from claims._terminal import BIDI_CONTROLS, is_unsafe
from claims.views import _escape, terminal_safe
from support import SEED
from views_support import PAYLOADS, hostile_dossier, hostile_text

UNSAFE = st.sampled_from(
    [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + ["\u2028", "\u2029", *BIDI_CONTROLS]
)
ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|n|r|t)")


@given(st.text())
def test_terminal_safe_leaves_nothing_that_acts_on_a_terminal(text: str) -> None:
    assert not any(is_unsafe(c) for c in terminal_safe(text))


@given(st.text().filter(lambda t: not any(map(is_unsafe, t))))
def test_terminal_safe_keeps_safe_text_as_it_is(text: str) -> None:
    assert terminal_safe(text) == text


@given(UNSAFE)
def test_each_unsafe_character_becomes_its_escape(char: str) -> None:
    shown = terminal_safe(char)
    assert ESCAPE.fullmatch(shown)
    assert codecs.decode(shown, "unicode_escape") == char


@given(st.lists(st.text(max_size=5).filter(lambda t: "\\" not in t) | UNSAFE), st.sets(UNSAFE))
def test_terminal_safe_keeps_what_it_is_asked_to(parts: list[str], keep: set[str]) -> None:
    text = "".join(parts)
    kept = "".join(keep)
    shown = terminal_safe(text, keep=kept)
    assert [c for c in shown if is_unsafe(c)] == [c for c in text if c in keep]
    # Written back, each escape is the character it stands for.
    pieces = ESCAPE.split(shown)
    assert "".join(pieces) == "".join(c for c in text if not is_unsafe(c) or c in keep)


def test_a_forged_line_stays_on_one_line() -> None:
    shown = terminal_safe("\x1b[2J\x07\x00\n  everything is fine: valid\u202e")
    assert shown == "\\x1b[2J\\x07\\x00\\n  everything is fine: valid\\u202e"
    assert "\n" not in shown


@given(st.text())
def test_html_text_is_inert_and_reads_back(text: str) -> None:
    escaped = _escape.text(text)
    assert not set(escaped) & set("<>\"'")
    assert html.unescape(escaped) == terminal_safe(text, keep="\n\t")
    assert not set(_escape.attr(text)) & set("<>\"'\n\t")


@given(st.text())
def test_markdown_text_has_every_special_character_escaped(text: str) -> None:
    escaped = _escape.markdown(text)
    assert "\n" not in escaped
    unescaped = re.sub(r"\\(.)", "", escaped)
    assert not set(unescaped) & set("\\`*_[]<>|~&")


def test_markdown_briefing_leads_with_findings() -> None:
    text = claims.views.markdown(claims.load(SEED))
    heads = [line for line in text.splitlines() if line.startswith("#")]
    assert heads[1:5] == [
        "## Findings",
        "### Contradictions",
        "### Silences and unanswered accusations",
        "### Corroboration",
    ]
    assert heads.index("## Who claimed what") > heads.index("### Corroboration")
    assert "- **US-led international coalition**: accused, no answer recorded" in text
    assert "### Reuters (2 claims)" in text


@given(st.lists(hostile_text, min_size=1, max_size=11))
@settings(max_examples=50)
def test_markdown_briefing_of_hostile_dossier_is_inert(words: list[str]) -> None:
    dossier, _ = hostile_dossier(words)
    text = claims.views.markdown(dossier)
    assert re.search(r"(?<!\\)[<\[]", text) is None  # no HTML, no link can start
    assert not any(is_unsafe(c) for c in text.replace("\n", ""))


@given(strategies.dossiers())
@settings(max_examples=30)
def test_any_dossier_has_a_markdown_briefing(dossier: claims.Dossier) -> None:
    text = claims.views.markdown(dossier)
    assert text.count("\n## ") == 2
    for actor in dossier.actors.values():
        said = len(dossier.claims_by(actor.id))
        heading = f"### {_escape.markdown(actor.name)} ({said} claim"
        assert (heading in text) == (said > 0)


def test_payloads_are_shown_in_markdown_as_their_words() -> None:
    dossier, _ = hostile_dossier()
    text = claims.views.markdown(dossier)
    assert _escape.markdown(PAYLOADS[7]) in text
