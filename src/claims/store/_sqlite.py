"""Transactions and errors of a store's SQLite connection.

`Snapshot` is a read transaction; `SqliteErrors` turns SQLite's errors into
`StoreError`s naming the store, and a lock held past the timeout into one
that says what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

from ..exceptions import StoreError

__all__ = ["BUSY", "Snapshot", "SqliteErrors"]

BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
"""The error codes of a lock held by another connection."""


class Snapshot:
    """A read transaction: every query inside sees the same committed state.

    Inside a write (`in_write`) it reads the write's own transaction. Any
    other transaction found open was left by an interrupted call, and is
    ended first.
    """

    def __init__(self, db: sqlite3.Connection, *, in_write: bool = False) -> None:
        self._db = db
        self._in_write = in_write
        self._mine = False

    def __enter__(self) -> None:
        if self._in_write:
            return
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._db.execute("BEGIN")
            self._mine = True
        except BaseException:  # interrupted once begun: __exit__ will not run
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def __exit__(self, *exc: object) -> None:
        if self._mine and self._db.in_transaction:
            self._db.execute("COMMIT")


class SqliteErrors:
    """Turn `sqlite3.Error` into `StoreError`, naming the file and what was being done."""

    def __init__(self, path: Path, doing: str, timeout: float) -> None:
        self._path = path
        self._doing = doing
        self._timeout = timeout

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
            if getattr(exc, "sqlite_errorcode", None) in BUSY:
                raise StoreError(
                    self._path,
                    f"{self._doing}: another connection has held the store locked for over "
                    f"{self._timeout:g} s; try again once its work is done, or open the "
                    "store with a longer timeout (claims.store.open(path, timeout=SECONDS))",
                ) from exc
            raise StoreError(self._path, f"{self._doing}: {message}") from exc
