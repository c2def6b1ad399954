"""The analysis sections of ``claims report``, on the seed dossier and a revised one."""

from __future__ import annotations

from pathlib import Path

import pytest

import claims
from claims import Claim, EventRef, Hop, Link, LinkKind, Proposition, Quantity
from claims.cli import main, render_report


def section(report: str, title: str) -> str:
    """The lines of one section: from its title to the next title."""
    lines = report.splitlines()
    start = lines.index(title)
    end = start + 2
    while end < len(lines) and not (
        lines[end].isupper() and end + 1 < len(lines) and lines[end + 1].startswith("===")
    ):
        end += 1
    return "\n".join(lines[start:end])


@pytest.fixture(scope="module")
def report(seed_path: Path) -> str:
    return render_report(claims.load(seed_path))


def test_casualty_figures_are_uncertainty_not_contradiction(report: str) -> None:
    assert "none: no two active claims are incompatible" in section(report, "CONTRADICTIONS")
    uncertainty = section(report, "UNCERTAINTY (not contradictions)")
    assert "aj-casualties-unclear" in uncertainty
    assert "reuters-killed" in uncertainty
    assert "reuters-wounded" in uncertainty


def test_government_statements_are_one_origin(report: str) -> None:
    text = section(report, "CORROBORATION (independent origins per claim)")
    block = text[text.index("- pmo-aggression:") :]
    assert block.startswith("- pmo-aggression: 1 independent origin")
    assert "not independent (part of): iraq-mofa is part of iraq-gov" in block


def test_nujaba_footage_is_tied_to_the_pmf(report: str) -> None:
    text = section(report, "CORROBORATION (independent origins per claim)")
    assert "tied to pmf, named in the claim: nujaba-tv is affiliated with pmf" in text


def test_us_officials_silence_and_the_unanswered_accusation(report: str) -> None:
    text = section(report, "SILENCES AND UNANSWERED ACCUSATIONS")
    assert "- US officials: no comment on: US-led international coalition" in text
    assert "- US-led international coalition: accused, no answer recorded" in text


def test_current_view_leaves_out_replaced_claims(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier = claims.load(seed_path)
    revised = Claim(
        "reuters-killed-revised",
        "reuters",
        Proposition(EventRef("strike"), "casualties", Quantity(5, unit="PMF members killed")),
        chain=(Hop("al-jazeera", "reported", source="aj-article"),),
    )
    dossier.extend([revised, Link(LinkKind.SUPERSEDES, revised.id, "reuters-killed")])
    path = tmp_path / "revised.json"
    claims.dump(dossier, path)

    assert main(["report", str(path), "--current"]) == 0
    current = capsys.readouterr().out
    replaced = section(current, "REPLACED (not in the current view)")
    assert "- reuters-killed: superseded by reuters-killed-revised" in replaced
    who = section(current, "WHO CLAIMED WHAT")
    assert "id: reuters-killed-revised" in who
    assert "id: reuters-killed\n" not in who + "\n"

    assert main(["report", str(path)]) == 0
    full = capsys.readouterr().out
    assert "superseded by reuters-killed-revised" in section(full, "WHO CLAIMED WHAT")
    assert "REPLACED (not in the current view)" not in full


def test_report_with_analysis_fits_80_columns(report: str) -> None:
    assert max(len(line) for line in report.splitlines()) <= 80
