"""Rows: records as the store's table rows, and back.

Each record is kept as the converter's JSON (`encode`, `decode_many`) beside
the columns its lookups use (`to_row`, `INSERT`). `TABLES` names each record
class's table, after its kind (`claims._integrity.KINDS`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import orjson

from .._convert import SCHEMA_VERSION, migrate, structure, to_builtins
from .._gc import no_gc
from .._integrity import KINDS, label
from .._model import Actor, ActorRef, Claim, EventRef, Link, Review, Source, Subject, Text
from ..dossier import Record
from ..exceptions import ClaimsError

__all__ = [
    "CHUNK",
    "INSERT",
    "TABLES",
    "chunks",
    "decode",
    "decode_many",
    "encode",
    "load",
    "subject_key",
    "to_row",
]

T = TypeVar("T")

TABLES: Mapping[type, str] = MappingProxyType({cls: f"{kind}s" for cls, kind in KINDS.items()})
"""The table of each record class (``actors``, ..., ``links``, ``reviews``), in the order read."""

CHUNK = 500
"""Ids per ``IN (...)`` query."""

INSERT: Mapping[str, str] = MappingProxyType(
    {
        "actors": "INSERT INTO actors (id, name, kind, part_of, json, batch) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        "sources": "INSERT INTO sources (id, publisher, json, batch) VALUES (?, ?, ?, ?)",
        "events": "INSERT INTO events (id, json, batch) VALUES (?, ?, ?)",
        "claims": "INSERT INTO claims (id, claimant, subject, predicate, stance, json, batch) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        "links": "INSERT INTO links (kind, claim, target, note, json, batch) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        "reviews": "INSERT INTO reviews (id, claim, reviewer, json, batch) VALUES (?, ?, ?, ?, ?)",
    }
)
"""The statement that inserts a `to_row` into each table."""


def encode(record: Any) -> str:
    """`record` as the converter's JSON text.

    Raises:
        ClaimsError: It holds text JSON cannot carry (a lone surrogate).
    """
    try:
        return orjson.dumps(to_builtins(record)).decode("utf-8")
    except orjson.JSONEncodeError as exc:
        raise ClaimsError(f"cannot write {label(record)} as JSON: {exc}") from None


def decode_many(texts: Iterable[str], cls: type[T], *, version: int = SCHEMA_VERSION) -> list[T]:
    """Records of class `cls` from their JSON texts (the garbage collector paused).

    Args:
        texts: The records' JSON.
        cls: Their class.
        version: The schema version they were written in; older records
            are upgraded as they are read (by a store opened read-only,
            which cannot upgrade them in place).
    """
    with no_gc():
        data = [orjson.loads(t) for t in texts]
        if version < SCHEMA_VERSION:
            table = TABLES[cls]
            data = migrate({"schema_version": version, table: data}, to=SCHEMA_VERSION)[table]
        return [structure(d, cls) for d in data]


def decode(text: str, cls: type[T], *, version: int = SCHEMA_VERSION) -> T:
    """One record of class `cls` from its JSON text; see `decode_many`."""
    return decode_many([text], cls, version=version)[0]


def subject_key(subject: Subject) -> str:
    """The ``subject`` column of a claim about `subject`.

    ``actor:ID``, ``event:ID`` or ``text:...``.
    """
    if isinstance(subject, ActorRef):
        return "actor:" + subject.id
    if isinstance(subject, EventRef):
        return "event:" + subject.id
    assert isinstance(subject, Text)
    return "text:" + subject.value


def to_row(record: Record, batch: int | None) -> tuple[Any, ...]:
    """The values `INSERT` takes for `record`, arrived in `batch`."""
    j = encode(record)
    if isinstance(record, Claim):
        p = record.proposition
        return (
            record.id,
            record.claimant,
            subject_key(p.subject),
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
    if isinstance(record, Review):
        return (record.id, record.claim, record.reviewer, j, batch)
    return (record.id, j, batch)


def chunks(ids: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """`ids` in lists of at most `CHUNK`, each with its ``?, ?, ...`` placeholders."""
    wanted = list(ids)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def load(db: sqlite3.Connection, table: str, cls: type[T], ids: Iterable[str]) -> list[T]:
    """The records of `table` with `ids` (those there are), decoded as `cls`."""
    out: list[T] = []
    for chunk, marks in chunks(ids):
        rows = db.execute(f"SELECT json FROM {table} WHERE id IN ({marks})", chunk).fetchall()
        out.extend(decode_many([r[0] for r in rows], cls))
    return out
