"""claims.sql groups claims by a hash of what they say, and answers exactly when hashes collide."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import parquet
from claims import sql as csql
from sql_support import (
    by_claim,
    check_batch,
    crowded,
    expected_contradictions,
    expected_corroborations,
    expected_silences,
    expected_uncertainties,
    rows,
)
from support import SEED


@contextlib.contextmanager
def hashes(*, colliding: bool) -> Iterator[list[bool]]:
    """Within this block, every hash is alike if `colliding`; yields a record of exact groupings.

    Each time the questions fall back to grouping by the columns themselves
    (`Run.exact_said`), a ``True`` is appended.
    """
    from claims.sql._queries import Run

    fallbacks: list[bool] = []
    exact = Run.exact_said

    def recorded(self: Run, *args: Any, **kwargs: Any) -> None:
        fallbacks.append(True)
        exact(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("claims.sql._queries.COLLIDING", colliding)
        patch.setattr("claims.sql._queries.Run.exact_said", recorded)
        yield fallbacks


def answers(tables: Any, **engine: Any) -> list[Any]:
    """The answers of the questions grouping claims by what they say."""
    return [
        rows(csql.contradictions(tables, **engine)),
        by_claim(csql.corroborations(tables, **engine)),
        rows(csql.silences(tables, **engine)),
        rows(csql.uncertainties(tables, **engine)),
    ]


def expected(d: claims.Dossier) -> list[Any]:
    return [
        expected_contradictions(d),
        expected_corroborations(d),
        expected_silences(d),
        expected_uncertainties(d),
    ]


def test_the_seed_answers_alike_when_every_hash_collides() -> None:
    seed = claims.load(SEED)
    tables = parquet.tables(seed)
    with hashes(colliding=False) as fallbacks:
        assert answers(tables) == expected(seed)
    assert fallbacks == []
    with hashes(colliding=True) as fallbacks:
        assert answers(tables) == expected(seed)
    # Each question found the collision and grouped exactly.
    assert fallbacks == [True] * 4


@settings(max_examples=20, deadline=None)
@given(st.lists(crowded(), min_size=1, max_size=3))
def test_generated_dossiers_answer_alike_when_every_hash_collides(
    ds: list[claims.Dossier],
) -> None:
    with hashes(colliding=True):
        check_batch(ds)


@pytest.fixture(scope="module")
def spark() -> Any:
    return csql.local_session()


@pytest.mark.engines
def test_the_seed_answers_alike_on_spark_when_every_hash_collides(
    spark: Any, tmp_path: Path
) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    with hashes(colliding=False) as fallbacks:
        assert answers(tmp_path, engine="spark", session=spark) == expected(seed)
    assert fallbacks == []
    with hashes(colliding=True) as fallbacks:
        assert answers(tmp_path, engine="spark", session=spark) == expected(seed)
    assert fallbacks == [True] * 4


@pytest.mark.engines
def test_the_hash_has_64_bits_and_tells_where_a_null_is(spark: Any) -> None:
    """Spark's own ``hash`` has 32 bits and skips nulls: (5, NULL) and (NULL, 5) would collide.

    Values equal but for their bits (``0.0`` and ``-0.0``) must hash alike:
    the check finds claims wrongly grouped together, not those kept apart.
    """
    from claims.sql._engines import DuckDB, Spark
    from claims.sql._queries import key

    five, null, one = "CAST(5 AS DOUBLE)", "CAST(NULL AS DOUBLE)", "CAST(1 AS BIGINT)"
    zero = "CAST(0.0 AS DOUBLE)"  # equal to -0.0, so hashed alike
    query = f"""
        SELECT {key([five, null])} = {key([null, five])} AS alike,
            {key([one])} > 2147483647 OR {key([one])} < -2147483648 AS wide,
            {key([zero])} = {key(["-" + zero])} AS zeros
    """
    for engine in (DuckDB({}), Spark({}, spark)):
        try:
            assert engine.lookup(query).to_pylist() == [
                {"alike": False, "wide": True, "zeros": True}
            ]
        finally:
            engine.close()
