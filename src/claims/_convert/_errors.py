"""The converter's errors as `Problem`s with JSON paths.

A detailed cattrs converter raises structured exceptions:
`ClassValidationError` and `IterableValidationError` group the errors of a
record's fields and of a list's elements, each error carrying a note that
names its attribute or index. `problems` walks them, as
`cattrs.transform_error` does, and turns each leaf into a `Problem`:
a record's own error (`InvalidValueError`, `InvalidTypeError`) is placed at
the field it names (its ``field`` attribute), with its ``detail``.
"""

from __future__ import annotations

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from .._cut import cut
from ..exceptions import ClaimsError, InvalidTypeError, InvalidValueError, Problem

__all__ = ["json_type", "problems"]


def json_type(value: object) -> str:
    """The JSON type of `value`, in words (``"an integer"``, ``"null"``)."""
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def problems(exc: BaseException, path: str = "") -> list[Problem]:
    """Every problem in a converter's error, each with its JSON path.

    Args:
        exc: What the converter raised.
        path: The path of the value it was structuring (``""`` for the top).
    """
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        out = [p for sub, item in items for p in problems(sub, f"{path}[{item.index}]")]
        return out + [p for sub in rest for p in problems(sub, path)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        out = [p for sub, field in fields for p in problems(sub, _join(path, field.name))]
        return out + [p for sub in rest for p in problems(sub, path)]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            Problem(_join(path, cut(k, quote=False)), "unknown key")
            for k in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [Problem(path, "is missing")]
    if isinstance(exc, InvalidValueError | InvalidTypeError):
        if exc.field is not None:
            return [Problem(_join(path, exc.field), exc.detail or str(exc))]
        return [Problem(path, str(exc))]
    if isinstance(exc, ClaimsError):
        return [Problem(path, str(exc))]
    return [Problem(path, f"invalid value ({type(exc).__name__}: {cut(str(exc), quote=False)})")]


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
