"""`Store`: records in an SQLite file, with the dossier's lookups and a full history.

Writes check a batch with `claims._integrity.check` against the store's
records as `claims.store._context` reads them, inside the transaction that
writes it. Reads run in one read transaction each (`_Snapshot`), and SQLite's
errors become `StoreError` naming the file (`_SqliteErrors`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import attrs

from .._gc import no_gc
from .._integrity import ENDS, check, label, status_of
from .._model import (
    ACTIVE,
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
    StatusKind,
    Subject,
)
from .._progress import Progress
from ..dossier import Dossier, Record
from ..exceptions import ClaimsError, IntegrityError, Problem, StoreError, UnknownIdError
from ..json import dump as dump_json
from ..json import load as load_json
from ._context import for_batch
from ._rows import INSERT, TABLES, decode, decode_many, subject_key, to_row
from ._schema import HEADER, prepare

__all__ = ["Change", "Progress", "Store", "is_store", "open"]

T = TypeVar("T")

_ENDS = tuple(sorted(kind.value for kind in ENDS))  # for "kind IN (?, ?)"


@attrs.frozen
class Change:
    """One step in a claim's history, as the store learnt it.

    Attributes:
        at: When the store recorded the change (UTC).
        status: The claim's status from then on.
        by: The claim that superseded or retracted it, if any.
        note: Why: the note of the superseding or retracting link.
    """

    at: datetime
    status: StatusKind
    by: str | None = None
    note: str | None = None


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is an SQLite file (so a store, rather than a JSON document)."""
    try:
        with Path(path).open("rb") as f:
            return f.read(len(HEADER)) == HEADER
    except OSError:
        return False


def open(path: str | os.PathLike[str], *, create: bool = True, durable: bool = False) -> Store:
    """Open the store at `path`, creating it if need be.

    Args:
        path: The SQLite file.
        create: Create the store if the file does not exist; when false, a
            missing file is a `StoreError`.
        durable: Flush to disk on every commit (``synchronous=FULL``). By
            default (``NORMAL``) a batch that was committed survives a crash
            of the process; only a power loss can drop the last batches, and
            never leaves a partial one.

    Raises:
        StoreError: The file is not a claims store, or was written by a newer
            release of claims.
    """
    return Store(path, create=create, durable=durable)


