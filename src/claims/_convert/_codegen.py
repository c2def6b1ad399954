"""Generated fast paths for the converter's rules (see `make_converter`).

For each record class this module writes, once, a plain Python function that
turns a record into JSON types and one that builds a record from them,
following exactly the rules `make_converter` gives cattrs:

- strings, booleans and integers must have exactly that JSON type; a float
  field takes an integer and makes it a float; a number field takes either;
- datetimes are ISO 8601 strings with a UTC offset;
- enums are looked up by value *and* type (``1`` is not ``true``);
- tuples are JSON lists; records are JSON objects with no unknown keys;
- the members of `Subject` and `Value` carry their ``"type"`` tag;
- fields at their default are left out when writing, and so is a field
  whose metadata names, under `WRITTEN_IF`, a property of the record that
  is false (a claim's proposition that its topic stands for).

The building functions never explain a failure: they raise, and the
converter's hook then runs the detailed cattrs path on the same input, which
either builds the same record or reports every problem with its JSON path.
Record classes still run their own validators, so every value check stays
in one place, the model.

As cattrs does for its own generated functions, the source of each function
is registered in `linecache` under a file name such as
``<claims generated structure claims._model.Actor>``, so a traceback through
generated code shows its lines.
"""

from __future__ import annotations

import enum
import linecache
import types
import typing
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, get_args, get_origin

import attrs
import cattrs

from .._model import WRITTEN_IF

__all__ = [
    "WRITTEN_IF",
    "Unsupported",
    "encoders",
    "install",
    "make_structure",
    "make_unstructure",
]


class Unsupported(Exception):
    """A type the generator has no fast path for (the cattrs path is used)."""


class _Fail(Exception):
    """The fast path declines; the detailed path decides."""


def _fail() -> Any:
    raise _Fail


def _is_optional(t: Any) -> Any:
    """The `X` of ``X | None`` (one X), else None."""
    if get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in get_args(t) if a is not type(None)]
        if len(args) == 1 and len(get_args(t)) == 2:
            return args[0]
    return None


