"""The JSON document: a whole dossier in one file.

`dumps`/`loads` and `dump`/`load` write and read whole dossiers (the same
functions are `claims.dumps` and so on). A document looks like::

    {"schema_version": 2, "actors": [...], "sources": [...],
     "events": [...], "claims": [...], "links": [...]}

A dossier with fact-checkers' reviews is written as version 3, with one
more section, ``"reviews": [...]``; one without is written as version 2,
exactly as before reviews were part of the format. A dossier that carries
its own vocabulary (`Dossier.own_vocabulary`) is written as version 4, with
the vocabulary after the version, as `Vocabulary.to_json` writes it::

    {"schema_version": 4, "vocabulary": {"predicates": [...], "units": [...]},
     "actors": [...], ...}

The vocabulary is versioned by the document's ``schema_version``: a later
change to its form is a new version, whose upgrade step (see
`claims._convert.migrate`) rewrites the ``vocabulary`` section of older
documents as it rewrites the records.

Loading is strict and reports every problem with its JSON path:

>>> import claims
>>> claims.json.loads('{"schema_version": 1, "actors": [{"id": "x", "name": 7}]}')
Traceback (most recent call last):
...
claims.exceptions.LoadError: not a valid claims document (1 problem):
  actors[0].name: must be a string, not an integer

Single records use the same converter: `unstructure` and `structure` turn
one into JSON types and back, `encode` writes one (or a list of them) as
JSON bytes.

>>> claims.json.unstructure(claims.Actor("reuters", "Reuters"))
{'id': 'reuters', 'name': 'Reuters'}
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from ._convert import (
    SCHEMA_VERSION,
    VOCABULARY_SINCE,
    Document,
    check_version,
    converter,
    duplicate_keys,
    encode,
    json_type,
    migrate,
    problems,
    structure,
    to_builtins,
    unstructure,
    version_needed,
)
from ._files import read_bytes, write_atomic
from ._gc import no_gc
from ._integrity import relocate
from .dossier import Dossier
from .exceptions import ClaimsError, IntegrityError, LoadError, Problem
from .vocabulary import Vocabulary

__all__ = [
    "SCHEMA_VERSION",
    "dump",
    "dumps",
    "encode",
    "from_builtins",
    "load",
    "loads",
    "structure",
    "unstructure",
]


def dumps(dossier: Dossier, *, indent: bool = True) -> str:
    """The dossier as a JSON document (indented by default, ending in a newline).

    Args:
        dossier: What to write.
        indent: Indent by two spaces; ``False`` writes one compact line.
    """
    return _encode(dossier, indent).decode("utf-8")


def _encode(dossier: Dossier, indent: bool) -> bytes:
    reviews = tuple(dossier.reviews.values())
    own = dossier.own_vocabulary
    doc = Document(
        version_needed(dossier.records(), vocabulary=own is not None),
        tuple(dossier.actors.values()),
        tuple(dossier.sources.values()),
        tuple(dossier.events.values()),
        tuple(dossier.claims.values()),
        dossier.links,
        reviews,
    )
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    if own is not None:
        return _encode_with(doc, own, option)
    try:
        return encode(doc, option=option)
    except ClaimsError as exc:
        raise ClaimsError(f"cannot write the dossier as JSON: {exc.__cause__}") from exc


def _encode_with(doc: Document, vocabulary: Vocabulary, option: int) -> bytes:
    """`doc` as JSON bytes, with `vocabulary` right after its version."""
    with no_gc():
        body = to_builtins(doc)
        head = {"schema_version": body.pop("schema_version"), "vocabulary": unstructure(vocabulary)}
        try:
            return orjson.dumps(head | body, option=option)
        except orjson.JSONEncodeError as exc:
            raise ClaimsError(f"cannot write the dossier as JSON: {exc}") from exc


def loads(text: str | bytes) -> Dossier:
    """Read a dossier from a JSON document.

    Raises:
        LoadError: The text is not JSON (a key named twice in one object
            included), not a claims document, or breaks referential
            integrity; every problem is listed with its JSON path.
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise LoadError([Problem("", f"not valid JSON: {exc}")]) from None
    twice = duplicate_keys(text.encode("utf-8") if isinstance(text, str) else text, data)
    if twice:
        raise LoadError([Problem(path, "is a key named twice in one object") for path in twice])
    return from_builtins(data)


def from_builtins(data: Any) -> Dossier:
    """Read a dossier from a document already parsed into JSON types.

    A document of an older schema version is upgraded first.

    Raises:
        LoadError: `data` is not a claims document, or breaks referential
            integrity; every problem is listed with its JSON path.
    """
    if type(data) is not dict:
        raise LoadError([Problem("", f"must be an object, not {json_type(data)}")])
    if "schema_version" not in data:
        raise LoadError([Problem("schema_version", "is missing")])
    version = check_version(data["schema_version"], "schema_version")
    if "vocabulary" in data and version < VOCABULARY_SINCE:
        detail = f"needs schema version {VOCABULARY_SINCE} or later, not {version}"
        raise LoadError([Problem("vocabulary", detail)])
    if version < SCHEMA_VERSION:
        data = migrate(data, to=SCHEMA_VERSION)
    doc, vocabulary = _structure(data)
    records: list[Any] = []
    paths: list[str] = []
    for name in ("actors", "sources", "events", "claims", "links", "reviews"):
        for i, record in enumerate(getattr(doc, name)):
            records.append(record)
            paths.append(f"{name}[{i}]")
    try:
        return Dossier(records, vocabulary=vocabulary)
    except IntegrityError as exc:
        raise LoadError(relocate(exc.problems, records, paths)) from None


def _structure(data: dict[str, Any]) -> tuple[Document, Vocabulary | None]:
    """The document's records and its vocabulary (if it has one), or every problem."""
    found: list[Problem] = []
    vocabulary: Vocabulary | None = None
    if "vocabulary" in data:
        try:
            vocabulary = converter.structure(data["vocabulary"], Vocabulary)
        except Exception as exc:  # noqa: BLE001 - turned into problems with paths
            found += problems(exc, "vocabulary")
        data = {key: value for key, value in data.items() if key != "vocabulary"}
    try:
        with no_gc():
            doc = converter.structure(data, Document)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        found = problems(exc) + found
    if found:
        raise LoadError(found)
    return doc, vocabulary


def dump(dossier: Dossier, path: str | os.PathLike[str]) -> None:
    """Write the dossier to `path` atomically.

    The document goes to a temporary file beside `path`, is flushed to disk,
    and replaces `path` in one step: if anything fails, the old file is
    left exactly as it was.

    Raises:
        StorageError: The file could not be written.
        ClaimsError: The dossier cannot be written as JSON.
    """
    data = _encode(dossier, indent=True)
    write_atomic(Path(path), data)


def load(path: str | os.PathLike[str]) -> Dossier:
    """Read a dossier from a JSON file.

    Raises:
        StorageError: The file could not be read.
        LoadError: Its content is not a valid claims document.
    """
    return loads(read_bytes(path))
