"""Claims grouped by what they say: as written (`Groups`) and as compared (`Compared`).

A group is the claims of one subject, predicate, object and stance
(asserting or denying); groups of one subject and predicate make a block.
`claims.analysis._index.Index` builds each once per version of a dossier.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cached_property

import attrs

from .._model import Quantity, Stance, Subject, Value
from ..dossier import Statements
from ..vocabulary import Vocabulary

__all__ = ["ASSERTS", "DENIES", "Block", "Compared", "Groups", "Key"]

ASSERTS = Stance.ASSERTS
DENIES = Stance.DENIES

Key = tuple[Subject, str, Value, bool]
"""(subject, predicate, object, denies): what a claim says, and which way."""
Block = tuple[Subject, str, Sequence[int]]
"""The groups of one subject and predicate: (subject, predicate, the groups' numbers)."""


class Groups:
    """Asserting and denying claims grouped by what they say.

    Built from the dossier's `Dossier.statements`, so grouping costs a look
    at each claim's stance, not a hash of its proposition.

    Attributes:
        keys: Each group's (subject, predicate, object, denies).
        members: Each group's claim ids, in dossier order (the dossier's own
            sequences).
        blocks: The groups of each (subject, predicate): groups of one
            subject and predicate are numbered one after another.
        others: The claims of any other stance (silences), in dossier order.
    """

    def __init__(self, statements: Statements, positions: Mapping[str, int]) -> None:
        self.keys: list[Key] = []
        self.members: list[Sequence[str]] = []
        self.blocks: list[Block] = []
        self.others: list[str] = []
        keys, members, blocks, others = self.keys, self.members, self.blocks, self.others
        for (subject, predicate), said in statements.items():
            first = len(keys)
            for (obj, stance), ids in said.items():
                if stance is ASSERTS or stance is DENIES:
                    keys.append((subject, predicate, obj, stance is DENIES))
                    members.append(ids)
                else:
                    others += ids
            if len(keys) > first:
                blocks.append((subject, predicate, range(first, len(keys))))
        others.sort(key=positions.__getitem__)


class Compared:
    """Asserting and denying claims grouped by what they say, as compared.

    Like `Groups`, but each predicate is taken by its canonical name in the
    vocabulary and each quantity's unit by its canonical unit (a quantity
    without one in its predicate's default unit: `Vocabulary.compared_unit`),
    so claims saying ``deaths`` 9 ``persons``, ``killed`` 9 ``people`` and
    ``killed`` 9 fall in one group. The claims themselves are not changed. Made from `Groups`: the
    blocks of a subject and predicate whose names are all canonical, and
    that no other names join, are taken as they are (and when every block
    is, the groups are `Groups`' own).

    Attributes:
        keys: Each group's (subject, canonical predicate, object with its
            unit canonical, denies).
        members: Each group's claim ids, in dossier order.
        by_sp: The groups of each (subject, canonical predicate), in the
            order first met.
        of_group: The group of each group of `Groups`, by its number.
    """

    def __init__(
        self, groups: Groups, positions: Mapping[str, int], vocabulary: Vocabulary
    ) -> None:
        self._raw = groups.members
        raw_keys, raw_members = groups.keys, groups.members
        # Which groups and blocks are named other than canonically; a
        # quantity is recast in the unit it is compared in (its canonical
        # unit, or its predicate's default unit when it has none).
        units: dict[tuple[str, str | None], str | None] = {}
        recast: dict[int, Quantity] = {}  # group -> its object, unit as compared
        predicates: dict[str, str] = {}
        plan: list[tuple[str, bool]] = []  # each block's canonical predicate, and if renamed
        for _, written, numbers in groups.blocks:
            predicate = predicates.get(written)
            if predicate is None:
                predicate = predicates[written] = vocabulary.canonical_predicate(written)
            renamed = predicate != written
            for g in numbers:
                obj = raw_keys[g][2]
                if isinstance(obj, Quantity):
                    at = (predicate, obj.unit)
                    if at not in units:
                        units[at] = vocabulary.compared_unit(predicate, obj.unit)
                    if units[at] != obj.unit:
                        recast[g] = attrs.evolve(obj, unit=units[at])
                        renamed = True
            plan.append((predicate, renamed))
        joined = {
            (block[0], predicate)
            for block, (predicate, renamed) in zip(groups.blocks, plan, strict=True)
            if renamed
        }
        if not joined:  # every name canonical: the groups as they are
            self.keys: list[Key] = raw_keys
            self.members: list[Sequence[str]] = raw_members
            self.by_sp: list[Block] = groups.blocks
            self.of_group: Sequence[int] = range(len(raw_keys))
            return
        self.keys, self.members, self.by_sp, self.of_group = [], [], [], []
        keys, members, of_group = self.keys, self.members, self.of_group
        # Blocks that no renaming touches are taken whole; the others group anew.
        found: dict[Key, int] = {}
        by_sp: dict[tuple[Subject, str], list[int]] = {}
        merged: dict[int, list[Sequence[str]]] = {}
        for (subject, written, numbers), (predicate, renamed) in zip(
            groups.blocks, plan, strict=True
        ):
            if not renamed and (subject, written) not in joined:
                start = len(keys)
                keys += map(raw_keys.__getitem__, numbers)
                members += map(raw_members.__getitem__, numbers)
                self.by_sp.append((subject, predicate, range(start, len(keys))))
                of_group += range(start, len(keys))
                continue
            same_sp = by_sp.get((subject, predicate))
            if same_sp is None:
                same_sp = by_sp[subject, predicate] = []
                self.by_sp.append((subject, predicate, same_sp))
            for g in numbers:
                _, _, obj, denies = raw_keys[g]
                key = (subject, predicate, recast.get(g, obj), denies)
                c = found.get(key)
                if c is None:
                    c = found[key] = len(keys)
                    keys.append(key)
                    members.append(raw_members[g])
                    same_sp.append(c)
                else:
                    merged.setdefault(c, [members[c]]).append(raw_members[g])
                of_group.append(c)
        order = positions.__getitem__
        for c, parts in merged.items():
            members[c] = list(heapq.merge(*parts, key=order))

    @cached_property
    def by_predicate(self) -> dict[str, list[int]]:
        """The groups of each canonical predicate."""
        found: defaultdict[str, list[int]] = defaultdict(list)
        for _, predicate, numbers in self.by_sp:
            found[predicate] += numbers
        return found

    @cached_property
    def group_of(self) -> dict[int, int]:
        """The group of each of the dossier's statement sequences, by its identity (`groups_of`)."""
        return dict(zip(map(id, self._raw), self.of_group, strict=True))
