"""The analyst's questions: origins, corroboration, contradictions, silences.

Every answer explains itself: two claims merged into one origin carry the
reason they are not independent; two claims that cannot both hold carry the
reason why. The functions here take a `Dossier` and are what its query
methods (`Dossier.corroboration`, `Dossier.contradictions`, ...) call.

Each answer comes from indexes built once per state of the dossier (the first
query after a change builds them) and never from comparing every claim with
every other: claims are grouped by what they say (subject, predicate, object
and stance), groups by subject and predicate, and only claims in the same
group are compared.
"""

from __future__ import annotations

import enum
import gc
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import (
    Callable,
    Collection,
    ItemsView,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
    ValuesView,
)
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, TypeVar, cast

import attrs

from ._model import (
    ActorRef,
    Claim,
    Hop,
    Link,
    LinkKind,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    Status,
    StatusKind,
    Subject,
    Unknown,
    Value,
    When,
)
from .confidence import Credibility

if TYPE_CHECKING:
    from .dossier import Dossier

__all__ = [
    "ACCUSATION_PREDICATES",
    "FUNCTIONAL_PREDICATES",
    "INVERSE_FUNCTIONAL_PREDICATES",
    "Contradiction",
    "ContradictionReason",
    "Corroboration",
    "CredibilitySuggestion",
    "CurrentView",
    "IndependentOrigin",
    "Merge",
    "MergeReason",
    "Moment",
    "MomentKind",
    "Origin",
    "Provenance",
    "Replacement",
    "Silence",
    "SilenceKind",
    "StaleLink",
    "Tie",
    "Uncertainty",
    "contradictions",
    "corroboration",
    "corroborations",
    "current",
    "provenance",
    "silences",
    "suggest_credibility",
    "timeline",
    "uncertainties",
]

FUNCTIONAL_PREDICATES: frozenset[str] = frozenset({"caused_by", "cause", "located_in", "location"})
"""Predicates with one value per subject: two different known values conflict."""

INVERSE_FUNCTIONAL_PREDICATES: frozenset[str] = frozenset(
    {"responsible_for", "carried_out", "perpetrated"}
)
"""Predicates with one subject per object: two actors each said to be
responsible for the same event conflict."""

ACCUSATION_PREDICATES: frozenset[str] = frozenset({"responsible_for", "blamed_for", "perpetrated"})
"""Predicates that name their subject as responsible: an accusation."""

APPROXIMATE_TOLERANCE = 0.25
"""How far an approximate quantity stretches: a quarter of itself, at least 1."""


# --------------------------------------------------------------------------
# Result records


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
class Tie:
    """Why one actor is not independent of another.

    Attributes:
        actor: The actor that is tied (a claimant or a reporter).
        other: The actor it is tied to (a claimant, or a party named in a
            proposition).
        reason: `MergeReason.PART_OF`, `MergeReason.AFFILIATED`, or
            `MergeReason.SHARED_ORIGIN` when they are the same actor.
        note: The ties, in words: ``"nujaba-tv is affiliated with pmf
            (considered close to)"``.
    """

    actor: str
    other: str
    reason: MergeReason
    note: str


@attrs.frozen
class Provenance:
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


class MergeReason(enum.Enum):
    """Why two supporting claims are not independent of each other."""

    SHARED_ORIGIN = "shared_origin"
    """The same claimant: two outlets carrying the same wire story."""
    REPEATS = "repeats"
    """One claim is linked as a repeat of the other."""
    PART_OF = "part_of"
    """The claimants belong to the same whole (two ministries of one government)."""
    AFFILIATED = "affiliated"
    """The claimants are tied by affiliation ("considered close to")."""


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
    """

    claims: tuple[str, ...]
    actors: tuple[str, ...]
    merges: tuple[Merge, ...] = ()
    ties: tuple[Tie, ...] = ()

    @property
    def interested(self) -> bool:
        """Whether the origin is tied to a party named in the proposition."""
        return bool(self.ties)


@attrs.frozen
class Corroboration:
    """The claims that back a claim, partitioned into independent origins.

    The backing claims are the claim itself, the claims of the same stance on
    the same subject, predicate and object, and the claims linked to it by
    ``supports`` or ``repeats``.

    Attributes:
        claim: The id of the claim corroborated.
        origins: The independent origins, in dossier order of their first claim.
    """

    claim: str
    origins: tuple[IndependentOrigin, ...]

    @property
    def count(self) -> int:
        """How many independent origins back the claim."""
        return len(self.origins)

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
    """

    claim: str
    credibility: Credibility | None
    origins: tuple[tuple[str, ...], ...]
    set_aside: tuple[tuple[str, ...], ...]
    reason: str


class ContradictionReason(enum.Enum):
    """Why two claims cannot both hold."""

    OPPOSITE_STANCES = "opposite_stances"
    """One asserts what the other denies."""
    DIFFERENT_VALUES = "different_values"
    """Different known values for a predicate that has only one."""
    DISJOINT_QUANTITIES = "disjoint_quantities"
    """Quantities of the same unit whose intervals do not overlap."""
    NO_VALUE = "no_value"
    """One says there is none, the other gives a value."""
    LINKED = "linked"
    """An explicit ``contradicts`` link, and no other reason found."""


@attrs.frozen
class Contradiction:
    """Two claims that cannot both hold.

    Attributes:
        first: The id of the claim added first.
        second: The id of the other claim.
        reason: Why they cannot both hold.
        detail: The reason in words.
        linked: Whether a ``contradicts`` link between them is also recorded.
    """

    first: str
    second: str
    reason: ContradictionReason
    detail: str
    linked: bool = False


