"""Contradictions and uncertainty: claims that cannot both hold, and known unknowns.

Claims on the same subject and predicate are compared group by group (a
group is the claims saying one thing), never every claim with every other.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

import attrs

from .._display import Displayed
from .._model import (
    LinkKind,
    NoValue,
    Place,
    Quantity,
    Status,
    Subject,
    Text,
    Unknown,
    Value,
    When,
)
from ..dossier import Dossier
from ..vocabulary import Vocabulary
from ._index import Compared, Index, Key, groups_of, index_of
from ._places import compatible_places, same_places

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "FUNCTIONAL_PREDICATES",
    "INVERSE_FUNCTIONAL_PREDICATES",
    "POSSIBLE_REASONS",
    "SILENCING_LINKS",
    "Contradiction",
    "ContradictionReason",
    "Uncertainty",
    "contradictions",
    "single_predicates",
    "uncertainties",
]

FUNCTIONAL_PREDICATES: frozenset[str] = frozenset({"caused_by", "cause", "located_in", "location"})
"""The predicates held single-valued before the vocabulary said so.

Kept for scripts that name it: `claims.vocabulary.DEFAULT` makes each of
them single-valued (under its canonical name), and `contradictions` now
takes the single-valued predicates from the dossier's vocabulary; its
``functional`` argument only adds to them."""


INVERSE_FUNCTIONAL_PREDICATES: frozenset[str] = frozenset(
    {"responsible_for", "carried_out", "perpetrated"}
)
"""The predicates held single-subject before the vocabulary said so.

Kept for scripts that name it: `claims.vocabulary.DEFAULT` makes each of
them single-subject; ``inverse_functional`` only adds to the vocabulary's."""


APPROXIMATE_TOLERANCE = 0.25
"""How far an approximate quantity stretches: a quarter of itself, at least 1."""


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
    DIFFERENT_TEXTS = "different_texts"
    """Different values for a predicate that has only one, one of them in
    words (`Text`): perhaps two ways of saying one thing (a place named two
    ways, a cause told at two levels of detail), so only a possible
    contradiction. An ``equivalent`` or ``supports`` link between the two
    claims silences it."""
    DIFFERENT_PLACES = "different_places"
    """Different values for a predicate that has only one, one of them a
    `Place`, and no identifier saying they are the same place or one lies
    within the other: perhaps one place named two ways, so only a possible
    contradiction, silenced as `DIFFERENT_TEXTS` is."""


POSSIBLE_REASONS: frozenset[ContradictionReason] = frozenset(
    {ContradictionReason.DIFFERENT_TEXTS, ContradictionReason.DIFFERENT_PLACES}
)
"""The reasons that make only a possible contradiction; every other is definite."""

SILENCING_LINKS: frozenset[LinkKind] = frozenset({LinkKind.EQUIVALENT, LinkKind.SUPPORTS})
"""Link kinds that, between two claims, silence a possible contradiction."""


@attrs.frozen
class Contradiction(Displayed):
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

    @property
    def definite(self) -> bool:
        """Whether they cannot both hold, not only may not (see `POSSIBLE_REASONS`).

        A possible contradiction that a ``contradicts`` link confirms is definite.
        """
        return self.linked or self.reason not in POSSIBLE_REASONS


@attrs.frozen
class Uncertainty(Displayed):
    """A known unknown: a claim that a value is not known.

    It contradicts nothing; it says that the known values beside it are not
    settled.

    Attributes:
        claim: The id of the claim whose object is `Unknown`.
        subject: What the value is about.
        predicate: Which value: the canonical name of the claim's predicate
            in the dossier's vocabulary (as written when it has none).
        known: Ids of claims that give a known value for the same subject and
            predicate.
    """

    claim: str
    subject: Subject
    predicate: str
    known: tuple[str, ...] = ()


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


def compatible_times(a: When | None, b: When | None) -> bool:
    """Whether two propositions set at `a` and `b` may be about the same time.

    The one rule of setting for `contradictions` and
    `claims.analysis.disputes`: claims set at times that do not overlap never
    conflict. A time known only by its words may be any time, so it sets
    nothing apart; places (``where``) never set claims apart either (a place
    in words may be named two ways, and a difference there must not hide a
    contradiction).

    Args:
        a: The time of one proposition (``None`` when it gives none).
        b: The time of the other.
    """
    return (
        a is None
        or b is None
        or not a.resolved  # a time known only by its words may be any
        or not b.resolved
        or not (a.end <= b.start or b.end <= a.start)
    )


