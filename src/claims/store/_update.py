"""Updating a store: records whose content changed replace the stored ones.

`write_batches` (with `replace`, for `Store.update`) sorts a batch into
records that are new (added), the same as the stored record of their id
(unchanged) and different from it (updated). The
new and the updated ones are checked together, by `claims._integrity.check`,
against the store with the updated records' old versions hidden
(`Without`), so a replacement is checked as if it arrived anew; a claim whose
claimant changes must still share it with every claim it supersedes or
retracts, or that supersedes or retracts it. Then, in the same transaction,
the batch is recorded, each old version is kept in the ``revisions`` table
(created by the first update of a store) and the rows are rewritten in place,
so a record keeps its place and the batch it first arrived in.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import attrs
import orjson

from .._gc import no_gc
from .._integrity import ENDS, KINDS, Found, check, label
from .._model import Claim, Link
from .._progress import Progress
from ..dossier import Record
from ..exceptions import IntegrityError, Problem
from ._context import StoredRecords, for_batch
from ._rows import INSERT, TABLES, chunks, decode, decode_many, to_row

__all__ = [
    "REVISIONS",
    "Batch",
    "Revision",
    "Updated",
    "Without",
    "key_of",
    "revisions",
    "write_batches",
]

T = TypeVar("T")

REVISIONS = """
CREATE TABLE IF NOT EXISTS revisions (
    seq INTEGER PRIMARY KEY, batch INTEGER NOT NULL REFERENCES batches,
    kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS revisions_key ON revisions (kind, key);
"""
"""The table of replaced versions: the record as it was before `batch` replaced it."""


@attrs.frozen
class Updated:
    """What `Store.update` did with a batch.

    Attributes:
        added: Records that were new.
        updated: Records that replaced a stored record with other content.
        unchanged: Records the store already held as they are.
    """

    added: int
    updated: int
    unchanged: int


@attrs.frozen
class Revision:
    """A version of a record that an update replaced.

    Attributes:
        at: When the store replaced it (UTC).
        note: The note of the batch that replaced it.
        record: The record as it was until then.
    """

    at: datetime
    note: str | None
    record: Record


def key_of(record: Record) -> str:
    """How the ``revisions`` table names `record`: its id, or a link's three ends."""
    if isinstance(record, Link):
        return orjson.dumps([record.kind.value, record.claim, record.target]).decode("utf-8")
    id: str = getattr(record, "id")  # noqa: B009 - every record but links has an id
    return id


class Without(Mapping[str, T]):
    """A table of the store with some ids hidden, as if they were not there yet.

    Args:
        table: The table.
        hidden: The ids to hide.
    """

    def __init__(self, table: Mapping[str, T], hidden: set[str]) -> None:
        self._table = table
        self._hidden = hidden

    def __contains__(self, id: object) -> bool:
        return id not in self._hidden and id in self._table

    def __getitem__(self, id: str) -> T:
        if id in self._hidden:
            raise KeyError(id)
        return self._table[id]

    def __iter__(self) -> Iterator[str]:
        return (id for id in self._table if id not in self._hidden)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Hidden:
    """The store's records as `check` reads them, the replaced versions hidden."""

    def __init__(self, held: StoredRecords, replaced: Sequence[Record]) -> None:
        ids = {kind: set[str]() for kind in KINDS.values()}
        for record in replaced:
            ids[KINDS[type(record)]].add(key_of(record))
        self._held = held
        self._links = ids["link"]
        self.actors = Without(held.actors, ids["actor"])
        self.sources = Without(held.sources, ids["source"])
        self.events = Without(held.events, ids["event"])
        self.claims = Without(held.claims, ids["claim"])
        self.reviews = Without(held.reviews, ids["review"])

    def links_from(self, claim_id: str) -> Sequence[Link]:
        return [x for x in self._held.links_from(claim_id) if key_of(x) not in self._links]


def _stored(db: sqlite3.Connection, batch: Sequence[Record]) -> dict[tuple[str, str], str]:
    """The stored JSON of each record of `batch` the store has, by (table, key)."""
    found: dict[tuple[str, str], str] = {}
    wanted: dict[str, set[str]] = {table: set() for table in TABLES.values()}
    for record in batch:
        if isinstance(record, Link):
            row = db.execute(
                "SELECT json FROM links WHERE kind = ? AND claim = ? AND target = ?",
                _where(record),
            ).fetchone()
            if row is not None:
                found["links", key_of(record)] = row[0]
        else:
            wanted[TABLES[type(record)]].add(key_of(record))
    for table, keys in wanted.items():
        for chunk, marks in chunks(keys):
            rows = db.execute(f"SELECT id, json FROM {table} WHERE id IN ({marks})", chunk)
            found.update(((table, id), text) for id, text in rows)
    return found


def _claimants_kept(
    db: sqlite3.Connection, batch: Sequence[Record], replaced: dict[str, Claim]
) -> list[Found]:
    """Problems of replaced claims whose new claimant breaks a stored supersession."""
    found: list[Found] = []
    index = {key_of(r): i for i, r in enumerate(batch) if isinstance(r, Claim)}
    for id, old in replaced.items():
        new = batch[index[id]]
        assert isinstance(new, Claim)
        if new.claimant == old.claimant:
            continue
        rows = db.execute(
            "SELECT json FROM links WHERE (claim = ? OR target = ?) AND kind IN (?, ?)",
            (id, id, *sorted(kind.value for kind in ENDS)),
        ).fetchall()
        for link in decode_many([r[0] for r in rows], Link):
            other_id = link.target if link.claim == id else link.claim
            at = index.get(other_id)
            other = batch[at] if at is not None else decode(_claim_json(db, other_id), Claim)
            assert isinstance(other, Claim)
            if other.claimant != new.claimant:
                found.append(
                    (
                        index[id],
                        ".claimant",
                        f"{link.claim!r} {link.kind.value} {link.target!r}, so both must "
                        f"stay claims of one claimant, but {other_id!r} is by "
                        f"{other.claimant!r}",
                    )
                )
    return found


def _claim_json(db: sqlite3.Connection, id: str) -> str:
    text: str = db.execute("SELECT json FROM claims WHERE id = ?", (id,)).fetchone()[0]
    return text


_COLUMNS = re.compile(r"\((?P<columns>[^)]*)\) VALUES")


def _update_statement(table: str) -> str:
    """The statement that rewrites a row of `table` in place from a `to_row` (batch aside)."""
    match = _COLUMNS.search(INSERT[table])
    assert match is not None
    columns = [c.strip() for c in match["columns"].split(",") if c.strip() != "batch"]
    where = "kind = ? AND claim = ? AND target = ?" if table == "links" else "id = ?"
    return f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} WHERE {where}"


