"""What a dossier keeps up to date on every add: its records by id, and its indexes.

`Tables` holds them and changes them only through `insert` and `remove`;
`claims.dossier.Dossier` checks a batch first, then inserts it record by
record and, if anything is raised part way, removes what went in. Names
are indexed as `name_key` makes them.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import MutableMapping
from typing import Any

from ._model import Actor, Claim, Event, Link, LinkKind, Review, Source, Stance, Subject, Value

__all__ = ["Record", "Tables", "name_key", "pop_last"]

Record = Actor | Source | Event | Claim | Link | Review
"""Anything a dossier holds."""


def name_key(name: str) -> str:
    """`name` as names are compared: NFKC-normalised, case-folded, spaces collapsed.

    >>> name_key("  Hashd   al-SHAABI ")
    'hashd al-shaabi'
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


class Tables:
    """A dossier's records by id and its indexes, in the order records were added.

    The dossier reads these as they are (never replaced, only changed in
    place by `insert` and `remove`).
    """

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, Source] = {}
        self.events: dict[str, Event] = {}
        self.claims: dict[str, Claim] = {}
        self.positions: dict[str, int] = {}  # each claim's position in `claims`
        self.links: dict[tuple[LinkKind, str, str], Link] = {}
        self.reviews: dict[str, Review] = {}
        self.reviews_of: defaultdict[str, list[str]] = defaultdict(list)
        self.parts: defaultdict[str, list[str]] = defaultdict(list)
        self.by_name: defaultdict[str, list[str]] = defaultdict(list)  # name_key -> actor ids
        self.by_claimant: defaultdict[str, list[str]] = defaultdict(list)
        self.by_subject: defaultdict[Subject, list[str]] = defaultdict(list)
        self.by_predicate: defaultdict[str, list[str]] = defaultdict(list)
        # Claims by what they say: (subject, predicate) -> (object, stance) -> ids.
        self.statements: dict[tuple[Subject, str], dict[tuple[Value, Stance], list[str]]] = {}
        self.links_from: defaultdict[str, list[Link]] = defaultdict(list)
        self.links_to: defaultdict[str, list[Link]] = defaultdict(list)

    def remove(self, record: Record) -> None:
        """Take `record` out, if it is there: each step only removes what `insert` put in."""
        if isinstance(record, Actor):
            if self.actors.get(record.id) is record:
                del self.actors[record.id]
            if record.part_of is not None:
                pop_last(self.parts, record.part_of, record.id)
            for name in dict.fromkeys(map(name_key, (record.id, record.name, *record.aliases))):
                pop_last(self.by_name, name, record.id)
        elif isinstance(record, Source):
            if self.sources.get(record.id) is record:
                del self.sources[record.id]
        elif isinstance(record, Event):
            if self.events.get(record.id) is record:
                del self.events[record.id]
        elif isinstance(record, Review):
            if self.reviews.get(record.id) is record:
                del self.reviews[record.id]
            pop_last(self.reviews_of, record.claim, record.id)
        elif isinstance(record, Claim):
            if self.claims.get(record.id) is record:
                del self.claims[record.id]
            if record.id not in self.claims:
                self.positions.pop(record.id, None)
            prop = record.proposition
            for claimant in reversed(record.claimants):
                pop_last(self.by_claimant, claimant, record.id)
            pop_last(self.by_subject, prop.subject, record.id)
            pop_last(self.by_predicate, prop.predicate, record.id)
            said = self.statements.get((prop.subject, prop.predicate))
            if said is not None:
                pop_last(said, (prop.object, record.stance), record.id)
                if not said:
                    del self.statements[prop.subject, prop.predicate]
        else:
            key = (record.kind, record.claim, record.target)
            if self.links.get(key) is record:
                del self.links[key]
            pop_last(self.links_from, record.claim, record)
            pop_last(self.links_to, record.target, record)

    def insert(self, record: Record) -> None:
        """Put `record` in, and in every index."""
        if isinstance(record, Actor):
            self.actors[record.id] = record
            if record.part_of is not None:
                self.parts[record.part_of].append(record.id)
            for key in dict.fromkeys(map(name_key, (record.id, record.name, *record.aliases))):
                self.by_name[key].append(record.id)
        elif isinstance(record, Source):
            self.sources[record.id] = record
        elif isinstance(record, Event):
            self.events[record.id] = record
        elif isinstance(record, Review):
            self.reviews[record.id] = record
            self.reviews_of[record.claim].append(record.id)
        elif isinstance(record, Claim):
            self.positions[record.id] = len(self.claims)
            self.claims[record.id] = record
            for claimant in record.claimants:
                self.by_claimant[claimant].append(record.id)
            self.by_subject[record.proposition.subject].append(record.id)
            self.by_predicate[record.proposition.predicate].append(record.id)
            prop = record.proposition
            said = self.statements.get((prop.subject, prop.predicate))
            if said is None:
                said = self.statements[prop.subject, prop.predicate] = {}
            said.setdefault((prop.object, record.stance), []).append(record.id)
        else:
            self.links[(record.kind, record.claim, record.target)] = record
            self.links_from[record.claim].append(record)
            self.links_to[record.target].append(record)


def pop_last(lists: MutableMapping[Any, list[Any]], key: Any, item: Any) -> None:
    """Drop `item` from the end of ``lists[key]`` if it is there; drop an emptied list."""
    found = lists.get(key)
    if found and (found[-1] is item or found[-1] == item):
        found.pop()
    if found is not None and not found:
        del lists[key]