@attrs.frozen
class Uncertainty:
    """A known unknown: a claim that a value is not known.

    It contradicts nothing; it says that the known values beside it are not
    settled.

    Attributes:
        claim: The id of the claim whose object is `Unknown`.
        subject: What the value is about.
        predicate: Which value.
        known: Ids of claims that give a known value for the same subject and
            predicate.
    """

    claim: str
    subject: Subject
    predicate: str
    known: tuple[str, ...] = ()


class SilenceKind(enum.Enum):
    """A silence reported in a claim, or one noticed by its absence."""

    REPORTED = "reported"
    """Declined to comment, did not respond, made no comment."""
    UNANSWERED = "unanswered"
    """Accused by another actor, with no claim of their own on it."""


@attrs.frozen
class Silence:
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


@attrs.frozen
class Replacement:
    """Where a superseded or retracted claim leads.

    Attributes:
        claim: The id of the claim that is no longer current.
        status: Its status (who superseded or retracted it).
        current: The id of the active claim at the end of its supersession
            chain, or ``None`` when the chain ends in a retraction.
        path: The claims passed through, from `claim` to the end.
    """

    claim: str
    status: Status
    current: str | None
    path: tuple[str, ...]


@attrs.frozen
class StaleLink:
    """A link that points at a claim that is no longer current.

    Attributes:
        link: The link.
        status: The status of its target.
    """

    link: Link
    status: Status


@attrs.frozen
class CurrentView:
    """The dossier as it stands: what is current, what replaced what.

    Attributes:
        claims: Ids of the active claims, in dossier order.
        replaced: Every superseded or retracted claim and where it leads.
        stale: Links (other than the superseding and retracting links
            themselves) whose target is superseded or retracted.
    """

    claims: tuple[str, ...]
    replaced: tuple[Replacement, ...] = ()
    stale: tuple[StaleLink, ...] = ()


class MomentKind(enum.Enum):
    """What happened at a moment of the timeline."""

    MADE = "made"
    """The claimant made the claim."""
    REPORTED = "reported"
    """A reporter published it."""


@attrs.frozen
class Moment:
    """One entry of a timeline.

    Attributes:
        when: When, as precisely as known.
        kind: Made or reported.
        claim: The claim's id.
        actor: The claimant (made) or the reporter (reported).
        source: The document it was reported in (reported only).
    """

    when: When
    kind: MomentKind
    claim: str
    actor: str
    source: str | None = None


_R = TypeVar("_R", bound=attrs.AttrsInstance)
_PLAIN: frozenset[type] = frozenset({Corroboration, IndependentOrigin})
"""Records `_records` may make without calling their ``__init__``: frozen and
slotted, with no defaults that compute, validators, converters or hooks."""


# --------------------------------------------------------------------------
# The indexes of one dossier state


_SUPPORTING = frozenset({LinkKind.SUPPORTS, LinkKind.REPEATS})
_ENDS = frozenset({LinkKind.SUPERSEDES, LinkKind.RETRACTS})
_ASSERTS = Stance.ASSERTS
_DENIES = Stance.DENIES

# (subject, predicate, object, denies): what a claim says, and which way.
_Key = tuple[Subject, str, Value, bool]
# An edge of the actor graph: (actor, kind, other, note), read "actor kind other".
_Edge = tuple[str, str, str, str | None]


class _Groups:
    """Asserting and denying claims grouped by what they say.

    Built from the dossier's index of claims by subject, predicate and
    object, so grouping costs a look at each claim's stance, not a hash of
    its proposition.

    Attributes:
        keys: Each group's (subject, predicate, object, denies).
        members: Each group's claim ids, in dossier order.
        by_sp: The groups of each (subject, predicate), for those with more
            than one group.
        by_predicate: The groups of each predicate.
        others: The claims of any other stance (silences), in dossier order.
    """

    def __init__(self, dossier: Dossier) -> None:
        self.keys: list[_Key] = []
        self.members: list[list[str]] = []
        self.by_sp: list[list[int]] = []
        self.by_predicate: defaultdict[str, list[int]] = defaultdict(list)
        self.others: list[str] = []
        keys, members, by_predicate = self.keys, self.members, self.by_predicate
        for (subject, predicate), said in dossier._statements.items():
            first = len(keys)
            for (obj, stance), ids in said.items():
                if stance is _ASSERTS or stance is _DENIES:
                    by_predicate[predicate].append(len(keys))
                    keys.append((subject, predicate, obj, stance is _DENIES))
                    members.append(ids)
                else:
                    self.others += ids
            if len(keys) - first > 1:
                self.by_sp.append(list(range(first, len(keys))))
        self.others.sort(key=dossier._positions.__getitem__)


