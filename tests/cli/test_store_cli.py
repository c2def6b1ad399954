"""The command line with stores: report, validate, import, export (JSON and Parquet)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb
import pytest

import claims
from claims import store
from claims.cli import main


def test_import_then_report_and_validate_a_store(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "claims.db"
    assert main(["import", str(db), str(seed_path), "--progress"]) == 0
    out, err = capsys.readouterr()
    assert "76 records added" in out
    assert "100% 76/76" in err
    assert main(["validate", str(db)]) == 0
    assert "valid (23 actors, 1 source, 7 events, 41 claims, 4 links)" in capsys.readouterr().out
    assert main(["report", str(db)]) == 0
    from_store = capsys.readouterr().out
    assert main(["report", str(seed_path)]) == 0
    assert from_store == capsys.readouterr().out


def test_importing_twice_fails_whole_and_says_why(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "claims.db"
    assert main(["import", str(db), str(seed_path), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["import", str(db), str(seed_path)]) == 1
    err = capsys.readouterr().err
    assert "actor id 'reuters' is already taken" in err
    with store.open(db) as s:
        assert s.counts()["claims"] == 41


def test_export_a_store_as_json_and_parquet(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "claims.db"
    main(["import", str(db), str(seed_path)])
    assert main(["export", str(db), str(tmp_path / "out.json")]) == 0
    assert claims.load(tmp_path / "out.json") == claims.load(seed_path)
    assert main(["export", str(db), str(tmp_path / "pq"), "--format", "parquet"]) == 0
    rows = duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/pq/claims.parquet'").fetchall()
    assert rows == [(41,)]
    capsys.readouterr()


def test_a_broken_store_is_reported_not_raised(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "claims.db"
    main(["import", str(db), str(seed_path)])
    con = sqlite3.connect(db)
    con.execute("DELETE FROM actors WHERE id = 'reuters'")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["validate", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not a valid claims document" in err
    assert "'reuters' is not a known actor" in err
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    assert main(["report", str(other)]) == 1
    assert "not a claims store" in capsys.readouterr().err
