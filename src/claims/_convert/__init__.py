"""The one converter: every record to plain JSON types and back.

It knows the records and the document that holds them, never the
`Dossier`; `claims.json` and `claims.jsonl` build on it. `make_converter`
lists its rules; `structure` and `unstructure` use the one instance,
`converter`; `encode` writes JSON bytes; `problems` turns what the converter
raises into `Problem`s with JSON paths; `check_version` is the one gate of
the schema version.

>>> from claims import Actor
>>> unstructure(Actor("reuters", "Reuters"))
{'id': 'reuters', 'name': 'Reuters'}
>>> structure({"id": "reuters", "name": 7}, Actor)
Traceback (most recent call last):
...
claims.exceptions.LoadError: not a valid claims document (1 problem):
  name: must be a string, not an integer
"""

from __future__ import annotations

from typing import Any, TypeVar

import cattrs
import orjson

from .._gc import no_gc
from ..exceptions import ClaimsError, LoadError
from . import _codegen
from ._duplicates import duplicate_keys
from ._errors import json_type, problems
from ._hooks import (
    DATETIME_PATTERN,
    FAST_PATHS,
    TAGS,
    Document,
    make_converter,
    without_empty_reviews,
)
from ._migrations import (
    OLDEST_WRITTEN,
    REVIEWS_SINCE,
    SCHEMA_VERSION,
    check_version,
    migrate,
    version_for,
)
from ._versions import VOCABULARY_SINCE, version_needed, version_of

__all__ = [
    "DATETIME_PATTERN",
    "OLDEST_WRITTEN",
    "REVIEWS_SINCE",
    "SCHEMA_VERSION",
    "TAGS",
    "VOCABULARY_SINCE",
    "Document",
    "check_version",
    "converter",
    "duplicate_keys",
    "encode",
    "json_type",
    "make_converter",
    "migrate",
    "problems",
    "structure",
    "to_builtins",
    "unstructure",
    "version_for",
    "version_needed",
    "version_of",
]

T = TypeVar("T")

converter: cattrs.Converter = make_converter()
"""The converter every function of `claims` uses."""

_ENCODERS: dict[type, Any] = _codegen.encoders(FAST_PATHS, TAGS)
"""For `to_builtins`: what `unstructure` gives, but for orjson to write."""
_DOCUMENT = _ENCODERS[Document]
_ENCODERS[Document] = lambda doc: without_empty_reviews(_DOCUMENT(doc))


def to_builtins(value: Any) -> Any:
    """One record as JSON types for `orjson.dumps` to write.

    Datetimes that orjson writes byte for byte as the converter would are
    left as they are (enums become their values, so orjson never calls back
    into Python), so ``orjson.dumps(to_builtins(x))`` equals
    ``orjson.dumps(unstructure(x))``, made faster.
    """
    fn = _ENCODERS.get(type(value))
    return converter.unstructure(value) if fn is None else fn(value)


def encode(value: Any, *, option: int = 0) -> bytes:
    """A record, or a list or tuple of records, as JSON bytes.

    The bytes are exactly ``orjson.dumps(unstructure(value), option=option)``,
    made faster.

    Raises:
        ClaimsError: The value cannot be written as JSON.
    """
    try:
        with no_gc():
            if type(value) is list or type(value) is tuple:
                data: Any = [to_builtins(v) for v in value]
            else:
                data = to_builtins(value)
            return orjson.dumps(data, option=option)
    except orjson.JSONEncodeError as exc:
        raise ClaimsError(f"cannot write {type(value).__name__} as JSON: {exc}") from exc


def unstructure(record: Any) -> Any:
    """A record (or a list or tuple of records) as plain JSON types."""
    with no_gc():
        return converter.unstructure(record)


def structure(data: Any, cls: type[T]) -> T:
    """Build a `cls` record (or ``tuple[Claim, ...]`` and the like) from plain JSON types.

    Raises:
        LoadError: `data` is not a valid `cls`, with every problem's path.
    """
    try:
        with no_gc():
            return converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(problems(exc)) from None
