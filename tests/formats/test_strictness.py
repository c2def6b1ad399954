"""Loading is strict: every bad input is a `LoadError` naming its JSON path."""

from __future__ import annotations

import pathlib
from typing import Any

import orjson
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import claims
from claims import LoadError
from claims import json as claims_json
from claims import strategies as cs
from support import Path, examples, json_values, nodes, set_at


def render(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def load_problems(doc: Any) -> list[claims.Problem]:
    with pytest.raises(LoadError) as info:
        claims.loads(orjson.dumps(doc))
    assert info.value.problems, "a LoadError always lists its problems"
    return list(info.value.problems)


def problems_or_none(text: bytes) -> tuple[claims.Problem, ...] | None:
    """None if `text` loads; else the problems (any other exception propagates)."""
    try:
        claims.loads(text)
    except LoadError as exc:
        return exc.problems
    return None


WRONG_TYPE = {str: 7, int: "7", float: "7.5", bool: 1, list: "abc", dict: ["x"]}


WRONG_TYPE = {str: 7, int: "7", float: "7.5", bool: 1, list: "abc", dict: ["x"]}


@settings(max_examples=examples(300))
@given(cs.dossiers(), st.data())
def test_a_value_of_the_wrong_type_is_named_by_its_path(
    dossier: claims.Dossier, data: st.DataObject
) -> None:
    doc = orjson.loads(claims.dumps(dossier))
    candidates = [(p, v) for p, v in nodes(doc) if p and type(v) in WRONG_TYPE]
    path, value = data.draw(st.sampled_from(candidates))
    problems = load_problems(set_at(doc, path, WRONG_TYPE[type(value)]))
    # A union's tag is checked on the object that carries it.
    expected = render(path[:-1] if path[-1] == "type" else path)
    assert expected in {p.path for p in problems}, (expected, problems)


@settings(max_examples=examples(200))
@given(cs.dossiers(), st.data(), st.text(min_size=1, max_size=8))
def test_unknown_keys_are_rejected_with_their_path(
    dossier: claims.Dossier, data: st.DataObject, key: str
) -> None:
    doc = orjson.loads(claims.dumps(dossier))
    objects = [p for p, v in nodes(doc) if isinstance(v, dict) and key not in v]
    path = data.draw(st.sampled_from(objects))
    assume(path != ())  # the top level's unknown keys are tested below
    problems = load_problems(set_at(doc, (*path, key), 1))
    assert any(p.path.startswith(render(path)) for p in problems), problems


def test_top_level_unknown_key() -> None:
    problems = load_problems({"schema_version": 1, "claimz": []})
    assert [(p.path, p.message) for p in problems] == [("claimz", "unknown key")]


@settings(max_examples=examples(300))
@given(cs.dossiers(), st.data(), json_values)
def test_any_mutation_is_accepted_or_a_load_error(
    dossier: claims.Dossier, data: st.DataObject, junk: Any
) -> None:
    doc = orjson.loads(claims.dumps(dossier))
    paths = [p for p, _ in nodes(doc) if p]
    path = data.draw(st.sampled_from(paths))
    problems = problems_or_none(orjson.dumps(set_at(doc, path, junk)))
    if problems is not None:
        assert problems
        assert all(isinstance(p.path, str) and p.message for p in problems)


@given(json_values)
def test_garbage_json_is_a_load_error(junk: Any) -> None:
    assert problems_or_none(orjson.dumps(junk)) != ()


@given(st.binary(max_size=200))
def test_garbage_bytes_are_a_load_error(junk: bytes) -> None:
    assert problems_or_none(junk) != ()


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"schema_version": 1, "actors": [{"id": ' + "[" * 5000 + "]" * 5000 + ', "name": "x"}]}',
        '{"schema_version": 1, "actors": ' + '{"a":' * 3000 + "1" + "}" * 3000 + "}",
    ],
    ids=["deep-list", "deep-in-a-field", "deep-object"],
)
def test_deep_input_is_a_load_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(LoadError):
        claims.loads(text)


def test_an_int_where_a_string_belongs_is_not_coerced() -> None:
    problems = load_problems({"schema_version": 1, "actors": [{"id": 5, "name": "x"}]})
    assert [(p.path, p.message) for p in problems] == [
        ("actors[0].id", "must be a string, not an integer")
    ]


def test_a_string_where_a_list_belongs_is_not_coerced() -> None:
    problems = load_problems(
        {"schema_version": 1, "actors": [{"id": "a", "name": "x", "aliases": "ab"}]}
    )
    assert [(p.path, p.message) for p in problems] == [
        ("actors[0].aliases", "must be a list, not a string")
    ]


