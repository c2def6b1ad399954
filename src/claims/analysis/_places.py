"""The rule of comparing places: by their gazetteer identifiers, never by their names.

Two values of a single-valued predicate of which one is a `Place` are
compared here for `claims.analysis.contradictions` (and, through it,
`claims.analysis.disputes`):

- two places sharing an identifier are the same place, whatever their names;
- a place whose ``within`` holds an identifier of the other lies inside it
  (the district and its province): no contradiction either;
- anything else (two places no identifier joins, a place against words)
  may be two ways of naming one place, or two places: only a *possible*
  contradiction, never a definite one.

Containment is what the analyst recorded: a district within a province
within a country is within the country only if its ``within`` says so (no
closure through a third place).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .._model import Place, Subject, Value

__all__ = ["compatible_places", "contains", "same_place", "same_places"]


def same_place(a: Place, b: Place) -> bool:
    """Whether `a` and `b` share an identifier: one place, whatever its names.

    >>> from claims import Identifier
    >>> g = Identifier("geonames", "1139027")
    >>> same_place(Place("Haska Mina", identifiers=[g]), Place("the district", identifiers=[g]))
    True
    >>> same_place(Place("Haska Mina"), Place("Haska Mina"))
    False
    """
    return not set(a.identifiers).isdisjoint(b.identifiers)


def contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` is recorded as within `outer` (its ``within`` holds one of `outer`'s ids).

    >>> from claims import Identifier
    >>> province = Identifier("iso3166", "AF-NAN")
    >>> contains(Place("Nangarhar", identifiers=[province]), Place("Haska Mina", within=[province]))
    True
    """
    return not set(inner.within).isdisjoint(outer.identifiers)


def compatible_places(a: Value | Subject, b: Value | Subject) -> bool:
    """Whether two values, one of them at least a place, are known to be compatible.

    They are when both are places and are the same place or one contains
    the other; a place against anything else, or two places nothing joins,
    is not known to be (a *possible* contradiction where one value is
    expected).
    """
    if not isinstance(a, Place) or not isinstance(b, Place):
        return False
    return same_place(a, b) or contains(a, b) or contains(b, a)


def same_places(place: Value, others: Iterable[tuple[Value, int]]) -> Iterator[int]:
    """The groups among `others` (value, group) whose value is `place` or the same place.

    For opposite stances: denying a place denies it under any of its names.
    """
    for value, group in others:
        if value == place or (
            isinstance(place, Place) and isinstance(value, Place) and same_place(place, value)
        ):
            yield group
