"""Short reprs: a record in a line that still says what it is, and nothing else changes."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import strategies as cs
from support import SEED

LIMIT = 400  # generous: ids, names and words are cut to 40 or 80 characters
# One character however repr escapes it (\x1f, \U0010c38c): the cut counts characters.
_ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)")


@pytest.fixture(scope="module")
def seed() -> claims.Dossier:
    return claims.load(SEED)


def test_the_seed_claim_reads_in_a_line(seed: claims.Dossier) -> None:
    claim = seed.claim("reuters-killed")
    assert repr(claim) == (
        "Claim(id='reuters-killed', claimant='reuters', stance=asserts, strike casualties "
        "4 PMF members killed, 1 quote, via al-jazeera, assessed=B3, likely, moderate confidence)"
    )
    assert repr(claim.proposition) == "Proposition(strike casualties 4 PMF members killed)"
    assert repr(seed.actor("ap")) == (
        "Actor(id='ap', name='The Associated Press', kind=news_agency, aliases=('AP',))"
    )
    assert repr(seed.actor("ahmed-saad")) == (
        "Actor(id='ahmed-saad', name='Ahmed Saad', kind=person, part_of='reuters')"
    )
    assert repr(claim.quotes[0]) == (
        "Quote(source='aj-article', exact='four PMF members were killed', start=960, end=988)"
    )
    assert repr(seed.event("strike").when) == "When('2024-01-04')"


def test_no_seed_record_repr_is_long(seed: claims.Dossier) -> None:
    longest = max(len(repr(r)) for r in seed.records())
    assert longest < 250


def test_a_huge_id_is_cut() -> None:
    actor = claims.Actor("x" * 3_000_000, "y" * 1000)
    assert repr(actor) == f"Actor(id='{'x' * 39}…', name='{'y' * 39}…')"


def test_dossier_counts_have_plurals() -> None:
    assert repr(claims.Dossier()) == ("<Dossier: 0 actors, 0 sources, 0 events, 0 claims, 0 links>")
    one = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Source("s", "S"),
            claims.Event("e", "E"),
            claims.Claim("c", "a", claims.Proposition(claims.Text("t"), "is", claims.Text("u"))),
        ]
    )
    assert repr(one) == "<Dossier: 1 actor, 1 source, 1 event, 1 claim, 0 links>"


@given(cs.dossiers())
def test_reprs_are_short_and_change_nothing_else(dossier: claims.Dossier) -> None:
    for record in dossier.records():
        text = repr(record)
        assert len(_ESCAPE.sub("?", text)) <= LIMIT, text
        assert text.startswith(type(record).__name__ + "(")
        copy = attrs.evolve(record)
        assert copy == record
        assert hash(copy) == hash(record)
        if isinstance(record, claims.Claim):
            assert repr(record.id[:39])[:-1] in text
            assert f"stance={record.stance.value}" in text


@given(st.text(min_size=1, max_size=60).filter(str.strip))
def test_a_repr_holds_no_more_than_it_shows(name: str) -> None:
    text = repr(claims.Actor("a", name))
    shown = name if len(name) <= 40 else name[:39] + "…"
    assert text == f"Actor(id='a', name={shown!r})"
