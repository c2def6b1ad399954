"""`dump` is atomic and `load` reports file problems as ClaimsErrors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import claims
from claims import Actor, Dossier, StorageError


def test_dump_then_load(tmp_path: Path) -> None:
    d = Dossier([Actor("a", "A")])
    claims.dump(d, tmp_path / "d.json")
    assert claims.load(tmp_path / "d.json") == d
    assert claims.load(str(tmp_path / "d.json")) == d


def test_a_failed_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "d.json"
    claims.dump(Dossier([Actor("a", "A")]), path)
    old = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(StorageError, match="No space left") as info:
        claims.dump(Dossier([Actor("b", "B")]), path)
    assert isinstance(info.value, OSError)
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]  # no temporary file left


def test_an_unencodable_dossier_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    claims.dump(Dossier([Actor("a", "A")]), path)
    old = path.read_bytes()
    with pytest.raises(claims.ClaimsError, match="cannot write"):
        claims.dump(Dossier([Actor("b", "lone surrogate \ud800")]), path)
    assert path.read_bytes() == old


def test_dump_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text("{}")
    path.chmod(0o640)
    claims.dump(Dossier(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot write"):
        claims.dump(Dossier(), tmp_path / "nope" / "d.json")


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot read") as info:
        claims.load(tmp_path / "absent.json")
    assert info.value.errno == errno.ENOENT
    assert isinstance(info.value, OSError)
