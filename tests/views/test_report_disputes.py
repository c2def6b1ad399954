"""The report shows contradictions by position: each dispute once, each position with its claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claims
import claims.views
from claims import (
    Actor,
    ActorRef,
    Claim,
    Dossier,
    Event,
    EventRef,
    Hop,
    Proposition,
    Quantity,
    Quote,
    Source,
    Stance,
    Text,
)
from claims._terminal import is_unsafe
from claims.cli import main
from views_support import hostile_dossier

KILLED = Proposition(EventRef("strike"), "killed", Quantity(4, unit="people"))
NINE = Proposition(EventRef("strike"), "killed", Quantity(9, unit="people"))
BLAME = Proposition(ActorRef("group"), "responsible_for", Text("the strike"))


def standoff(outlets: int) -> Dossier:
    """The ministry says 4 killed, the group 9; `outlets` outlets relay each figure.

    The ministry's figure is quoted; the ministry also blames the group,
    which denies it.
    """
    d = Dossier(
        [
            Event("strike", "The strike"),
            Actor("ministry", "The Ministry"),
            Actor("group", "The Group"),
            Actor("agency", "The Agency"),
            Source("article", "The article"),
        ]
    )
    quote = Quote("article", "said 4 people were killed", 13, 38)
    d.extend(
        [
            Claim("m4", "ministry", KILLED, quotes=[quote]),
            Claim("g9", "group", NINE),
            Claim("blame", "ministry", BLAME),
            Claim("deny", "group", BLAME, stance=Stance.DENIES),
        ]
    )
    for figure, prop in (("4", KILLED), ("9", NINE)):
        for i in range(outlets):
            outlet = f"outlet-{figure}-{i}"
            d.add(Actor(outlet, f"Outlet {figure}.{i}"))
            d.add(Claim(f"r{figure}-{i}", outlet, prop, chain=[Hop("agency", "according to")]))
    return d


def origins(d: Dossier, claim_id: str) -> str:
    """How many independent origins back `claim_id`, in words (as corroboration counts them)."""
    n = claims.analysis.corroboration(d, claim_id).count
    return f"{n:,} independent origin" + ("" if n == 1 else "s")


def section(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(title) + 2
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_a_dispute_is_shown_once_with_each_position_and_its_claims() -> None:
    d = standoff(400)
    text = claims.views.report(d, width=100, sections=["contradictions"], ids=True)
    lines = section(text, "CONTRADICTIONS")
    assert lines[0] == "  - The strike killed: 2 positions (160,801 pairs of claims in conflict)"
    assert lines[1] == f"    1. 4 people: 401 claims, {origins(d, 'm4')}"
    assert lines[2] == "      - The Ministry [m4]"
    assert lines[3] == "        “said 4 people were killed”"
    assert lines[4] == "      - Outlet 4.0, via The Agency [r4-0]"
    assert lines[8] == "      and 396 more claims"
    assert lines[9] == f"    2. 9 people: 401 claims, {origins(d, 'g9')}"
    assert lines[10] == "      - The Group [g9]"
    assert lines[16] == "    why: figures that do not overlap: killed: 4 vs 9 do not overlap"
    denial = lines[17:]
    assert denial[0] == "  - The Group responsible for: 2 positions (1 pair of claims in conflict)"
    assert denial[1] == "    1. “the strike”: 1 claim, 1 independent origin"
    assert denial[3] == "    2. denied: “the strike”: 1 claim, 1 independent origin"
    why = "opposite stances: asserted and denied: responsible_for 'the strike'"
    assert denial[5] == f"    why: {why}"
    # 160,801 pairs, 2 disputes: the section stays short.
    assert len(lines) == 23
    summary = claims.views.report(d, width=100, sections=["summary"])
    assert "Findings: 2 contradictions" in summary


def test_the_limit_counts_disputes_and_positions() -> None:
    d = standoff(3)
    text = claims.views.report(d, width=100, sections=["contradictions"], limit=1)
    lines = section(text, "CONTRADICTIONS")
    assert lines[0].startswith("  - The strike killed: 2 positions")
    assert "    and 1 more positions" in lines
    assert not any(line.startswith("    why:") for line in lines)  # its other side is cut
    assert lines[-1] == "  … 1 more contradictions; to see them all: --limit 0"
    everything = section(
        claims.views.report(d, width=100, sections=["contradictions"], limit=0), "CONTRADICTIONS"
    )
    assert sum(line.startswith("  - ") for line in everything) == 2


def test_a_filter_keeps_the_disputes_of_the_selected_claims_whole() -> None:
    d = standoff(3)
    text = claims.views.report(d, width=100, claimant=["Outlet 9.1"], ids=True)
    lines = section(text, "CONTRADICTIONS")
    assert lines[0].startswith("  - The strike killed: 2 positions")
    assert "      - The Ministry [m4]" in lines  # the other position is shown too
    assert not any("responsible for" in line for line in lines)


def test_json_lists_each_dispute_with_its_positions() -> None:
    d = standoff(50)
    data = claims.views.report_json(d, sections=["summary", "contradictions"], limit=3)
    assert data["sections"]["summary"]["findings"]["disputes"] == 2
    assert data["sections"]["summary"]["findings"]["contradictions"] == 51 * 51 + 1
    part = data["sections"]["contradictions"]
    assert (part["total"], part["shown"]) == (2, 2)
    killed, blame = part["items"]
    assert killed["subject"] == "The strike killed"
    assert (killed["pairs"], killed["definite"], killed["total"]) == (51 * 51, True, 2)
    four, nine = killed["positions"]
    assert four["says"] == "4 people"
    assert four["stance"] == "asserts"
    assert four["total"] == 51
    assert [c["id"] for c in four["claims"]] == ["m4", "r4-0", "r4-1"]
    assert four["claims"][0]["quotes"][0]["exact"] == "said 4 people were killed"
    assert four["independent_origins"] == claims.analysis.corroboration(d, "m4").count
    assert [o["actors"][0] for o in four["origins"][:2]] == ["ministry", "outlet-4-0"]
    assert nine["says"] == "9 people"
    [reason] = killed["reasons"]
    assert reason == {
        "first": 0,
        "second": 1,
        "reason": "disjoint_quantities",
        "words": "figures that do not overlap: killed: 4 vs 9 do not overlap",
        "linked": False,
        "definite": True,
        "pairs": 51 * 51,
    }
    assert [p["says"] for p in blame["positions"]] == ["“the strike”", "denied: “the strike”"]


def test_markdown_and_html_show_the_positions() -> None:
    d = standoff(20)
    text = claims.views.markdown(d)
    assert "**The strike killed**: 2 positions (441 pairs of claims in conflict)" in text
    said = f"1. **4 people**: 21 claims, {origins(d, 'm4')}: The Ministry; Outlet 4.0"
    assert said in text
    assert "; and 13 more" in text
    assert "- 1 *vs* 2: figures that do not overlap: killed: 4 vs 9 do not overlap" in text
    page = claims.views.html(d)
    assert page.count('<div class="dispute"') == 2
    assert page.count('<li class="contra">') == 4
    assert f"<strong>4 people</strong>: 21 claims, {origins(d, 'm4')}" in page
    assert "<strong>denied: “the strike”</strong>" in page
    # One arc per pair of positions in conflict, not one per pair of claims.
    assert page.count('class="edge contra" marker') == 2


def test_the_command_shows_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "standoff.json"
    claims.dump(standoff(2), path)
    argv = ["report", str(path), "--section", "contradictions", "--width", "80", "--ids"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "  - The strike killed: 2 positions (9 pairs of claims in conflict)" in out
    assert f"    1. 4 people: 3 claims, {origins(standoff(2), 'm4')}" in out
    assert "      - Outlet 9.1, via The Agency [r9-1]" in out
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    positions = data["sections"]["contradictions"]["items"][0]["positions"]
    assert [[c["id"] for c in p["claims"]] for p in positions] == [
        ["m4", "r4-0", "r4-1"],
        ["g9", "r9-0", "r9-1"],
    ]


def test_hostile_strings_in_positions_are_printed_safe() -> None:
    dossier, _ = hostile_dossier()
    assert claims.analysis.disputes(dossier)
    text = claims.views.report(dossier, width=60, ids=True, offsets=True)
    assert "CONTRADICTIONS" in text.splitlines()
    assert not any(is_unsafe(c) for c in text if c != "\n")
    assert all(len(line) <= 60 for line in text.splitlines())