class _Index:
    """Derived indexes of one state of a dossier, each built on first use."""

    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.partitions: dict[tuple[int, bool], tuple[IndependentOrigin, ...]] = {}
        self.every: dict[bool, _Corroborations] = {}
        self._ties: dict[tuple[str, tuple[str, ...]], tuple[Tie, ...]] = {}

    @property
    def order(self) -> Mapping[str, int]:
        """Each claim's position in the dossier (an index the dossier keeps)."""
        return self.dossier._positions

    @cached_property
    def inactive(self) -> dict[str, Status]:
        """The status of every claim that is superseded or retracted."""
        d = self.dossier
        targets = {link.target for link in d.links if link.kind in _ENDS}
        return {cid: d.status(cid) for cid in targets}

    @cached_property
    def groups(self) -> _Groups:
        """Asserting and denying claims grouped by what they say."""
        return _Groups(self.dossier)

    @cached_property
    def actor_graph(self) -> tuple[dict[str, str], dict[str, tuple[str, _Edge | None, int]]]:
        """Blocs of actors tied by ``part_of`` or affiliation, as BFS trees.

        Returns each actor's bloc (the first actor of its bloc) and, for
        each actor, its parent in its bloc's tree, the edge to it and its
        depth.
        """
        adjacent: defaultdict[str, list[tuple[str, _Edge]]] = defaultdict(list)
        for actor in self.dossier.actors.values():
            if actor.part_of is not None:
                edge: _Edge = (actor.id, "part_of", actor.part_of, None)
                adjacent[actor.id].append((actor.part_of, edge))
                adjacent[actor.part_of].append((actor.id, edge))
            for aff in actor.affiliations:
                edge = (actor.id, "affiliated", aff.actor, aff.note)
                adjacent[actor.id].append((aff.actor, edge))
                adjacent[aff.actor].append((actor.id, edge))
        bloc: dict[str, str] = {}
        tree: dict[str, tuple[str, _Edge | None, int]] = {}
        for root in self.dossier.actors:
            if root in bloc:
                continue
            bloc[root] = root
            tree[root] = (root, None, 0)
            frontier = [root]
            while frontier:
                nxt = []
                for node in frontier:
                    depth = tree[node][2] + 1
                    for other, edge in adjacent.get(node, ()):
                        if other not in bloc:
                            bloc[other] = root
                            tree[other] = (node, edge, depth)
                            nxt.append(other)
                frontier = nxt
        return bloc, tree

    def ties(self, actor: str, parties: tuple[str, ...]) -> tuple[Tie, ...]:
        """Ties of `actor` to each of `parties` it is not independent of."""
        if not parties:
            return ()
        key = (actor, parties)
        found = self._ties.get(key)
        if found is None:
            found = self._ties[key] = tuple(
                t for t in (self.tie(actor, p) for p in parties) if t is not None
            )
        return found

    def tie(self, a: str, b: str) -> Tie | None:
        """Why actor `a` is not independent of actor `b`, if it is not."""
        if a == b:
            return Tie(a, b, MergeReason.SHARED_ORIGIN, f"{a} is {b} itself")
        bloc, tree = self.actor_graph
        if bloc.get(a, a) != bloc.get(b, b):
            return None
        up: list[_Edge] = []
        down: list[_Edge] = []
        x, y = a, b
        while tree[x][2] > tree[y][2]:
            up.append(_edge(tree[x]))
            x = tree[x][0]
        while tree[y][2] > tree[x][2]:
            down.append(_edge(tree[y]))
            y = tree[y][0]
        while x != y:
            up.append(_edge(tree[x]))
            x = tree[x][0]
            down.append(_edge(tree[y]))
            y = tree[y][0]
        edges = up + down[::-1]
        kinds = {e[1] for e in edges}
        reason = MergeReason.PART_OF if kinds == {"part_of"} else MergeReason.AFFILIATED
        return Tie(a, b, reason, "; ".join(_describe_edge(e) for e in edges))


def _edge(node: tuple[str, _Edge | None, int]) -> _Edge:
    edge = node[1]
    assert edge is not None  # only a bloc's root has none, and it has depth 0
    return edge


def _describe_edge(edge: _Edge) -> str:
    actor, kind, other, note = edge
    if kind == "part_of":
        return f"{actor} is part of {other}"
    return f"{actor} is affiliated with {other}" + (f" ({note})" if note else "")


def _index(dossier: Dossier) -> _Index:
    return dossier._memo("analysis", lambda: _Index(dossier))


# --------------------------------------------------------------------------
# Provenance


