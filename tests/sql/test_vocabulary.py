"""claims.sql through a dossier's own vocabulary, given or carried by the export."""

from __future__ import annotations

import tempfile

import pytest
from hypothesis import given, settings

import claims
from claims import parquet
from claims import sql as csql
from claims.vocabulary import Predicate, Unit, ValueKind, Vocabulary
from sql_support import (
    by_claim,
    crowded,
    expected_contradictions,
    expected_corroborations,
    expected_silences,
    expected_uncertainties,
    rows,
)

OWN = Vocabulary(
    [
        Predicate(
            "toll", "toll", ["killed", "deaths"], kind=ValueKind.QUANTITY, single_valued=True
        ),
        Predicate(
            "blame",
            "blame",
            ["responsible_for", "carried out"],
            kind=ValueKind.ACTOR,
            accusation=True,
            single_subject=True,
        ),
        Predicate("cause", "cause", ["perpetrated"], single_valued=True),
    ],
    [Unit("people", "people", ["killed"]), Unit("civilians", "civilians", ["persons"])],
)
"""A vocabulary unlike `claims.vocabulary.DEFAULT` on the names `crowded` draws."""


def _toll(cid: str, who: str, predicate: str, unit: str) -> claims.Claim:
    return claims.Claim(
        cid,
        who,
        claims.Proposition(claims.EventRef("blast"), predicate, claims.Quantity(9, unit=unit)),
    )


def test_a_supporting_claim_states_the_same_only_through_the_dossiers_vocabulary() -> None:
    """``toll`` 9 ``persons`` states ``deaths`` 9 ``civilians`` in `OWN`, not in the default."""
    d = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Actor("b", "B"),
            claims.Event("blast", "the blast"),
            _toll("first", "a", "deaths", "civilians"),
            _toll("second", "b", "toll", "persons"),
            claims.Link(claims.LinkKind.SUPPORTS, "second", "first"),
        ]
    )
    tables = parquet.tables(d)
    assert by_claim(csql.corroborations(tables))["first"][0] == 1
    assert by_claim(csql.corroborations(tables)) == expected_corroborations(d)
    d.vocabulary = OWN
    found = by_claim(csql.corroborations(tables, vocabulary=OWN))
    assert found["first"][:2] == (2, [["first"], ["second"]])
    assert found == expected_corroborations(d)


@pytest.mark.engines
@settings(max_examples=40)
@given(crowded())
def test_an_own_vocabulary_given_or_exported_answers_as_in_memory(d: claims.Dossier) -> None:
    d.vocabulary = OWN
    tables = parquet.tables(d)
    assert by_claim(csql.corroborations(tables, vocabulary=OWN)) == expected_corroborations(d)
    with tempfile.TemporaryDirectory() as out:
        parquet.export(d, out)
        assert parquet.vocabulary(out) == OWN
        # The export's vocabulary.json is read when none is given.
        assert by_claim(csql.corroborations(out)) == expected_corroborations(d)
        assert rows(csql.contradictions(out)) == expected_contradictions(d)
        assert rows(csql.uncertainties(out)) == expected_uncertainties(d)
        assert rows(csql.silences(out)) == expected_silences(d)
