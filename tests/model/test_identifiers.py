"""Actor kinds and external identifiers: validation, the schema, and every format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import claims
from claims import Actor, ActorKind, Identifier, Source, strategies
from claims.claimreview import Review, export, from_claimreview
from claims.stix import from_stix_bundle, to_stix_bundle

ROOT = Path(__file__).parents[2]


def _document(identifiers: list[dict[str, object]]) -> str:
    actor = {"id": "a", "name": "A", "identifiers": identifiers}
    return json.dumps({"schema_version": 2, "actors": [actor]})


@pytest.mark.parametrize(
    ("scheme", "value", "message"),
    [
        ("wikidata", "42", "must be a Wikidata item id"),
        ("wikidata", "Q042", "must be a Wikidata item id"),
        ("wikidata", "Q42\n", "must be a Wikidata item id"),
        ("url", "ftp://example.org", "must be an http or https URL"),
        ("url", "https://example.org/a b", "must be an http or https URL"),
        ("isni", "0000 0001 2103 2683", "must be an ISNI"),
        ("isni", "000000012103268", "must be an ISNI"),
        ("orcid", "0000000218250097", "must be an ORCID iD"),
        ("viaf", "0123", "must be a VIAF id"),
        ("doi", " ", "must not be empty"),
    ],
)
def test_a_bad_value_is_refused_at_its_json_path(scheme: str, value: str, message: str) -> None:
    doc = _document([{"scheme": "wikidata", "value": "Q1"}, {"scheme": scheme, "value": value}])
    with pytest.raises(claims.LoadError) as caught:
        claims.loads(doc)
    assert f"actors[0].identifiers[1].value: {message}" in str(caught.value)
    assert not _schema_valid(doc)


@pytest.mark.parametrize("scheme", ["Wikidata", "", "1doi", "my scheme"])
def test_a_scheme_must_be_a_lower_case_name(scheme: str) -> None:
    doc = _document([{"scheme": scheme, "value": "x"}])
    with pytest.raises(claims.LoadError, match=r"actors\[0\]\.identifiers\[0\]\.scheme: must be"):
        claims.loads(doc)
    assert not _schema_valid(doc)


def test_an_identifier_given_twice_is_refused() -> None:
    twice = [Identifier("doi", "10.1/x"), Identifier("doi", "10.1/x")]
    with pytest.raises(claims.InvalidValueError, match=r"has doi '10\.1/x' twice"):
        Source("s", "S", identifiers=twice)


@pytest.mark.parametrize(
    ("scheme", "value"),
    [
        ("wikidata", "Q42"),
        ("url", "https://example.org/über"),
        ("isni", "000000012103268X"),
        ("orcid", "0000-0002-1825-0097"),
        ("viaf", "113230702"),
        ("lei", "anything at all"),
    ],
)
def test_a_good_value_loads_and_the_schema_takes_it(scheme: str, value: str) -> None:
    doc = _document([{"scheme": scheme, "value": value}])
    assert claims.loads(doc).actor("a").identifiers == (Identifier(scheme, value),)
    assert _schema_valid(doc)


def _schema_valid(doc: str) -> bool:
    validator = jsonschema.Draft202012Validator(claims.json_schema())
    return validator.is_valid(json.loads(doc))


@settings(max_examples=50, deadline=None)
@given(strategies.identifiers())
def test_every_drawn_identifier_round_trips_and_the_schema_takes_it(ident: Identifier) -> None:
    dossier = claims.Dossier([Actor("a", "A", identifiers=[ident]), Source("s", "S")])
    dossier = claims.Dossier([*dossier.records(), Source("t", "T", identifiers=[ident])])
    text = claims.dumps(dossier)
    assert claims.loads(text) == dossier
    assert _schema_valid(text)


def test_documents_without_identifiers_are_written_as_before() -> None:
    seed = ROOT / "seeds" / "baghdad-drone-strike.json"
    assert claims.dumps(claims.load(seed)) == seed.read_text()
    old = claims.load(ROOT / "tests" / "data" / "v1" / "dossier.json")
    assert all(a.identifiers == () for a in old.actors.values())
    assert claims.loads(claims.dumps(old)) == old
    assert "identifiers" not in claims.dumps(old)


# What STIX 2.1's identity-class-ov and the kinds mean, written out by hand.
_IDENTITY_CLASS = {
    ActorKind.POLITICAL_PARTY: "organization",
    ActorKind.COMPANY: "organization",
    ActorKind.TRADE_UNION: "organization",
    ActorKind.NON_GOVERNMENTAL_ORGANISATION: "organization",
    ActorKind.INTERNATIONAL_ORGANISATION: "organization",
    ActorKind.COURT: "organization",
    ActorKind.SECURITY_SERVICE: "organization",
    ActorKind.HEALTH_AUTHORITY: "organization",
    ActorKind.RELIGIOUS_BODY: "organization",
    ActorKind.UNNAMED_INDIVIDUAL: "individual",
}


@pytest.mark.parametrize(("kind", "identity_class"), sorted(_IDENTITY_CLASS.items(), key=str))
def test_stix_gives_each_new_kind_its_identity_class(kind: ActorKind, identity_class: str) -> None:
    dossier = claims.Dossier([Actor("a", "A", kind=kind)])
    bundle = to_stix_bundle(dossier, scale=None)
    (identity,) = [o for o in bundle["objects"] if o.get("name") == "A"]
    assert identity["identity_class"] == identity_class
    assert from_stix_bundle(bundle).dossier == dossier


def test_stix_writes_identifiers_as_external_references_and_reads_them_back() -> None:
    ids = [Identifier("wikidata", "Q42"), Identifier("lei", "5493001KJTIIGC8Y1R12")]
    dossier = claims.Dossier([Actor("a", "A", identifiers=ids), Source("s", "S", identifiers=ids)])
    bundle = to_stix_bundle(dossier, scale=None)
    (identity,) = [o for o in bundle["objects"] if o["type"] == "identity" and o["name"] == "A"]
    assert identity["external_references"] == [
        {"source_name": "wikidata", "external_id": "Q42"},
        {"source_name": "lei", "external_id": "5493001KJTIIGC8Y1R12"},
    ]
    back = from_stix_bundle(bundle)
    assert back.dossier == dossier
    assert back.lost == ()


def test_a_stix_reference_that_is_no_identifier_is_named_as_lost() -> None:
    bundle = to_stix_bundle(claims.Dossier([Actor("a", "A")]), scale=None)
    (identity,) = [o for o in bundle["objects"] if o["type"] == "identity" and o["name"] == "A"]
    identity["external_references"] = [
        {"source_name": "wikidata", "external_id": "not a qid"},
        {"source_name": "wikidata", "external_id": "Q7"},
    ]
    back = from_stix_bundle(bundle)
    assert back.dossier.actor("a").identifiers == (Identifier("wikidata", "Q7"),)
    assert len(back.lost) == 1
    assert "external_references[0] not kept" in back.lost[0]
    assert "Wikidata item id" in back.lost[0]


def test_claimreview_writes_identifiers_with_a_url_as_same_as() -> None:
    checker = Actor(
        "checker",
        "Checker",
        kind=ActorKind.UNNAMED_INDIVIDUAL,
        identifiers=[Identifier("wikidata", "Q42"), Identifier("lei", "X1")],
    )
    claim = claims.Claim(
        "c",
        "checker",
        claims.Proposition(claims.Text("it"), "said", claims.Text("so")),
    )
    dossier = claims.Dossier([checker, claim, Review("r", "c", "checker", "False")])
    result = export(dossier)
    author = result.document[0]["author"]
    assert author["@type"] == "Person"
    assert author["sameAs"] == ["https://www.wikidata.org/entity/Q42"]
    assert "actor 'checker'.identifiers: [1] not written: lei has no URL" in result.lost
    assert "actor 'checker'.kind: schema.org says only Person or Organization" in result.lost
    back = from_claimreview(json.loads(json.dumps(result.document)))
    assert back.dossier.actor("checker").identifiers == (Identifier("wikidata", "Q42"),)


def test_parquet_has_an_identifiers_column() -> None:
    ids = [Identifier("wikidata", "Q42")]
    dossier = claims.Dossier([Actor("a", "A", identifiers=ids), Source("s", "S")])
    tables = dossier.to_arrow()
    assert tables["actors"].column("identifiers").to_pylist() == [
        [{"scheme": "wikidata", "value": "Q42"}]
    ]
    assert tables["sources"].column("identifiers").to_pylist() == [[]]
