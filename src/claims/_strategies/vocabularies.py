"""Strategies for vocabularies: predicates, units, and whole `Vocabulary` records."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from ..vocabulary import Predicate, Unit, ValueKind, Vocabulary, name_key

__all__ = ["vocabularies"]

_WORDS = (
    "killed",
    "deaths",
    "wounded",
    "location",
    "responsible for",
    "people",
    "civilians",
    "km",
    "Number of deaths",
    "security_presence",
)
_NAMES = st.sampled_from(_WORDS) | st.text(
    st.characters(categories=("L", "N", "Zs", "Pd", "Pc")), min_size=1, max_size=12
).filter(name_key)
_DIMENSIONS = st.sampled_from(("count", "length", "duration", "money")) | _NAMES
_WIKIDATA = st.none() | st.integers(1, 10**6).map(lambda n: f"P{n}")


def _groups(draw: st.DrawFn, count: int) -> list[list[str]]:
    """`count` groups of names (id, label, aliases), no two groups sharing a name."""
    sizes = [draw(st.integers(1, 4)) for _ in range(count)]
    names = draw(st.lists(_NAMES, min_size=sum(sizes), max_size=sum(sizes), unique_by=name_key))
    groups: list[list[str]] = []
    for size in sizes:
        group, names = names[:size], names[size:]
        groups.append(group)
    return groups


def _label(draw: st.DrawFn, group: Sequence[str]) -> tuple[str, str, list[str]]:
    """The id, label and aliases of one group (a lone name is its own label)."""
    if len(group) == 1:
        return group[0], group[0], []
    return group[0], group[1], list(group[2:])


def _predicate(draw: st.DrawFn, group: Sequence[str], units: Sequence[Unit]) -> Predicate:
    ident, label, aliases = _label(draw, group)
    kind = draw(st.sampled_from(ValueKind))
    dimension = draw(st.none() | _DIMENSIONS) if kind is ValueKind.QUANTITY else None
    unit = None
    if kind is ValueKind.QUANTITY and units and draw(st.booleans()):
        # A default unit, by any of its names, of the predicate's dimension.
        chosen = draw(st.sampled_from(units))
        unit = draw(st.sampled_from(chosen.names))
        dimension = draw(st.sampled_from([None, chosen.dimension]))
    return Predicate(
        ident,
        label,
        aliases,
        kind=kind,
        dimension=dimension,
        unit=unit,
        single_valued=draw(st.booleans()),
        single_subject=draw(st.booleans()),
        accusation=draw(st.booleans()),
        wikidata=draw(_WIKIDATA),
    )


def _unit(draw: st.DrawFn, group: Sequence[str]) -> Unit:
    ident, label, aliases = _label(draw, group)
    return Unit(ident, label, aliases, dimension=draw(_DIMENSIONS))


@st.composite
def vocabularies(draw: st.DrawFn, *, max_predicates: int = 4, max_units: int = 3) -> Vocabulary:
    """Vocabularies of a few predicates and units, each with a few names.

    Names are common words now and then, otherwise any Unicode text with a
    letter or a digit; no name is shared by two predicates (or two units),
    as `Vocabulary` requires. A quantity predicate now and then has a
    default unit, one of the units by one of its names.

    Args:
        max_predicates: At most this many predicates.
        max_units: At most this many units.
    """
    predicates = _groups(draw, draw(st.integers(0, max_predicates)))
    units = _groups(draw, draw(st.integers(0, max_units)))
    drawn = [_unit(draw, group) for group in units]
    return Vocabulary([_predicate(draw, group, drawn) for group in predicates], drawn)