class _Pairs:
    """Collects contradictions, one per pair of claims, each in dossier order.

    Attributes:
        found: The contradictions, by the positions of their two claims.
    """

    def __init__(
        self, index: Index, close: set[tuple[int, int]], live: Callable[[int], Sequence[str]]
    ) -> None:
        self.order = index.order
        self.when = index.set_in_time
        self.close = close
        self.live = live
        self.found: dict[tuple[int, int], Contradiction] = {}
        self._members: dict[int, list[tuple[int, str, When | None]]] = {}

    def members(self, g: int) -> list[tuple[int, str, When | None]]:
        """The live claims of group `g`: each one's position, id and proposition's time."""
        found = self._members.get(g)
        if found is None:
            order, when = self.order, self.when
            found = self._members[g] = [(order[c], c, when.get(c)) for c in self.live(g)]
        return found

    def cross(self, ga: int, gb: int, reason: ContradictionReason, detail: str) -> None:
        """Record that each claim of group `ga` conflicts with each of group `gb`.

        Unless the two already do, or are set apart by their times
        (`compatible_times`), or the reason is only possible and a
        silencing link joins them (`close`).
        """
        found, close = self.found, self.close
        possible = reason in POSSIBLE_REASONS and bool(close)
        xs, ys = self.members(ga), self.members(gb)
        for i, a, wa in xs:
            for j, b, wb in ys:
                if i == j:
                    continue
                key, first, second = ((i, j), a, b) if i < j else ((j, i), b, a)
                if key in found or (possible and key in close):
                    continue
                if wa is None or wb is None or compatible_times(wa, wb):
                    found[key] = Contradiction(first, second, reason, detail)


def contradictions(
    dossier: Dossier,
    *,
    include_inactive: bool = False,
    functional: Collection[str] = (),
    inverse_functional: Collection[str] = (),
    tolerance: float = APPROXIMATE_TOLERANCE,
) -> tuple[Contradiction, ...]:
    """Every pair of claims that cannot both hold, each with its reason.

    Claims are compared through the dossier's vocabulary
    (`Dossier.vocabulary`): predicates by their canonical name (a name it
    does not know as written), quantities' units by their canonical unit,
    so ``killed`` 12 ``people`` meets ``deaths`` 9 ``persons``. The claims
    themselves keep the names they were written with.

    Claims on the same subject and predicate are compared: opposite stances
    on the same object; an explicit none against a value; quantities of the
    same unit whose intervals do not overlap (an approximate quantity
    stretches by `tolerance`); and, for single-valued predicates, two
    different known values. For single-subject predicates
    (``responsible_for``), two different subjects with the same object
    conflict. Explicit ``contradicts`` links are included. These are
    *definite* contradictions. Two different values of which one is in
    words (`Text`: a place or a cause told two ways) make only a *possible*
    one (`ContradictionReason.DIFFERENT_TEXTS`; see
    `Contradiction.definite`), which an ``equivalent`` or ``supports`` link
    between the two claims silences. Places (`Place`) are compared by
    their identifiers: the same place (a shared identifier) or one within
    the other (its ``within``) is no contradiction; anything else is a
    possible one (`ContradictionReason.DIFFERENT_PLACES`), silenced alike;
    a place denied is denied under any of its names. Claims set at times that do not
    overlap never conflict; their places (``where``) never set them apart.
    A known unknown conflicts with nothing: see `uncertainties`.

    Args:
        dossier: The dossier.
        include_inactive: Also compare superseded and retracted claims.
        functional: Predicates held single-valued besides those the
            vocabulary says are (by any of their names).
        inverse_functional: Predicates held single-subject besides those
            the vocabulary says are.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Returns:
        The contradictions, in dossier order of their claims.
    """
    index = index_of(dossier)
    one_value, one_subject = single_predicates(index.vocabulary, functional, inverse_functional)

    def build() -> tuple[Contradiction, ...]:
        return _contradictions(dossier, index, include_inactive, one_value, one_subject, tolerance)

    key = ("contradictions", include_inactive, one_value, one_subject, tolerance)
    return index.answer(key, build)


