"""JSON Lines: one record per line, for collections too big for one document.

The first line is a header, ``{"schema_version": 2}``; every other line is
one record wrapped in an object whose single key says what it is::

    {"schema_version": 2}
    {"actor": {"id": "reuters", "name": "Reuters", "kind": "news_agency"}}
    {"claim": {"id": "c1", "claimant": "reuters", ...}}

A file with fact-checkers' reviews (``{"review": {...}}`` lines) has the
header of version 3; one without is written as version 2, as before. A
dossier's own vocabulary is one line right after the header of version 4,
``{"vocabulary": {"predicates": [...], "units": [...]}}``; `load_lines`
gives it to the dossier (`vocabulary` reads it alone), `iter_load` passes
over it.

Records are written with the same converter, and the same rules, as whole
documents. Blank lines are ignored. `iter_load` reads one line at a time, so
memory does not grow with the file; it checks each record on its own, and
`load_lines` checks referential integrity across the whole file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ._convert import (
    OLDEST_WRITTEN,
    SCHEMA_VERSION,
    VOCABULARY_SINCE,
    check_version,
    converter,
    duplicate_keys,
    json_type,
    migrate,
    problems,
    version_of,
)
from ._files import atomic_writer, reading
from ._integrity import label, relocate
from ._model import Actor, Claim, Event, Link, Review, Source
from .dossier import Dossier, Record
from .exceptions import ClaimsError, IntegrityError, LoadError, Problem
from .vocabulary import Vocabulary

__all__ = ["dump_lines", "iter_load", "load_lines", "vocabulary"]

_KINDS: dict[str, type[Any]] = {
    "actor": Actor,
    "source": Source,
    "event": Event,
    "claim": Claim,
    "link": Link,
    "review": Review,
}
_KEY_OF = {cls: key for key, cls in _KINDS.items()}
# The document section a record of each kind sits in (for migrations).
_SECTION = {key: key + "s" for key in _KINDS}


def iter_load(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Stream the records of a JSON Lines file, one line at a time.

    Records from older versions of the format are upgraded on the way.
    Every record before a bad line has been yielded when the error is raised.

    Args:
        path: The file to read.

    Raises:
        StorageError: The file could not be read.
        LoadError: A line is not valid; the problem's path starts with
            ``line N`` (counting from 1).
    """
    for _, record in _numbered(path):
        if not isinstance(record, Vocabulary):
            yield record


def vocabulary(path: str | os.PathLike[str]) -> Vocabulary | None:
    """The vocabulary of a JSON Lines file (its line after the header), or ``None``.

    Reads no further than the first line after the header.

    Raises:
        StorageError: The file could not be read.
        LoadError: The header or the vocabulary line is not valid.
    """
    for _, found in _numbered(path):
        return found if isinstance(found, Vocabulary) else None
    return None


def _numbered(path: str | os.PathLike[str]) -> Iterator[tuple[int, Record | Vocabulary]]:
    """The file's vocabulary, if it has one, then its records, each with its line's number."""
    with reading(path) as f:
        version: int | None = None
        first = True  # the next line is the first after the header
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            if version is None:
                version = _header(line, number)
                continue
            yield number, _record(line, number, version, first=first)
            first = False
        if version is None:
            raise LoadError([Problem("line 1", 'needs a header such as {"schema_version": 2}')])


def _parse(line: bytes, number: int) -> Any:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise LoadError([Problem(f"line {number}", f"not valid JSON: {exc}")]) from None
    twice = duplicate_keys(line, data)
    if twice:
        raise LoadError(
            [Problem(f"line {number}: {p}", "is a key named twice in one object") for p in twice]
        )
    return data


def _header(line: bytes, number: int) -> int:
    data = _parse(line, number)
    where = f"line {number}"
    if type(data) is not dict or set(data) != {"schema_version"}:
        raise LoadError(
            [Problem(where, 'must be the header, an object like {"schema_version": 2}')]
        )
    return check_version(data["schema_version"], f"{where}: schema_version")


