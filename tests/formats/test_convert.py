"""The converter's package: the version gate, error paths, generated code, old names."""

from __future__ import annotations

import importlib
import linecache
import sys
import traceback
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Actor, InvalidTypeError, InvalidValueError, LoadError, Problem
from claims._convert import SCHEMA_VERSION, TAGS, _codegen, _hooks, check_version, problems


@given(st.integers())
def test_the_version_gate_takes_exactly_the_versions_this_release_reads(version: int) -> None:
    if 1 <= version <= SCHEMA_VERSION:
        assert check_version(version, "where") == version
    else:
        with pytest.raises(LoadError) as info:
            check_version(version, "where")
        assert [p.path for p in info.value.problems] == ["where"]


@given(st.one_of(st.none(), st.booleans(), st.floats(), st.text(), st.lists(st.integers())))
def test_the_version_gate_wants_an_integer(version: Any) -> None:
    with pytest.raises(LoadError) as info:
        check_version(version, "line 1: schema_version")
    (problem,) = [str(p) for p in info.value.problems]
    prefix = "line 1: schema_version: must be an integer, not "
    assert problem.startswith(prefix)
    shown = problem[len(prefix) :]
    if isinstance(version, list):
        assert shown.startswith("[")
        assert len(shown) <= 100
    elif not isinstance(version, str) or len(version) <= 80:
        assert shown == repr(version)
    else:  # cut short, with how much was left out
        assert shown.startswith(repr(version[:80]))
        assert shown.endswith(f"…({len(version) - 80:,} more)")


def test_a_field_error_names_its_field_and_what_is_wrong() -> None:
    with pytest.raises(InvalidValueError) as info:
        Actor("a", " ")
    assert (info.value.field, info.value.detail) == ("name", "must not be empty")
    assert str(info.value) == "Actor.name must not be empty"


@pytest.mark.parametrize("error", [InvalidValueError, InvalidTypeError])
def test_a_field_error_is_placed_at_its_field(error: type[InvalidValueError]) -> None:
    exc = error("Actor.name is bad", field="name", detail="is bad")
    assert problems(exc, "actors[0]") == [Problem("actors[0].name", "is bad")]
    assert problems(exc) == [Problem("name", "is bad")]


@pytest.mark.parametrize("error", [InvalidValueError, InvalidTypeError])
def test_an_error_without_a_field_stays_at_the_record(error: type[InvalidValueError]) -> None:
    assert problems(error("no good"), "claims[2].proposition.object") == [
        Problem("claims[2].proposition.object", "no good")
    ]


def test_generated_code_shows_in_tracebacks() -> None:
    build = _codegen.make_structure(Actor, TAGS, _hooks.structure_datetime)
    assert build.__code__.co_filename.startswith("<claims generated structure claims._model")
    assert linecache.getline(build.__code__.co_filename, 1) == "def structure_Actor(d):\n"
    with pytest.raises(Exception) as info:  # noqa: PT011 - the generator declines with its own
        build({"id": "a", "name": 7})
    text = "".join(traceback.format_exception(info.value))
    assert "if type(v) is not str: raise _Fail" in text


def test_the_same_source_keeps_its_file_name() -> None:
    one = _codegen.make_unstructure(Actor, TAGS)
    two = _codegen.make_unstructure(Actor, TAGS)
    assert one.__code__.co_filename == two.__code__.co_filename
    other = _codegen.make_unstructure(Actor, TAGS, omit_defaults=False)
    assert other.__code__.co_filename != one.__code__.co_filename


SERIALIZE_NAMES = {
    "SCHEMA_VERSION": "claims.json",
    "TAGS": "claims._convert",
    "atomic_writer": "claims._files",
    "converter": "claims._convert",
    "dump": "claims.json",
    "dumps": "claims.json",
    "encode": "claims.json",
    "load": "claims.json",
    "loads": "claims.json",
    "make_converter": "claims._convert",
    "structure": "claims.json",
    "unstructure": "claims.json",
    "write_atomic": "claims._files",
}
JSONL_NAMES = dict.fromkeys(["dump_lines", "iter_load", "load_lines"], "claims.jsonl")


@pytest.mark.parametrize(
    ("old", "new", "homes"),
    [
        ("claims.serialize", "claims.json", SERIALIZE_NAMES),
        ("claims._jsonl", "claims.jsonl", JSONL_NAMES),
    ],
)
def test_the_old_modules_warn_and_still_give_their_names(
    monkeypatch: pytest.MonkeyPatch, old: str, new: str, homes: dict[str, str]
) -> None:
    monkeypatch.delitem(sys.modules, old, raising=False)
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated; use {new}"):
        module = importlib.import_module(old)
    assert sorted(module.__all__) == sorted(homes)
    for name, home in homes.items():
        assert getattr(module, name) is getattr(importlib.import_module(home), name), name


def test_the_old_serialize_module_is_reachable_from_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, "claims.serialize", raising=False)
    if "serialize" in vars(claims):  # hasattr would import it through __getattr__
        monkeypatch.delattr(claims, "serialize")
    with pytest.warns(DeprecationWarning, match="claims.serialize is deprecated"):
        old = claims.serialize  # type: ignore[attr-defined]
    assert old.loads is claims.loads
    assert old.unstructure(Actor("a", "A")) == {"id": "a", "name": "A"}
