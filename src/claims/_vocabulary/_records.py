"""The records of a vocabulary: `Predicate`, `Unit` and `Vocabulary`.

A vocabulary is data: frozen records, built from a plain table or read from
JSON, resolving names (ids, labels and aliases) case-insensitively and
Unicode-normalised. Names are resolved when compared, never rewritten in the
records that use them.
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

import attrs
import orjson

from .._convert import structure, unstructure
from .._model import Quantity, Value
from ..exceptions import InvalidTypeError, InvalidValueError, LoadError, Problem

__all__ = ["Predicate", "Unit", "ValueKind", "Vocabulary", "name_key"]

_T = TypeVar("_T", "Predicate", "Unit")

_WIKIDATA_PROPERTY = re.compile(r"P[1-9][0-9]*")
_SEPARATORS = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """The form under which a name is compared: case, accents' composition,
    underscores, hyphens and spacing do not count.

    >>> name_key("Number_of  Deaths")
    'number of deaths'
    >>> name_key("ｋｉｌｌｅｄ") == name_key("killed")
    True
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _SEPARATORS.sub(" ", folded).strip()


class ValueKind(enum.Enum):
    """The kind of value a predicate takes."""

    ACTOR = "actor"
    """An actor of the dossier (`ActorRef`)."""
    EVENT = "event"
    """An event of the dossier (`EventRef`)."""
    TEXT = "text"
    """Words (`Text`)."""
    QUANTITY = "quantity"
    """A number (`Quantity`), of the predicate's dimension."""
    PLACE = "place"
    """A place (`claims.Place`: its name, and where known its gazetteer
    identifiers), or in words (`Text`)."""


def _type_error(owner: str, field: str, detail: str) -> InvalidTypeError:
    return InvalidTypeError(f"{owner}.{field} {detail}", field=field, detail=detail)


def _value_error(owner: str, field: str, detail: str) -> InvalidValueError:
    return InvalidValueError(f"{owner}.{field} {detail}", field=field, detail=detail)


def _check_name(owner: str, field: str, value: object) -> None:
    if not isinstance(value, str):
        raise _type_error(owner, field, f"must be a string, not {type(value).__name__}")
    if not name_key(value):
        raise _value_error(owner, field, "must have a letter or a digit")


def _check_flag(owner: str, field: str, value: object) -> None:
    if not isinstance(value, bool):
        raise _type_error(owner, field, f"must be true or false, not {type(value).__name__}")


def _check_names(record: Predicate | Unit) -> None:
    owner = type(record).__name__
    _check_name(owner, "id", record.id)
    _check_name(owner, "label", record.label)
    for i, alias in enumerate(record.aliases):
        _check_name(owner, f"aliases[{i}]", alias)
    if record.dimension is not None:
        _check_name(owner, "dimension", record.dimension)


def _to_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        detail = f"must be a list of strings, not {type(value).__name__}"
        raise InvalidTypeError(f"aliases {detail}", field="aliases", detail=detail)
    return tuple(value)


