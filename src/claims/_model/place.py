"""Places as values: a name in words, and where a gazetteer knows it.

A `Place` is the object of a proposition about where something is or
happened ("the Haska Mina district of Nangarhar province"). Its name is
the text's words; its identifiers say which place of a gazetteer it is
(GeoNames, Wikidata, OpenStreetMap, ISO 3166); its ``within`` says which
places, by their identifiers, the analyst knows contain it. Comparing two
places is the analysis's rule (`claims.analysis.contradictions`), never a
comparison of their names.
"""

from __future__ import annotations

import attrs

from .._cut import cut
from .._words import short_repr
from . import _validators as v
from .identifier import Identifier, distinct_identifiers

__all__ = ["Place"]


def _not_within_itself(place: Place, value: tuple[Identifier, ...]) -> str | None:
    own = set(place.identifiers)
    for identifier in value:
        if identifier in own:
            return (
                f"has {identifier.scheme} {cut(identifier.value)}, one of its own "
                "identifiers: a place is not within itself"
            )
    return None


@attrs.frozen
class Place:
    """A place, in words and, where known, by a gazetteer's identifiers.

    >>> from claims import Identifier
    >>> Place("Haska Mina", identifiers=[Identifier("geonames", "1139027")])
    Place(name='Haska Mina', identifiers=(Identifier(scheme='geonames', value='1139027'),))

    Attributes:
        name: The place in the text's words ("the Haska Mina district").
        identifiers: Where a gazetteer knows it (``geonames``, ``wikidata``,
            ``osm``, ``iso3166``, ...), each an `Identifier`, none given
            twice. Two places sharing one are the same place, whatever
            their names.
        within: Identifiers of places known to contain it (the district's
            province, the province's country), none given twice and none of
            its own.
    """

    __repr__ = short_repr

    name: str = attrs.field(validator=v.nonempty_str)
    identifiers: tuple[Identifier, ...] = attrs.field(
        kw_only=True,
        default=(),
        converter=v.to_tuple,
        validator=v.all_of(v.each(v.instance_of(Identifier)), v.Rule(distinct_identifiers)),
    )
    within: tuple[Identifier, ...] = attrs.field(
        kw_only=True,
        default=(),
        converter=v.to_tuple,
        validator=v.all_of(
            v.each(v.instance_of(Identifier)),
            v.Rule(distinct_identifiers),
            v.Rule(_not_within_itself),
        ),
    )
