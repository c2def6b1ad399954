"""JSON in and out, through one cattrs converter.

`make_converter` builds the only converter `claims` uses; `dumps`/`loads` and
`dump`/`load` read and write whole dossiers. A document looks like::

    {"schema_version": 1, "actors": [...], "sources": [...],
     "events": [...], "claims": [...], "links": [...]}

Loading is strict and reports every problem with its JSON path:

>>> import claims
>>> claims.loads('{"schema_version": 1, "actors": [{"id": "x", "name": 7}]}')
Traceback (most recent call last):
...
claims.exceptions.LoadError: not a valid claims document (1 problem):
  actors[0].name: must be a string, not an integer
"""

from __future__ import annotations

import contextlib
import enum
import gc
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, get_args

import attrs
import cattrs
import orjson
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.strategies import configure_tagged_union

from . import _fast, _model
from ._migrations import migrate
from ._model import (
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    NoValue,
    Quantity,
    Source,
    Subject,
    Text,
    Unknown,
    Value,
)
from .dossier import Dossier
from .exceptions import (
    ClaimsError,
    IntegrityError,
    InvalidTypeError,
    InvalidValueError,
    LoadError,
    Problem,
    StorageError,
)

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump",
    "dumps",
    "encode",
    "load",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
]

SCHEMA_VERSION = 2
"""The version of the document format this release writes.

Older documents are upgraded on load by the steps in `claims._migrations`:
version 2 tags an explicit none (`NoValue`) ``"no_value"`` where version 1
wrote ``"none"``, which read like the absence of a value rather than a claim
that there is none.
"""

T = TypeVar("T")

TAGS: dict[type, str] = {
    ActorRef: "actor",
    EventRef: "event",
    Text: "text",
    Quantity: "quantity",
    Unknown: "unknown",
    NoValue: "no_value",
}
"""The ``"type"`` tag of each member of `Subject` and `Value`."""

_MAX_SAFE_INT = 2**53

_RECORD_CLASSES: tuple[type, ...] = tuple(
    c
    for c in vars(_model).values()
    if isinstance(c, type) and attrs.has(c) and c.__module__.startswith(f"{_model.__name__}.")
)
"""Every record class of the model (each gets a fast path in `make_converter`)."""


@attrs.frozen
class _Document:
    schema_version: int
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    links: tuple[Link, ...] = ()


# --------------------------------------------------------------------------
# Strict hooks: nothing is coerced.


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise InvalidTypeError(f"must be {name}, not {_json_type(value)}")
        return value

    return structure


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise InvalidTypeError(f"must be an integer, not {_json_type(value)}")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise InvalidTypeError(f"must be a number, not {_json_type(value)}")


def _structure_number(value: Any, _: Any) -> int | float:
    if type(value) is float or type(value) is int:
        return value
    raise InvalidTypeError(f"must be a number, not {_json_type(value)}")


