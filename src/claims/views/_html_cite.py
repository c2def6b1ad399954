"""Naming and linking claims inside the HTML briefing, shared by its sections.

`Tokens` gives every actor, claim, source and subject a short generated
name, so no id from the dossier reaches an attribute; `ref` and `refs` link
to claims by those names; `more` counts what a list leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..dossier import Dossier
from . import _sentence as say
from ._escape import text as esc
from ._findings import subject_key

__all__ = ["CAP", "Tokens", "more", "ref", "refs", "words"]


class Tokens:
    """Short generated names for filters and anchors, so no id reaches an attribute."""

    def __init__(self, dossier: Dossier) -> None:
        self.actor = {a.id: f"a{i}" for i, a in enumerate(dossier.actors.values(), 1)}
        self.claim = {c: f"c{i}" for i, c in enumerate(dossier.claims, 1)}
        self.source = {s: f"s{i}" for i, s in enumerate(dossier.sources, 1)}
        subjects: dict[tuple[str, str], str] = {}
        self.subject_of: dict[str, str] = {}
        self.subject_words: dict[str, str] = {}
        for claim in dossier.claims.values():
            key = subject_key(claim.proposition.subject)
            token = subjects.setdefault(key, f"t{len(subjects) + 1}")
            self.subject_of[claim.id] = token
            self.subject_words.setdefault(token, say.term(dossier, claim.proposition.subject))

    def claimants(self, dossier: Dossier, claim_ids: Iterable[str]) -> str:
        return " ".join(sorted({self.actor.get(dossier.claim(c).claimant, "") for c in claim_ids}))

    def subjects(self, claim_ids: Iterable[str]) -> str:
        return " ".join(sorted({self.subject_of[c] for c in claim_ids}))

    def data(self, dossier: Dossier, claim_ids: Iterable[str]) -> str:
        ids = list(claim_ids)
        return (
            f' data-claimant="{self.claimants(dossier, ids)}" data-subject="{self.subjects(ids)}"'
        )


def ref(dossier: Dossier, tokens: Tokens, claim_id: str, *, full: bool = True) -> str:
    """A link to a claim, named by its claimant and (if `full`) what it says."""
    claim = dossier.claim(claim_id)
    named = say.name(dossier, claim.claimant)
    if full:
        named += f": {say.proposition(dossier, claim.proposition)}"
    elif claim.chain:
        named += ", via " + " ← ".join(say.name(dossier, h.reporter) for h in claim.chain)
    return f'<a href="#{tokens.claim[claim_id]}">{esc(named)}</a>'


CAP = 8
"""The most claims named inside one finding (the rest are counted)."""


def refs(dossier: Dossier, tokens: Tokens, claim_ids: Sequence[str]) -> str:
    """Links to the claims, named by claimant and relays, the first `CAP` of them."""
    shown = ", ".join(ref(dossier, tokens, c, full=False) for c in claim_ids[:CAP])
    left = len(claim_ids) - CAP
    return f"{shown} and {left:,} more" if left > 0 else shown


def words(value: str) -> str:
    """An enum value in words: ``"part_of"`` as ``"part of"``."""
    return value.replace("_", " ")


def more(n: int, limit: int) -> str:
    """A list item counting the `n` - `limit` items left out, or nothing."""
    return f'<li class="more muted">… and {n - limit:,} more</li>' if n > limit else ""
