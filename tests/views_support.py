"""Shared by the views tests: hostile dossiers and a strict reading of the briefing."""

from __future__ import annotations

from datetime import UTC
from html.parser import HTMLParser

from hypothesis import strategies as st

import claims

PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    '"><svg onload="window.__pwned = 1">',
    "' onmouseover='window.__pwned = 1' x='",
    "javascript:window.__pwned = 1",
    "</style><script>window.__pwned = 1</script>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:window.__pwned = 1">click</a>',
    "<iframe srcdoc='<script>parent.__pwned = 1</script>'></iframe>",
    "]]><!-- --><base href='https://example.com/'>",
    "\u202eevil\u202c \x1b[2J\x07\x00",
]
"""Strings that run script, or change the page, if they reach it unescaped."""

hostile_text = st.sampled_from(PAYLOADS) | st.builds(
    "".join, st.lists(st.sampled_from(PAYLOADS) | st.text(max_size=5), min_size=1, max_size=4)
)
"""Non-empty text made of payloads and any characters."""


def hostile_dossier(words: list[str] | None = None) -> tuple[claims.Dossier, dict[str, str]]:
    """A dossier whose every string, ids included, is a payload; and its source's text."""
    w = list(words or PAYLOADS)

    def pick(i: int) -> str:
        word = w[i % len(w)]
        return word if word.strip() else word + "x"

    a, b, c = pick(0), pick(1) + "b", pick(2) + "c"
    source = pick(3) + "s"
    text = f"{pick(4)} said {pick(5)} and {pick(6)}."
    quote = claims.Quote.find(text, pick(5), source=source)
    when = claims.When.day(2024, 1, 4, tz=UTC)
    records: list[claims.Record] = [
        claims.Actor(a, pick(7), aliases=(pick(8),)),
        claims.Actor(b, pick(9), part_of=a),
        claims.Actor(c, pick(10), affiliations=(claims.Affiliation(a, note=pick(0)),)),
        claims.Source(source, pick(1), publisher=c, url=pick(2)),
        claims.Event(pick(3) + "e", pick(4), when=when, where=pick(5)),
    ]
    prop = claims.Proposition(
        claims.EventRef(pick(3) + "e"),
        pick(6),
        claims.Quantity(4, unit=pick(7)),
        when=when,
        where=pick(8),
        qualifiers=(claims.Qualifier(pick(9), pick(10)),),
    )
    other = claims.Proposition(
        claims.EventRef(pick(3) + "e"), pick(6), claims.Quantity(9, unit=pick(7))
    )
    hop = claims.Hop(c, pick(0), source=source, quote=quote)
    assessment = claims.Assessment.from_rating("B2", rationale=pick(1), assessor=pick(2))
    records += [
        claims.Claim(
            pick(4) + "1",
            b,
            prop,
            quotes=(quote,),
            chain=(hop,),
            made=when,
            assessment=assessment,
            note=pick(3),
        ),
        claims.Claim(pick(5) + "2", a, other, chain=(claims.Hop(c, pick(6)),), made=when),
        claims.Claim(pick(6) + "3", a, prop, stance=claims.Stance.DENIES, note=pick(7)),
        claims.Claim(
            pick(7) + "4",
            c,
            claims.Proposition(claims.ActorRef(b), "responsible_for", claims.Text(pick(8))),
            made=when,
        ),
        claims.Claim(
            pick(8) + "5",
            a,
            claims.Proposition(claims.ActorRef(b), "responsible_for", claims.Text(pick(8))),
            stance=claims.Stance.NO_COMMENT,
        ),
        claims.Link(claims.LinkKind.SUPPORTS, pick(5) + "2", pick(4) + "1", note=pick(9)),
        claims.Link(claims.LinkKind.SUPERSEDES, pick(8) + "5", pick(6) + "3", note=pick(10)),
    ]
    return claims.Dossier(records), {source: text}


class Page(HTMLParser):
    """Every element, attribute, script and style of a page, and its text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)
