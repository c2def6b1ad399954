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

from bisect import bisect_left
from collections.abc import Iterable, Mapping

import attrs

from .._display import Displayed
from .._gc import no_gc
from .._model import LinkKind, NoValue, Quantity, Stance, Status, Subject, Unknown, When
from .._model import Value as Value
from ..dossier import Dossier
from ._index import ASSERTS, DENIES, Index, Key, index_of, named
from .contradictions import (
    APPROXIMATE_TOLERANCE,
    FUNCTIONAL_PREDICATES,
    INVERSE_FUNCTIONAL_PREDICATES,
    ContradictionReason,
)
from .corroboration import IndependentOrigin, partition

__all__ = ["Disagreement", "Dispute", "Position", "disputes", "is_definite"]


def is_definite(reason: ContradictionReason) -> bool:
    """Whether a conflict of this `reason` is definite (claims that cannot both hold).

    Every reason is definite for now; a *possible* kind (two free texts on a
    single-valued predicate) will answer ``False`` here, and every dispute
    and disagreement follows from this one function.

    >>> is_definite(ContradictionReason.OPPOSITE_STANCES)
    True
    """
    del reason
    return True


@attrs.frozen
class Position(Displayed):
    """What a set of claims says, the claims that say it and their origins.

    Attributes:
        subject: What the claims are about.
        predicate: Which relation.
        object: The value they give.
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
        """Whether the claims cannot both hold (see `is_definite`)."""
        return is_definite(self.reason)


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
        """Whether any two of its positions cannot both hold (see `is_definite`)."""
        return any(r.definite for r in self.reasons)

    @property
    def pairs(self) -> int:
        """How many pairs of claims conflict in the dispute."""
        return sum(r.pairs for r in self.reasons)


def disputes(dossier: Dossier, *, include_inactive: bool = False) -> tuple[Dispute, ...]:
    """The contradictions of `dossier` grouped by position.

    Each pair of groups of claims saying one thing is tested once, by the
    rules of `claims.analysis.contradictions` (with its default predicates
    and tolerance); claims whose propositions are set at times or places
    that do not overlap never conflict, and ``contradicts`` links join the
    positions of their claims.

    Args:
        dossier: The dossier.
        include_inactive: Also compare superseded and retracted claims.

    Returns:
        The disputes, in dossier order of their first claim.
    """
    index = index_of(dossier)

    def build() -> tuple[Dispute, ...]:
        with no_gc():
            return _Builder(dossier, index, include_inactive).disputes()

    return index.answer(("disputes", include_inactive), build)


_Node = int
"""A position: a group of `Groups` by its number, or a claim of another stance
linked as contradicting, numbered after the groups."""
_Setting = tuple[When | None, str | None]
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
        self.keys: list[Key] = index.groups.keys
        self.members = index.groups.members
        self.edges: dict[tuple[_Node, _Node], _Edge] = {}
        self.taking_part: dict[_Node, set[str]] = {}
        self._settings: dict[int, dict[_Setting, list[str]]] = {}
        self.others: dict[_Other, int] = {}
        self.other_keys: list[_Other] = []

    # -- the groups' conflicts, by the rules of `contradictions` --------------

    def settings(self, g: int) -> dict[_Setting, list[str]]:
        """The live claims of group `g`, by the time and place of their proposition."""
        found = self._settings.get(g)
        if found is None:
            found = {}
            claims, inactive = self.index.claims, self.inactive
            for cid in self.members[g]:
                if cid not in inactive:
                    p = claims[cid].proposition
                    found.setdefault((p.when, p.where), []).append(cid)
            self._settings[g] = found
        return found

    def conflict(self, ga: int, gb: int, reason: ContradictionReason, detail: str) -> None:
        """Groups `ga` and `gb` say things that cannot both hold: count their pairs."""
        a, b = self.settings(ga), self.settings(gb)
        edge: _Edge | None = None
        for sa, xs in a.items():
            for sb, ys in b.items():
                if not _compatible(sa, sb):
                    continue
                if edge is None:
                    edge = self.edge(ga, gb, reason, detail)
                edge.pairs += len(xs) * len(ys)
                self.taking_part.setdefault(ga, set()).update(xs)
                self.taking_part.setdefault(gb, set()).update(ys)

    def edge(self, a: _Node, b: _Node, reason: ContradictionReason, detail: str) -> _Edge:
        key = (a, b) if a <= b else (b, a)
        found = self.edges.get(key)
        if found is None:
            found = self.edges[key] = _Edge(reason, detail)
        return found

    def compare(self, same_sp: list[int]) -> None:
        """The conflicts among groups sharing a subject and predicate."""
        keys, tolerance = self.keys, APPROXIMATE_TOLERANCE
        predicate = keys[same_sp[0]][1]
        asserted = [(keys[g][2], g) for g in same_sp if not keys[g][3]]
        lookup = dict(asserted)
        for gd in same_sp:
            if keys[gd][3]:
                obj = keys[gd][2]
                ga = lookup.get(obj)
                if ga is not None:
                    detail = f"asserted and denied: {predicate} {_term(obj)}"
                    self.conflict(ga, gd, ContradictionReason.OPPOSITE_STANCES, detail)
        known = [(o, g) for o, g in asserted if not isinstance(o, (Unknown, NoValue))]
        for obj, g in asserted:
            if isinstance(obj, NoValue):
                for other, gk in known:
                    detail = f"{predicate}: none vs {_term(other)}"
                    self.conflict(g, gk, ContradictionReason.NO_VALUE, detail)
        by_unit: dict[str | None, list[tuple[_Interval, Quantity, int]]] = {}
        for obj, g in known:
            if isinstance(obj, Quantity):
                by_unit.setdefault(obj.unit, []).append((_interval(obj, tolerance), obj, g))
        for spans in by_unit.values():
            if len(spans) > 1:
                self.disjoint(spans, predicate)
        if predicate in FUNCTIONAL_PREDICATES:
            plain = [(o, g) for o, g in known if not isinstance(o, Quantity)]
            for i, (oa, ga) in enumerate(plain):
                for ob, gb in plain[i + 1 :]:
                    detail = f"{predicate}: {_term(oa)} vs {_term(ob)}"
                    self.conflict(ga, gb, ContradictionReason.DIFFERENT_VALUES, detail)

    def disjoint(self, spans: list[tuple[_Interval, Quantity, int]], predicate: str) -> None:
        """Groups of quantities whose intervals do not overlap, without comparing all pairs."""
        spans = sorted(spans, key=lambda s: -float("inf") if s[0][0] is None else s[0][0])
        lows = [-float("inf") if s[0][0] is None else s[0][0] for s in spans]
        for a in spans:
            hi = a[0][2]
            if hi is None:
                continue
            for b in spans[bisect_left(lows, hi) :]:
                if _before(a[0], b[0]):
                    detail = f"{predicate}: {_term(a[1])} vs {_term(b[1])} do not overlap"
                    self.conflict(a[2], b[2], ContradictionReason.DISJOINT_QUANTITIES, detail)

    def inverse(self) -> None:
        """Different subjects said responsible for the same object."""
        keys, groups = self.keys, self.index.groups
        by_po: dict[tuple[str, Value], list[int]] = {}
        for predicate in INVERSE_FUNCTIONAL_PREDICATES:
            for g in groups.by_predicate.get(predicate, ()):
                if not keys[g][3] and not isinstance(keys[g][2], (Unknown, NoValue)):
                    by_po.setdefault((predicate, keys[g][2]), []).append(g)
        for same_po in by_po.values():
            for i, ga in enumerate(same_po):
                for gb in same_po[i + 1 :]:
                    detail = f"{keys[ga][1]}: {_term(keys[ga][0])} vs {_term(keys[gb][0])}"
                    self.conflict(ga, gb, ContradictionReason.DIFFERENT_VALUES, detail)

    def links(self) -> None:
        """Explicit ``contradicts`` links join the positions of their claims."""
        claims, order, inactive = self.index.claims, self.index.order, self.inactive
        statements = self.index.statements
        group_of = {id(ids): g for g, ids in enumerate(self.members)}
        seen: set[tuple[str, str]] = set()

        def node(cid: str) -> _Node:
            claim = claims[cid]
            p = claim.proposition
            if claim.stance is ASSERTS or claim.stance is DENIES:
                return group_of[id(statements[p.subject, p.predicate][p.object, claim.stance])]
            key = (p.subject, p.predicate, p.object, claim.stance)
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
            pa, pb = claims[a].proposition, claims[b].proposition
            compatible = _compatible((pa.when, pa.where), (pb.when, pb.where))
            if edge is not None and edge.reason is not ContradictionReason.LINKED and compatible:
                edge.linked = True  # the pair is one of the content pairs
                continue
            if edge is None:
                detail = link.note or f"{link.claim} is linked as contradicting {link.target}"
                edge = self.edge(na, nb, ContradictionReason.LINKED, detail)
            edge.linked = True
            edge.pairs += 1
            self.taking_part.setdefault(na, set()).add(a)
            self.taking_part.setdefault(nb, set()).add(b)

    # -- the answer -----------------------------------------------------------

    def disputes(self) -> tuple[Dispute, ...]:
        for same_sp in self.index.groups.by_sp:
            self.compare(same_sp)
        self.inverse()
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


# -- the comparisons of `claims.analysis.contradictions`, on groups -----------

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
    hi, hi_open = a[2], a[3]
    lo, lo_open = b[0], b[1]
    if hi is None or lo is None:
        return False
    return hi < lo or (hi == lo and (hi_open or lo_open))


def _compatible(a: _Setting, b: _Setting) -> bool:
    """Whether two (when, where) settings may be the same time and place."""
    wa, wb = a[0], b[0]
    if wa is not None and wb is not None and (wa.end <= wb.start or wb.end <= wa.start):
        return False
    return a[1] is None or b[1] is None or a[1] == b[1]


def _term(value: Value | Subject) -> str:
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
