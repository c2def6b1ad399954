"""How we know a claim: where its reporting chain starts, and its relays."""

from __future__ import annotations

import attrs

from .._display import Displayed
from .._model import Claim, Hop
from ..dossier import Dossier
from ._index import index_of
from .ties import Tie

__all__ = ["Origin", "Provenance", "origin", "provenance"]


@attrs.frozen
class Origin:
    """Where a claim's reporting chain starts.

    Attributes:
        actor: The innermost claimant: the actor whose claim it is.
        source: The claimant's own document, where the dossier has it (a
            source the claimant published), else the document of the
            innermost relay, else ``None``.
    """

    actor: str
    source: str | None = None


@attrs.frozen
class Provenance(Displayed):
    """How we know a claim: its origin and the relays that brought it to us.

    Attributes:
        claim: The claim's id.
        origin: Where the chain starts.
        chain: The relays, outermost first (as in `Claim.chain`).
        ties: Relays whose reporter is part of or affiliated with the
            claimant (an outlet "considered close to" the group it quotes):
            a relay that is not independent of its origin.
    """

    claim: str
    origin: Origin
    chain: tuple[Hop, ...] = ()
    ties: tuple[Tie, ...] = ()

    def __str__(self) -> str:
        """The chain from the origin outwards: ``reuters → al-jazeera (reported)``."""
        head = self.origin.actor
        if self.origin.source is not None:
            head += f" [{self.origin.source}]"
        hops = [f"{h.reporter} ({h.cue})" for h in reversed(self.chain)]
        return " → ".join([head, *hops])


def origin(dossier: Dossier, claim_id: str) -> Origin:
    """Where `claim_id`'s reporting chain starts (see `Origin`).

    Raises:
        UnknownIdError: There is no such claim.
    """
    return _origin(dossier, dossier.claim(claim_id))


def _origin(dossier: Dossier, claim: Claim) -> Origin:
    candidates = [q.source for q in claim.quotes]
    for hop in reversed(claim.chain):
        if hop.source is not None:
            candidates.append(hop.source)
        if hop.quote is not None:
            candidates.append(hop.quote.source)
    sources = dossier.sources
    for sid in candidates:
        if sources[sid].publisher == claim.claimant:
            return Origin(claim.claimant, sid)
    innermost = next((h.source for h in reversed(claim.chain) if h.source is not None), None)
    return Origin(claim.claimant, innermost)


def provenance(dossier: Dossier, claim_id: str) -> Provenance:
    """How we know `claim_id`: its origin, its relays, and relays tied to it.

    Args:
        dossier: The dossier.
        claim_id: The claim.

    Raises:
        UnknownIdError: There is no such claim.
    """
    claim = dossier.claim(claim_id)
    index = index_of(dossier)
    ties = []
    for hop in claim.chain:
        tie = index.tie(hop.reporter, claim.claimant)
        if tie is not None and hop.reporter != claim.claimant:
            ties.append(tie)
    return Provenance(claim_id, _origin(dossier, claim), claim.chain, tuple(ties))