class _Gen:
    """Generates the functions of a family of record classes into one namespace."""

    def __init__(
        self, tags: dict[type, str], structure_datetime: Callable[[Any, Any], datetime]
    ) -> None:
        self.tags = tags
        self.ns: dict[str, Any] = {
            "_Fail": _Fail,
            "_fail": _fail,
            "_datetime": structure_datetime,
            "_whole_minutes": _WHOLE_MINUTES,
            "_iso": _iso,
            "_dt": datetime,
            "_tz": timezone,
        }
        self.names: dict[Any, str] = {}
        self.counter = 0

    def _name(self, prefix: str, obj: Any) -> str:
        self.counter += 1
        name = f"{prefix}{self.counter}"
        self.ns[name] = obj
        return name

    def _union_members(self, t: Any) -> tuple[type, ...] | None:
        if get_origin(t) in (typing.Union, types.UnionType):
            members = get_args(t)
            if all(m in self.tags for m in members):
                return tuple(members)
        return None

    # ------------------------------------------------------------------
    # Building from JSON types

    def structure_stmts(self, t: Any, src: str, dst: str, ind: str) -> list[str]:
        """Statements checking `src` (a JSON value) as a `t` and storing it in `dst`."""
        if t is str or t is bool or t is int:
            return [f"{ind}if type({src}) is not {t.__name__}: raise _Fail", f"{ind}{dst} = {src}"]
        if t is float:
            return [
                f"{ind}if type({src}) is float: {dst} = {src}",
                f"{ind}elif type({src}) is int: {dst} = float({src})",
                f"{ind}else: raise _Fail",
            ]
        if t == int | float:
            return [
                f"{ind}if type({src}) is not int and type({src}) is not float: raise _Fail",
                f"{ind}{dst} = {src}",
            ]
        if t is datetime:
            return [f"{ind}{dst} = _datetime({src}, None)"]
        if isinstance(t, type) and issubclass(t, enum.Enum):
            table = self._name("E", {(type(m.value), m.value): m for m in t})
            return [f"{ind}{dst} = {table}[(type({src}), {src})]"]
        inner = _is_optional(t)
        if inner is not None:
            return [
                f"{ind}if {src} is None: {dst} = None",
                f"{ind}else:",
                *self.structure_stmts(inner, src, dst, ind + "    "),
            ]
        if t == int | float | None:
            return [
                f"{ind}if {src} is not None and type({src}) is not int "
                f"and type({src}) is not float: raise _Fail",
                f"{ind}{dst} = {src}",
            ]
        members = self._union_members(t)
        if members is not None:
            table = self._name(
                "U", {self.tags[m]: self.structure_fn(m, tagged=True) for m in members}
            )
            return [
                f"{ind}if type({src}) is not dict: raise _Fail",
                f"{ind}{dst} = {table}[{src}['type']]({src})",
            ]
        if get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is ...:
            element = get_args(t)[0]
            lines = [f"{ind}if type({src}) is not list: raise _Fail"]
            if attrs.has(element):
                fn = self._name("S", self.structure_fn(element))
                return [*lines, f"{ind}{dst} = tuple([{fn}(e) for e in {src}])"]
            if element is str:
                return [
                    *lines,
                    f"{ind}for e in {src}:",
                    f"{ind}    if type(e) is not str: raise _Fail",
                    f"{ind}{dst} = tuple({src})",
                ]
            raise Unsupported(t)
        if attrs.has(t):
            fn = self._name("S", self.structure_fn(t))
            return [f"{ind}{dst} = {fn}({src})"]
        raise Unsupported(t)

    def structure_fn(self, cls: type, *, tagged: bool = False) -> Callable[[Any], Any]:
        key = ("s", cls, tagged)
        if key in self.names:
            return typing.cast(Callable[[Any], Any], self.ns[self.names[key]])
        name = f"structure_{cls.__name__}{'_tagged' if tagged else ''}"
        self.names[key] = name
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        allowed = {f.name for f in fields} | ({"type"} if tagged else set())
        keys = self._name("K", frozenset(allowed))
        cls_name = self._name("C", cls)
        lines = [
            f"def {name}(d):",
            "    if type(d) is not dict: raise _Fail",
            f"    if not {keys}.issuperset(d): raise _Fail",
        ]
        args = []
        for i, f in enumerate(fields):
            var = f"a{i}"
            args.append(f"{f.name}={var}" if f.kw_only else var)
            if f.default is attrs.NOTHING:
                lines.append(f"    v = d[{f.name!r}]")
                lines.extend(self.structure_stmts(hints[f.name], "v", var, "    "))
            elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                raise Unsupported(f)
            else:
                default = self._name("D", f.default)
                lines.append(f"    if {f.name!r} in d:")
                lines.append(f"        v = d[{f.name!r}]")
                lines.extend(self.structure_stmts(hints[f.name], "v", var, "        "))
                lines.append(f"    else: {var} = {default}")
        lines.append(f"    return {cls_name}({', '.join(args)})")
        self.ns[name] = None  # reserve the name for recursive classes
        _compile(lines, cls, "structure", self.ns)
        return typing.cast(Callable[[Any], Any], self.ns[name])

    # ------------------------------------------------------------------
    # Writing to JSON types

    def unstructure_expr(self, t: Any, src: str, native: bool) -> str:
        """An expression turning `src` (a `t`) into JSON types.

        With `native`, the result is for `orjson.dumps` only: datetimes stay
        datetimes where orjson writes exactly what `datetime.isoformat` would.
        Enums are always their value: orjson reads an enum member's value by
        calling back into Python, and an exception raised there from a
        signal handler (Ctrl-C) crashes the interpreter; a datetime with a
        `datetime.timezone` is read in C alone.
        """
        if t in (str, bool, int, float) or t == int | float or t == int | float | None:
            return src
        if t is datetime:
            if native:
                return (
                    f"({src} if {src}.__class__ is _dt and {src}.tzinfo.__class__ is _tz"
                    f" and {src}.tzinfo in _whole_minutes else _iso({src}))"
                )
            return f"{src}.isoformat()"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return f"{src}._value_"  # what .value returns, without the descriptor
        inner = _is_optional(t)
        if inner is not None:
            expr = self.unstructure_expr(inner, src, native)
            return src if expr == src else f"(None if {src} is None else {expr})"
        members = self._union_members(t)
        if members is not None:
            table = self._name(
                "T",
                {m: self.unstructure_fn(m, tag=self.tags[m], native=native) for m in members},
            )
            return f"{table}[type({src})]({src})"
        if get_origin(t) is tuple and len(get_args(t)) == 2 and get_args(t)[1] is ...:
            element = get_args(t)[0]
            expr = self.unstructure_expr(element, "e", native)
            return f"list({src})" if expr == "e" else f"[{expr} for e in {src}]"
        if attrs.has(t):
            fn = self._name("W", self.unstructure_fn(t, native=native))
            return f"{fn}({src})"
        raise Unsupported(t)

    def unstructure_fn(
        self,
        cls: type,
        *,
        tag: str | None = None,
        omit_defaults: bool = True,
        native: bool = False,
    ) -> Callable[[Any], Any]:
        key = ("u", cls, tag, omit_defaults, native)
        if key in self.names:
            return typing.cast(Callable[[Any], Any], self.ns[self.names[key]])
        name = f"{'encode' if native else 'unstructure'}_{cls.__name__}{'_tagged' if tag else ''}"
        self.names[key] = name
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        always = [f for f in fields if not omit_defaults or f.default is attrs.NOTHING]
        first = [f for f in always if fields.index(f) == always.index(f)]  # a leading run
        literal = ", ".join(
            f"{f.name!r}: {self.unstructure_expr(hints[f.name], f'o.{f.name}', native)}"
            for f in first
        )
        lines = [f"def {name}(o):", f"    d = {{{literal}}}"]
        for f in fields[len(first) :]:
            expr = self.unstructure_expr(hints[f.name], "v", native)
            lines.append(f"    v = o.{f.name}")
            if omit_defaults and WRITTEN_IF in f.metadata:
                lines.append(f"    if o.{f.metadata[WRITTEN_IF]}: d[{f.name!r}] = {expr}")
            elif not omit_defaults or f.default is attrs.NOTHING:
                lines.append(f"    d[{f.name!r}] = {expr}")
            elif f.default is None or isinstance(f.default, enum.Enum):
                default = self._name("D", f.default)
                lines.append(f"    if v is not {default}: d[{f.name!r}] = {expr}")
            else:
                default = self._name("D", f.default)
                lines.append(f"    if v != {default}: d[{f.name!r}] = {expr}")
        if tag is not None:
            lines.append(f"    d['type'] = {tag!r}")
        lines.append("    return d")
        _compile(lines, cls, "encode" if native else "unstructure", self.ns)
        return typing.cast(Callable[[Any], Any], self.ns[name])


