"""Corroboration: the claims that back a claim, in independent origins.

The backing claims of a claim are the claim itself, the claims of the same
stance on the same subject, predicate and object, the claims linked to it
by ``repeats``, and those linked to it by ``supports`` whose own
proposition states what it says (the same subject, predicate and object,
predicates and units compared through the dossier's vocabulary, and the
same stance). A supporter that states something else (a party that
confirms deaths but gives no figure, for "16 civilians killed") is listed
in `Corroboration.partial`, with why, and not counted.

Two backing claims are one origin, strongest reason first, when they have
the same claimant, one repeats the other, one derives from, endorses or
reacts to the other (`LinkKind.DERIVES_FROM`, ``ENDORSES``, ``REACTS_TO``:
two politicians reacting to a post are not a second origin; such a link
never makes a claim a backer on its own), they came through the same relay,
they rest on the same words of the same source (one statement of several
claimants recorded as several claims, "U.S. and Afghan officials said":
`MergeReason.SAME_QUOTE`, as one claim with `Claim.also` would be), or
their claimants are tied (see `claims.analysis.ties`).

A relay is a hop of a claim's chain: its reporter and its source (or no
source). Two claims whose chains have a hop of the same reporter and the
same source, or both no source, came through that relay: two outlets
carrying a wire story, each recorded with the agency's hop, are one origin
("both came through northwind"). The outermost hop is the analyst's own
reading, not a relay, when its reporter is the publisher of its own source
or of a source the claim is quoted from: two claims read in one Al Jazeera
article, each with the hop "Al Jazeera reported", stay independent.

An origin is listed but not counted when every one of its claims is
assessed improbable or impossible to judge (Admiralty credibility 5 or 6,
`UNCOUNTED_CREDIBILITY`): footage that could not be verified does not
confirm anything. One claim of the origin that is unassessed, assessed
without a credibility, or assessed 1 to 4 is enough for the origin to count.

This module answers for one claim at a time, plainly: it is the reference
that the bulk answers of `corroborations` are tested against.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._describe import describe
from .._display import Displayed
from .._model import Claim, Link, LinkKind, Status
from ..confidence import Credibility
from ..dossier import Dossier
from ..vocabulary import Vocabulary
from ._index import (
    ASSERTS,
    DENIES,
    SUPPORTING,
    Index,
    claimants,
    index_of,
    parties,
)
from .ties import MergeReason, Tie

__all__ = [
    "UNCOUNTED_CREDIBILITY",
    "Corroboration",
    "CredibilitySuggestion",
    "IndependentOrigin",
    "Merge",
    "Partial",
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


def uncounted_alone(index: Index) -> dict[str, str]:
    """Why each claim that would not count as an origin of its own does not (`uncounted_reason`).

    Most claims count: only those assessed credibility 5 or 6 are here.
    """

    def build() -> dict[str, str]:
        assessed = ((c, x) for c, x in index.claims.items() if x.assessment is not None)
        return {c: r for c, x in assessed if (r := uncounted_reason((x,))) is not None}

    return index.answer("uncounted", build)


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
class Partial:
    """A claim linked as ``supports`` that does not state what it supports.

    Attributes:
        claim: The supporting claim's id.
        reason: Why it is not counted: what its proposition says differently.
    """

    claim: str
    reason: str


@attrs.frozen
class IndependentOrigin:
    """Claims that trace back to one origin, independent of every other origin.

    Attributes:
        claims: The claims' ids, in dossier order.
        actors: Their claimants, without repeats, in the same order.
        merges: Enough merges to join every claim of the origin, each with
            its reason (one fewer than there are claims).
        ties: Ties of the claimants of its counted claims (of all its claims
            when none counts) to a party named in the proposition
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
        partial: Claims linked as ``supports`` whose proposition does not
            state what the claim says, each with why, in dossier order:
            listed, not counted.
    """

    claim: str
    origins: tuple[IndependentOrigin, ...]
    partial: tuple[Partial, ...] = ()

    @property
    def count(self) -> int:
        """How many independent origins back the claim, counting only those that count.

        An origin whose every claim is assessed credibility 5 or 6 is listed
        in `origins` but not counted here.
        """
        return list(map(_UNCOUNTED, self.origins)).count(None)

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
    backers, partial = backing_of(index, include_inactive).get(claim_id, ((), ()))
    claims, links_from = index.claims, index.links_from
    if same is not None and not backers and not partial and claim_id not in inactive:
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
    return Corroboration(claim_id, origins, partial)


Backing = dict[str, tuple[tuple[str, ...], tuple[Partial, ...]]]
"""For each claim linked to: its backers by link, and its partial supporters."""


def backing_of(index: Index, include_inactive: bool) -> Backing:
    """The claims linked to each claim as its backers, and those that only partly support it.

    A ``repeats`` link always backs its target; a ``supports`` link backs
    it only when the supporter states what the target says (`stated`),
    else the supporter is a `Partial`. Links from inactive claims count
    only with `include_inactive`.
    """

    def build() -> Backing:
        inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
        claims = index.claims
        vocabulary = index.dossier.vocabulary
        backers: dict[str, list[str]] = {}
        partial: dict[str, list[Partial]] = {}
        for link in index.dossier.links:
            if link.kind not in SUPPORTING or link.claim in inactive:
                continue
            if link.kind is LinkKind.SUPPORTS:
                why = stated(claims[link.claim], claims[link.target], vocabulary)
                if why is not None:
                    partial.setdefault(link.target, []).append(Partial(link.claim, why))
                    continue
            backers.setdefault(link.target, []).append(link.claim)
        found: Backing = {}
        order = index.order.__getitem__
        for target in {*backers, *partial}:
            found[target] = (
                tuple(dict.fromkeys(backers.get(target, ()))),
                tuple(sorted(partial.get(target, ()), key=lambda p: order(p.claim))),
            )
        return found

    return index.answer(("backing", include_inactive), build)


def stated(supporter: Claim, claim: Claim, vocabulary: Vocabulary) -> str | None:
    """Why `supporter` does not state what `claim` says, or ``None`` when it does.

    It states it when both have the same stance, subject, predicate and
    object, predicates and units compared through `vocabulary` (``deaths``
    states ``killed`` where the vocabulary has one as an alias of the other;
    a quantity without a unit is in its predicate's default unit).
    """
    p, q = supporter.proposition, claim.proposition
    if supporter.stance is not claim.stance:
        return f"{supporter.stance.value}, not {claim.stance.value}"
    if p.subject != q.subject:
        return "about another subject"
    if vocabulary.canonical_predicate(p.predicate) != vocabulary.canonical_predicate(q.predicate):
        return f"says {p.predicate}, not {q.predicate}"
    if vocabulary.compared_value(p.predicate, p.object) != vocabulary.compared_value(
        q.predicate, q.object
    ):
        return f"says {describe(p.object)}, not {describe(q.object)}"
    return None


REACTIONS = frozenset({LinkKind.DERIVES_FROM, LinkKind.ENDORSES, LinkKind.REACTS_TO})
"""Link kinds that make one claim part of the other's origin, and never a backer."""

MERGING = REACTIONS | {LinkKind.REPEATS}
"""Link kinds that make two claims of one partition one origin."""


def merging_from(index: Index) -> frozenset[str]:
    """The claims with a link that merges origins (`MERGING`) to some claim."""

    def build() -> frozenset[str]:
        return frozenset(link.claim for link in index.dossier.links if link.kind in MERGING)

    return index.answer("merging", build)


def partition(
    claims: Mapping[str, Claim],
    index: Index,
    ids: Sequence[str],
    parties: tuple[str, ...],
    links_from: Mapping[str, Sequence[Link]],
) -> tuple[IndependentOrigin, ...]:
    """Split `ids` (in dossier order) into independent origins.

    Claims merge, strongest reason first, when they have the same claimant,
    one repeats the other, one derives from, endorses or reacts to the
    other, they came through the same relay, or their claimants are tied;
    a union-find keeps the merges that join two origins.

    Args:
        claims: The dossier's claims.
        index: Its indexes.
        ids: The claims, in dossier order.
        parties: The actors named in their proposition.
        links_from: The links from each claim.
    """
    unassessed = uncounted_alone(index)
    if len(ids) == 1:
        claim = claims[ids[0]]
        return (
            IndependentOrigin(
                tuple(ids),
                claimants(claim),
                (),
                index.ties(claim, parties),
                unassessed.get(claim.id),
            ),
        )
    bloc = index.actor_graph[0]
    found = [claims[c] for c in ids]
    who = [claimants(c) for c in found]
    if (
        len({bloc.get(a, a) for w in who for a in w}) == sum(map(len, who))
        and merging_from(index).isdisjoint(ids)
        and not may_share_relay_or_quote(index, found)
    ):
        # The common case: no two claims share a claimant, a bloc, a relay,
        # a quote or a merging link, so every claim is its own origin.
        return tuple(
            IndependentOrigin((c.id,), w, (), index.ties(c, parties), unassessed.get(c.id))
            for c, w in zip(found, who, strict=True)
        )
    return _merged(claims, index, ids, found, parties, links_from)


def _merged(
    claims: Mapping[str, Claim],
    index: Index,
    ids: Sequence[str],
    found: Sequence[Claim],
    parties: tuple[str, ...],
    links_from: Mapping[str, Sequence[Link]],
) -> tuple[IndependentOrigin, ...]:
    """`partition` where some claims may be one origin: each merge found, strongest first."""
    bloc = index.actor_graph[0]
    who = [claimants(c) for c in found]
    parent = {cid: cid for cid in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    joined: list[tuple[str, Merge]] = []

    def join(a: str, b: str, reason: MergeReason, note: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            joined.append((a, Merge(a, b, reason, note)))

    # Candidate merges, strongest reason first.
    present = set(ids)
    first_of_claimant: dict[str, str] = {}
    first_of_relay: dict[tuple[str, str | None], str] = {}
    same: list[tuple[str, str, str]] = []
    repeats: list[tuple[str, str]] = []
    reactions: list[tuple[str, str]] = []
    relayed: list[tuple[str, str, str]] = []
    first_of_quote: dict[object, str] = {}
    quoted: list[tuple[str, str, str]] = []
    for cid, claim, w in zip(ids, found, who, strict=True):
        for quote in claim.quotes:
            earlier = first_of_quote.setdefault(_QUOTE(quote), cid)
            if earlier != cid:
                quoted.append((earlier, cid, quote.source))
        for actor in w:
            earlier = first_of_claimant.setdefault(actor, cid)
            if earlier != cid:
                same.append((earlier, cid, actor))
        for link in links_from.get(cid, ()):
            if link.target in present:
                if link.kind is LinkKind.REPEATS:
                    repeats.append((link.target, cid))
                elif link.kind in REACTIONS:
                    reactions.append((link.target, cid))
        for relay in index.relays(claim):
            earlier = first_of_relay.setdefault(relay, cid)
            if earlier != cid:
                relayed.append((earlier, cid, relay[0]))
    for a, b, actor in same:
        join(a, b, MergeReason.SHARED_ORIGIN, f"both originate with {actor}")
    for a, b in repeats:
        join(a, b, MergeReason.REPEATS, f"{b} repeats {a}")
    for a, b in reactions:
        join(a, b, MergeReason.REACTION, f"{b} reacts to {a}")
    for a, b, actor in relayed:
        join(a, b, MergeReason.RELAY, f"both came through {actor}")
    for a, b, source in quoted:
        join(a, b, MergeReason.SAME_QUOTE, f"both rest on the same words of {source}")
    # Ties: between claims of one bloc and different claimants, pair by
    # pair (ties do not chain), one claim for each claimant and time.
    spans, timed = index.spans, index.timed
    by_bloc: dict[str, dict[tuple[str, object], str]] = {}
    for cid, w in zip(ids, who, strict=True):
        for actor in w:
            group = bloc.get(actor, actor)
            key = (actor, spans.get(cid) if group in timed else None)
            by_bloc.setdefault(group, {}).setdefault(key, cid)
    for members in by_bloc.values():
        if len(members) < 2:
            continue
        listed = list(members.items())
        for j, ((actor_b, _), b) in enumerate(listed):
            for (actor_a, _), a in listed[:j]:
                if actor_a != actor_b and find(a) != find(b):
                    tie = index.tie(actor_b, actor_a, (spans.get(a), spans.get(b)))
                    if tie is not None:
                        join(a, b, tie.reason, tie.note)
    merges: dict[str, list[Merge]] = defaultdict(list)
    for a, merge in joined:
        merges[find(a)].append(merge)

    components: dict[str, list[str]] = {}
    for cid in ids:
        components.setdefault(find(cid), []).append(cid)
    unassessed = uncounted_alone(index)
    order = {cid: i for i, cid in enumerate(ids)}
    origins = []
    for root, members_ in components.items():
        found = [claims[c] for c in members_]
        if len(members_) == 1:
            actors = claimants(found[0])
        else:
            actors = tuple(dict.fromkeys(a for c in found for a in claimants(c)))
        ms = merges.get(root, ())
        if len(ms) > 1:
            ms = sorted(ms, key=lambda m: (order[m.second], order[m.first]))
        counts = not all(c in unassessed for c in members_)
        uncounted = None if counts else uncounted_reason(found)
        # A claim that does not count lends the origin no tie either: only
        # the counted claims say whether the origin is an interested party's.
        judged = [c for c in found if c.id not in unassessed] if counts else found
        by_party: dict[str, Tie] = {}
        if parties:
            for c in judged:
                for t in index.ties(c, parties):
                    by_party.setdefault(t.other, t)
        origins.append(
            IndependentOrigin(
                tuple(members_), actors, tuple(ms), tuple(by_party.values()), uncounted
            )
        )
    return tuple(origins)


_CHAIN = operator.attrgetter("chain")
_HOP = operator.attrgetter("reporter", "source")
_UNCOUNTED = operator.attrgetter("uncounted")


_QUOTE = operator.attrgetter("source", "exact", "start")
"""The words a quote rests on: claims sharing them are one statement."""


def may_share_relay_or_quote(index: Index, claims: Sequence[Claim]) -> bool:
    """Whether two of `claims` came through one relay (`Index.relays`) or
    rest on one quote (the same words of the same source, at one place).

    A relay is a hop's (reporter, source), so claims whose hops all differ
    share none: their relays are worked out only when two hops agree.
    """
    quotes = [_QUOTE(q) for c in claims for q in c.quotes]
    if len(set(quotes)) < len(quotes):
        return True
    hops = list(itertools.chain.from_iterable(map(_CHAIN, claims)))
    if len(set(map(_HOP, hops))) == len(hops):
        return False
    relays = list(map(index.relays, claims))
    return len(set(itertools.chain.from_iterable(relays))) < sum(map(len, relays))


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
    for p in found.partial:
        reason += f"; not counted, does not state it: {p.claim} ({p.reason})"
    uncounted = tuple(o.actors for o in judged)
    return CredibilitySuggestion(claim_id, credibility, counted, aside, reason, uncounted=uncounted)
