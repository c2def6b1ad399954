"""The validators and the converter the records' fields share.

Each validator is a small frozen callable object that says in its attributes
what it checks, the way `attrs.validators.instance_of` does, so the JSON
Schema (`claims._schema`) reads the rules off the model instead of restating
them:

- strings: `NonEmptyStr`, `AnyStr`, `HexDigest` (``length``), `Pattern`
  (``regex``, ``words``), `PatternOf` (a pattern chosen by another field);
- numbers: `Number` (``minimum``, ``maximum``), `Integer` (``minimum``);
- times: `AwareDatetime`;
- types the annotation already gives: `InstanceOf` (``types``),
  `MemberOf` (``enum_type``, ``members``);
- wrappers: `Optional` (``inner``), `Each` (``inner``), `AllOf`
  (``validators``);
- a rule across the fields of one record: `Rule` (``check``).

A rejected value raises `InvalidTypeError` / `InvalidValueError` (never a bare
`TypeError` or `ValueError`) whose ``field`` is the field's name and whose
``detail`` says what is wrong without it:

>>> import attrs
>>> @attrs.frozen
... class Point:
...     label: str = attrs.field(validator=nonempty_str)
>>> try:
...     Point(" ")
... except InvalidValueError as error:
...     print(error, "|", error.field, "|", error.detail)
Point.label must not be empty | label | must not be empty
>>> optional(nonempty_str).inner
NonEmptyStr()
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from .._cut import cut
from ..exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "MAX_SAFE_INT",
    "MAX_YEAR",
    "MIN_YEAR",
    "WRITTEN_IF",
    "AllOf",
    "AnyStr",
    "AwareDatetime",
    "Each",
    "HexDigest",
    "InstanceOf",
    "Integer",
    "MemberOf",
    "NonEmptyStr",
    "Number",
    "Optional",
    "Pattern",
    "PatternOf",
    "Rule",
    "SaidRule",
    "Validator",
    "all_of",
    "any_str",
    "aware_datetime",
    "each",
    "instance_of",
    "member_of",
    "nonempty_str",
    "number",
    "offset",
    "optional",
    "probability",
    "quick_types",
    "sha256_hex",
    "to_tuple",
]

MAX_SAFE_INT = 2**53
"""The largest integer every JSON reader keeps exactly."""

MIN_YEAR = 2
"""The first year a time may lie in (so that any UTC offset can be taken off it)."""
MAX_YEAR = 9998
"""The last year a time may lie in (so that any period starting in it ends by 9999)."""

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""What attrs calls with the record, the field and the field's value."""


def _fail(
    error: type[InvalidTypeError] | type[InvalidValueError],
    inst: object,
    attr: attrs.Attribute[Any],
    detail: str,
) -> NoReturn:
    """Raise `error` about `attr` of `inst`: ``"Actor.name must not be empty"``."""
    raise error(f"{type(inst).__name__}.{attr.name} {detail}", field=attr.name, detail=detail)


def _type_name(value: object) -> str:
    return type(value).__name__


# --------------------------------------------------------------------------
# Leaves: what a value must be


