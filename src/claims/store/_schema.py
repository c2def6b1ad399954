"""The store's layout: its tables (`SCHEMA`), versions, and upgrades on open.

A store is an SQLite file marked with `APPLICATION_ID`, whose ``meta`` table
records the layout version (`STORE_FORMAT`) and the records' schema version.
`prepare` creates the tables in a new file and checks both versions of an
existing one, upgrading records of an older schema version in place (and
adding the table of reviews to a store from before them); `check` checks a
store opened read-only and writes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import orjson

from .._convert import SCHEMA_VERSION, check_version
from ..exceptions import LoadError, StoreError
from ..json import from_builtins
from ._rows import TABLES, encode
from ._vocabulary import KEY as VOCABULARY
from ._vocabulary import write as write_vocabulary

__all__ = [
    "APPLICATION_ID",
    "HEADER",
    "REVIEWS",
    "SCHEMA",
    "STORE_FORMAT",
    "check",
    "prepare",
    "without_reviews",
]

STORE_FORMAT = 1
"""The version of the store's table layout this release writes and reads."""

APPLICATION_ID = 0x636C6D73
"""``PRAGMA application_id`` of a claims store: "clms"."""

HEADER = b"SQLite format 3\x00"
"""How every SQLite file starts."""

REVIEWS = """
CREATE TABLE IF NOT EXISTS reviews (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, claim TEXT NOT NULL,
    reviewer TEXT NOT NULL, batch INTEGER NOT NULL REFERENCES batches, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_claim ON reviews (claim);
"""
"""The table of reviews, which stores of schema version 3 and later have."""

SCHEMA = (
    """
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
    + REVIEWS
)
"""The tables of a store (see the layout in the store's documentation)."""


def prepare(db: sqlite3.Connection, path: Path, *, durable: bool) -> None:
    """Set the connection up, create the tables if the file is new, check the versions.

    Records of an older schema version are upgraded in place.

    Raises:
        StoreError: The file is not a claims store, or was written by a newer
            release of claims.
        sqlite3.Error: SQLite failed.
    """
    app = db.execute("PRAGMA application_id").fetchone()[0]
    if app not in (0, APPLICATION_ID):
        raise StoreError(path, "is an SQLite file but not a claims store")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
    db.execute("PRAGMA cache_size=-65536")  # 64 MiB: indexes of big batches stay cached
    db.execute("PRAGMA foreign_keys=ON")
    if app == 0:
        _create(db, path)
    version = _check_versions(db, path)
    if version < SCHEMA_VERSION:
        _upgrade(db, path, version)


def check(db: sqlite3.Connection, path: Path) -> int:
    """Check a store opened read-only, writing nothing (not even the journal mode).

    Returns:
        The schema version of its records (an older one is upgraded as
        records are read).

    Raises:
        StoreError: The file is not a claims store, or was written by a newer
            release of claims.
        sqlite3.Error: SQLite failed.
    """
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        if not db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(path, "is an empty SQLite file, not a claims store")
        raise StoreError(path, "is an SQLite file but not a claims store")
    db.execute("PRAGMA cache_size=-65536")  # of this connection only
    version = _check_versions(db, path)
    without_reviews(db)
    return version


def without_reviews(db: sqlite3.Connection) -> None:
    """Give a read-only connection to a store from before reviews an empty table of them.

    The table is a temporary one, of this connection only, so the file is
    read as it is and never upgraded by a reader.
    """
    found = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews'"
    if db.execute(found).fetchone() is None:
        db.execute(
            "CREATE TEMP TABLE IF NOT EXISTS reviews (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, "
            "claim TEXT NOT NULL, reviewer TEXT NOT NULL, batch INTEGER NOT NULL, "
            "json TEXT NOT NULL)"
        )


def _create(db: sqlite3.Connection, path: Path) -> None:
    try:
        db.execute("BEGIN IMMEDIATE")
        if db.execute("PRAGMA application_id").fetchone()[0] == 0:
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreError(path, "is an SQLite file but not a claims store")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("store_format", str(STORE_FORMAT)), ("schema_version", str(SCHEMA_VERSION))],
            )
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # not when cut short before BEGIN or after COMMIT
            db.execute("ROLLBACK")
        raise


def _check_versions(db: sqlite3.Connection, path: Path) -> int:
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    fmt = int(meta.get("store_format", "0"))
    if fmt > STORE_FORMAT:
        raise StoreError(
            path,
            f"store format {fmt} is newer than this release of claims reads "
            f"({STORE_FORMAT}); upgrade claims to read it",
        )
    if fmt < 1:
        raise StoreError(path, "has no store format version; not a claims store")
    version = int(meta.get("schema_version", "0"))
    try:
        check_version(version, "schema_version")
    except LoadError:
        if version > SCHEMA_VERSION:
            raise StoreError(
                path,
                f"records have schema version {version}, newer than this release of claims "
                f"reads ({SCHEMA_VERSION}); upgrade claims to read it",
            ) from None
        raise StoreError(path, f"schema version {version} is not a version of the format") from None
    return version


def _upgrade(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Rewrite every record in the current schema version, in one transaction.

    A store of a version before reviews also gets the table of reviews.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if int(row[0]) == version:  # not upgraded meanwhile by another connection
            for statement in REVIEWS.split(";"):
                if statement.strip():
                    db.execute(statement)
            doc: dict[str, Any] = {"schema_version": version}
            seqs: dict[str, list[int]] = {}
            for table in TABLES.values():
                rows = db.execute(f"SELECT seq, json FROM {table} ORDER BY seq").fetchall()
                seqs[table] = [seq for seq, _ in rows]
                doc[table] = [orjson.loads(j) for _, j in rows]
            own = db.execute("SELECT value FROM meta WHERE key = ?", (VOCABULARY,)).fetchone()
            if own is not None:
                try:
                    doc[VOCABULARY] = orjson.loads(own[0])
                except orjson.JSONDecodeError as exc:
                    raise StoreError(path, f"its vocabulary is not JSON: {exc}") from None
            try:
                dossier = from_builtins(doc)
            except LoadError as exc:
                raise StoreError(path, f"cannot upgrade the records: {exc}") from None
            write_vocabulary(db, dossier.own_vocabulary)
            for table, records in (
                ("actors", dossier.actors.values()),
                ("sources", dossier.sources.values()),
                ("events", dossier.events.values()),
                ("claims", dossier.claims.values()),
                ("links", dossier.links),
                ("reviews", dossier.reviews.values()),
            ):
                db.executemany(
                    f"UPDATE {table} SET json = ? WHERE seq = ?",
                    zip(map(encode, records), seqs[table], strict=True),
                )
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
            )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # not when cut short before BEGIN or after COMMIT
            db.execute("ROLLBACK")
        raise
