"""Parquet export: claims as columns, for DuckDB, Spark, Polars and other engines.

Install with ``pip install claims[parquet]`` (it needs ``pyarrow``).
`export` writes one file per table into a directory:

==================  =========================================================
``claims.parquet``  one row per claim: who, stance, status, the proposition
                    flattened (subject, predicate, object by kind), when,
                    the four assessment dimensions, and ``json``: the whole
                    claim as the converter writes it (lossless)
``actors.parquet``  one row per actor, with ``aliases``, ``affiliations`` and
                    ``identifiers``
``sources.parquet`` one row per source, with its ``identifiers``
``events.parquet``  one row per event
``hops.parquet``    one row per relay of a claim's chain (``position`` 0 is
                    the outermost reporter)
``quotes.parquet``  one row per quote of a claim
``links.parquet``   one row per link between claims
``reviews.parquet`` one row per fact-checker's review of a claim
==================  =========================================================

A dossier (or store) with its own vocabulary also gets ``vocabulary.json``
beside the tables, as `Vocabulary.to_json` writes it; `vocabulary` reads it
back. An export of one without removes an earlier export's file.

The columns of each table are in `SCHEMAS`; docs/parquet.md describes them
and shows queries. A `When` is written as its start and end as written (in
the writer's own offset, so a date is the day the text said), that offset in
seconds, its precision, and its start and end in UTC (to compare and sort),
then the words it was given in and its part of the day (``evening``), if
any; a time left unresolved has only its precision and words.

>>> import tempfile, duckdb, claims
>>> from claims import parquet
>>> d = claims.load("seeds/baghdad-drone-strike.json")
>>> out = tempfile.mkdtemp()
>>> sorted(parquet.export(d, out))
['actors', 'claims', 'events', 'hops', 'links', 'quotes', 'reviews', 'sources']
>>> duckdb.sql(f'''
...     SELECT a.name, count(*) AS claims
...     FROM '{out}/claims.parquet' c JOIN '{out}/actors.parquet' a ON a.id = c.claimant
...     GROUP BY a.name ORDER BY claims DESC, a.name LIMIT 2
... ''').fetchall()
[('Al Jazeera', ...), ...]
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._convert import TAGS, encode
from ._files import read_bytes, release, temp_beside, write_atomic
from ._integrity import ENDS, status_of
from ._model import (
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Identifier,
    Link,
    NoValue,
    Place,
    Quantity,
    Review,
    Source,
    StatusKind,
    Text,
    Unknown,
    When,
)
from ._parquet_schemas import SCHEMAS, pyarrow_module, schemas
from ._progress import Progress
from .dossier import Dossier, Record
from .exceptions import LoadError, Problem, StorageError
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from .store import Store

__all__ = ["SCHEMAS", "VOCABULARY_FILE", "export", "tables", "vocabulary"]

VOCABULARY_FILE = "vocabulary.json"
"""The file of an export's vocabulary, beside its tables."""

_ROWS_PER_GROUP = 50_000


def _identifiers(identifiers: tuple[Identifier, ...]) -> list[dict[str, str]]:
    return [{"scheme": i.scheme, "value": i.value} for i in identifiers]


# --------------------------------------------------------------------------
# Rows


def _when(name: str, w: When | None) -> dict[str, Any]:
    """The columns of `w` (see `when_fields`); an end past year 9999 is left empty.

    A time in words keeps them (``{name}_words``) and its part of the day; an
    unresolved one has its precision and words only.
    """
    if w is None:
        return {}
    out: dict[str, Any] = {f"{name}_precision": w.precision.value}
    if w.words is not None:
        out[f"{name}_words"] = w.words
    if w.part is not None:
        out[f"{name}_part"] = w.part.value
    if w.at is None:
        return out
    offset = w.at.utcoffset()
    assert offset is not None  # When.at is always timezone-aware
    try:
        end: datetime | None = w.end
    except (OverflowError, ValueError):
        end = None
    out[f"{name}_start"] = w.at.replace(tzinfo=None)
    out[f"{name}_end"] = None if end is None else end.replace(tzinfo=None)
    out[f"{name}_offset"] = int(offset.total_seconds())
    with contextlib.suppress(OverflowError, ValueError):
        out[f"{name}_start_utc"] = w.at.astimezone(UTC)
    if end is not None:
        with contextlib.suppress(OverflowError, ValueError):
            out[f"{name}_end_utc"] = end.astimezone(UTC)
    return out


def _term(term: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"object_type": TAGS[type(term)]}
    if isinstance(term, (ActorRef, EventRef)):
        out["object_id"] = term.id
    elif isinstance(term, Text):
        out["object_text"] = term.value
    elif isinstance(term, (Unknown, NoValue)):
        out["object_text"] = term.note
    elif isinstance(term, Place):  # its name as words, its identifiers beside
        out["object_text"] = term.name
        out["object_identifiers"] = _identifiers(term.identifiers)
        out["object_within"] = _identifiers(term.within)
    elif isinstance(term, Quantity):
        out.update(
            object_value=term.value,
            object_lower=term.lower,
            object_upper=term.upper,
            object_lower_open=term.lower_open,
            object_upper_open=term.upper_open,
            object_unit=term.unit,
            object_approximate=term.approximate,
        )
    return out