def origin(dossier: Dossier, claim_id: str) -> Origin:
    """Where `claim_id`'s reporting chain starts (see `Origin`)."""
    claim = dossier.claim(claim_id)
    return _origin(dossier, claim)


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

    Raises:
        UnknownIdError: There is no such claim.
    """
    claim = dossier.claim(claim_id)
    index = _index(dossier)
    ties = []
    for hop in claim.chain:
        tie = index.tie(hop.reporter, claim.claimant)
        if tie is not None and hop.reporter != claim.claimant:
            ties.append(tie)
    return Provenance(claim_id, _origin(dossier, claim), claim.chain, tuple(ties))


# --------------------------------------------------------------------------
# Corroboration


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
    dossier.claim(claim_id)
    return _corroborate(dossier, _index(dossier), claim_id, include_inactive)


def corroborations(
    dossier: Dossier, *, include_inactive: bool = False
) -> Mapping[str, Corroboration]:
    """The corroboration of every claim, by claim id.

    The same answers as `corroboration` for each claim. The mapping is made
    at once; each answer is made when it is read, together with those of the
    claims that say the same thing (they share their partition). Reading all
    of them through ``values()`` or ``items()`` makes them a few thousand
    claims at a time, so they need not all be held at once.

    The mapping answers for the dossier as it is when the mapping is made:
    records added to the dossier later change neither which claims it holds
    nor any of its answers.

    Args:
        dossier: The dossier.
        include_inactive: Also count superseded and retracted claims.

    Returns:
        A read-only mapping from each claim's id to its corroboration,
        claims that say the same thing next to each other, then claims of
        other stances (silences).
    """
    index = _index(dossier)
    found = index.every.get(include_inactive)
    if found is None:
        found = index.every[include_inactive] = _Corroborations(dossier, index, include_inactive)
    return found


class _Corroborations(Mapping[str, Corroboration]):
    """Every claim's corroboration in one state of a dossier, made as read.

    What the answers depend on that a later add could change (how many
    claims each group has, the links, the blocs of actors) is copied or
    computed when the mapping is made.

    Attributes:
        chunk: About how many claims' answers ``values()`` and ``items()``
            make together.
        keep: How many groups' partitions lookups by id keep.
    """

    chunk = 256
    keep = 256

    def __init__(self, dossier: Dossier, index: _Index, include_inactive: bool) -> None:
        self._claims = dossier._claims
        self._positions = dossier._positions
        self._statements = dossier._statements
        self._size = len(dossier._claims)
        self._index = index
        groups = index.groups
        self._members = groups.members
        self._sizes = list(map(len, groups.members))
        self._keys = groups.keys
        self._others = groups.others
        self._bloc = index.actor_graph[0]
        self._alone = {a: (a,) for a in dossier._actors}
        inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
        self._inactive = inactive
        self._links_from = {cid: tuple(links) for cid, links in dossier._links_from.items()}
        backers: dict[str, list[str]] = {}
        for target, links in dossier._links_to.items():
            ids = [x.claim for x in links if x.kind in _SUPPORTING and x.claim not in inactive]
            if ids:
                backers[target] = ids
        self._backers = backers
        self._special = {*inactive, *backers}
        self._with_special = _groups_of(dossier, self._special)
        self._linked = _groups_of(dossier, self._links_from)
        self._kept: dict[int, tuple[IndependentOrigin, ...]] = {}

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: object) -> bool:
        position = self._positions.get(key) if isinstance(key, str) else None
        return position is not None and position < self._size

    def __iter__(self) -> Iterator[str]:
        for same, n in zip(self._members, self._sizes, strict=True):
            yield from same if n == len(same) else same[:n]
        yield from self._others

    def __repr__(self) -> str:
        return f"<corroborations of {self._size} claims>"

    def __getitem__(self, claim_id: str) -> Corroboration:
        if claim_id not in self:
            raise KeyError(claim_id)
        claim = self._claims[claim_id]
        if claim.stance is not _ASSERTS and claim.stance is not _DENIES:
            return Corroboration(claim_id, self._backing(claim_id, None))
        p = claim.proposition
        same = self._statements[p.subject, p.predicate][p.object, claim.stance]
        shared = self._kept.get(id(same))
        if shared is not None and claim_id not in self._special:
            return Corroboration(claim_id, shared)
        end = bisect_left(same, self._size, key=self._positions.__getitem__)
        live = [c for c in same[:end] if c not in self._inactive]
        if claim_id in self._special:
            return Corroboration(claim_id, self._backing(claim_id, live))
        if shared is None:
            index = self._index
            shared = _partition(self._claims, index, live, _parties(p), self._links_from)
            if len(self._kept) >= self.keep:
                del self._kept[next(iter(self._kept))]
            self._kept[id(same)] = shared
        return Corroboration(claim_id, shared)

    def values(self) -> ValuesView[Corroboration]:
        """The answers, in the mapping's order, made a few thousand at a time."""
        return _Values(self)

    def items(self) -> ItemsView[str, Corroboration]:
        """Ids and answers, in the mapping's order, made a few thousand at a time."""
        return _Items(self)

    def answers(self) -> Iterator[tuple[str, Corroboration]]:
        """Every (id, answer), in order: groups of claims a chunk at a time, then the rest."""
        sizes, n_groups = self._sizes, len(self._sizes)
        start = 0
        while start < n_groups:
            end, count = start, 0
            while end < n_groups and count < self.chunk:
                count += sizes[end]
                end += 1
            with _no_gc():
                ids, found = self._make(start, end)
            yield from zip(ids, found, strict=True)
            start = end
        for cid in self._others:
            yield cid, Corroboration(cid, self._backing(cid, None))

    def _make(self, start: int, end: int) -> tuple[list[str], list[Corroboration]]:
        """The answers for the claims of groups `start` to `end` (excluded), in order.

        Most groups need no merging: every claim is its own origin. Their
        origins are made together, column by column; the others go through
        `_partition`. A claim shares its group's partition unless it is
        inactive or a ``supports`` or ``repeats`` link from an active claim
        points at it.
        """
        claims, index, bloc, inactive = self._claims, self._index, self._bloc, self._inactive
        members, sizes, keys = self._members, self._sizes, self._keys
        special, with_special, linked = self._special, self._with_special, self._linked
        ties = index.ties
        # The origins of groups where every claim is its own origin, as
        # columns; then, for each group, its run of them or its partition.
        col_ids: list[str] = []
        col_actors: list[str] = []
        col_ties: list[tuple[Tie, ...]] = []
        plan: list[tuple[int, int] | tuple[IndependentOrigin, ...]] = []
        for g in range(start, end):
            same, n = members[g], sizes[g]
            subject, _, obj, _ = keys[g]
            parties: tuple[str, ...]
            if isinstance(subject, ActorRef):
                parties = (subject.id, obj.id) if isinstance(obj, ActorRef) else (subject.id,)
            else:
                parties = (obj.id,) if isinstance(obj, ActorRef) else ()
            if n == 1 and id(same) not in with_special:
                a = claims[same[0]].claimant
                col_ids.append(same[0])
                col_actors.append(a)
                col_ties.append(ties(a, parties) if parties else ())
                plan.append((len(col_ids) - 1, len(col_ids)))
                continue
            live = same if n == len(same) else same[:n]
            if id(same) in with_special:
                live = [c for c in live if c not in inactive]
            claimants = [claims[c].claimant for c in live]
            m = len(live)
            if m > 1 and (
                len(set(map(bloc.__getitem__, claimants))) < m
                or (id(same) in linked and not self._links_from.keys().isdisjoint(live))
            ):
                plan.append(_partition(claims, index, live, parties, self._links_from))
                continue
            first = len(col_ids)
            col_ids += live
            col_actors += claimants
            if parties:
                col_ties += [ties(a, parties) for a in claimants]
            else:
                col_ties += repeat((), m)
            plan.append((first, first + m))
        made = _records(
            IndependentOrigin,
            len(col_ids),
            claims=zip(col_ids),
            actors=map(self._alone.__getitem__, col_actors),
            merges=repeat(()),
            ties=col_ties,
        )
        ids: list[str] = []
        origins: list[tuple[IndependentOrigin, ...]] = []
        for g, step in zip(range(start, end), plan, strict=True):
            same, n = members[g], sizes[g]
            if step and type(step[0]) is int:
                shared = tuple(made[step[0] : step[1]])
            else:
                shared = cast(tuple[IndependentOrigin, ...], step)
            every = same if n == len(same) else same[:n]
            ids += every
            if id(same) not in with_special:
                origins += repeat(shared, n)
                continue
            live = [c for c in every if c not in inactive]
            for cid in every:
                origins.append(self._backing(cid, live) if cid in special else shared)
        return ids, _records(Corroboration, len(ids), claim=ids, origins=origins)

    def _backing(self, claim_id: str, same: list[str] | None) -> tuple[IndependentOrigin, ...]:
        """The origins of one claim's backing; `same` are its group's active claims."""
        claim = self._claims[claim_id]
        backing = {claim_id, *(same or ()), *self._backers.get(claim_id, ())}
        ids = sorted(backing, key=self._positions.__getitem__)
        return _partition(
            self._claims, self._index, ids, _parties(claim.proposition), self._links_from
        )


