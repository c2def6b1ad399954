"""What the commands print holds no character that acts on a terminal.

`test_no_command_prints_a_character_that_acts_on_the_terminal` runs every
command on a dossier whose every string, ids included, holds ESC, BEL, NUL,
a C1 control, a line separator and a right-to-left override, under file names
that hold them too, in normal output and in errors.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import store
from claims._terminal import is_unsafe
from claims.cli import main
from claims.jsonl import dump_lines
from claims.stix import to_stix_bundle
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


HOSTILE = [f"\x1b[2J\x07\x00\u202e{i}\u2028\x9b" for i in range(11)]
"""Payloads: the dossier's strings are made of these."""

NAME = "\x1b[2J\u202eevil\x07"
"""A hostile file name (no NUL: a path cannot hold one)."""

ARTICLE = (
    f"{NAME} headline\n\nThe ministry said \u202e“the strike\x1b[2J killed four people”\x07, "
    "according to officials.\n"
)


class Files:
    """The hostile dossier as each kind of file, under hostile names."""

    def __init__(self, folder: Path) -> None:
        dossier, _ = hostile_dossier(HOSTILE)
        self.folder = folder
        self.doc = folder / f"{NAME}.json"
        claims.dump(dossier, self.doc)
        self.lines = folder / f"{NAME}.jsonl"
        dump_lines(dossier, self.lines)
        self.store = folder / f"{NAME}.db"
        with store.open(self.store) as s:
            s.extend(dossier.records())
        self.bundle = folder / f"{NAME}.stix.json"
        self.bundle.write_text(json.dumps(to_stix_bundle(dossier, scale=None)), encoding="utf-8")
        self.article = folder / f"{NAME}.txt"
        self.article.write_text(ARTICLE, encoding="utf-8")
        self.missing = folder / f"{NAME}-missing.json"
        self.out = folder / f"{NAME}-out"


Command = Callable[[Files], list[str]]

COMMANDS: dict[str, Command] = {
    "report": lambda f: ["report", str(f.doc)],
    "report-lines": lambda f: ["report", str(f.lines)],
    "validate": lambda f: ["validate", str(f.store)],
    "timeline": lambda f: ["timeline", str(f.doc)],
    "timeline-json": lambda f: ["timeline", str(f.lines), "--format", "json"],
    "graph": lambda f: ["graph", str(f.doc)],
    "graph-dot": lambda f: ["graph", str(f.store), "--format", "dot"],
    "schema": lambda f: ["schema"],
    "export-json": lambda f: ["export", str(f.store), f"{f.out}.json"],
    "export-parquet": lambda f: ["export", str(f.doc), str(f.out), "--format", "parquet"],
    "export-stix": lambda f: ["export", str(f.doc), "--to", "stix"],
    "export-prov": lambda f: ["export", str(f.doc), "--to", "prov"],
    "export-misp": lambda f: ["export", str(f.doc), "--to", "misp"],
    "export-stix-file": lambda f: ["export", str(f.doc), f"{f.out}.stix", "--to", "stix"],
    "import": lambda f: ["import", f"{f.out}.db", str(f.doc), str(f.lines)],  # ids taken
    "import-again": lambda f: ["import", str(f.store), str(f.doc)],
    "import-update": lambda f: ["import", "--update", str(f.store), str(f.lines)],
    "import-stix": lambda f: ["import", "--from", "stix", f"{f.out}.db", str(f.bundle)],
    "import-bad-stix": lambda f: ["import", "--from", "stix", f"{f.out}.db", str(f.doc)],
    "draft": lambda f: ["draft", str(f.article)],
    "draft-show": lambda f: ["draft", "--show", str(f.article)],
    "draft-into": lambda f: ["draft", str(f.article), "--into", str(f.doc), "-o", f"{f.out}.j"],
    "draft-compare": lambda f: [
        "draft",
        str(f.article),
        "-o",
        f"{f.out}.j",
        "--compare",
        str(f.doc),
    ],
    "analyze": lambda f: ["analyze", str(f.store), "--question", "contradictions"],
    "analyze-bad-output": lambda f: ["analyze", str(f.store), "--question", "timeline", "-o", NAME],
}

MISSING: dict[str, Command] = {
    "report": lambda f: ["report", str(f.missing)],
    "validate": lambda f: ["validate", str(f.missing)],
    "timeline": lambda f: ["timeline", str(f.missing)],
    "graph": lambda f: ["graph", str(f.missing)],
    "export": lambda f: ["export", str(f.missing), f"{f.out}.json"],
    "export-to": lambda f: ["export", str(f.missing), "--to", "stix"],
    "import": lambda f: ["import", f"{f.out}.db", str(f.missing)],
    "import-stix": lambda f: ["import", "--from", "stix", f"{f.out}.db", str(f.missing)],
    "draft": lambda f: ["draft", str(f.missing)],
    "draft-into": lambda f: ["draft", str(f.article), "--into", str(f.missing)],
    "analyze": lambda f: ["analyze", str(f.missing), "--question", "contradictions"],
}


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)


@pytest.mark.parametrize(
    "argv",
    [*COMMANDS.values(), *MISSING.values()],
    ids=[*COMMANDS, *(f"{k}-missing" for k in MISSING)],
)
def test_no_command_prints_a_character_that_acts_on_the_terminal(
    argv: Command, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(argv(files))
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), err
    assert out or err  # it said something
    assert _acting(out) == set(), out
    assert _acting(err) == set(), err


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
