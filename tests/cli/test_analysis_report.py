"""The findings of ``claims report``, on the seed dossier and a revised one."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import claims
import claims.views
from claims import Claim, EventRef, Hop, Link, LinkKind, Proposition, Quantity
from claims.cli import main


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
    return claims.views.report(claims.load(seed_path), ids=True)


@pytest.fixture(scope="module")
def stated(seed_path: Path) -> str:
    """The report of the seed where Al-Nujaba TV's footage states the target.

    In the seed the footage says the strike hit the headquarters, which does
    not state that it targeted the PMF: its ``supports`` link is partial.
    """
    seed = claims.load(seed_path)
    footage = seed.claim("nujaba-footage")
    target = seed.claim("aj-strike-targeted-pmf").proposition
    records = [attrs.evolve(r, proposition=target) if r is footage else r for r in seed.records()]
    return claims.views.report(claims.Dossier(records), ids=True)


def test_the_findings_come_before_who_claimed_what(report: str) -> None:
    titles = [line for line in report.splitlines() if line.isupper() and len(line) > 3]
    # The seed has no contradiction and nothing superseded: the summary says
    # so, and those sections are left out.
    assert titles == [
        "SUMMARY",
        "KNOWN UNKNOWNS (NOT CONTRADICTIONS)",
        "SILENCES AND UNANSWERED ACCUSATIONS",
        "CORROBORATION",
        "WHO CLAIMED WHAT",
    ]
    summary = " ".join(section(report, "SUMMARY").split())
    assert (
        "Findings: 1 known unknown, 4 silences or unanswered accusations, "
        "3 corroboration verdicts; no contradictions, no changes" in summary
    )


def test_an_empty_section_asked_for_says_so(seed_path: Path) -> None:
    asked = claims.views.report(claims.load(seed_path), sections=["contradictions", "changes"])
    assert "none: no two active claims are incompatible" in section(asked, "CONTRADICTIONS")
    assert "nothing superseded or retracted" in section(asked, "WHAT CHANGED")


def test_casualty_figures_are_uncertainty_not_contradiction(report: str) -> None:
    assert "CONTRADICTIONS" not in report.splitlines()
    uncertainty = section(report, "KNOWN UNKNOWNS (NOT CONTRADICTIONS)")
    assert "[aj-casualties-unclear]" in uncertainty
    assert "[reuters-killed]: 4 PMF members killed" in uncertainty
    assert "[reuters-wounded]: 6 PMF members wounded" in uncertainty


def test_government_statements_are_one_origin(report: str) -> None:
    text = section(report, "CORROBORATION")
    block = text[text.index("- US-led international coalition responsible") :]
    assert "1 independent origin among 2 claims" in " ".join(block.split())
    assert "not independent (part of): iraq-mofa is part of iraq-gov" in text
    assert "not independent (part of): iraq-pmo is part of iraq-gov" in text


def test_each_origin_is_printed_once(stated: str) -> None:
    text = section(stated, "CORROBORATION")
    assert text.count("origin Al Jazeera:") == 1
    assert text.count("origin Al-Nujaba TV:") == 1
    # Three verdicts, each set of backing claims once (not once per claim).
    assert text.count("independent origin") == 3


def test_nujaba_footage_is_tied_to_the_pmf(stated: str) -> None:
    text = " ".join(section(stated, "CORROBORATION").split())
    tie = "tied to Popular Mobilisation Forces, named in the claim: nujaba-tv is affiliated"
    assert tie in text


def test_us_officials_silence_and_the_unanswered_accusation(report: str) -> None:
    text = " ".join(section(report, "SILENCES AND UNANSWERED ACCUSATIONS").split())
    assert "- US officials made no comment on: US-led international coalition" in text
    assert "reported by Al Jazeera (there was no immediate comment from)" in text
    assert "- US-led international coalition: accused, no answer recorded" in text
    assert "accused by Government of Iraq, via Al Jazeera [gov-blames-coalition]" in text


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

    assert main(["report", str(path), "--current", "--ids", "--width", "80"]) == 0
    current = capsys.readouterr().out
    changed = " ".join(section(current, "WHAT CHANGED").split())
    assert "4 PMF members killed, via Al Jazeera (reported) [reuters-killed]" in changed
    assert "superseded by Reuters asserts" in changed
    assert "5 PMF members killed, via Al Jazeera (reported) [reuters-killed-revised]" in changed
    who = section(current, "WHO CLAIMED WHAT")
    assert "id: reuters-killed-revised" in who
    assert "id: reuters-killed\n" not in who + "\n"

    assert main(["report", str(path), "--ids"]) == 0
    full = capsys.readouterr().out
    who = section(full, "WHO CLAIMED WHAT")
    assert "id: reuters-killed\n" in who
    assert "superseded by Reuters asserts" in who


def test_report_with_analysis_fits_80_columns(report: str) -> None:
    assert max(len(line) for line in report.splitlines()) <= 80
