"""Contradictions that know what they compare: names through the vocabulary,
definite and possible contradictions, places and the `where` qualifier."""

from __future__ import annotations

import pytest

from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Dossier,
    Event,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Stance,
    Text,
    Unknown,
)
from claims.analysis import (
    Contradiction,
    ContradictionReason,
    contradictions,
    uncertainties,
)
from claims.vocabulary import Predicate, Unit, ValueKind, Vocabulary

BLAST = EventRef("blast")


def base() -> list[Actor | Event]:
    return [
        Actor("ministry", "Ministry of the Interior", kind=ActorKind.GOVERNMENT_BODY),
        Actor("hospital", "City hospital", kind=ActorKind.OTHER),
        Actor("agency", "Northwind", kind=ActorKind.NEWS_AGENCY),
        Actor("kessa", "Kessa Maritime", kind=ActorKind.OTHER),
        Actor("militia", "A militia", kind=ActorKind.ARMED_GROUP),
        Event("blast", "the blast at the port"),
    ]


def said(
    id: str,
    claimant: str,
    predicate: str,
    obj: object,
    *,
    subject: object = BLAST,
    stance: Stance = Stance.ASSERTS,
    where: str | None = None,
) -> Claim:
    proposition = Proposition(subject, predicate, obj, where=where)  # type: ignore[arg-type]
    return Claim(id, claimant, proposition, stance=stance)


def found(d: Dossier) -> dict[frozenset[str], ContradictionReason]:
    return {frozenset((c.first, c.second)): c.reason for c in contradictions(d)}


# --------------------------------------------------------------------------
# Predicates and units by any of their names


@pytest.mark.parametrize(
    ("predicate", "unit"),
    [
        ("deaths", "dead"),
        ("deaths", "persons"),
        ("Death toll", "people"),
        ("killed", "Civilians"),
        ("fatalities", "individuals"),
    ],
)
def test_a_toll_in_other_words_still_contradicts(predicate: str, unit: str) -> None:
    d = Dossier(
        [
            *base(),
            said("twelve", "hospital", "killed", Quantity(12, unit="people")),
            said("nine", "ministry", predicate, Quantity(9, unit=unit)),
        ]
    )
    [c] = contradictions(d)
    assert (c.first, c.second) == ("twelve", "nine")
    assert c.reason is ContradictionReason.DISJOINT_QUANTITIES
    assert c.definite
    assert c.detail == "killed: 9 vs 12 do not overlap"
    # The claims keep the names they were written with.
    assert d.claims["nine"].proposition.predicate == predicate
    assert d.claims["nine"].proposition.object == Quantity(9, unit=unit)


def test_units_of_different_things_are_not_compared() -> None:
    d = Dossier(
        [
            *base(),
            said("twelve", "hospital", "killed", Quantity(12, unit="people")),
            said("nine", "ministry", "deaths", Quantity(9, unit="families")),
        ]
    )
    assert contradictions(d) == ()


def test_counts_of_what_happened_to_people_are_not_one_unit() -> None:
    d = Dossier(
        [
            *base(),
            said("dead", "hospital", "casualties", Quantity(4, unit="killed")),
            said("hurt", "hospital", "casualties", Quantity(6, unit="wounded")),
        ]
    )
    assert contradictions(d) == ()


def test_a_name_the_vocabulary_does_not_know_is_compared_as_written() -> None:
    d = Dossier(
        [
            *base(),
            said("a", "hospital", "boats sunk", Quantity(1, unit="boats")),
            said("b", "ministry", "Boats Sunk", Quantity(5, unit="boats")),
            said("c", "agency", "boats sunk", Quantity(3, unit="Boats")),
        ]
    )
    assert contradictions(d) == ()


def test_a_denial_in_other_words_is_an_opposite_stance() -> None:
    d = Dossier(
        [
            *base(),
            said("a", "hospital", "killed", Quantity(12, unit="people")),
            said("b", "ministry", "deaths", Quantity(12, unit="persons"), stance=Stance.DENIES),
        ]
    )
    assert found(d) == {frozenset({"a", "b"}): ContradictionReason.OPPOSITE_STANCES}


def test_single_subject_predicates_come_from_the_vocabulary_by_any_name() -> None:
    d = Dossier(
        [
            *base(),
            said("a", "ministry", "blamed for", BLAST, subject=ActorRef("militia")),
            said("b", "agency", "responsible_for", BLAST, subject=ActorRef("kessa")),
        ]
    )
    [c] = contradictions(d)
    assert c.reason is ContradictionReason.DIFFERENT_VALUES
    assert c.detail == "responsible_for: militia vs kessa"
    assert c.definite


def test_a_dossier_s_own_vocabulary_decides_what_is_single_valued() -> None:
    records = [
        *base(),
        said("a", "ministry", "motive", Text("revenge")),
        said("b", "agency", "reason for", Text("money")),
    ]
    assert contradictions(Dossier(records)) == ()
    own = Vocabulary([Predicate("motive", "motive", ["reason for"], single_valued=True)])
    [c] = contradictions(Dossier(records, vocabulary=own))
    assert c.reason is ContradictionReason.DIFFERENT_TEXTS
    # `functional` adds to the vocabulary's, by any name.
    [c] = contradictions(Dossier(records), functional={"Motivation"})
    assert c.reason is ContradictionReason.DIFFERENT_TEXTS


