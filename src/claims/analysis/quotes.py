"""Quotes against their sources' text: verify, re-anchor, notice changes.

(Formerly ``claims.provenance``, a name that now means only the chain of
relays: `claims.analysis.provenance`.)

A `Quote` holds the exact words, their offsets and a little text either side.
When a source's text is edited the offsets go stale; the exact words plus
that context find the quote again, and what cannot be found is reported.

>>> from claims import Quote
>>> old = "Iraq blames US-led coalition for deadly drone strike"
>>> q = Quote.find(old, "US-led coalition", source="article")
>>> new = "UPDATE: " + old
>>> check_quote(q, new).state
<QuoteState.MOVED: 'moved'>
>>> check_quote(q, new).anchored.start
20
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping

import attrs

from .._model import Quote, Source, fingerprint
from ..dossier import Dossier

__all__ = [
    "QuoteCheck",
    "QuoteReport",
    "QuoteState",
    "SourceCheck",
    "SourceState",
    "check_quote",
    "check_source",
    "reanchor",
    "verify_quotes",
]


class QuoteState(enum.Enum):
    """What became of a quote in its source's text."""

    VERIFIED = "verified"
    """The exact words are at the quote's offsets."""
    MOVED = "moved"
    """The exact words are elsewhere; `QuoteCheck.anchored` has the new offsets."""
    MISSING = "missing"
    """The exact words are no longer in the text."""


class SourceState(enum.Enum):
    """Whether a source's text is the text that was fingerprinted."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    UNRECORDED = "unrecorded"
    """The source has no fingerprint to compare with."""


@attrs.frozen
class QuoteCheck:
    """One quote checked against its source's text.

    Attributes:
        state: Verified, moved or missing.
        quote: The quote as recorded.
        anchored: The quote as it is in the text now (the same quote when
            verified, new offsets and context when moved, ``None`` when missing).
        claim: The id of the claim the quote belongs to, if any.
        where: Where in the claim: ``"quotes[0]"``, ``"chain[1].quote"``.
    """

    state: QuoteState
    quote: Quote
    anchored: Quote | None
    claim: str | None = None
    where: str | None = None

    @property
    def shift(self) -> int | None:
        """How many characters the quote moved (``None`` when missing)."""
        return None if self.anchored is None else self.anchored.start - self.quote.start


@attrs.frozen
class SourceCheck:
    """A source's text compared with its stored fingerprint.

    Attributes:
        source: The source's id.
        state: Unchanged, changed, or no fingerprint recorded.
        recorded: The stored sha256 (`Source.sha256`).
        actual: The sha256 of the text given.
    """

    source: str
    state: SourceState
    recorded: str | None
    actual: str


@attrs.frozen
class QuoteReport:
    """Every quote checked against the texts given.

    Attributes:
        sources: Each source whose text was given, against its fingerprint.
        quotes: Each quote in those sources, in dossier order.
    """

    sources: tuple[SourceCheck, ...]
    quotes: tuple[QuoteCheck, ...]

    @property
    def moved(self) -> tuple[QuoteCheck, ...]:
        """Quotes found again elsewhere in the text."""
        return tuple(q for q in self.quotes if q.state is QuoteState.MOVED)

    @property
    def missing(self) -> tuple[QuoteCheck, ...]:
        """Quotes whose words are gone."""
        return tuple(q for q in self.quotes if q.state is QuoteState.MISSING)

    @property
    def changed(self) -> tuple[SourceCheck, ...]:
        """Sources whose text no longer matches its fingerprint."""
        return tuple(s for s in self.sources if s.state is SourceState.CHANGED)

    @property
    def ok(self) -> bool:
        """Whether every quote is where it was and no source has changed."""
        return not self.changed and all(q.state is QuoteState.VERIFIED for q in self.quotes)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def reanchor(quote: Quote, text: str) -> Quote | None:
    """The quote found again in `text`, or ``None`` if its words are gone.

    Every occurrence of the exact words is scored by how much of the
    recorded prefix and suffix surrounds it; the best wins, and among equals
    the one nearest the old offset. The new quote keeps the recorded amount of
    context, taken from `text`.

    Args:
        quote: The quote as recorded.
        text: The source's text now.
    """
    if quote.matches(text):
        return quote
    exact, size = quote.exact, len(quote.exact)
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    at = text.find(exact)
    while at >= 0:
        before = text[max(0, at - len(quote.prefix)) : at]
        after = text[at + size : at + size + len(quote.suffix)]
        score = _common_suffix(quote.prefix, before) + _common_prefix(quote.suffix, after)
        candidate = (-score, abs(at - quote.start), at)
        if best is None or candidate < best:
            best = candidate
        at = text.find(exact, at + 1)
    if best is None:
        return None
    start = best[2]
    end = start + size
    return attrs.evolve(
        quote,
        start=start,
        end=end,
        prefix=text[max(0, start - len(quote.prefix)) : start],
        suffix=text[end : end + len(quote.suffix)],
    )


def check_quote(
    quote: Quote, text: str, *, claim: str | None = None, where: str | None = None
) -> QuoteCheck:
    """Check one quote against its source's `text`.

    Args:
        quote: The quote.
        text: Its source's text.
        claim: The id of the claim it belongs to, for the report.
        where: Where in that claim, for the report.
    """
    if quote.matches(text):
        return QuoteCheck(QuoteState.VERIFIED, quote, quote, claim, where)
    anchored = reanchor(quote, text)
    state = QuoteState.MISSING if anchored is None else QuoteState.MOVED
    return QuoteCheck(state, quote, anchored, claim, where)


def check_source(source: Source, text: str) -> SourceCheck:
    """Compare `text` with the fingerprint stored in `source`."""
    actual = fingerprint(text)
    if source.sha256 is None:
        state = SourceState.UNRECORDED
    else:
        state = SourceState.UNCHANGED if source.sha256 == actual else SourceState.CHANGED
    return SourceCheck(source.id, state, source.sha256, actual)


def _quotes(dossier: Dossier) -> Iterator[tuple[str, str, Quote]]:
    for claim in dossier.claims.values():
        for i, quote in enumerate(claim.quotes):
            yield claim.id, f"quotes[{i}]", quote
        for i, hop in enumerate(claim.chain):
            if hop.quote is not None:
                yield claim.id, f"chain[{i}].quote", hop.quote


def verify_quotes(dossier: Dossier, texts: Mapping[str, str]) -> QuoteReport:
    """Check every quote of `dossier` whose source's text is in `texts`.

    Args:
        dossier: The dossier.
        texts: Source texts by source id.

    Raises:
        UnknownIdError: A key of `texts` is not a source of the dossier.
    """
    sources = tuple(check_source(dossier.source(sid), text) for sid, text in texts.items())
    quotes = tuple(
        check_quote(quote, texts[quote.source], claim=cid, where=where)
        for cid, where, quote in _quotes(dossier)
        if quote.source in texts
    )
    return QuoteReport(sources, quotes)
