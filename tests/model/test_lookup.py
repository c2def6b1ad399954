"""Actors looked up by name or alias, not only by id."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given

import claims
from claims import strategies as cs
from claims.dossier import name_key
from support import SEED


@pytest.fixture(scope="module")
def seed() -> claims.Dossier:
    return claims.load(SEED)


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Reuters", "reuters"),
        ("REUTERS", "reuters"),
        ("  reuters ", "reuters"),
        ("Ｒｅｕｔｅｒｓ", "reuters"),  # full-width letters
        ("hashd al-shaabi", "pmf"),
        ("PMF", "pmf"),
        ("Hashd  al-Shaabi", "pmf"),
        ("prime minister’s office", "iraq-pmo"),
        ("washington", "us"),
        ("us", "us"),
    ],
)
def test_names_aliases_and_ids_find_the_actor(seed: claims.Dossier, name: str, actor: str) -> None:
    assert seed.find_actors(name) == (seed.actor(actor),)
    assert seed.actor_named(name) is seed.actor(actor)


def test_no_match_is_empty_or_a_clear_error(seed: claims.Dossier) -> None:
    assert seed.find_actors("Hezbollah") == ()
    with pytest.raises(claims.NameLookupError, match="no actor is named 'Hezbollah'") as info:
        seed.actor_named("Hezbollah")
    assert isinstance(info.value, KeyError)
    assert info.value.matches == ()


def test_several_matches_are_all_found_and_named_in_the_error() -> None:
    d = claims.Dossier(
        [
            claims.Actor("ap", "The Associated Press", aliases=["AP"]),
            claims.Actor("ap-2", "Agence Presse", aliases=["ap"]),
            claims.Actor("x", "X"),
        ]
    )
    assert [a.id for a in d.find_actors("AP")] == ["ap", "ap-2"]
    with pytest.raises(claims.NameLookupError, match=r"'AP' names 2 actors \('ap', 'ap-2'\)"):
        d.actor_named("AP")


def test_one_actor_is_found_once_though_its_id_name_and_alias_agree() -> None:
    d = claims.Dossier([claims.Actor("pmf", "PMF", aliases=["pmf", "P M F"])])
    assert d.find_actors("pmf") == (d.actor("pmf"),)
    assert d.find_actors("p m f") == (d.actor("pmf"),)


@given(cs.dossiers())
def test_every_actor_is_found_by_each_of_its_names(d: claims.Dossier) -> None:
    for actor in d.actors.values():
        for name in (actor.id, actor.name, *actor.aliases):
            for form in (name, f" {name} ", unicodedata.normalize("NFKD", name)):
                assert actor in d.find_actors(form)
        assert all(
            name_key(name_key(n)) == name_key(n) for n in (actor.id, actor.name, *actor.aliases)
        )
        # Nothing else is found: every actor found by a name bears it.
        key = name_key(actor.name)
        for other in d.find_actors(actor.name):
            assert key in {name_key(n) for n in (other.id, other.name, *other.aliases)}
