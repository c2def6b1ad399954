"""Disputes: contradictions grouped by position.

A *position* is what a set of claims says (subject, predicate, object and
stance); a *dispute* is positions that conflict, joined by the
contradictions between their claims. Four hundred outlets relaying "4
killed" and four hundred relaying "9 killed" are one dispute between two
positions, each with its independent origins, not 160,000 pairs.

The conflicts are found between the groups of claims that say one thing,
each pair of groups tested once, by the rules of
`claims.analysis.contradictions`; the pairs of claims are never built. A
pair of claims that `contradictions` reports is always between two
positions of exactly one dispute.

>>> from claims import Actor, Claim, Dossier, EventRef, Event, Proposition, Quantity
>>> d = Dossier([Event("strike", "The strike")])
>>> d.extend(Actor(f"o{i}", f"Outlet {i}") for i in range(6))
>>> d.extend(
...     Claim(f"c{i}", f"o{i}", Proposition(EventRef("strike"), "killed", Quantity(n)))
...     for i, n in enumerate([4, 4, 4, 9, 9, 9])
... )
>>> [found] = disputes(d)
>>> [(p.object.value, p.claims, p.count) for p in found.positions]
[(4, ('c0', 'c1', 'c2'), 3), (9, ('c3', 'c4', 'c5'), 3)]
>>> [(r.first, r.second, r.reason.value, r.pairs) for r in found.reasons]
[(0, 1, 'disjoint_quantities', 9)]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs

from .._display import Displayed
from .._model import LinkKind, Stance, Status, Subject, When
from .._model import Value as Value
from ..dossier import Dossier
from ._index import ASSERTS, DENIES, Index, Key, index_of, named
from .contradictions import (
    APPROXIMATE_TOLERANCE,
    POSSIBLE_REASONS,
    ContradictionReason,
    compatible_times,
    group_conflicts,
    silenced_pairs,
    single_predicates,
)
from .corroboration import IndependentOrigin, partition

__all__ = ["Disagreement", "Dispute", "Position", "disputes", "is_definite"]


def is_definite(reason: ContradictionReason) -> bool:
    """Whether a conflict of this `reason` is definite (claims that cannot both hold).

    Every reason but those of `claims.analysis.contradictions.POSSIBLE_REASONS`
    (two values on a single-valued predicate, one of them in words) is.

    >>> is_definite(ContradictionReason.OPPOSITE_STANCES)
    True
    >>> is_definite(ContradictionReason.DIFFERENT_TEXTS)
    False
    """
    return reason not in POSSIBLE_REASONS


@attrs.frozen
class Position(Displayed):
    """What a set of claims says, the claims that say it and their origins.

    Claims are taken as `claims.analysis.contradictions` compares them,
    through the dossier's vocabulary: ``killed`` 9 ``people`` and
    ``deaths`` 9 ``dead`` are one position.

    Attributes:
        subject: What the claims are about.
        predicate: Which relation: the canonical name of the claims'
            predicate in the dossier's vocabulary (as written when it has none).
        object: The value they give (a quantity with its unit's canonical name).
        stance: Whether they assert or deny it (or any other stance, for a
            claim linked as contradicting another).
        claims: The ids of the claims saying it that take part in the
            dispute, in dossier order.
        origins: Those claims as `claims.analysis.corroboration` partitions
            them into independent origins, counted or not.
    """

    subject: Subject
    predicate: str
    object: Value
    stance: Stance
    claims: tuple[str, ...]
    origins: tuple[IndependentOrigin, ...]

    @property
    def count(self) -> int:
        """How many independent origins hold the position, counting only those that count."""
        return sum(1 for o in self.origins if o.counted)


@attrs.frozen
class Disagreement(Displayed):
    """Why two positions of a dispute cannot both hold.

    Attributes:
        first: The index of one position in `Dispute.positions`.
        second: The index of the other (the same as `first` only for claims
            saying the same thing that are linked as contradicting).
        reason: Why they cannot both hold.
        detail: The reason in words.
        pairs: How many pairs of their claims conflict (the pairs
            `claims.analysis.contradictions` lists).
        linked: Whether a ``contradicts`` link between their claims is
            also recorded.
    """

    first: int
    second: int
    reason: ContradictionReason
    detail: str
    pairs: int
    linked: bool = False

    @property
    def definite(self) -> bool:
        """Whether the claims cannot both hold, not only may not (see `is_definite`).

        As for `claims.analysis.contradictions.Contradiction.definite`, a
        ``contradicts`` link between two of their claims makes it definite.
        """
        return self.linked or is_definite(self.reason)


@attrs.frozen
class Dispute(Displayed):
    """Positions that conflict, each with the claims that hold it.

    Attributes:
        subject: What the dispute is about (its first position's subject;
            positions on a predicate with one subject per object, such as
            ``responsible_for``, name different subjects).
        predicate: Which relation (its first position's).
        positions: The positions, in dossier order of their first claim.
        reasons: Why positions conflict, one per pair of positions that do.
    """

    subject: Subject
    predicate: str
    positions: tuple[Position, ...]
    reasons: tuple[Disagreement, ...]

    @property
    def definite(self) -> bool:
        """Whether any two of its positions cannot both hold (see `Disagreement.definite`)."""
        return any(r.definite for r in self.reasons)

    @property
    def pairs(self) -> int:
        """How many pairs of claims conflict in the dispute."""
        return sum(r.pairs for r in self.reasons)


def disputes(
    dossier: Dossier,
    *,
    include_inactive: bool = False,
    functional: Collection[str] = (),
    inverse_functional: Collection[str] = (),
    tolerance: float = APPROXIMATE_TOLERANCE,
) -> tuple[Dispute, ...]:
    """The contradictions of `dossier` grouped by position.

    Each pair of groups of claims saying one thing is tested once, by the
    rules of `claims.analysis.contradictions` (the same functions, with the
    same arguments): claims are compared through the dossier's vocabulary,
    claims set at times that do not overlap never conflict, a possible
    contradiction between two claims linked as ``equivalent`` or
    ``supports`` is silenced, and ``contradicts`` links join the positions
    of their claims.

    Args:
        dossier: The dossier.
        include_inactive: Also compare superseded and retracted claims.
        functional: Predicates held single-valued besides those the
            vocabulary says are.
        inverse_functional: Predicates held single-subject besides those
            the vocabulary says are.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Returns:
        The disputes, in dossier order of their first claim.
    """
    index = index_of(dossier)
    one_value, one_subject = single_predicates(index.vocabulary, functional, inverse_functional)

    def build() -> tuple[Dispute, ...]:
        builder = _Builder(dossier, index, include_inactive)
        return builder.disputes(one_value, one_subject, tolerance)

    return index.answer(("disputes", include_inactive, one_value, one_subject, tolerance), build)


_Node = int
"""A position: a group of `Groups` by its number, or a claim of another stance
linked as contradicting, numbered after the groups."""
_Other = tuple[Subject, str, Value, Stance]


class _Edge:
    """What joins two positions: the first reason found, and how many pairs of claims."""

    def __init__(self, reason: ContradictionReason, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        self.pairs = 0
        self.linked = False


class _Builder:
    """Finds the disputes of one version of a dossier: positions, the edges between them."""

    def __init__(self, dossier: Dossier, index: Index, include_inactive: bool) -> None:
        self.dossier = dossier
        self.index = index
        self.inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
        self.keys: list[Key] = index.compared.keys
        self.members = index.compared.members
        self.edges: dict[tuple[_Node, _Node], _Edge] = {}
        self.taking_part: dict[_Node, set[str]] = {}
        self._times: dict[int, dict[When | None, list[str]]] = {}
        self.close = silenced_pairs(dossier, index.order)
        self.partners: dict[int, set[int]] = {}
        for i, j in self.close:
            self.partners.setdefault(i, set()).add(j)
            self.partners.setdefault(j, set()).add(i)
        self.others: dict[_Other, int] = {}
        self.other_keys: list[_Other] = []

    # -- the groups' conflicts, by the rules of `contradictions` --------------

    def times(self, g: int) -> dict[When | None, list[str]]:
        """The live claims of group `g`, by the time of their proposition."""
        found = self._times.get(g)
        if found is None:
            found = {}
            claims, inactive = self.index.claims, self.inactive
            for cid in self.members[g]:
                if cid not in inactive:
                    found.setdefault(claims[cid].proposition.when, []).append(cid)
            self._times[g] = found
        return found

    def conflict(self, ga: int, gb: int, reason: ContradictionReason, detail: str) -> None:
        """Groups `ga` and `gb` say things that cannot both hold: count their pairs."""
        a, b = self.times(ga), self.times(gb)
        possible = reason in POSSIBLE_REASONS and bool(self.partners)
        edge: _Edge | None = None
        for wa, xs in a.items():
            for wb, ys in b.items():
                if not compatible_times(wa, wb):
                    continue
                if possible:
                    xs, ys, pairs = self.unsilenced(xs, ys)
                else:
                    pairs = len(xs) * len(ys)
                if not pairs:
                    continue
                if edge is None:
                    edge = self.edge(ga, gb, reason, detail)
                edge.pairs += pairs
                self.taking_part.setdefault(ga, set()).update(xs)
                self.taking_part.setdefault(gb, set()).update(ys)

    def unsilenced(self, xs: Sequence[str], ys: Sequence[str]) -> tuple[list[str], list[str], int]:
        """The claims of `xs` and `ys` in a pair no silencing link joins, and how many pairs."""
        order, partners = self.index.order, self.partners
        silenced = 0

        def keep(these: Sequence[str], those: Sequence[str]) -> tuple[list[str], int]:
            kept, count, at = [], 0, None
            for x in these:
                near = partners.get(order[x])
                n = 0
                if near:
                    if at is None:
                        at = {order[y] for y in those}
                    n = len(near & at)
                    count += n
                if n < len(those):
                    kept.append(x)
            return kept, count

        kept_x, silenced = keep(xs, ys)
        kept_y, _ = keep(ys, xs)
        return kept_x, kept_y, len(xs) * len(ys) - silenced

    def edge(self, a: _Node, b: _Node, reason: ContradictionReason, detail: str) -> _Edge:
        key = (a, b) if a <= b else (b, a)
        found = self.edges.get(key)
        if found is None:
            found = self.edges[key] = _Edge(reason, detail)
        return found

    def links(self) -> None:
        """Explicit ``contradicts`` links join the positions of their claims."""
        claims, order, inactive = self.index.claims, self.index.order, self.inactive
        statements = self.index.statements
        group_of = self.index.compared.group_of
        seen: set[tuple[str, str]] = set()

        def node(cid: str) -> _Node:
            claim = claims[cid]
            p = claim.proposition
            if claim.stance is ASSERTS or claim.stance is DENIES:
                return group_of[id(statements[p.subject, p.predicate][p.object, claim.stance])]
            vocabulary = self.index.vocabulary
            obj = vocabulary.compared_value(p.predicate, p.object)
            predicate = vocabulary.canonical_predicate(p.predicate)
            key = (p.subject, predicate, obj, claim.stance)
            found = self.others.get(key)
            if found is None:
                found = self.others[key] = len(self.keys) + len(self.other_keys)
                self.other_keys.append(key)
            return found

        for link in self.dossier.links:
            if link.kind is not LinkKind.CONTRADICTS:
                continue
            a, b = link.claim, link.target
            if a in inactive or b in inactive or a == b:
                continue
            if order[a] > order[b]:
                a, b = b, a
            if (a, b) in seen:
                continue
            seen.add((a, b))
            na, nb = node(a), node(b)
            key = (na, nb) if na <= nb else (nb, na)
            edge = self.edges.get(key)
            if edge is not None and self.counted(edge, a, b):
                edge.linked = True  # the pair is one of the content pairs
                continue
            if edge is None:
                detail = link.note or f"{link.claim} is linked as contradicting {link.target}"
                edge = self.edge(na, nb, ContradictionReason.LINKED, detail)
            edge.linked = True
            edge.pairs += 1
            self.taking_part.setdefault(na, set()).add(a)
            self.taking_part.setdefault(nb, set()).add(b)

    def counted(self, edge: _Edge, a: str, b: str) -> bool:
        """Whether claims `a` and `b`, of the positions `edge` joins, are a content pair of it."""
        if edge.reason is ContradictionReason.LINKED:
            return False
        pa, pb = self.index.claims[a].proposition, self.index.claims[b].proposition
        if not compatible_times(pa.when, pb.when):
            return False
        i, j = sorted((self.index.order[a], self.index.order[b]))
        return edge.reason not in POSSIBLE_REASONS or (i, j) not in self.close

    # -- the answer -----------------------------------------------------------

    def disputes(
        self, one_value: Collection[str], one_subject: Collection[str], tolerance: float
    ) -> tuple[Dispute, ...]:
        for ga, gb, reason, detail in group_conflicts(
            self.index.compared, one_value, one_subject, tolerance
        ):
            self.conflict(ga, gb, reason, detail)
        self.links()
        order = self.index.order
        parent: dict[_Node, _Node] = {n: n for n in self.taking_part}

        def find(x: _Node) -> _Node:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self.edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
        first = {n: min(ids, key=order.__getitem__) for n, ids in self.taking_part.items()}
        components: dict[_Node, list[_Node]] = {}
        for n in sorted(self.taking_part, key=lambda n: order[first[n]]):
            components.setdefault(find(n), []).append(n)
        by_root: dict[_Node, list[tuple[_Node, _Node, _Edge]]] = {}
        for (a, b), edge in self.edges.items():
            by_root.setdefault(find(a), []).append((a, b, edge))
        return tuple(self.dispute(nodes, by_root[root]) for root, nodes in components.items())

    def dispute(self, nodes: list[_Node], edges: Iterable[tuple[_Node, _Node, _Edge]]) -> Dispute:
        at = {n: i for i, n in enumerate(nodes)}
        positions = tuple(self.position(n) for n in nodes)
        reasons = []
        for a, b, edge in edges:
            i, j = sorted((at[a], at[b]))
            reasons.append(Disagreement(i, j, edge.reason, edge.detail, edge.pairs, edge.linked))
        reasons.sort(key=lambda r: (r.first, r.second))
        head = positions[0]
        return Dispute(head.subject, head.predicate, positions, tuple(reasons))

    def position(self, node: _Node) -> Position:
        index = self.index
        ids = sorted(self.taking_part[node], key=index.order.__getitem__)
        if node < len(self.keys):
            subject, predicate, obj, denies = self.keys[node]
            stance = DENIES if denies else ASSERTS
        else:
            subject, predicate, obj, stance = self.other_keys[node - len(self.keys)]
        origins = partition(index.claims, index, ids, named(subject, obj), index.links_from)
        return Position(subject, predicate, obj, stance, tuple(ids), origins)
