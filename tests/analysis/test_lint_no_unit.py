"""Lint warns about a quantity without a unit only where it would not be compared."""

from __future__ import annotations

from claims import Actor, Claim, Dossier, Event, EventRef, Proposition, Quantity
from claims.analysis import contradictions, lint
from claims.vocabulary import DEFAULT, Predicate, ValueKind, Vocabulary

BLAST = EventRef("blast")

# A vocabulary whose death toll has a dimension but no default unit.
NO_DEFAULT = Vocabulary(
    [
        Predicate(
            "killed",
            "number of deaths",
            ["deaths"],
            kind=ValueKind.QUANTITY,
            dimension="count",
            single_valued=True,
        )
    ],
    DEFAULT.units,
)


def _toll(cid: str, claimant: str, predicate: str, value: Quantity) -> Claim:
    return Claim(cid, claimant, Proposition(BLAST, predicate, value))


def _dossier(*more: Claim, vocabulary: Vocabulary | None = None) -> Dossier:
    return Dossier(
        [
            Actor("hospital", "City hospital"),
            Actor("ministry", "Ministry of Health"),
            Event("blast", "the blast at the port"),
            *more,
        ],
        vocabulary=vocabulary,
    )


def _tolls(unit: str | None) -> tuple[Claim, Claim]:
    return (
        _toll("twelve", "hospital", "killed", Quantity(12, unit="people")),
        _toll("nine", "ministry", "deaths", Quantity(9, unit=unit)),
    )


def test_a_death_toll_without_a_unit_is_in_people_and_needs_no_warning() -> None:
    """ "12 people were killed", "the ministry counted 9 deaths": compared, nothing to say."""
    d = _dossier(*_tolls(None))
    assert [(c.first, c.second) for c in contradictions(d)] == [("twelve", "nine")]
    assert "no-unit" not in {f.code for f in lint(d)}


def test_a_count_with_no_default_unit_is_named() -> None:
    """Where the vocabulary gives the predicate no unit, the figures are not compared."""
    d = _dossier(*_tolls(None), vocabulary=NO_DEFAULT)
    assert contradictions(d) == ()
    [finding] = [f for f in lint(d) if f.code == "no-unit"]
    assert finding.severity.value == "warning"
    assert finding.records == ("nine",)
    assert finding.message.startswith("'deaths' is a count, but this quantity has no unit")
    assert finding.suggestion == (
        "give the quantity its unit (such as 'people'), "
        "or give 'deaths' a default unit in the vocabulary"
    )
    # Given its unit, it is compared, and lint has nothing to say about it.
    fixed = _dossier(*_tolls("people"), vocabulary=NO_DEFAULT)
    assert len(contradictions(fixed)) == 1
    assert "no-unit" not in {f.code for f in lint(fixed)}


def test_a_predicate_the_vocabulary_does_not_know_needs_no_unit() -> None:
    d = _dossier(_toll("boats", "ministry", "boats sunk", Quantity(3)))
    assert "no-unit" not in {f.code for f in lint(d)}
