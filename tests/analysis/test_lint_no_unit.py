"""Lint warns about a quantity without a unit, which is compared only with others without one."""

from __future__ import annotations

from claims import Actor, Claim, Dossier, Event, EventRef, Proposition, Quantity
from claims.analysis import contradictions, lint

BLAST = EventRef("blast")


def _toll(cid: str, claimant: str, predicate: str, value: Quantity) -> Claim:
    return Claim(cid, claimant, Proposition(BLAST, predicate, value))


def _dossier(*more: Claim) -> Dossier:
    return Dossier(
        [
            Actor("hospital", "City hospital"),
            Actor("ministry", "Ministry of Health"),
            Event("blast", "the blast at the port"),
            *more,
        ]
    )


def test_a_death_toll_without_a_unit_is_named() -> None:
    """ "12 people were killed", "the ministry counted 9 deaths": not compared, so lint says so."""
    d = _dossier(
        _toll("twelve", "hospital", "killed", Quantity(12, unit="people")),
        _toll("nine", "ministry", "deaths", Quantity(9)),
    )
    assert contradictions(d) == ()
    [finding] = [f for f in lint(d) if f.code == "no-unit"]
    assert finding.severity.value == "warning"
    assert finding.records == ("nine",)
    assert finding.message.startswith("'deaths' is a count, but this quantity has no unit")
    assert finding.suggestion == "give the quantity its unit (such as 'people')"
    # Given its unit, it is compared, and lint has nothing to say about it.
    fixed = _dossier(
        _toll("twelve", "hospital", "killed", Quantity(12, unit="people")),
        _toll("nine", "ministry", "deaths", Quantity(9, unit="people")),
    )
    assert len(contradictions(fixed)) == 1
    assert "no-unit" not in {f.code for f in lint(fixed)}


def test_a_predicate_the_vocabulary_does_not_know_needs_no_unit() -> None:
    d = _dossier(_toll("boats", "ministry", "boats sunk", Quantity(3)))
    assert "no-unit" not in {f.code for f in lint(d)}
