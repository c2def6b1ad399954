"""Derived indexes of a dossier, built on first use, one set per version.

Every question reads these instead of comparing every claim with every
other: claims are grouped by what they say (subject, predicate, object and
stance), groups by subject and predicate, actors into blocs tied by
``part_of`` or affiliation. They live in one cache, keyed on the dossier's
`Dossier.version`, so the first question after an add rebuilds them.
"""

from __future__ import annotations

import heapq
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TypeVar, cast

import attrs

from .._integrity import ENDS
from .._model import (
    ActorRef,
    Claim,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Stance,
    Status,
    Subject,
    Value,
)
from ..dossier import Dossier, Statements
from ..vocabulary import Vocabulary
from .ties import MergeReason, Tie

__all__ = [
    "ASSERTS",
    "DENIES",
    "SUPPORTING",
    "Compared",
    "Edge",
    "Groups",
    "Index",
    "Key",
    "groups_of",
    "index_of",
    "named",
    "parties",
]

T = TypeVar("T")
_MISSING = object()

SUPPORTING = frozenset({LinkKind.SUPPORTS, LinkKind.REPEATS})
"""Link kinds that make one claim back another."""
ASSERTS = Stance.ASSERTS
DENIES = Stance.DENIES

Key = tuple[Subject, str, Value, bool]
"""(subject, predicate, object, denies): what a claim says, and which way."""
Edge = tuple[str, str, str, str | None]
"""An edge of the actor graph: (actor, kind, other, note), read "actor kind other"."""
Tree = dict[str, tuple[str, Edge | None, int]]
"""Each actor's parent in its bloc's tree, the edge to it, and its depth."""


class Groups:
    """Asserting and denying claims grouped by what they say.

    Built from the dossier's `Dossier.statements`, so grouping costs a look
    at each claim's stance, not a hash of its proposition.

    Attributes:
        keys: Each group's (subject, predicate, object, denies).
        members: Each group's claim ids, in dossier order (the dossier's own
            sequences).
        by_sp: The groups of each (subject, predicate), for those with more
            than one group.
        by_predicate: The groups of each predicate.
        others: The claims of any other stance (silences), in dossier order.
    """

    def __init__(self, statements: Statements, positions: Mapping[str, int]) -> None:
        self.keys: list[Key] = []
        self.members: list[Sequence[str]] = []
        self.by_sp: list[list[int]] = []
        self.by_predicate: defaultdict[str, list[int]] = defaultdict(list)
        self.others: list[str] = []
        keys, members, by_predicate = self.keys, self.members, self.by_predicate
        for (subject, predicate), said in statements.items():
            first = len(keys)
            for (obj, stance), ids in said.items():
                if stance is ASSERTS or stance is DENIES:
                    by_predicate[predicate].append(len(keys))
                    keys.append((subject, predicate, obj, stance is DENIES))
                    members.append(ids)
                else:
                    self.others += ids
            if len(keys) - first > 1:
                self.by_sp.append(list(range(first, len(keys))))
        self.others.sort(key=positions.__getitem__)


class Compared:
    """Asserting and denying claims grouped by what they say, as compared.

    Like `Groups`, but each predicate is taken by its canonical name in the
    vocabulary and each quantity's unit by its canonical unit, so claims
    saying ``deaths`` 9 ``persons`` and ``killed`` 9 ``people`` fall in one
    group. The claims themselves are not changed.

    Attributes:
        keys: Each group's (subject, canonical predicate, object with its
            unit canonical, denies).
        members: Each group's claim ids, in dossier order.
        by_sp: The groups of each (subject, canonical predicate), in the
            order first met.
        by_predicate: The groups of each canonical predicate.
        group_of: The group of each of the dossier's statement sequences,
            by the sequence's identity (see `groups_of`).
    """

    def __init__(
        self, statements: Statements, positions: Mapping[str, int], vocabulary: Vocabulary
    ) -> None:
        self.keys: list[Key] = []
        self.by_sp: dict[tuple[Subject, str], list[int]] = {}
        self.by_predicate: defaultdict[str, list[int]] = defaultdict(list)
        self.group_of: dict[int, int] = {}
        parts: list[list[Sequence[str]]] = []
        found: dict[Key, int] = {}
        predicates: dict[str, str] = {}
        units: dict[str, str] = {}
        for (subject, written), said in statements.items():
            predicate = predicates.get(written)
            if predicate is None:
                predicate = predicates[written] = vocabulary.canonical_predicate(written)
            for (obj, stance), ids in said.items():
                if stance is not ASSERTS and stance is not DENIES:
                    continue
                if isinstance(obj, Quantity) and obj.unit is not None:
                    unit = units.get(obj.unit)
                    if unit is None:
                        unit = units[obj.unit] = vocabulary.canonical_unit(obj.unit)
                    if unit != obj.unit:
                        obj = attrs.evolve(obj, unit=unit)
                key = (subject, predicate, obj, stance is DENIES)
                g = found.get(key)
                if g is None:
                    g = found[key] = len(self.keys)
                    self.keys.append(key)
                    parts.append([])
                    self.by_sp.setdefault((subject, predicate), []).append(g)
                    self.by_predicate[predicate].append(g)
                parts[g].append(ids)
                self.group_of[id(ids)] = g
        order = positions.__getitem__
        self.members: list[Sequence[str]] = [
            p[0] if len(p) == 1 else list(heapq.merge(*p, key=order)) for p in parts
        ]


