"""The claim: who claimed what, how we know, and how much we believe it.

A `Claim` ties the four layers together: its claimant (who, by actor id),
its `Proposition` (what), its quotes and reporting chain (how we know) and
its `Assessment` (how much we believe). `Link` records say how one claim
bears on another, and a claim's `Status` follows from them.
"""

from __future__ import annotations

import enum

import attrs

from .._cut import cut
from .._display import Displayed
from .._words import REPR_LIMIT, plural, short_repr, shorten
from ..exceptions import InvalidValueError
from . import _validators as v
from .belief import Assessment
from .evidence import Hop, Quote
from .what import Proposition, Text, Unknown, proposition_words
from .when import When

__all__ = [
    "ACTIVE",
    "TOPIC",
    "Claim",
    "Link",
    "LinkKind",
    "Stance",
    "Status",
    "StatusKind",
    "topic_proposition",
]


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

TOPIC = "topic"
"""The predicate of the proposition a claim on a topic alone stands for."""


def topic_proposition(topic: str) -> Proposition:
    """What a silence on `topic` alone stands for: ``“topic” topic unknown``.

    A claim given a topic and no proposition has this one, so every reader
    of `Claim.proposition` has a proposition to read; it is never written
    out (`Claim.stated` is false), and two silences on the same topic
    have the same one.

    >>> topic_proposition("the cause of the blast")
    Proposition(“the cause of the blast” topic unknown)
    """
    return Proposition(Text(topic), TOPIC, Unknown())


_UNSTATED = Proposition(Text("unstated"), TOPIC, Unknown())
"""Stands for a proposition not given, until the claim's topic replaces it."""


def _given(value: Proposition | None) -> Proposition:
    return _UNSTATED if value is None else value


def _claimants_differ(claim: Claim, also: tuple[str, ...]) -> str | None:
    if claim.claimant in also:
        return f"{cut(claim.claimant)} is already the claimant"
    if len(set(also)) != len(also):
        return "names a claimant twice"
    return None


@attrs.frozen
class Claim(Displayed):
    """Who claimed what, how we know, and how much we believe it.

    Attributes:
        id: Unique within a dossier.
        claimant: The id of the actor whose claim it is.
        proposition: What is claimed. A silence with a `topic` may leave it
            out (``None``): it is then `topic_proposition` of the topic, and
            `stated` is false.
        stance: What the claimant does with it (asserts, denies, ...).
        quotes: The exact words, anchored in sources.
        chain: Who relayed the claim to us, outermost first.
        made: When the claimant made the claim.
        assessment: The analyst's judgement.
        note: Anything else worth keeping.
        draft: Proposed by `claims.draft` and not yet accepted by an analyst,
            who clears it (``attrs.evolve(claim, draft=False)``) on acceptance.
        topic: What the claim is about, in words ("the cause of the blast",
            "a request for comment"): for a silence on no proposition.
        reason: The reason the claimant gives ("citing an ongoing
            investigation").
        also: Further claimants of a joint statement ("U.S. and Afghan
            officials said"), by actor id; `claimants` gives them all.

    >>> quiet = Claim(
    ...     "kessa-quiet",
    ...     "kessa",
    ...     None,
    ...     stance=Stance.DECLINED_TO_COMMENT,
    ...     topic="the cause of the blast",
    ...     reason="citing an ongoing investigation",
    ... )
    >>> quiet.stated, quiet.proposition == topic_proposition("the cause of the blast")
    (False, True)
    """

    id: str = attrs.field(validator=v.nonempty_str)
    claimant: str = attrs.field(validator=v.nonempty_str)
    proposition: Proposition = attrs.field(
        default=None,
        converter=_given,
        validator=v.instance_of(Proposition),
        metadata={v.WRITTEN_IF: "stated"},
    )
    stance: Stance = attrs.field(
        kw_only=True, default=Stance.ASSERTS, validator=v.member_of(Stance)
    )
    quotes: tuple[Quote, ...] = attrs.field(
        kw_only=True, default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Quote))
    )
    chain: tuple[Hop, ...] = attrs.field(
        kw_only=True, default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Hop))
    )
    made: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    assessment: Assessment | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(Assessment))
    )
    note: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))
    draft: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))
    topic: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    reason: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    also: tuple[str, ...] = attrs.field(
        kw_only=True,
        default=(),
        converter=v.to_tuple,
        validator=v.all_of(v.each(v.nonempty_str), v.Rule(_claimants_differ)),
    )

    def __attrs_post_init__(self) -> None:
        if self.proposition is not _UNSTATED:
            return
        if self.topic is None or not self.stance.is_silence:
            detail = "is needed, except for a silence with a topic"
            raise InvalidValueError(
                f"Claim.proposition {detail}", field="proposition", detail=detail
            )
        object.__setattr__(self, "proposition", topic_proposition(self.topic))

    @property
    def stated(self) -> bool:
        """Whether the proposition is given, not the one its topic stands for."""
        return self.topic is None or self.proposition != topic_proposition(self.topic)

    @property
    def claimants(self) -> tuple[str, ...]:
        """The claimant, then the further claimants of a joint statement."""
        return (self.claimant, *self.also) if self.also else (self.claimant,)

    def __repr__(self) -> str:
        parts = [
            f"id={self.id!r}",
            f"claimant={self.claimant!r}",
            f"stance={self.stance.value}",
        ]
        if self.also:
            parts.insert(2, f"also={self.also!r}")
        if self.stated:
            parts.append(shorten(proposition_words(self.proposition), 2 * REPR_LIMIT))
        if self.topic is not None:
            parts.append("on " + shorten(repr(self.topic), REPR_LIMIT))
        if self.reason is not None:
            parts.append(shorten(repr(self.reason), REPR_LIMIT))
        if self.quotes:
            parts.append(plural(len(self.quotes), "quote"))
        if self.chain:
            parts.append("via " + shorten(" ← ".join(h.reporter for h in self.chain), REPR_LIMIT))
        if self.made is not None:
            parts.append(f"made={self.made}")
        if self.assessment is not None and self.assessment.notation():
            parts.append(f"assessed={self.assessment.notation()}")
        if self.draft:
            parts.append("draft")
        return f"Claim({', '.join(parts)})"


