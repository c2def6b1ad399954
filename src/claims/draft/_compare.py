"""How a drafted dossier compares with an analyst's: what was found, missed, added."""

from __future__ import annotations

import attrs

from .._model import Claim
from ..dossier import Dossier
from ._dossier import name_key

__all__ = ["Comparison", "compare"]


@attrs.frozen
class Comparison:
    """The analyst's attributed claims of one source, against the drafts.

    A reference claim is *found* when a draft of the same claimant (the same
    id, or a name or alias sharing its words), with the same stance, quotes
    words that overlap one of its quotes in that source.

    Attributes:
        found: ``(reference claim id, draft claim id)`` pairs, in the
            reference's order.
        missed: Reference claims no draft covers.
        extra: Drafts that cover no reference claim.
    """

    found: tuple[tuple[str, str], ...]
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def recall(self) -> float:
        """The share of the reference's claims that were found (1.0 if none)."""
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0


def _spans(claim: Claim, source: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in claim.quotes if q.source == source]


def _names(dossier: Dossier, actor_id: str) -> frozenset[str]:
    actor = dossier.actor(actor_id)
    return frozenset().union(*(name_key(n) for n in (actor.name, *actor.aliases)))


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def compare(drafted: Dossier, reference: Dossier, *, source: str) -> Comparison:
    """Compare the drafts of `drafted` with the attributed claims of `reference`.

    Only the reference's claims quoted in `source` count, and only those whose
    claimant is not the source's publisher (the publisher's own narration is
    not an attribution); only the claims of `drafted` marked as drafts count.

    Args:
        drafted: A dossier made by `claims.draft.dossier`.
        reference: The analyst's dossier of the same article.
        source: The id of the article's source in both.

    Returns:
        What was found, missed and added.

    >>> import pathlib, claims
    >>> seed = claims.load("seeds/baghdad-drone-strike.json")
    >>> text = pathlib.Path("seeds/000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")
    >>> drafted = claims.draft.dossier(
    ...     text, source=seed.source("aj-article"), publisher=seed.actor("al-jazeera")
    ... )
    >>> result = compare(drafted, seed, source="aj-article")
    >>> result.missed
    ()
    """
    publisher = reference.source(source).publisher
    wanted = [c for c in reference.claims.values() if c.claimant != publisher and _spans(c, source)]
    drafts = [c for c in drafted.claims.values() if c.draft and _spans(c, source)]
    same: dict[tuple[str, str], bool] = {}

    def same_claimant(draft: Claim, claim: Claim) -> bool:
        key = (draft.claimant, claim.claimant)
        if key not in same:
            same[key] = draft.claimant == claim.claimant or bool(
                _names(drafted, draft.claimant) & _names(reference, claim.claimant)
            )
        return same[key]

    found: list[tuple[str, str]] = []
    missed: list[str] = []
    used: set[str] = set()
    for claim in wanted:
        match = next(
            (
                d
                for d in drafts
                if same_claimant(d, claim)
                and d.stance is claim.stance
                and _overlap(_spans(claim, source), _spans(d, source))
            ),
            None,
        )
        if match is None:
            missed.append(claim.id)
        else:
            found.append((claim.id, match.id))
            used.add(match.id)
    covering = {
        d.id
        for d in drafts
        for c in wanted
        if same_claimant(d, c) and _overlap(_spans(c, source), _spans(d, source))
    }
    extra = tuple(d.id for d in drafts if d.id not in used and d.id not in covering)
    return Comparison(found=tuple(found), missed=tuple(missed), extra=extra)
