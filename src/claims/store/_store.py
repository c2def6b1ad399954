"""`Store`: records in an SQLite file, with the dossier's lookups and a full history.

Writes check a batch with `claims._integrity.check` against the store's
records as `claims.store._context` reads them, inside the transaction that
writes it. Reads run in one read transaction each, and SQLite's errors
become `StoreError` naming the file (both in `claims.store._sqlite`).
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from .._convert import SCHEMA_VERSION
from .._integrity import KINDS
from .._model import (
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    LinkKind,
    Review,
    Source,
    Status,
    Subject,
)
from .._progress import Progress
from ..dossier import Dossier, Record
from ..exceptions import ClaimsError, StoreError, UnknownIdError
from ..json import dump as dump_json
from ..json import load as load_json
from ..vocabulary import Vocabulary
from ._history import Change, Ends, changes, read_ends, status_at
from ._rows import TABLES, decode, decode_many, subject_key
from ._schema import HEADER, prepare, without_reviews
from ._schema import check as check_store
from ._sqlite import Snapshot, SqliteErrors
from ._update import Revision, Updated, write_batches
from ._update import revisions as stored_revisions
from ._vocabulary import read as read_vocabulary
from ._vocabulary import write as write_vocabulary

__all__ = ["Change", "Progress", "Revision", "Store", "Updated", "is_store", "open"]

T = TypeVar("T")


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is an SQLite file (so a store, rather than a JSON document)."""
    try:
        with Path(path).open("rb") as f:
            return f.read(len(HEADER)) == HEADER
    except OSError:
        return False


def open(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    durable: bool = False,
    read_only: bool = False,
    timeout: float = 60.0,
) -> Store:
    """Open the store at `path`, creating it if need be.

    Args:
        path: The SQLite file.
        create: Create the store if the file does not exist; when false, a
            missing file is a `StoreError`.
        durable: Flush to disk on every commit (``synchronous=FULL``). By
            default (``NORMAL``) a batch that was committed survives a crash
            of the process; only a power loss can drop the last batches, and
            never leaves a partial one.
        read_only: Only read: the file is opened read-only (SQLite's
            ``mode=ro``), never created, set up or upgraded, and `Store.extend`
            is refused. Records of an older schema version are upgraded as
            they are read. The reading commands open stores this way.
        timeout: How many seconds to wait for another connection's lock
            before giving up with a `StoreError` that says so.

    Raises:
        StoreError: The file is missing (and `create` is false, or
            `read_only` true), is not a claims store, or was written by a
            newer release of claims.
    """
    return Store(path, create=create, durable=durable, read_only=read_only, timeout=timeout)


