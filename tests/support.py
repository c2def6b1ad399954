"""Shared by the round-trip, strictness and fast-path tests."""

from __future__ import annotations

import copy
import pathlib
from collections.abc import Iterator
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

import claims

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"
"""``seeds/``: the seed dossier and its article, for tests that need them at import time."""

SEED = SEEDS / "baghdad-drone-strike.json"
"""The seed dossier."""

DATA = pathlib.Path(__file__).resolve().parent / "data"
"""``tests/data``: vendored schemas, taxonomies and old documents.

For the few tests that need it at import time (to parametrize, or to build a
schema registry once); the others take the ``data_dir`` fixture.
"""

Path = tuple[str | int, ...]
"""A place in a JSON document: keys and list indexes from the top."""

RECORD_TYPES: list[type[Any]] = [
    claims.Actor,
    claims.Source,
    claims.Event,
    claims.Claim,
    claims.Link,
    claims.Quote,
    claims.Hop,
    claims.Proposition,
    claims.Quantity,
    claims.When,
    claims.Assessment,
]
"""Every record type with a registered Hypothesis strategy."""

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value: what a malformed document may hold anywhere."""


def nodes(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every node of a JSON value with its path, the top included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from nodes(v, (*path, i))


def set_at(doc: Any, path: Path, value: Any) -> Any:
    """A copy of `doc` with `value` at `path`."""
    doc = copy.deepcopy(doc)
    target = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return doc


def examples(n: int) -> int:
    """`n` under the default profile, scaled as the loaded profile scales its examples.

    For ``@settings(max_examples=examples(1000))``: a count written in the
    test would otherwise stay fixed whatever the profile.
    """
    scale = settings.default.max_examples / settings.get_profile("default").max_examples
    return max(1, round(n * scale))
