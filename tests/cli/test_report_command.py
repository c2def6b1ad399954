"""``claims report``: width, filters, sections, limits and formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import claims
import claims.views
from claims import Claim, EventRef, Proposition, Quantity, When
from claims.cli import main, render_report
from support import SEED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", str(SEED), *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("width", ["0", "-3", "19", "wide"])
def test_an_unusable_width_is_a_usage_error_not_a_traceback(
    width: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", str(SEED), "--width", width])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --width:" in err
    assert "Traceback" not in err


def test_the_library_refuses_an_unusable_width_too() -> None:
    with pytest.raises(claims.views.ReportError, match="at least 20 columns"):
        claims.views.report(claims.load(SEED), width=0)


def test_the_width_follows_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    lines = run(capsys).splitlines()
    assert max(map(len, lines)) <= 50
    assert max(map(len, run(capsys, "--width", "120").splitlines())) > 80


def test_a_claimant_by_name_or_id_keeps_their_claims_and_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    by_name = run(capsys, "--claimant", "Reuters", "--ids")
    assert by_name == run(capsys, "--claimant", "reuters", "--ids")
    assert "Showing 2 of 41 claims: claimant Reuters" in by_name
    who = by_name[by_name.index("WHO CLAIMED WHAT") :]
    assert "id: reuters-killed" in who
    assert "id: reuters-wounded" in who
    assert who.count("id: ") == 2
    # The known unknown the figures stand beside is a finding about them.
    assert "[aj-casualties-unclear]" in by_name
    assert "made no comment" not in by_name


def test_a_government_includes_its_parts(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--claimant", "iraq-gov", "--section", "claims", "--ids")
    ids = {line.split("id: ")[1] for line in out.splitlines() if "id: " in line}
    d = claims.load(SEED)
    assert ids == {c.id for c in d.claims_by("iraq-gov", include_parts=True)}
    assert "Iraqi Ministry of Foreign Affairs (government body; part of Government of Iraq" in out


def test_subject_and_event_filters(capsys: pytest.CaptureFixture[str]) -> None:
    d = claims.load(SEED)
    about = {
        c.id
        for c in d.claims.values()
        if EventRef("strike") in (c.proposition.subject, c.proposition.object)
    }
    out = run(capsys, "--event", "strike", "--section", "claims", "--ids", "--limit", "0")
    assert {line.split("id: ")[1] for line in out.splitlines() if "id: " in line} == about
    by_subject = run(
        capsys, "--subject", "the drone strike on the PMF headquarters in Baghdad", "--ids"
    )
    subject_ids = {c.id for c in d.claims.values() if c.proposition.subject == EventRef("strike")}
    who = by_subject[by_subject.index("WHO CLAIMED WHAT") :]
    assert {line.split("id: ")[1] for line in who.splitlines() if "id: " in line} == subject_ids


def test_since_keeps_claims_made_at_or_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = claims.load(SEED)
    d.add(
        Claim(
            "later",
            "reuters",
            Proposition(EventRef("strike"), "casualties", Quantity(5, unit="killed")),
            made=When.day(2024, 1, 6),
        )
    )
    path = tmp_path / "later.json"
    claims.dump(d, path)
    assert main(["report", str(path), "--since", "2024-01-05", "--ids"]) == 0
    out = capsys.readouterr().out
    assert "Showing 1 of 42 claims: made since 2024-01-05T00:00:00" in out
    assert out.count("id: ") == 1
    assert "id: later" in out
    assert main(["report", str(path), "--since", "2024-01-04", "--section", "summary"]) == 0
    assert "Showing 42 of 42 claims" in capsys.readouterr().out


def test_unknown_names_and_times_are_clean_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for args, message in [
        (["--claimant", "nobody\x1b"], "no actor 'nobody\\x1b'"),
        (["--event", "party"], "no event 'party'"),
        (["--subject", "nothing"], "no subject 'nothing'"),
        (["--since", "Thursday"], "since 'Thursday': expected an ISO date"),
    ]:
        assert main(["report", str(SEED), *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("claims report: ")
        assert message in err
        assert "\x1b" not in err


def test_sections_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--section", "silences", "--section", "summary")
    titles = [line for line in out.splitlines() if line.isupper() and len(line) > 3]
    assert titles == ["SUMMARY", "SILENCES AND UNANSWERED ACCUSATIONS"]


def test_plurals(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--width", "200")
    assert "23 actors, 1 source, 7 events, 41 claims, 4 links" in out
    assert "\n1 source:\n" in out
    assert "Al-Nujaba TV (media outlet; affiliated with Popular Mobilisation Forces" in out
    assert "1 claim)" in out
    assert not re.search(r"(?<![\d,])1 (sources|claims|events|links)\b", out)


def test_the_limit_says_how_to_see_more(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--limit", "3", "--section", "claims", "--ids")
    assert out.count("id: ") == 3
    assert "… 9 more claims by 6 more claimants" in out
    assert "To see them all: --limit 0; one claimant's: --claimant NAME" in out
    everything = run(capsys, "--limit", "0", "--section", "claims", "--ids")
    assert everything.count("id: ") == 41
    assert "use --limit" not in everything


def test_json_has_the_same_sections_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--format", "json"))
    assert list(data["sections"]) == list(claims.views.REPORT_SECTIONS)
    assert data["counts"]["claims"] == 41
    silences = data["sections"]["silences"]["items"]
    # "carried out" accuses in the default vocabulary.
    assert [s["actor"] for s in silences] == [
        "us-officials",
        "coalition",
        "us",
        "iran-aligned-fighters",
    ]
    verdicts = data["sections"]["corroboration"]["items"]
    # The target is supported in part (the footage says what was hit, not whom
    # it targeted): a verdict of its own, showing that support.
    assert sorted(v["claims"] for v in verdicts) == [
        ["aj-strike-targeted-pmf"],
        ["gov-blames-coalition", "pmo-coalition-responsible"],
        ["pmo-aggression", "mofa-aggression"],
    ]
    [partly] = [p for v in verdicts for p in v["partial"]]
    assert (partly["claim"], partly["supports"]) == ("nujaba-footage", "aj-strike-targeted-pmf")
    assert partly["words"] == (
        "also supported, in part, by Al-Nujaba TV: not counted (says hit, not targeted)"
    )
    reuters = json.loads(
        run(capsys, "--format", "json", "--claimant", "Reuters", "--section", "claims")
    )
    assert list(reuters["sections"]) == ["claims"]
    assert reuters["filters"]["claimants"] == ["reuters"]
    [who] = reuters["sections"]["claims"]["claimants"]
    killed = who["claims"][0]
    assert killed["id"] == "reuters-killed"
    assert killed["quotes"][0] == {
        "source": "aj-article",
        "exact": "four PMF members were killed",
        "start": 960,
        "end": 988,
    }
    assert killed["assessment"]["reliability"] == "B"
    assert killed["assessment"]["credibility"] == 3


def test_markdown_honours_the_filters(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--format", "markdown", "--claimant", "reuters")
    assert "### Reuters (2 claims)" in out
    assert "### Office of Prime Minister" not in out


def test_render_report_still_works_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="claims.views.report"):
        text = render_report(claims.load(SEED), width=60)
    assert text == claims.views.report(claims.load(SEED), width=60)