@attrs.frozen
class Predicate:
    """A relation a proposition can state, with the names it goes by.

    Attributes:
        id: The canonical name, as a short snake_case word (``"killed"``).
        label: A label for people (``"number of deaths"``).
        aliases: Other names for it (``"deaths"``, ``"dead"``).
        kind: The kind of value it takes.
        dimension: What a quantity measures (``"count"``), for quantities only.
        unit: The unit a quantity given without one is in (``"people"`` for
            a death toll), for quantities only: a name of one of the
            vocabulary's units, of the predicate's dimension.
        single_valued: One value per subject: two different values conflict
            (``"location"``, ``"killed"``).
        single_subject: One subject per value: two subjects with the same
            value conflict (``"responsible_for"`` an event).
        accusation: Naming its subject accuses it (``"responsible_for"``).
        wikidata: The Wikidata property it corresponds to (``"P1120"``),
            subject and value in the same direction, where one exists.
    """

    id: str
    label: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    kind: ValueKind = attrs.field(kw_only=True, default=ValueKind.TEXT)
    dimension: str | None = attrs.field(kw_only=True, default=None)
    unit: str | None = attrs.field(kw_only=True, default=None)
    single_valued: bool = attrs.field(kw_only=True, default=False)
    single_subject: bool = attrs.field(kw_only=True, default=False)
    accusation: bool = attrs.field(kw_only=True, default=False)
    wikidata: str | None = attrs.field(kw_only=True, default=None)

    def __attrs_post_init__(self) -> None:
        _check_names(self)
        if not isinstance(self.kind, ValueKind):
            raise _type_error("Predicate", "kind", "must be a ValueKind")
        if self.dimension is not None and self.kind is not ValueKind.QUANTITY:
            raise _value_error("Predicate", "dimension", "is only for a quantity predicate")
        if self.unit is not None:
            _check_name("Predicate", "unit", self.unit)
            if self.kind is not ValueKind.QUANTITY:
                raise _value_error("Predicate", "unit", "is only for a quantity predicate")
        for flag in ("single_valued", "single_subject", "accusation"):
            _check_flag("Predicate", flag, getattr(self, flag))
        wikidata = self.wikidata
        if wikidata is not None and (
            not isinstance(wikidata, str) or not _WIKIDATA_PROPERTY.fullmatch(wikidata)
        ):
            raise _value_error(
                "Predicate", "wikidata", f"{wikidata!r} is not a Wikidata property id like 'P1120'"
            )

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it goes by: id, label, then aliases."""
        return (self.id, self.label, *self.aliases)


@attrs.frozen
class Unit:
    """What a quantity counts or measures, with the names it goes by.

    Attributes:
        id: The canonical name (``"people"``).
        label: A label for people.
        aliases: Other names for it (``"persons"``, ``"civilians"``).
        dimension: What it measures (``"count"``, ``"length"``); quantities
            in units of one dimension can be compared.
    """

    id: str
    label: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple)
    dimension: str = attrs.field(kw_only=True, default="count")

    def __attrs_post_init__(self) -> None:
        _check_names(self)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it goes by: id, label, then aliases."""
        return (self.id, self.label, *self.aliases)


def _index(records: tuple[_T, ...], field: str) -> dict[str, _T]:
    """Each name's key to its record; a key naming two records is an error."""
    index: dict[str, _T] = {}
    for i, record in enumerate(records):
        for j, name in enumerate(record.names):
            key = name_key(name)
            other = index.setdefault(key, record)
            if other.id != record.id:
                where = ("id", "label", f"aliases[{j - 2}]")[min(j, 2)]
                detail = f"{name!r} already names {other.id!r}"
                raise InvalidValueError(
                    f"Vocabulary.{field}[{i}].{where}: {detail}",
                    field=f"{field}[{i}].{where}",
                    detail=detail,
                )
    return index


def _check_unit(i: int, predicate: Predicate, units: Mapping[str, Unit]) -> None:
    """A predicate's default unit names one of the units, of the predicate's dimension."""
    if predicate.unit is None:
        return
    unit = units.get(name_key(predicate.unit))
    if unit is None:
        detail = f"{predicate.unit!r} is not a unit of the vocabulary"
    elif predicate.dimension is not None and name_key(unit.dimension) != name_key(
        predicate.dimension
    ):
        detail = f"{predicate.unit!r} measures {unit.dimension}, not {predicate.dimension}"
    else:
        return
    raise InvalidValueError(
        f"Vocabulary.predicates[{i}].unit: {detail}", field=f"predicates[{i}].unit", detail=detail
    )


def _records(value: Iterable[_T], field: str, cls: type[_T]) -> tuple[_T, ...]:
    records = tuple(value)
    for i, record in enumerate(records):
        if not isinstance(record, cls):
            detail = f"must be a {cls.__name__}, not {type(record).__name__}"
            raise InvalidTypeError(
                f"Vocabulary.{field}[{i}] {detail}", field=f"{field}[{i}]", detail=detail
            )
    return records


def _predicates(value: Iterable[Predicate]) -> tuple[Predicate, ...]:
    return _records(value, "predicates", Predicate)


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return _records(value, "units", Unit)


