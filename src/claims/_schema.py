"""The JSON Schema (draft 2020-12) of a dossier document, built from the model.

Nothing here describes a record by hand. `json_schema` walks the fields of the
document's records (their type annotations and their `attrs` validators) and
applies the rules of the one converter (`claims._convert.make_converter`):

- a record is an object with one property per field, ``additionalProperties``
  false, and the fields without a default required;
- ``X | None`` also accepts ``null``; a tuple is an array;
- an enum is written by value; a datetime is an ISO 8601 string with its UTC
  offset; a member of `Subject` or `Value` carries its ``"type"`` tag;
- the validators add what JSON Schema can say: non-empty strings, offsets
  ``>= 0``, probabilities in [0, 1], sha256 fingerprints, patterns, and a
  pattern chosen by another field (an identifier's value by its scheme, as
  ``if``/``then``).

A validator this module has no rule for is an error, so the schema cannot
silently fall behind the model. What JSON Schema cannot say is left to
`claims.loads`: rules across fields (a quote's offsets span its text, a
quantity's value lies within its bounds, a time claims no more precision than
it has), referential integrity, and the difference between ``1`` and ``1.0``.

>>> import claims
>>> schema = claims.json_schema()
>>> schema["properties"]["schema_version"]  # the versions written: the oldest that holds it
{'enum': [2, 3, 4]}
>>> schema["$defs"]["Quote"]["required"]
['source', 'exact', 'start', 'end']
>>> list(schema["properties"])[:3]  # the dossier's own vocabulary, when it has one
['schema_version', 'vocabulary', 'actors']
>>> schema["$defs"]["Vocabulary"]["properties"]["predicates"]
{'type': 'array', 'items': {'$ref': '#/$defs/Predicate'}}
"""

from __future__ import annotations

import enum
import functools
import inspect
import types
import typing
from datetime import datetime
from typing import Any, get_args, get_origin, get_type_hints

import attrs

from ._convert import (
    DATETIME_PATTERN,
    OLDEST_WRITTEN,
    SCHEMA_VERSION,
    TAGS,
    VOCABULARY_SINCE,
    Document,
)
from ._model import _validators as v
from .exceptions import ClaimsError
from .vocabulary import Vocabulary

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_DATETIME = {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN}

# The validators that narrow a JSON value (see `_narrowing`).
_LEAF_TYPES = (
    v.NonEmptyStr,
    v.AnyStr,
    v.HexDigest,
    v.Pattern,
    v.Number,
    v.Integer,
    v.AwareDatetime,
)
# Validators that only check the type the annotation already gives.
_TYPE_ONLY = (v.InstanceOf, v.MemberOf)


@functools.cache
def _cached() -> dict[str, Any]:
    return _Builder().document()


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the dossier document this release writes.

    A new dict on every call (change it freely); it is built once from the
    model and the converter's rules.

    >>> import claims
    >>> claims.json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    import copy

    return copy.deepcopy(_cached())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def document(self) -> dict[str, Any]:
        body = self.record(Document)
        # The versions this release writes: the oldest that holds each dossier.
        written = list(range(OLDEST_WRITTEN, SCHEMA_VERSION + 1))
        body["properties"]["schema_version"] = {"enum": written}
        # The dossier's own vocabulary, after the version; only in the versions that have it.
        version, *records = body["properties"].items()
        body["properties"] = dict([version, ("vocabulary", self.ref(Vocabulary)), *records])
        body["allOf"] = [
            *body.get("allOf", []),
            {
                "if": {"required": ["vocabulary"]},
                "then": {"properties": {"schema_version": {"minimum": VOCABULARY_SINCE}}},
            },
        ]
        return {
            "$schema": DIALECT,
            "$id": f"urn:claims:dossier:{SCHEMA_VERSION}",
            "title": f"claims dossier, schema version {SCHEMA_VERSION}",
            "description": (
                "A dossier of actors, sources, events, claims, links and reviews, as written by "
                "claims.dumps. Rules across fields and referential integrity are checked "
                "by claims.loads, not by this schema. Date-times must also pass the "
                "date-time format (validate with format checking on)."
            ),
            **body,
            "$defs": dict(sorted(self.defs.items())),
        }

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: records may refer to themselves
            self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, cls: type[Any]) -> dict[str, Any]:
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = TAGS.get(cls)
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        chosen: list[dict[str, Any]] = []
        for field in attrs.fields(cls):
            if not field.init:  # derived (a vocabulary's indexes), never written
                continue
            where = f"{cls.__name__}.{field.name}"
            leaves = _leaves(field.validator, cls, where)
            properties[field.name] = self.of(hints[field.name], leaves, where)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            chosen += _chosen_patterns(field.name, field.validator)
        schema: dict[str, Any] = {"type": "object"}
        doc = inspect.getdoc(cls)
        if doc and cls is not Document:
            schema["description"] = doc.split("\n\n")[0].replace("\n", " ")
        schema |= {"properties": properties, "required": required, "additionalProperties": False}
        if chosen:
            schema["allOf"] = chosen
        return schema

    def of(self, tp: Any, leaves: list[Any], where: str) -> dict[str, Any]:
        origin = get_origin(tp)
        args = get_args(tp)
        if origin in (types.UnionType, typing.Union):
            members = [a for a in args if a is not type(None)]
            nullable = len(members) < len(args)
            if set(members) == {int, float}:
                base = self.leaf(float, leaves, where)
            elif len(members) == 1:
                base = self.of(members[0], leaves, where)
            elif all(m in TAGS for m in members):
                base = {"oneOf": [self.ref(m) for m in members]}
            else:
                raise ClaimsError(f"no JSON Schema rule for the type {tp} of {where}")
            return {"anyOf": [base, {"type": "null"}]} if nullable else base
        if origin is tuple and len(args) == 2 and args[1] is ...:
            return {"type": "array", "items": self.of(args[0], leaves, where)}
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if tp in (str, int, float, bool, datetime):
            return self.leaf(tp, leaves, where)
        raise ClaimsError(f"no JSON Schema rule for the type {tp} of {where}")

    @staticmethod
    def leaf(tp: Any, leaves: list[Any], where: str) -> dict[str, Any]:
        base: dict[str, Any] = {
            str: {"type": "string"},
            int: {"type": "integer"},
            float: {"type": "number"},
            bool: {"type": "boolean"},
            datetime: _DATETIME,
        }[tp]
        for leaf in leaves:
            base = _narrowing(leaf)
        return dict(base)