class Store:
    """Records in an SQLite file, with the dossier's lookups and a full history.

    Use `open` to get one; close it with `close` or a ``with`` block.

    Args:
        path: The SQLite file.
        create: As for `open`.
        durable: As for `open`.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, create: bool = True, durable: bool = False
    ) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(path, "no such store")
        try:
            self._db = sqlite3.connect(
                self.path, timeout=60, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(path, f"cannot open: {exc}") from None
        try:
            self._setup(durable)
        except BaseException:
            self._db.close()
            raise

    # ------------------------------------------------------------------
    # Opening, versions, closing

    def _setup(self, durable: bool) -> None:
        with self._errors("cannot open"):
            prepare(self._db, self.path, durable=durable)

    def close(self) -> None:
        """Close the store's connection."""
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

    def _errors(self, doing: str) -> _SqliteErrors:
        return _SqliteErrors(self.path, doing)

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
            StoreError: The file could not be written; the store is left as
                it was.
        """
        batch = list(records)
        bad = [
            Problem(label(r), f"cannot add a {type(r).__name__} to a store")
            for r in batch
            if type(r) not in TABLES
        ]
        if bad:
            raise IntegrityError(bad)
        db = self._db
        with self._errors("cannot write"):
            db.execute("BEGIN IMMEDIATE")
            try:
                found = check(for_batch(db, batch), batch)
                if found:
                    raise IntegrityError(
                        [Problem(label(batch[i]) + sub, msg) for i, sub, msg in found]
                    )
                at = datetime.now(UTC).isoformat()
                cur = db.execute(
                    "INSERT INTO batches (at, note, records) VALUES (?, ?, ?)",
                    (at, note, len(batch)),
                )
                batch_id = cur.lastrowid
                done = 0
                for start in range(0, len(batch), 10_000):
                    chunk = batch[start : start + 10_000]
                    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES.values()}
                    with no_gc():
                        for record in chunk:
                            rows[TABLES[type(record)]].append(to_row(record, batch_id))
                    for table, table_rows in rows.items():
                        if table_rows:
                            db.executemany(INSERT[table], table_rows)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, len(batch))
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        return len(batch)

    def import_file(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> int:
        """Add every record of a JSON document, as one batch.

        Raises:
            LoadError: The document is not valid.
            IntegrityError: Its records clash with the store's.
        """
        dossier = load_json(path)
        return self.extend(dossier.records(), note=f"import {path}", progress=progress)

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

    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self._db)

    def _one(self, table: str, kind: str, cls: type[T], id: str) -> T:
        with self._errors("cannot read"):
            row = self._db.execute(f"SELECT json FROM {table} WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise UnknownIdError(kind, id)
        return decode(row[0], cls)

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
        return tuple(decode(j, Claim) for (j,) in rows)

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
        if not include_parts:
            return self._claims("claimant = ?", (actor_id,))
        return self._claims(
            "claimant IN (WITH RECURSIVE p(id) AS (SELECT ? UNION "
            "SELECT a.id FROM actors a JOIN p ON a.part_of = p.id) SELECT id FROM p)",
            (actor_id,),
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
        return tuple(decode(j, Link) for (j,) in rows)

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
        arrived, ends = self._ends(claim_id)
        if as_of is None:
            return status_of(link for _, link in ends)
        if arrived > as_of:
            raise UnknownIdError("claim", claim_id)
        return status_of(link for at, link in ends if at <= as_of)

    def history(self, claim_id: str) -> tuple[Change, ...]:
        """Every change of `claim_id`'s status, oldest first, with when and why.

        The first change is the claim's arrival (active); each superseding or
        retracting link that changes the status adds one. A retraction
        outweighs a supersession, as in `Dossier.status`.

        Raises:
            UnknownIdError: There is no such claim.
        """
        arrived, ends = self._ends(claim_id)
        changes = [Change(arrived, StatusKind.ACTIVE)]
        status = ACTIVE
        for i, (at, link) in enumerate(ends):
            now = status_of(link for _, link in ends[: i + 1])
            if now != status:
                status = now
                changes.append(Change(at, now.kind, by=now.by, note=link.note))
        return tuple(changes)

    def _ends(self, claim_id: str) -> tuple[datetime, list[tuple[datetime, Link]]]:
        """When `claim_id` arrived, and each superseding or retracting link with when.

        Raises:
            UnknownIdError: There is no such claim.
        """
        with self._errors("cannot read"), self._snapshot():
            arrived = self._db.execute(
                "SELECT b.at FROM claims c JOIN batches b ON b.id = c.batch WHERE c.id = ?",
                (claim_id,),
            ).fetchone()
            if arrived is None:
                raise UnknownIdError("claim", claim_id)
            rows = self._db.execute(
                "SELECT b.at, l.json FROM links l JOIN batches b ON b.id = l.batch "
                "WHERE l.target = ? AND l.kind IN (?, ?) ORDER BY l.seq",
                (claim_id, *_ENDS),
            ).fetchall()
        links = decode_many([j for _, j in rows], Link)
        times = [datetime.fromisoformat(at) for at, _ in rows]
        return datetime.fromisoformat(arrived[0]), list(zip(times, links, strict=True))

    # ------------------------------------------------------------------
    # Whole contents

    def records(self, *, progress: Progress | None = None) -> Iterator[Record]:
        """Every record as one consistent snapshot: actors, sources, events, claims, links, reviews.

        Records come in the order they were added, one table at a time, so
        memory does not grow with the store (beyond one table's read buffer).
        """
        db = self._db
        with self._errors("cannot read"), self._snapshot():
            total = sum(
                db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES.values()
            )
            done = 0
            for cls, table in TABLES.items():
                cursor = db.execute(f"SELECT json FROM {table} ORDER BY seq")
                while rows := cursor.fetchmany(5_000):
                    yield from decode_many([r[0] for r in rows], cls)
                    done += len(rows)
                    if progress is not None:
                        progress(done, total)

    def dossier(self, *, progress: Progress | None = None) -> Dossier:
        """The whole store as a `Dossier`, for the analysis questions."""
        return Dossier(self.records(progress=progress))

    def export_file(self, path: str | os.PathLike[str], *, progress: Progress | None = None) -> int:
        """Write the whole store as a JSON document, atomically (see `claims.dump`).

        Returns:
            How many records were written.
        """
        dossier = self.dossier(progress=progress)
        dump_json(dossier, path)
        return len(dossier)


# --------------------------------------------------------------------------
# Transactions and errors


class _Snapshot:
    """A read transaction: every query inside sees the same committed state."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._mine = False

    def __enter__(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN")
            self._mine = True

    def __exit__(self, *exc: object) -> None:
        if self._mine and self._db.in_transaction:
            self._db.execute("COMMIT")


class _SqliteErrors:
    """Turn `sqlite3.Error` into `StoreError`, naming the file and what was being done."""

    def __init__(self, path: Path, doing: str) -> None:
        self._path = path
        self._doing = doing

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(exc, sqlite3.DatabaseError):
            message = str(exc)
            if "not a database" in message:
                raise StoreError(self._path, "is not a claims store (not an SQLite file)") from None
            raise StoreError(self._path, f"{self._doing}: {message}") from exc
