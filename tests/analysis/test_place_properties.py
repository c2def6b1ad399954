"""Properties of places: containment and identity never conflict, names never decide."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import Place, analysis, strategies
from claims.analysis import ContradictionReason
from sql_support import crowded


@st.composite
def located(draw: st.DrawFn) -> claims.Dossier:
    """Claims placing one event, by a few claimants, with places that meet, and some links."""
    records: list[Any] = [
        *(claims.Actor(a, a.title()) for a in ("army", "council", "clinic")),
        claims.Event("strike", "the strike"),
    ]
    n = draw(st.integers(2, 7))
    pool = draw(st.lists(strategies.places(), min_size=1, max_size=3))  # so that places repeat
    values = st.sampled_from(pool) | st.builds(claims.Text, st.sampled_from(["a hillside", "x"]))
    for i in range(n):
        predicate = draw(st.sampled_from(["location", "took place in", "place"]))
        obj = draw(values | st.just(claims.NoValue()))
        stance = draw(st.sampled_from([claims.Stance.ASSERTS] * 3 + [claims.Stance.DENIES]))
        claimant = draw(st.sampled_from(["army", "council", "clinic"]))
        prop = claims.Proposition(claims.EventRef("strike"), predicate, obj)
        records.append(claims.Claim(f"c{i}", claimant, prop, stance=stance))
    kinds = st.sampled_from(
        [claims.LinkKind.EQUIVALENT, claims.LinkKind.SUPPORTS, claims.LinkKind.CONTRADICTS]
    )
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3))
    links = {claims.Link(draw(kinds), f"c{a}", f"c{b}") for a, b in pairs if a != b}
    records.extend(sorted(links, key=lambda k: (k.kind.value, k.claim, k.target)))
    return claims.Dossier(records)


def _known_compatible(a: Any, b: Any) -> bool:
    """Two places the analyst's identifiers say are one, or one within the other."""
    if not isinstance(a, Place) or not isinstance(b, Place):
        return False
    ids_a, ids_b = set(a.identifiers), set(b.identifiers)
    return bool(ids_a & ids_b or set(a.within) & ids_b or set(b.within) & ids_a)


def _objects(d: claims.Dossier, c: analysis.Contradiction) -> tuple[Any, Any]:
    return d.claim(c.first).proposition.object, d.claim(c.second).proposition.object


@settings(max_examples=150)
@given(located() | crowded())
def test_places_known_to_be_one_or_nested_never_conflict(d: claims.Dossier) -> None:
    for c in analysis.contradictions(d, include_inactive=True):
        a, b = _objects(d, c)
        first, second = d.claim(c.first), d.claim(c.second)
        stances = {first.stance, second.stance}
        # Two subjects each said to be responsible for one place conflict on
        # the subject (a single-subject predicate), not on the place.
        same = first.proposition.subject == second.proposition.subject
        if same and _known_compatible(a, b) and stances == {claims.Stance.ASSERTS}:
            assert c.reason is ContradictionReason.LINKED, c


@settings(max_examples=150)
@given(located() | crowded())
def test_two_places_never_conflict_definitely_unless_linked_or_opposed(d: claims.Dossier) -> None:
    for c in analysis.contradictions(d, include_inactive=True):
        a, b = _objects(d, c)
        if isinstance(a, Place) or isinstance(b, Place):
            assert c.reason not in (
                ContradictionReason.DIFFERENT_VALUES,
                ContradictionReason.DIFFERENT_TEXTS,
            )
        if c.reason is ContradictionReason.DIFFERENT_PLACES:
            assert c.definite == c.linked
    for dispute in analysis.disputes(d, include_inactive=True):
        for r in dispute.reasons:
            if r.reason is ContradictionReason.DIFFERENT_PLACES:
                assert r.definite == r.linked


def _answers(d: claims.Dossier) -> tuple[Any, ...]:
    """What the comparison answers say, without the words of their details."""
    return (
        [(c.first, c.second, c.reason, c.linked) for c in analysis.contradictions(d)],
        [
            (c.first, c.second, c.reason, c.linked)
            for c in analysis.contradictions(d, include_inactive=True)
        ],
        analysis.uncertainties(d),
    )


@st.composite
def renamed_places(draw: st.DrawFn) -> tuple[claims.Dossier, claims.Dossier]:
    """A dossier and the same with some places that carry identifiers given other names.

    Only claims on predicates that are not single-subject are renamed: there
    a place is the object that names the subjects compared, taken as written.
    """
    d = draw(located() | crowded())
    one_subject = {p.id for p in d.vocabulary.predicates if p.single_subject}
    names = st.sampled_from(["Tarn Vale", "Orrin", "the district", "a renamed place"])
    records: list[Any] = []
    for r in d.records():
        if isinstance(r, claims.Claim):
            obj = r.proposition.object
            predicate = d.vocabulary.canonical_predicate(r.proposition.predicate)
            if (
                isinstance(obj, Place)
                and obj.identifiers
                and predicate not in one_subject
                and draw(st.booleans())
            ):
                place = attrs.evolve(obj, name=draw(names))
                r = attrs.evolve(r, proposition=attrs.evolve(r.proposition, object=place))
        records.append(r)
    return d, claims.Dossier(records, vocabulary=d.own_vocabulary)


@settings(max_examples=150)
@given(renamed_places())
def test_renaming_a_place_that_carries_identifiers_changes_no_answer(
    pair: tuple[claims.Dossier, claims.Dossier],
) -> None:
    d, other = pair
    assert _answers(other) == _answers(d)