@attrs.frozen
class Vocabulary:
    """Predicates and units, looked up by any of their names.

    Names are compared by `name_key`: ``"Deaths"``, ``"deaths"`` and
    ``"DEATHS"`` are one name, and an alias finds its record.

    >>> v = Vocabulary(
    ...     [Predicate("killed", "number of deaths", ["deaths", "dead"], kind=ValueKind.QUANTITY)],
    ...     [Unit("people", "people", ["persons", "civilians"])],
    ... )
    >>> v.canonical_predicate("Deaths"), v.canonical_unit("civilians")
    ('killed', 'people')
    >>> v.canonical_predicate("motive")  # unknown: as written
    'motive'
    >>> v.nearest("kiled")
    ('killed',)

    Attributes:
        predicates: The predicates, no name shared by two.
        units: The units, no name shared by two.
    """

    predicates: tuple[Predicate, ...] = attrs.field(default=(), converter=_predicates)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units)
    _by_predicate: Mapping[str, Predicate] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _by_unit: Mapping[str, Unit] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_predicate", _index(self.predicates, "predicates"))
        object.__setattr__(self, "_by_unit", _index(self.units, "units"))
        for i, predicate in enumerate(self.predicates):
            _check_unit(i, predicate, self._by_unit)

    def predicate(self, name: str) -> Predicate | None:
        """The predicate `name` names (its id, label or an alias), or ``None``."""
        return self._by_predicate.get(name_key(name))

    def unit(self, name: str) -> Unit | None:
        """The unit `name` names (its id, label or an alias), or ``None``."""
        return self._by_unit.get(name_key(name))

    def canonical_predicate(self, name: str) -> str:
        """The id of the predicate `name` names; `name` as written if unknown."""
        found = self.predicate(name)
        return name if found is None else found.id

    def canonical_unit(self, name: str) -> str:
        """The id of the unit `name` names; `name` as written if unknown."""
        found = self.unit(name)
        return name if found is None else found.id

    def compared_unit(self, predicate: str, unit: str | None) -> str | None:
        """The unit a quantity of `predicate` given in `unit` is compared in.

        Its canonical unit (`canonical_unit`); a quantity without a unit is
        in the predicate's default unit (`Predicate.unit`), if it has one.

        >>> from claims.vocabulary import DEFAULT
        >>> DEFAULT.compared_unit("deaths", None), DEFAULT.compared_unit("deaths", "civilians")
        ('people', 'people')
        >>> DEFAULT.compared_unit("motive", None) is None
        True
        """
        if unit is not None:
            return self.canonical_unit(unit)
        found = self.predicate(predicate)
        if found is None or found.unit is None:
            return None
        return self.canonical_unit(found.unit)

    def compared_value(self, predicate: str, value: Value) -> Value:
        """`value`, the object of `predicate`, as it is compared: a quantity in
        the unit `compared_unit` gives; any other value as it is.
        """
        if isinstance(value, Quantity):
            unit = self.compared_unit(predicate, value.unit)
            if unit != value.unit:
                return attrs.evolve(value, unit=unit)
        return value

    def is_accusation(self, name: str) -> bool:
        """Whether the predicate `name` names accuses its subject (unknown: no)."""
        found = self.predicate(name)
        return found is not None and found.accusation

    def nearest(
        self,
        name: str,
        *,
        among: Literal["predicates", "units"] = "predicates",
        limit: int = 3,
        cutoff: float = 0.75,
    ) -> tuple[str, ...]:
        """The ids of the known predicates (or units) nearest to `name`, nearest first.

        A known name that `name` contains as whole words comes first
        (``"people killed"`` contains the unit ``"people"``); then names
        close by edit distance (`difflib`'s ratio at least `cutoff`).

        Args:
            name: The name to place.
            among: Look among the ``"predicates"`` or the ``"units"``.
            limit: At most this many ids.
            cutoff: The least similarity, from 0 to 1, for an edit-distance match.
        """
        index: Mapping[str, Predicate | Unit] = (
            self._by_predicate if among == "predicates" else self._by_unit
        )
        key = name_key(name)
        padded = f" {key} "
        found: list[str] = []
        contained = sorted((k for k in index if f" {k} " in padded), key=len, reverse=True)
        close = difflib.get_close_matches(key, list(index), n=max(1, len(index)), cutoff=cutoff)
        for k in (*contained, *close):
            ident = index[k].id
            if ident not in found:
                found.append(ident)
        return tuple(found[:limit])

    def to_json(self) -> str:
        """The vocabulary as a JSON document (`from_json` reads it back)."""
        return orjson.dumps(unstructure(self), option=orjson.OPT_INDENT_2).decode()

    @classmethod
    def from_json(cls, text: str | bytes) -> Vocabulary:
        """Read a vocabulary from a JSON document written by `to_json` (or by hand).

        The document is ``{"predicates": [...], "units": [...]}``, each
        record with the fields of `Predicate` or `Unit` (``kind`` as its value,
        ``"quantity"``; fields at their default may be left out).

        Raises:
            LoadError: The text is not JSON, or not a vocabulary; each
                problem with its JSON path (``predicates[2].kind``).
        """
        try:
            data: Any = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise LoadError([Problem("", f"not JSON: {exc}")]) from None
        return structure(data, cls)
