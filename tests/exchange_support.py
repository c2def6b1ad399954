"""Mutated documents for the exchange formats' importers, and what their exports leave out."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

import claims

JUNK = st.sampled_from([None, 1, -1, "x", "", [], {}, [1], {"a": 1}, True, 1.5, "2024-13-45"])


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*path, i))


@st.composite
def mutations(draw: st.DrawFn, document: Any, junk: st.SearchStrategy[Any] = JUNK) -> Any:
    """`document` with one to three values replaced by `junk` or removed."""
    mutated = copy.deepcopy(document)
    paths = list(_paths(mutated))[1:]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent = mutated
        try:
            for key in path[:-1]:
                parent = parent[key]
            if isinstance(parent, dict) and draw(st.booleans()):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(junk)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the way there
    return mutated


def without_reviews(dossier: claims.Dossier) -> claims.Dossier:
    """`dossier` without its reviews: what a STIX or MISP export carries."""
    return claims.Dossier(r for r in dossier.records() if not isinstance(r, claims.Review))


def named_reviews(left_out: tuple[str, ...]) -> list[str]:
    """The reviews a report of what was left out names (``review 'r'``)."""
    return [line.split(": ", 1)[0] for line in left_out]