class LinkKind(enum.Enum):
    """How one claim bears on another: ``claim`` *kind* ``target``."""

    SUPPORTS = "supports"
    """The claim backs the target (it counts toward the target's
    confirmation only where its own proposition states what the target says)."""
    CONTRADICTS = "contradicts"
    """The two cannot both hold."""
    SUPERSEDES = "supersedes"
    """A revision by the same claimant replaces the target."""
    RETRACTS = "retracts"
    """The same claimant withdraws the target."""
    RESPONDS_TO = "responds_to"
    """The claim answers the target (a reply to an accusation)."""
    REPEATS = "repeats"
    """The claim repeats the target: the same origin."""
    EQUIVALENT = "equivalent"
    """The two say the same thing in other words (silences a possible
    contradiction between two free texts)."""
    DERIVES_FROM = "derives_from"
    """The claim is drawn from the target: never a new origin."""
    ENDORSES = "endorses"
    """The claimant endorses the target: never a new origin."""
    REACTS_TO = "reacts_to"
    """The claim is a reaction to the target: never a new origin."""
    DENIES = "denies"
    """The claim denies the target by reference, whatever its own proposition."""


def _not_to_itself(link: Link, target: str) -> str | None:
    if target == link.claim:
        return f"{cut(target)}: a claim cannot link to itself"
    return None


@attrs.frozen
class Link(Displayed):
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

    __repr__ = short_repr

    kind: LinkKind = attrs.field(validator=v.member_of(LinkKind))
    claim: str = attrs.field(validator=v.nonempty_str)
    target: str = attrs.field(validator=v.all_of(v.nonempty_str, v.Rule(_not_to_itself)))
    note: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))


class StatusKind(enum.Enum):
    """Where a claim stands over time."""

    ACTIVE = "active"
    SUPERSEDED = "superseded"
    RETRACTED = "retracted"


def _by_iff_not_active(status: Status, by: str | None) -> str | None:
    if (by is None) != (status.kind is StatusKind.ACTIVE):
        return "names the superseding or retracting claim, and only for a claim that is not active"
    return None


@attrs.frozen
class Status:
    """A claim's status, as the dossier's links make it.

    Attributes:
        kind: Active, superseded or retracted.
        by: The id of the claim that superseded or retracted it.
    """

    __repr__ = short_repr

    kind: StatusKind = attrs.field(validator=v.member_of(StatusKind))
    by: str | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(v.optional(v.nonempty_str), v.Rule(_by_iff_not_active)),
    )


ACTIVE = Status(StatusKind.ACTIVE)
"""The status of a claim nothing supersedes or retracts."""
