"""Silences: who declined to answer, and who has not answered an accusation."""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping

import attrs

from .._display import Displayed
from .._model import ActorRef, LinkKind, Proposition, Stance, Status, Value
from ..dossier import Dossier
from ._index import ASSERTS, index_of

__all__ = ["ACCUSATION_PREDICATES", "Silence", "SilenceKind", "silences"]

ACCUSATION_PREDICATES: frozenset[str] = frozenset({"responsible_for", "blamed_for", "perpetrated"})
"""Predicates that name their subject as responsible: an accusation."""


class SilenceKind(enum.Enum):
    """A silence reported in a claim, or one noticed by its absence."""

    REPORTED = "reported"
    """Declined to comment, did not respond, made no comment."""
    UNANSWERED = "unanswered"
    """Accused by another actor, with no claim of their own on it."""


@attrs.frozen
class Silence(Displayed):
    """Someone who has not answered.

    Attributes:
        actor: The silent actor.
        kind: Reported, or an unanswered accusation.
        proposition: What they are silent on.
        accusations: Ids of the claims they have not answered: the claims
            a reported silence responds to and the claims accusing them.
        claim: The id of the claim reporting the silence (reported only).
        stance: The silence's stance (reported only).
    """

    actor: str
    kind: SilenceKind
    proposition: Proposition
    accusations: tuple[str, ...] = ()
    claim: str | None = None
    stance: Stance | None = None


def silences(
    dossier: Dossier,
    *,
    include_inactive: bool = False,
    accusations: Collection[str] = ACCUSATION_PREDICATES,
) -> tuple[Silence, ...]:
    """Reported silences, then unanswered accusations.

    A reported silence is a claim whose stance is a silence (declined to
    comment, no response, no comment). An unanswered accusation is an actor
    named as the subject of an `accusations` predicate in a claim by
    someone else, who has no claim of their own (or of their parts) on that
    proposition.

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
        accusations: The predicates that accuse their subject.
    """
    index = index_of(dossier)
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    claims, statements = index.claims, index.statements

    def accusers(prop: Proposition, accused: str) -> list[str]:
        if prop.predicate not in accusations:
            return []
        said = statements.get((prop.subject, prop.predicate), {})
        own = {accused, *dossier.parts(accused)}
        return [
            c
            for c in said.get((prop.object, ASSERTS), ())
            if claims[c].claimant not in own and c not in inactive
        ]

    found: list[Silence] = []
    # Reported silences.
    for cid, claim in claims.items():
        if not claim.stance.is_silence or cid in inactive:
            continue
        prop = claim.proposition
        answered = [
            link.target
            for link in dossier.links_from(cid)
            if link.kind is LinkKind.RESPONDS_TO and link.target not in inactive
        ]
        subject = prop.subject
        also = accusers(prop, subject.id) if isinstance(subject, ActorRef) else []
        ids = sorted(set(answered) | set(also), key=index.order.__getitem__)
        found.append(
            Silence(claim.claimant, SilenceKind.REPORTED, prop, tuple(ids), cid, claim.stance)
        )

    # Unanswered accusations: from the index of what is said about whom.
    unanswered = []
    for (subject, predicate), said in statements.items():
        if predicate not in accusations or not isinstance(subject, ActorRef):
            continue
        own = {subject.id, *dossier.parts(subject.id)}
        by_object: dict[Value, list[str]] = {}
        for (obj, _stance), group in said.items():
            by_object.setdefault(obj, []).extend(c for c in group if c not in inactive)
        for ids in by_object.values():
            if any(claims[c].claimant in own for c in ids):
                continue
            accusing = sorted(
                (c for c in ids if claims[c].stance is ASSERTS), key=index.order.__getitem__
            )
            if accusing:
                prop = claims[accusing[0]].proposition
                unanswered.append(
                    Silence(subject.id, SilenceKind.UNANSWERED, prop, tuple(accusing))
                )
    unanswered.sort(key=lambda s: index.order[s.accusations[0]])
    return tuple(found + unanswered)
