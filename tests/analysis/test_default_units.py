"""A quantity given without a unit is compared in its predicate's default unit."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    Claim,
    Dossier,
    Event,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Quantity,
)
from claims.analysis import ContradictionReason, contradictions, corroboration, disputes
from claims.exceptions import ClaimsError, LoadError
from claims.vocabulary import DEFAULT, Predicate, Unit, ValueKind, Vocabulary
from sql_support import crowded

# "Twelve people were killed in the strike, the hospital said. The ministry
# counted nine deaths. A monitor recorded three attacks on the district that
# week; the army spoke of five strikes."
STRIKE = EventRef("strike")


def _strike(*more: claims.Record) -> Dossier:
    return Dossier(
        [
            Actor("hospital", "City hospital"),
            Actor("ministry", "Ministry of Health"),
            Actor("monitor", "A monitor"),
            Actor("army", "The army"),
            Event("strike", "the strike"),
            Event("week", "the week's attacks on the district"),
            *more,
        ]
    )


def _says(cid: str, who: str, predicate: str, value: float, unit: str | None = None) -> Claim:
    subject = EventRef("week") if predicate.startswith("attack") else STRIKE
    return Claim(cid, who, Proposition(subject, predicate, Quantity(value, unit=unit)))


def test_a_toll_without_a_unit_contradicts_one_in_people() -> None:
    d = _strike(
        _says("twelve", "hospital", "killed", 12, "people"), _says("nine", "ministry", "deaths", 9)
    )
    [found] = contradictions(d)
    assert (found.first, found.second) == ("twelve", "nine")
    assert found.reason is ContradictionReason.DISJOINT_QUANTITIES
    assert found.detail == "killed: 9 vs 12 do not overlap"
    [dispute] = disputes(d)
    assert [p.claims for p in dispute.positions] == [("twelve",), ("nine",)]


def test_a_toll_without_a_unit_is_one_position_with_the_same_in_people() -> None:
    d = _strike(
        _says("nine", "ministry", "deaths", 9),
        _says("nine-people", "hospital", "killed", 9, "civilians"),
        _says("twelve", "monitor", "killed", 12),
    )
    [dispute] = disputes(d)
    assert [p.claims for p in dispute.positions] == [("nine", "nine-people"), ("twelve",)]
    assert [(c.first, c.second) for c in contradictions(d)] == [
        ("nine", "twelve"),
        ("nine-people", "twelve"),
    ]


def test_a_count_of_attacks_is_in_attacks() -> None:
    d = _strike(
        _says("three", "monitor", "attacks", 3),
        _says("five", "army", "attacks", 5, "strikes"),
        _says("three-raids", "army", "attack count", 3, "raids"),
    )
    assert [(c.first, c.second) for c in contradictions(d)] == [
        ("three", "five"),
        ("five", "three-raids"),
    ]


def test_a_unit_of_its_own_is_still_another_unit() -> None:
    """A toll in families is not a toll in people, with or without a default."""
    d = _strike(
        _says("nine", "ministry", "deaths", 9), _says("f", "hospital", "killed", 4, "families")
    )
    assert contradictions(d) == ()


def test_a_supporting_toll_without_a_unit_states_the_figure() -> None:
    d = _strike(
        _says("twelve", "hospital", "killed", 12, "people"),
        _says("also-twelve", "ministry", "deaths", 12),
        Link(LinkKind.SUPPORTS, "also-twelve", "twelve"),
    )
    found = corroboration(d, "twelve")
    assert found.count == 2
    assert found.partial == ()


# --------------------------------------------------------------------------
# The vocabulary's default units


def test_the_default_counts_have_units() -> None:
    units = {p.id: p.unit for p in DEFAULT.predicates if p.unit is not None}
    assert units == {
        "killed": "people",
        "wounded": "people",
        "missing": "people",
        "displaced": "people",
        "arrested": "people",
        "casualties": "people",
        "attacks": "attacks",
    }
    assert DEFAULT.compared_unit("death toll", None) == "people"
    assert DEFAULT.compared_unit("death toll", "km") == "kilometres"
    assert DEFAULT.compared_unit("boats sunk", None) is None


def test_a_default_unit_is_for_a_quantity() -> None:
    with pytest.raises(ClaimsError, match=r"Predicate\.unit is only for a quantity"):
        Predicate("motive", "motive", kind=ValueKind.TEXT, unit="people")


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("boats", r"predicates\[0\]\.unit: 'boats' is not a unit of the vocabulary"),
        ("km", r"predicates\[0\]\.unit: 'km' measures length, not count"),
    ],
)
def test_a_default_unit_is_one_of_the_vocabularys_of_the_dimension(unit: str, message: str) -> None:
    toll = Predicate("toll", "toll", kind=ValueKind.QUANTITY, dimension="count", unit=unit)
    with pytest.raises(ClaimsError, match=message):
        Vocabulary([toll], DEFAULT.units)
    text = Vocabulary([attrs.evolve(toll, unit=None)], DEFAULT.units).to_json()
    with pytest.raises(LoadError, match=message):
        Vocabulary.from_json(text.replace('"count"', f'"count", "unit": "{unit}"', 1))


def test_a_default_unit_by_an_alias_is_compared_as_the_unit() -> None:
    toll = Predicate("toll", "toll", kind=ValueKind.QUANTITY, unit="Persons")
    own = Vocabulary([toll], [Unit("people", "people", ["persons"])])
    assert own.compared_unit("toll", None) == "people"
    assert Vocabulary.from_json(own.to_json()) == own
    assert '"unit": "Persons"' in own.to_json()


def test_a_vocabulary_written_without_default_units_still_loads() -> None:
    old = '{"predicates": [{"id": "toll", "label": "toll", "kind": "quantity"}], "units": []}'
    assert Vocabulary.from_json(old).predicate("toll") == Predicate(
        "toll", "toll", kind=ValueKind.QUANTITY
    )
    assert '"unit"' not in Vocabulary.from_json(old).to_json()


def test_a_dossiers_own_vocabulary_keeps_its_default_units() -> None:
    d = _strike(_says("nine", "ministry", "deaths", 9))
    d.vocabulary = DEFAULT
    again = claims.loads(claims.dumps(d))
    assert again.own_vocabulary == DEFAULT
    assert again.vocabulary.predicate("killed").unit == "people"


# --------------------------------------------------------------------------
# Property: dropping a unit that is the default changes no answer


def comparisons(d: Dossier) -> tuple[Any, ...]:
    """The answers that compare claims' values through the vocabulary."""
    return (
        claims.analysis.contradictions(d),
        claims.analysis.contradictions(d, include_inactive=True),
        claims.analysis.uncertainties(d),
        claims.analysis.disputes(d),
        claims.analysis.disputes(d, include_inactive=True),
    )


def _is_default(claim: Claim, vocabulary: Vocabulary) -> bool:
    p = claim.proposition
    obj = p.object
    return (
        isinstance(obj, Quantity)
        and obj.unit is not None
        and vocabulary.compared_unit(p.predicate, obj.unit)
        == vocabulary.compared_unit(p.predicate, None)
    )


@settings(max_examples=60)
@given(crowded(), st.data())
def test_dropping_a_default_unit_changes_no_comparison(d: Dossier, data: st.DataObject) -> None:
    vocabulary = d.vocabulary
    records: list[Any] = []
    for r in d.records():
        if isinstance(r, Claim) and _is_default(r, vocabulary) and data.draw(st.booleans()):
            p = r.proposition
            r = attrs.evolve(
                r, proposition=attrs.evolve(p, object=attrs.evolve(p.object, unit=None))
            )
        records.append(r)
    assert comparisons(Dossier(records)) == comparisons(d)
