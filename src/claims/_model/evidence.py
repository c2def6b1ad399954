"""How we know: the sources, the exact words quoted from them, and the reporting chain.

The third layer of a claim. A `Claim` carries its `Quote` records and its
chain of `Hop` records; a `Source` is a record of its own, named by id.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

import attrs

from .._cut import cut
from .._display import Displayed
from .._words import short_repr
from ..exceptions import InvalidValueError
from . import _validators as v
from .identifier import Identifier, distinct_identifiers
from .when import When

__all__ = ["Hop", "Quote", "Source", "fingerprint"]


def fingerprint(text: str) -> str:
    """The sha256 of `text` (UTF-8), as stored in `Source.sha256`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _published_resolved(_: object, published: When | None) -> str | None:
    if published is not None and not published.resolved:
        return (
            f"{published.words!r} is unresolved; a source's publication time is the "
            "reference other times are read against, so it needs a date"
        )
    return None


@attrs.frozen
class Source(Displayed):
    """A document: an article, a statement, a broadcast.

    Attributes:
        id: Unique within a dossier.
        title: The document's title.
        publisher: The id of the actor that published it.
        url: Where it can be found.
        published: When it was published, as precisely as known (a
            date: never a time left unresolved, as it is the reference the
            words of other times are read against).
        retrieved: When the analyst retrieved it (timezone-aware).
        sha256: A fingerprint of its text (`fingerprint`), to notice when
            the text changes under the quotes.
        identifiers: Where else the document is known (``doi``, a
            Wikidata item, ...), each an `Identifier`, none given twice; left
            out of the repr, which stays short.
    """

    __repr__ = short_repr

    id: str = attrs.field(validator=v.nonempty_str)
    title: str = attrs.field(validator=v.nonempty_str)
    publisher: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    url: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))
    published: When | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(
            v.optional(v.instance_of(When)),
            v.SaidRule(
                _published_resolved,
                then={
                    "properties": {
                        "published": {
                            "anyOf": [{"type": "null"}, {"properties": {"at": {"type": "string"}}}]
                        }
                    }
                },
            ),
        ),
    )
    retrieved: datetime | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.aware_datetime)
    )
    sha256: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.sha256_hex))
    identifiers: tuple[Identifier, ...] = attrs.field(
        kw_only=True,
        default=(),
        repr=False,
        converter=v.to_tuple,
        validator=v.all_of(v.each(v.instance_of(Identifier)), v.Rule(distinct_identifiers)),
    )


def _spans_exact(quote: Quote, end: int) -> str | None:
    if end < quote.start:
        return f"offset {end} is before its start offset {quote.start}"
    if end - quote.start != len(quote.exact):
        return (
            f"{end} makes the offsets {quote.start}..{end} span "
            f"{end - quote.start} characters but the exact text has {len(quote.exact)}"
        )
    return None


@attrs.frozen
class Quote:
    """The exact words of a claim, anchored in a source.

    Modelled on the W3C Web Annotation ``TextQuoteSelector`` and
    ``TextPositionSelector``: the exact text, its character offsets
    (``text[start:end] == exact``), and some text before and after it so the
    quote can be found again if the source shifts.

    Attributes:
        source: The id of the source the words are in.
        exact: The words, exactly.
        start: Offset of the first character in the source's text.
        end: Offset just past the last character.
        prefix: Text just before the quote.
        suffix: Text just after the quote.

    >>> text = "Iraq blames US-led coalition for deadly drone strike"
    >>> q = Quote.find(text, "US-led coalition", source="article")
    >>> (q.start, q.end, q.prefix, q.suffix)
    (12, 28, 'Iraq blames ', ' for deadly drone strike')
    >>> q.matches(text)
    True
    """

    __repr__ = short_repr

    source: str = attrs.field(validator=v.nonempty_str)
    exact: str = attrs.field(validator=v.nonempty_str)
    start: int = attrs.field(validator=v.offset)
    end: int = attrs.field(validator=v.all_of(v.offset, v.Rule(_spans_exact)))
    prefix: str = attrs.field(kw_only=True, default="", validator=v.any_str, repr=False)
    suffix: str = attrs.field(kw_only=True, default="", validator=v.any_str, repr=False)

    @classmethod
    def find(
        cls,
        text: str,
        exact: str,
        *,
        source: str,
        occurrence: int = 1,
        context: int = 32,
    ) -> Quote:
        """Anchor `exact` in `text`, the way an analyst highlights it.

        Args:
            text: The source's full text.
            exact: The words to quote.
            source: The source's id.
            occurrence: Which occurrence of `exact` to take, from 1.
            context: How many characters of prefix and suffix to keep.

        Raises:
            InvalidValueError: `exact` does not occur `occurrence` times.
        """
        start = -1
        for _ in range(max(occurrence, 1)):
            start = text.find(exact, start + 1)
            if start < 0:
                raise InvalidValueError(
                    f"{cut(exact, limit=60)} does not occur {occurrence} time(s) "
                    f"in the text of source {cut(source)}"
                )
        end = start + len(exact)
        return cls(
            source=source,
            exact=exact,
            start=start,
            end=end,
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
        )

    def matches(self, text: str) -> bool:
        """Whether `text` holds the exact words at the quote's offsets."""
        return text[self.start : self.end] == self.exact


def _quote_in_source(hop: Hop, quote: Quote | None) -> str | None:
    if quote is not None and hop.source is not None and quote.source != hop.source:
        return (
            f"is from source {cut(quote.source)} but the hop by "
            f"{cut(hop.reporter)} cites source {cut(hop.source)}"
        )
    return None


@attrs.frozen
class Hop:
    """One relay in a claim's reporting chain.

    A claim's chain lists who passed it on to us, outermost first: for
    Reuters' casualty figures read in an Al Jazeera article, the chain is
    one hop, Al Jazeera, with the cue "reported".

    Attributes:
        reporter: The id of the actor who relayed the claim.
        cue: The reporter's words for how it got the claim: ``"said in a
            statement"``, ``"reported"``, ``"according to"``, ``"told"``.
        source: The id of the document in which the reporter says so.
        quote: The reporter's exact words, where there are some.
    """

    __repr__ = short_repr

    reporter: str = attrs.field(validator=v.nonempty_str)
    cue: str = attrs.field(validator=v.nonempty_str)
    source: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    quote: Quote | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(v.optional(v.instance_of(Quote)), v.Rule(_quote_in_source)),
    )