class _Values(ValuesView[Corroboration]):
    """The answers of `_Corroborations`, made a chunk at a time."""

    def __init__(self, answers: _Corroborations) -> None:
        super().__init__(answers)
        self._answers = answers

    def __iter__(self) -> Iterator[Corroboration]:
        for _, found in self._answers.answers():
            yield found


class _Items(ItemsView[str, Corroboration]):
    """The ids and answers of `_Corroborations`, made a chunk at a time."""

    def __init__(self, answers: _Corroborations) -> None:
        super().__init__(answers)
        self._answers = answers

    def __iter__(self) -> Iterator[tuple[str, Corroboration]]:
        return self._answers.answers()


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic records.

    Bulk answers create many small tuples and frozen records, none of them
    in reference cycles; collecting while they are made only rescans them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _corroborate(
    dossier: Dossier,
    index: _Index,
    claim_id: str,
    include_inactive: bool,
) -> Corroboration:
    """Corroborate one claim."""
    claim = dossier._claims[claim_id]
    same = None
    if claim.stance is _ASSERTS or claim.stance is _DENIES:
        p = claim.proposition
        same = dossier._statements[p.subject, p.predicate][p.object, claim.stance]
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    links = dossier._links_to.get(claim_id, ())
    backers = [x.claim for x in links if x.kind in _SUPPORTING and x.claim not in inactive]
    claims, links_from = dossier._claims, dossier._links_from
    if same is not None and not backers and claim_id not in inactive:
        # Claims that say the same thing share one partition. The list is the
        # dossier's own and lives as long as this state of the dossier.
        key = (id(same), include_inactive)
        cached = index.partitions.get(key)
        if cached is None:
            ids = [c for c in same if c not in inactive] if inactive else same
            cached = _partition(claims, index, ids, _parties(claim.proposition), links_from)
            index.partitions[key] = cached
        return Corroboration(claim_id, cached)
    backing = {claim_id, *backers}
    if same is not None:
        backing.update(c for c in same if c not in inactive)
    ids = sorted(backing, key=index.order.__getitem__)
    origins = _partition(claims, index, ids, _parties(claim.proposition), links_from)
    return Corroboration(claim_id, origins)


def _groups_of(dossier: Dossier, ids: Iterable[str]) -> set[int]:
    """The `id` of the group list (in `Dossier._statements`) of each of `ids`.

    To tell the few groups holding any of `ids` without looking at every claim.
    """
    claims, statements = dossier._claims, dossier._statements
    found = set()
    for cid in ids:
        claim = claims[cid]
        if claim.stance is _ASSERTS or claim.stance is _DENIES:
            p = claim.proposition
            found.add(id(statements[p.subject, p.predicate][p.object, claim.stance]))
    return found


def _parties(prop: Proposition) -> tuple[str, ...]:
    """The actors named in a proposition."""
    return _named(prop.subject, prop.object)


def _named(subject: Subject, obj: Value) -> tuple[str, ...]:
    """The actors among a proposition's subject and object."""
    if isinstance(subject, ActorRef):
        return (subject.id, obj.id) if isinstance(obj, ActorRef) else (subject.id,)
    return (obj.id,) if isinstance(obj, ActorRef) else ()