def _compile(lines: list[str], cls: type, kind: str, ns: dict[str, Any]) -> None:
    """Run the source of one function in `ns`, its lines kept in `linecache`."""
    source = "\n".join(lines) + "\n"
    filename = _filename(cls, kind, source)
    exec(compile(source, filename, "exec"), ns)


def _filename(cls: type, kind: str, source: str) -> str:
    """A file name for a generated function, its source registered in `linecache`.

    As `cattrs.gen` does: ``<claims generated KIND MODULE.CLASS>``, with a
    ``-2``, ``-3`` ... suffix when another source already holds the name.
    """
    entry_lines = source.splitlines(keepends=True)
    suffix = ""
    count = 1
    while True:
        name = f"<claims generated {kind} {cls.__module__}.{cls.__qualname__}{suffix}>"
        entry = (len(source), None, entry_lines, name)
        if linecache.cache.setdefault(name, entry) == entry:
            return name
        count += 1
        suffix = f"-{count}"


def make_structure(
    cls: type, tags: dict[type, str], structure_datetime: Callable[[Any, Any], datetime]
) -> Callable[[Any], Any]:
    """A function building a `cls` from JSON types, or raising (any exception) to decline.

    Raises:
        Unsupported: `cls` has a field type with no fast path.
    """
    return _Gen(tags, structure_datetime).structure_fn(cls)


def make_unstructure(
    cls: type, tags: dict[type, str], *, omit_defaults: bool = True, native: bool = False
) -> Callable[[Any], Any]:
    """A function turning a `cls` into JSON types, exactly as the converter does.

    Args:
        cls: The record class.
        tags: The tag of each member of a tagged union.
        omit_defaults: Leave out fields at their default.
        native: For `orjson.dumps` only: leave datetimes whose offset is in
            whole minutes for orjson to write (it writes them byte for byte
            as the converter would, and faster, without calling back into
            Python).

    Raises:
        Unsupported: `cls` has a field type with no fast path.
    """
    return _Gen(tags, _unused).unstructure_fn(cls, omit_defaults=omit_defaults, native=native)


def install(
    conv: cattrs.Converter,
    classes: Iterable[tuple[type, bool]],
    tags: dict[type, str],
    structure_datetime: Callable[[Any, Any], datetime],
) -> None:
    """Put the generated fast paths in front of the converter's cattrs hooks.

    Writing uses the generated function alone. Reading tries the generated
    builder first and runs the detailed cattrs hook only when it declines, so
    the detailed hook alone decides what is an error and how it is reported.

    Args:
        conv: The converter, with its detailed hooks already registered.
        classes: Each record class, with whether it leaves out defaults.
        tags: The tag of each member of a tagged union.
        structure_datetime: The converter's datetime hook.
    """
    for cls, omit_defaults in classes:
        try:
            fast_structure = make_structure(cls, tags, structure_datetime)
            fast_unstructure = make_unstructure(cls, tags, omit_defaults=omit_defaults)
        except Unsupported:  # pragma: no cover - every record type is supported
            continue
        conv.register_structure_hook(cls, _fast_or_detailed(fast_structure, conv, cls))
        conv.register_unstructure_hook(cls, fast_unstructure)


def encoders(
    classes: Iterable[tuple[type, bool]], tags: dict[type, str]
) -> dict[type, Callable[[Any], Any]]:
    """For each class, what `install`'s writer gives, but for `orjson.dumps` to write.

    See `make_unstructure` with ``native=True``.
    """
    out: dict[type, Callable[[Any], Any]] = {}
    for cls, omit_defaults in classes:
        try:
            out[cls] = make_unstructure(cls, tags, omit_defaults=omit_defaults, native=True)
        except Unsupported:  # pragma: no cover - every record type is supported
            continue
    return out


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


# The fixed offsets seen so far that orjson writes exactly as isoformat does.
_WHOLE_MINUTES: set[Any] = set()
_MINUTE = timedelta(minutes=1)


def _iso(value: datetime) -> Any:
    """`value` if orjson writes it as `isoformat` does (noting its tzinfo), else the text."""
    tz = value.tzinfo
    if type(value) is datetime and type(tz) is timezone:
        offset = tz.utcoffset(None)
        if not offset % _MINUTE:
            _WHOLE_MINUTES.add(tz)
            return value
    return value.isoformat()


def _unused(value: Any, _: Any) -> datetime:  # pragma: no cover - only structure uses it
    raise _Fail