def _record(line: bytes, number: int, version: int, *, first: bool) -> Record | Vocabulary:
    data = _parse(line, number)
    where = f"line {number}"
    kinds = ", ".join(repr(k) for k in _KINDS)
    if type(data) is not dict:
        raise LoadError([Problem(where, f"must be an object, not {json_type(data)}")])
    if len(data) == 1 and "vocabulary" in data:
        return _vocabulary(data, number, version, first=first)
    if len(data) != 1 or next(iter(data)) not in _KINDS:
        raise LoadError([Problem(where, f"must be an object with one key, one of {kinds}")])
    ((kind, body),) = data.items()
    if version < SCHEMA_VERSION:
        section = _SECTION[kind]
        body = migrate({"schema_version": version, section: [body]}, to=SCHEMA_VERSION)[section][0]
    try:
        record: Record = converter.structure(body, _KINDS[kind])
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(problems(exc, f"{where}: {kind}")) from None
    return record


def _vocabulary(data: dict[str, Any], number: int, version: int, *, first: bool) -> Vocabulary:
    where = f"line {number}: vocabulary"
    if not first:
        raise LoadError([Problem(where, "must be the line right after the header")])
    if version < VOCABULARY_SINCE:
        detail = f"needs schema version {VOCABULARY_SINCE} or later, not {version}"
        raise LoadError([Problem(where, detail)])
    if version < SCHEMA_VERSION:
        data = migrate({"schema_version": version, **data}, to=SCHEMA_VERSION)
    try:
        found: Vocabulary = converter.structure(data["vocabulary"], Vocabulary)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(problems(exc, where)) from None
    return found


def load_lines(path: str | os.PathLike[str]) -> Dossier:
    """Read a whole JSON Lines file into a dossier, checking integrity.

    Raises:
        StorageError: The file could not be read.
        LoadError: A line is not valid, or the records break referential
            integrity; each problem's path starts with the record's line
            (``line 7: claim 'c1'.claimant``).
    """
    records: list[Record] = []
    places: list[str] = []
    own: Vocabulary | None = None
    for number, record in _numbered(path):
        if isinstance(record, Vocabulary):
            own = record
            continue
        records.append(record)
        places.append(f"line {number}: {label(record)}")
    try:
        return Dossier(records, vocabulary=own)
    except IntegrityError as exc:
        raise LoadError(relocate(exc.problems, records, places)) from None


def dump_lines(
    records: Dossier | Iterable[Record],
    path: str | os.PathLike[str],
    *,
    vocabulary: Vocabulary | None = None,
) -> int:
    """Write records as JSON Lines, atomically.

    Lines go to a temporary file beside `path` as the records come, so an
    iterable of any length is written in constant memory; the file replaces
    `path` in one step only once every record is written and flushed to disk.
    If anything fails, the old file is left exactly as it was.

    Args:
        records: A dossier (all its records, in order) or any iterable of
            records.
        path: The file to write.
        vocabulary: The vocabulary to write after the header; by default a
            dossier's own (`Dossier.own_vocabulary`), none for other records.

    Returns:
        How many records were written (the vocabulary line is not one).

    Raises:
        StorageError: The file could not be written.
        ClaimsError: Something that is not a record was given.
    """
    target = Path(path)
    items = records.records() if isinstance(records, Dossier) else records
    if vocabulary is None and isinstance(records, Dossier):
        vocabulary = records.own_vocabulary
    count = 0
    needed = OLDEST_WRITTEN if vocabulary is None else VOCABULARY_SINCE
    with atomic_writer(target) as f:
        f.write(_header_line(needed))
        if vocabulary is not None:
            if not isinstance(vocabulary, Vocabulary):
                raise ClaimsError(f"vocabulary is a {type(vocabulary).__name__}, not a Vocabulary")
            body = converter.unstructure(vocabulary)
            f.write(orjson.dumps({"vocabulary": body}, option=orjson.OPT_APPEND_NEWLINE))
        for record in items:
            key = _KEY_OF.get(type(record))
            if key is None:
                raise ClaimsError(
                    f"item {count} is a {type(record).__name__}, not an actor, source, "
                    "event, claim, link or review"
                )
            needed = max(needed, version_of(record))
            try:
                line = orjson.dumps(
                    {key: converter.unstructure(record)}, option=orjson.OPT_APPEND_NEWLINE
                )
            except orjson.JSONEncodeError as exc:
                raise ClaimsError(f"cannot write {key} {count} as JSON: {exc}") from exc
            f.write(line)
            count += 1
        if needed != OLDEST_WRITTEN:  # the header of the version that holds them, same length
            f.seek(0)
            f.write(_header_line(needed))
    return count


def _header_line(version_number: int) -> bytes:
    version = {"schema_version": version_number}
    return orjson.dumps(version, option=orjson.OPT_APPEND_NEWLINE)
