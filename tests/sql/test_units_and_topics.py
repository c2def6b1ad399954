"""claims.sql compares a quantity without a unit in its predicate's default unit, and
lists an accusation a topic-only silence answers once, as claims.analysis does."""

from __future__ import annotations

import pytest

import claims
from claims import parquet
from claims import sql as csql
from sql_support import (
    by_claim,
    expected_contradictions,
    expected_corroborations,
    expected_silences,
    rows,
)

STRIKE = claims.EventRef("strike")
BLAMED = claims.Proposition(claims.ActorRef("kessa"), "responsible_for", claims.EventRef("blast"))


def _toll(cid: str, who: str, predicate: str, value: int, unit: str | None) -> claims.Claim:
    return claims.Claim(
        cid, who, claims.Proposition(STRIKE, predicate, claims.Quantity(value, unit=unit))
    )


def test_a_toll_without_a_unit_is_compared_in_people() -> None:
    """ "Twelve people were killed", "nine deaths", "twelve dead, the ministry confirmed"."""
    d = claims.Dossier(
        [
            claims.Actor("hospital", "City hospital"),
            claims.Actor("ministry", "Ministry of Health"),
            claims.Actor("monitor", "A monitor"),
            claims.Event("strike", "the strike"),
            _toll("twelve", "hospital", "killed", 12, "people"),
            _toll("nine", "monitor", "deaths", 9, None),
            _toll("also-twelve", "ministry", "death toll", 12, None),
            claims.Link(claims.LinkKind.SUPPORTS, "also-twelve", "twelve"),
        ]
    )
    tables = parquet.tables(d)
    found = rows(csql.contradictions(tables))
    assert found == expected_contradictions(d)
    assert found == [
        ("twelve", "nine", "disjoint_quantities", False),
        ("nine", "also-twelve", "disjoint_quantities", False),
    ]
    corroborated = by_claim(csql.corroborations(tables))
    assert corroborated == expected_corroborations(d)
    assert corroborated["twelve"][:2] == (2, [["twelve"], ["also-twelve"]])


@pytest.mark.parametrize("stated", [False, True])
def test_a_topic_silence_is_listed_once_as_a_stated_one_is(stated: bool) -> None:
    d = claims.Dossier(
        [
            claims.Actor("kessa", "Kessa Maritime"),
            claims.Actor("press", "Kessa Maritime press office", part_of="kessa"),
            claims.Actor("union", "Dockers' union"),
            claims.Event("blast", "the blast"),
            claims.Claim("union-blames", "union", BLAMED),
            claims.Claim(
                "declines",
                "press",
                BLAMED if stated else None,
                stance=claims.Stance.DECLINED_TO_COMMENT,
                topic="the cause of the blast",
            ),
        ]
    )
    found = rows(csql.silences(parquet.tables(d)))
    assert found == expected_silences(d)
    assert found == [("press", "reported", "declines", "declined_to_comment", ["union-blames"])]