def single_predicates(
    vocabulary: Vocabulary,
    functional: Collection[str] = (),
    inverse_functional: Collection[str] = (),
) -> tuple[frozenset[str], frozenset[str]]:
    """The canonical names of the single-valued and of the single-subject predicates.

    Args:
        vocabulary: Whose predicates say which are.
        functional: More predicates held single-valued, by any name.
        inverse_functional: More predicates held single-subject, by any name.
    """
    one_value = {p.id for p in vocabulary.predicates if p.single_valued}
    one_value.update(vocabulary.canonical_predicate(n) for n in functional)
    one_subject = {p.id for p in vocabulary.predicates if p.single_subject}
    one_subject.update(vocabulary.canonical_predicate(n) for n in inverse_functional)
    return frozenset(one_value), frozenset(one_subject)


def silenced_pairs(dossier: Dossier, order: Mapping[str, int]) -> set[tuple[int, int]]:
    """The pairs of claims a silencing link joins (see `SILENCING_LINKS`).

    A possible contradiction between the two claims of such a pair is not
    reported, here nor in `claims.analysis.disputes`.

    Args:
        dossier: The dossier.
        order: Each claim's position in dossier order.

    Returns:
        The pairs, by the positions of their claims, lower first.
    """
    close = set()
    for link in dossier.links:
        if link.kind in SILENCING_LINKS:
            i, j = order[link.claim], order[link.target]
            close.add((i, j) if i < j else (j, i))
    return close


def _differ(a: Value | Subject, b: Value | Subject) -> ContradictionReason | None:
    """Why two different values of a single-valued predicate conflict: definitely, or possibly.

    None for two places known to be one or one within the other (`claims.analysis._places`).
    """
    if isinstance(a, Place) or isinstance(b, Place):
        return None if compatible_places(a, b) else ContradictionReason.DIFFERENT_PLACES
    if isinstance(a, Text) or isinstance(b, Text):
        return ContradictionReason.DIFFERENT_TEXTS
    return ContradictionReason.DIFFERENT_VALUES


def _contradictions(
    dossier: Dossier,
    index: Index,
    include_inactive: bool,
    functional: Collection[str],
    inverse_functional: Collection[str],
    tolerance: float,
) -> tuple[Contradiction, ...]:
    groups = index.compared
    members = groups.members
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    marked = {groups.group_of[s] for s in groups_of(index, inactive)}

    def live(g: int) -> Sequence[str]:
        ids = members[g]
        return [c for c in ids if c not in inactive] if g in marked else ids

    pairs = _Pairs(index, silenced_pairs(dossier, index.order), live)
    conflicts = group_conflicts(groups, functional, inverse_functional, tolerance)
    for ga, gb, reason, detail in conflicts:
        pairs.cross(ga, gb, reason, detail)

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


GroupConflict = tuple[int, int, ContradictionReason, str]
"""Two groups of `Compared` whose claims conflict: their numbers, why, and the why in words."""


def group_conflicts(
    compared: Compared,
    functional: Collection[str],
    inverse_functional: Collection[str],
    tolerance: float,
) -> Iterator[GroupConflict]:
    """Each pair of groups of claims saying one thing whose claims conflict, once.

    The rules of `contradictions` on groups, for it (which crosses the two
    groups' claims into pairs) and for `claims.analysis.disputes` (which
    does not). Whether two claims of such groups conflict also depends on
    their times (`compatible_times`), on their being inactive, and, for a
    possible reason, on a silencing link between them (`silenced_pairs`).
    ``contradicts`` links are not among these.

    Args:
        compared: The groups, as compared through the vocabulary.
        functional: The canonical names of the single-valued predicates.
        inverse_functional: The canonical names of the single-subject predicates.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Yields:
        The conflicts, each pair of groups at most once.
    """
    keys = compared.keys
    for _, _, same_sp in compared.by_sp:
        if len(same_sp) > 1:
            yield from _compare_group(keys, same_sp, functional, tolerance)
    by_po: dict[tuple[str, Value], list[int]] = {}
    for predicate in inverse_functional:
        for g in compared.by_predicate.get(predicate, ()):
            if not keys[g][3] and not isinstance(keys[g][2], (Unknown, NoValue)):
                by_po.setdefault((predicate, keys[g][2]), []).append(g)
    for same_po in by_po.values():
        for i, ga in enumerate(same_po):
            for gb in same_po[i + 1 :]:
                sa, sb = keys[ga][0], keys[gb][0]
                why = _differ(sa, sb)
                if why is not None:
                    yield ga, gb, why, f"{keys[ga][1]}: {_term(sa)} vs {_term(sb)}"


