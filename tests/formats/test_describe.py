"""`claims.describe`: every value, proposition, stance and claim in words."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import (
    ActorRef,
    EventRef,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    Text,
    Unknown,
    describe,
)
from claims import strategies as cs
from claims.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Quantity(value=4, unit="PMF members killed"), "4 PMF members killed"),
        (Quantity(value=1200), "1,200"),
        (Quantity(value=2.5), "2.5"),
        (Quantity(lower=100, lower_open=True, unit="attacks"), "more than 100 attacks"),
        (Quantity(upper=10), "at most 10"),
        (Quantity(upper=10, upper_open=True), "fewer than 10"),
        (Quantity(lower=3, upper=5), "at least 3 and at most 5"),
        (Quantity(value=4, lower=3, upper=5), "4 (at least 3 and at most 5)"),
        (Quantity(lower=2, unit="people", approximate=True), "at least 2 people (approximate)"),
        (Unknown(), "unknown"),
        (Unknown(note="not immediately clear"), "unknown (not immediately clear)"),
        (NoValue(), "none"),
        (NoValue(note="denied"), "none (denied)"),
        (Text("dangerous escalation"), "“dangerous escalation”"),
        (ActorRef("pmf"), "pmf"),
        (EventRef("strike"), "strike"),
    ],
)
def test_values_in_words(value: Any, text: str) -> None:
    assert describe(value) == text


def test_references_are_named_from_the_dossier(seed: claims.Dossier) -> None:
    assert describe(ActorRef("pmf"), seed) == seed.actor("pmf").name
    assert describe(EventRef("strike"), seed) == seed.event("strike").description
    # An id the dossier does not hold is shown as it is.
    assert describe(ActorRef("nobody"), seed) == "nobody"
    assert describe(EventRef("nothing"), seed) == "nothing"


def test_a_proposition_with_when_where_and_qualifiers(seed: claims.Dossier) -> None:
    prop = Proposition(
        subject=EventRef("strike"),
        predicate="killed_in",
        object=Quantity(value=4, unit="people"),
        when=claims.When.day(2024, 1, 4),
        where="Baghdad",
        qualifiers=[claims.Qualifier(name="agency", value="Reuters")],
    )
    assert describe(prop, seed) == (
        f"{seed.event('strike').description} killed in 4 people"
        " (2024-01-04; Baghdad; agency: Reuters)"
    )


@pytest.mark.parametrize(
    ("stance", "words"),
    [
        (Stance.ASSERTS, "asserts"),
        (Stance.DENIES, "denies"),
        (Stance.DECLINED_TO_COMMENT, "declined to comment"),
        (Stance.NO_RESPONSE, "did not respond"),
        (Stance.NO_COMMENT, "no comment"),
        (Stance.UNCLEAR, "says it is unclear"),
    ],
)
def test_stances_in_words(stance: Stance, words: str) -> None:
    assert describe(stance) == words


def test_a_claim_is_its_claimant_stance_and_proposition(seed: claims.Dossier) -> None:
    claim = seed.claim("reuters-killed")
    name = seed.actor(claim.claimant).name
    assert describe(claim, seed) == (
        f"{name} {describe(claim.stance)}: {describe(claim.proposition, seed)}"
    )
    assert describe(claim, seed).startswith("Reuters asserts: ")
    assert "4 PMF members killed" in describe(claim, seed)


def test_a_review_is_its_reviewer_verdict_and_claim(seed: claims.Dossier) -> None:
    d = claims.loads(claims.dumps(seed))
    d.add(claims.Review("r", "reuters-killed", "ap", "Half true", rating=3, best=5, worst=1))
    claim = describe(d.claim("reuters-killed"), d)
    assert (
        describe(d.review("r"), d) == f"The Associated Press finds Half true (3 of 1..5): {claim}"
    )
    assert describe(d.review("r")) == "ap finds Half true (3 of 1..5): reuters-killed"
    assert describe(claims.Review("r", "c", "a", "False")) == "a finds False: c"


@given(cs.dossiers())
def test_every_review_of_any_dossier_names_its_reviewer_and_claim(d: claims.Dossier) -> None:
    for review in d.reviews.values():
        text = describe(review, d)
        assert text.startswith(f"{d.actor(review.reviewer).name} finds {review.scale()}: ")
        assert text.endswith(describe(d.claim(review.claim), d))


def test_anything_else_is_an_invalid_type_error() -> None:
    with pytest.raises(claims.InvalidTypeError, match="cannot describe a Actor"):
        describe(claims.Actor("a", name="A"))  # type: ignore[arg-type]


PLURAL = {"asserts": "assert", "denies": "deny", "says it is unclear": "say it is unclear"}
"""The stances' verbs that change with more than one claimant."""


@given(cs.dossiers(max_also=2))
def test_every_claim_of_any_dossier_is_one_line_naming_its_claimant(d: claims.Dossier) -> None:
    for claim in d.claims.values():
        text = describe(claim, d)
        names = " and ".join(d.actor(a).name for a in claim.claimants)
        verb = describe(claim.stance)
        if len(claim.claimants) > 1:  # the verb agrees: "Reuters and AFP assert"
            verb = PLURAL.get(verb, verb)
        assert text.startswith(f"{names} {verb}: ")
        if claim.stated:
            assert describe(claim.proposition, d) in text
        for words in (claim.topic, claim.reason):
            assert words is None or words in text


@given(st.from_type(claims.Quantity))
def test_every_quantity_shows_its_figures(q: Quantity) -> None:
    text = describe(q)
    for figure in (q.value, q.lower, q.upper):
        if figure is not None:
            shown = f"{figure:,}" if isinstance(figure, int) else f"{figure:,g}"
            assert shown in text


@given(cs.vocabularies())
def test_a_vocabulary_and_its_records_in_words(vocabulary: Vocabulary) -> None:
    text = describe(vocabulary)
    assert text.startswith(f"a vocabulary of {len(vocabulary.predicates):,} predicate")
    for record in (*vocabulary.predicates, *vocabulary.units):
        assert record.id in text
        words = describe(record)
        assert words.startswith(f"{record.id} ({record.label}")
        assert all(alias in words for alias in record.aliases)
    for predicate in vocabulary.predicates:
        words = describe(predicate)
        assert predicate.kind.value in words
        assert ("single-valued" in words.rpartition(": ")[2]) is predicate.single_valued
        assert (predicate.wikidata is not None) is words.endswith(f"Wikidata {predicate.wikidata}")
    for unit in vocabulary.units:
        assert describe(unit).endswith(f": {unit.dimension}")
