"""The central property: the JSON round trip is exact."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import json as claims_json
from claims import strategies as cs
from support import RECORD_TYPES, examples


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
def test_every_record_type_round_trips(cls: type[Any]) -> None:
    @given(st.from_type(cls))
    def check(record: Any) -> None:
        data = claims_json.unstructure(record)
        assert claims_json.structure(data, cls) == record
        # and through JSON text
        assert claims_json.structure(orjson.loads(orjson.dumps(data)), cls) == record

    check()


@settings(max_examples=examples(1000))
@given(cs.dossiers())
def test_dossier_round_trip_is_exact(dossier: claims.Dossier) -> None:
    text = claims.dumps(dossier)
    again = claims.loads(text)
    assert again == dossier
    # The order of every collection survives too, so the text is stable.
    assert claims.dumps(again) == text


@given(cs.dossiers())
def test_compact_and_indented_documents_agree(dossier: claims.Dossier) -> None:
    assert claims.loads(claims.dumps(dossier, indent=False)) == dossier
    assert "\n" not in claims.dumps(dossier, indent=False).rstrip("\n")


def test_document_carries_schema_version() -> None:
    text = claims.dumps(claims.Dossier())
    assert '"schema_version": ' in text
    assert claims.loads(text) == claims.Dossier()


@given(cs.dossiers())
def test_file_round_trip(tmp_path_factory: Any, dossier: claims.Dossier) -> None:
    path = tmp_path_factory.mktemp("rt") / "d.json"
    claims.dump(dossier, path)
    assert claims.load(path) == dossier


def test_from_type_is_registered_through_the_entry_point() -> None:
    from importlib.metadata import entry_points

    names = {ep.value for ep in entry_points(group="hypothesis")}
    assert "claims._hypothesis_plugin:_register" in names

    @given(st.from_type(claims.Dossier))
    def check(d: claims.Dossier) -> None:
        assert isinstance(d, claims.Dossier)

    check()
