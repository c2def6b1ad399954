"""The converter: its strict hooks and `make_converter`, which lists its rules."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import IterableValidationError
from cattrs.strategies import configure_tagged_union

from .. import _model
from .._cut import cut
from .._model import (
    WRITTEN_IF,
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    NoValue,
    Place,
    Quantity,
    Review,
    Source,
    Subject,
    Text,
    Unknown,
    Value,
)
from ..exceptions import InvalidTypeError, InvalidValueError
from . import _codegen
from ._errors import json_type

__all__ = [
    "DATETIME_PATTERN",
    "FAST_PATHS",
    "TAGS",
    "Document",
    "make_converter",
    "structure_datetime",
    "without_empty_reviews",
]

T = TypeVar("T")

DATETIME_PATTERN = (
    r"^(?!000[01]-|9999-)[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])(?!\n)$"
)
"""The form of a date-time the converter reads: RFC 3339, in the years 2 to 9998.

The JSON Schema (`claims.json_schema`) declares the same pattern.

Upper-case ``T`` and ``Z``, seconds always, an offset in hours and minutes.
The calendar (no 30 February) is the ``date-time`` format's to check. The
``(?!\n)`` keeps out a final newline, which Python's ``$`` would let in.
"""

_DATETIME_FORM = re.compile(DATETIME_PATTERN)

TAGS: dict[type, str] = {
    ActorRef: "actor",
    EventRef: "event",
    Text: "text",
    Quantity: "quantity",
    Place: "place",
    Unknown: "unknown",
    NoValue: "no_value",
}
"""The ``"type"`` tag of each member of `Subject` and `Value`."""


@attrs.frozen
class Document:
    """A whole document: its schema version and every record, by kind.

    Attributes:
        schema_version: The version of the format it is written in.
        actors: The actors, in order.
        sources: The sources, in order.
        events: The events, in order.
        claims: The claims, in order.
        links: The links, in order.
        reviews: The reviews, in order; written only when there are some.
    """

    schema_version: int
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    links: tuple[Link, ...] = ()
    reviews: tuple[Review, ...] = ()


def without_empty_reviews(data: dict[str, Any]) -> dict[str, Any]:
    """A written `Document` (`data`, changed in place) without its ``reviews`` if empty.

    Documents without reviews are written exactly as before reviews were
    part of the format; every other section is written even when empty.
    """
    if not data["reviews"]:
        del data["reviews"]
    return data


_RECORD_CLASSES: tuple[type, ...] = tuple(
    c
    for c in vars(_model).values()
    if isinstance(c, type)
    and attrs.has(c)
    and (c.__module__ == _model.__name__ or c.__module__.startswith(_model.__name__ + "."))
)

FAST_PATHS: tuple[tuple[type, bool], ...] = tuple(
    (cls, cls is not Document) for cls in (*_RECORD_CLASSES, Document) if cls not in TAGS
)
"""The classes given generated fast paths, each with whether it leaves out defaults.

The members of the tagged unions get theirs inside their unions; standalone
they keep the cattrs hooks.
"""


# --------------------------------------------------------------------------
# Strict hooks: nothing is coerced.


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise InvalidTypeError(f"must be {name}, not {json_type(value)}")
        return value

    return structure


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise InvalidTypeError(f"must be an integer, not {json_type(value)}")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise InvalidTypeError(f"must be a number, not {json_type(value)}")


def _structure_number(value: Any, _: Any) -> int | float:
    if type(value) is float or type(value) is int:
        return value
    raise InvalidTypeError(f"must be a number, not {json_type(value)}")


def structure_datetime(value: Any, _: Any) -> datetime:
    """An ISO 8601 string with its UTC offset, as a `datetime`.

    Raises:
        InvalidTypeError: `value` is not a string.
        InvalidValueError: It is not ISO 8601, or has no offset.
    """
    if type(value) is not str:
        raise InvalidTypeError(f"must be an ISO 8601 date-time string, not {json_type(value)}")
    if _DATETIME_FORM.match(value) is None:
        raise InvalidValueError(_not_a_datetime(value))
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"{cut(value)} is not a date-time of the calendar") from None


def _not_a_datetime(value: str) -> str:
    try:
        naive = len(value) < 40 and datetime.fromisoformat(value).tzinfo is None
    except ValueError:
        naive = False
    if naive:
        return f"{cut(value)} has no UTC offset; write it like 2024-01-04T09:30:00+03:00"
    if value[:4].isdigit() and not 2 <= int(value[:4]) <= 9998:
        return f"{cut(value)} is not in the years 2 to 9998"
    return (
        f"{cut(value)} is not an ISO 8601 date-time written like 2024-01-04T09:30:00+03:00 "
        "(RFC 3339)"
    )


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {(type(m.value), m.value): m for m in enum_type}
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def structure(value: Any, _: Any) -> enum.Enum:
        try:
            return by_value[(type(value), value)]
        except (KeyError, TypeError):
            raise InvalidValueError(f"{cut(value)} is not one of {allowed}") from None

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is ...


def _tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    element = get_args(t)[0]
    handler = conv.get_structure_hook(element)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise InvalidTypeError(f"must be a list, not {json_type(value)}")
        out: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            try:
                out.append(handler(item, element))
            except Exception as exc:  # noqa: BLE001 - collected and re-raised below
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    cattrs.errors.IterableValidationNote(
                        f"Structuring {t} @ index {i}", i, element
                    ),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(out)

    return structure


def _tuple_unstructure(element: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def unstructure(value: Iterable[Any]) -> list[Any]:
        return [element(v) for v in value]

    return unstructure


def _guard_union(conv: cattrs.Converter, union: Any, tag_name: str = "type") -> None:
    """Wrap the tagged-union hook so a bad tag is a clear error, not a KeyError."""
    inner = conv.get_structure_hook(union)
    tags = {TAGS[cl] for cl in get_args(union)}
    allowed = ", ".join(repr(t) for t in sorted(tags))

    def structure(value: Any, t: Any) -> Any:
        if type(value) is not dict:
            raise InvalidTypeError(f"must be an object, not {json_type(value)}")
        tag = value.get(tag_name)
        if type(tag) is not str or tag not in tags:
            if tag_name not in value:
                raise InvalidValueError(f"needs a {tag_name!r} key, one of {allowed}")
            raise InvalidValueError(f"{tag_name} {cut(tag)} is not one of {allowed}")
        return inner(value, t)

    conv.register_structure_hook(union, structure)


def _attrs_hook_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Objects only: a list or a string where an object belongs is a clear error."""
    inner = cattrs.gen.make_dict_structure_fn(cl, conv)

    def structure(value: Any, t: Any) -> Any:
        if type(value) is not dict:
            raise InvalidTypeError(f"must be an object, not {json_type(value)}")
        return inner(value, t)

    return structure


