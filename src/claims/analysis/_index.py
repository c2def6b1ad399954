"""Derived indexes of a dossier, built on first use, one set per version.

Every question reads these instead of comparing every claim with every
other: claims are grouped by what they say (subject, predicate, object and
stance; see ``_groups``), groups by subject and predicate, actors into blocs
that may be tied (over ``part_of`` and affiliations of interest; whether two
actors of a bloc are tied is `Index.tie`'s answer), the relays of a claim's
chain and the times of the claims whose ties depend on one. They live in
one cache, keyed on the dossier's `Dossier.version`, so the first question
after an add rebuilds them.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import TypeVar, cast

from .._gc import no_gc
from .._integrity import ENDS
from .._model import (
    ActorRef,
    Affiliation,
    Claim,
    Link,
    LinkKind,
    Proposition,
    Status,
    Subject,
    TieNature,
    Value,
    When,
)
from ..dossier import Dossier, Statements
from ..vocabulary import Vocabulary
from ._groups import ASSERTS, DENIES, Block, Compared, Groups, Key
from .ties import MergeReason, Tie

__all__ = [
    "ASSERTS",
    "DENIES",
    "SUPPORTING",
    "Block",
    "Compared",
    "Edge",
    "Groups",
    "Index",
    "Key",
    "Relay",
    "Span",
    "claimants",
    "groups_of",
    "in_force",
    "index_of",
    "named",
    "of_interest",
    "parties",
]

T = TypeVar("T")
_MISSING = object()

SUPPORTING = frozenset({LinkKind.SUPPORTS, LinkKind.REPEATS})
"""Link kinds that make one claim back another."""

Edge = tuple[str, str, str, str | None]
"""An edge of the actor graph: (actor, kind, other, note), read "actor kind other"."""
Tree = dict[str, tuple[str, Edge | None, int]]
"""Each actor's parent in its ``part_of`` tree, the edge to it, and its depth."""
Span = tuple[datetime, datetime]
"""When a claim was made, as the first instant and the first instant after."""
Relay = tuple[str, str | None]
"""A hop of a chain as it is shared: (reporter, source)."""


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
        self._ties: dict[tuple[str, tuple[str, ...], Span | None], tuple[Tie, ...]] = {}

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
            with no_gc():  # an answer's records and tables form no cycles
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
        return Compared(self.groups, self.order, self.vocabulary)

    @cached_property
    def set_in_time(self) -> dict[str, When]:
        """The time of each claim whose proposition gives one (`Proposition.when`)."""
        claims = self.claims.items()
        return {c: w for c, x in claims if (w := x.proposition.when) is not None}

    @cached_property
    def links_from(self) -> dict[str, tuple[Link, ...]]:
        """The links from each claim that has any."""
        found: defaultdict[str, list[Link]] = defaultdict(list)
        for link in self.dossier.links:
            found[link.claim].append(link)
        return {cid: tuple(links) for cid, links in found.items()}

    @cached_property
    def actor_graph(self) -> tuple[dict[str, str], Tree]:
        """Blocs of actors that may be tied, and the ``part_of`` trees.

        Returns each actor's bloc (the first actor of its bloc, over
        ``part_of`` and every affiliation of interest, `of_interest`) and,
        for each actor, its parent in its ``part_of`` tree, the edge to it
        and its depth. Two actors of different blocs are never tied; two of
        one bloc are tied only as `tie` says (blocs do not chain ties).
        """
        actors = self.dossier.actors
        parts: defaultdict[str, list[tuple[str, Edge]]] = defaultdict(list)
        loose: defaultdict[str, list[str]] = defaultdict(list)
        for actor in actors.values():
            if actor.part_of is not None:
                edge: Edge = (actor.id, "part_of", actor.part_of, None)
                parts[actor.id].append((actor.part_of, edge))
                parts[actor.part_of].append((actor.id, edge))
            for aff in actor.affiliations:
                if of_interest(aff):
                    loose[actor.id].append(aff.actor)
                    loose[aff.actor].append(actor.id)
        tree: Tree = {}
        for root in actors:
            if root in tree:
                continue
            tree[root] = (root, None, 0)
            frontier = [root]
            while frontier:
                nxt = []
                for node in frontier:
                    depth = tree[node][2] + 1
                    for other, edge in parts.get(node, ()):
                        if other not in tree:
                            tree[other] = (node, edge, depth)
                            nxt.append(other)
                frontier = nxt
        bloc: dict[str, str] = {}
        for root in actors:
            if root in bloc:
                continue
            bloc[root] = root
            frontier = [root]
            while frontier:
                nxt = []
                for node in frontier:
                    for other in [*(o for o, _ in parts.get(node, ())), *loose.get(node, ())]:
                        if other not in bloc:
                            bloc[other] = root
                            nxt.append(other)
                frontier = nxt
        return bloc, tree

    @cached_property
    def affiliations(self) -> dict[tuple[str, str], tuple[Affiliation, ...]]:
        """The affiliations of interest (`of_interest`), by (holder, other)."""
        found: defaultdict[tuple[str, str], list[Affiliation]] = defaultdict(list)
        for actor in self.dossier.actors.values():
            for aff in actor.affiliations:
                if of_interest(aff):
                    found[actor.id, aff.actor].append(aff)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def timed(self) -> frozenset[str]:
        """The blocs holding an affiliation of interest with a ``since`` or ``until``."""
        bloc = self.actor_graph[0]
        return frozenset(
            bloc.get(h, h)
            for (h, _), affs in self.affiliations.items()
            if any(a.since is not None or a.until is not None for a in affs)
        )

    def ancestors(self, actor: str) -> list[str]:
        """`actor`, then the whole it is part of, then that whole's, and so on."""
        actors = self.dossier.actors
        found = [actor]
        current = actors.get(actor)
        while current is not None and current.part_of is not None:
            if current.part_of in found:
                break
            found.append(current.part_of)
            current = actors.get(current.part_of)
        return found

    @cached_property
    def spans(self) -> dict[str, Span]:
        """The time of each claim that has a claimant in a bloc of `timed`, where known.

        A claim's time is its `made`, else its quoted source's publication.
        Only ties in those blocs depend on a time (every other tie is in
        force at any time), so only their claims' times are looked up.
        """
        timed = self.timed
        if not timed:
            return {}
        bloc = self.actor_graph[0]
        sources = self.dossier.sources
        found: dict[str, Span] = {}
        for cid, claim in self.claims.items():
            if all(bloc.get(a, a) not in timed for a in claimants(claim)):
                continue
            when = claim.made
            if when is None or not when.resolved:  # known only by its words: the source's
                when = None
                for q in claim.quotes:
                    source = sources.get(q.source)
                    if source is not None and source.published is not None:
                        when = source.published
                        break
            if when is not None:
                found[cid] = (when.start, when.end)
        return found

    @cached_property
    def publishers(self) -> dict[str, str]:
        """The publisher of each source that names one."""
        return {
            sid: s.publisher for sid, s in self.dossier.sources.items() if s.publisher is not None
        }

    def relays(self, claim: Claim) -> tuple[Relay, ...]:
        """The relays of `claim`'s chain: (reporter, source) of its hops, without repeats.

        The outermost hop is left out when its reporter published the
        hop's own source or a source the claim is quoted from: that is the
        analyst's own reading, not a relay shared with other claims. Worked
        out when asked (most claims need it only to be told apart from the
        few others of their group), not kept.
        """
        hops = claim.chain
        if not hops:
            return ()
        publisher = self.publishers
        outer = hops[0]
        reporter = outer.reporter
        quotes = claim.quotes
        if (outer.source is not None and publisher.get(outer.source) == reporter) or (
            quotes and any(publisher.get(q.source) == reporter for q in quotes)
        ):
            hops = hops[1:]
            if not hops:
                return ()
        if len(hops) == 1:
            return ((hops[0].reporter, hops[0].source),)
        return tuple(dict.fromkeys((h.reporter, h.source) for h in hops))

    def ties(self, claim: Claim, parties: tuple[str, ...]) -> tuple[Tie, ...]:
        """Ties of `claim`'s claimants to each of `parties`, in force when it was made."""
        if not parties:
            return ()
        timed = self.timed
        if not claim.also and not timed:  # the common case: one claimant, no times to check
            return self.ties_of(claim.claimant, parties, None)
        bloc = self.actor_graph[0]
        found: list[Tie] = []
        for actor in claimants(claim):
            span = self.spans.get(claim.id) if bloc.get(actor, actor) in timed else None
            found += self.ties_of(actor, parties, span)
        return tuple(found)

    def ties_of(self, actor: str, parties: tuple[str, ...], span: Span | None) -> tuple[Tie, ...]:
        """Ties of `actor` to each of `parties`, in force at `span`: made once for each.

        With no bloc in `timed`, ``span`` is ``None``: no tie depends on a time.
        """
        key = (actor, parties, span)
        got = self._ties.get(key)
        if got is None:
            spans = (span,)
            got = self._ties[key] = tuple(
                t for t in (self.tie(actor, p, spans) for p in parties) if t is not None
            )
        return got

    @cached_property
    def joint(self) -> frozenset[str]:
        """The claims with more than one claimant (joint statements)."""
        return frozenset(cid for cid, claim in self.claims.items() if claim.also)

    def tie(self, a: str, b: str, spans: Sequence[Span | None] = ()) -> Tie | None:
        """Why actor `a` is not independent of actor `b`, if it is not.

        They are tied when they are one actor, parts of one whole (through
        ``part_of``, any depth), or when an affiliation of interest ties
        them or wholes they are part of, in force at each of `spans` (the
        times of the claims compared; a tie is in force unless a time is
        known to fall outside its ``since`` and ``until``). An affiliation
        ties only the two actors it names and their parts: A close to B and
        B close to C does not tie A to C.
        """
        if a == b:
            return Tie(a, b, MergeReason.SHARED_ORIGIN, f"{a} is {b} itself")
        bloc, tree = self.actor_graph
        if bloc.get(a, a) != bloc.get(b, b):
            return None
        if a in tree and b in tree and _root(tree, a) == _root(tree, b):
            edges = _path(tree, a, b)
            return Tie(a, b, MergeReason.PART_OF, "; ".join(_describe_edge(e) for e in edges))
        affiliations = self.affiliations
        up_a, up_b = self.ancestors(a), self.ancestors(b)
        best: tuple[int, list[str]] | None = None
        for i, x in enumerate(up_a):
            for j, y in enumerate(up_b):
                if best is not None and i + j >= best[0]:
                    continue
                for holder, other in ((x, y), (y, x)):
                    for aff in affiliations.get((holder, other), ()):
                        if in_force(aff, spans):
                            words = [f"{up_a[k]} is part of {up_a[k + 1]}" for k in range(i)]
                            words.append(_describe_affiliation(holder, aff))
                            words += [f"{up_b[k]} is part of {up_b[k + 1]}" for k in range(j)][::-1]
                            best = (i + j, words)
                            break
                    if best is not None and best[0] == i + j:
                        break
        if best is None:
            return None
        return Tie(a, b, MergeReason.AFFILIATED, "; ".join(best[1]))


