"""Corroboration: the claims that back a claim, in independent origins.

The backing claims of a claim are the claim itself, the claims of the same
stance on the same subject, predicate and object, and the claims linked to
it by ``supports`` or ``repeats``. Two of them are one origin when they have
the same claimant, one repeats the other, or their claimants are tied (see
`claims.analysis.ties`): two outlets carrying the same wire story are not
independent confirmation.

An origin is listed but not counted when every one of its claims is
assessed improbable or impossible to judge (Admiralty credibility 5 or 6,
`UNCOUNTED_CREDIBILITY`): footage that could not be verified does not
confirm anything. One claim of the origin that is unassessed, assessed
without a credibility, or assessed 1 to 4 is enough for the origin to count.

This module answers for one claim at a time, plainly: it is the reference
that the bulk answers of `corroborations` are tested against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._display import Displayed
from .._model import Claim, Link, LinkKind, Status
from ..confidence import Credibility
from ..dossier import Dossier
from ._index import ASSERTS, DENIES, SUPPORTING, Index, index_of, parties
from .ties import MergeReason, Tie

__all__ = [
    "UNCOUNTED_CREDIBILITY",
    "Corroboration",
    "CredibilitySuggestion",
    "IndependentOrigin",
    "Merge",
    "corroboration",
    "suggest_credibility",
]

UNCOUNTED_CREDIBILITY: frozenset[Credibility] = frozenset(
    {Credibility.IMPROBABLE, Credibility.CANNOT_BE_JUDGED}
)
"""The credibilities whose claims are shown but never count toward confirmation."""

_REASONS: dict[frozenset[Credibility], str] = {}


def uncounted_reason(claims: Iterable[Claim]) -> str | None:
    """Why an origin made of `claims` is not counted, or ``None`` when it counts.

    It is not counted when every claim is assessed with a credibility of
    `UNCOUNTED_CREDIBILITY`; the reason names them, such as
    ``"credibility 6 (truth cannot be judged)"``.

    Args:
        claims: The origin's claims.
    """
    found: set[Credibility] = set()
    for claim in claims:
        a = claim.assessment
        credibility = None if a is None else a.credibility
        if credibility is None or credibility not in UNCOUNTED_CREDIBILITY:
            return None
        found.add(credibility)
    return credibility_reason(found) if found else None


def credibility_reason(credibilities: Iterable[Credibility]) -> str:
    """The reason an origin of claims of these `credibilities` is not counted.

    >>> credibility_reason([Credibility.CANNOT_BE_JUDGED])
    'credibility 6 (truth cannot be judged)'
    """
    key = frozenset(credibilities)
    reason = _REASONS.get(key)
    if reason is None:
        ranked = sorted(key, key=lambda c: c.value)
        reason = "credibility " + " and ".join(f"{c.value} ({c.label.lower()})" for c in ranked)
        _REASONS[key] = reason
    return reason


@attrs.frozen
class Merge:
    """Two claims counted as one origin, and why.

    Attributes:
        first: The id of the earlier claim.
        second: The id of the later claim.
        reason: Why they are not independent.
        note: The reason in words.
    """

    first: str
    second: str
    reason: MergeReason
    note: str


@attrs.frozen
class IndependentOrigin:
    """Claims that trace back to one origin, independent of every other origin.

    Attributes:
        claims: The claims' ids, in dossier order.
        actors: Their claimants, without repeats, in the same order.
        merges: Enough merges to join every claim of the origin, each with
            its reason (one fewer than there are claims).
        ties: Ties of its claimants to a party named in the proposition
            (Al-Nujaba TV, close to the PMF, on a claim about the PMF).
        uncounted: Why the origin does not count toward confirmation (every
            claim of it is assessed credibility 5 or 6, see
            `uncounted_reason`), or ``None`` when it counts.
    """

    claims: tuple[str, ...]
    actors: tuple[str, ...]
    merges: tuple[Merge, ...] = ()
    ties: tuple[Tie, ...] = ()
    uncounted: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the origin counts toward confirmation."""
        return self.uncounted is None

    @property
    def interested(self) -> bool:
        """Whether the origin is tied to a party named in the proposition."""
        return bool(self.ties)