@attrs.frozen
class NonEmptyStr:
    """A string with at least one non-space character."""

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            _fail(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")
        if not value.strip():
            _fail(InvalidValueError, inst, attr, "must not be empty")


@attrs.frozen
class AnyStr:
    """Any string, the empty one included."""

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            _fail(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")


_HEX = frozenset("0123456789abcdef")


@attrs.frozen
class HexDigest:
    """A string of `length` lower-case hexadecimal digits.

    Attributes:
        length: How many digits (64 for a sha256).
    """

    length: int

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            _fail(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")
        if len(value) != self.length or not _HEX.issuperset(value):
            _fail(
                InvalidValueError,
                inst,
                attr,
                f"must be {self.length} lower-case hex digits, got {cut(value)}",
            )


@attrs.frozen
class Pattern:
    """A string that `regex` matches whole.

    Attributes:
        regex: The pattern, without anchors, in the syntax Python and JSON
            Schema share.
        words: What a matching string is, for the message (``"a Wikidata
            item id, as Q42"``).
    """

    regex: str
    words: str

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            _fail(InvalidTypeError, inst, attr, f"must be a string, not {_type_name(value)}")
        if re.fullmatch(self.regex, value) is None:
            _fail(InvalidValueError, inst, attr, f"must be {self.words}, got {cut(value)}")


@attrs.frozen
class PatternOf:
    """A string that the pattern another field of the record selects matches whole.

    Attributes:
        key: The name of the field (set before this one) whose value picks
            the pattern.
        patterns: ``(key value, Pattern)`` pairs; a key value without a
            pair takes any string.
    """

    key: str
    patterns: tuple[tuple[str, Pattern], ...]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        chosen = getattr(inst, self.key)
        for key, pattern in self.patterns:
            if key == chosen and isinstance(value, str) and not re.fullmatch(pattern.regex, value):
                _fail(InvalidValueError, inst, attr, f"must be {pattern.words}, got {cut(value)}")


@attrs.frozen
class Number:
    """A finite int or float (not a bool), within the bounds if there are any.

    An int must also lie within ``+/-2**53`` (`MAX_SAFE_INT`), so that it
    survives any JSON reader.

    Attributes:
        minimum: The smallest value allowed, or None.
        maximum: The largest value allowed, or None.
    """

    minimum: float | None = None
    maximum: float | None = None

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            _fail(InvalidTypeError, inst, attr, f"must be a number, not {_type_name(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            _fail(InvalidValueError, inst, attr, f"must be finite, got {value}")
        if isinstance(value, int) and abs(value) > MAX_SAFE_INT:
            _fail(
                InvalidValueError,
                inst,
                attr,
                f"must be within +/-2**53 to survive JSON, got {value}",
            )
        _check_bounds(self.minimum, self.maximum, inst, attr, value)


@attrs.frozen
class Integer:
    """An int (not a bool), within the bounds if there are any.

    Attributes:
        minimum: The smallest value allowed, or None.
        maximum: The largest value allowed, or None.
    """

    minimum: int | None = None
    maximum: int | None = None

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(InvalidTypeError, inst, attr, f"must be an int, not {_type_name(value)}")
        _check_bounds(self.minimum, self.maximum, inst, attr, value)


def _check_bounds(
    low: float | None,
    high: float | None,
    inst: object,
    attr: attrs.Attribute[Any],
    value: float,
) -> None:
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if low is not None and high is not None:
        _fail(InvalidValueError, inst, attr, f"must be between {low} and {high}, got {value}")
    if low is not None:
        _fail(InvalidValueError, inst, attr, f"must be >= {low}, got {value}")
    _fail(InvalidValueError, inst, attr, f"must be <= {high}, got {value}")


@attrs.frozen
class AwareDatetime:
    """A timezone-aware `datetime` in the years `MIN_YEAR` to `MAX_YEAR`.

    Its UTC offset is a whole number of minutes, as ISO 8601 and RFC 3339
    write it. The years keep every time computable: in UTC whatever its
    offset, and the end of any period (`claims.When.end`) starting in it.
    """

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, datetime):
            _fail(InvalidTypeError, inst, attr, f"must be a datetime, not {_type_name(value)}")
        offset = value.utcoffset()
        if offset is None:
            _fail(
                InvalidValueError,
                inst,
                attr,
                f"must be timezone-aware (give it a tzinfo), got naive {value.isoformat()}",
            )
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            _fail(
                InvalidValueError,
                inst,
                attr,
                f"must lie in the years {MIN_YEAR} to {MAX_YEAR}, got {value.isoformat()}",
            )
        if offset.seconds % 60 or offset.microseconds:
            _fail(
                InvalidValueError,
                inst,
                attr,
                f"must have a UTC offset in whole minutes, got {value.isoformat()}",
            )


@attrs.frozen
class InstanceOf:
    """An instance of one of `types` (a bool is never taken for an int).

    Attributes:
        types: The types accepted.
    """

    types: tuple[type, ...]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        types = self.types
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            names = " or ".join(t.__name__ for t in types)
            _fail(InvalidTypeError, inst, attr, f"must be {names}, not {_type_name(value)}")

    @property
    def quick_types(self) -> tuple[type, ...] | None:
        """`types`, where `isinstance` alone decides (None if a bool could pass as an int)."""
        if any(issubclass(bool, t) for t in self.types):
            return None
        return self.types


@attrs.frozen
class MemberOf:
    """A member of the enum `enum_type`.

    Attributes:
        enum_type: The enum type.
    """

    enum_type: type[enum.Enum]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.enum_type):
            allowed = ", ".join(repr(m.value) for m in self.enum_type)
            _fail(
                InvalidTypeError,
                inst,
                attr,
                f"must be a {self.enum_type.__name__} ({allowed}), not {cut(value)}",
            )

    @property
    def members(self) -> tuple[enum.Enum, ...]:
        """The members accepted, in their order."""
        return tuple(self.enum_type)

    @property
    def quick_types(self) -> tuple[type, ...]:
        """``(enum_type,)``: `isinstance` alone decides."""
        return (self.enum_type,)


def quick_types(validator: object) -> tuple[type, ...] | None:
    """The types whose instances `validator` surely accepts, if `isinstance` alone decides."""
    if isinstance(validator, (InstanceOf, MemberOf)):
        return validator.quick_types
    return None


# --------------------------------------------------------------------------
# Wrappers: where the rule applies
#
# `optional` and `each` let through, without calling the validator they wrap,
# values it surely accepts (a non-blank string for `NonEmptyStr`, an instance
# of `quick_types`): records are built often, and the call is most of the
# cost. Anything else gets the wrapped validator and its message. Each fast
# path is a subclass, so the check is chosen once, when the model is built.


@attrs.frozen
class Optional:
    """None, or a value `inner` accepts.

    Attributes:
        inner: The validator of a value that is not None.
    """

    inner: Validator

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.inner(inst, attr, value)


@attrs.frozen
class _OptionalStr(Optional):
    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (value.__class__ is not str or not str.strip(value)):
            self.inner(inst, attr, value)


@attrs.frozen
class _OptionalTypes(Optional):
    types: tuple[type, ...]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, self.types):
            self.inner(inst, attr, value)


@attrs.frozen
class Each:
    """A tuple whose every element `inner` accepts.

    Attributes:
        inner: The validator of each element.
    """

    inner: Validator

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        inner = self.inner
        for element in value:
            inner(inst, attr, element)


@attrs.frozen
class _EachStr(Each):
    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for element in value:
            if element.__class__ is not str or not element.strip():
                self.inner(inst, attr, element)


@attrs.frozen
class _EachTypes(Each):
    types: tuple[type, ...]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        types = self.types
        for element in value:
            if not isinstance(element, types):
                self.inner(inst, attr, element)


@attrs.frozen
class AllOf:
    """A value every one of `validators` accepts, checked in order.

    Attributes:
        validators: The validators, the field's own first.
    """

    validators: tuple[Validator, ...]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        for validator in self.validators:
            validator(inst, attr, value)


@attrs.frozen
class Rule:
    """A rule across the fields of one record, which JSON Schema cannot say.

    Only the record can check it (so `claims.loads` does, and the schema
    leaves it out). It is written as a function of the record, whose
    earlier fields are already set, and the field's value.

    Attributes:
        check: Returns what is wrong with the value, as words that follow
            the field's name (``"'x': an actor cannot be part of itself"``),
            or None when the value is right.
    """

    check: Callable[[Any, Any], str | None]

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        detail = self.check(inst, value)
        if detail is not None:
            _fail(InvalidValueError, inst, attr, detail)


@attrs.frozen(eq=False)
class SaidRule(Rule):
    """A rule across the fields of one record that JSON Schema can say.

    Checked as any `Rule`; the JSON Schema (`claims.json_schema`) adds it to
    the record as ``if``/``then`` (or ``then`` alone when `when` is None).

    Attributes:
        when: The JSON Schema of the record the rule applies to, or None.
        then: The JSON Schema the record must then meet.
    """

    when: Mapping[str, Any] | None = None
    then: Mapping[str, Any] = attrs.field(factory=dict)


# --------------------------------------------------------------------------
# The validators the records use


WRITTEN_IF = "claims_written_if"
"""Field metadata for the converter: the name of the record's property that
says whether the field is written (left out when false)."""

nonempty_str = NonEmptyStr()
"""A string with at least one non-space character."""
any_str = AnyStr()
"""Any string, the empty one included."""
aware_datetime = AwareDatetime()
"""A timezone-aware `datetime`."""
number = Number()
"""A finite int or float (not a bool)."""
offset = Integer(minimum=0, maximum=MAX_SAFE_INT)
"""A character offset: an int from 0 to 2**53 (`MAX_SAFE_INT`), which JSON keeps exactly."""
probability = Number(minimum=0, maximum=1)
"""A number in [0, 1]."""
sha256_hex = HexDigest(64)
"""64 lower-case hexadecimal digits."""


def instance_of(*types: type) -> InstanceOf:
    """An instance of one of `types` (bool is never taken for an int)."""
    return InstanceOf(types)


def member_of(enum_type: type[enum.Enum]) -> MemberOf:
    """A member of `enum_type`."""
    return MemberOf(enum_type)


def optional(validator: Validator) -> Optional:
    """Accept None, else apply `validator` (see the wrappers' note for the quick accept)."""
    if isinstance(validator, NonEmptyStr):
        return _OptionalStr(validator)
    types = quick_types(validator)
    if types is not None:
        return _OptionalTypes(validator, types)
    return Optional(validator)


def each(validator: Validator) -> Each:
    """Apply `validator` to each element of a tuple (see `optional` for the quick accept)."""
    if isinstance(validator, NonEmptyStr):
        return _EachStr(validator)
    types = quick_types(validator)
    if types is not None:
        return _EachTypes(validator, types)
    return Each(validator)


def all_of(*validators: Validator) -> AllOf:
    """Apply each of `validators` in turn."""
    return AllOf(validators)


def _to_tuple(value: Iterable[Any] | None, field: attrs.Attribute[Any]) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        detail = f"expected a list or tuple, not {_type_name(value)}: {cut(value)}"
        raise InvalidTypeError(detail, field=field.name, detail=detail)
    return tuple(value)


if TYPE_CHECKING:
    # mypy's attrs plugin takes a converter's argument type only from a named
    # function, so to mypy `to_tuple` is one; it is `_to_tuple` with its field.

    def to_tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
        """Turn a list (or any non-string iterable) into a tuple; None is the empty tuple."""

else:
    to_tuple = attrs.Converter(_to_tuple, takes_field=True)
    """Turn a list (or any non-string iterable) into a tuple; None is the empty tuple.

    A converter that names its field when it refuses a value.
    """
