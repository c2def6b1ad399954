"""External identifiers: where else an actor, a source or a place is known.

An `Identifier` names a record in another register (a Wikidata item, an
official web site, an ISNI, a GeoNames place). `Actor.identifiers`,
`Source.identifiers` and `Place.identifiers` hold any number of them, each
scheme's value checked where the scheme is one this module knows
(`SCHEMES`); other schemes are free strings.
"""

from __future__ import annotations

import attrs

from .._cut import cut
from .._words import short_repr
from . import _validators as v

__all__ = ["SCHEMES", "Identifier", "distinct_identifiers"]

SCHEMES: tuple[tuple[str, v.Pattern], ...] = (
    ("wikidata", v.Pattern(r"Q[1-9][0-9]*", "a Wikidata item id (Q and a number, as Q42)")),
    ("url", v.Pattern(r"https?://\S+", "an http or https URL without spaces")),
    (
        "isni",
        v.Pattern(r"[0-9]{15}[0-9X]", "an ISNI: 15 digits and a digit or X, without spaces"),
    ),
    (
        "orcid",
        v.Pattern(
            r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]",
            "an ORCID iD: 4 groups of 4 digits joined by '-' (the last may end in X)",
        ),
    ),
    ("viaf", v.Pattern(r"[1-9][0-9]*", "a VIAF id: digits, not starting with 0")),
    ("geonames", v.Pattern(r"[1-9][0-9]*", "a GeoNames id: digits, not starting with 0")),
    (
        "osm",
        v.Pattern(
            r"(node|way|relation)/[1-9][0-9]*",
            "an OpenStreetMap element: node, way or relation, '/' and its number",
        ),
    ),
    (
        "iso3166",
        v.Pattern(
            r"[A-Z]{2}(-[A-Z0-9]{1,3})?",
            "an ISO 3166 code: a country's two capitals (IQ), or with a subdivision (AF-NAN)",
        ),
    ),
)
"""The schemes whose values are checked, each with its pattern."""

_SCHEME = v.Pattern(
    r"[a-z][a-z0-9_.-]*",
    "a lower-case scheme name (letters, digits, '_', '.', '-', starting with a letter)",
)


@attrs.frozen
class Identifier:
    """Where else a record is known: a scheme and the record's id in it.

    >>> Identifier("wikidata", "Q42")
    Identifier(scheme='wikidata', value='Q42')

    Attributes:
        scheme: The register, in lower case: ``"wikidata"``, ``"url"``,
            ``"isni"``, ``"orcid"``, ``"viaf"``, and for places
            ``"geonames"``, ``"osm"`` (``"relation/12345"``) and
            ``"iso3166"`` (``"AF-NAN"``) (each value checked, see
            `SCHEMES`) or any other (``"doi"``, ``"lei"``), whose value is
            any non-empty string.
        value: The id in that register (``"Q42"``, ``"https://example.org"``).
    """

    __repr__ = short_repr

    scheme: str = attrs.field(validator=_SCHEME)
    value: str = attrs.field(
        validator=v.all_of(v.nonempty_str, v.PatternOf("scheme", SCHEMES)),
    )


def distinct_identifiers(_record: object, value: tuple[Identifier, ...]) -> str | None:
    """What is wrong with `value` as a record's identifiers: the first one given twice."""
    seen: set[Identifier] = set()
    for identifier in value:
        if identifier in seen:
            return f"has {identifier.scheme} {cut(identifier.value)} twice"
        seen.add(identifier)
    return None