def _claim_row(c: Claim, position: int, status: tuple[str, str | None]) -> dict[str, Any]:
    p, a = c.proposition, c.assessment
    subject = p.subject
    row: dict[str, Any] = {
        "id": c.id,
        "position": position,
        "claimant": c.claimant,
        "stance": c.stance.value,
        "status": status[0],
        "status_by": status[1],
        "subject_type": TAGS[type(subject)],
        "subject": subject.value if isinstance(subject, Text) else subject.id,
        "predicate": p.predicate,
        "place": p.where,
        "qualifiers": [{"name": q.name, "value": q.value} for q in p.qualifiers],
        "note": c.note,
        "quotes": len(c.quotes),
        "hops": len(c.chain),
        "json": encode(c).decode("utf-8"),
        "also": list(c.also),
        "topic": c.topic,
        "reason": c.reason,
        "stated": c.stated,
    }
    row.update(_when("when", p.when))
    row.update(_when("made", c.made))
    row.update(_term(p.object))
    if a is not None:
        row.update(
            reliability=a.reliability.value if a.reliability else None,
            credibility=a.credibility.value if a.credibility else None,
            likelihood=a.likelihood.value if a.likelihood else None,
            confidence=a.confidence.value if a.confidence else None,
            probability=a.probability,
            rationale=a.rationale,
            assessor=a.assessor,
            assessed_at=a.assessed_at,
        )
    return row


def _statuses(links: Iterable[Link]) -> dict[str, tuple[str, str | None]]:
    """Each superseded or retracted claim's status, as `Dossier.status` gives it."""
    ending: dict[str, list[Link]] = {}
    for link in links:
        if link.kind in ENDS:
            ending.setdefault(link.target, []).append(link)
    out: dict[str, tuple[str, str | None]] = {}
    for target, links_to in ending.items():
        status = status_of(links_to)
        out[target] = (status.kind.value, status.by)
    return out


class _Tables:
    """One Parquet writer per table, fed row by row, flushed in row groups."""

    def __init__(self, directory: Path) -> None:
        self._pq = pyarrow_module().parquet
        self._schemas = schemas()
        self.directory = directory
        self.tmp: dict[str, Path] = {}
        self._writers: dict[str, Any] = {}
        try:
            for t in self._schemas:
                self.tmp[t] = temp_beside(directory / f"{t}.parquet")
                self._writers[t] = self._pq.ParquetWriter(
                    str(self.tmp[t]), self._schemas[t], compression="zstd"
                )
        except BaseException:
            self.abort()
            raise
        self._rows: dict[str, list[dict[str, Any]]] = {t: [] for t in self._schemas}
        self.claims = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        rows = self._rows[table]
        rows.append(row)
        if len(rows) >= _ROWS_PER_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self._rows[table]
        if rows:
            pa = pyarrow_module()
            batch = pa.Table.from_pylist(rows, schema=self._schemas[table])
            self._writers[table].write_table(batch)
            rows.clear()

    def close(self) -> dict[str, Path]:
        out = {}
        for table, writer in self._writers.items():
            self._flush(table)
            writer.close()
        for table, tmp in self.tmp.items():
            final = self.directory / f"{table}.parquet"
            os.replace(tmp, final)
            release(tmp, remove=False)
            out[table] = final
        return out

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        for tmp in self.tmp.values():
            release(tmp, remove=True)


