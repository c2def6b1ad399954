"""Every command that reads a dossier reads a JSON document, JSON Lines and a store alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import claims
from claims import store
from claims.cli import main
from claims.jsonl import dump_lines

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLE = SEEDS / "000_722b12ae6f7ab902.txt"


def _as_json(seed: claims.Dossier, folder: Path) -> Path:
    path = folder / "seed.json"
    claims.dump(seed, path)
    return path


def _as_lines(seed: claims.Dossier, folder: Path) -> Path:
    path = folder / "seed.jsonl"
    dump_lines(seed, path)
    return path


def _as_store(seed: claims.Dossier, folder: Path) -> Path:
    path = folder / "seed.db"
    with store.open(path) as s:
        s.extend(seed.records())
    return path


WRITERS: dict[str, Callable[[claims.Dossier, Path], Path]] = {
    "json": _as_json,
    "jsonl": _as_lines,
    "store": _as_store,
}


def _draft(out: Path) -> list[str]:
    return ["draft", str(ARTICLE), "-o", str(out / "d.json")]


COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "report": lambda f, out: ["report", str(f)],
    "report-markdown": lambda f, out: ["report", str(f), "--format", "markdown"],
    "validate": lambda f, out: ["validate", str(f)],
    "graph": lambda f, out: ["graph", str(f)],
    "timeline": lambda f, out: ["timeline", str(f)],
    "export-json": lambda f, out: ["export", str(f), str(out / "out.json")],
    "export-stix": lambda f, out: ["export", str(f), "--to", "stix"],
    "analyze": lambda f, out: ["analyze", str(f), "--question", "corroborations"],
    "import": lambda f, out: ["import", str(out / "new.db"), str(f), "--no-progress"],
    "draft-into": lambda f, out: [*_draft(out), "--into", str(f)],
    "draft-compare": lambda f, out: [
        *_draft(out),
        "--source-id",
        "aj-article",
        "--compare",
        str(f),
    ],
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_reads_every_kind_of_input(
    command: str,
    kind: str,
    seed: claims.Dossier,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = WRITERS[kind](seed, tmp_path)
    assert main(COMMANDS[command](path, tmp_path)) == 0, capsys.readouterr().err
    capsys.readouterr()
    if command == "export-json":
        assert claims.load(tmp_path / "out.json") == seed
    if command == "import":
        with store.open(tmp_path / "new.db") as s:
            assert s.dossier() == seed


@pytest.mark.parametrize("command", ["report", "timeline", "graph", "analyze", "export-stix"])
def test_the_same_output_from_each_kind_of_input(
    command: str, seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = set()
    for write in WRITERS.values():
        assert main(COMMANDS[command](write(seed, tmp_path), tmp_path)) == 0
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1
    assert outputs.pop().strip()


def test_a_broken_json_lines_file_is_reported_with_its_line(
    seed: claims.Dossier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _as_lines(seed, tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = '{"actor": {"id": 1}}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not a valid claims document" in err
    assert "line 4" in err
