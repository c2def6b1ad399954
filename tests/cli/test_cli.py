"""The `claims` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import claims
from claims.cli import main


def test_report_shows_who_claimed_what(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(seed_path), "--ids", "--width", "80"]) == 0
    out = capsys.readouterr().out
    d = claims.load(seed_path)
    for actor_id in {c.claimant for c in d.claims.values()}:
        assert d.actor(actor_id).name in out
    assert "via Al Jazeera (said in a statement)" in out
    assert "- made no comment on US-led international coalition" in out
    assert "unknown (not immediately clear)" in out
    assert (
        "assessed: B3 (source usually reliable, information possibly true), likely,\n"
        "      moderate confidence" in out
    )
    for claim_id in d.claims:
        assert f"id: {claim_id}" in out


def test_report_without_ids_or_offsets_shows_neither(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(seed_path)]) == 0
    plain = capsys.readouterr().out
    assert "id: " not in plain
    assert "[aj-article " not in plain
    assert main(["report", str(seed_path), "--offsets"]) == 0
    assert "“four PMF members were killed” [aj-article 960–988]" in capsys.readouterr().out


def test_report_fits_80_columns(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", str(seed_path), "--width", "80"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80


def test_report_of_an_invalid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "actors": [{"id": 1, "name": "x"}]}')
    assert main(["report", str(bad)]) == 1
    assert "actors[0].id: must be a string" in capsys.readouterr().err


def test_validate_valid(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(seed_path)]) == 0
    assert "valid" in capsys.readouterr().out


def test_validate_lists_every_error_with_its_path(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = seed_path.read_text().replace('"B"', '"G"').replace('"C"', '"H"')
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert ".assessment.reliability: 'G' is not one of" in err
    assert ".assessment.reliability: 'H' is not one of" in err
    # Once the structure is sound, the references are checked, all of them too.
    bad.write_text(seed_path.read_text().replace('"id": "reuters"', '"id": "reuterz"', 1))
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "claims[9].claimant: 'reuters' is not a known actor" in err
    assert "claims[10].claimant: 'reuters' is not a known actor" in err


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "absent.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


@pytest.mark.parametrize(
    "command", [[sys.executable, "-m", "claims"], [str(Path(sys.executable).parent / "claims")]]
)
def test_runs_as_a_program(seed_path: Path, command: list[str]) -> None:
    done = subprocess.run(
        [*command, "validate", str(seed_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib import metadata

    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out == f"claims {metadata.version('claims')}\n"


def test_counts_of_one_are_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.json"
    claims.dump(claims.Dossier([claims.Actor("a", "A")]), one)
    assert main(["validate", str(one)]) == 0
    assert capsys.readouterr().out == (
        f"{one}: valid (1 actor, 0 sources, 0 events, 0 claims, 0 links)\n"
    )
