"""The JSON Schema agrees with `claims.loads` on generated documents and mutations."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import claims
from claims import _model, strategies
from claims._model import _validators as v
from claims._schema import _leaves

SCHEMA = claims.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def schema_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(data)


def loads_accepts(data: Any) -> bool:
    try:
        claims.loads(orjson.dumps(data))
    except claims.LoadError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_record_of_the_model_has_a_definition() -> None:
    names = set(SCHEMA["$defs"])
    for cls in (claims.Actor, claims.Source, claims.Event, claims.Claim, claims.Link):
        assert cls.__name__ in names
    for member in (claims.ActorRef, claims.EventRef, claims.Text, claims.Quantity):
        assert member.__name__ in names
    assert {"Unknown", "NoValue", "When", "Quote", "Hop", "Assessment"} <= names


def test_definitions_follow_the_fields_of_each_record() -> None:
    for name, definition in SCHEMA["$defs"].items():
        cls = getattr(claims, name, None) or getattr(claims.vocabulary, name)
        fields = {f.name for f in attrs.fields(cls) if f.init}
        props = set(definition["properties"]) - {"type"}
        assert props == fields, name
        required = {f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING}
        assert set(definition["required"]) - {"type"} == required, name
        assert definition["additionalProperties"] is False


def test_an_unknown_validator_is_an_error_not_a_silent_gap() -> None:
    def odd(inst: object, attr: object, value: object) -> None:
        """A validator the schema builder has no rule for."""

    with pytest.raises(claims.ClaimsError, match="no JSON Schema rule for the validator"):
        _leaves(odd, claims.Actor, "Actor.name")


def _model_records() -> list[type[Any]]:
    """Every record class of the model, one module per layer of a claim."""
    modules = (_model.who, _model.when, _model.what, _model.evidence, _model.belief, _model.claim)
    return [
        c
        for module in modules
        for c in vars(module).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == module.__name__
    ]


def _walk(validator: Any) -> Iterator[Any]:
    """`validator` and every validator inside it, read through public attributes."""
    yield validator
    if isinstance(validator, (v.Optional, v.Each)):
        yield from _walk(validator.inner)
    elif isinstance(validator, v.AllOf):
        for part in validator.validators:
            yield from _walk(part)


def test_every_validator_of_the_model_is_a_kind_the_schema_reads() -> None:
    kinds = (
        v.NonEmptyStr,
        v.AnyStr,
        v.HexDigest,
        v.Number,
        v.Integer,
        v.AwareDatetime,
        v.InstanceOf,
        v.MemberOf,
        v.Optional,
        v.Each,
        v.AllOf,
        v.Rule,
    )
    seen: set[type] = set()
    for cls in _model_records():
        for field in attrs.fields(cls):
            assert field.validator is not None, (cls.__name__, field.name)
            for part in _walk(field.validator):
                assert isinstance(part, kinds), (cls.__name__, field.name, part)
                seen.update(k for k in kinds if isinstance(part, k))
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    part.anything = 1
    assert seen == set(kinds)


def test_each_validator_exposes_what_the_schema_generator_reads() -> None:
    assert v.optional(v.nonempty_str).inner == v.NonEmptyStr()
    assert v.each(v.instance_of(claims.Quote)).inner == v.InstanceOf((claims.Quote,))
    assert v.instance_of(int, float).types == (int, float)
    stance = v.member_of(claims.Stance)
    assert stance.enum_type is claims.Stance
    assert stance.members == tuple(claims.Stance)
    assert (v.probability.minimum, v.probability.maximum) == (0, 1)
    assert (v.number.minimum, v.number.maximum) == (None, None)
    assert (v.offset.minimum, v.offset.maximum) == (0, 2**53)
    assert v.sha256_hex.length == 64
    assert v.all_of(v.nonempty_str, v.any_str).validators == (v.nonempty_str, v.any_str)

    def rule(inst: object, value: object) -> str | None:
        return None

    assert v.Rule(rule).check is rule
    # What the optional and each wrappers let through unchecked.
    assert stance.quick_types == (claims.Stance,)
    assert v.instance_of(claims.Quote).quick_types == (claims.Quote,)
    assert v.instance_of(int).quick_types is None  # True is an int to isinstance
    assert v.quick_types(v.nonempty_str) is None


def test_the_schema_reads_bounds_and_lengths_off_the_validators() -> None:
    number = SCHEMA["$defs"]["Assessment"]["properties"]["probability"]["anyOf"][0]
    assert number == {"type": "number", "minimum": 0, "maximum": 1}
    offset = SCHEMA["$defs"]["Quote"]["properties"]["start"]
    assert offset == {"type": "integer", "minimum": 0, "maximum": 2**53}
    digest = SCHEMA["$defs"]["Source"]["properties"]["sha256"]["anyOf"][0]
    assert digest["pattern"] == "^[0-9a-f]{64}$"
    assert _leaves(v.optional(v.Number(minimum=2, maximum=5)), claims.Quantity, "x") == [
        v.Number(minimum=2, maximum=5)
    ]
    assert _leaves(v.all_of(v.nonempty_str, v.Rule(lambda i, x: None)), claims.Actor, "y") == [
        v.nonempty_str
    ]
    assert _leaves(v.each(v.member_of(claims.Stance)), claims.Claim, "z") == []


def test_the_tags_of_subjects_and_values_are_in_the_schema() -> None:
    defs = SCHEMA["$defs"]
    assert defs["NoValue"]["properties"]["type"] == {"const": "no_value"}
    assert defs["ActorRef"]["properties"]["type"] == {"const": "actor"}
    assert defs["Quantity"]["required"] == ["type"]


def test_python_m_claims_schema_prints_the_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "claims", "schema"], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == SCHEMA


@given(strategies.dossiers())
def test_every_generated_dossier_validates(dossier: claims.Dossier) -> None:
    data = orjson.loads(claims.dumps(dossier))
    errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert errors == []


@given(strategies.dossiers(), strategies.vocabularies())
def test_every_generated_dossier_with_its_own_vocabulary_validates(
    dossier: claims.Dossier, vocabulary: claims.vocabulary.Vocabulary
) -> None:
    data = orjson.loads(claims.dumps(claims.Dossier(dossier.records(), vocabulary=vocabulary)))
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    assert not schema_accepts({**data, "schema_version": 3})
    assert not schema_accepts({**data, "vocabulary": {"predicates": [{"id": "x"}]}})


# --------------------------------------------------------------------------
# Mutations


def positions(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside `node` (the root itself excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from positions(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*path, i)
            yield from positions(value, (*path, i))


def objects(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to an object inside `node`, the root included."""
    if isinstance(node, dict):
        yield path
        for key, value in node.items():
            yield from objects(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from objects(value, (*path, i))


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def in_quantity(data: Any, path: tuple[Any, ...]) -> bool:
    """Whether `path` is inside a quantity, whose bounds and flags are rules across fields."""
    for i in range(len(path)):
        node = at(data, path[:i])
        if isinstance(node, dict) and node.get("type") == "quantity":
            return True
    return False


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(claims.dumps(draw(strategies.dossiers())))
    return data


@given(documents(), st.data())
def test_an_unknown_key_anywhere_is_rejected_by_both(data: dict[str, Any], pick: Any) -> None:
    target = pick.draw(st.sampled_from(list(objects(data))))
    at(data, target)[pick.draw(st.sampled_from(["x_extra", "Type", "id ", "note_"]))] = 1
    assert not schema_accepts(data)
    assert not loads_accepts(data)


@given(documents(), st.data())
def test_a_value_of_the_wrong_json_type_is_rejected_by_both(
    data: dict[str, Any], pick: Any
) -> None:
    path = pick.draw(st.sampled_from([p for p in positions(data) if not in_quantity(data, p)]))
    original = at(data, path[:-1])[path[-1]]
    wrong = pick.draw(st.sampled_from([{}, [0], [{}], 1.5, True, "x"]))
    if type(wrong) is type(original) or (isinstance(original, list) and wrong == [{}]):
        wrong = {"x": 1}
    if isinstance(original, str) and wrong == "x":
        wrong = {}
    at(data, path[:-1])[path[-1]] = wrong
    assert schema_accepts(data) is loads_accepts(data), (path, original, wrong)


@given(documents(), st.data())
def test_blank_strings_are_judged_alike(data: dict[str, Any], pick: Any) -> None:
    strings = [p for p in positions(data) if isinstance(at(data, p), str)]
    if not strings:
        data["actors"][0]["name"] = " "
    else:
        path = pick.draw(st.sampled_from(strings))
        at(data, path[:-1])[path[-1]] = pick.draw(st.sampled_from(["", " ", "\n\t"]))
    assert schema_accepts(data) is loads_accepts(data)


@given(documents(), st.data())
def test_dropping_or_nulling_a_key_is_judged_alike(data: dict[str, Any], pick: Any) -> None:
    keys = [
        p
        for p in positions(data)
        if len(p) > 1 and isinstance(p[-1], str) and not in_quantity(data, p)
    ]
    assume(keys)
    path = pick.draw(st.sampled_from(keys))
    parent = at(data, path[:-1])
    if pick.draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = None
    assert schema_accepts(data) is loads_accepts(data), path


@pytest.mark.parametrize(
    ("mutate", "why"),
    [
        (lambda d: d.update(schema_version=5), "a newer version"),
        (lambda d: d.update(schema_version="2"), "a string version"),
        (lambda d: d.pop("schema_version"), "no version"),
        (lambda d: d["claims"][0].update(stance="alleges"), "a stance that is not one"),
        (lambda d: d["claims"][0]["proposition"]["object"].update(type="none"), "the v1 tag"),
        (lambda d: d["claims"][0]["assessment"].update(reliability="G"), "reliability G"),
        (lambda d: d["claims"][0]["assessment"].update(credibility=7), "credibility 7"),
        (lambda d: d["claims"][0]["assessment"].update(probability=1.5), "probability 1.5"),
        (lambda d: d["claims"][0]["quotes"][0].update(start=-1, end=-1 + 4), "negative offset"),
        (lambda d: d["sources"][0].update(sha256="ABC"), "a bad fingerprint"),
        (lambda d: d["sources"][0].update(retrieved="2024-01-04T10:00:00"), "no UTC offset"),
        (lambda d: d["sources"][0].update(retrieved="yesterday"), "not a date"),
        (lambda d: d["links"][0].update(kind="refutes"), "a link kind that is not one"),
    ],
)
def test_known_bad_documents_are_rejected_by_both(mutate: Any, why: str) -> None:
    data = copy.deepcopy(SAMPLE)
    assert schema_accepts(data)
    assert loads_accepts(data)
    mutate(data)
    assert not schema_accepts(data), why
    assert not loads_accepts(data), why


SAMPLE: dict[str, Any] = {
    "schema_version": 2,
    "actors": [
        {"id": "pmo", "name": "Prime Minister's office", "kind": "government_body"},
        {"id": "us", "name": "US officials", "kind": "unnamed_collective"},
    ],
    "sources": [
        {
            "id": "aj",
            "title": "Iraq blames US-led coalition",
            "url": "https://example.org/aj",
            "retrieved": "2024-01-04T12:00:00+03:00",
        }
    ],
    "events": [],
    "claims": [
        {
            "id": "c1",
            "claimant": "pmo",
            "proposition": {
                "subject": {"type": "actor", "id": "us"},
                "predicate": "responsible_for",
                "object": {"type": "no_value"},
            },
            "quotes": [{"source": "aj", "exact": "text", "start": 3, "end": 7}],
            "assessment": {"reliability": "B", "credibility": 2, "probability": 0.7},
        },
        {
            "id": "c2",
            "claimant": "us",
            "stance": "no_comment",
            "proposition": {
                "subject": {"type": "actor", "id": "us"},
                "predicate": "responsible_for",
                "object": {"type": "unknown"},
            },
        },
    ],
    "links": [{"kind": "responds_to", "claim": "c2", "target": "c1"}],
}


# --------------------------------------------------------------------------
# Date-times: the schema, with its date-time format checked, and `load` agree

FORMATS = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def with_retrieved(text: str) -> dict[str, Any]:
    return {"schema_version": 2, "sources": [{"id": "s", "title": "t", "retrieved": text}]}


def _replace(text: str, i: int, new: str) -> str:
    return text[:i] + new + text[i + 1 :]


# Mutations of a written date-time, each a way people and tools write one.
_MUTATIONS: list[Any] = [
    lambda s, i: s.replace("T", " "),
    lambda s, i: s.replace("T", "t"),
    lambda s, i: s.replace("+00:00", "Z").replace("Z", "z"),
    lambda s, i: s[:i] + "\x00" + s[i:],
    lambda s, i: s + "\n",
    lambda s, i: s + "\x00",
    lambda s, i: s[:16] + s[19:],  # no seconds
    lambda s, i: s[:13] + s[19:],  # no minutes
    lambda s, i: s.replace("-", "", 2).replace(":", "", 2),  # basic format
    lambda s, i: s[:-6] + s[-6:].replace(":", ""),  # offset +0300
    lambda s, i: s[:-6] + s[-6:-3],  # offset +03
    lambda s, i: s + ":30",  # offset seconds
    lambda s, i: s[:19] + s[26:] if len(s) > 26 else s[:19] + ".5" + s[19:],
    lambda s, i: s[:19] + "," + s[20:] if len(s) > 26 else s[:19] + ",5" + s[19:],
    lambda s, i: s[:19] + "." + s[19:],
    lambda s, i: s[:19] + ".1234567" + s[19:],
    lambda s, i: s[:19] + s[-6:].replace(":", ""),
    lambda s, i: s[:19],  # naive
    lambda s, i: s[:10],  # a date
    lambda s, i: f"2024-W01-{i % 7 + 1}" + s[10:],  # a week date
    lambda s, i: "2024-004" + s[10:],  # an ordinal date
    lambda s, i: s[:8] + ("29", "30", "31")[i % 3] + s[10:],
    lambda s, i: s[:5] + "02-" + ("28", "29", "30")[i % 3] + s[10:],
    lambda s, i: ("0000", "0001", "0002", "9998", "9999", "10000")[i % 6] + s[4:],
    lambda s, i: s[:11] + ("23", "24", "25")[i % 3] + s[13:],
    lambda s, i: s[:17] + ("59", "60", "61")[i % 3] + s[19:],
    lambda s, i: s[:-6] + ("+23:59", "-23:59", "+24:00", "+14:60", "-00:00")[i % 5],
    lambda s, i: _replace(s, i % len(s), "\u0661"),  # an Arabic-Indic digit
    lambda s, i: _replace(s, i % len(s), " "),
    lambda s, i: " " + s,
]


@st.composite
def datetime_texts(draw: st.DrawFn) -> str:
    text = draw(strategies.aware_datetimes()).isoformat()
    for _ in range(draw(st.integers(0, 2))):
        mutate = draw(st.sampled_from(_MUTATIONS))
        text = mutate(text, draw(st.integers(0, max(len(text) - 1, 0))))
    return text


@settings(max_examples=500)
@given(datetime_texts())
def test_the_schema_and_load_agree_on_every_date_time(text: str) -> None:
    data = with_retrieved(text)
    assert FORMATS.is_valid(data) is loads_accepts(data), text


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-04 10:00:00+03:00",
        "2024-W01-4T10:00:00+03:00",
        "2024-01-04T10:00:00\x00+03:00",
        "2024-01-04T10:00:00+03:00\x00",
        "2024-02-30T10:00:00+03:00",
        "2024-01-04T10:00+03:00",
        "2024-01-04T10:00:00+03:00:30",
        "2024-01-04T10:00:00+03:00\n",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59Z",
    ],
)
def test_date_times_the_schema_refuses_load_refuses_too(text: str) -> None:
    data = with_retrieved(text)
    assert not FORMATS.is_valid(data)
    assert not loads_accepts(data)