class Index:
    """Derived indexes of one version of a dossier, each built on first use.

    The index holds the dossier's read-only views, not the dossier, so the
    cache does not keep a dossier alive.

    Attributes:
        claims: The dossier's claims by id.
        order: Each claim's position in the dossier.
        statements: Claim ids by what they say.
        vocabulary: The vocabulary claims are compared through.
        answers: Answers (whole, or shared parts of them) already made for
            this version, by a key naming the question and its arguments.
    """

    def __init__(self, dossier: Dossier) -> None:
        self._dossier = weakref.ref(dossier)
        self.claims: Mapping[str, Claim] = dossier.claims
        self.order: Mapping[str, int] = dossier.positions
        self.statements: Statements = dossier.statements()
        self.answers: dict[Hashable, object] = {}
        self.vocabulary: Vocabulary = dossier.vocabulary
        self._ties: dict[tuple[str, tuple[str, ...]], tuple[Tie, ...]] = {}

    @property
    def dossier(self) -> Dossier:
        """The dossier (while it lives; the indexes are built from it on first use)."""
        dossier = self._dossier()
        assert dossier is not None, "an index outlived its dossier before it was built"
        return dossier

    def answer(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, made once for this version of the dossier.

        Args:
            key: Names the question and its arguments; whatever `build`
                makes under one key must be of one type.
            build: Makes the answer.
        """
        found = self.answers.get(key, _MISSING)
        if found is _MISSING:
            found = self.answers[key] = build()
        return cast(T, found)

    @cached_property
    def inactive(self) -> dict[str, Status]:
        """The status of every claim that is superseded or retracted."""
        d = self.dossier
        targets = {link.target for link in d.links if link.kind in ENDS}
        return {cid: d.status(cid) for cid in targets}

    @cached_property
    def groups(self) -> Groups:
        """Asserting and denying claims grouped by what they say."""
        return Groups(self.statements, self.order)

    @cached_property
    def compared(self) -> Compared:
        """Asserting and denying claims grouped by what they say, through the vocabulary."""
        return Compared(self.statements, self.order, self.vocabulary)

    @cached_property
    def links_from(self) -> dict[str, tuple[Link, ...]]:
        """The links from each claim that has any."""
        found: defaultdict[str, list[Link]] = defaultdict(list)
        for link in self.dossier.links:
            found[link.claim].append(link)
        return {cid: tuple(links) for cid, links in found.items()}

    @cached_property
    def actor_graph(self) -> tuple[dict[str, str], Tree]:
        """Blocs of actors tied by ``part_of`` or affiliation, as BFS trees.

        Returns each actor's bloc (the first actor of its bloc) and, for
        each actor, its parent in its bloc's tree, the edge to it and its
        depth.
        """
        actors = self.dossier.actors
        adjacent: defaultdict[str, list[tuple[str, Edge]]] = defaultdict(list)
        for actor in actors.values():
            if actor.part_of is not None:
                edge: Edge = (actor.id, "part_of", actor.part_of, None)
                adjacent[actor.id].append((actor.part_of, edge))
                adjacent[actor.part_of].append((actor.id, edge))
            for aff in actor.affiliations:
                edge = (actor.id, "affiliated", aff.actor, aff.note)
                adjacent[actor.id].append((aff.actor, edge))
                adjacent[aff.actor].append((actor.id, edge))
        bloc: dict[str, str] = {}
        tree: Tree = {}
        for root in actors:
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
        up: list[Edge] = []
        down: list[Edge] = []
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


def _edge(node: tuple[str, Edge | None, int]) -> Edge:
    edge = node[1]
    assert edge is not None  # only a bloc's root has none, and it has depth 0
    return edge


def _describe_edge(edge: Edge) -> str:
    actor, kind, other, note = edge
    if kind == "part_of":
        return f"{actor} is part of {other}"
    return f"{actor} is affiliated with {other}" + (f" ({note})" if note else "")


# One cache for every dossier: id(dossier) -> (a weak reference to it, its
# version then, the index). A `weakref.WeakKeyDictionary` would need the
# dossier to be hashable, which a mutable collection is not; the weak
# reference's callback drops the entry when the dossier is collected.
_CACHE: dict[int, tuple[weakref.ref[Dossier], int, Index]] = {}


def index_of(dossier: Dossier) -> Index:
    """The indexes of `dossier` as it is now: cached until its version changes."""
    key = id(dossier)
    entry = _CACHE.get(key)
    if entry is not None and entry[0]() is dossier:
        if entry[1] == dossier.version:
            return entry[2]
        ref = entry[0]
    else:
        ref = weakref.ref(dossier, _forget(key))
    index = Index(dossier)
    _CACHE[key] = (ref, dossier.version, index)
    return index


def _forget(key: int) -> Callable[[weakref.ref[Dossier]], None]:
    def forget(ref: weakref.ref[Dossier]) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]

    return forget


def groups_of(index: Index, ids: Iterable[str]) -> set[int]:
    """The identity of the group (a sequence of `Dossier.statements`) of each of `ids`.

    To tell the few groups holding any of `ids` without looking at every claim.
    """
    claims, statements = index.claims, index.statements
    found = set()
    for cid in ids:
        claim = claims[cid]
        if claim.stance is ASSERTS or claim.stance is DENIES:
            p = claim.proposition
            found.add(id(statements[p.subject, p.predicate][p.object, claim.stance]))
    return found


def parties(prop: Proposition) -> tuple[str, ...]:
    """The actors named in a proposition."""
    return named(prop.subject, prop.object)


def named(subject: Subject, obj: Value) -> tuple[str, ...]:
    """The actors among a proposition's subject and object."""
    if isinstance(subject, ActorRef):
        return (subject.id, obj.id) if isinstance(obj, ActorRef) else (subject.id,)
    return (obj.id,) if isinstance(obj, ActorRef) else ()
