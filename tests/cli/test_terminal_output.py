"""What the commands print holds no character that acts on a terminal."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims._terminal import is_unsafe
from claims.cli import main
from views_support import hostile_dossier


def _acting(text: str) -> set[str]:
    """The characters of `text` that act on a terminal, line breaks aside."""
    return {c for c in text if c != "\n" and is_unsafe(c)}


def test_the_report_of_a_hostile_dossier_prints_every_control_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier, _ = hostile_dossier()
    path = tmp_path / "hostile.json"
    claims.dump(dossier, path)
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert _acting(out) == set()
    assert "\\x1b" in out  # the escape is shown, not dropped


@settings(max_examples=50)
@given(st.text(min_size=1))
def test_validate_never_prints_a_control_from_an_unknown_key(key: str) -> None:
    document = {"schema_version": claims.SCHEMA_VERSION, key: 1}
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "forged.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["validate", str(path)])
    assert status == 1
    assert _acting(err.getvalue()) == set()


@pytest.mark.parametrize(
    "args",
    [
        ["--ids", "--offsets", "--limit", "0", "--width", "20"],
        ["--format", "json", "--limit", "0"],
        ["--format", "markdown"],
    ],
)
def test_every_report_format_of_a_hostile_dossier_is_inert(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier, _ = hostile_dossier()
    path = tmp_path / "hostile.json"
    claims.dump(dossier, path)
    assert main(["report", str(path), *args]) == 0
    out = capsys.readouterr().out
    assert _acting(out) == set()
    if "json" in args:
        data = json.loads(out)  # still JSON, and the strings are the document's own
        names = {c["name"] for c in data["sections"]["claims"]["claimants"]}
        assert names <= {a.name for a in dossier.actors.values()}
        assert any(_acting(name) for name in names)