def _compare_group(
    keys: list[Key],
    groups: Sequence[int],
    functional: Collection[str],
    tolerance: float,
) -> Iterator[GroupConflict]:
    """Find the conflicts among groups sharing a subject and predicate."""
    predicate = keys[groups[0]][1]
    asserted = [(keys[g][2], g) for g in groups if not keys[g][3]]
    denied = [g for g in groups if keys[g][3]]
    if denied:
        # Opposite stances on the same object.
        lookup = dict(asserted)
        for gd in denied:
            obj = keys[gd][2]
            # a place is denied under any of its names (`same_places`)
            found = same_places(obj, asserted) if isinstance(obj, Place) else [lookup.get(obj)]
            for ga in found:
                if ga is not None:
                    detail = f"asserted and denied: {predicate} {_term(obj)}"
                    yield ga, gd, ContradictionReason.OPPOSITE_STANCES, detail
    known = [(o, g) for o, g in asserted if not isinstance(o, (Unknown, NoValue))]
    # An explicit none against a value.
    for obj, g in asserted:
        if isinstance(obj, NoValue):
            for other, gk in known:
                yield g, gk, ContradictionReason.NO_VALUE, f"{predicate}: none vs {_term(other)}"
    # Quantities of the same unit whose intervals do not overlap.
    by_unit: dict[str | None, list[tuple[_Interval, Quantity, int]]] = {}
    for obj, g in known:
        if isinstance(obj, Quantity):
            by_unit.setdefault(obj.unit, []).append((_interval(obj, tolerance), obj, g))
    for spans in by_unit.values():
        if len(spans) > 1:
            yield from _disjoint(spans, predicate)
    # Different known values of a single-valued predicate.
    if predicate in functional:
        plain = [(o, g) for o, g in known if not isinstance(o, Quantity)]
        for i, (oa, ga) in enumerate(plain):
            for ob, gb in plain[i + 1 :]:
                why = _differ(oa, ob)
                if why is not None:
                    yield ga, gb, why, f"{predicate}: {_term(oa)} vs {_term(ob)}"


def _disjoint(
    spans: list[tuple[_Interval, Quantity, int]], predicate: str
) -> Iterator[GroupConflict]:
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
                yield a[2], b[2], ContradictionReason.DISJOINT_QUANTITIES, detail


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
    if isinstance(value, Place):
        return repr(value.name)
    return value.id if hasattr(value, "id") else repr(value.value)


def uncertainties(dossier: Dossier, *, include_inactive: bool = False) -> tuple[Uncertainty, ...]:
    """Claims that a value is not known, each with the known values beside it.

    Claims are compared through the dossier's vocabulary, as in
    `contradictions`: an unknown ``deaths`` is beside a known ``killed``.

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
    """
    index = index_of(dossier)
    inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
    groups = index.compared
    keys, members = groups.keys, groups.members
    found: list[Uncertainty] = []
    for subject, predicate, same_sp in groups.by_sp:
        asserted = [g for g in same_sp if not keys[g][3]]
        unknown = [g for g in asserted if isinstance(keys[g][2], Unknown)]
        if not unknown:
            continue
        known = [
            c
            for g in asserted
            if not isinstance(keys[g][2], (Unknown, NoValue))
            for c in members[g]
            if c not in inactive
        ]
        known.sort(key=index.order.__getitem__)
        for g in unknown:
            found.extend(
                Uncertainty(c, subject, predicate, tuple(known))
                for c in members[g]
                if c not in inactive
            )
    found.sort(key=lambda u: index.order[u.claim])
    return tuple(found)