def _records(cls: type[_R], n: int, **columns: Iterable[object]) -> list[_R]:
    """`n` records of the attrs class `cls`, each field's values given as a column.

    Each slot is set directly, as the generated ``__init__`` would set it,
    without a Python call per record: for many small records at once. Only
    for the plain classes of `_PLAIN` (no validators, converters or hooks).

    Args:
        cls: The record class.
        n: How many records.
        columns: An iterable of at least `n` values for each field, by name.
    """
    assert cls in _PLAIN
    made = cast(list[_R], list(map(object.__new__, repeat(cls, n))))
    for field in attrs.fields(cls):
        deque(map(getattr(cls, field.name).__set__, made, columns[field.name]), maxlen=0)
    return made


def _partition(
    claims: Mapping[str, Claim],
    index: _Index,
    ids: list[str],
    parties: tuple[str, ...],
    links_from: Mapping[str, Sequence[Link]],
) -> tuple[IndependentOrigin, ...]:
    """Split `ids` (in dossier order) into independent origins.

    Args:
        claims: The dossier's claims.
        index: Its indexes.
        ids: The claims, in dossier order.
        parties: The actors named in their proposition.
        links_from: The links from each claim.
    """
    if len(ids) == 1:
        claimant = claims[ids[0]].claimant
        return (IndependentOrigin(tuple(ids), (claimant,), (), index.ties(claimant, parties)),)
    bloc = index.actor_graph[0]
    claimants = [claims[c].claimant for c in ids]
    if len({bloc[a] for a in claimants}) == len(ids) and links_from.keys().isdisjoint(ids):
        # The common case: every claim is its own origin.
        return tuple(
            IndependentOrigin((c,), (a,), (), index.ties(a, parties))
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
        origins.append(IndependentOrigin(tuple(members), actors, tuple(ms), ties))
    return tuple(origins)


def _merge(index: _Index, a: Claim, b: Claim, rank: int) -> Merge:
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
    does not confirm), is `Credibility.CONFIRMED` suggested; the suggestion
    names the origins.

    Raises:
        UnknownIdError: There is no such claim.
    """
    found = corroboration(dossier, claim_id)
    counted = tuple(o.actors for o in found.origins if not o.interested)
    aside = tuple(o.actors for o in found.origins if o.interested)

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
    return CredibilitySuggestion(claim_id, credibility, counted, aside, reason)


# --------------------------------------------------------------------------
# Contradictions and uncertainty

# An interval: (low, low open, high, high open); None is unbounded.
_Interval = tuple[float | None, bool, float | None, bool]


def _interval(q: Quantity, tolerance: float) -> _Interval:
    if q.lower is None and q.upper is None:
        assert q.value is not None
        lo: float | None = q.value
        hi: float | None = q.value
        lo_open = hi_open = False
    else:
        lo, hi, lo_open, hi_open = q.lower, q.upper, q.lower_open, q.upper_open
    if q.approximate:
        if lo is not None:
            lo, lo_open = lo - max(1.0, tolerance * abs(lo)), False
        if hi is not None:
            hi, hi_open = hi + max(1.0, tolerance * abs(hi)), False
    return lo, lo_open, hi, hi_open


def _before(a: _Interval, b: _Interval) -> bool:
    """Whether every number of `a` is below every number of `b`."""
    hi, hi_open = a[2], a[3]
    lo, lo_open = b[0], b[1]
    if hi is None or lo is None:
        return False
    return hi < lo or (hi == lo and (hi_open or lo_open))


def _compatible_settings(a: Proposition, b: Proposition) -> bool:
    """Whether two propositions may be about the same time and place."""
    if (
        a.when is not None
        and b.when is not None
        and (a.when.end <= b.when.start or b.when.end <= a.when.start)
    ):
        return False
    return a.where is None or b.where is None or a.where == b.where


class _Pairs:
    """Collects contradictions, one per pair of claims, each in dossier order.

    Attributes:
        found: The contradictions, by the positions of their two claims.
    """

    def __init__(self, dossier: Dossier) -> None:
        self.claims = dossier._claims
        self.order = dossier._positions
        self.found: dict[tuple[int, int], Contradiction] = {}

    def add(self, a: str, b: str, reason: ContradictionReason, detail: str) -> None:
        """Record that `a` and `b` conflict, unless they already do or are set apart."""
        i, j = self.order[a], self.order[b]
        if i > j:
            a, b, i, j = b, a, j, i
        if (i, j) in self.found:
            return
        if _compatible_settings(self.claims[a].proposition, self.claims[b].proposition):
            self.found[(i, j)] = Contradiction(a, b, reason, detail)


def contradictions(
    dossier: Dossier,
    *,
    include_inactive: bool = False,
    functional: Collection[str] = FUNCTIONAL_PREDICATES,
    inverse_functional: Collection[str] = INVERSE_FUNCTIONAL_PREDICATES,
    tolerance: float = APPROXIMATE_TOLERANCE,
) -> tuple[Contradiction, ...]:
    """Every pair of claims that cannot both hold, each with its reason.

    Claims on the same subject and predicate are compared: opposite stances
    on the same object; an explicit none against a value; quantities of the
    same unit whose intervals do not overlap (an approximate quantity
    stretches by `tolerance`); and, for `functional` predicates, two different
    known values. For `inverse_functional` predicates ("responsible_for"),
    two different subjects with the same object conflict. Explicit
    ``contradicts`` links are included. Claims whose propositions are set at
    times or places that do not overlap never conflict. A known unknown
    conflicts with nothing: see `uncertainties`.

    Args:
        dossier: The dossier.
        include_inactive: Also compare superseded and retracted claims.
        functional: Predicates with one value per subject.
        inverse_functional: Predicates with one subject per object.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Returns:
        The contradictions, in dossier order of their claims.
    """
    with _no_gc():
        return _contradictions(
            dossier,
            include_inactive,
            frozenset(functional),
            frozenset(inverse_functional),
            tolerance,
        )


def _contradictions(
    dossier: Dossier,
    include_inactive: bool,
    functional: Collection[str],
    inverse_functional: Collection[str],
    tolerance: float,
) -> tuple[Contradiction, ...]:
    index = _index(dossier)
    groups = index.groups
    keys, members = groups.keys, groups.members
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    pairs = _Pairs(dossier)
    marked = _groups_of(dossier, inactive)

    def live(g: int) -> list[str]:
        ids = members[g]
        return [c for c in ids if c not in inactive] if id(ids) in marked else ids

    for same_sp in groups.by_sp:
        _compare_group(keys, live, same_sp, functional, tolerance, pairs)
    by_po: dict[tuple[str, Value], list[int]] = {}
    for predicate in inverse_functional:
        for g in groups.by_predicate.get(predicate, ()):
            if not keys[g][3] and not isinstance(keys[g][2], (Unknown, NoValue)):
                by_po.setdefault((predicate, keys[g][2]), []).append(g)
    for same_po in by_po.values():
        for i, ga in enumerate(same_po):
            for gb in same_po[i + 1 :]:
                detail = f"{keys[ga][1]}: {_term(keys[ga][0])} vs {_term(keys[gb][0])}"
                _cross(live(ga), live(gb), ContradictionReason.DIFFERENT_VALUES, detail, pairs)

    order = index.order
    found = pairs.found
    for link in dossier.links:
        if link.kind is not LinkKind.CONTRADICTS:
            continue
        if link.claim in inactive or link.target in inactive:
            continue
        a, b = link.claim, link.target
        i, j = order[a], order[b]
        if i > j:
            a, b, i, j = b, a, j, i
        other = found.get((i, j))
        if other is not None:
            if not other.linked:
                found[(i, j)] = attrs.evolve(other, linked=True)
        else:
            detail = link.note or f"{link.claim} is linked as contradicting {link.target}"
            found[(i, j)] = Contradiction(a, b, ContradictionReason.LINKED, detail, linked=True)
    return tuple([found[k] for k in sorted(found)])


def _compare_group(
    keys: list[_Key],
    live: Callable[[int], list[str]],
    groups: list[int],
    functional: Collection[str],
    tolerance: float,
    pairs: _Pairs,
) -> None:
    """Find the conflicts among groups sharing a subject and predicate."""
    predicate = keys[groups[0]][1]
    asserted = [(keys[g][2], g) for g in groups if not keys[g][3]]
    denied = [g for g in groups if keys[g][3]]
    if denied:
        # Opposite stances on the same object.
        lookup = dict(asserted)
        for gd in denied:
            obj = keys[gd][2]
            ga = lookup.get(obj)
            if ga is not None:
                detail = f"asserted and denied: {predicate} {_term(obj)}"
                _cross(live(ga), live(gd), ContradictionReason.OPPOSITE_STANCES, detail, pairs)
    known = [(o, g) for o, g in asserted if not isinstance(o, (Unknown, NoValue))]
    # An explicit none against a value.
    for obj, g in asserted:
        if isinstance(obj, NoValue):
            for other, gk in known:
                detail = f"{predicate}: none vs {_term(other)}"
                _cross(live(g), live(gk), ContradictionReason.NO_VALUE, detail, pairs)
    # Quantities of the same unit whose intervals do not overlap.
    by_unit: dict[str | None, list[tuple[_Interval, Quantity, int]]] = {}
    for obj, g in known:
        if isinstance(obj, Quantity):
            by_unit.setdefault(obj.unit, []).append((_interval(obj, tolerance), obj, g))
    for spans in by_unit.values():
        if len(spans) > 1:
            _disjoint(spans, predicate, live, pairs)
    # Different known values of a functional predicate.
    if predicate in functional:
        plain = [(o, g) for o, g in known if not isinstance(o, Quantity)]
        for i, (oa, ga) in enumerate(plain):
            for ob, gb in plain[i + 1 :]:
                detail = f"{predicate}: {_term(oa)} vs {_term(ob)}"
                _cross(live(ga), live(gb), ContradictionReason.DIFFERENT_VALUES, detail, pairs)


def _disjoint(
    spans: list[tuple[_Interval, Quantity, int]],
    predicate: str,
    live: Callable[[int], list[str]],
    pairs: _Pairs,
) -> None:
    """Pairs of quantities whose intervals do not overlap, without comparing all pairs."""
    spans = sorted(spans, key=lambda s: -float("inf") if s[0][0] is None else s[0][0])
    lows = [-float("inf") if s[0][0] is None else s[0][0] for s in spans]
    for a in spans:
        hi = a[0][2]
        if hi is None:
            continue
        for b in spans[bisect_left(lows, hi) :]:
            if _before(a[0], b[0]):
                detail = f"{predicate}: {_term(a[1])} vs {_term(b[1])} do not overlap"
                reason = ContradictionReason.DISJOINT_QUANTITIES
                _cross(live(a[2]), live(b[2]), reason, detail, pairs)


def _cross(
    xs: list[str], ys: list[str], reason: ContradictionReason, detail: str, pairs: _Pairs
) -> None:
    for x in xs:
        for y in ys:
            if x != y:
                pairs.add(x, y, reason, detail)


def _term(value: Value) -> str:
    if isinstance(value, Quantity):
        if value.lower is None and value.upper is None:
            text = f"{value.value:g}"
        else:
            lo = "" if value.lower is None else f"{'(' if value.lower_open else '['}{value.lower:g}"
            hi = "" if value.upper is None else f"{value.upper:g}{')' if value.upper_open else ']'}"
            text = f"{lo or '(-inf'}..{hi or 'inf)'}"
        return ("~" if value.approximate else "") + text
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, NoValue):
        return "none"
    return value.id if hasattr(value, "id") else repr(value.value)


def uncertainties(dossier: Dossier, *, include_inactive: bool = False) -> tuple[Uncertainty, ...]:
    """Claims that a value is not known, each with the known values beside it.

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
    """
    index = _index(dossier)
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    claims = dossier._claims

    del claims
    found: list[Uncertainty] = []
    for (subject, predicate), said in dossier._statements.items():
        unknown = [
            ids
            for (obj, stance), ids in said.items()
            if stance is _ASSERTS and isinstance(obj, Unknown)
        ]
        if not unknown:
            continue
        known = [
            c
            for (obj, stance), ids in said.items()
            if stance is _ASSERTS and not isinstance(obj, (Unknown, NoValue))
            for c in ids
            if c not in inactive
        ]
        known.sort(key=index.order.__getitem__)
        for ids in unknown:
            found.extend(
                Uncertainty(c, subject, predicate, tuple(known)) for c in ids if c not in inactive
            )
    found.sort(key=lambda u: index.order[u.claim])
    return tuple(found)


# --------------------------------------------------------------------------
# Silences


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
    index = _index(dossier)
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    claims = dossier._claims

    def accusers(prop: Proposition, accused: str) -> list[str]:
        if prop.predicate not in accusations:
            return []
        said = dossier._statements.get((prop.subject, prop.predicate), {})
        own = {accused, *dossier.parts(accused)}
        return [
            c
            for c in said.get((prop.object, _ASSERTS), ())
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
            for link in dossier._links_from.get(cid, ())
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
    for (subject, predicate), said in dossier._statements.items():
        if predicate not in accusations or not isinstance(subject, ActorRef):
            continue
        own = {subject.id, *dossier.parts(subject.id)}
        by_object: dict[Value, list[str]] = {}
        for (obj, _stance), ids in said.items():
            by_object.setdefault(obj, []).extend(c for c in ids if c not in inactive)
        for ids in by_object.values():
            if any(claims[c].claimant in own for c in ids):
                continue
            accusing = sorted(
                (c for c in ids if claims[c].stance is _ASSERTS), key=index.order.__getitem__
            )
            if accusing:
                prop = claims[accusing[0]].proposition
                unanswered.append(
                    Silence(subject.id, SilenceKind.UNANSWERED, prop, tuple(accusing))
                )
    unanswered.sort(key=lambda s: index.order[s.accusations[0]])
    return tuple(found + unanswered)


# --------------------------------------------------------------------------
# The current view


def current(dossier: Dossier) -> CurrentView:
    """The active claims, where each replaced claim leads, and stale links."""
    index = _index(dossier)
    inactive = index.inactive
    replaced = []
    for cid in dossier.claims:
        status = inactive.get(cid)
        if status is None:
            continue
        path = [cid]
        at: Status = status
        while at.kind is StatusKind.SUPERSEDED:
            assert at.by is not None
            path.append(at.by)
            at = inactive.get(at.by, Status(StatusKind.ACTIVE))
        end = None if at.kind is StatusKind.RETRACTED else path[-1]
        if at.kind is StatusKind.RETRACTED:
            assert at.by is not None
            path.append(at.by)
        replaced.append(Replacement(cid, status, end, tuple(path)))
    stale = tuple(
        StaleLink(link, inactive[link.target])
        for link in dossier.links
        if link.kind not in _ENDS and link.target in inactive
    )
    active = tuple(c for c in dossier.claims if c not in inactive)
    return CurrentView(active, tuple(replaced), stale)


# --------------------------------------------------------------------------
# Timeline


def _sort_key(when: When) -> tuple[datetime, float]:
    # By the end of the period, and the narrower period first when two end
    # together: a day comes after every hour of that day, never before.
    return when.end, -when.start.timestamp()


def timeline(dossier: Dossier, *, include_inactive: bool = True) -> tuple[Moment, ...]:
    """When each claim was made and when it was reported, in order.

    Times are given only as precisely as known, and ordered by the end of
    their period: a claim made "on Thursday" is placed after one made at
    10:00 on Thursday, not before it. A claim with no known time is left out.

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
    """
    inactive: Mapping[str, Status] = {} if include_inactive else _index(dossier).inactive
    sources = dossier.sources
    moments: list[Moment] = []
    for cid, claim in dossier.claims.items():
        if cid in inactive:
            continue
        if claim.made is not None:
            moments.append(Moment(claim.made, MomentKind.MADE, cid, claim.claimant))
        seen = set()
        for hop in claim.chain:
            if hop.source is None or (hop.reporter, hop.source) in seen:
                continue
            seen.add((hop.reporter, hop.source))
            published = sources[hop.source].published
            if published is not None:
                moments.append(
                    Moment(published, MomentKind.REPORTED, cid, hop.reporter, hop.source)
                )
    moments.sort(key=lambda m: _sort_key(m.when))
    return tuple(moments)
