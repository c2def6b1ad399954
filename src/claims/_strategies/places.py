"""Places as values (public through `claims.strategies`): names and gazetteer identifiers.

Drawn from a small gazetteer, so that places share identifiers (one place
under two names) and name in ``within`` what other places are (a district
within its province): containment happens, not only difference.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .._model import Identifier, Place
from .basics import TEXT

__all__ = ["GAZETTEER", "PLACES", "places"]

GAZETTEER: tuple[Identifier, ...] = (
    Identifier("geonames", "1139027"),
    Identifier("geonames", "1131316"),
    Identifier("iso3166", "AF-NAN"),
    Identifier("iso3166", "AF"),
    Identifier("wikidata", "Q1045584"),
    Identifier("osm", "relation/1757163"),
)
"""The identifiers generated places take theirs and their ``within`` from."""

_NAMES = st.sampled_from(["Tarn Vale", "the Tarn Vale district", "Orrin province", "open country"])


@st.composite
def places(draw: st.DrawFn, identifiers: st.SearchStrategy[Identifier] | None = None) -> Place:
    """Places: some in words only, some with identifiers, some within others.

    Args:
        identifiers: Where their identifiers and ``within`` come from (by
            default a small gazetteer, so that drawn places meet).
    """
    pool = st.sampled_from(GAZETTEER) if identifiers is None else identifiers
    name = draw(_NAMES | TEXT)
    own = draw(st.lists(pool, max_size=2, unique=True))
    within = draw(st.lists(pool.filter(lambda i: i not in own), max_size=2, unique=True))
    return Place(name, identifiers=own, within=within)


PLACES: st.SearchStrategy[Place] = places()
