"""claims.sql.write: the engine writes the answer to Parquet, the same as it returns it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import claims
from claims import parquet
from claims import sql as csql
from claims.cli import main
from claims.exceptions import ClaimsError
from sql_support import (
    by_claim,
    crowded,
    expected_contradictions,
    expected_corroborations,
    rows,
    same_content,
)
from support import SEED


@pytest.mark.engines
@settings(max_examples=25)
@given(crowded())
def test_every_answer_written_by_duckdb_is_the_answer_it_returns(d: claims.Dossier) -> None:
    tables = parquet.tables(d)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, question in csql.QUESTIONS.items():
            path = out / f"{name}.parquet"
            answer = question(tables)
            assert csql.write(name, tables, path) == answer.num_rows
            same_content(pq.read_table(path), answer)


def test_the_seed_written_from_an_export_with_options(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    out = tmp_path / "corroborations.parquet"
    assert csql.write("corroborations", tmp_path / "pq", out, include_inactive=True) == len(
        seed.claims
    )
    answer = csql.corroborations(tmp_path / "pq", include_inactive=True)
    same_content(pq.read_table(out), answer)
    assert pq.read_schema(out).field("count").type == pa.int64()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corroborations.parquet", "pq"]


def test_a_file_there_is_replaced_and_kept_when_the_question_fails(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    out = tmp_path / "answer.parquet"
    out.write_bytes(b"before")
    with pytest.raises(ClaimsError, match="not a Parquet export"):
        csql.write("contradictions", tmp_path / "nothing", out)
    with pytest.raises(ClaimsError, match="unknown question 'gossip'"):
        csql.write("gossip", tmp_path / "pq", out)
    assert out.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answer.parquet", "pq"]
    csql.write("contradictions", tmp_path / "pq", out)
    assert rows(pq.read_table(out)) == expected_contradictions(seed)


def test_an_output_in_no_directory_is_refused(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    with pytest.raises(ClaimsError, match="no directory"):
        csql.write("current", tmp_path, tmp_path / "missing" / "current.parquet")


def test_the_command_has_the_engine_write_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    out = tmp_path / "c.parquet"
    argv = ["analyze", str(tmp_path / "pq"), "--question", "corroborations", "-o", str(out)]
    assert main(argv) == 0
    assert "corroborations: 41 rows in" in capsys.readouterr().err
    same_content(pq.read_table(out), csql.corroborations(tmp_path / "pq"))
    found = by_claim(pq.read_table(out))
    assert found == expected_corroborations(seed)


def test_the_command_writes_parquet_from_a_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pairs.parquet"
    assert main(["analyze", str(SEED), "--question", "contradictions", "-o", str(out)]) == 0
    assert rows(pq.read_table(out)) == expected_contradictions(claims.load(SEED))
    assert "contradictions: 0 rows in" in capsys.readouterr().err


def test_the_command_reports_an_output_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    out = tmp_path / "no" / "c.parquet"
    assert main(["analyze", str(tmp_path), "--question", "current", "-o", str(out)]) == 1
    assert "no directory" in capsys.readouterr().err


def test_a_lent_connection_keeps_its_settings_when_written_from(tmp_path: Path) -> None:
    import duckdb

    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    con = duckdb.connect(config={"preserve_insertion_order": False, "threads": 1})
    out = tmp_path / "timeline.parquet"
    assert csql.write("timeline", tmp_path / "pq", out, session=con) == 49
    same_content(pq.read_table(out), csql.timeline(tmp_path / "pq"))
    setting = "SELECT current_setting('preserve_insertion_order'), current_setting('threads')"
    assert con.sql(setting).fetchall() == [(False, 1)]
