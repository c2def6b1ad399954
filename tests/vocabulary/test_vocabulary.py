"""The vocabulary: records, lookups by any name, JSON in and out, and the default."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims.draft import SAID
from claims.exceptions import ClaimsError, InvalidTypeError, InvalidValueError, LoadError
from claims.vocabulary import DEFAULT, Predicate, Unit, ValueKind, Vocabulary, name_key

SMALL = Vocabulary(
    [
        Predicate("killed", "number of deaths", ["deaths", "dead"], kind=ValueKind.QUANTITY),
        Predicate("location", "location", ["located in"], kind=ValueKind.PLACE),
    ],
    [
        Unit("people", "people", ["persons", "civilians"]),
        Unit("km", "kilometres", dimension="length"),
    ],
)


def test_any_name_finds_its_record_whatever_its_case_spacing_or_form() -> None:
    killed = SMALL.predicates[0]
    for name in ["killed", "Killed", "number_of_deaths", "Number of  deaths", "DEATHS", "dead"]:
        assert SMALL.predicate(name) == killed, name
    assert SMALL.predicate("ｄｅａｄ") == killed  # fullwidth letters, NFKC
    assert SMALL.unit("Civilians") == SMALL.units[0]
    assert SMALL.unit("kilometres") == SMALL.units[1]


def test_unknown_names_are_none_and_canonical_as_written() -> None:
    assert SMALL.predicate("motive") is None
    assert SMALL.unit("drones") is None
    assert SMALL.canonical_predicate("Deaths") == "killed"
    assert SMALL.canonical_predicate("Motive") == "Motive"
    assert SMALL.canonical_unit("persons") == "people"
    assert SMALL.canonical_unit("PMF members") == "PMF members"


def test_nearest_finds_names_by_edit_distance_and_by_words_contained() -> None:
    assert SMALL.nearest("kiled") == ("killed",)
    assert SMALL.nearest("Deats") == ("killed",)
    assert SMALL.nearest("locaton") == ("location",)
    assert SMALL.nearest("people killed", among="units") == ("people",)
    assert SMALL.nearest("responsible_for") == ()
    assert Vocabulary().nearest("anything") == ()


@given(st.text())
def test_name_keys_ignore_normal_form_and_separators(name: str) -> None:
    nfd, nfc = unicodedata.normalize("NFD", name), unicodedata.normalize("NFC", name)
    assert name_key(nfd) == name_key(nfc)
    assert name_key(name.replace(" ", "_")) == name_key(name.replace("_", " - "))


def test_a_name_of_two_records_is_an_error_naming_where() -> None:
    with pytest.raises(InvalidValueError, match=r"units\[1\]\.aliases\[0\]: 'Persons'"):
        Vocabulary(units=[Unit("people", "people", ["persons"]), Unit("x", "x", ["Persons"])])
    with pytest.raises(InvalidValueError, match=r"predicates\[1\]\.label"):
        Vocabulary([Predicate("a", "same"), Predicate("b", "Same")])


def test_records_check_their_fields() -> None:
    with pytest.raises(InvalidValueError, match="wikidata"):
        Predicate("killed", "killed", wikidata="Q5")
    with pytest.raises(InvalidValueError, match="only for a quantity"):
        Predicate("location", "location", dimension="count")
    with pytest.raises(InvalidValueError, match="aliases"):
        Unit("people", "people", ["  "])
    with pytest.raises(InvalidTypeError, match="aliases must be a list of strings, not int"):
        Unit("people", "people", 5)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"aliases\[1\] must be a string"):
        Unit("people", "people", ["persons", 5])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="single_valued"):
        Predicate("killed", "killed", single_valued="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"units\[0\]"):
        Vocabulary(units=[Predicate("a", "a")])  # type: ignore[list-item]
    assert issubclass(InvalidValueError, ClaimsError)


def test_records_are_frozen_and_hashable() -> None:
    assert hash(DEFAULT) == hash(Vocabulary(DEFAULT.predicates, DEFAULT.units))
    assert len({*DEFAULT.predicates, *DEFAULT.predicates}) == len(DEFAULT.predicates)
    with pytest.raises(AttributeError):
        DEFAULT.predicates[0].id = "x"  # type: ignore[misc]


def test_json_round_trip() -> None:
    assert Vocabulary.from_json(DEFAULT.to_json()) == DEFAULT
    assert Vocabulary.from_json(SMALL.to_json().encode()) == SMALL
    doc = json.loads(SMALL.to_json())
    assert doc["predicates"][0]["kind"] == "quantity"
    assert "dimension" not in doc["predicates"][1]  # defaults left out


def test_a_hand_written_vocabulary_reads_with_defaults() -> None:
    v = Vocabulary.from_json('{"predicates": [{"id": "hit", "label": "hit"}]}')
    assert v.predicates == (Predicate("hit", "hit"),)
    assert v.predicates[0].kind is ValueKind.TEXT
    assert v.units == ()


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("[", ["not JSON"]),
        (
            '{"predicates": [{"id": "x", "label": "y", "kind": "colour"}]}',
            ["predicates[0].kind: 'colour' is not one of"],
        ),
        (
            '{"predicates": [{"id": "x", "label": 3}], "more": 1}',
            ["predicates[0].label: must be a string", "more: unknown key"],
        ),
        ('{"units": [{"id": "x"}]}', ["units[0].label: is missing"]),
        (
            '{"predicates": [{"id": "x", "label": "y", "wikidata": "Q42"}]}',
            ["predicates[0].wikidata: 'Q42' is not a Wikidata property id"],
        ),
        (
            '{"units": [{"id": "a", "label": "a"}, {"id": "b", "label": "A"}]}',
            ["units[1].label: 'A' already names 'a'"],
        ),
    ],
)
def test_bad_json_says_what_and_where(text: str, problems: list[str]) -> None:
    with pytest.raises(LoadError) as caught:
        Vocabulary.from_json(text)
    found = [str(p) for p in caught.value.problems]
    assert len(found) == len(problems)
    for got, expected in zip(found, problems, strict=True):
        assert got.startswith(expected), (got, expected)


def test_the_default_maps_casualties_and_more_to_wikidata() -> None:
    expected = {
        "deaths": "P1120",
        "injured": "P1339",
        "missing": "P1446",
        "caused by": "P828",
        "location": "P276",
        "point in time": "P585",
        "member of": "P463",
    }
    for name, pid in expected.items():
        predicate = DEFAULT.predicate(name)
        assert predicate is not None, name
        assert predicate.wikidata == pid, name
    for name in ["displaced", "arrested", "responsible_for", "denied", "said", "leader_of"]:
        assert DEFAULT.predicate(name) is not None, name
    ids = [p.wikidata for p in DEFAULT.predicates if p.wikidata is not None]
    assert len(ids) == len(set(ids))


def test_the_default_knows_accusations_and_people() -> None:
    for name in ["responsible_for", "blamed_for", "Blamed for", "perpetrated", "carried_out"]:
        assert DEFAULT.is_accusation(name), name
    for name in ["said", "killed", "denied", "no such predicate"]:
        assert not DEFAULT.is_accusation(name), name
    for name in ["persons", "civilians", "soldiers", "fighters", "children"]:
        assert DEFAULT.canonical_unit(name) == "people", name
    assert DEFAULT.unit("people") is not None
    assert DEFAULT.unit("km") is not None
    assert DEFAULT.unit("km").dimension == "length"  # type: ignore[union-attr]


def test_the_default_covers_the_drafter_and_most_of_the_seed(seed: claims.Dossier) -> None:
    assert DEFAULT.predicate(SAID) is not None
    used = {c.proposition.predicate for c in seed.claims.values()}
    known = {p for p in used if DEFAULT.predicate(p) is not None}
    assert len(known) >= len(used) - 6
    assert {"responsible_for", "casualties", "deaths", "killed_in", "backed_by"} <= known


_WORDS = st.from_regex(r"[a-z][a-z0-9]{0,8}( [a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def vocabularies(draw: st.DrawFn) -> Vocabulary:
    """Vocabularies whose names, each used once, are spread over their records."""
    names = draw(st.lists(_WORDS, min_size=0, max_size=24, unique_by=name_key))
    predicates, units = [], []
    while len(names) >= 2:
        size = draw(st.integers(2, min(5, len(names))))
        ident, label, *aliases = names[:size]
        names = names[size:]
        if draw(st.booleans()):
            kind = draw(st.sampled_from(ValueKind))
            quantity = kind is ValueKind.QUANTITY
            predicates.append(
                Predicate(
                    ident.replace(" ", "_"),
                    label,
                    aliases,
                    kind=kind,
                    dimension=draw(st.sampled_from(["count", "length"])) if quantity else None,
                    single_valued=draw(st.booleans()),
                    single_subject=draw(st.booleans()),
                    accusation=draw(st.booleans()),
                    wikidata=draw(st.none() | st.integers(1, 10**6).map(lambda n: f"P{n}")),
                )
            )
        else:
            units.append(Unit(ident, label, aliases, dimension=draw(_WORDS)))
    return Vocabulary(predicates, units)


@given(vocabularies())
def test_json_round_trip_is_exact(vocabulary: Vocabulary) -> None:
    assert Vocabulary.from_json(vocabulary.to_json()) == vocabulary


@given(vocabularies(), st.data())
def test_every_name_finds_its_own_record(vocabulary: Vocabulary, data: st.DataObject) -> None:
    for predicate in vocabulary.predicates:
        name = data.draw(st.sampled_from(predicate.names))
        assert vocabulary.predicate(name.upper()) == predicate
        assert vocabulary.canonical_predicate(name) == predicate.id
        assert predicate.id in vocabulary.nearest(name)
    for unit in vocabulary.units:
        name = data.draw(st.sampled_from(unit.names))
        assert vocabulary.unit(f" {name.title()} ") == unit
        assert unit.id in vocabulary.nearest(name, among="units")
