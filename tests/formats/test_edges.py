"""The edges of reading documents: duplicate keys, odd tags, huge ids, line numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import strategies

BIG = "x" * 3_000_000


def document(**sections: Any) -> dict[str, Any]:
    return {"schema_version": 2, **sections}


def claim(subject: Any, claimant: str = "a", cid: str = "c") -> dict[str, Any]:
    return {
        "id": cid,
        "claimant": claimant,
        "stance": "asserts",
        "proposition": {"subject": subject, "predicate": "p", "object": {"type": "unknown"}},
    }


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(claims.LoadError) as info:
        claims.loads(text)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------
# Error messages quote document strings cut short


@pytest.mark.parametrize(
    "doc",
    [
        document(actors=[{"id": BIG, "name": "A"}, {"id": BIG, "name": "B"}]),
        document(actors=[{"id": "a", "name": "A", BIG: 1}]),
        document(actors=[{"id": "a", "name": "A", "part_of": BIG}]),
        document(actors=[{"id": BIG, "name": "A", "part_of": BIG}]),
        document(actors=[{"id": "a", "name": "A"}], claims=[claim({"type": BIG})]),
        document(actors=[{"id": "a", "name": "A", "kind": BIG}]),
        document(sources=[{"id": "s", "title": "t", "sha256": BIG}]),
        document(sources=[{"id": "s", "title": "t", "retrieved": BIG}]),
        document(claims=[claim({"type": "text", "value": "x"}, claimant=BIG)]),
    ],
    ids=[
        "duplicate-id",
        "unknown-key",
        "unknown-reference",
        "part-of-itself",
        "union-tag",
        "enum",
        "digest",
        "datetime",
        "claimant",
    ],
)
def test_a_huge_id_or_key_is_quoted_cut_short(doc: dict[str, Any]) -> None:
    found = problems(json.dumps(doc))
    message = "\n".join(found)
    assert len(message) < 1000
    assert "more)" in message


def test_an_unknown_id_is_cut_short_too() -> None:
    with pytest.raises(claims.UnknownIdError) as info:
        claims.Dossier().actor(BIG)
    assert len(str(info.value)) < 200
    assert str(info.value).endswith("…(2,999,920 more)")


# --------------------------------------------------------------------------
# A tagged union's tag of the wrong type


@pytest.mark.parametrize("tag", [["text"], {"text": 1}, 1, None, True])
def test_a_tag_that_is_not_a_string_is_a_load_error_at_its_path(tag: Any) -> None:
    doc = document(actors=[{"id": "a", "name": "A"}], claims=[claim({"type": tag, "value": "x"})])
    (found,) = problems(json.dumps(doc))
    assert found.startswith("claims[0].proposition.subject: type ")
    assert "is not one of 'actor', 'event', 'text'" in found


# --------------------------------------------------------------------------
# Duplicate keys


def objects(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = []
    if isinstance(node, dict):
        out.append(path)
        for key, value in node.items():
            out += objects(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += objects(value, (*path, i))
    return out


def json_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def with_duplicate(data: Any, path: tuple[Any, ...], key: str, value: Any, spaced: bool) -> bytes:
    """`data` as JSON whose object at `path` names `key` a second time."""
    marker = "\u0000duplicate\u0000"
    target = data
    for part in path[:-1]:
        target = target[part]
    original = target[path[-1]] if path else data
    colon = " : " if spaced else ": "
    members = [json.dumps(k) + colon + json.dumps(v) for k, v in original.items()]
    members.append(json.dumps(key) + colon + json.dumps(value))
    text = "{" + ", ".join(members) + "}"
    if not path:
        return text.encode()
    target[path[-1]] = marker
    out = json.dumps(data).replace(json.dumps(marker), text)
    target[path[-1]] = original
    return out.encode()


@settings(max_examples=50, deadline=None)
@given(strategies.dossiers(), st.data())
def test_a_key_named_twice_anywhere_is_refused_with_its_path(
    dossier: claims.Dossier, data: st.DataObject
) -> None:
    doc = orjson.loads(claims.dumps(dossier))
    path = data.draw(st.sampled_from(objects(doc)))
    target = doc
    for part in path:
        target = target[part]
    key = data.draw(st.sampled_from(sorted(target)) if target else st.just("id"))
    value = data.draw(st.sampled_from([target.get(key), "other", 1, None, [":"]]))
    text = with_duplicate(doc, path, key, value, spaced=data.draw(st.booleans()))
    if target and key in target:
        where = json_path((*path, key))
        assert f"{where}: is a key named twice in one object" in problems(text)
    assert claims.loads(json.dumps(doc)) == dossier


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": 2, "schema_version": 2}',
        '{"schema_version": 2, "schema_version" : 2}',
        '{"schema_version": 2, "schema\\u005fversion": 2}',
        '{"schema_version": 2, "actors": [{"id": "a\\":", "name": "A", "id": "b"}]}',
        '{"schema_version": 2, "actors": [{"id": ":", "name": "\\u0022\\u003a", "id": "b"}]}',
    ],
)
def test_duplicates_hidden_by_escapes_or_spaces_are_found(text: str) -> None:
    found = problems(text)
    assert len(found) == 1
    assert found[0].endswith(": is a key named twice in one object")


def test_strings_that_look_like_keys_are_not_duplicates() -> None:
    doc = document(actors=[{"id": "a", "name": '": "id": "', "aliases": [":", '\\":']}])
    for text in (json.dumps(doc), json.dumps(doc, ensure_ascii=True, indent=1)):
        assert claims.loads(text).actor("a").aliases == (":", '\\":')


def test_json_lines_refuse_a_key_named_twice_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"schema_version": 2}\n'
        '{"actor": {"id": "a", "name": "A"}}\n'
        '{"actor": {"id": "b", "name": "B", "name": "C"}}\n'
    )
    with pytest.raises(claims.LoadError) as info:
        list(claims.iter_load(path))
    assert [str(p) for p in info.value.problems] == [
        "line 3: actor.name: is a key named twice in one object"
    ]


# --------------------------------------------------------------------------
# JSON Lines: integrity problems name the line


def test_json_lines_integrity_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [
        {"schema_version": 2},
        {"actor": {"id": "a", "name": "A"}},
        {"claim": claim({"type": "text", "value": "x"}, claimant="nobody")},
        {"actor": {"id": "a", "name": "again"}},
        {"link": {"kind": "supports", "claim": "c", "target": "gone"}},
    ]
    path.write_text("\n\n".join(json.dumps(line) for line in lines) + "\n")
    with pytest.raises(claims.LoadError) as info:
        claims.load_lines(path)
    assert sorted(str(p) for p in info.value.problems) == [
        "line 5: claim 'c'.claimant: 'nobody' is not a known actor",
        "line 7: actor 'a'.id: actor id 'a' is already taken",
        "line 9: link 'c' supports 'gone'.target: 'gone' is not a known claim",
    ]
