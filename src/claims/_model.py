"""The records: who, what, how we know, how much we believe.

Every record is an immutable, hashable ``attrs`` class that never points back
to a container; change one with `attrs.evolve`. Records refer to each other
by id (a `Claim` names its claimant by actor id); the `Dossier` checks that
those ids exist.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import attrs

from . import _validators as v
from .confidence import AnalyticConfidence, Credibility, Likelihood, Reliability
from .exceptions import InvalidValueError

__all__ = [
    "Actor",
    "ActorKind",
    "ActorRef",
    "Affiliation",
    "Assessment",
    "Claim",
    "Event",
    "EventRef",
    "Hop",
    "Link",
    "LinkKind",
    "NoValue",
    "Precision",
    "Proposition",
    "Qualifier",
    "Quantity",
    "Quote",
    "Source",
    "Stance",
    "Status",
    "StatusKind",
    "Subject",
    "Text",
    "Unknown",
    "Value",
    "When",
]


# --------------------------------------------------------------------------
# Who


class ActorKind(enum.Enum):
    """What sort of actor makes or relays a claim."""

    STATE = "state"
    GOVERNMENT_BODY = "government_body"
    MILITARY = "military"
    ARMED_GROUP = "armed_group"
    COALITION = "coalition"
    MEDIA_OUTLET = "media_outlet"
    NEWS_AGENCY = "news_agency"
    PERSON = "person"
    UNNAMED_COLLECTIVE = "unnamed_collective"
    OTHER = "other"


@attrs.frozen
class Affiliation:
    """A looser tie than `part_of`: backing, alignment, closeness.

    Attributes:
        actor: The id of the actor this one is affiliated with.
        note: How, in words: ``"considered close to"``, ``"Iran-backed"``.
    """

    actor: str = attrs.field(validator=v.nonempty_str)
    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


@attrs.frozen
class Actor:
    """Someone who claims or relays: a state, an office, an outlet, a person.

    Attributes:
        id: Unique within a dossier.
        name: The name as an analyst would write it.
        kind: What sort of actor it is.
        aliases: Other names (``"Hashd al-Shaabi"``).
        part_of: The id of the actor this one belongs to (a ministry is part
            of a government); claims of the part count as claims of the whole.
        affiliations: Looser ties, each with the other actor's id and a note.
        draft: Proposed by `claims.draft` and not yet accepted by an analyst.
    """

    id: str = attrs.field(validator=v.nonempty_str)
    name: str = attrs.field(validator=v.nonempty_str)
    kind: ActorKind = attrs.field(default=ActorKind.OTHER, validator=v.member_of(ActorKind))
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.nonempty_str)
    )
    part_of: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    affiliations: tuple[Affiliation, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Affiliation))
    )
    draft: bool = attrs.field(default=False, validator=v.instance_of(bool))

    @part_of.validator
    def _not_part_of_itself(self, attr: attrs.Attribute[Any], value: str | None) -> None:
        if value == self.id:
            raise InvalidValueError(f"Actor.part_of {value!r}: an actor cannot be part of itself")

    @affiliations.validator
    def _not_affiliated_with_itself(
        self, attr: attrs.Attribute[Any], value: tuple[Affiliation, ...]
    ) -> None:
        if any(a.actor == self.id for a in value):
            raise InvalidValueError(
                f"Actor.affiliations name {self.id!r}: an actor cannot be affiliated with itself"
            )


# --------------------------------------------------------------------------
# Time with precision


class Precision(enum.Enum):
    """How much of a `When` the text actually gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


_PRECISION_ORDER = {p: i for i, p in enumerate(Precision)}

