"""The generated fast paths agree with the plain cattrs converter on every input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import _convert
from claims import strategies as cs
from support import RECORD_TYPES, examples, json_values, nodes, set_at

FAST = _convert.converter
SLOW = _convert.make_converter(fast=False)
DOC = _convert.Document


def outcome(conv: Any, data: Any, cls: Any) -> tuple[str, Any]:
    """('ok', JSON text of the result) or ('error', the problems with their paths)."""
    try:
        value = conv.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - compared between the two converters
        return "error", _convert.problems(exc)
    return "ok", orjson.dumps(SLOW.unstructure(value))


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
def test_each_record_type_is_written_and_read_alike(cls: type[Any]) -> None:
    @given(st.from_type(cls))
    def check(record: Any) -> None:
        data = FAST.unstructure(record)
        assert orjson.dumps(data) == orjson.dumps(SLOW.unstructure(record))
        assert FAST.structure(data, cls) == record
        assert outcome(FAST, data, cls) == outcome(SLOW, data, cls)

    check()


@settings(max_examples=examples(100))
@given(cs.dossiers())
def test_whole_documents_are_written_byte_for_byte_alike(d: claims.Dossier) -> None:
    doc = DOC(
        claims.SCHEMA_VERSION,
        tuple(d.actors.values()),
        tuple(d.sources.values()),
        tuple(d.events.values()),
        tuple(d.claims.values()),
        d.links,
    )
    assert orjson.dumps(FAST.unstructure(doc)) == orjson.dumps(SLOW.unstructure(doc))


@settings(max_examples=examples(200))
@given(cs.dossiers(), st.data(), json_values)
def test_any_mutation_is_read_alike(d: claims.Dossier, data: st.DataObject, junk: Any) -> None:
    doc = orjson.loads(claims.dumps(d))
    paths = [p for p, _ in nodes(doc) if p]
    if paths:
        path = data.draw(st.sampled_from(paths))
        doc = set_at(doc, path, junk)
    assert outcome(FAST, doc, DOC) == outcome(SLOW, doc, DOC)


@settings(max_examples=examples(150))
@given(cs.dossiers(), st.data())
def test_dropping_or_adding_keys_is_read_alike(d: claims.Dossier, data: st.DataObject) -> None:
    doc = orjson.loads(claims.dumps(d))
    objects = [(p, v) for p, v in nodes(doc) if isinstance(v, dict) and v and p]
    if objects:
        path, obj = data.draw(st.sampled_from(objects))
        changed = dict(obj)
        if data.draw(st.booleans()):
            del changed[data.draw(st.sampled_from(sorted(changed)))]
        else:
            changed[data.draw(st.sampled_from(["type", "id", "x", "note", "value"]))] = "x"
        doc = set_at(doc, path, changed)
    assert outcome(FAST, doc, DOC) == outcome(SLOW, doc, DOC)


@settings(max_examples=examples(100))
@given(cs.dossiers())
def test_encode_writes_the_bytes_of_the_converter(d: claims.Dossier) -> None:
    for record in d.records():
        assert _convert.encode(record) == orjson.dumps(SLOW.unstructure(record))
    records = list(d.records())
    assert _convert.encode(records) == orjson.dumps(SLOW.unstructure(records))


@pytest.mark.parametrize(
    "tz",
    [
        UTC,
        timezone(timedelta(hours=3)),
        timezone(timedelta(hours=-3, minutes=-30)),
        timezone(timedelta(hours=23, minutes=59)),
        ZoneInfo("Asia/Baghdad"),
    ],
    ids=str,
)
def test_encode_writes_every_offset_as_isoformat_does(tz: Any) -> None:
    for at in (datetime(1950, 1, 2, tzinfo=tz), datetime(2024, 1, 4, 9, 30, 0, 5, tzinfo=tz)):
        for _ in range(2):  # the second time, from what the first one learnt
            record = claims.Source("s", "t", retrieved=at)
            assert _convert.encode(record) == orjson.dumps(SLOW.unstructure(record))
            assert at.isoformat().encode() in _convert.encode(record)


@pytest.mark.parametrize(
    "tz",
    [
        timezone(timedelta(seconds=3630)),
        timezone(timedelta(hours=1, microseconds=5)),
        ZoneInfo("Asia/Baghdad"),  # in 1900: +02:57:36
    ],
    ids=str,
)
def test_an_offset_rfc_3339_cannot_write_is_refused(tz: Any) -> None:
    with pytest.raises(claims.InvalidValueError, match="whole minutes"):
        claims.Source("s", "t", retrieved=datetime(1900, 1, 2, tzinfo=tz))


def test_a_datetime_subclass_is_written_too() -> None:
    class Stamp(datetime):
        pass

    record = claims.Source("s", "t", retrieved=Stamp(2024, 1, 4, tzinfo=UTC))
    assert _convert.encode(record) == orjson.dumps(SLOW.unstructure(record))