def test_bool_is_not_a_number_and_number_not_a_bool() -> None:
    base = {
        "id": "c",
        "claimant": "a",
        "proposition": {
            "subject": {"type": "text", "value": "x"},
            "predicate": "p",
            "object": {"type": "quantity", "value": True},
        },
    }
    problems = load_problems(
        {"schema_version": 1, "actors": [{"id": "a", "name": "A"}], "claims": [base]}
    )
    assert [p.path for p in problems] == ["claims[0].proposition.object.value"]
    base["proposition"]["object"] = {"type": "quantity", "value": 1, "approximate": 1}  # type: ignore[index]
    problems = load_problems(
        {"schema_version": 1, "actors": [{"id": "a", "name": "A"}], "claims": [base]}
    )
    assert [p.path for p in problems] == ["claims[0].proposition.object.approximate"]


@pytest.fixture
def seed_doc(seed_path: pathlib.Path) -> dict[str, Any]:
    """The example dossier as a JSON value, to break."""
    return orjson.loads(claims.dumps(claims.load(seed_path)))  # type: ignore[no-any-return]


def test_bad_enum_value_names_path_and_choices(seed_doc: dict[str, Any]) -> None:
    doc = seed_doc
    index = next(i for i, c in enumerate(doc["claims"]) if "assessment" in c)
    doc["claims"][index]["assessment"]["reliability"] = "G"
    problems = load_problems(doc)
    assert [str(p) for p in problems] == [
        f"claims[{index}].assessment.reliability: 'G' is not one of 'A', 'B', 'C', 'D', 'E', 'F'"
    ]


def test_naive_datetime_is_rejected(seed_doc: dict[str, Any]) -> None:
    doc = seed_doc
    doc["sources"][0]["published"]["at"] = "2024-01-04T00:00:00"
    problems = load_problems(doc)
    assert [p.path for p in problems] == ["sources[0].published.at"]
    assert "no UTC offset" in problems[0].message


def test_dangling_ids_name_every_place_that_refers_to_them(seed_doc: dict[str, Any]) -> None:
    doc = seed_doc
    doc["actors"] = [a for a in doc["actors"] if a["id"] != "reuters"]
    problems = load_problems(doc)
    paths = {p.path for p in problems}
    referring = {
        f"claims[{i}].claimant" for i, c in enumerate(doc["claims"]) if c["claimant"] == "reuters"
    }
    assert referring <= paths
    assert all("'reuters' is not a known actor" in p.message for p in problems)


def test_duplicate_ids_are_rejected(seed_doc: dict[str, Any]) -> None:
    doc = seed_doc
    doc["claims"].append(doc["claims"][0])
    problems = load_problems(doc)
    assert [p.path for p in problems] == [f"claims[{len(doc['claims']) - 1}].id"]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({}, "is missing"),
        ({"schema_version": "1"}, "must be an integer"),
        ({"schema_version": 0}, "not a version"),
        ({"schema_version": 10**6}, "newer than this release"),
    ],
)
def test_schema_version_is_checked(doc: dict[str, Any], message: str) -> None:
    problems = load_problems(doc)
    assert problems[0].path == "schema_version"
    assert message in problems[0].message


def test_structure_of_a_single_record_reports_paths() -> None:
    with pytest.raises(LoadError) as info:
        claims_json.structure({"id": "x", "name": "y", "kind": "planet"}, claims.Actor)
    assert [p.path for p in info.value.problems] == ["kind"]


@pytest.mark.parametrize(
    ("actor", "path", "message"),
    [
        ({"id": "a", "name": " "}, "actors[0].name", "must not be empty"),
        ({"id": "a", "name": "A", "part_of": "a"}, "actors[0].part_of", "cannot be part of itself"),
        (
            {"id": "a", "name": "A", "affiliations": [{"actor": "a"}]},
            "actors[0].affiliations",
            "cannot be affiliated with itself",
        ),
    ],
)
def test_a_record_rule_is_placed_at_its_field(
    actor: dict[str, Any], path: str, message: str
) -> None:
    problems = load_problems({"schema_version": claims.SCHEMA_VERSION, "actors": [actor]})
    assert [p.path for p in problems] == [path]
    assert message in problems[0].message


def test_quote_offsets_are_placed_at_the_end_offset(seed_doc: dict[str, Any]) -> None:
    doc = seed_doc
    doc["claims"][0]["quotes"][0]["end"] += 1
    problems = load_problems(doc)
    assert [p.path for p in problems] == ["claims[0].quotes[0].end"]
