"""A durable store of claims on one machine: SQLite, no server.

``claims.store.open(path)`` opens (or creates) a store: a single SQLite file
holding every record as the converter's JSON, beside indexed columns for the
dossier's questions (who claimed what, about what, with which predicate,
which links). It keeps a full history: nothing is ever deleted, and a
superseded or retracted claim stays, with when the store learnt it and why
(the link's note).

- Writes go through `Store.extend`: one batch is one transaction, checked
  for referential integrity exactly as `Dossier.extend` checks it; it lands
  whole or not at all.
- The file is in WAL mode: readers see a consistent state (the last
  committed batch) while a writer works, and a writer killed mid-batch
  leaves the store as it was before that batch.
- The store records its layout version and the records' schema version, and
  checks both on open.

>>> import tempfile, os
>>> from claims import Actor, ActorRef, Claim, Link, LinkKind, Proposition, Quantity
>>> path = os.path.join(tempfile.mkdtemp(), "claims.db")
>>> with open(path) as store:
...     added = store.extend([
...         Actor("moh", "Ministry of Health"),
...         Claim("toll-1", "moh", Proposition(ActorRef("moh"), "reports_dead", Quantity(4))),
...     ])
...     store.add(Claim("toll-2", "moh", Proposition(ActorRef("moh"), "reports_dead", Quantity(6))))
...     store.add(Link(LinkKind.SUPERSEDES, "toll-2", "toll-1", note="revised toll"))
...     [c.id for c in store.claims_by("moh")]
...     store.status("toll-1").kind.value
...     [(c.status.value, c.by, c.note) for c in store.history("toll-1")]
['toll-1', 'toll-2']
'superseded'
[('active', None, None), ('superseded', 'toll-2', 'revised toll')]
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
import orjson

from ._convert import SCHEMA_VERSION, check_version, structure, to_builtins
from ._gc import no_gc
from ._model import (
    ACTIVE,
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    LinkKind,
    Source,
    Status,
    StatusKind,
    Subject,
    Text,
)
from .dossier import Dossier, Record, _label
from .exceptions import ClaimsError, IntegrityError, LoadError, Problem, UnknownIdError
from .json import dump as dump_json
from .json import from_builtins
from .json import load as load_json

__all__ = ["STORE_FORMAT", "Change", "Store", "StoreError", "is_store", "open"]

STORE_FORMAT = 1
"""The version of the store's table layout this release writes and reads."""

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs."""

_APPLICATION_ID = 0x636C6D73  # "clms": marks the SQLite file as a claims store.
_HEADER = b"SQLite format 3\x00"
_CHUNK = 500  # ids per "IN (...)" query
_ENDS = ("supersedes", "retracts")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE batches (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, note TEXT, records INTEGER NOT NULL);
CREATE TABLE actors (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    part_of TEXT, batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL);
CREATE INDEX actors_part_of ON actors (part_of) WHERE part_of IS NOT NULL;
CREATE TABLE sources (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, publisher TEXT,
    batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
    batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL);
CREATE TABLE claims (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, claimant TEXT NOT NULL,
    subject TEXT NOT NULL, predicate TEXT NOT NULL, stance TEXT NOT NULL,
    batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL);
CREATE INDEX claims_claimant ON claims (claimant);
CREATE INDEX claims_subject ON claims (subject);
CREATE INDEX claims_predicate ON claims (predicate);
CREATE TABLE links (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, claim TEXT NOT NULL, target TEXT NOT NULL,
    note TEXT, batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL,
    UNIQUE (kind, claim, target));
CREATE INDEX links_claim ON links (claim);
CREATE INDEX links_target ON links (target);
"""

_TABLE = {Actor: "actors", Source: "sources", Event: "events", Claim: "claims", Link: "links"}
_KIND_TABLE = {"actor": "actors", "source": "sources", "event": "events", "claim": "claims"}


