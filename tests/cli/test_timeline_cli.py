"""`claims timeline`: when each claim was made and reported, in order."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import claims
from claims import ActorRef, Claim, Precision, Proposition, Text, When, analysis
from claims.cli import main

BAGHDAD = timezone(timedelta(hours=3))


def _with_extra(seed: claims.Dossier, path: Path) -> Path:
    """The seed with an hour-precise claim and an undated one, written to `path`."""
    d = claims.Dossier(seed.records())
    made = When(datetime(2024, 1, 4, 14, tzinfo=BAGHDAD), Precision.HOUR)
    d.add(Claim("pmf-hour", "pmf", Proposition(ActorRef("pmf"), "said", Text("x")), made=made))
    d.add(Claim("pmf-undated", "pmf", Proposition(ActorRef("pmf"), "said", Text("y"))))
    claims.dump(d, path)
    return path


def test_one_line_per_moment_in_order_with_its_precision(
    seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_extra(seed, tmp_path / "d.json")
    assert main(["timeline", str(path)]) == 0
    *lines, total = capsys.readouterr().out.splitlines()
    moments = analysis.timeline(claims.load(path))
    assert len(lines) == len(moments)
    for line, moment in zip(lines, moments, strict=True):
        assert line.startswith(str(moment.when))
        assert f" {moment.when.precision.value} " in line
        assert f" {moment.kind.value} " in line
        assert line.endswith(f"[{moment.claim}]")
    assert lines[0].startswith("2024-01-04T14+03:00 ")  # the hour before the days that hold it
    assert " hour " in lines[0]
    assert total == "42 claims dated, 1 claim with no time made or reported"


def test_json_is_the_analysis_timeline_and_the_undated_ids(
    seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_extra(seed, tmp_path / "d.json")
    assert main(["timeline", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    moments = analysis.timeline(claims.load(path))
    assert [(m["claim"], m["kind"], m["actor"], m["when"]) for m in data["moments"]] == [
        (m.claim, m.kind.value, m.actor, str(m.when)) for m in moments
    ]
    assert data["moments"][0]["precision"] == "hour"
    assert data["moments"][0]["start"] == "2024-01-04T14:00:00+03:00"
    assert data["undated"] == ["pmf-undated"]


def test_filters_by_claimant_and_subject_by_id_or_name(
    seed_path: Path, seed: claims.Dossier, capsys: pytest.CaptureFixture[str]
) -> None:
    reuters = {c.id for c in seed.claims_by("reuters")}
    for name in ("reuters", "Reuters"):
        assert main(["timeline", str(seed_path), "--claimant", name, "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert {m["claim"] for m in data["moments"]} == reuters
    about = {c.id for c in seed.claims_about("strike")}
    assert main(["timeline", str(seed_path), "--subject", "strike", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {m["claim"] for m in data["moments"]} == about
    assert main(["timeline", str(seed_path), "--claimant", "nobody"]) == 0
    assert capsys.readouterr().out == "0 claims dated, 0 claims with no time made or reported\n"


def test_a_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err
