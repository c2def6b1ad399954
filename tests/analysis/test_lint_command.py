"""``claims lint FILE``: the findings printed, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claims
from claims import Actor, Assessment, Claim, Dossier, Event, EventRef, Proposition, Quantity
from claims.cli import main
from claims.confidence import Likelihood
from claims.vocabulary import DEFAULT, Predicate, Unit, ValueKind, Vocabulary


def _write(tmp_path: Path, *claims_: Claim, name: str = "d.json") -> Path:
    d = Dossier([Actor("reuters", "Reuters"), Event("blast", "the blast"), *claims_])
    path = tmp_path / name
    claims.dump(d, path)
    return path


def _claim(predicate: str, **kw: object) -> Claim:
    prop = Proposition(EventRef("blast"), predicate, Quantity(4, unit="people"))
    return Claim("toll", "reuters", prop, **kw)  # type: ignore[arg-type]


def test_the_seed_exits_0(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "warning: unknown-predicate [aj-caption-patrol]" in out
    assert out.splitlines()[-1] == "0 errors, 13 warnings, 0 info"


def test_the_seed_against_its_article_exits_0(
    seed_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = seeds_dir / "000_722b12ae6f7ab902.txt"
    assert main(["lint", str(seed_path), "--source-text", f"aj-article={article}"]) == 0
    assert "quote" not in capsys.readouterr().out


def test_an_error_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    belief = Assessment(likelihood=Likelihood.LIKELY, probability=0.2)
    path = _write(tmp_path, _claim("killed", assessment=belief))
    assert main(["lint", str(path)]) == 1
    out = capsys.readouterr().out
    assert "error: probability-band [toll]: the probability 0.2 lies outside 55-80%" in out
    assert "  fix: use 'unlikely', or a probability within 55-80%" in out
    assert out.splitlines()[-1] == "1 error, 0 warnings, 1 info"


def test_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(_write(tmp_path, _claim("kiled")))]) == 0
    assert "warning: unknown-predicate [toll]" in capsys.readouterr().out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _claim("kiled"))
    assert main(["lint", str(path), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["severity"], f["code"], f["records"]) for f in found] == [
        ("warning", "unknown-predicate", ["toll"]),
        ("info", "no-quote", ["toll"]),
    ]
    assert found[0]["suggestion"] == "use 'killed', or add 'kiled' to the vocabulary"


def test_a_quote_missing_from_the_text_given_exits_1(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "other.txt"
    text.write_text("A different article altogether.", encoding="utf-8")
    assert main(["lint", str(seed_path), "--source-text", f"aj-article={text}"]) == 1
    assert "error: quote-missing [gov-blames-coalition]" in capsys.readouterr().out


def test_hostile_names_are_printed_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _claim("kiled\x1b[2J\u202e"))
    main(["lint", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\\x1b[2J" in out


def test_a_vocabulary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _claim("kiled"))
    mine = tmp_path / "vocabulary.json"
    mine.write_text(
        '{"predicates": [{"id": "kiled", "label": "k", "kind": "quantity"}],'
        ' "units": [{"id": "people", "label": "people"}]}'
    )
    assert main(["lint", str(path), "--vocabulary", str(mine)]) == 0
    assert "unknown-predicate" not in capsys.readouterr().out
    default = tmp_path / "default.json"
    default.write_text(DEFAULT.to_json())
    assert main(["lint", str(path), "--vocabulary", str(default)]) == 0
    assert "unknown-predicate" in capsys.readouterr().out


def test_the_documents_own_vocabulary_is_read_unless_another_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = Vocabulary([Predicate("kiled", "k", kind=ValueKind.QUANTITY)], [Unit("people", "p")])
    d = Dossier(
        [Actor("reuters", "Reuters"), Event("blast", "the blast"), _claim("kiled")],
        vocabulary=mine,
    )
    path = tmp_path / "d.json"
    claims.dump(d, path)
    assert main(["lint", str(path)]) == 0
    assert "unknown-predicate" not in capsys.readouterr().out
    default = tmp_path / "default.json"
    default.write_text(DEFAULT.to_json())
    assert main(["lint", str(path), "--vocabulary", str(default)]) == 0
    out = capsys.readouterr().out
    assert "warning: unknown-predicate [toll]: the predicate 'kiled'" in out
    assert "  fix: use 'killed', or add 'kiled' to the vocabulary" in out


def test_a_bad_vocabulary_file_names_the_file_and_the_path(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"predicates": [{"id": "hit", "label": "hit", "kind": "colour"}]}')
    for command in ("lint", "report"):
        assert main([command, str(seed_path), "--vocabulary", str(bad)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert err[0] == f"claims {command}: --vocabulary {bad}: not a valid vocabulary"
        assert err[1].startswith("  predicates[0].kind: 'colour' is not one of")


def test_report_reads_the_dossier_against_the_vocabulary_given(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = tmp_path / "default.json"
    default.write_text(DEFAULT.to_json())
    assert main(["report", str(seed_path), "--vocabulary", str(default)]) == 0
    with_file = capsys.readouterr().out
    assert main(["report", str(seed_path)]) == 0
    assert capsys.readouterr().out == with_file
    assert main(["report", str(tmp_path / "no.json"), "--vocabulary", "/no/such/file"]) == 2
    assert "--vocabulary /no/such/file: cannot read it" in capsys.readouterr().err


def test_report_on_tables_refuses_a_vocabulary(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    default = tmp_path / "default.json"
    default.write_text(DEFAULT.to_json())
    args = ["report", str(seed_path), "--engine", "duckdb", "--vocabulary", str(default)]
    assert main(args) == 2
    assert "--vocabulary needs the dossier in memory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source-text", "aj-article"], "give it as ID=PATH"),
        (["--source-text", "aj-article=/no/such/file"], "cannot read it"),
        (["--source-text", "nope={seed}"], "no source with id 'nope'"),
        (["--vocabulary", "/no/such/file"], "cannot read it"),
        (["--vocabulary", "{seed}"], "not a valid vocabulary"),
    ],
)
def test_wrong_arguments_exit_2(
    seed_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(seed=seed_path) for a in args]
    assert main(["lint", str(seed_path), *args]) == 2
    assert message in capsys.readouterr().err


def test_an_invalid_document_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "actors": [{"id": 1, "name": "x"}]}')
    assert main(["lint", str(bad)]) == 1
    assert "actors[0].id: must be a string" in capsys.readouterr().err


def test_a_store(tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.db"
    assert main(["import", str(store), str(seed_path)]) == 0
    capsys.readouterr()
    assert main(["lint", str(store)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 13 warnings, 0 info"
