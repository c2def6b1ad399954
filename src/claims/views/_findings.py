"""The findings an analyst reads first, gathered once for every view.

Contradictions are grouped by subject and predicate; corroboration verdicts
list each set of backing claims once (every claim of a set has the same
origins); silences, known unknowns and the current view follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from .. import analysis
from .._model import Actor, Subject
from ..dossier import Dossier
from . import _sentence as say

__all__ = [
    "REASON_WORDS",
    "ContradictionGroup",
    "Findings",
    "Verdict",
    "claimant_order",
    "dossier_order",
    "findings",
    "subject_key",
]

REASON_WORDS = {
    analysis.ContradictionReason.OPPOSITE_STANCES: "opposite stances",
    analysis.ContradictionReason.DIFFERENT_VALUES: "different values",
    analysis.ContradictionReason.DISJOINT_QUANTITIES: "figures that do not overlap",
    analysis.ContradictionReason.NO_VALUE: "none against a value",
    analysis.ContradictionReason.LINKED: "linked as contradicting",
    analysis.ContradictionReason.DIFFERENT_TEXTS: "different words (possibly the same thing)",
}
"""Each contradiction reason in words."""


def subject_key(subject: Subject) -> tuple[str, str]:
    """A subject as a hashable (kind, id or text) pair."""
    value = getattr(subject, "id", None)
    if value is None:
        value = getattr(subject, "value", "")
    return type(subject).__name__, str(value)


@attrs.frozen
class ContradictionGroup:
    """The contradictions about one subject and predicate.

    Attributes:
        title: The subject and predicate in words.
        pairs: The contradictions.
    """

    title: str
    pairs: tuple[analysis.Contradiction, ...]


@attrs.frozen
class Verdict:
    """The corroboration of a set of claims that back each other.

    Attributes:
        claims: The backing claims, in dossier order.
        corroboration: The answer for one of them (the origins are the
            same for each).
    """

    claims: tuple[str, ...]
    corroboration: analysis.Corroboration


@attrs.frozen
class Findings:
    """Everything a briefing leads with.

    Attributes:
        contradictions: Grouped by subject and predicate.
        verdicts: Claims backed by more than themselves.
        alone: How many active claims have no support beyond themselves.
        silences: Reported silences and unanswered accusations.
        uncertainties: Known unknowns beside known values.
        current: What replaced what, and links gone stale.
    """

    contradictions: tuple[ContradictionGroup, ...]
    verdicts: tuple[Verdict, ...]
    alone: int
    silences: tuple[analysis.Silence, ...]
    uncertainties: tuple[analysis.Uncertainty, ...]
    current: analysis.CurrentView

    @property
    def count(self) -> int:
        """How many findings there are, contradiction pairs counted one by one."""
        return (
            sum(len(g.pairs) for g in self.contradictions)
            + len(self.verdicts)
            + len(self.silences)
            + len(self.uncertainties)
            + len(self.current.replaced)
            + len(self.current.stale)
        )


def findings(dossier: Dossier) -> Findings:
    """The findings of `dossier`, from the analysis functions."""
    groups: dict[tuple[tuple[str, str], str], list[analysis.Contradiction]] = {}
    titles: dict[tuple[tuple[str, str], str], str] = {}
    for found in analysis.contradictions(dossier):
        prop = dossier.claim(found.first).proposition
        key = (subject_key(prop.subject), prop.predicate)
        groups.setdefault(key, []).append(found)
        if key not in titles:
            words = prop.predicate.replace("_", " ")
            titles[key] = f"{say.term(dossier, prop.subject)} {words}"
    verdicts: list[Verdict] = []
    seen: set[frozenset[str]] = set()
    alone = 0
    order = dossier_order(dossier)
    for answer in analysis.corroborations(dossier).values():
        if not answer.supporters:
            alone += 1
            continue
        members = frozenset(c for o in answer.origins for c in o.claims)
        if members in seen:
            continue
        seen.add(members)
        verdicts.append(
            Verdict(
                claims=tuple(sorted(members, key=order)),
                corroboration=answer,
            )
        )
    verdicts.sort(key=lambda v: (-v.corroboration.count, -len(v.claims)))
    return Findings(
        contradictions=tuple(ContradictionGroup(titles[k], tuple(v)) for k, v in groups.items()),
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
    for group in found.contradictions:
        for pair in group.pairs:
            involved.update((pair.first, pair.second))
    for silence in found.silences:
        involved.update(silence.accusations)
        if silence.claim is not None:
            involved.add(silence.claim)
    for verdict in found.verdicts:
        involved.update(verdict.claims)
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