class _Rows:
    """Rows of every table, kept in memory (for `tables`)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in schemas()}
        self.claims = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)


def tables(source: Dossier) -> dict[str, Any]:
    """The tables `export` writes, as Arrow tables in memory, by table name.

    For small dossiers handed to an engine without files, as
    ``claims.sql.contradictions(parquet.tables(dossier))``.

    Raises:
        ClaimsError: pyarrow is not installed.
    """
    pa = pyarrow_module()
    rows = _Rows()
    statuses = _statuses(source.links)
    for record in source.records():
        _write(rows, record, statuses)
    arrow = schemas()
    return {t: pa.Table.from_pylist(r, schema=arrow[t]) for t, r in rows.rows.items()}


def export(
    source: Dossier | Store,
    directory: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
) -> dict[str, Path]:
    """Write every record of `source` as Parquet tables in `directory`.

    Rows are written in row groups of 50,000 as the records stream, so a
    store larger than memory exports in bounded memory. Each file is written
    beside its final name and renamed into place at the end, so a failed
    export leaves any earlier export whole.

    Args:
        source: A dossier or a `claims.store.Store`.
        directory: Where to write; created if missing.
        progress: Called as ``progress(done, total)`` with records written.

    Returns:
        The file of each table, by table name.

    Raises:
        ClaimsError: pyarrow is not installed.
        StorageError: A file could not be written.
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(exc.errno, f"cannot create {directory}: {exc.strerror}") from exc
    if isinstance(source, Dossier):
        statuses = _statuses(source.links)
    else:
        statuses = _statuses(source.links_of(*ENDS))
    total = len(source)
    records: Iterable[Record] = source.records()
    try:
        tables = _Tables(directory)
    except OSError as exc:
        raise StorageError(exc.errno, f"cannot write in {directory}: {exc.strerror}") from exc
    try:
        for done, record in enumerate(records, 1):
            _write(tables, record, statuses)
            if progress is not None and (done % 10_000 == 0 or done == total):
                progress(done, total)
        own = source.own_vocabulary if isinstance(source, Dossier) else source.vocabulary
        written = tables.close()
        _write_vocabulary(directory / VOCABULARY_FILE, own)
        return written
    except OSError as exc:
        tables.abort()
        raise StorageError(exc.errno, f"cannot write in {directory}: {exc.strerror}") from exc
    except BaseException:
        tables.abort()
        raise


def _write_vocabulary(path: Path, own: Vocabulary | None) -> None:
    """Write `own` to `path`, or remove an earlier export's file when there is none."""
    if own is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, own.to_json().encode("utf-8") + b"\n")


def vocabulary(directory: str | os.PathLike[str]) -> Vocabulary | None:
    """The vocabulary of the export in `directory` (its ``vocabulary.json``), or ``None``.

    Raises:
        StorageError: The file is there but cannot be read.
        LoadError: It is not a vocabulary; each problem's path starts with
            the file's name (``vocabulary.json: predicates[0].kind``).
    """
    path = Path(directory) / VOCABULARY_FILE
    if not path.is_file():
        return None
    try:
        return Vocabulary.from_json(read_bytes(path))
    except LoadError as exc:
        raise LoadError(
            [
                Problem(f"{VOCABULARY_FILE}: {p.path}" if p.path else VOCABULARY_FILE, p.message)
                for p in exc.problems
            ]
        ) from None


def _write(tables: _Tables | _Rows, r: Record, statuses: dict[str, tuple[str, str | None]]) -> None:
    if isinstance(r, Claim):
        status = statuses.get(r.id, (StatusKind.ACTIVE.value, None))
        tables.add("claims", _claim_row(r, tables.claims, status))
        tables.claims += 1
        for i, h in enumerate(r.chain):
            q = h.quote
            tables.add(
                "hops",
                {
                    "claim": r.id,
                    "position": i,
                    "reporter": h.reporter,
                    "cue": h.cue,
                    "source": h.source,
                    "quote_exact": q.exact if q else None,
                    "quote_start": q.start if q else None,
                    "quote_end": q.end if q else None,
                },
            )
        for i, q in enumerate(r.quotes):
            tables.add(
                "quotes",
                {
                    "claim": r.id,
                    "position": i,
                    "source": q.source,
                    "exact": q.exact,
                    "char_start": q.start,
                    "char_end": q.end,
                    "prefix": q.prefix,
                    "suffix": q.suffix,
                },
            )
    elif isinstance(r, Actor):
        tables.add(
            "actors",
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind.value,
                "part_of": r.part_of,
                "aliases": list(r.aliases),
                "affiliations": [
                    {
                        "actor": a.actor,
                        "note": a.note,
                        "nature": a.nature.value,
                        "former": a.former,
                        "since_utc": None if a.since is None else a.since.start,
                        "until_utc": None if a.until is None else a.until.end,
                    }
                    for a in r.affiliations
                ],
                "identifiers": _identifiers(r.identifiers),
            },
        )
    elif isinstance(r, Source):
        tables.add(
            "sources",
            {
                "id": r.id,
                "title": r.title,
                "publisher": r.publisher,
                "url": r.url,
                **_when("published", r.published),
                "retrieved": r.retrieved,
                "sha256": r.sha256,
                "identifiers": _identifiers(r.identifiers),
            },
        )
    elif isinstance(r, Event):
        tables.add(
            "events",
            {
                "id": r.id,
                "description": r.description,
                **_when("when", r.when),
                "place": r.where,
            },
        )
    elif isinstance(r, Review):
        tables.add(
            "reviews",
            {
                "id": r.id,
                "claim": r.claim,
                "reviewer": r.reviewer,
                "verdict": r.verdict,
                "rating": r.rating,
                "best": r.best,
                "worst": r.worst,
                "url": r.url,
                **_when("published", r.published),
                "first_appearance": r.first_appearance,
                "appearances": list(r.appearances),
            },
        )
    else:
        tables.add(
            "links", {"kind": r.kind.value, "claim": r.claim, "target": r.target, "note": r.note}
        )
