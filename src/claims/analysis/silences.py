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
"""The predicates that accused before the vocabulary said which do (all
three still do, through `claims.vocabulary.DEFAULT`); pass them as
``accusations=`` to keep exactly the older answers."""


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
    accusations: Collection[str] | None = None,
) -> tuple[Silence, ...]:
    """Reported silences, then unanswered accusations.

    A reported silence is a claim whose stance is a silence (declined to
    comment, no response, no comment). The accusations it leaves unanswered
    are the claims it responds to (a `responds_to` link) and the claims by
    others accusing its subject of its proposition; a silence on a topic
    alone (no proposition of its own, `Claim.stated` false) leaves
    unanswered every accusation against its claimant (or against an actor
    it is part of).

    An accusation is a claim on a predicate that accuses its subject (the
    dossier's vocabulary says which: `Vocabulary.is_accusation`) naming an
    actor as its subject. It is unanswered when the accused actor (or one of
    its parts) has no claim of their own on that proposition, none that
    denies one of its claims by reference (a `denies` link, whatever the
    denying claim's own proposition), and no silence on a topic alone (that
    silence is reported, with the accusation, as one stating the accusation
    would be).

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
        accusations: The predicates that accuse their subject, as written;
            by default those the dossier's vocabulary marks as accusations.
    """
    index = index_of(dossier)
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    claims, statements = index.claims, index.statements
    vocabulary = dossier.vocabulary
    accuses = vocabulary.is_accusation if accusations is None else accusations.__contains__
    accusing_names = {p for (_s, p) in statements if accuses(p)}

    def own(accused: str) -> set[str]:
        return {accused, *dossier.parts(accused)}

    def accusers(prop: Proposition, accused: str) -> list[str]:
        if prop.predicate not in accusing_names:
            return []
        said = statements.get((prop.subject, prop.predicate), {})
        ours = own(accused)
        return [
            c
            for c in said.get((prop.object, ASSERTS), ())
            if ours.isdisjoint(claims[c].claimants) and c not in inactive
        ]

    # Each accused actor's accusing statements: (subject, predicate) keys.
    accused_keys: dict[str, list[tuple[ActorRef, str]]] = {}
    for subject, predicate in statements:
        if predicate in accusing_names and isinstance(subject, ActorRef):
            accused_keys.setdefault(subject.id, []).append((subject, predicate))

    def against(actor: str) -> list[str]:
        """The live accusations by others against `actor` or a whole it is part of."""
        found: list[str] = []
        for accused, keys in accused_keys.items():
            ours = own(accused)
            if actor not in ours:
                continue
            for subject, predicate in keys:
                for (obj, _stance), _ids in statements[subject, predicate].items():
                    prop = Proposition(subject, predicate, obj)
                    found.extend(accusers(prop, accused))
        return found

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
        if not claim.stated:
            also = [c for actor in claim.claimants for c in against(actor)]
        elif isinstance(subject, ActorRef):
            also = accusers(prop, subject.id)
        else:
            also = []
        ids = sorted(set(answered) | set(also), key=index.order.__getitem__)
        found.append(
            Silence(claim.claimant, SilenceKind.REPORTED, prop, tuple(ids), cid, claim.stance)
        )

    # Unanswered accusations: from the index of what is said about whom. A
    # silence on a topic alone answers, as reported, every accusation
    # against its claimants, as one stating the accusation answers it.
    topical = {
        actor
        for cid, claim in claims.items()
        if claim.stance.is_silence and not claim.stated and cid not in inactive
        for actor in claim.claimants
    }
    unanswered = []
    for (subject, predicate), said in statements.items():
        if predicate not in accusing_names or not isinstance(subject, ActorRef):
            continue
        ours = own(subject.id)
        if not ours.isdisjoint(topical):
            continue
        by_object: dict[Value, list[str]] = {}
        for (obj, _stance), group in said.items():
            by_object.setdefault(obj, []).extend(c for c in group if c not in inactive)
        for ids in by_object.values():
            if any(not ours.isdisjoint(claims[c].claimants) for c in ids) or _denied(
                dossier, ids, ours, inactive
            ):
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


def _denied(
    dossier: Dossier, ids: Collection[str], ours: set[str], inactive: Mapping[str, Status]
) -> bool:
    """Whether a live claim of `ours` denies one of `ids` by reference (a `denies` link)."""
    for target in ids:
        for link in dossier.links_to(target):
            if (
                link.kind is LinkKind.DENIES
                and link.claim not in inactive
                and not ours.isdisjoint(dossier.claim(link.claim).claimants)
            ):
                return True
    return False