@attrs.frozen
class Corroboration(Displayed):
    """The claims that back a claim, partitioned into independent origins.

    The backing claims are the claim itself, the claims of the same stance on
    the same subject, predicate and object, and the claims linked to it by
    ``supports`` or ``repeats``.

    Attributes:
        claim: The id of the claim corroborated.
        origins: The independent origins, in dossier order of their first
            claim, counted or not.
    """

    claim: str
    origins: tuple[IndependentOrigin, ...]

    @property
    def count(self) -> int:
        """How many independent origins back the claim, counting only those that count.

        An origin whose every claim is assessed credibility 5 or 6 is listed
        in `origins` but not counted here.
        """
        return sum(1 for o in self.origins if o.uncounted is None)

    @property
    def uncounted(self) -> tuple[IndependentOrigin, ...]:
        """The origins listed but not counted, each with its reason."""
        return tuple(o for o in self.origins if o.uncounted is not None)

    @property
    def own(self) -> IndependentOrigin:
        """The origin the claim itself belongs to."""
        return next(o for o in self.origins if self.claim in o.claims)

    @property
    def supporters(self) -> tuple[str, ...]:
        """Every backing claim but the claim itself."""
        return tuple(c for o in self.origins for c in o.claims if c != self.claim)


@attrs.frozen
class CredibilitySuggestion:
    """A suggested Admiralty information credibility, and why.

    Attributes:
        claim: The claim's id.
        credibility: `Credibility.CONFIRMED` when at least two independent
            origins, none of them tied to a party named in the proposition,
            back the claim; otherwise ``None`` (no suggestion).
        origins: The origins counted, as the claimants of each.
        set_aside: Origins not counted, tied to a party named in the proposition.
        reason: The suggestion in words.
        uncounted: Origins not counted (and not tied) because every claim
            of them is assessed credibility 5 or 6, as the claimants of each.
    """

    claim: str
    credibility: Credibility | None
    origins: tuple[tuple[str, ...], ...]
    set_aside: tuple[tuple[str, ...], ...]
    reason: str
    uncounted: tuple[tuple[str, ...], ...] = ()


def corroboration(
    dossier: Dossier, claim_id: str, *, include_inactive: bool = False
) -> Corroboration:
    """The claims backing `claim_id`, partitioned into independent origins.

    Args:
        dossier: The dossier.
        claim_id: The claim to corroborate.
        include_inactive: Also count superseded and retracted claims.

    Raises:
        UnknownIdError: There is no such claim.
    """
    claim = dossier.claim(claim_id)
    index = index_of(dossier)
    same = None
    if claim.stance is ASSERTS or claim.stance is DENIES:
        p = claim.proposition
        same = index.statements[p.subject, p.predicate][p.object, claim.stance]
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    links = dossier.links_to(claim_id)
    backers = [x.claim for x in links if x.kind in SUPPORTING and x.claim not in inactive]
    claims, links_from = index.claims, index.links_from
    if same is not None and not backers and claim_id not in inactive:
        # Claims that say the same thing share one partition. The sequence is
        # the dossier's own and lives as long as the dossier.
        group = same

        def shared() -> tuple[IndependentOrigin, ...]:
            ids = [c for c in group if c not in inactive] if inactive else list(group)
            return partition(claims, index, ids, parties(claim.proposition), links_from)

        origins = index.answer(("partition", id(same), include_inactive), shared)
        return Corroboration(claim_id, origins)
    backing = {claim_id, *backers}
    if same is not None:
        backing.update(c for c in same if c not in inactive)
    ids = sorted(backing, key=index.order.__getitem__)
    origins = partition(claims, index, ids, parties(claim.proposition), links_from)
    return Corroboration(claim_id, origins)


