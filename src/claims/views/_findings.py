"""The findings an analyst reads first, gathered once for every view.

Contradictions are grouped by position (`claims.analysis.disputes`): each
dispute is shown once with the positions taken in it, however many claims
hold each; corroboration verdicts
list each set of backing claims once (every claim of a set has the same
origins), with the claims that support one of them without stating it
(`Partly`: "also supported, without the figure, by ..."); silences, known
unknowns and the current view follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from .. import analysis
from .._model import Actor, Proposition, Quantity, Stance, Subject
from ..dossier import Dossier
from . import _sentence as say

__all__ = [
    "REASON_WORDS",
    "Findings",
    "Partly",
    "Verdict",
    "alone_words",
    "claimant_order",
    "dossier_order",
    "findings",
    "partly_words",
    "position_words",
    "subject_key",
    "title",
]

REASON_WORDS = {
    analysis.ContradictionReason.OPPOSITE_STANCES: "opposite stances",
    analysis.ContradictionReason.DIFFERENT_VALUES: "different values",
    analysis.ContradictionReason.DISJOINT_QUANTITIES: "figures that do not overlap",
    analysis.ContradictionReason.NO_VALUE: "none against a value",
    analysis.ContradictionReason.LINKED: "linked as contradicting",
    analysis.ContradictionReason.DIFFERENT_TEXTS: "different words (possibly the same thing)",
    analysis.ContradictionReason.DIFFERENT_PLACES: "different places (possibly the same place)",
}
"""Each contradiction reason in words."""


def subject_key(subject: Subject) -> tuple[str, str]:
    """A subject as a hashable (kind, id or text) pair."""
    value = getattr(subject, "id", None)
    if value is None:
        value = getattr(subject, "value", "")
    return type(subject).__name__, str(value)


def title(dossier: Dossier, dispute: analysis.Dispute) -> str:
    """What a dispute is about, in words: its subject and predicate."""
    return f"{say.term(dossier, dispute.subject)} {dispute.predicate.replace('_', ' ')}"


def position_words(dossier: Dossier, dispute: analysis.Dispute, position: analysis.Position) -> str:
    """What a position says, in words.

    Its value when it shares the dispute's subject and predicate ("4 people
    killed"), the whole proposition otherwise; "denied: " before a denial,
    and the stance before any other stance.
    """
    if (position.subject, position.predicate) == (dispute.subject, dispute.predicate):
        words = say.term(dossier, position.object)
    else:
        prop = Proposition(position.subject, position.predicate, position.object)
        words = say.proposition(dossier, prop)
    if position.stance is Stance.ASSERTS:
        return words
    if position.stance is Stance.DENIES:
        return f"denied: {words}"
    return f"{say.STANCE_WORDS[position.stance]} {words}"


@attrs.frozen
class Partly:
    """A claim linked as supporting a verdict's claim without stating it: not counted.

    Attributes:
        claim: The supporting claim's id.
        supports: The id of the claim it supports.
        reason: What its proposition says instead (`claims.analysis.Partial`).
        how: How far it supports it, in words: ``"without the figure"`` (the
            claim gives a figure, the supporter none), ``"with another
            figure"`` or ``"in part"``.
    """

    claim: str
    supports: str
    reason: str
    how: str


def _partly(dossier: Dossier, supports: str, partial: analysis.Partial) -> Partly:
    given = dossier.claim(supports).proposition.object
    said = dossier.claim(partial.claim).proposition.object
    how = "in part"
    if isinstance(given, Quantity):
        how = "with another figure" if isinstance(said, Quantity) else "without the figure"
    return Partly(partial.claim, supports, partial.reason, how)


def partly_words(partly: Partly, who: str, reason: str | None = None) -> str:
    """A partial supporter in words, after the origins of the claim it supports.

    Args:
        partly: The partial supporter.
        who: Who it is, as the view shows claimants (escaped for it).
        reason: Its reason, escaped for the view (default: as it is).

    >>> found = Partly("m", "p", "says unknown, not 16", "without the figure")
    >>> print(partly_words(found, "the ministry"))
    also supported, without the figure, by the ministry: not counted (says unknown, not 16)
    """
    why = partly.reason if reason is None else reason
    return f"also supported, {partly.how}, by {who}: not counted ({why})"


@attrs.frozen
class Verdict:
    """The corroboration of a set of claims that back each other.

    Attributes:
        claims: The backing claims, in dossier order.
        corroboration: The answer for one of them (the origins are the
            same for each).
        partly: The claims linked as supporting one of them without
            stating what it says, not counted, in dossier order.
    """

    claims: tuple[str, ...]
    corroboration: analysis.Corroboration
    partly: tuple[Partly, ...] = ()


@attrs.frozen
class Findings:
    """Everything a briefing leads with.

    Attributes:
        disputes: The contradictions grouped by position.
        verdicts: Claims backed by more than themselves.
        alone: How many active claims have no support beyond themselves.
        silences: Reported silences and unanswered accusations.
        uncertainties: Known unknowns beside known values.
        current: What replaced what, and links gone stale.
    """

    disputes: tuple[analysis.Dispute, ...]
    verdicts: tuple[Verdict, ...]
    alone: int
    silences: tuple[analysis.Silence, ...]
    uncertainties: tuple[analysis.Uncertainty, ...]
    current: analysis.CurrentView

    @property
    def count(self) -> int:
        """How many findings there are, each dispute counted once."""
        return (
            len(self.disputes)
            + len(self.verdicts)
            + len(self.silences)
            + len(self.uncertainties)
            + len(self.current.replaced)
            + len(self.current.stale)
        )


def alone_words(found: Findings) -> str:
    """How many claims have no support beyond themselves, in words.

    "other" when there are verdicts before it; "has ... itself" for one claim.
    """
    other = say.plural(found.alone, "other claim" if found.verdicts else "claim")
    if found.alone == 1:
        return f"{other} has no support beyond itself"
    return f"{other} have no support beyond themselves"


def findings(dossier: Dossier) -> Findings:
    """The findings of `dossier`, from the analysis functions.

    A claim backed by no other claim but supported in part by one (a
    `Partly`) is a verdict of its own, so the partial support is shown.
    """
    first: dict[frozenset[str], analysis.Corroboration] = {}
    partly: dict[frozenset[str], list[Partly]] = {}
    alone = 0
    order = dossier_order(dossier)
    for answer in analysis.corroborations(dossier).values():
        if not answer.supporters and not answer.partial:
            alone += 1
            continue
        members = frozenset(c for o in answer.origins for c in o.claims)
        first.setdefault(members, answer)
        found = partly.setdefault(members, [])
        found.extend(_partly(dossier, answer.claim, p) for p in answer.partial)
    verdicts = [
        Verdict(
            claims=tuple(sorted(members, key=order)),
            corroboration=answer,
            partly=tuple(sorted(dict.fromkeys(partly[members]), key=lambda p: order(p.claim))),
        )
        for members, answer in first.items()
    ]
    verdicts.sort(key=lambda v: (-v.corroboration.count, -len(v.claims)))
    return Findings(
        disputes=analysis.disputes(dossier),
        verdicts=tuple(verdicts),
        alone=alone,
        silences=analysis.silences(dossier),
        uncertainties=analysis.uncertainties(dossier),
        current=analysis.current(dossier),
    )


def claimant_order(dossier: Dossier, found: Findings, actors: Iterable[Actor]) -> list[Actor]:
    """The claimants among `actors`, those who said most about the findings' subjects first.

    Ties keep the order of `actors`; actors without claims are left out.
    """
    involved: set[str] = set()
    for dispute in found.disputes:
        for position in dispute.positions:
            involved.update(position.claims)
    for silence in found.silences:
        involved.update(silence.accusations)
        if silence.claim is not None:
            involved.add(silence.claim)
    for verdict in found.verdicts:
        involved.update(verdict.claims)
        involved.update(p.claim for p in verdict.partly)
    for unknown in found.uncertainties:
        involved.update((unknown.claim, *unknown.known))
    subjects = {subject_key(dossier.claim(c).proposition.subject) for c in involved}
    scored = []
    for i, actor in enumerate(actors):
        said = dossier.claims_by(actor.id)
        if said:
            score = sum(subject_key(c.proposition.subject) in subjects for c in said)
            scored.append((-score, i, actor))
    return [actor for _, _, actor in sorted(scored, key=lambda t: (t[0], t[1]))]


def dossier_order(dossier: Dossier) -> Callable[[str], int]:
    """A sort key putting claim ids in the order the dossier holds them."""
    positions = {claim_id: i for i, claim_id in enumerate(dossier.claims)}
    return lambda claim_id: positions.get(claim_id, len(positions))