# Fields that must be at their minimum for each precision.
_FINER_THAN: dict[Precision, tuple[str, ...]] = {
    Precision.YEAR: ("month", "day", "hour", "minute", "second", "microsecond"),
    Precision.MONTH: ("day", "hour", "minute", "second", "microsecond"),
    Precision.DAY: ("hour", "minute", "second", "microsecond"),
    Precision.HOUR: ("minute", "second", "microsecond"),
    Precision.MINUTE: ("second", "microsecond"),
    Precision.SECOND: ("microsecond",),
}
_MINIMUM = {"month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0, "microsecond": 0}


def _truncate(at: datetime, precision: Precision) -> datetime:
    fields: dict[str, Any] = {name: _MINIMUM[name] for name in _FINER_THAN[precision]}
    return at.replace(**fields)


@attrs.frozen(order=False)
class When:
    """A point in time given no more precisely than the text gives it.

    "On Thursday" is a day, "last month" a month. ``at`` is the start of that
    period, timezone-aware, with every finer field at its minimum.

    Attributes:
        at: The start of the period, timezone-aware.
        precision: How much of ``at`` is known.

    >>> from datetime import timezone, timedelta
    >>> baghdad = timezone(timedelta(hours=3))
    >>> thursday = When.day(2024, 1, 4, tz=baghdad)
    >>> str(thursday)
    '2024-01-04'
    >>> thursday.end - thursday.start
    datetime.timedelta(days=1)
    """

    at: datetime = attrs.field(validator=v.aware_datetime)
    precision: Precision = attrs.field(default=Precision.SECOND, validator=v.member_of(Precision))

    @precision.validator
    def _no_false_precision(self, attr: attrs.Attribute[Any], value: Precision) -> None:
        finer = [n for n in _FINER_THAN[value] if getattr(self.at, n) != _MINIMUM[n]]
        if finer:
            raise InvalidValueError(
                f"When at {self.at.isoformat()} has {value.value} precision "
                f"but sets {', '.join(finer)}; use When.of() to truncate"
            )

    @classmethod
    def of(cls, at: datetime, precision: Precision) -> When:
        """The `When` of `precision` that contains `at`."""
        return cls(_truncate(at, precision), precision)

    @classmethod
    def year(cls, year: int, *, tz: tzinfo = UTC) -> When:
        """A whole year ("in 2023")."""
        return cls(datetime(year, 1, 1, tzinfo=tz), Precision.YEAR)

    @classmethod
    def month(cls, year: int, month: int, *, tz: tzinfo = UTC) -> When:
        """A whole month ("last month")."""
        return cls(datetime(year, month, 1, tzinfo=tz), Precision.MONTH)

    @classmethod
    def day(cls, year: int, month: int, day: int, *, tz: tzinfo = UTC) -> When:
        """A whole day ("on Thursday")."""
        return cls(datetime(year, month, day, tzinfo=tz), Precision.DAY)

    @property
    def start(self) -> datetime:
        """The first instant of the period."""
        return self.at

    @property
    def end(self) -> datetime:
        """The first instant after the period."""
        at = self.at
        if self.precision is Precision.YEAR:
            return at.replace(year=at.year + 1)
        if self.precision is Precision.MONTH:
            if at.month == 12:
                return at.replace(year=at.year + 1, month=1)
            return at.replace(month=at.month + 1)
        step = {
            Precision.DAY: timedelta(days=1),
            Precision.HOUR: timedelta(hours=1),
            Precision.MINUTE: timedelta(minutes=1),
            Precision.SECOND: timedelta(seconds=1),
        }[self.precision]
        return at + step

    def is_finer_than(self, other: When) -> bool:
        """Whether this time is given more precisely than `other`."""
        return _PRECISION_ORDER[self.precision] > _PRECISION_ORDER[other.precision]

    def __str__(self) -> str:
        at = self.at
        if self.precision is Precision.YEAR:
            return f"{at.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{at.year:04d}-{at.month:02d}"
        if self.precision is Precision.DAY:
            return at.date().isoformat()
        spec = {
            Precision.HOUR: "hours",
            Precision.MINUTE: "minutes",
            Precision.SECOND: "seconds",
        }[self.precision]
        return at.isoformat(timespec=spec)


# --------------------------------------------------------------------------
# How we know: sources, quotes and the reporting chain


def fingerprint(text: str) -> str:
    """The sha256 of `text` (UTF-8), as stored in `Source.sha256`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@attrs.frozen
class Source:
    """A document: an article, a statement, a broadcast.

    Attributes:
        id: Unique within a dossier.
        title: The document's title.
        publisher: The id of the actor that published it.
        url: Where it can be found.
        published: When it was published, as precisely as known.
        retrieved: When the analyst retrieved it (timezone-aware).
        sha256: A fingerprint of its text (`fingerprint`), to notice when
            the text changes under the quotes.
    """

    id: str = attrs.field(validator=v.nonempty_str)
    title: str = attrs.field(validator=v.nonempty_str)
    publisher: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    url: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    published: When | None = attrs.field(default=None, validator=v.optional(v.instance_of(When)))
    retrieved: datetime | None = attrs.field(default=None, validator=v.optional(v.aware_datetime))
    sha256: str | None = attrs.field(default=None, validator=v.optional(v.sha256_hex))


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

    source: str = attrs.field(validator=v.nonempty_str)
    exact: str = attrs.field(validator=v.nonempty_str)
    start: int = attrs.field(validator=v.non_negative_int)
    end: int = attrs.field(validator=v.non_negative_int)
    prefix: str = attrs.field(default="", validator=v.any_str)
    suffix: str = attrs.field(default="", validator=v.any_str)

    @end.validator
    def _spans_exact(self, attr: attrs.Attribute[Any], value: int) -> None:
        if value < self.start:
            raise InvalidValueError(
                f"Quote.end offset {value} is before its start offset {self.start}"
            )
        if value - self.start != len(self.exact):
            raise InvalidValueError(
                f"Quote.end {value} makes the offsets {self.start}..{value} span "
                f"{value - self.start} characters but the exact text has {len(self.exact)}"
            )

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
                    f"{exact[:60]!r} does not occur {occurrence} time(s) "
                    f"in the text of source {source!r}"
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

    reporter: str = attrs.field(validator=v.nonempty_str)
    cue: str = attrs.field(validator=v.nonempty_str)
    source: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    quote: Quote | None = attrs.field(default=None, validator=v.optional(v.instance_of(Quote)))

    @quote.validator
    def _quote_in_source(self, attr: attrs.Attribute[Any], value: Quote | None) -> None:
        if value is not None and self.source is not None and value.source != self.source:
            raise InvalidValueError(
                f"Hop.quote is from source {value.source!r} but the hop by "
                f"{self.reporter!r} cites source {self.source!r}"
            )


# --------------------------------------------------------------------------
# What: propositions and their tri-state values


@attrs.frozen
class ActorRef:
    """An actor named in a proposition, by id.

    Attributes:
        id: The actor's id.
    """

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class EventRef:
    """An event named in a proposition, by id.

    Attributes:
        id: The event's id.
    """

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Text:
    """A value given in words ("dangerous escalation and aggression").

    Attributes:
        value: The words.
    """

    value: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Quantity:
    """A number as the text gives it: exact, bounded or approximate.

    "four killed" is ``Quantity(4)``; "more than 100" is
    ``Quantity(lower=100, lower_open=True)``; "several" is approximate.

    Attributes:
        value: The number, where one is given.
        lower: The lower bound, if any.
        upper: The upper bound, if any.
        lower_open: Whether the lower bound is excluded ("more than").
        upper_open: Whether the upper bound is excluded ("fewer than").
        unit: What is counted or measured ("PMF members killed").
        approximate: Whether the text hedges ("about", "several").

    >>> Quantity(lower=100, lower_open=True).contains(101)
    True
    >>> Quantity(lower=100, lower_open=True).contains(100)
    False
    """

    value: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    lower: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    upper: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    lower_open: bool = attrs.field(default=False, validator=v.instance_of(bool))
    upper_open: bool = attrs.field(default=False, validator=v.instance_of(bool))
    unit: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    approximate: bool = attrs.field(default=False, validator=v.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        lo, hi, val = self.lower, self.upper, self.value
        if val is None and lo is None and hi is None:
            raise InvalidValueError("Quantity needs a value or at least one bound")
        if self.lower_open and lo is None:
            raise InvalidValueError("Quantity.lower_open is set but there is no lower bound")
        if self.upper_open and hi is None:
            raise InvalidValueError("Quantity.upper_open is set but there is no upper bound")
        if lo is not None and hi is not None:
            if lo > hi:
                raise InvalidValueError(f"Quantity lower bound {lo} is above its upper bound {hi}")
            if lo == hi and (self.lower_open or self.upper_open):
                raise InvalidValueError(
                    f"Quantity bounds {lo}..{hi} with an open end contain no number"
                )
        if val is not None and not self.contains(val):
            raise InvalidValueError(f"Quantity value {val} lies outside its own bounds")

    def contains(self, number: float) -> bool:
        """Whether `number` lies within the bounds (the value itself is not a bound)."""
        lo, hi = self.lower, self.upper
        if lo is not None and (number < lo or (self.lower_open and number == lo)):
            return False
        return not (hi is not None and (number > hi or (self.upper_open and number == hi)))


@attrs.frozen
class Unknown:
    """A known unknown: the text says the value is not known.

    Attributes:
        note: How the text puts it ("not immediately clear").
    """

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


@attrs.frozen
class NoValue:
    """An explicit none: the text says there is no such value.

    Attributes:
        note: How the text puts it ("no group has claimed responsibility").
    """

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


Subject = ActorRef | EventRef | Text
"""What a proposition is about."""

Value = ActorRef | EventRef | Text | Quantity | Unknown | NoValue
"""The object of a proposition: known (an actor, event, text or quantity),
unknown, or none."""

_SUBJECT_TYPES = (ActorRef, EventRef, Text)
_VALUE_TYPES = (ActorRef, EventRef, Text, Quantity, Unknown, NoValue)


@attrs.frozen
class Qualifier:
    """A further qualification of a proposition ("target": "headquarters").

    Attributes:
        name: What is qualified.
        value: The qualification, in words.
    """

    name: str = attrs.field(validator=v.nonempty_str)
    value: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Proposition:
    """What is claimed: subject, predicate, object, and qualifiers.

    Attributes:
        subject: What the proposition is about: an actor, an event or text.
        predicate: The relation, as a short snake_case word
            (``"responsible_for"``, ``"killed"``).
        object: The value: known (`ActorRef`, `EventRef`, `Text`,
            `Quantity`), `Unknown` or `NoValue`.
        when: When the proposition holds.
        where: Where it holds.
        qualifiers: Anything else that narrows it.
    """

    subject: Subject = attrs.field(validator=v.instance_of(*_SUBJECT_TYPES))
    predicate: str = attrs.field(validator=v.nonempty_str)
    object: Value = attrs.field(validator=v.instance_of(*_VALUE_TYPES))
    when: When | None = attrs.field(default=None, validator=v.optional(v.instance_of(When)))
    where: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    qualifiers: tuple[Qualifier, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Qualifier))
    )

    @property
    def is_known(self) -> bool:
        """Whether the object is a known value (not `Unknown`, not `NoValue`)."""
        return not isinstance(self.object, (Unknown, NoValue))


# --------------------------------------------------------------------------
# The claim


class Stance(enum.Enum):
    """What the claimant does with the proposition.

    A reported silence is a stance like any other: "there was no immediate
    comment from US officials" is US officials' `NO_COMMENT`.
    """

    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINED_TO_COMMENT = "declined_to_comment"
    NO_RESPONSE = "no_response"
    NO_COMMENT = "no_comment"
    UNCLEAR = "unclear"

    @property
    def is_silence(self) -> bool:
        """Whether the stance is a silence (declined, no response, no comment)."""
        return self in _SILENCES


_SILENCES = frozenset({Stance.DECLINED_TO_COMMENT, Stance.NO_RESPONSE, Stance.NO_COMMENT})


@attrs.frozen
class Assessment:
    """How much an analyst believes a claim, in four separate dimensions.

    The dimensions are never merged into one number. Every field is optional.

    Attributes:
        reliability: Admiralty source reliability, A to F.
        credibility: Admiralty information credibility, 1 to 6.
        likelihood: ICD 203 words of estimative probability.
        confidence: Analytic confidence: low, moderate or high.
        probability: A numeric probability in [0, 1].
        rationale: Why, in words.
        assessor: Who assessed.
        assessed_at: When (timezone-aware).
    """

    reliability: Reliability | None = attrs.field(
        default=None, validator=v.optional(v.member_of(Reliability))
    )
    credibility: Credibility | None = attrs.field(
        default=None, validator=v.optional(v.member_of(Credibility))
    )
    likelihood: Likelihood | None = attrs.field(
        default=None, validator=v.optional(v.member_of(Likelihood))
    )
    confidence: AnalyticConfidence | None = attrs.field(
        default=None, validator=v.optional(v.member_of(AnalyticConfidence))
    )
    probability: float | None = attrs.field(default=None, validator=v.optional(v.probability))
    rationale: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    assessor: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    assessed_at: datetime | None = attrs.field(default=None, validator=v.optional(v.aware_datetime))

    @classmethod
    def from_rating(
        cls,
        rating: str,
        *,
        likelihood: Likelihood | None = None,
        confidence: AnalyticConfidence | None = None,
        probability: float | None = None,
        rationale: str | None = None,
        assessor: str | None = None,
        assessed_at: datetime | None = None,
    ) -> Assessment:
        """An assessment from an Admiralty rating as analysts write it, such as ``"B2"``.

        Args:
            rating: Reliability letter then credibility digit; case and
                spaces are ignored (see `claims.confidence.parse_rating`).
            likelihood: As for the other fields of `Assessment`.
            confidence: As above.
            probability: As above.
            rationale: As above.
            assessor: As above.
            assessed_at: As above.

        Raises:
            InvalidValueError: `rating` is not an Admiralty rating.

        >>> Assessment.from_rating("b2", likelihood=Likelihood.LIKELY).notation()
        'B2, likely'
        """
        from .confidence import parse_rating

        reliability, credibility = parse_rating(rating)
        return cls(
            reliability=reliability,
            credibility=credibility,
            likelihood=likelihood,
            confidence=confidence,
            probability=probability,
            rationale=rationale,
            assessor=assessor,
            assessed_at=assessed_at,
        )

    def notation(self) -> str:
        """The assessment as analysts write it: ``"B2, likely, moderate confidence"``.

        >>> Assessment(Reliability.B, Credibility.PROBABLY_TRUE,
        ...            Likelihood.LIKELY, AnalyticConfidence.MODERATE).notation()
        'B2, likely, moderate confidence'
        """
        parts = []
        rating = (self.reliability.value if self.reliability else "") + (
            str(self.credibility.value) if self.credibility else ""
        )
        if rating:
            parts.append(rating)
        if self.likelihood is not None:
            parts.append(self.likelihood.label)
        if self.probability is not None:
            parts.append(f"p={self.probability:g}")
        if self.confidence is not None:
            parts.append(f"{self.confidence.label} confidence")
        return ", ".join(parts)


@attrs.frozen
class Claim:
    """Who claimed what, how we know, and how much we believe it.

    Attributes:
        id: Unique within a dossier.
        claimant: The id of the actor whose claim it is.
        proposition: What is claimed.
        stance: What the claimant does with it (asserts, denies, ...).
        quotes: The exact words, anchored in sources.
        chain: Who relayed the claim to us, outermost first.
        made: When the claimant made the claim.
        assessment: The analyst's judgement.
        note: Anything else worth keeping.
        draft: Proposed by `claims.draft` and not yet accepted by an analyst,
            who clears it (``attrs.evolve(claim, draft=False)``) on acceptance.
    """

    id: str = attrs.field(validator=v.nonempty_str)
    claimant: str = attrs.field(validator=v.nonempty_str)
    proposition: Proposition = attrs.field(validator=v.instance_of(Proposition))
    stance: Stance = attrs.field(default=Stance.ASSERTS, validator=v.member_of(Stance))
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Quote))
    )
    chain: tuple[Hop, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Hop))
    )
    made: When | None = attrs.field(default=None, validator=v.optional(v.instance_of(When)))
    assessment: Assessment | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Assessment))
    )
    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    draft: bool = attrs.field(default=False, validator=v.instance_of(bool))


@attrs.frozen
class Event:
    """Something that happened, which claims can be about.

    Attributes:
        id: Unique within a dossier.
        description: What happened, in a line.
        when: When it happened, as precisely as known.
        where: Where it happened.
    """

    id: str = attrs.field(validator=v.nonempty_str)
    description: str = attrs.field(validator=v.nonempty_str)
    when: When | None = attrs.field(default=None, validator=v.optional(v.instance_of(When)))
    where: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


class LinkKind(enum.Enum):
    """How one claim bears on another."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    SUPERSEDES = "supersedes"
    RETRACTS = "retracts"
    RESPONDS_TO = "responds_to"
    REPEATS = "repeats"


@attrs.frozen
class Link:
    """A typed link between two claims: ``claim`` *kind* ``target``.

    ``Link(LinkKind.SUPERSEDES, "toll-2", "toll-1")`` says the revised toll
    supersedes the first one. Supersession and retraction are between claims
    of the same claimant.

    Attributes:
        kind: How `claim` bears on `target`.
        claim: The id of the claim the link starts from.
        target: The id of the claim it bears on.
        note: Why, in words.
    """

    kind: LinkKind = attrs.field(validator=v.member_of(LinkKind))
    claim: str = attrs.field(validator=v.nonempty_str)
    target: str = attrs.field(validator=v.nonempty_str)
    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))

    @target.validator
    def _not_to_itself(self, attr: attrs.Attribute[Any], value: str) -> None:
        if value == self.claim:
            raise InvalidValueError(f"Link.target {value!r}: a claim cannot link to itself")


class StatusKind(enum.Enum):
    """Where a claim stands over time."""

    ACTIVE = "active"
    SUPERSEDED = "superseded"
    RETRACTED = "retracted"


@attrs.frozen
class Status:
    """A claim's status, as the dossier's links make it.

    Attributes:
        kind: Active, superseded or retracted.
        by: The id of the claim that superseded or retracted it.
    """

    kind: StatusKind = attrs.field(validator=v.member_of(StatusKind))
    by: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))

    @by.validator
    def _by_iff_not_active(self, attr: attrs.Attribute[Any], value: str | None) -> None:
        if (value is None) != (self.kind is StatusKind.ACTIVE):
            raise InvalidValueError(
                "Status.by names the superseding or retracting claim, "
                "and only for a claim that is not active"
            )


ACTIVE = Status(StatusKind.ACTIVE)
