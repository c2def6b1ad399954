"""``claims report --format html|markdown -o FILE``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.cli import main
from support import SEEDS
from views_support import Page

SEED = str(SEEDS / "baghdad-drone-strike.json")
TEXT = f"aj-article={SEEDS / '000_722b12ae6f7ab902.txt'}"


def test_html_briefing_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.html"
    assert main(["report", SEED, "--format", "html", "-o", str(out), "--source-text", TEXT]) == 0
    assert capsys.readouterr().out == f"{out}: html report of 41 claims written\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "US officials</strong> made no comment" in page
    assert '<div class="source-text">' in page  # the article, quotes marked in it
    assert len(Page(page).scripts) == 1


def test_markdown_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", SEED, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Iraq blames US-led coalition")
    assert out.index("## Findings") < out.index("## Who claimed what")


def test_text_report_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.txt"
    assert main(["report", SEED, "-o", str(out), "--width", "100"]) == 0
    assert main(["report", SEED, "--width", "100"]) == 0
    printed = capsys.readouterr().out
    assert out.read_text(encoding="utf-8") in printed
    assert "WHO CLAIMED WHAT" in out.read_text(encoding="utf-8")


def test_unwritable_output_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "brief.html"
    assert main(["report", SEED, "--format", "html", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("claims report: ")
    assert "brief.html" in err
    assert not out.parent.exists()


def test_existing_output_is_kept_when_a_source_text_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.html"
    out.write_text("old", encoding="utf-8")
    bad = [
        ("nope", "expected ID=PATH"),
        ("\x1b[2J=x", "no source with id '\\\\x1b[2J'"),
        (f"aj-article={tmp_path / 'absent.txt'}", "cannot read it"),
    ]
    for arg, message in bad:
        code = main(["report", SEED, "--format", "html", "-o", str(out), "--source-text", arg])
        assert code == 1
        err = capsys.readouterr().err
        assert message in err
        assert "\x1b" not in err
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html"]
