"""Renaming a predicate or a unit to one of its aliases changes no answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import EventRef, analysis
from claims.vocabulary import DEFAULT
from sql_support import crowded


def renamed(
    d: claims.Dossier, predicate: Callable[[str], str], unit: Callable[[str], str]
) -> claims.Dossier:
    """`d` with every claim's predicate and quantity unit passed through the renamings."""
    records: list[Any] = []
    for r in d.records():
        if isinstance(r, claims.Claim):
            p = r.proposition
            obj = p.object
            if isinstance(obj, claims.Quantity) and obj.unit is not None:
                obj = attrs.evolve(obj, unit=unit(obj.unit))
            r = attrs.evolve(
                r, proposition=attrs.evolve(p, predicate=predicate(p.predicate), object=obj)
            )
        records.append(r)
    return claims.Dossier(records, vocabulary=d.own_vocabulary)


def units_of(d: claims.Dossier) -> set[str]:
    return {
        c.proposition.object.unit
        for c in d.claims.values()
        if isinstance(c.proposition.object, claims.Quantity) and c.proposition.object.unit
    }


def compared(d: claims.Dossier) -> tuple[Any, ...]:
    """The answers that compare claims through the vocabulary."""
    return (
        analysis.contradictions(d),
        analysis.contradictions(d, include_inactive=True),
        analysis.uncertainties(d),
    )


def every(d: claims.Dossier) -> tuple[Any, ...]:
    """Every answer, with what names the claims by their ids.

    A partial support's reason quotes the claims' own words ("says took
    place in, not Dead"), which a renaming changes: it is left out.
    """
    return (
        *compared(d),
        {
            cid: attrs.evolve(
                found, partial=tuple(attrs.evolve(p, reason="") for p in found.partial)
            )
            for cid, found in analysis.corroborations(d).items()
        },
        analysis.current(d),
        [(s.actor, s.kind, s.accusations, s.claim, s.stance) for s in analysis.silences(d)],
    )


@st.composite
def tolls(draw: st.DrawFn) -> claims.Dossier:
    """Small dossiers whose claims give tolls, causes and blame under several names."""
    actors = [claims.Actor(a, a.title()) for a in ("ministry", "hospital", "militia", "agency")]
    events = [claims.Event("blast", "the blast"), claims.Event("leak", "a leak")]
    blast = claims.EventRef("blast")
    # Figures and units taken in turn from a few distinct ones, so that
    # different figures in different names of one unit meet.
    units = draw(
        st.lists(
            st.sampled_from(["people", "persons", "dead", "Civilians", "families"]),
            min_size=2,
            max_size=3,
            unique=True,
        )
    )
    figures = draw(st.lists(st.sampled_from([12, 9, 4]), min_size=2, max_size=3, unique=True))
    turn = iter(range(100))

    def quantity(approximate: bool) -> claims.Quantity:
        k = next(turn)
        unit = units[k % len(units)]
        return claims.Quantity(figures[k % len(figures)], unit=unit, approximate=approximate)

    quantities = st.builds(quantity, st.booleans())
    toll = st.tuples(
        st.just(blast),
        st.sampled_from(["killed", "deaths", "Dead", "death toll", "boats sunk"]),
        st.one_of(quantities, quantities, st.builds(claims.Unknown), st.builds(claims.NoValue)),
    )
    cause = st.tuples(
        st.just(blast),
        st.sampled_from(["cause", "caused by", "caused_by", "location", "place"]),
        st.sampled_from([claims.Text("an accident"), claims.Text("a valve"), EventRef("leak")]),
    )
    blame = st.tuples(
        st.sampled_from([claims.ActorRef("militia"), claims.ActorRef("agency")]),
        st.sampled_from(["responsible_for", "blamed for", "behind", "carried out"]),
        st.just(blast),
    )
    said = st.one_of(toll, toll, cause, blame)
    records: list[Any] = [*actors, *events]
    n = draw(st.integers(2, 8))
    for i in range(n):
        subject, predicate, obj = draw(said)
        stance = draw(st.sampled_from([claims.Stance.ASSERTS] * 3 + [claims.Stance.DENIES]))
        claimant = draw(st.sampled_from(["ministry", "hospital", "agency"]))
        proposition = claims.Proposition(subject, predicate, obj)
        records.append(claims.Claim(f"c{i}", claimant, proposition, stance=stance))
    kinds = st.sampled_from(
        [claims.LinkKind.SUPPORTS, claims.LinkKind.EQUIVALENT, claims.LinkKind.CONTRADICTS]
    )
    links = {
        claims.Link(draw(kinds), f"c{a}", f"c{b}")
        for a, b in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))))
        if a != b
    }
    records.extend(sorted(links, key=lambda k: (k.kind.value, k.claim, k.target)))
    return claims.Dossier(records)


@st.composite
def renaming(draw: st.DrawFn, fresh: bool) -> tuple[claims.Dossier, claims.Dossier]:
    """A dossier and the same with its predicates and units renamed to aliases.

    Each predicate and unit the default vocabulary knows may be renamed to
    another of its names, in every claim that uses it. With `fresh`, the
    new names are names no claim of the dossier uses, two names are never
    renamed alike, and `claims.analysis.ACCUSATION_PREDICATES` are kept.
    """
    d = draw(tolls() | crowded())
    used = {c.proposition.predicate for c in d.claims.values()}
    units = units_of(d)
    renames: list[dict[str, str]] = []
    for names, lookup in ((used, DEFAULT.predicate), (units, DEFAULT.unit)):
        taken = set(names)
        rename: dict[str, str] = {}
        for name in sorted(names):
            record = lookup(name)
            if record is None or (fresh and name in analysis.ACCUSATION_PREDICATES):
                continue
            aliases = [a for a in record.names if a != name and not (fresh and a in taken)]
            # An alias other claims already use is the telling case: take it.
            in_use = [a for a in aliases if a in names and a not in rename]
            if in_use:
                rename[name] = draw(st.sampled_from(in_use))
            elif aliases and draw(st.booleans()):
                rename[name] = draw(st.sampled_from(aliases))
            else:
                continue
            taken.add(rename[name])
        renames.append(rename)
    by_predicate, by_unit = renames
    other = renamed(d, lambda n: by_predicate.get(n, n), lambda n: by_unit.get(n, n))
    return d, other


@settings(max_examples=60)
@given(renaming(fresh=False))
def test_renaming_to_an_alias_in_use_changes_no_comparison(
    pair: tuple[claims.Dossier, claims.Dossier],
) -> None:
    """Even when the alias is already used by other claims: they were compared alike."""
    d, other = pair
    assert compared(other) == compared(d)


@settings(max_examples=40)
@given(renaming(fresh=True))
def test_renaming_to_an_unused_alias_changes_no_answer(
    pair: tuple[claims.Dossier, claims.Dossier],
) -> None:
    d, other = pair
    assert every(other) == every(d)
