"""Hypothesis strategies for every `claims` record, and whole dossiers.

Install with ``pip install claims[hypothesis]``. The strategies are also
registered with Hypothesis, so ``st.from_type(claims.Claim)`` works.

>>> from hypothesis import given
>>> import claims
>>> @given(dossiers())
... def test_round_trip(dossier):
...     assert claims.loads(claims.dumps(dossier)) == dossier
>>> test_round_trip()
"""

from __future__ import annotations

from ._strategies.basics import (
    aware_datetimes,
    ids,
    quantities,
    texts,
    timezones,
    whens,
    whens_in_words,
)
from ._strategies.dossiers import dossiers
from ._strategies.places import places
from ._strategies.records import (
    actors,
    assessments,
    claims,
    events,
    hops,
    identifiers,
    links,
    propositions,
    quotes,
    reviews,
    sources,
    subjects,
    urls,
    values,
)
from ._strategies.vocabularies import vocabularies

__all__ = [
    "actors",
    "assessments",
    "aware_datetimes",
    "claims",
    "dossiers",
    "events",
    "hops",
    "identifiers",
    "ids",
    "links",
    "places",
    "propositions",
    "quantities",
    "quotes",
    "reviews",
    "sources",
    "subjects",
    "texts",
    "timezones",
    "urls",
    "values",
    "vocabularies",
    "whens",
    "whens_in_words",
]
