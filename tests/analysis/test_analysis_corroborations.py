"""`claims.analysis.corroborations`: a mapping whose answers are made as they are read."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from claims import (
    Actor,
    ActorKind,
    Affiliation,
    Claim,
    Dossier,
    Event,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Record,
    When,
)
from claims import strategies as cst
from claims.analysis import corroboration, corroborations
from support import examples


def _later(dossier: Dossier) -> list[Record]:
    """Records that change every claim's corroboration if added to `dossier`.

    A new actor tying two existing actors into one bloc, and for every claim
    a claim by the new actor saying the same, linked as supporting it.
    """
    actors = list(dossier.actors)
    ties = [Affiliation(actors[1], note="close to")] if len(actors) > 1 else []
    part_of = actors[0] if actors else None
    new: list[Record] = [
        Actor("zz-new", "New", kind=ActorKind.MEDIA_OUTLET, part_of=part_of, affiliations=ties)
    ]
    for cid, c in dossier.claims.items():
        new.append(attrs.evolve(c, id=f"{cid}-again", claimant="zz-new"))
        new.append(Link(LinkKind.SUPPORTS, f"{cid}-again", cid))
    return new


@given(cst.dossiers(max_claims=10, max_links=8))
def test_answers_are_those_of_each_claim(dossier: Dossier) -> None:
    every = corroborations(dossier)
    assert list(every) == list(every.keys()) == [cid for cid, _ in every.items()]
    assert len(every) == len(dossier.claims)
    assert set(every) == set(dossier.claims)
    for cid, found in every.items():
        assert found == every[cid] == corroboration(dossier, cid)
        assert cid in every
    assert list(every.values()) == [every[cid] for cid in every]
    assert "no such claim" not in every
    with pytest.raises(KeyError):
        every["no such claim"]


@given(cst.dossiers(max_claims=10, max_links=8))
def test_answers_do_not_depend_on_how_many_are_made_together(dossier: Dossier) -> None:
    expected = dict(corroborations(dossier, include_inactive=True).items())
    every: Any = corroborations(dossier, include_inactive=True)
    every.chunk, every.keep = 1, 1
    assert dict(every.items()) == expected
    assert {cid: every[cid] for cid in reversed(list(every))} == expected


@settings(max_examples=examples(50))
@given(cst.dossiers(max_claims=8, max_links=6))
def test_a_mapping_answers_for_the_dossier_as_it_was_when_made(dossier: Dossier) -> None:
    as_made = Dossier(list(dossier.records()))
    every = corroborations(dossier)
    inactive_too = corroborations(dossier, include_inactive=True)
    dossier.extend(_later(dossier))
    assert list(every) == list(corroborations(as_made))
    assert len(every) == len(as_made.claims)
    for cid in as_made.claims:
        assert every[cid] == corroboration(as_made, cid)
        assert inactive_too[cid] == corroboration(as_made, cid, include_inactive=True)
        assert f"{cid}-again" not in every
    assert dict(every.items()) == dict(corroborations(as_made).items())


def test_answers_read_after_an_add_are_those_before_it() -> None:
    prop = Proposition(EventRef("e"), "casualties", Quantity(4, unit="killed"))
    d = Dossier(
        [
            Actor("reuters", "Reuters", kind=ActorKind.NEWS_AGENCY),
            Actor("ap", "AP", kind=ActorKind.NEWS_AGENCY),
            Event("e", "Strike", when=When.day(2024, 1, 4)),
        ]
    )
    empty = corroborations(d)
    d.add(Claim("r", "reuters", prop))
    every = corroborations(d)
    d.extend([Claim("a", "ap", prop), Link(LinkKind.SUPPORTS, "a", "r")])
    assert every["r"].count == 1
    assert list(every) == ["r"]
    assert "a" not in every
    assert corroborations(d)["r"].count == 2
    assert empty == {}
