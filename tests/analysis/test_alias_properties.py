"""Renaming a predicate or a unit to one of its aliases changes no answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import analysis
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
    """Every answer, with what names the claims by their ids."""
    return (
        *compared(d),
        analysis.corroborations(d),
        analysis.current(d),
        [(s.actor, s.kind, s.accusations, s.claim, s.stance) for s in analysis.silences(d)],
    )


@st.composite
def renaming(draw: st.DrawFn, fresh: bool) -> tuple[claims.Dossier, claims.Dossier]:
    """A dossier and the same with one predicate and one unit renamed to an alias.

    With `fresh`, the aliases are names no claim of the dossier uses, and the
    predicate is not one of `claims.analysis.ACCUSATION_PREDICATES`.
    """
    d = draw(crowded())
    used = {c.proposition.predicate for c in d.claims.values()}
    units = units_of(d)
    renames: list[dict[str, str]] = []
    for names, lookup in ((used, DEFAULT.predicate), (units, DEFAULT.unit)):
        known = sorted(n for n in names if lookup(n) is not None)
        if fresh:
            known = [n for n in known if n not in analysis.ACCUSATION_PREDICATES]
        if not known:
            renames.append({})
            continue
        name = draw(st.sampled_from(known))
        record = lookup(name)
        assert record is not None
        aliases = [a for a in record.names if a != name and not (fresh and a in names)]
        renames.append({name: draw(st.sampled_from(aliases))} if aliases else {})
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