class Store:
    """Records in an SQLite file, with the dossier's lookups and a full history.

    Use `open` to get one; close it with `close` or a ``with`` block.

    Args:
        path: The SQLite file.
        create: As for `open`.
        durable: As for `open`.
        read_only: As for `open`.
        timeout: As for `open`.

    Attributes:
        path: The SQLite file.
        read_only: Whether the store was opened only to read.
        timeout: How many seconds to wait for another connection's lock.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        durable: bool = False,
        read_only: bool = False,
        timeout: float = 60.0,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.timeout = timeout
        self._version = SCHEMA_VERSION
        self._writing = False  # in extend's transaction (a progress callback may read)
        self._iterators: weakref.WeakSet[Generator[Record, None, None]] = weakref.WeakSet()
        if (read_only or not create) and not self.path.exists():
            raise StoreError(path, "no such store")
        self._db = self._connect(read_only=read_only)
        try:
            with self._errors("cannot open"):
                if read_only:
                    self._version = check_store(self._db, self.path)
                else:
                    prepare(self._db, self.path, durable=durable)
        except BaseException:
            self._db.close()
            raise

    # ------------------------------------------------------------------
    # Opening, versions, closing

    def _connect(self, *, read_only: bool) -> sqlite3.Connection:
        """A connection to the file; read-only ones never create or write it."""
        target: str | Path = self.path
        if read_only:
            target = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            return sqlite3.connect(
                target,
                timeout=self.timeout,
                isolation_level=None,
                check_same_thread=False,
                uri=read_only,
            )
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot open: {exc}") from None

    def close(self) -> None:
        """Close the store's connection, and end any `records` iteration still open."""
        for iterator in list(self._iterators):
            iterator.close()
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = self.counts()
        return (
            f"<Store {self.path}: {counts['actors']} actors, {counts['sources']} sources, "
            f"{counts['events']} events, {counts['claims']} claims, {counts['links']} links"
            + (f", {counts['reviews']} reviews>" if counts["reviews"] else ">")
        )

    def _errors(self, doing: str) -> SqliteErrors:
        return SqliteErrors(self.path, doing, self.timeout)

    # ------------------------------------------------------------------
    # Writing

    def add(self, record: Record, *, note: str | None = None) -> None:
        """Add one record; see `extend`."""
        self.extend((record,), note=note)

    def extend(
        self,
        records: Iterable[Record],
        *,
        note: str | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Add records as one batch, in one transaction: all of them, or none.

        The batch is checked exactly as `Dossier.extend` checks it, against
        what the store holds and the batch itself. The batch's time (and
        `note`) are kept, so the store can say when each record arrived.

        Args:
            records: Actors, sources, events, claims, links and reviews, in any order.
            note: Why or whence the batch (kept in the store's history).
            progress: Called as ``progress(done, total)`` while records are
                written.

        Returns:
            How many records were added.

        Raises:
            IntegrityError: The batch would break referential integrity; the
                store is left as it was.
            StoreError: The file could not be written (or the store is open
                read-only); the store is left as it was.
        """
        if self.read_only:
            raise StoreError(self.path, "is open read-only; open it without read_only to add")
        batch = list(records)
        self._write([(batch, note)], replace=False, progress=progress, finish=None)
        return len(batch)

    def _write(
        self,
        batches: list[tuple[list[Record], str | None]],
        *,
        replace: bool,
        progress: Progress | None,
        finish: Callable[[sqlite3.Connection], object] | None,
    ) -> list[Updated]:
        """Write `batches` in one transaction (`write_batches`), reads inside it allowed."""
        db = self._db
        with self._errors("cannot write"):
            if db.in_transaction and not self._writing:
                db.execute("ROLLBACK")  # a read left open by an interrupted call
            self._writing = True
            try:
                return write_batches(db, batches, replace=replace, progress=progress, finish=finish)
            finally:
                self._writing = False

    def import_file(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> int:
        """Add every record of a JSON document, as one batch.

        A document with its own vocabulary makes it the store's, in the
        same transaction.

        Raises:
            LoadError: The document is not valid.
            IntegrityError: Its records clash with the store's.
        """
        dossier = load_json(path)
        batch = [(dossier.records(), f"import {path}")]
        own = dossier.own_vocabulary
        if own is None:
            return self.extend(batch[0][0], note=batch[0][1], progress=progress)
        return self.extend_batches(batch, progress=progress, vocabulary=own)[0].added

    @property
    def vocabulary(self) -> Vocabulary | None:
        """The vocabulary the store carries (`dossier` gives it to the dossier), or ``None``.

        Raises:
            StoreError: The stored vocabulary is not valid, or cannot be read.
        """
        with self._errors("cannot read"):
            return read_vocabulary(self._db, self.path, self._version)

    def set_vocabulary(self, vocabulary: Vocabulary | None) -> None:
        """Make `vocabulary` the store's own (``None``: none), in one transaction.

        Raises:
            StoreError: The store is open read-only, or cannot be written.
        """
        if self.read_only:
            raise StoreError(self.path, "is open read-only; open it without read_only to write")
        self._write(
            [], replace=False, progress=None, finish=lambda db: write_vocabulary(db, vocabulary)
        )

    def update(
        self,
        records: Iterable[Record],
        *,
        note: str | None = None,
        progress: Progress | None = None,
    ) -> Updated:
        """Add a batch that may repeat stored records: replace the changed, skip the same.

        One transaction, checked as `extend` checks a batch, each changed
        record as if it arrived anew. A replaced record keeps its place and
        the batch it first arrived in; its old version is kept (`revisions`).
        Arguments and errors as for `extend`.

        Returns:
            How many records were added, updated and unchanged.
        """
        return self._write([(list(records), note)], replace=True, progress=progress, finish=None)[0]

    def extend_batches(
        self,
        batches: Iterable[tuple[Iterable[Record], str | None]],
        *,
        update: bool = False,
        progress: Progress | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> list[Updated]:
        """Add several batches in one transaction: all of them, or none.

        Each batch is kept in the history with its note, and checked against
        the store and the batches before it, as `extend` (or, with `update`,
        as `update`) checks one.

        Args:
            batches: Each batch's records, with its note.
            update: Replace changed records and skip identical ones, as
                `update` does; when false, every record must be new.
            progress: Called as ``progress(done, total)`` over all the batches.
            vocabulary: Also make it the store's vocabulary, in the same
                transaction (`set_vocabulary`); ``None`` leaves the store's as it is.

        Returns:
            What each batch did, in order.

        Raises:
            IntegrityError: A batch would break referential integrity; the
                store is left as it was.
            StoreError: The file could not be written; nothing was written.
        """
        listed = [(list(records), note) for records, note in batches]
        finish = None if vocabulary is None else lambda db: write_vocabulary(db, vocabulary)
        return self._write(listed, replace=update, progress=progress, finish=finish)

    def revisions(self, kind: str, id: str) -> tuple[Revision, ...]:
        """The versions of a record that `update` replaced, oldest first.

        Args:
            kind: ``"actor"``, ``"source"``, ``"event"`` or ``"claim"``.
            id: The record's id.
        """
        cls = next((c for c, k in KINDS.items() if k == kind and k != "link"), None)
        if cls is None:
            raise ClaimsError(f"kind {kind!r} is not one of 'actor', 'source', 'event', 'claim'")
        with self._errors("cannot read"), self._snapshot():
            rows = stored_revisions(self._db, kind, id)
        return tuple(
            Revision(datetime.fromisoformat(at), note, decode(text, cls)) for at, note, text in rows
        )

    # ------------------------------------------------------------------
    # Reading

    def counts(self) -> dict[str, int]:
        """How many actors, sources, events, claims, links and reviews the store holds."""
        with self._errors("cannot read"), self._snapshot():
            return {
                t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in TABLES.values()
            }

    def __len__(self) -> int:
        return sum(self.counts().values())

    def _snapshot(self) -> Snapshot:
        return Snapshot(self._db, in_write=self._writing)

    def _one(self, table: str, kind: str, cls: type[T], id: str) -> T:
        with self._errors("cannot read"):
            row = self._db.execute(f"SELECT json FROM {table} WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise UnknownIdError(kind, id)
        return decode(row[0], cls, version=self._version)

    def actor(self, id: str) -> Actor:
        """The actor with `id`; `UnknownIdError` if there is none."""
        return self._one("actors", "actor", Actor, id)

    def source(self, id: str) -> Source:
        """The source with `id`; `UnknownIdError` if there is none."""
        return self._one("sources", "source", Source, id)

    def event(self, id: str) -> Event:
        """The event with `id`; `UnknownIdError` if there is none."""
        return self._one("events", "event", Event, id)

    def claim(self, id: str) -> Claim:
        """The claim with `id`; `UnknownIdError` if there is none."""
        return self._one("claims", "claim", Claim, id)

    def review(self, id: str) -> Review:
        """The review with `id`; `UnknownIdError` if there is none."""
        return self._one("reviews", "review", Review, id)

    def reviews_of(self, claim_id: str) -> tuple[Review, ...]:
        """The reviews of the claim `claim_id`, in the order they were added."""
        with self._errors("cannot read"):
            rows = self._db.execute(
                "SELECT json FROM reviews WHERE claim = ? ORDER BY seq", (claim_id,)
            ).fetchall()
        return tuple(decode_many([j for (j,) in rows], Review))

    def get(self, kind: str, id: str) -> Record:
        """The record of `kind` with `id`: an ``"actor"``, ``"source"``, ..., ``"review"``.

        Raises:
            UnknownIdError: There is none.
            ClaimsError: `kind` is not one of those.
        """
        getters: dict[str, Callable[[str], Record]] = {
            "actor": self.actor,
            "source": self.source,
            "event": self.event,
            "claim": self.claim,
            "review": self.review,
        }
        if kind not in getters:
            raise ClaimsError(f"kind {kind!r} is not one of {', '.join(map(repr, getters))}")
        return getters[kind](id)

    def _claims(self, where: str, params: Sequence[Any]) -> tuple[Claim, ...]:
        with self._errors("cannot read"):
            rows = self._db.execute(
                f"SELECT json FROM claims WHERE {where} ORDER BY seq", params
            ).fetchall()
        return tuple(decode_many([j for (j,) in rows], Claim, version=self._version))

    def parts(self, actor_id: str) -> tuple[str, ...]:
        """Ids of every actor that is part of `actor_id`, at any depth (as `Dossier.parts`)."""
        self._exists("actors", "actor", actor_id)
        found: list[str] = []
        with self._errors("cannot read"), self._snapshot():
            stack = list(reversed(self._children(actor_id)))
            while stack:
                part = stack.pop()
                found.append(part)
                stack.extend(reversed(self._children(part)))
        return tuple(found)

    def _children(self, actor_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM actors WHERE part_of = ? ORDER BY seq", (actor_id,)
        ).fetchall()
        return [r[0] for r in rows]

    def _exists(self, table: str, kind: str, id: str) -> None:
        with self._errors("cannot read"):
            row = self._db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise UnknownIdError(kind, id)

    def claims_by(self, actor_id: str, *, include_parts: bool = False) -> tuple[Claim, ...]:
        """Claims whose claimant is `actor_id`; see `Dossier.claims_by`.

        Raises:
            UnknownIdError: There is no such actor.
        """
        self._exists("actors", "actor", actor_id)
        ids = "(SELECT ?)"
        if include_parts:
            ids = (
                "(WITH RECURSIVE p(id) AS (SELECT ? UNION "
                "SELECT a.id FROM actors a JOIN p ON a.part_of = p.id) SELECT id FROM p)"
            )
        # A joint statement's further claimants are only in its JSON (`also`).
        return self._claims(
            f"claimant IN {ids} OR (json_extract(claims.json, '$.also') IS NOT NULL AND EXISTS "
            f"(SELECT 1 FROM json_each(claims.json, '$.also') WHERE value IN {ids}))",
            (actor_id, actor_id),
        )

    def claims_about(self, subject: Subject | str) -> tuple[Claim, ...]:
        """Claims whose proposition has `subject`; see `Dossier.claims_about`."""
        if isinstance(subject, str):
            keys = [subject_key(ActorRef(subject)), subject_key(EventRef(subject))]
        else:
            keys = [subject_key(subject)]
        return tuple(c for k in keys for c in self._claims("subject = ?", (k,)))

    def claims_with(self, predicate: str) -> tuple[Claim, ...]:
        """Claims whose proposition has `predicate`."""
        return self._claims("predicate = ?", (predicate,))

    def _links(self, where: str, params: Sequence[Any]) -> tuple[Link, ...]:
        with self._errors("cannot read"):
            rows = self._db.execute(
                f"SELECT json FROM links WHERE {where} ORDER BY seq", params
            ).fetchall()
        return tuple(decode_many([j for (j,) in rows], Link, version=self._version))

    def links_of(self, *kinds: LinkKind) -> tuple[Link, ...]:
        """Links of any of `kinds` (every link if none is given), in the order they were added."""
        if not kinds:
            return self._links("1", ())
        marks = ",".join("?" * len(kinds))
        return self._links(f"kind IN ({marks})", [LinkKind(k).value for k in kinds])

    def links_from(self, claim_id: str) -> tuple[Link, ...]:
        """Links that start from `claim_id`."""
        return self._links("claim = ?", (claim_id,))

    def links_to(self, claim_id: str) -> tuple[Link, ...]:
        """Links that point at `claim_id`."""
        return self._links("target = ?", (claim_id,))

    def status(self, claim_id: str, *, as_of: datetime | None = None) -> Status:
        """Whether `claim_id` is active, superseded or retracted; see `Dossier.status`.

        Args:
            claim_id: The claim.
            as_of: The status as the store knew it then (timezone-aware);
                default now.

        Raises:
            UnknownIdError: There is no such claim (or there was none then).
        """
        return status_at(self._ends(claim_id), as_of)

    def history(self, claim_id: str) -> tuple[Change, ...]:
        """Every change of `claim_id`'s status, oldest first, with when and why.

        The first change is the claim's arrival (active); each superseding or
        retracting link that changes the status adds one. A retraction
        outweighs a supersession, as in `Dossier.status`.

        Raises:
            UnknownIdError: There is no such claim.
        """
        return changes(self._ends(claim_id))

    def _ends(self, claim_id: str) -> Ends:
        with self._errors("cannot read"), self._snapshot():
            return read_ends(self._db, claim_id, version=self._version)

    # ------------------------------------------------------------------
    # Whole contents

    def records(self, *, progress: Progress | None = None) -> Iterator[Record]:
        """Every record as one consistent snapshot: actors, sources, events, claims, links, reviews.

        Records come in the order they were added, one table at a time, so
        memory does not grow with the store (beyond one table's read buffer).
        The snapshot is read on a connection of its own, so the store can be
        written while an iteration is open: the iteration goes on with the
        records as they were when it began.
        """
        iterator = self._records(progress)
        self._iterators.add(iterator)
        return iterator

    def _records(self, progress: Progress | None) -> Generator[Record, None, None]:
        db = self._connect(read_only=True)
        try:
            with self._errors("cannot read"):
                without_reviews(db)
            with self._errors("cannot read"), Snapshot(db):
                total = sum(
                    db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES.values()
                )
                done = 0
                for cls, table in TABLES.items():
                    cursor = db.execute(f"SELECT json FROM {table} ORDER BY seq")
                    while rows := cursor.fetchmany(5_000):
                        yield from decode_many([r[0] for r in rows], cls, version=self._version)
                        done += len(rows)
                        if progress is not None:
                            progress(done, total)
        finally:
            db.close()

    def dossier(self, *, progress: Progress | None = None) -> Dossier:
        """The whole store as a `Dossier` (with the store's vocabulary), for the questions."""
        return Dossier(self.records(progress=progress), vocabulary=self.vocabulary)

    def export_file(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> int:
        """Write the whole store as a JSON document, atomically (see `claims.dump`).

        Returns:
            How many records were written.
        """
        dossier = self.dossier(progress=progress)
        dump_json(dossier, path)
        return len(dossier)