def _chosen_patterns(name: str, validator: Any) -> list[dict[str, Any]]:
    """The ``if``/``then`` rules of the `PatternOf` and `SaidRule` validators in `validator`."""
    if isinstance(validator, v.AllOf):
        return [rule for part in validator.validators for rule in _chosen_patterns(name, part)]
    if isinstance(validator, v.SaidRule):
        then = dict(validator.then)
        return [then if validator.when is None else {"if": dict(validator.when), "then": then}]
    if not isinstance(validator, v.PatternOf):
        return []
    return [
        {
            "if": {"properties": {validator.key: {"const": key}}},
            "then": {"properties": {name: _narrowing(pattern)}},
        }
        for key, pattern in validator.patterns
    ]


def _leaves(validator: Any, cls: type[Any], where: str) -> list[Any]:
    """The leaf validators inside `validator` that narrow a JSON value.

    `cls` is the record whose field `where` names; a validator of a kind
    this module has no rule for is an error.
    """
    if validator is None:
        return []
    if isinstance(validator, _LEAF_TYPES):
        return [validator]
    if isinstance(validator, _TYPE_ONLY):
        return []
    if isinstance(validator, v.Rule):
        return []  # a rule across fields of the record, left to claims.loads
    if isinstance(validator, v.PatternOf):
        return []  # said by the record's if/then rules (`_chosen_patterns`)
    if isinstance(validator, (v.Optional, v.Each)):
        return _leaves(validator.inner, cls, where)
    if isinstance(validator, v.AllOf):
        return [leaf for part in validator.validators for leaf in _leaves(part, cls, where)]
    name = getattr(validator, "__qualname__", None) or repr(validator)
    raise ClaimsError(f"no JSON Schema rule for the validator {name} of {where}")


def _narrowing(leaf: Any) -> dict[str, Any]:
    """What the leaf validator `leaf` says of a JSON value, as JSON Schema."""
    if isinstance(leaf, v.NonEmptyStr):
        return {"type": "string", "pattern": r"\S"}
    if isinstance(leaf, v.AnyStr):
        return {"type": "string"}
    if isinstance(leaf, v.HexDigest):
        return {"type": "string", "pattern": f"^[0-9a-f]{{{leaf.length}}}$"}
    if isinstance(leaf, v.Pattern):
        # (?!\n): Python's $ (as jsonschema runs it) also matches before a final newline.
        return {"type": "string", "pattern": f"^(?:{leaf.regex})(?!\\n)$"}
    if isinstance(leaf, v.AwareDatetime):
        return _DATETIME
    if isinstance(leaf, v.Integer):
        schema: dict[str, Any] = {"type": "integer"}
        bounds = {"minimum": leaf.minimum, "maximum": leaf.maximum}
    else:
        schema = {"type": "number"}
        bounds = {"minimum": leaf.minimum, "maximum": leaf.maximum}
    return schema | {k: bound for k, bound in bounds.items() if bound is not None}
