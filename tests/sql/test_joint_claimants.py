"""Joint statements (`Claim.also`) in claims.sql: every claimant is read, as in memory."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import claims
from claims import parquet
from claims import sql as csql
from claims import strategies as cs
from sql_support import (
    by_claim,
    expected_contradictions,
    expected_corroborations,
    expected_silences,
    expected_timeline,
    rows,
)

BLAST = claims.EventRef("blast")
BLAMED = claims.Proposition(claims.ActorRef("group"), "responsible_for", BLAST)


def _joint_statements() -> claims.Dossier:
    """U.S. and Afghan officials blame the group; its spokesman is one of a joint denial."""
    records: list[Any] = [
        claims.Actor("us", "U.S. officials"),
        claims.Actor("afghan", "Afghan officials"),
        claims.Actor("outlet", "An outlet"),
        claims.Actor("group", "The group"),
        claims.Actor("spokesman", "Its spokesman", part_of="group"),
        claims.Actor("elder", "A village elder"),
        claims.Event("blast", "the blast"),
        claims.Claim("joint", "us", BLAMED, also=("afghan",)),
        claims.Claim("afghan-alone", "afghan", BLAMED),
        claims.Claim("outlet-says", "outlet", BLAMED),
        # The group's own claim, in a joint statement led by another: the
        # accusation is answered.
        claims.Claim(
            "owned",
            "elder",
            claims.Proposition(claims.ActorRef("spokesman"), "carried_out", BLAST),
            also=("spokesman",),
        ),
        claims.Claim(
            "accused",
            "outlet",
            claims.Proposition(claims.ActorRef("spokesman"), "carried_out", BLAST),
        ),
        # A silence on a topic alone, by a joint statement one of whose
        # claimants is part of the accused group.
        claims.Claim(
            "silent",
            "elder",
            None,
            stance=claims.Stance.NO_COMMENT,
            topic="the blast",
            also=("spokesman",),
        ),
    ]
    return claims.Dossier(records)


def test_a_joint_statement_is_each_claimants_in_sql() -> None:
    d = _joint_statements()
    tables = parquet.tables(d)
    found = by_claim(csql.corroborations(tables))
    assert found == expected_corroborations(d)
    # "joint" and "afghan-alone" share Afghan officials: one origin.
    assert found["outlet-says"][:2] == (2, [["joint", "afghan-alone"], ["outlet-says"]])
    silences = rows(csql.silences(tables))
    assert silences == expected_silences(d)
    # The silence is the spokesman's too: it is reported with every
    # accusation against the group and its spokesman, which are then not
    # listed again as unanswered (as a silence stating each would be).
    assert silences == [
        (
            "elder",
            "reported",
            "silent",
            "no_comment",
            ["joint", "afghan-alone", "outlet-says", "accused"],
        ),
    ]


@pytest.mark.engines
@settings(max_examples=100)
@given(cs.dossiers(max_actors=5, max_claims=10, max_links=6, max_also=2))
def test_generated_joint_statements_answer_as_in_memory(d: claims.Dossier) -> None:
    tables = parquet.tables(d)
    assert rows(csql.contradictions(tables)) == expected_contradictions(d)
    assert by_claim(csql.corroborations(tables)) == expected_corroborations(d)
    assert rows(csql.silences(tables)) == expected_silences(d)
    assert rows(csql.timeline(tables)) == expected_timeline(d)