class StoreError(ClaimsError):
    """A store could not be opened, read or written.

    Attributes:
        path: The store's file.
    """

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)


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
            return f.read(len(_HEADER)) == _HEADER
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
            db = self._db
            app = db.execute("PRAGMA application_id").fetchone()[0]
            if app not in (0, _APPLICATION_ID):
                raise StoreError(self.path, "is an SQLite file but not a claims store")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            db.execute("PRAGMA cache_size=-65536")  # 64 MiB: indexes of big batches stay cached
            db.execute("PRAGMA foreign_keys=ON")
            if app == 0:
                db.execute("BEGIN IMMEDIATE")
                try:
                    if db.execute("PRAGMA application_id").fetchone()[0] == 0:
                        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                            raise StoreError(self.path, "is an SQLite file but not a claims store")
                        for statement in _SCHEMA.split(";"):
                            if statement.strip():
                                db.execute(statement)
                        db.executemany(
                            "INSERT INTO meta VALUES (?, ?)",
                            [
                                ("store_format", str(STORE_FORMAT)),
                                ("schema_version", str(SCHEMA_VERSION)),
                            ],
                        )
                        db.execute(f"PRAGMA application_id={_APPLICATION_ID}")
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            self._check_versions()

    def _check_versions(self) -> None:
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        fmt = int(meta.get("store_format", "0"))
        if fmt > STORE_FORMAT:
            raise StoreError(
                self.path,
                f"store format {fmt} is newer than this release of claims reads "
                f"({STORE_FORMAT}); upgrade claims to read it",
            )
        if fmt < 1:
            raise StoreError(self.path, "has no store format version; not a claims store")
        version = int(meta.get("schema_version", "0"))
        try:
            check_version(version, "schema_version")
        except LoadError:
            if version > SCHEMA_VERSION:
                raise StoreError(
                    self.path,
                    f"records have schema version {version}, newer than this release of claims "
                    f"reads ({SCHEMA_VERSION}); upgrade claims to read it",
                ) from None
            raise StoreError(
                self.path, f"schema version {version} is not a version of the format"
            ) from None
        if version < SCHEMA_VERSION:
            self._upgrade(version)

    def _upgrade(self, version: int) -> None:
        """Rewrite every record in the current schema version, in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0])
            if found == version:
                doc: dict[str, Any] = {"schema_version": version}
                seqs: dict[str, list[int]] = {}
                for table in _TABLE.values():
                    rows = db.execute(f"SELECT seq, json FROM {table} ORDER BY seq").fetchall()
                    seqs[table] = [seq for seq, _ in rows]
                    doc[table] = [orjson.loads(j) for _, j in rows]
                try:
                    dossier = from_builtins(doc)
                except LoadError as exc:
                    raise StoreError(self.path, f"cannot upgrade the records: {exc}") from None
                for table, records in (
                    ("actors", dossier.actors.values()),
                    ("sources", dossier.sources.values()),
                    ("events", dossier.events.values()),
                    ("claims", dossier.claims.values()),
                    ("links", dossier.links),
                ):
                    db.executemany(
                        f"UPDATE {table} SET json = ? WHERE seq = ?",
                        zip(map(_encode, records), seqs[table], strict=True),
                    )
                db.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'",
                    (str(SCHEMA_VERSION),),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

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
            f"{counts['events']} events, {counts['claims']} claims, {counts['links']} links>"
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
            records: Actors, sources, events, claims and links, in any order.
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
            Problem(_label(r), f"cannot add a {type(r).__name__} to a store")
            for r in batch
            if type(r) not in _TABLE
        ]
        if bad:
            raise IntegrityError(bad)
        db = self._db
        with self._errors("cannot write"):
            db.execute("BEGIN IMMEDIATE")
            try:
                found = _context(db, batch)._check(batch)
                if found:
                    raise IntegrityError(
                        [Problem(_label(batch[i]) + sub, msg) for i, sub, msg in found]
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
                    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _TABLE.values()}
                    with no_gc():
                        for record in chunk:
                            rows[_TABLE[type(record)]].append(_row(record, batch_id))
                    for table, table_rows in rows.items():
                        if table_rows:
                            db.executemany(_INSERT[table], table_rows)
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
        """How many actors, sources, events, claims and links the store holds."""
        with self._errors("cannot read"), self._snapshot():
            return {
                t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in _TABLE.values()
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
        return _decode(row[0], cls)

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

    def get(self, kind: str, id: str) -> Record:
        """The record of `kind` (``"actor"``, ``"source"``, ``"event"``, ``"claim"``) with `id`.

        Raises:
            UnknownIdError: There is none.
            ClaimsError: `kind` is not one of those.
        """
        getters: dict[str, Callable[[str], Record]] = {
            "actor": self.actor,
            "source": self.source,
            "event": self.event,
            "claim": self.claim,
        }
        if kind not in getters:
            raise ClaimsError(f"kind {kind!r} is not one of {', '.join(map(repr, getters))}")
        return getters[kind](id)

    def _claims(self, where: str, params: Sequence[Any]) -> tuple[Claim, ...]:
        with self._errors("cannot read"):
            rows = self._db.execute(
                f"SELECT json FROM claims WHERE {where} ORDER BY seq", params
            ).fetchall()
        return tuple(_decode(j, Claim) for (j,) in rows)

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
            keys = [_subject_key(ActorRef(subject)), _subject_key(EventRef(subject))]
        else:
            keys = [_subject_key(subject)]
        return tuple(c for k in keys for c in self._claims("subject = ?", (k,)))

    def claims_with(self, predicate: str) -> tuple[Claim, ...]:
        """Claims whose proposition has `predicate`."""
        return self._claims("predicate = ?", (predicate,))

    def _links(self, where: str, params: Sequence[Any]) -> tuple[Link, ...]:
        with self._errors("cannot read"):
            rows = self._db.execute(
                f"SELECT json FROM links WHERE {where} ORDER BY seq", params
            ).fetchall()
        return tuple(_decode(j, Link) for (j,) in rows)

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
        history = self.history(claim_id)
        if as_of is not None:
            history = tuple(c for c in history if c.at <= as_of)
            if not history:
                raise UnknownIdError("claim", claim_id)
        last = history[-1]
        return ACTIVE if last.by is None else Status(last.status, by=last.by)

    def history(self, claim_id: str) -> tuple[Change, ...]:
        """Every change of `claim_id`'s status, oldest first, with when and why.

        The first change is the claim's arrival (active); each superseding or
        retracting link adds one. A retraction outweighs a supersession, as
        in `Dossier.status`.

        Raises:
            UnknownIdError: There is no such claim.
        """
        with self._errors("cannot read"), self._snapshot():
            row = self._db.execute(
                "SELECT b.at FROM claims c JOIN batches b ON b.id = c.batch WHERE c.id = ?",
                (claim_id,),
            ).fetchone()
            if row is None:
                raise UnknownIdError("claim", claim_id)
            links = self._db.execute(
                "SELECT l.kind, l.claim, l.note, b.at FROM links l "
                "JOIN batches b ON b.id = l.batch "
                "WHERE l.target = ? AND l.kind IN (?, ?) ORDER BY l.seq",
                (claim_id, *_ENDS),
            ).fetchall()
        changes = [Change(datetime.fromisoformat(row[0]), StatusKind.ACTIVE)]
        superseded: tuple[str, str | None] | None = None
        retracted = False
        for kind, by, note, at in links:
            if retracted:
                break
            if kind == "retracts":
                retracted = True
                changes.append(Change(datetime.fromisoformat(at), StatusKind.RETRACTED, by, note))
            elif superseded is None:
                superseded = (by, note)
                changes.append(Change(datetime.fromisoformat(at), StatusKind.SUPERSEDED, by, note))
        return tuple(changes)

    # ------------------------------------------------------------------
    # Whole contents

    def records(self, *, progress: Progress | None = None) -> Iterator[Record]:
        """Every record, as one consistent snapshot: actors, sources, events, claims, links.

        Records come in the order they were added, one table at a time, so
        memory does not grow with the store (beyond one table's read buffer).
        """
        db = self._db
        with self._errors("cannot read"), self._snapshot():
            total = sum(
                db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLE.values()
            )
            done = 0
            for cls, table in _TABLE.items():
                cursor = db.execute(f"SELECT json FROM {table} ORDER BY seq")
                while rows := cursor.fetchmany(5_000):
                    yield from _decode_many([r[0] for r in rows], cls)
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
# Rows


def _encode(record: Any) -> str:
    return orjson.dumps(to_builtins(record)).decode("utf-8")


def _decode_many(texts: Iterable[str], cls: type[T]) -> list[T]:
    with no_gc():
        return [structure(orjson.loads(t), cls) for t in texts]


def _decode(text: str, cls: type[T]) -> T:
    return _decode_many([text], cls)[0]


def _subject_key(subject: Subject) -> str:
    if isinstance(subject, ActorRef):
        return "actor:" + subject.id
    if isinstance(subject, EventRef):
        return "event:" + subject.id
    assert isinstance(subject, Text)
    return "text:" + subject.value


def _row(record: Record, batch: int | None) -> tuple[Any, ...]:
    j = _encode(record)
    if isinstance(record, Claim):
        p = record.proposition
        return (
            record.id,
            record.claimant,
            _subject_key(p.subject),
            p.predicate,
            record.stance._value_,
            j,
            batch,
        )
    if isinstance(record, Link):
        return (record.kind._value_, record.claim, record.target, record.note, j, batch)
    if isinstance(record, Actor):
        return (record.id, record.name, record.kind._value_, record.part_of, j, batch)
    if isinstance(record, Source):
        return (record.id, record.publisher, j, batch)
    return (record.id, j, batch)


_INSERT = {
    "actors": "INSERT INTO actors (id, name, kind, part_of, json, batch) VALUES (?, ?, ?, ?, ?, ?)",
    "sources": "INSERT INTO sources (id, publisher, json, batch) VALUES (?, ?, ?, ?)",
    "events": "INSERT INTO events (id, json, batch) VALUES (?, ?, ?)",
    "claims": "INSERT INTO claims (id, claimant, subject, predicate, stance, json, batch) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "links": "INSERT INTO links (kind, claim, target, note, json, batch) VALUES (?, ?, ?, ?, ?, ?)",
}


# --------------------------------------------------------------------------
# Integrity: the dossier's own check, against the part of the store it needs


def _existing(db: sqlite3.Connection, table: str, ids: Iterable[str]) -> set[str]:
    wanted = list(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        )
    return found


def _context(db: sqlite3.Connection, batch: list[Record]) -> Dossier:
    """A dossier holding just what of the store `Dossier._check` looks at for `batch`.

    Records only tested for existence are held as placeholders; those whose
    fields the check reads (ancestor actors, claims at either end of a
    supersession or retraction, and the supersession graph reachable from
    the batch) are loaded whole.
    """
    want: dict[str, set[str]] = {k: set() for k in _KIND_TABLE}
    ancestors: set[str] = set()
    end_claims: set[str] = set()
    link_keys: list[tuple[str, str, str]] = []
    for r in batch:
        if isinstance(r, Actor):
            want["actor"].add(r.id)
            want["actor"].update(a.actor for a in r.affiliations)
            if r.part_of is not None:
                want["actor"].add(r.part_of)
                ancestors.add(r.part_of)
        elif isinstance(r, Source):
            want["source"].add(r.id)
            if r.publisher is not None:
                want["actor"].add(r.publisher)
        elif isinstance(r, Event):
            want["event"].add(r.id)
        elif isinstance(r, Claim):
            want["claim"].add(r.id)
            want["actor"].add(r.claimant)
            for term in (r.proposition.subject, r.proposition.object):
                if isinstance(term, ActorRef):
                    want["actor"].add(term.id)
                elif isinstance(term, EventRef):
                    want["event"].add(term.id)
            for q in r.quotes:
                want["source"].add(q.source)
            for h in r.chain:
                want["actor"].add(h.reporter)
                for s in (h.source, h.quote.source if h.quote else None):
                    if s is not None:
                        want["source"].add(s)
        else:
            want["claim"].update((r.claim, r.target))
            link_keys.append((r.kind.value, r.claim, r.target))
            if r.kind.value in _ENDS:
                end_claims.update((r.claim, r.target))

    ctx = Dossier()
    tables: dict[str, dict[str, Any]] = {
        "actor": ctx._actors,
        "source": ctx._sources,
        "event": ctx._events,
        "claim": ctx._claims,
    }
    for kind, ids in want.items():
        for id in _existing(db, _KIND_TABLE[kind], ids):
            tables[kind][id] = None  # a placeholder: it exists
    # Ancestors of the batch's actors, whole, for the part_of cycle check.
    frontier = {a for a in ancestors if a in ctx._actors}
    while frontier:
        loaded = _load(db, "actors", Actor, frontier)
        frontier = set()
        for actor in loaded:
            ctx._actors[actor.id] = actor
            if actor.part_of is not None and ctx._actors.get(actor.part_of) is None:
                frontier.add(actor.part_of)
    # Existing links the batch would duplicate.
    for key in link_keys:
        row = db.execute(
            "SELECT json FROM links WHERE kind = ? AND claim = ? AND target = ?", key
        ).fetchone()
        if row is not None:
            link = _decode(row[0], Link)
            ctx._links[(link.kind, link.claim, link.target)] = link
    # The supersession/retraction graph reachable from the batch's ends.
    if end_claims:
        seen: set[str] = set()
        frontier = set(end_claims)
        while frontier:
            seen |= frontier
            nxt: set[str] = set()
            pending = list(frontier)
            for start in range(0, len(pending), _CHUNK):
                chunk = pending[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for kind, claim, target in db.execute(
                    f"SELECT kind, claim, target FROM links WHERE kind IN (?, ?) "
                    f"AND claim IN ({marks})",
                    (*_ENDS, *chunk),
                ):
                    link = Link(LinkKind(kind), claim, target)
                    ctx._links.setdefault((link.kind, claim, target), link)
                    end_claims.add(target)
                    if target not in seen:
                        nxt.add(target)
            frontier = nxt
        for claim in _load(db, "claims", Claim, {c for c in end_claims if c in ctx._claims}):
            ctx._claims[claim.id] = claim
    return ctx


def _load(db: sqlite3.Connection, table: str, cls: type[T], ids: Iterable[str]) -> list[T]:
    wanted = list(ids)
    out: list[T] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT json FROM {table} WHERE id IN ({marks})", chunk).fetchall()
        out.extend(_decode_many([r[0] for r in rows], cls))
    return out


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