def _optional(hook: Callable[[Any, Any], T]) -> Callable[[Any, Any], T | None]:
    def structure(value: Any, t: Any) -> T | None:
        return None if value is None else hook(value, t)

    return structure


def _written_if(conv: cattrs.Converter, cls: type) -> Callable[[Any], dict[str, Any]]:
    """The cattrs writer of `cls`, leaving out the fields `WRITTEN_IF` says to."""
    inner: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=True
    )
    conditional = [
        (f.name, f.metadata[WRITTEN_IF]) for f in attrs.fields(cls) if WRITTEN_IF in f.metadata
    ]

    def unstructure(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = inner(value)
        for name, prop in conditional:
            if not getattr(value, prop):
                data.pop(name, None)
        return data

    return unstructure


def make_converter(*, fast: bool = True) -> cattrs.Converter:
    """Build the converter that turns every record into JSON types and back.

    Its rules:

    - records are objects keyed by field name; fields at their default are
      left out, and unknown keys are rejected;
    - nothing is coerced: a number where a string belongs, a string where a
      list belongs, a bool where a number belongs are all errors;
    - tuples are JSON lists;
    - datetimes are ISO 8601 strings with their UTC offset; a string without
      one is rejected;
    - enums are written by value (``"asserts"``, ``"B"``, ``2``);
    - the members of `Subject` and `Value` carry a ``"type"`` tag
      (``"actor"``, ``"event"``, ``"text"``, ``"quantity"``, ``"place"``,
      ``"unknown"``, ``"no_value"``), through `cattrs.strategies.configure_tagged_union`;
    - errors are collected (detailed validation), so a load reports every
      problem with its path.

    With `fast` (the default), every record class also gets a fast path,
    generated once by `claims._convert._codegen` from the same rules: writing
    builds the JSON dict in one generated function per class, and reading
    tries a generated builder first and runs the detailed cattrs hook only
    when it declines, so the detailed hook alone decides what is an error and
    how it is reported. Either way the result is the same; ``fast=False``
    gives the plain cattrs converter (the tests compare the two). The same
    generator also makes the encoders `encode` uses, which hand datetimes
    to orjson to write: the bytes are those of
    ``orjson.dumps(unstructure(x))``.

    Args:
        fast: Install the generated fast paths.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(int | float, _structure_number)
    conv.register_structure_hook(int | float | None, _optional(_structure_number))
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime, structure_datetime)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t, c: _tuple_unstructure(c.get_unstructure_hook(get_args(t)[0])),
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    for union in (Subject, Value):
        configure_tagged_union(union, conv, tag_generator=TAGS.__getitem__, tag_name="type")
        _guard_union(conv, union)
    conv.register_unstructure_hook(Claim, _written_if(conv, Claim))
    conv.register_unstructure_hook(
        Document,
        cattrs.gen.make_dict_unstructure_fn(Document, conv, _cattrs_omit_if_default=False),
    )
    if fast:
        _codegen.install(conv, FAST_PATHS, TAGS, structure_datetime)
    document = conv.get_unstructure_hook(Document)
    conv.register_unstructure_hook(Document, lambda doc: without_empty_reviews(document(doc)))
    return conv
