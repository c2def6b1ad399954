"""The store's own vocabulary: one row of its ``meta`` table, as JSON.

The row is in the store's schema version (``meta``'s ``schema_version``), as
its records are: `read` upgrades an older one as it reads it (as the records
of a store opened read-only are), and the store's upgrade on open
(`claims.store._schema`) rewrites it with the records.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import orjson

from .._convert import SCHEMA_VERSION, encode, migrate, structure
from ..exceptions import LoadError, Problem, StoreError
from ..vocabulary import Vocabulary

__all__ = ["KEY", "read", "upgraded", "write"]

KEY = "vocabulary"
"""The ``meta`` key of the store's vocabulary."""


def read(db: sqlite3.Connection, path: Path, version: int = SCHEMA_VERSION) -> Vocabulary | None:
    """The vocabulary the store carries, or ``None``.

    Args:
        db: The store's connection.
        path: The store's file, for errors.
        version: The schema version of the store's records (and vocabulary).

    Raises:
        StoreError: The stored vocabulary is not valid.
    """
    row = db.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return None
    try:
        return upgraded(row[0], version)
    except LoadError as exc:
        found = "; ".join(str(p) for p in exc.problems)
        raise StoreError(path, f"its vocabulary is not valid: {found}") from None


def upgraded(text: str | bytes, version: int) -> Vocabulary:
    """The vocabulary written as `text` in schema version `version`, upgraded.

    Raises:
        LoadError: It is not a vocabulary (of that version).
    """
    try:
        data: Any = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise LoadError([Problem("", f"not JSON: {exc}")]) from None
    if version < SCHEMA_VERSION:
        data = migrate({"schema_version": version, KEY: data}, to=SCHEMA_VERSION)[KEY]
    return structure(data, Vocabulary)


def write(db: sqlite3.Connection, vocabulary: Vocabulary | None) -> None:
    """Make `vocabulary` the store's (``None``: none), inside the caller's transaction."""
    if vocabulary is None:
        db.execute("DELETE FROM meta WHERE key = ?", (KEY,))
        return
    if not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"a vocabulary must be a Vocabulary, not {type(vocabulary).__name__}")
    text = encode(vocabulary).decode("utf-8")
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (KEY, text))
