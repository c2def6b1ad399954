"""Places as values: compared by their gazetteer identifiers and by containment, never by name.

A small dossier written for the case: an air strike placed in a district of a
province by one side and in open country by another.
"""

from __future__ import annotations

import pytest

import claims
from claims import (
    Actor,
    ActorKind,
    Claim,
    Dossier,
    Event,
    EventRef,
    Identifier,
    Link,
    LinkKind,
    Place,
    Proposition,
    Quantity,
    Stance,
    Text,
)
from claims.analysis import ContradictionReason, contradictions, disputes

STRIKE = EventRef("strike")
DISTRICT_ID = Identifier("geonames", "1139027")
PROVINCE_ID = Identifier("iso3166", "AF-NAN")
DISTRICT = Place(
    "the Tarn Vale district of Orrin province", identifiers=[DISTRICT_ID], within=[PROVINCE_ID]
)
PROVINCE = Place("Orrin province", identifiers=[PROVINCE_ID])
OPEN = Place("the middle of open country")


def _dossier(*located: tuple[str, str, object], stance: Stance = Stance.ASSERTS) -> Dossier:
    d = Dossier(
        [
            Actor("army", "The army", kind=ActorKind.MILITARY),
            Actor("council", "The district council", kind=ActorKind.GOVERNMENT_BODY),
            Actor("clinic", "The valley clinic", kind=ActorKind.OTHER),
            Event("strike", "the air strike"),
        ]
    )
    for cid, who, where in located:
        assert isinstance(where, (Place, Text))
        d.add(Claim(cid, who, Proposition(STRIKE, "location", where)))
    return d


def _found(d: Dossier) -> list[tuple[str, str, str, bool]]:
    return [(c.first, c.second, c.reason.value, c.definite) for c in contradictions(d)]


def test_a_district_against_open_country_is_only_a_possible_contradiction() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", OPEN))
    assert _found(d) == [("c1", "c2", "different_places", False)]
    [dispute] = disputes(d)
    assert not dispute.definite
    assert [r.reason for r in dispute.reasons] == [ContradictionReason.DIFFERENT_PLACES]


def test_an_equivalent_link_silences_two_places() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", OPEN))
    d.add(Link(LinkKind.EQUIVALENT, "c2", "c1"))
    assert _found(d) == []
    assert disputes(d) == ()


def test_a_contradicts_link_makes_two_places_definite() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", OPEN))
    d.add(Link(LinkKind.CONTRADICTS, "c2", "c1"))
    assert _found(d) == [("c1", "c2", "different_places", True)]


def test_a_district_within_its_province_is_no_contradiction() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", PROVINCE))
    assert _found(d) == []
    assert disputes(d) == ()


def test_one_place_under_two_names_is_no_contradiction() -> None:
    other_name = Place("Tarn Vale", identifiers=[DISTRICT_ID, Identifier("wikidata", "Q42")])
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", other_name))
    assert _found(d) == []


def test_containment_is_not_chained_through_a_third_place() -> None:
    country = Identifier("iso3166", "AF")
    province = Place("Orrin province", identifiers=[PROVINCE_ID], within=[country])
    d = _dossier(
        ("c1", "council", DISTRICT),
        ("c2", "army", Place("the country", identifiers=[country])),
        ("c3", "clinic", province),
    )
    # the district is not recorded as within the country: only a possible contradiction
    assert _found(d) == [("c1", "c2", "different_places", False)]


def test_a_place_against_words_is_only_a_possible_contradiction() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", Text("a remote hillside")))
    assert _found(d) == [("c1", "c2", "different_places", False)]


def test_two_places_of_one_name_without_identifiers_are_one_value() -> None:
    d = _dossier(("c1", "council", OPEN), ("c2", "army", Place("the middle of open country")))
    assert _found(d) == []


def test_a_place_denied_under_another_name_is_denied() -> None:
    d = _dossier(("c1", "council", DISTRICT))
    renamed = Place("Tarn Vale", identifiers=[DISTRICT_ID])
    d.add(Claim("c2", "army", Proposition(STRIKE, "location", renamed), stance=Stance.DENIES))
    assert _found(d) == [("c1", "c2", "opposite_stances", True)]


def test_a_where_qualifier_never_hides_a_contradiction() -> None:
    d = _dossier()
    for cid, who, n, where in (("t1", "clinic", 12, "Tarn Vale"), ("t2", "army", 9, "Orrin")):
        prop = Proposition(STRIKE, "killed", Quantity(n, unit="civilians"), where=where)
        d.add(Claim(cid, who, prop))
    assert _found(d) == [("t1", "t2", "disjoint_quantities", True)]


def test_the_report_names_a_place_and_shows_its_identifiers_with_ids() -> None:
    d = _dossier(("c1", "council", DISTRICT), ("c2", "army", OPEN))
    plain = claims.views.report(d)
    assert "the air strike location the Tarn Vale district of Orrin province" in plain
    assert "geonames" not in plain
    with_ids = claims.views.report(d, ids=True)
    assert "place: geonames 1139027; within iso3166 AF-NAN" in with_ids


@pytest.mark.parametrize("predicate", ["location", "took place in"])
def test_a_place_on_a_place_predicate_is_not_linted_as_the_wrong_kind(predicate: str) -> None:
    d = _dossier()
    d.add(Claim("c1", "council", Proposition(STRIKE, predicate, DISTRICT)))
    codes = [f.code for f in claims.analysis.lint(d)]
    assert "value-kind" not in codes
    assert "free-text" not in codes


@pytest.mark.parametrize(
    "d",
    [
        _dossier(("c1", "council", DISTRICT), ("c2", "army", OPEN)),
        _dossier(("c1", "council", DISTRICT), ("c2", "army", PROVINCE)),
        _dossier(
            ("c1", "council", DISTRICT), ("c2", "army", Text("hill")), ("c3", "clinic", PROVINCE)
        ),
        _dossier(
            ("c1", "council", DISTRICT), ("c2", "army", Place("Tarn", identifiers=[DISTRICT_ID]))
        ),
    ],
)
def test_sql_compares_places_as_the_analysis_does(d: Dossier) -> None:
    from claims import parquet, sql

    d.add(Claim("c9", "clinic", Proposition(STRIKE, "place", Place("Tarn")), stance=Stance.DENIES))
    d.add(
        Claim(
            "c10",
            "army",
            Proposition(STRIKE, "location", Place("T", identifiers=[DISTRICT_ID])),
            stance=Stance.DENIES,
        )
    )
    found = sql.contradictions(parquet.tables(d)).to_pylist()
    assert [(r["claim"], r["other"], r["reason"], r["linked"]) for r in found] == [
        (c.first, c.second, c.reason.value, c.linked) for c in contradictions(d)
    ]
