"""claims.sql on Spark (local mode) gives exactly the in-memory answers too."""

from __future__ import annotations

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
    expected_current,
    expected_silences,
    expected_timeline,
    expected_uncertainties,
    older_export,
    rows,
)
from support import SEED

pytestmark = pytest.mark.engines


@pytest.fixture(scope="session")
def spark() -> Any:
    """One local Spark session for every test that needs it."""
    return csql.local_session()


def test_the_seed_on_spark(spark: Any, tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    found = csql.contradictions(tmp_path, engine="spark", session=spark)
    assert rows(found) == expected_contradictions(seed)
    found = csql.corroborations(tmp_path, engine="spark", session=spark)
    assert by_claim(found) == expected_corroborations(seed)
    for question, expected in [
        (csql.silences, expected_silences),
        (csql.current, expected_current),
        (csql.uncertainties, expected_uncertainties),
        (csql.timeline, expected_timeline),
    ]:
        assert rows(question(tmp_path, engine="spark", session=spark)) == expected(seed)


@settings(max_examples=4)
@given(ds=st.lists(crowded(), min_size=5, max_size=5))
def test_spark_answers_as_the_dossier_does(spark: Any, ds: list[claims.Dossier]) -> None:
    """Every question on 20 generated dossiers, five to a batch (Spark's cost is per query)."""
    check_batch(ds, engine="spark", session=spark)


def test_arrow_tables_with_empty_batches_lose_no_rows(spark: Any) -> None:
    import pyarrow as pa

    seed = claims.load(SEED)
    tables = parquet.tables(seed)
    rows_ = tables["claims"]
    tables["claims"] = pa.concat_tables([rows_.slice(0, 10), rows_.slice(0, 0), rows_.slice(10)])
    found = csql.corroborations(tables, engine="spark", session=spark)
    assert by_claim(found) == expected_corroborations(seed)
    # One slice alone (its columns have an offset) loses nothing either.
    claims_ = tables["claims"] = rows_.slice(10)
    found = csql.corroborations(tables, engine="spark", session=spark)
    kept = set(claims_.column("id").to_pylist())
    assert set(by_claim(found)) == kept


def test_without_java_the_error_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", "")
    with pytest.raises(claims.ClaimsError, match="Spark needs Java 17"):
        csql.check_java()


def test_an_older_export_on_spark(spark: Any, tmp_path: Path) -> None:
    """Columns an older export lacks are read as nulls on Spark too."""
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "now")
    older_export(tmp_path / "now", tmp_path / "old")
    found = csql.contradictions(tmp_path / "old", engine="spark", session=spark)
    assert rows(found) == expected_contradictions(seed)
    found = csql.corroborations(tmp_path / "old", engine="spark", session=spark)
    assert by_claim(found) == expected_corroborations(seed)