def partition(
    claims: Mapping[str, Claim],
    index: Index,
    ids: Sequence[str],
    parties: tuple[str, ...],
    links_from: Mapping[str, Sequence[Link]],
) -> tuple[IndependentOrigin, ...]:
    """Split `ids` (in dossier order) into independent origins.

    Claims merge, strongest reason first, when they have the same claimant,
    one repeats the other, or their claimants are tied; a union-find keeps
    the merges that join two origins.

    Args:
        claims: The dossier's claims.
        index: Its indexes.
        ids: The claims, in dossier order.
        parties: The actors named in their proposition.
        links_from: The links from each claim.
    """
    if len(ids) == 1:
        claim = claims[ids[0]]
        claimant = claim.claimant
        ties = index.ties(claimant, parties)
        return (IndependentOrigin(tuple(ids), (claimant,), (), ties, uncounted_reason((claim,))),)
    bloc = index.actor_graph[0]
    claimants = [claims[c].claimant for c in ids]
    if len({bloc[a] for a in claimants}) == len(ids) and links_from.keys().isdisjoint(ids):
        # The common case: every claim is its own origin.
        return tuple(
            IndependentOrigin(
                (c,), (a,), (), index.ties(a, parties), uncounted_reason((claims[c],))
            )
            for c, a in zip(ids, claimants, strict=True)
        )

    # Candidate merges, strongest reason first; a union-find keeps those that join.
    parent = {cid: cid for cid in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_of_claimant: dict[str, str] = {}
    first_of_bloc: dict[str, str] = {}
    candidates: list[tuple[int, str, str]] = []  # (rank, earlier, later)
    present = set(ids)
    for cid, claimant in zip(ids, claimants, strict=True):
        earlier = first_of_claimant.get(claimant)
        if earlier is None:
            first_of_claimant[claimant] = cid
            head = first_of_bloc.setdefault(bloc[claimant], cid)
            if head != cid:
                candidates.append((2, head, cid))
        else:
            candidates.append((0, earlier, cid))
        for link in links_from.get(cid, ()):
            if link.kind is LinkKind.REPEATS and link.target in present:
                candidates.append((1, link.target, cid))
    candidates.sort(key=lambda c: c[0])
    joined: list[tuple[str, Merge]] = []
    for rank, a, b in candidates:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            joined.append((a, _merge(index, claims[a], claims[b], rank)))
    merges: dict[str, list[Merge]] = defaultdict(list)
    for a, merge in joined:
        merges[find(a)].append(merge)

    components: dict[str, list[str]] = {}
    for cid in ids:
        components.setdefault(find(cid), []).append(cid)
    origins = []
    order = {cid: i for i, cid in enumerate(ids)}
    for root, members in components.items():
        actors = tuple(dict.fromkeys(claims[c].claimant for c in members))
        ms = sorted(merges.get(root, ()), key=lambda m: (order[m.second], order[m.first]))
        by_party: dict[str, Tie] = {}
        for a in actors:
            for t in index.ties(a, parties):
                by_party.setdefault(t.other, t)
        ties = tuple(by_party.values())
        uncounted = uncounted_reason(claims[c] for c in members)
        origins.append(IndependentOrigin(tuple(members), actors, tuple(ms), ties, uncounted))
    return tuple(origins)


def _merge(index: Index, a: Claim, b: Claim, rank: int) -> Merge:
    if rank == 0:
        return Merge(a.id, b.id, MergeReason.SHARED_ORIGIN, f"both originate with {a.claimant}")
    if rank == 1:
        return Merge(a.id, b.id, MergeReason.REPEATS, f"{b.id} repeats {a.id}")
    tie = index.tie(b.claimant, a.claimant)
    assert tie is not None  # rank 2 merges claimants of one bloc
    return Merge(a.id, b.id, tie.reason, tie.note)


def suggest_credibility(dossier: Dossier, claim_id: str) -> CredibilitySuggestion:
    """Suggest Admiralty credibility 1 ("confirmed") when it is earned.

    Only when at least two independent origins back the claim, not counting
    origins tied to a party named in the proposition (an interested party
    does not confirm) nor origins whose every claim is assessed credibility
    5 or 6 (improbable, or truth cannot be judged), is
    `Credibility.CONFIRMED` suggested; the suggestion names the origins, and
    those not counted with why.

    Raises:
        UnknownIdError: There is no such claim.
    """
    found = corroboration(dossier, claim_id)
    counted = tuple(o.actors for o in found.origins if not o.interested and o.counted)
    aside = tuple(o.actors for o in found.origins if o.interested)
    judged = [o for o in found.origins if not o.interested and not o.counted]

    def names(groups: tuple[tuple[str, ...], ...]) -> str:
        return "; ".join(" + ".join(g) for g in groups)

    if len(counted) >= 2:
        credibility: Credibility | None = Credibility.CONFIRMED
        reason = f"confirmed by {len(counted)} independent origins: {names(counted)}"
    else:
        credibility = None
        reason = f"{len(counted)} independent origin" + ("" if len(counted) == 1 else "s")
        reason += f" ({names(counted)})" if counted else ""
        reason += "; confirmation needs at least 2"
    if aside:
        reason += f"; not counted, tied to a party named in the claim: {names(aside)}"
    for o in judged:
        reason += f"; not counted, {o.uncounted}: {names((o.actors,))}"
    uncounted = tuple(o.actors for o in judged)
    return CredibilitySuggestion(claim_id, credibility, counted, aside, reason, uncounted=uncounted)
