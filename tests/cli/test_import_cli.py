"""`claims import`: nothing made or changed when it fails; `--update`; `--from stix`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import attrs
import pytest

import claims
from claims import Actor, Link, LinkKind, store
from claims.cli import main


def _snapshot(db: Path) -> tuple[str, int]:
    """The store's records as JSON, and how many batches it has recorded."""
    con = sqlite3.connect(db)
    try:
        batches: int = con.execute("SELECT count(*) FROM batches").fetchone()[0]
    finally:
        con.close()
    with store.open(db, create=False) as s:
        return claims.dumps(s.dossier()), batches


def _bad(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "actors": [{"id": 1, "name": "x"}]}')
    return bad


def _clash(seed: claims.Dossier, tmp_path: Path) -> Path:
    """A valid document whose actor 'reuters' clashes with the seed's."""
    other = tmp_path / "other.json"
    claims.dump(claims.Dossier([Actor("zz-new", "New"), Actor("reuters", "Not Reuters")]), other)
    return other


@pytest.mark.parametrize("failing", ["unreadable", "clash", "missing"])
def test_a_failed_import_into_a_new_store_leaves_no_file(
    failing: str,
    seed_path: Path,
    seed: claims.Dossier,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "new.db"
    second = {
        "unreadable": _bad(tmp_path),
        "clash": _clash(seed, tmp_path),
        "missing": tmp_path / "missing.json",
    }[failing]
    assert main(["import", str(db), str(seed_path), str(second)]) == 1
    assert capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("new.db")) == []


@pytest.mark.parametrize("failing", ["unreadable", "clash"])
def test_a_failed_import_into_a_store_leaves_it_as_it_was(
    failing: str,
    seed_path: Path,
    seed: claims.Dossier,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "s.db"
    assert main(["import", str(db), str(seed_path)]) == 0
    with store.open(db) as s:
        s.add(Link(LinkKind.SUPERSEDES, "reuters-wounded", "reuters-killed"))
    before = _snapshot(db)
    bad = _bad(tmp_path) if failing == "unreadable" else _clash(seed, tmp_path)
    assert main(["import", str(db), str(bad)]) == 1
    if failing == "clash":
        assert (
            "actor 'reuters'.id: actor id 'reuters' is already taken\n" in capsys.readouterr().err
        )
        # an update may not move one end of a stored supersession to another claimant
        old = seed.claim("reuters-killed")
        moved = attrs.evolve(old, claimant="al-jazeera")
        bad = tmp_path / "moved.json"
        claims.dump(claims.Dossier(moved if r == old else r for r in seed.records()), bad)
    assert main(["import", "--update", str(db), str(bad)]) == 1
    if failing == "clash":
        assert "both must stay claims of one claimant" in capsys.readouterr().err
    assert _snapshot(db) == before


def test_several_files_land_together_or_not_at_all(
    seed_path: Path, seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    first = tmp_path / "first.json"
    claims.dump(claims.Dossier([Actor("zz-first", "First")]), first)
    assert main(["import", str(db), str(first)]) == 0
    before = _snapshot(db)
    # the second file is good alone, but clashes with the first in the store
    second = tmp_path / "second.json"
    claims.dump(claims.Dossier([Actor("zz-second", "Second"), Actor("zz-first", "Again")]), second)
    assert main(["import", str(db), str(seed_path), str(second)]) == 1
    assert "actor id 'zz-first' is already taken" in capsys.readouterr().err
    assert _snapshot(db) == before
    assert main(["import", str(db), str(seed_path), str(tmp_path / "first.json")]) == 1
    assert _snapshot(db) == before
    capsys.readouterr()
    more = tmp_path / "more.json"
    claims.dump(claims.Dossier([Actor("zz-more", "More")]), more)
    assert main(["import", str(db), str(seed_path), str(more)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{seed_path}: 76 records added to {db}",
        f"{more}: 1 record added to {db}",
    ]
    assert _snapshot(db)[1] == before[1] + 2  # one batch per file


def test_a_failed_stix_import_leaves_no_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "report"}')
    assert main(["import", "--from", "stix", str(tmp_path / "s.db"), str(bad)]) == 1
    assert "is not a STIX bundle" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_import_a_stix_bundle_then_update_from_it(
    seed_path: Path, seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "seed.stix.json"
    assert main(["export", "--to", "stix", str(seed_path), str(bundle)]) == 0
    db = tmp_path / "s.db"
    assert main(["import", "--from", "stix", str(db), str(bundle)]) == 0
    assert f"{bundle}: 76 records added to {db}" in capsys.readouterr().out
    assert main(["import", "--from", "stix", "--update", str(db), str(bundle)]) == 0
    assert "0 records added, 0 updated, 76 unchanged" in capsys.readouterr().out
    with store.open(db) as s:
        assert s.dossier() == seed


def test_update_replaces_changed_records_skips_the_rest_and_keeps_the_old(
    seed_path: Path, seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    assert main(["import", str(db), str(seed_path)]) == 0
    assert main(["import", str(db), str(seed_path)]) == 1  # without --update: taken
    assert "actor id 'reuters' is already taken" in capsys.readouterr().err
    old = seed.claim("reuters-killed")
    revised = claims.Dossier(
        attrs.evolve(r, note="revised toll") if r == old else r for r in seed.records()
    )
    revised.add(Actor("zz-new", "Newcomer"))
    path = tmp_path / "revised.jsonl"
    claims.jsonl.dump_lines(revised, path)
    assert main(["import", "--update", str(db), str(path)]) == 0
    out = capsys.readouterr().out
    assert out == f"{path}: 1 record added, 1 updated, 75 unchanged to {db}\n"
    with store.open(db) as s:
        assert s.dossier() == revised
        [revision] = s.revisions("claim", "reuters-killed")
        assert revision.record == old
        assert revision.note == f"update {path}"


def test_import_from_json_lines_and_a_store(
    seed_path: Path, seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "seed.jsonl"
    claims.jsonl.dump_lines(seed, lines)
    assert main(["import", str(tmp_path / "a.db"), str(lines)]) == 0
    assert main(["import", str(tmp_path / "b.db"), str(tmp_path / "a.db")]) == 0
    capsys.readouterr()
    with store.open(tmp_path / "b.db") as s:
        assert s.dossier() == seed


def test_a_one_record_import_says_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "one.json"
    doc.write_text(json.dumps({"schema_version": 2, "actors": [{"id": "a", "name": "A"}]}))
    assert main(["import", str(tmp_path / "s.db"), str(doc)]) == 0
    assert capsys.readouterr().out == f"{doc}: 1 record added to {tmp_path / 's.db'}\n"
    assert main(["export", str(tmp_path / "s.db"), str(tmp_path / "out.json")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'out.json'}: 1 record written\n"
