"""Validators and converters shared by the records.

They raise `InvalidTypeError` / `InvalidValueError`, so a bad value never
escapes as a bare `TypeError` or `ValueError`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

import attrs

from .exceptions import InvalidTypeError, InvalidValueError

T = TypeVar("T")
E = TypeVar("E", InvalidTypeError, InvalidValueError)
MAX_SAFE_INT = 2**53
"""The largest integer every JSON reader keeps exactly."""
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(inst: object, attr: attrs.Attribute[Any]) -> str:
    return f"{type(inst).__name__}.{attr.name}"


def _error(kind: type[E], inst: object, attr: attrs.Attribute[Any], detail: str) -> E:
    return kind(f"{_where(inst, attr)} {detail}", field=attr.name, detail=detail)


def _type_name(value: object) -> str:
    return type(value).__name__


def nonempty_str(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one non-space character."""
    if not isinstance(value, str):
        raise _error(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")
    if not value.strip():
        raise _error(InvalidValueError, inst, attr, "must not be empty")


def any_str(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """Any string, the empty one included."""
    if not isinstance(value, str):
        raise _error(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")


def optional(validator: Validator) -> Validator:
    """Accept None, else apply `validator`.

    Values the validator surely accepts (a non-blank string for
    `nonempty_str`, an instance of the types of `instance_of` or `member_of`)
    are let through without calling it: records are built often, and the
    call is most of the cost. Anything else gets the validator and its message.
    """
    quick: tuple[type, ...] | None = getattr(validator, "quick_types", None)
    if validator is nonempty_str:

        def check_str(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
            if value is not None and (value.__class__ is not str or not str.strip(value)):
                validator(inst, attr, value)

        return check_str
    if quick is not None:
        types = quick

        def check_types(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
            if value is not None and not isinstance(value, types):
                validator(inst, attr, value)

        return check_types

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(inst, attr, value)

    return check


def instance_of(*types: type) -> Validator:
    """An instance of one of `types` (bool is never taken for an int)."""
    names = " or ".join(t.__name__ for t in types)

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise _error(InvalidTypeError, inst, attr, f"must be {names}, not {_type_name(value)}")

    if not any(issubclass(bool, t) for t in types):
        check.quick_types = types  # type: ignore[attr-defined]  # isinstance alone decides
    return check


def member_of(enum_type: type[enum.Enum]) -> Validator:
    """A member of `enum_type`."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            allowed = ", ".join(repr(m.value) for m in enum_type)
            detail = f"must be a {enum_type.__name__} ({allowed}), not {value!r}"
            raise _error(InvalidTypeError, inst, attr, detail)

    check.quick_types = (enum_type,)  # type: ignore[attr-defined]  # isinstance alone decides
    return check


def each(validator: Validator) -> Validator:
    """Apply `validator` to each element of a tuple (see `optional` for the quick accept)."""
    quick: tuple[type, ...] | None = getattr(validator, "quick_types", None)
    if validator is nonempty_str:

        def check_str(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
            for element in value:
                if element.__class__ is not str or not element.strip():
                    validator(inst, attr, element)

        return check_str
    if quick is not None:
        types = quick

        def check_types(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
            for element in value:
                if not isinstance(element, types):
                    validator(inst, attr, element)

        return check_types

    def check(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for element in value:
            validator(inst, attr, element)

    return check


def to_tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    """Turn a list (or any non-string iterable) into a tuple."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"expected a list or tuple, not {_type_name(value)}: {value!r:.60}")
    return tuple(value)


def aware_datetime(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A timezone-aware `datetime`."""
    if not isinstance(value, datetime):
        raise _error(InvalidTypeError, inst, attr, f"must be a datetime, not {_type_name(value)}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _error(
            InvalidValueError,
            inst,
            attr,
            f"must be timezone-aware (give it a tzinfo), got naive {value.isoformat()}",
        )


def number(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A finite int or float (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _error(InvalidTypeError, inst, attr, f"must be a number, not {_type_name(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _error(InvalidValueError, inst, attr, f"must be finite, got {value}")
    if isinstance(value, int) and abs(value) > MAX_SAFE_INT:
        raise _error(
            InvalidValueError, inst, attr, f"must be within +/-2**53 to survive JSON, got {value}"
        )


def non_negative_int(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """An int >= 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _error(InvalidTypeError, inst, attr, f"must be an int, not {_type_name(value)}")
    if value < 0:
        raise _error(InvalidValueError, inst, attr, f"must be >= 0, got {value}")


def probability(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A number in [0, 1]."""
    number(inst, attr, value)
    assert isinstance(value, (int, float))
    if not 0 <= value <= 1:
        raise _error(InvalidValueError, inst, attr, f"must be between 0 and 1, got {value}")


_HEX = frozenset("0123456789abcdef")


def sha256_hex(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """64 lower-case hexadecimal digits."""
    any_str(inst, attr, value)
    assert isinstance(value, str)
    if len(value) != 64 or not _HEX.issuperset(value):
        raise _error(
            InvalidValueError, inst, attr, f"must be 64 lower-case hex digits, got {value!r:.80}"
        )
