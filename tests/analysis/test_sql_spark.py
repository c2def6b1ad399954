"""claims.sql on Spark (local mode) gives exactly the in-memory answers too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import claims
from claims import parquet
from claims import sql as csql
from sql_support import (
    by_claim,
    crowded,
    expected_contradictions,
    expected_corroborations,
    expected_current,
    expected_silences,
    expected_timeline,
    expected_uncertainties,
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


@settings(max_examples=20)
@given(d=crowded())
def test_spark_answers_as_the_dossier_does(spark: Any, d: claims.Dossier) -> None:
    tables = parquet.tables(d)
    found = csql.contradictions(tables, engine="spark", session=spark)
    assert rows(found) == expected_contradictions(d)
    found = csql.corroborations(tables, engine="spark", session=spark)
    assert by_claim(found) == expected_corroborations(d)


def test_without_java_the_error_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", "")
    with pytest.raises(claims.ClaimsError, match="Spark needs Java 17"):
        csql.check_java()
