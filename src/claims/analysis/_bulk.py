"""Every claim's corroboration at once: the bulk answers and their shortcuts.

`corroborations` gives the same answers as `corroboration` asks of each
claim (the differential tests hold it to that), made many at a time: most
groups of claims need no merging, so their origins are made column by
column, and the records are made without a Python call each (`records`).
The benchmark figures that justify these shortcuts are in
``docs/benchmarks.md``.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left
from collections import deque
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from itertools import repeat
from typing import TypeVar, cast

import attrs

from .._gc import no_gc
from .._model import ActorRef, Link, Status
from ..dossier import Dossier
from ._index import ASSERTS, DENIES, Index, groups_of, index_of, parties
from .corroboration import (
    Corroboration,
    IndependentOrigin,
    backing_of,
    may_share_relay_or_quote,
    merging_from,
    partition,
    uncounted_alone,
)
from .ties import Tie

__all__ = ["PLAIN", "Corroborations", "corroborations", "records"]

R = TypeVar("R", bound=attrs.AttrsInstance)

PLAIN: frozenset[type] = frozenset({Corroboration, IndependentOrigin})
"""Records `records` may make without calling their ``__init__``: frozen and
slotted, with no defaults that compute, validators, converters or hooks."""


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
    index = index_of(dossier)
    return index.answer(
        ("corroborations", include_inactive),
        lambda: Corroborations(dossier, index, include_inactive),
    )


class Corroborations(Mapping[str, Corroboration]):
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

    def __init__(self, dossier: Dossier, index: Index, include_inactive: bool) -> None:
        self._claims = index.claims
        self._positions = index.order
        self._statements = index.statements
        self._size = len(index.claims)
        self._index = index
        groups = index.groups
        self._members = groups.members
        self._sizes = list(map(len, groups.members))
        self._keys = groups.keys
        self._others = groups.others
        self._bloc = index.actor_graph[0]
        inactive: Mapping[str, Status] = {} if include_inactive else index.inactive
        self._inactive = inactive
        self._links_from: Mapping[str, Sequence[Link]] = index.links_from
        self._backing = backing_of(index, include_inactive)
        self._special = {*inactive, *self._backing}
        self._with_special = groups_of(index, self._special)
        self._unusual = groups_of(index, itertools.chain(merging_from(index), index.joint))
        self._uncounted = uncounted_alone(index)
        self._solo = _Solo()
        self._ties: dict[tuple[str, ...], _Ties] = {}
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
        if claim.stance is not ASSERTS and claim.stance is not DENIES:
            return self._alone(claim_id, None)
        p = claim.proposition
        same = self._statements[p.subject, p.predicate][p.object, claim.stance]
        shared = self._kept.get(id(same))
        if shared is not None and claim_id not in self._special:
            return Corroboration(claim_id, shared)
        end = bisect_left(same, self._size, key=self._positions.__getitem__)
        live = [c for c in same[:end] if c not in self._inactive]
        if claim_id in self._special:
            return self._alone(claim_id, live)
        if shared is None:
            index = self._index
            shared = partition(self._claims, index, live, parties(p), self._links_from)
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
        for ids, found in self.chunks():
            yield from zip(ids, found, strict=True)

    def chunks(self) -> Iterator[tuple[list[str], list[Corroboration]]]:
        """The ids and answers, in order, a chunk of groups at a time, then the rest."""
        sizes, n_groups = self._sizes, len(self._sizes)
        start = 0
        while start < n_groups:
            end, count = start, 0
            while end < n_groups and count < self.chunk:
                count += sizes[end]
                end += 1
            with no_gc():
                made = self._make(start, end)
            yield made  # with the collector on: the reader's own work is not ours to pause
            start = end
        others = self._others
        for at in range(0, len(others), self.chunk):
            ids = others[at : at + self.chunk]
            yield ids, [self._alone(cid, None) for cid in ids]

    def _make(self, start: int, end: int) -> tuple[list[str], list[Corroboration]]:
        """The answers for the claims of groups `start` to `end` (excluded), in order.

        Most groups need no merging: every claim is its own origin, which
        is so when no two of its claims have claimants of one bloc, and
        none came through a relay another of them came through, is a joint
        statement or has a link that merges origins (`merging_from`; groups
        holding one of these last two are `unusual`). Their origins are
        made together, column by column; the other groups go through
        `partition`. A claim shares its group's partition unless it is
        inactive or a ``supports`` or ``repeats`` link from an active claim
        backs it; a claim only partly supported shares it with its own
        `Corroboration.partial`.
        """
        claims, index, inactive = self._claims, self._index, self._inactive
        bloc = self._bloc.get
        members, sizes, keys = self._members, self._sizes, self._keys
        special, with_special, unusual = self._special, self._with_special, self._unusual
        ties, timed, tables = index.ties, index.timed, self._ties
        # The origins of groups where every claim is its own origin, as
        # columns; then, for each group, its run of them or its partition.
        col_ids: list[str] = []
        col_claimants: list[str] = []
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
            live = same if n == len(same) else same[:n]
            if id(same) in with_special:
                live = [c for c in live if c not in inactive]
            if id(same) in unusual:
                plan.append(partition(claims, index, live, parties, self._links_from))
                continue
            found = list(map(claims.__getitem__, live))
            who = list(map(_CLAIMANT, found))  # one claimant each: no joint claim here
            m = len(live)
            if m > 1 and (
                len(set(map(bloc, who, who))) < m or may_share_relay_or_quote(index, found)
            ):
                plan.append(partition(claims, index, live, parties, self._links_from))
                continue
            first = len(col_ids)
            col_ids += live
            col_claimants += who
            if not parties:
                col_ties += repeat((), m)
            elif timed:
                col_ties += map(ties, found, repeat(parties, m))
            else:
                table = tables.get(parties)
                if table is None:
                    table = tables[parties] = _Ties(index, parties)
                col_ties += map(table.__getitem__, who)
            plan.append((first, first + m))
        uncounted = self._uncounted  # mostly empty: no claim assessed 5 or 6
        why = {"uncounted": map(uncounted.get, col_ids)} if uncounted else {}
        made = records(
            IndependentOrigin,
            len(col_ids),
            claims=zip(col_ids),
            actors=map(self._solo.__getitem__, col_claimants),
            merges=repeat(()),
            ties=col_ties,
            **why,
        )
        ids: list[str] = []
        origins: list[tuple[IndependentOrigin, ...]] = []
        alone: list[tuple[int, str, list[str]]] = []
        partly: list[tuple[int, str, tuple[IndependentOrigin, ...]]] = []
        backing = self._backing
        for g, step in zip(range(start, end), plan, strict=True):
            same, n = members[g], sizes[g]
            if step and type(step[0]) is int:
                shared = tuple(made[step[0] : step[1]])
            else:
                shared = cast(tuple[IndependentOrigin, ...], step)
            every = same if n == len(same) else same[:n]
            if id(same) in with_special:
                live = [c for c in every if c not in inactive]
                for i, cid in enumerate(every, len(ids)):
                    if cid not in special:
                        continue
                    if cid in inactive or backing[cid][0]:
                        alone.append((i, cid, live))
                    else:  # active, only partly supported: backed by its group alone
                        partly.append((i, cid, shared))
            ids += every
            origins += repeat(shared, n)
        answers = records(Corroboration, len(ids), claim=ids, origins=origins)
        for i, cid, live in alone:
            answers[i] = self._alone(cid, live)
        for i, cid, shared in partly:
            answers[i] = Corroboration(cid, shared, backing[cid][1])
        return ids, answers

    def _alone(self, claim_id: str, same: list[str] | None) -> Corroboration:
        """One claim's corroboration, from its own backing; `same` are its group's active claims."""
        claim = self._claims[claim_id]
        backers, partial = self._backing.get(claim_id, ((), ()))
        backing = {claim_id, *(same or ()), *backers}
        ids = sorted(backing, key=self._positions.__getitem__)
        origins = partition(
            self._claims, self._index, ids, parties(claim.proposition), self._links_from
        )
        return Corroboration(claim_id, origins, partial)


class _Solo(dict[str, tuple[str]]):
    """The one-claimant tuple of each actor, made once: ``solo[a] == (a,)``."""

    def __missing__(self, actor: str) -> tuple[str]:
        found = self[actor] = (actor,)
        return found


class _Ties(dict[str, tuple[Tie, ...]]):
    """The ties of each actor to `parties`, made once (no tie depending on a time)."""

    def __init__(self, index: Index, parties: tuple[str, ...]) -> None:
        super().__init__()
        self._index = index
        self._parties = parties
        self._bloc = index.actor_graph[0]
        self._blocs = {self._bloc.get(p, p) for p in parties}

    def __missing__(self, actor: str) -> tuple[Tie, ...]:
        if self._bloc.get(actor, actor) not in self._blocs:  # actors of two blocs are never tied
            found: tuple[Tie, ...] = ()
        else:
            found = self._index.ties_of(actor, self._parties, None)
        self[actor] = found
        return found


_CLAIMANT = operator.attrgetter("claimant")


class _Values(ValuesView[Corroboration]):
    """The answers of `Corroborations`, made a chunk at a time."""

    def __init__(self, answers: Corroborations) -> None:
        super().__init__(answers)
        self._answers = answers

    def __iter__(self) -> Iterator[Corroboration]:
        return itertools.chain.from_iterable(found for _, found in self._answers.chunks())


class _Items(ItemsView[str, Corroboration]):
    """The ids and answers of `Corroborations`, made a chunk at a time."""

    def __init__(self, answers: Corroborations) -> None:
        super().__init__(answers)
        self._answers = answers

    def __iter__(self) -> Iterator[tuple[str, Corroboration]]:
        return self._answers.answers()


def records(cls: type[R], n: int, **columns: Iterable[object]) -> list[R]:
    """`n` records of the attrs class `cls`, each field's values given as a column.

    Each slot is set directly, as the generated ``__init__`` would set it,
    without a Python call per record: for many small records at once. Only
    for the plain classes of `PLAIN` (no validators, converters or hooks).

    Args:
        cls: The record class.
        n: How many records.
        columns: An iterable of at least `n` values for each field, by
            name; a field with a default may be left out to take it.
    """
    assert cls in PLAIN
    made = cast(list[R], list(map(object.__new__, repeat(cls, n))))
    for field in attrs.fields(cls):
        column = columns.get(field.name)
        if column is None:
            assert field.default is not attrs.NOTHING, field.name
            column = repeat(field.default)
        deque(map(getattr(cls, field.name).__set__, made, column), maxlen=0)
    return made
