"""claims.sql.write on Spark (local mode): the part files hold the answer Spark returns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import parquet
from claims import sql as csql
from claims.cli import main
from sql_support import batched, crowded, expected_contradictions, rows, same_content
from support import SEED

pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def spark() -> Any:
    """One local Spark session for the module."""
    return csql.local_session()


@settings(max_examples=1)
@given(ds=st.lists(crowded(), min_size=5, max_size=5))
def test_every_answer_written_by_spark_is_the_answer_it_returns(
    spark: Any, tmp_path_factory: pytest.TempPathFactory, ds: list[claims.Dossier]
) -> None:
    """Five generated dossiers in one batch (Spark's cost is per query)."""
    tables = batched(ds)
    out = tmp_path_factory.mktemp("answers")
    for name, question in csql.QUESTIONS.items():
        answer = question(tables, engine="spark", session=spark)
        path = out / f"{name}.parquet"
        assert csql.write(name, tables, path, engine="spark", session=spark) == answer.num_rows
        assert path.is_dir()
        same_content(pq.read_table(path), answer)


def test_the_command_writes_parquet_on_spark(spark: Any, tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    out = tmp_path / "pairs.parquet"
    out.write_bytes(b"replaced")
    argv = ["analyze", str(tmp_path / "pq"), "--question", "contradictions", "--engine", "spark"]
    assert main([*argv, "-o", str(out)]) == 0
    assert rows(pq.read_table(out)) == expected_contradictions(seed)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.parquet", "pq"]
