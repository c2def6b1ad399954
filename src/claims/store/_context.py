"""What of a store the integrity check reads, as `claims._integrity.Records`.

`StoredRecords` is a read-only view of the store's tables for checking one
batch: each table is a mapping from id to record that reads SQLite when
asked (`Table`), and ``links_from`` reads the links table. `for_batch` makes
one and reads ahead, in a few queries of many ids each, what the check will
ask about the batch: which of the ids its records carry and refer to exist,
the actors up the ``part_of`` chains it adds to, the claims at both ends of
its supersessions and retractions, and the links out of the claims it links
from or ends (the supersession graph it could close into a cycle).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

from .._integrity import ENDS, KINDS, references
from .._model import Actor, Claim, Event, Link, Review, Source
from ._rows import chunks, decode, decode_many, load

__all__ = ["StoredRecords", "Table", "for_batch"]

T = TypeVar("T")


class Table(Mapping[str, T]):
    """One table of a store as a read-only mapping from id to record.

    Records are read from SQLite when first asked for, and kept; `prefetch`
    and `preload` read many ids at once ahead of time.

    Args:
        db: The store's connection.
        table: The table (``"actors"``, ...).
        cls: The class of its records.
    """

    def __init__(self, db: sqlite3.Connection, table: str, cls: type[T]) -> None:
        self._db = db
        self._table = table
        self._cls = cls
        self._exists: dict[str, bool] = {}
        self._records: dict[str, T] = {}

    def prefetch(self, ids: Iterable[str]) -> None:
        """Find out at once which of `ids` exist (without reading the records)."""
        todo = {i for i in ids if i not in self._exists}
        for chunk, marks in chunks(todo):
            found = self._db.execute(
                f"SELECT id FROM {self._table} WHERE id IN ({marks})", chunk
            ).fetchall()
            self._exists.update(dict.fromkeys(chunk, False))
            self._exists.update((r[0], True) for r in found)

    def preload(self, ids: Iterable[str]) -> None:
        """Read the records with `ids` (those that exist) at once."""
        todo = {i for i in ids if i not in self._records and self._exists.get(i) is not False}
        loaded = load(self._db, self._table, self._cls, todo)
        self._exists.update(dict.fromkeys(todo, False))
        for record in loaded:
            id: str = getattr(record, "id")  # noqa: B009 - every table but links has ids
            self._records[id] = record
            self._exists[id] = True

    def __contains__(self, id: object) -> bool:
        if not isinstance(id, str):
            return False
        if id not in self._exists:
            self.prefetch((id,))
        return self._exists[id]

    def __getitem__(self, id: str) -> T:
        if id not in self._records:
            if id not in self:
                raise KeyError(id)
            row = self._db.execute(f"SELECT json FROM {self._table} WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise KeyError(id)
            self._records[id] = decode(row[0], self._cls)
        return self._records[id]

    def __iter__(self) -> Iterator[str]:
        rows = self._db.execute(f"SELECT id FROM {self._table} ORDER BY seq").fetchall()
        return (r[0] for r in rows)

    def __len__(self) -> int:
        count: int = self._db.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]
        return count


class StoredRecords:
    """The records of a store, as the integrity check reads them (`Records`).

    Read inside the transaction that writes the batch, so what it sees
    cannot change before the batch is written.

    Args:
        db: The store's connection.

    Attributes:
        actors: Actors by id.
        sources: Sources by id.
        events: Events by id.
        claims: Claims by id.
        reviews: Reviews by id.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.actors = Table(db, "actors", Actor)
        self.sources = Table(db, "sources", Source)
        self.events = Table(db, "events", Event)
        self.claims = Table(db, "claims", Claim)
        self.reviews = Table(db, "reviews", Review)
        self._links_from: dict[str, tuple[Link, ...]] = {}

    def tables(
        self,
    ) -> Mapping[str, Table[Actor] | Table[Source] | Table[Event] | Table[Claim] | Table[Review]]:
        """Each table by the kind of its records (``"actor"``, ...)."""
        return {
            "actor": self.actors,
            "source": self.sources,
            "event": self.events,
            "claim": self.claims,
            "review": self.reviews,
        }

    def links_from(self, claim_id: str) -> Sequence[Link]:
        """The links that start from `claim_id`, in the order they were added."""
        if claim_id not in self._links_from:
            self.prefetch_links((claim_id,))
        return self._links_from[claim_id]

    def prefetch_links(self, claim_ids: Iterable[str]) -> None:
        """Read at once the links that start from each of `claim_ids`."""
        todo = {c for c in claim_ids if c not in self._links_from}
        for chunk, marks in chunks(todo):
            rows = self._db.execute(
                f"SELECT claim, json FROM links WHERE claim IN ({marks}) ORDER BY seq", chunk
            ).fetchall()
            found: dict[str, list[str]] = {c: [] for c in chunk}
            for claim, text in rows:
                found[claim].append(text)
            for claim, texts in found.items():
                self._links_from[claim] = tuple(decode_many(texts, Link))


def for_batch(db: sqlite3.Connection, batch: Sequence[object]) -> StoredRecords:
    """The store's records as the check of `batch` reads them, read ahead.

    Args:
        db: The store's connection.
        batch: The records to be checked (of the kinds a store holds).
    """
    held = StoredRecords(db)
    tables = held.tables()
    wanted: dict[str, set[str]] = {kind: set() for kind in tables}
    parents: set[str] = set()
    ends: set[str] = set()
    linked_from: set[str] = set()
    for record in batch:
        kind = KINDS.get(type(record))
        if kind in wanted:
            wanted[kind].add(getattr(record, "id"))  # noqa: B009 - records of these kinds have ids
        for _, ref_kind, id in references(record):
            wanted[ref_kind].add(id)
        if isinstance(record, Actor) and record.part_of is not None:
            parents.add(record.part_of)
        elif isinstance(record, Link):
            linked_from.add(record.claim)
            if record.kind in ENDS:
                ends.update((record.claim, record.target))
    for kind, ids in wanted.items():
        tables[kind].prefetch(ids)
    # The actors up the part_of chains, for the cycle check.
    frontier = {a for a in parents if a in held.actors}
    seen: set[str] = set()
    while frontier:
        held.actors.preload(frontier)
        seen |= frontier
        frontier = {
            up for a in frontier if (up := held.actors[a].part_of) is not None and up not in seen
        }
    # The claims at both ends, and the supersession graph reachable from them.
    held.claims.preload(c for c in ends if c in held.claims)
    held.prefetch_links(c for c in linked_from if c in held.claims)
    frontier = {c for c in ends if c in held.claims}
    seen = set()
    while frontier:
        held.prefetch_links(frontier)
        seen |= frontier
        frontier = {
            link.target
            for c in frontier
            for link in held.links_from(c)
            if link.kind in ENDS and link.target not in seen
        }
    return held
