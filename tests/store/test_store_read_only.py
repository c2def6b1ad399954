"""Reading a store writes nothing: read-only opening, and the reading commands.

`claims validate` used to create the store's tables in an empty SQLite file
(and call it valid), and to switch any other SQLite file to WAL before
rejecting it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

import claims
from claims import StoreError, store
from claims.cli import main
from support import SEED


def fingerprint(directory: Path) -> dict[str, str]:
    """Each file of `directory` by name, with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}


def empty_sqlite(path: Path) -> Path:
    """An SQLite file with a header and no tables."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.execute("DROP TABLE t")
    db.commit()
    db.close()
    return path


def foreign_sqlite(path: Path) -> Path:
    """Another program's SQLite file, in its default (rollback) journal mode."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    db.execute("INSERT INTO notes (text) VALUES ('kept as it is')")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (empty_sqlite, "is an empty SQLite file, not a claims store"),
        (foreign_sqlite, "is an SQLite file but not a claims store"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["report"],
        ["graph"],
        ["export", "--to", "stix"],
        ["analyze", "--question", "contradictions"],
    ],
)
def test_reading_commands_leave_other_sqlite_files_untouched(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: object,
    message: str,
    command: list[str],
) -> None:
    assert callable(make)
    path = make(tmp_path / "other.db")
    before = fingerprint(tmp_path)
    assert main([*command, str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert f"{path}: {path}" not in err  # the file named once, not once per layer
    assert fingerprint(tmp_path) == before  # same bytes, no -wal, -shm or -journal
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


def test_validate_on_a_store_says_valid_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.db"
    with store.open(path) as s:
        s.extend(claims.load(SEED).records())
    before = path.read_bytes()
    assert main(["validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    assert path.read_bytes() == before
    assert main(["report", str(path)]) == 0
    assert main(["export", str(path), str(tmp_path / "out.json")]) == 0
    assert path.read_bytes() == before
    assert claims.load(tmp_path / "out.json") == claims.load(SEED)
    # SQLite may leave the (empty) write-ahead log a reader needs; nothing is in it.
    wal = tmp_path / "s.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_read_only_store_reads_and_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    seed = claims.load(SEED)
    with store.open(path) as s:
        s.extend(seed.records())
    with store.open(path, read_only=True) as s:
        assert s.read_only
        assert s.dossier() == seed
        assert s.claims_by("reuters") == seed.claims_by("reuters")
        with pytest.raises(StoreError, match="read-only"):
            s.add(claims.Actor("new", "New"))
        assert len(s) == len(seed)


def test_a_missing_store_is_not_created_by_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        store.open(tmp_path / "missing.db", read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_store_of_an_older_schema_version_is_upgraded_as_read(
    tmp_path: Path,
) -> None:
    none_claimed = claims.Claim(
        "none-claimed",
        "reuters",
        claims.Proposition(claims.EventRef("strike"), "claimed_by", claims.NoValue("none has")),
    )
    seed = claims.Dossier([*claims.load(SEED).records(), none_claimed])
    path = tmp_path / "old.db"
    with store.open(path) as s:
        s.extend(seed.records())
    db = sqlite3.connect(path)  # as the release before wrote it: version 1 tagged "none"
    db.execute('UPDATE claims SET json = replace(json, \'"type":"no_value"\', \'"type":"none"\')')
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    before = path.read_bytes()
    with store.open(path, read_only=True) as s:
        assert s.dossier() == seed
        assert s.claim("none-claimed") == none_claimed
        assert s.claims_about("strike") == seed.claims_about("strike")
    assert path.read_bytes() == before


# --------------------------------------------------------------------------
# Locks and open iterations


def test_a_lock_held_past_the_timeout_is_a_store_error_saying_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        with store.open(path, timeout=0.05) as s:
            with pytest.raises(StoreError) as info:
                s.add(claims.Actor("a", "A"))
            assert len(s) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    message = str(info.value)
    assert message.startswith(f"{path}: cannot write: ")
    assert "locked" in message
    assert "try again" in message
    assert "timeout" in message
    assert isinstance(info.value, claims.ClaimsError)
    with store.open(path) as s:  # and once the lock is gone, the write goes through
        s.add(claims.Actor("a", "A"))
        assert len(s) == 1


def test_writing_while_an_iteration_of_records_is_open(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
        records = s.records()
        first = next(records)
        s.add(claims.Actor("late", "Arrived during the iteration"))
        s.add(claims.Actor("later", "Arrived during the iteration too"))
        seen = [first, *records]
        # The iteration read the records as they were when it began.
        assert seen == list(seed.records())
        assert s.actor("late").name == "Arrived during the iteration"
        assert len(s) == len(seed) + 2


def test_closing_the_store_ends_its_open_iterations(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
        records = s.records()
        next(records)
    assert list(records) == []