def _structure_datetime(value: Any, _: Any) -> datetime:
    if type(value) is not str:
        raise InvalidTypeError(f"must be an ISO 8601 date-time string, not {_json_type(value)}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(f"{value!r:.80} is not an ISO 8601 date-time") from None
    if parsed.tzinfo is None:
        raise InvalidValueError(
            f"{value!r} has no UTC offset; write it like 2024-01-04T09:30:00+03:00"
        )
    return parsed


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {(type(m.value), m.value): m for m in enum_type}
    allowed = ", ".join(repr(m.value) for m in enum_type)

    def structure(value: Any, _: Any) -> enum.Enum:
        try:
            return by_value[(type(value), value)]
        except (KeyError, TypeError):
            raise InvalidValueError(f"{value!r:.80} is not one of {allowed}") from None

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return getattr(t, "__origin__", None) is tuple and len(args) == 2 and args[1] is ...


def _tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    element = get_args(t)[0]
    handler = conv.get_structure_hook(element)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise InvalidTypeError(f"must be a list, not {_json_type(value)}")
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


def _guard_union(conv: cattrs.Converter, union: Any, tag_name: str = "type") -> None:
    """Wrap the tagged-union hook so a bad tag is a clear error, not a KeyError."""
    inner = conv.get_structure_hook(union)
    tags = {TAGS[cl] for cl in get_args(union)}
    allowed = ", ".join(repr(t) for t in sorted(tags))

    def structure(value: Any, t: Any) -> Any:
        if type(value) is not dict:
            raise InvalidTypeError(f"must be an object, not {_json_type(value)}")
        tag = value.get(tag_name)
        if tag not in tags:
            if tag_name not in value:
                raise InvalidValueError(f"needs a {tag_name!r} key, one of {allowed}")
            raise InvalidValueError(f"{tag_name} {tag!r:.60} is not one of {allowed}")
        return inner(value, t)

    conv.register_structure_hook(union, structure)


def _attrs_hook_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Objects only: a list or a string where an object belongs is a clear error."""
    inner = cattrs.gen.make_dict_structure_fn(cl, conv)

    def structure(value: Any, t: Any) -> Any:
        if type(value) is not dict:
            raise InvalidTypeError(f"must be an object, not {_json_type(value)}")
        return inner(value, t)

    return structure


def _optional(hook: Callable[[Any, Any], T]) -> Callable[[Any, Any], T | None]:
    def structure(value: Any, t: Any) -> T | None:
        return None if value is None else hook(value, t)

    return structure


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
      (``"actor"``, ``"event"``, ``"text"``, ``"quantity"``, ``"unknown"``,
      ``"no_value"``), through `cattrs.strategies.configure_tagged_union`;
    - errors are collected (detailed validation), so a load reports every
      problem with its path.

    With `fast` (the default), every record class also gets a fast path,
    generated once by `claims._fast` from the same rules: writing builds the
    JSON dict in one generated function per class, and reading tries a
    generated builder first and runs the detailed cattrs hook only when it
    declines, so the detailed hook alone decides what is an error and how it
    is reported. Either way the result is the same; ``fast=False`` gives the
    plain cattrs converter (the tests compare the two). The same generator
    also makes the encoders `encode` uses, which hand enums and datetimes to
    orjson to write: the bytes are those of ``orjson.dumps(unstructure(x))``.

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
    conv.register_structure_hook(datetime, _structure_datetime)
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
    conv.register_unstructure_hook(
        _Document,
        cattrs.gen.make_dict_unstructure_fn(_Document, conv, _cattrs_omit_if_default=False),
    )
    if fast:
        _install_fast_paths(conv)
    return conv


def _install_fast_paths(conv: cattrs.Converter) -> None:
    """Put the generated fast paths of `claims._fast` in front of the cattrs hooks."""
    union_members = set(TAGS)
    for cls in (*_RECORD_CLASSES, _Document):
        if cls in union_members:
            continue  # tagged inside their unions; standalone they keep the cattrs hooks
        try:
            fast_structure = _fast.make_structure(cls, TAGS, _structure_datetime)
            fast_unstructure = _fast.make_unstructure(cls, TAGS, omit_defaults=cls is not _Document)
        except _fast.Unsupported:  # pragma: no cover - every record type is supported
            continue
        conv.register_structure_hook(cls, _fast_or_detailed(fast_structure, conv, cls))
        conv.register_unstructure_hook(cls, fast_unstructure)
        _ENCODERS[cls] = _fast.make_unstructure(
            cls, TAGS, omit_defaults=cls is not _Document, native=True
        )


_ENCODERS: dict[type, Callable[[Any], Any]] = {}
"""For `encode`: what `unstructure` gives, but for orjson to write (see `claims._fast`)."""


def _fast_or_detailed(
    fast: Callable[[Any], Any], conv: cattrs.Converter, cls: type
) -> Callable[[Any, Any], Any]:
    detailed = conv.get_structure_hook(cls)

    def structure(value: Any, t: Any) -> Any:
        try:
            return fast(value)
        except Exception:  # noqa: BLE001 - the detailed hook decides, and explains
            return detailed(value, t)

    return structure


def _tuple_unstructure(element: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def unstructure(value: Iterable[Any]) -> list[Any]:
        return [element(v) for v in value]

    return unstructure


converter = make_converter()
"""The converter every function of `claims` uses."""


def encode(value: Any, *, option: int = 0) -> bytes:
    """A record, or a list or tuple of records, as JSON bytes.

    The bytes are exactly ``orjson.dumps(unstructure(value), option=option)``,
    made faster.

    Raises:
        ClaimsError: The value cannot be written as JSON.
    """
    try:
        with _no_gc():
            if type(value) is list or type(value) is tuple:
                data: Any = [_native(v) for v in value]
            else:
                data = _native(value)
            return orjson.dumps(data, option=option)
    except orjson.JSONEncodeError as exc:
        raise ClaimsError(f"cannot write {type(value).__name__} as JSON: {exc}") from exc


def _native(value: Any) -> Any:
    fn = _ENCODERS.get(type(value))
    return converter.unstructure(value) if fn is None else fn(value)


class _no_gc:
    """Pause the cyclic garbage collector while many acyclic records are made.

    Records and their JSON dicts form no reference cycles; collecting while
    a bulk load or dump makes millions of them only rescans them.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()


def unstructure(record: Any) -> Any:
    """A record (or a list or tuple of records) as plain JSON types."""
    with _no_gc():
        return converter.unstructure(record)


def structure(data: Any, cls: type[T]) -> T:
    """Build a `cls` record (or ``tuple[Claim, ...]`` and the like) from plain JSON types.

    Raises:
        LoadError: `data` is not a valid `cls`, with every problem's path.
    """
    try:
        with _no_gc():
            return converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(_problems(exc, "")) from None


# --------------------------------------------------------------------------
# Documents


def dumps(dossier: Dossier, *, indent: bool = True) -> str:
    """The dossier as a JSON document (indented by default, ending in a newline).

    Args:
        dossier: What to write.
        indent: Indent by two spaces; ``False`` writes one compact line.
    """
    return _encode(dossier, indent).decode("utf-8")


def _encode(dossier: Dossier, indent: bool) -> bytes:
    doc = _Document(
        SCHEMA_VERSION,
        tuple(dossier.actors.values()),
        tuple(dossier.sources.values()),
        tuple(dossier.events.values()),
        tuple(dossier.claims.values()),
        dossier.links,
    )
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        return encode(doc, option=option)
    except ClaimsError as exc:
        raise ClaimsError(f"cannot write the dossier as JSON: {exc.__cause__}") from exc


def loads(text: str | bytes) -> Dossier:
    """Read a dossier from a JSON document.

    Raises:
        LoadError: The text is not JSON, not a claims document, or breaks
            referential integrity; every problem is listed with its JSON path.
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise LoadError([Problem("", f"not valid JSON: {exc}")]) from None
    return _from_data(data)


def _from_data(data: Any) -> Dossier:
    if type(data) is not dict:
        raise LoadError([Problem("", f"must be an object, not {_json_type(data)}")])
    version = data.get("schema_version")
    if "schema_version" not in data:
        raise LoadError([Problem("schema_version", "is missing")])
    if type(version) is not int:
        raise LoadError([Problem("schema_version", f"must be an integer, not {version!r:.40}")])
    if version > SCHEMA_VERSION:
        raise LoadError(
            [
                Problem(
                    "schema_version",
                    f"{version} is newer than this release of claims reads "
                    f"({SCHEMA_VERSION}); upgrade claims to read it",
                )
            ]
        )
    if version < 1:
        raise LoadError([Problem("schema_version", f"{version} is not a version of the format")])
    if version < SCHEMA_VERSION:
        data = migrate(data, to=SCHEMA_VERSION)
    try:
        with _no_gc():
            doc = converter.structure(data, _Document)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(_problems(exc, "")) from None
    records: list[Any] = []
    paths: list[str] = []
    for name in ("actors", "sources", "events", "claims", "links"):
        for i, record in enumerate(getattr(doc, name)):
            records.append(record)
            paths.append(f"{name}[{i}]")
    try:
        return Dossier(records)
    except IntegrityError as exc:
        raise LoadError(_relocate(exc, records, paths)) from None


def _relocate(exc: IntegrityError, records: list[Any], paths: list[str]) -> list[Problem]:
    from .dossier import _label

    where = {_label(r): p for r, p in zip(records, paths, strict=True)}
    out = []
    for problem in exc.problems:
        for label, path in where.items():
            if problem.path == label or problem.path.startswith(label + "."):
                out.append(Problem(path + problem.path[len(label) :], problem.message))
                break
        else:
            out.append(problem)
    return out


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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, or leave it untouched."""
    with atomic_writer(path) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` only once the block ends without error.

    The bytes go to a temporary file beside `path`, which is flushed to disk
    and keeps `path`'s permissions; if the block or the write fails, the
    temporary file is removed and `path` is left exactly as it was.

    Raises:
        StorageError: The file could not be written.
    """
    tmp_name: str | None = None
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise StorageError(exc.errno, f"cannot write {path}: {exc.strerror}", str(path)) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def load(path: str | os.PathLike[str]) -> Dossier:
    """Read a dossier from a JSON file.

    Raises:
        StorageError: The file could not be read.
        LoadError: Its content is not a valid claims document.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise StorageError(exc.errno, f"cannot read {path}: {exc.strerror}", str(path)) from exc
    return loads(data)


# --------------------------------------------------------------------------
# Errors with paths


def _json_type(value: object) -> str:
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


def _problems(exc: BaseException, path: str) -> list[Problem]:
    """Flatten a cattrs validation error into problems with JSON paths."""
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        out = [p for sub, item in items for p in _problems(sub, f"{path}[{item.index}]")]
        return out + [p for sub in rest for p in _problems(sub, path)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        out = [p for sub, field in fields for p in _problems(sub, _join(path, field.name))]
        return out + [p for sub in rest for p in _problems(sub, path)]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [Problem(_join(path, k), "unknown key") for k in sorted(exc.extra_fields)]
    if isinstance(exc, KeyError):
        return [Problem(path, "is missing")]
    if isinstance(exc, ClaimsError):
        return [_locate(path, str(exc))]
    return [Problem(path, f"invalid value ({type(exc).__name__}: {exc})")]


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _locate(path: str, message: str) -> Problem:
    """Place a record's own error at its field.

    A validator's message names its field (``"Actor.name must not be empty"``);
    the problem goes to ``actors[0].name`` with ``"must not be empty"``.
    """
    head, _, rest = message.partition(" ")
    owner, dot, field = head.partition(".")
    if dot and owner[:1].isupper() and field.isidentifier() and rest:
        if path.rpartition(".")[2] == field:
            return Problem(path, rest)
        return Problem(_join(path, field), rest)
    return Problem(path, message)
