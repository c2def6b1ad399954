"""A dossier's own vocabulary travels with it: JSON, JSON Lines, the store, Parquet."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import jsonl, parquet, store
from claims import strategies as cs
from claims.cli import main
from claims.exceptions import IntegrityError, LoadError, StoreError
from claims.vocabulary import Predicate, Unit, ValueKind, Vocabulary
from support import SEED

MINE = Vocabulary(
    [Predicate("security_presence", "security presence", ["security deployment"])],
    [Unit("people", "people", ["PMF members"])],
)


@st.composite
def owning(draw: st.DrawFn) -> claims.Dossier:
    """A generated dossier carrying a generated vocabulary of its own."""
    dossier = draw(cs.dossiers())
    return claims.Dossier(dossier.records(), vocabulary=draw(cs.vocabularies()))


def _seed(vocabulary: Vocabulary | None = MINE) -> claims.Dossier:
    return claims.Dossier(claims.load(SEED).records(), vocabulary=vocabulary)


def _messages(exc: pytest.ExceptionInfo[LoadError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


# ----------------------------------------------------------------------
# The JSON document


@given(owning())
def test_the_vocabulary_round_trips_through_a_document(dossier: claims.Dossier) -> None:
    text = claims.dumps(dossier)
    again = claims.loads(text)
    assert again == dossier
    assert again.own_vocabulary == dossier.own_vocabulary
    assert claims.dumps(again) == text
    assert claims.loads(claims.dumps(dossier, indent=False)) == dossier


@given(owning())
def test_a_document_with_a_vocabulary_is_version_4_with_it_after_the_version(
    dossier: claims.Dossier,
) -> None:
    data = orjson.loads(claims.dumps(dossier))
    assert list(data)[:2] == ["schema_version", "vocabulary"]
    assert data["schema_version"] == 4
    assert data["vocabulary"] == orjson.loads(dossier.vocabulary.to_json())


def test_a_dossier_without_its_own_has_no_section_and_keeps_its_version() -> None:
    seed = claims.load(SEED)
    assert seed.own_vocabulary is None
    text = claims.dumps(seed)
    assert text == SEED.read_text(encoding="utf-8")
    assert "vocabulary" not in orjson.loads(text)
    assert orjson.loads(claims.dumps(_seed()))["schema_version"] == 4


def test_the_file_round_trip_keeps_the_vocabulary(tmp_path: Path) -> None:
    claims.dump(_seed(), tmp_path / "d.json")
    assert claims.load(tmp_path / "d.json").own_vocabulary == MINE


def _with_vocabulary(vocabulary: Any, version: int = 4) -> bytes:
    data = orjson.loads(SEED.read_bytes())
    return orjson.dumps({**data, "schema_version": version, "vocabulary": vocabulary})


@pytest.mark.parametrize(
    ("vocabulary", "problem"),
    [
        ([], "vocabulary: must be an object, not a list"),
        (None, "vocabulary: must be an object, not null"),
        ({"predicates": [{"id": "hit"}]}, "vocabulary.predicates[0].label: is missing"),
        (
            {"predicates": [{"id": "hit", "label": "hit", "kind": "colour"}]},
            "vocabulary.predicates[0].kind: 'colour' is not one of 'actor', 'event', "
            "'text', 'quantity', 'place'",
        ),
        (
            {"units": [{"id": "a", "label": "a"}, {"id": "b", "label": "A"}]},
            "vocabulary.units[1].label: 'A' already names 'a'",
        ),
        ({"verbs": []}, "vocabulary.verbs: unknown key"),
    ],
)
def test_a_bad_vocabulary_is_an_error_at_its_path(vocabulary: Any, problem: str) -> None:
    with pytest.raises(LoadError) as exc:
        claims.loads(_with_vocabulary(vocabulary))
    assert _messages(exc) == [problem]


def test_problems_in_the_records_and_the_vocabulary_are_reported_together() -> None:
    data = orjson.loads(claims.dumps(_seed()))
    data["actors"][0]["name"] = 7
    data["vocabulary"]["units"][0]["dimension"] = 3
    with pytest.raises(LoadError) as exc:
        claims.loads(orjson.dumps(data))
    assert _messages(exc) == [
        "actors[0].name: must be a string, not an integer",
        "vocabulary.units[0].dimension: must be a string, not an integer",
    ]


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_vocabulary_needs_version_4(version: int) -> None:
    with pytest.raises(LoadError) as exc:
        claims.loads(_with_vocabulary(orjson.loads(MINE.to_json()), version))
    assert _messages(exc) == [f"vocabulary: needs schema version 4 or later, not {version}"]


# ----------------------------------------------------------------------
# JSON Lines


@given(owning())
def test_the_vocabulary_round_trips_through_json_lines(
    tmp_path_factory: Any, dossier: claims.Dossier
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "d.jsonl"
    assert jsonl.dump_lines(dossier, path) == len(dossier)
    lines = path.read_bytes().splitlines()
    assert orjson.loads(lines[0]) == {"schema_version": 4}
    assert orjson.loads(lines[1]) == {"vocabulary": orjson.loads(dossier.vocabulary.to_json())}
    again = jsonl.load_lines(path)
    assert again == dossier
    assert again.own_vocabulary == dossier.own_vocabulary
    assert jsonl.vocabulary(path) == dossier.own_vocabulary
    assert list(jsonl.iter_load(path)) == list(dossier.records())


def test_records_written_with_a_vocabulary_read_back_with_it(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    seed = claims.load(SEED)
    jsonl.dump_lines(seed.records(), path, vocabulary=MINE)
    assert jsonl.load_lines(path) == _seed()


def test_json_lines_without_a_vocabulary_have_no_vocabulary_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    jsonl.dump_lines(claims.load(SEED), path)
    assert b"vocabulary" not in path.read_bytes()
    assert jsonl.vocabulary(path) is None
    assert jsonl.load_lines(path).own_vocabulary is None


def _lines(tmp_path: Path, *lines: Any) -> Path:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines) + b"\n")
    return path


def test_a_vocabulary_line_elsewhere_is_an_error(tmp_path: Path) -> None:
    vocabulary = orjson.loads(MINE.to_json())
    path = _lines(
        tmp_path,
        {"schema_version": 4},
        {"actor": {"id": "a", "name": "A"}},
        {"vocabulary": vocabulary},
    )
    with pytest.raises(LoadError) as exc:
        jsonl.load_lines(path)
    assert _messages(exc) == ["line 3: vocabulary: must be the line right after the header"]


def test_a_bad_vocabulary_line_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = _lines(tmp_path, {"schema_version": 4}, {"vocabulary": {"units": [{"id": "a"}]}})
    with pytest.raises(LoadError) as exc:
        list(jsonl.iter_load(path))
    assert _messages(exc) == ["line 2: vocabulary.units[0].label: is missing"]
    old = _lines(tmp_path, {"schema_version": 3}, {"vocabulary": {}})
    with pytest.raises(LoadError) as exc:
        jsonl.load_lines(old)
    assert _messages(exc) == ["line 2: vocabulary: needs schema version 4 or later, not 3"]


# ----------------------------------------------------------------------
# The records' kinds and the vocabulary's kinds are different things


def test_a_quantity_predicate_keeps_its_dimension() -> None:
    mine = Vocabulary([Predicate("sorties", "sorties", kind=ValueKind.QUANTITY, dimension="count")])
    assert (
        claims.loads(claims.dumps(_seed(mine))).vocabulary.predicate("sorties")
        == (mine.predicates[0])
    )


# ----------------------------------------------------------------------
# The store


@given(owning())
def test_the_vocabulary_round_trips_through_the_store(
    tmp_path_factory: Any, dossier: claims.Dossier
) -> None:
    folder = tmp_path_factory.mktemp("store")
    claims.dump(dossier, folder / "d.json")
    with store.open(folder / "s.db") as s:
        s.import_file(folder / "d.json")
        assert s.vocabulary == dossier.own_vocabulary
        again = s.dossier()
        s.export_file(folder / "e.json")
    assert again == dossier
    assert again.own_vocabulary == dossier.own_vocabulary
    assert claims.load(folder / "e.json") == dossier


def test_a_store_without_a_vocabulary_gives_a_dossier_without(tmp_path: Path) -> None:
    with store.open(tmp_path / "s.db") as s:
        s.import_file(SEED)
        assert s.vocabulary is None
        assert s.dossier().own_vocabulary is None
        s.set_vocabulary(MINE)
        assert s.dossier() == _seed()
        s.set_vocabulary(None)
        assert s.dossier().own_vocabulary is None


def test_a_store_opened_read_only_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with store.open(path) as s:
        s.import_file(SEED)
        s.set_vocabulary(MINE)
    before = path.read_bytes()
    with store.open(path, read_only=True) as s:
        assert s.vocabulary == MINE
        assert s.dossier().own_vocabulary == MINE
        with pytest.raises(StoreError, match="is open read-only"):
            s.set_vocabulary(None)
    assert path.read_bytes() == before


def test_an_import_that_fails_leaves_the_vocabulary_as_it_was(tmp_path: Path) -> None:
    claims.dump(_seed(), tmp_path / "d.json")
    with store.open(tmp_path / "s.db") as s:
        s.import_file(SEED)
        with pytest.raises(IntegrityError):
            s.import_file(tmp_path / "d.json")  # the same ids again
        assert s.vocabulary is None


def test_claims_import_gives_the_store_the_files_vocabulary(tmp_path: Path) -> None:
    claims.dump(_seed(), tmp_path / "d.json")
    assert main(["import", str(tmp_path / "s.db"), str(tmp_path / "d.json")]) == 0
    with store.open(tmp_path / "s.db", read_only=True) as s:
        assert s.vocabulary == MINE
    assert main(["export", str(tmp_path / "s.db"), str(tmp_path / "e.json")]) == 0
    assert claims.load(tmp_path / "e.json") == _seed()


def test_a_bad_stored_vocabulary_is_an_error_naming_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with store.open(path) as s:
        s.import_file(SEED)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO meta VALUES ('vocabulary', '{\"units\": 3}')")
    db.close()
    with store.open(path, read_only=True) as s, pytest.raises(StoreError) as exc:
        s.dossier()
    assert (
        str(exc.value)
        == f"{path}: its vocabulary is not valid: units: must be a list, not an integer"
    )


# ----------------------------------------------------------------------
# Parquet


@given(owning())
def test_the_vocabulary_round_trips_through_parquet(
    tmp_path_factory: Any, dossier: claims.Dossier
) -> None:
    out = tmp_path_factory.mktemp("parquet")
    files = parquet.export(dossier, out)
    assert sorted(files) == sorted(parquet.SCHEMAS)  # the tables only
    assert parquet.vocabulary(out) == dossier.own_vocabulary
    rows = pq.read_table(out / "claims.parquet", columns=["json"]).column("json").to_pylist()
    claims_back = [claims.json.structure(orjson.loads(j), claims.Claim) for j in rows]
    again = claims.Dossier(
        [
            *dossier.actors.values(),
            *dossier.sources.values(),
            *dossier.events.values(),
            *claims_back,
            *dossier.links,
            *dossier.reviews.values(),
        ],
        vocabulary=parquet.vocabulary(out),
    )
    assert again == dossier


def test_a_store_exports_its_vocabulary_and_a_later_export_without_removes_it(
    tmp_path: Path,
) -> None:
    with store.open(tmp_path / "s.db") as s:
        s.import_file(SEED)
        s.set_vocabulary(MINE)
        parquet.export(s, tmp_path / "out")
    assert parquet.vocabulary(tmp_path / "out") == MINE
    assert (tmp_path / "out" / "vocabulary.json").read_text() == MINE.to_json() + "\n"
    parquet.export(claims.load(SEED), tmp_path / "out")
    assert parquet.vocabulary(tmp_path / "out") is None
    assert not (tmp_path / "out" / "vocabulary.json").exists()


def test_a_bad_vocabulary_file_is_an_error_naming_it(tmp_path: Path) -> None:
    parquet.export(_seed(), tmp_path)
    (tmp_path / "vocabulary.json").write_text('{"predicates": [{"id": "x"}]}')
    with pytest.raises(LoadError) as exc:
        parquet.vocabulary(tmp_path)
    assert _messages(exc) == ["vocabulary.json: predicates[0].label: is missing"]
    (tmp_path / "vocabulary.json").write_text("{")
    with pytest.raises(LoadError) as exc:
        parquet.vocabulary(tmp_path)
    assert _messages(exc)[0].startswith("vocabulary.json: not JSON")


def _older_store(path: Path, version: int, vocabulary: str | None) -> None:
    """The seed in a store marked as written in schema `version`, maybe with a vocabulary row."""
    with store.open(path) as s:
        s.import_file(SEED)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    if vocabulary is not None:
        db.execute("INSERT INTO meta VALUES ('vocabulary', ?)", (vocabulary,))
    db.commit()
    db.close()


def test_an_older_store_is_upgraded_and_keeps_having_no_vocabulary(tmp_path: Path) -> None:
    _older_store(tmp_path / "s.db", 3, None)
    with store.open(tmp_path / "s.db") as s:
        assert s.dossier() == claims.load(SEED)
        assert s.vocabulary is None


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (MINE.to_json(), "vocabulary: needs schema version 4 or later, not 3"),
        ("{", "its vocabulary is not JSON"),
    ],
)
def test_a_vocabulary_row_in_a_store_older_than_vocabularies_is_an_error(
    tmp_path: Path, row: str, problem: str
) -> None:
    path = tmp_path / "s.db"
    _older_store(path, 3, row)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=problem):
        store.open(path)
    assert path.read_bytes() == before
