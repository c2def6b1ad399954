"""Places as values: validation, the gazetteer schemes, the JSON shape and the schema."""

from __future__ import annotations

import json

import jsonschema
import orjson
import pytest

import claims
from claims import Claim, Identifier, Place, Proposition, Text

DISTRICT = Identifier("geonames", "1139027")
PROVINCE = Identifier("iso3166", "AF-NAN")


def _document(obj: dict[str, object], version: int = 4) -> str:
    claim = {
        "id": "c",
        "claimant": "a",
        "proposition": {
            "subject": {"type": "text", "value": "the strike"},
            "predicate": "location",
            "object": obj,
        },
    }
    return json.dumps(
        {"schema_version": version, "actors": [{"id": "a", "name": "A"}], "claims": [claim]}
    )


def _schema_valid(doc: str) -> bool:
    validator = jsonschema.Draft202012Validator(claims.json_schema())
    return validator.is_valid(json.loads(doc))


def test_a_place_is_written_with_its_tag_and_read_back() -> None:
    place = Place("the Haska Mina district", identifiers=[DISTRICT], within=[PROVINCE])
    d = claims.Dossier()
    d.add(claims.Actor("a", "A"))
    d.add(Claim("c", "a", Proposition(Text("the strike"), "location", place)))
    data = orjson.loads(claims.dumps(d))
    assert data["schema_version"] == 4
    assert data["claims"][0]["proposition"]["object"] == {
        "type": "place",
        "name": "the Haska Mina district",
        "identifiers": [{"scheme": "geonames", "value": "1139027"}],
        "within": [{"scheme": "iso3166", "value": "AF-NAN"}],
    }
    assert claims.loads(claims.dumps(d)) == d
    assert _schema_valid(claims.dumps(d))


def test_a_place_in_words_only_is_written_without_empty_lists() -> None:
    doc = _document({"type": "place", "name": "open terrain"})
    d = claims.loads(doc)
    assert d.claim("c").proposition.object == Place("open terrain")
    written = orjson.loads(claims.dumps(d))["claims"][0]["proposition"]["object"]
    assert written == {"type": "place", "name": "open terrain"}


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        ({"scheme": "geonames", "value": "0113"}, "must be a GeoNames id"),
        ({"scheme": "osm", "value": "relation 5"}, "must be an OpenStreetMap element"),
        ({"scheme": "osm", "value": "area/5"}, "must be an OpenStreetMap element"),
        ({"scheme": "iso3166", "value": "af"}, "must be an ISO 3166 code"),
        ({"scheme": "iso3166", "value": "AF-"}, "must be an ISO 3166 code"),
    ],
)
def test_a_bad_gazetteer_id_is_refused_at_its_json_path(
    identifier: dict[str, str], message: str
) -> None:
    doc = _document({"type": "place", "name": "x", "within": [identifier]})
    with pytest.raises(claims.LoadError) as caught:
        claims.loads(doc)
    assert f"claims[0].proposition.object.within[0].value: {message}" in str(caught.value)
    assert not _schema_valid(doc)


@pytest.mark.parametrize(
    "identifier",
    [
        Identifier("geonames", "1139027"),
        Identifier("osm", "relation/1757163"),
        Identifier("osm", "node/42"),
        Identifier("iso3166", "AF"),
        Identifier("iso3166", "AF-NAN"),
        Identifier("wikidata", "Q1045584"),
    ],
)
def test_a_good_gazetteer_id_is_taken(identifier: Identifier) -> None:
    assert Place("x", identifiers=[identifier]).identifiers == (identifier,)


def test_a_place_is_not_within_itself() -> None:
    with pytest.raises(claims.InvalidValueError, match="a place is not within itself"):
        Place("Nangarhar", identifiers=[PROVINCE], within=[PROVINCE])


def test_an_identifier_given_twice_is_refused() -> None:
    with pytest.raises(claims.InvalidValueError, match="twice"):
        Place("Nangarhar", within=[PROVINCE, PROVINCE])


def test_a_place_needs_a_name() -> None:
    doc = _document({"type": "place", "name": ""})
    with pytest.raises(claims.LoadError, match=r"object\.name"):
        claims.loads(doc)
    assert not _schema_valid(doc)


def test_a_place_is_described_by_its_name() -> None:
    prop = Proposition(Text("the strike"), "location", Place("Haska Mina", identifiers=[DISTRICT]))
    assert claims.describe(prop) == "“the strike” location Haska Mina"
