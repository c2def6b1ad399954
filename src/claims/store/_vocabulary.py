"""The store's own vocabulary: one row of its ``meta`` table, as JSON.

The row is written in the store's schema version (``meta``'s
``schema_version``), so an upgrade of the store (`claims.store._schema`)
upgrades it with the records when the form of a vocabulary changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .._convert import encode
from ..exceptions import LoadError, StoreError
from ..vocabulary import Vocabulary

__all__ = ["KEY", "read", "write"]

KEY = "vocabulary"
"""The ``meta`` key of the store's vocabulary."""


def read(db: sqlite3.Connection, path: Path) -> Vocabulary | None:
    """The vocabulary the store carries, or ``None``.

    Raises:
        StoreError: The stored vocabulary is not valid.
    """
    row = db.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    if row is None:
        return None
    try:
        return Vocabulary.from_json(row[0])
    except LoadError as exc:
        found = "; ".join(str(p) for p in exc.problems)
        raise StoreError(path, f"its vocabulary is not valid: {found}") from None


def write(db: sqlite3.Connection, vocabulary: Vocabulary | None) -> None:
    """Make `vocabulary` the store's (``None``: none), inside the caller's transaction."""
    if vocabulary is None:
        db.execute("DELETE FROM meta WHERE key = ?", (KEY,))
        return
    if not isinstance(vocabulary, Vocabulary):
        raise TypeError(f"a vocabulary must be a Vocabulary, not {type(vocabulary).__name__}")
    text = encode(vocabulary).decode("utf-8")
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (KEY, text))