def _where(record: Record) -> tuple[Any, ...]:
    if isinstance(record, Link):
        return (record.kind.value, record.claim, record.target)
    return (key_of(record),)


Batch = tuple[Sequence[Record], str | None]
"""A batch of records and its note."""


def write_batches(
    db: sqlite3.Connection,
    batches: Sequence[Batch],
    *,
    replace: bool,
    progress: Progress | None,
    finish: Callable[[sqlite3.Connection], object] | None = None,
) -> list[Updated]:
    """Write several batches, each checked after the ones before it, in one transaction.

    Args:
        db: The store's connection, outside any transaction.
        batches: The batches, each with its note (kept in the history).
        replace: Replace stored records whose content changed and skip
            identical ones (as `Store.update`); when false, every record must be
            new (as `Store.extend`).
        progress: Called as ``progress(done, total)`` over all the batches.
        finish: Called with `db` once the batches are written, inside the
            same transaction (to write the store's vocabulary with them).

    Returns:
        What each batch did, in order.

    Raises:
        IntegrityError: A batch would break referential integrity; the store
            is left as it was before the first batch.
        sqlite3.Error: SQLite failed; the store is left as it was.
    """
    bad = [
        Problem(label(r), f"cannot add a {type(r).__name__} to a store")
        for batch, _ in batches
        for r in batch
        if type(r) not in TABLES
    ]
    if bad:
        raise IntegrityError(bad)
    total = sum(len(batch) for batch, _ in batches)
    results = []
    db.execute("BEGIN IMMEDIATE")
    try:
        offset = 0
        for batch, note in batches:
            shifted = _shifted(progress, offset, total)
            results.append(_one(db, batch, note, replace=replace, progress=shifted))
            offset += len(batch)
        if finish is not None:
            finish(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return results


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """`progress` for one batch of several: its count after the batches before it."""
    if progress is None:
        return None
    report = progress
    return lambda done, _: report(offset + done, total)


def _one(
    db: sqlite3.Connection,
    batch: Sequence[Record],
    note: str | None,
    *,
    replace: bool,
    progress: Progress | None,
) -> Updated:
    """Check and write one batch, inside the caller's transaction."""
    stored = _stored(db, batch) if replace else {}
    added: list[Record] = []
    replaced: list[tuple[Record, str]] = []
    unchanged = 0
    for record in batch:
        text = stored.get((TABLES[type(record)], key_of(record)))
        if text is None:
            added.append(record)
        elif decode(text, type(record)) == record:
            unchanged += 1
        else:
            replaced.append((record, text))
    writing = [*added, *(r for r, _ in replaced)]
    old_claims = {key_of(r): decode(text, Claim) for r, text in replaced if isinstance(r, Claim)}
    hidden = _Hidden(for_batch(db, writing), [r for r, _ in replaced])
    found = check(hidden, writing) or _claimants_kept(db, writing, old_claims)
    if found:
        raise IntegrityError([Problem(label(writing[i]) + sub, msg) for i, sub, msg in found])
    if writing:
        _write(db, added, replaced, note, progress)
    return Updated(len(added), len(replaced), unchanged)


def _write(
    db: sqlite3.Connection,
    added: Sequence[Record],
    replaced: Sequence[tuple[Record, str]],
    note: str | None,
    progress: Progress | None,
) -> None:
    at = datetime.now(UTC).isoformat()
    total = len(added) + len(replaced)
    batch_id = db.execute(
        "INSERT INTO batches (at, note, records) VALUES (?, ?, ?)", (at, note, total)
    ).lastrowid
    assert batch_id is not None
    done = 0
    for start in range(0, len(added), 10_000):
        rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES.values()}
        with no_gc():
            for record in added[start : start + 10_000]:
                rows[TABLES[type(record)]].append(to_row(record, batch_id))
        for table, table_rows in rows.items():
            if table_rows:
                db.executemany(INSERT[table], table_rows)
        done = min(start + 10_000, len(added))
        if progress is not None:
            progress(done, total)
    if replaced:
        for statement in REVISIONS.split(";"):
            if statement.strip():
                db.execute(statement)
        for record, old in replaced:
            table = TABLES[type(record)]
            db.execute(
                "INSERT INTO revisions (batch, kind, key, json) VALUES (?, ?, ?, ?)",
                (batch_id, KINDS[type(record)], key_of(record), old),
            )
            db.execute(_update_statement(table), (*to_row(record, None)[:-1], *_where(record)))
        if progress is not None:
            progress(total, total)


def revisions(db: sqlite3.Connection, kind: str, key: str) -> list[tuple[str, str | None, str]]:
    """The replaced versions of a record: (when, the batch's note, old JSON), oldest first."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'"
    ).fetchone()
    if exists is None:
        return []
    rows: list[tuple[str, str | None, str]] = db.execute(
        "SELECT b.at, b.note, r.json FROM revisions r JOIN batches b ON b.id = r.batch "
        "WHERE r.kind = ? AND r.key = ? ORDER BY r.seq",
        (kind, key),
    ).fetchall()
    return rows