def claimants(claim: Claim) -> tuple[str, ...]:
    """The actors whose claim `claim` is (every claimant of a joint statement).

    Every read of a claimant in the analysis goes through here: a joint claim
    shares an origin with any claim by any of its claimants.
    """
    return claim.claimants


def of_interest(aff: Affiliation) -> bool:
    """Whether an affiliation can merge origins: not ``rival_of``, not former."""
    return aff.nature is not TieNature.RIVAL_OF and not aff.former


def in_force(aff: Affiliation, spans: Iterable[Span | None]) -> bool:
    """Whether no time of `spans` is known to fall outside the tie's ``since`` and ``until``."""
    since = None if aff.since is None or not aff.since.resolved else aff.since.start
    until = None if aff.until is None or not aff.until.resolved else aff.until.end
    for span in spans:
        if span is None:
            continue
        if since is not None and span[1] <= since:
            return False
        if until is not None and span[0] >= until:
            return False
    return True


_NATURE_WORDS = {
    TieNature.AFFILIATED: "is affiliated with",
    TieNature.OWNED_BY: "is owned by",
    TieNature.BACKED_BY: "is backed by",
    TieNature.ALLIED_WITH: "is allied with",
    TieNature.CLOSE_TO: "is close to",
    TieNature.MEMBER_OF: "is a member of",
    TieNature.RIVAL_OF: "is a rival of",
}


def _describe_affiliation(holder: str, aff: Affiliation) -> str:
    words = f"{holder} {_NATURE_WORDS[aff.nature]} {aff.actor}"
    return words + (f" ({aff.note})" if aff.note else "")


def _root(tree: Tree, x: str) -> str:
    while tree[x][2]:
        x = tree[x][0]
    return x


def _path(tree: Tree, a: str, b: str) -> list[Edge]:
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
    return up + down[::-1]


def _edge(node: tuple[str, Edge | None, int]) -> Edge:
    edge = node[1]
    assert edge is not None  # only a tree's root has none, and it has depth 0
    return edge


def _describe_edge(edge: Edge) -> str:
    actor, _, other, _ = edge
    return f"{actor} is part of {other}"


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