def test_changing_the_vocabulary_changes_the_answer() -> None:
    d = Dossier(
        [
            *base(),
            said("a", "hospital", "toll", Quantity(12, unit="souls")),
            said("b", "ministry", "casualty figure", Quantity(9, unit="people")),
        ]
    )
    assert contradictions(d) == ()
    d.vocabulary = Vocabulary(
        [Predicate("toll", "toll", ["casualty figure"], kind=ValueKind.QUANTITY)],
        [Unit("people", "people", ["souls"])],
    )
    assert [c.reason for c in contradictions(d)] == [ContradictionReason.DISJOINT_QUANTITIES]


def test_an_unknown_in_other_words_is_beside_the_known_values() -> None:
    d = Dossier(
        [
            *base(),
            said("known", "hospital", "killed", Quantity(12, unit="people")),
            said("unclear", "agency", "Death toll", Unknown("not immediately clear")),
        ]
    )
    [u] = uncertainties(d)
    assert (u.claim, u.predicate, u.known) == ("unclear", "killed", ("known",))


# --------------------------------------------------------------------------
# Definite and possible


ACCIDENT = Text("an accident")
VALVE = Text("a technical failure in a storage valve")


def test_two_free_texts_on_a_single_valued_predicate_are_a_possible_contradiction() -> None:
    d = Dossier(
        [
            *base(),
            said("accident", "ministry", "cause", ACCIDENT),
            said("valve", "ministry", "caused by", VALVE),
        ]
    )
    [c] = contradictions(d)
    assert c == Contradiction(
        "accident",
        "valve",
        ContradictionReason.DIFFERENT_TEXTS,
        "cause: 'an accident' vs 'a technical failure in a storage valve'",
    )
    assert not c.definite


@pytest.mark.parametrize("kind", [LinkKind.SUPPORTS, LinkKind.EQUIVALENT])
@pytest.mark.parametrize("forward", [True, False])
def test_a_supports_or_equivalent_link_silences_a_possible_contradiction(
    kind: LinkKind, forward: bool
) -> None:
    link = Link(kind, "valve", "accident") if forward else Link(kind, "accident", "valve")
    d = Dossier(
        [
            *base(),
            said("accident", "ministry", "cause", ACCIDENT),
            said("valve", "ministry", "cause", VALVE),
            link,
        ]
    )
    assert contradictions(d) == ()


@pytest.mark.parametrize("kind", [LinkKind.SUPPORTS, LinkKind.EQUIVALENT])
def test_a_link_does_not_silence_a_definite_contradiction(kind: LinkKind) -> None:
    d = Dossier(
        [
            *base(),
            said("twelve", "hospital", "killed", Quantity(12, unit="people")),
            said("nine", "ministry", "deaths", Quantity(9, unit="dead")),
            Link(kind, "nine", "twelve"),
        ]
    )
    assert found(d) == {frozenset({"twelve", "nine"}): ContradictionReason.DISJOINT_QUANTITIES}


def test_different_events_on_a_single_valued_predicate_are_definite() -> None:
    d = Dossier(
        [
            *base(),
            Event("leak", "a gas leak"),
            Event("strike", "a missile strike"),
            said("leak", "ministry", "cause", EventRef("leak")),
            said("strike", "agency", "cause", EventRef("strike")),
            said("words", "hospital", "cause", ACCIDENT),
        ]
    )
    assert found(d) == {
        frozenset({"leak", "strike"}): ContradictionReason.DIFFERENT_VALUES,
        frozenset({"leak", "words"}): ContradictionReason.DIFFERENT_TEXTS,
        frozenset({"strike", "words"}): ContradictionReason.DIFFERENT_TEXTS,
    }
    assert [c.definite for c in contradictions(d)] == [True, False, False]


def test_a_contradicts_link_makes_a_possible_contradiction_definite() -> None:
    d = Dossier(
        [
            *base(),
            said("accident", "ministry", "cause", ACCIDENT),
            said("valve", "agency", "cause", VALVE),
            Link(LinkKind.CONTRADICTS, "valve", "accident"),
        ]
    )
    [c] = contradictions(d)
    assert c.reason is ContradictionReason.DIFFERENT_TEXTS
    assert c.linked
    assert c.definite


# --------------------------------------------------------------------------
# Places


def test_two_places_as_strings_are_only_a_possible_contradiction() -> None:
    d = Dossier(
        [
            *base(),
            said("district", "ministry", "location", Text("the Haska Mina district")),
            said("terrain", "agency", "took place in", Text("the middle of open terrain")),
        ]
    )
    [c] = contradictions(d)
    assert c.reason is ContradictionReason.DIFFERENT_TEXTS
    assert not c.definite


def test_a_different_where_no_longer_hides_a_contradiction() -> None:
    d = Dossier(
        [
            *base(),
            said("twelve", "hospital", "killed", Quantity(12), where="the port"),
            said("nine", "ministry", "killed", Quantity(9), where="the harbour district"),
            said("denied", "kessa", "killed", Quantity(12), where="Kessa", stance=Stance.DENIES),
        ]
    )
    assert found(d) == {
        frozenset({"twelve", "nine"}): ContradictionReason.DISJOINT_QUANTITIES,
        frozenset({"twelve", "denied"}): ContradictionReason.OPPOSITE_STANCES,
    }
