"""Disputes: contradictions grouped by position, checked against the pairs."""

from __future__ import annotations

from collections import defaultdict

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claims import (
    Actor,
    ActorRef,
    Claim,
    Dossier,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    Text,
    Unknown,
    Value,
    When,
)
from claims import strategies as cst
from claims.analysis import (
    ContradictionReason,
    contradictions,
    corroboration,
    disputes,
)
from claims.analysis.disputes import is_definite


@st.composite
def disputed_dossiers(draw: st.DrawFn) -> Dossier:
    """Dossiers whose claims often conflict, on a few subjects, at a few times and places.

    Starts from `claims.strategies.dossiers` and rewrites each claim's
    proposition from a small pool (figures, actors, texts on a predicate
    with one value, none and unknown), with an optional time (some only in
    words) and place. Predicates and units are named by several of their
    names in the default vocabulary (``killed``, ``deaths``, ``Dead``;
    ``people``, ``persons``, ``dead``), texts on a single-valued predicate
    make possible contradictions, and ``equivalent`` and ``supports`` links
    between claims may silence them.
    """
    base = draw(cst.dossiers(max_claims=12, max_links=8))
    actors = list(base.actors)
    subjects = [EventRef(e) for e in base.events] + [ActorRef(a) for a in actors[:2]]
    if not subjects:
        return base
    people = st.sampled_from(["people", "persons", "dead"])
    objects: list[Value] = [
        Quantity(4, unit=draw(people)),
        Quantity(9, unit=draw(people)),
        Quantity(lower=7, unit=draw(people)),
        Quantity(lower=2, approximate=True, unit=draw(people)),
        Unknown("not immediately clear"),
        NoValue(),
        Text("Baghdad"),
        Text("Basra"),
        Text("a drone"),
        *(ActorRef(a) for a in actors[:2]),
    ]
    whens = [None, None, When.day(2024, 1, 4), When.day(2024, 1, 5), draw(cst.whens_in_words())]
    stances = st.sampled_from([Stance.ASSERTS] * 4 + [Stance.DENIES, Stance.NO_COMMENT])
    # Most claims give one of two figures, so positions often hold several
    # claims; texts go mostly to the predicates with one value, in words.
    values = st.sampled_from(objects[:2] * 4) | st.sampled_from(objects)
    texts = st.sampled_from(objects[6:9]) | st.sampled_from(objects)
    in_words = ("location", "place", "cause")
    predicates = st.sampled_from(
        [
            "killed",
            "deaths",
            "Dead",
            "responsible_for",
            "perpetrated",
            *in_words,
            "location",
            "place",
        ]
    )
    new_claims = []
    for c in base.claims.values():
        predicate = draw(predicates)
        prop = Proposition(
            draw(st.sampled_from(subjects[:2])),
            predicate,
            draw(texts if predicate in in_words else values),
            when=draw(st.sampled_from(whens)),
            where=draw(st.sampled_from([None, None, None, "Baghdad", "Basra"])),
        )
        new_claims.append(attrs.evolve(c, proposition=prop, stance=draw(stances)))
    others = [r for r in base.records() if not isinstance(r, (Claim, Link))]
    ids = [c.id for c in new_claims]
    links = {(x.kind, x.claim, x.target): x for x in base.links}
    if len(ids) > 1:
        pairs = st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True)
        for a, b in draw(st.lists(pairs, max_size=2)):
            links.setdefault((LinkKind.CONTRADICTS, a, b), Link(LinkKind.CONTRADICTS, a, b))
        silencing = st.sampled_from([LinkKind.EQUIVALENT, LinkKind.SUPPORTS])
        worded = [c.id for c in new_claims if c.proposition.predicate in in_words]
        if len(worded) > 1:
            pairs = st.lists(st.sampled_from(worded), min_size=2, max_size=2, unique=True)
        for a, b in draw(st.lists(pairs, max_size=3)):
            kind = draw(silencing)
            links.setdefault((kind, a, b), Link(kind, a, b))
    return Dossier([*others, *new_claims, *links.values()])


@given(disputed_dossiers(), st.booleans())
def test_every_pair_lies_between_two_positions_of_one_dispute(
    dossier: Dossier, include_inactive: bool
) -> None:
    found = disputes(dossier, include_inactive=include_inactive)
    where: dict[str, tuple[int, int]] = {}
    for d, dispute in enumerate(found):
        for p, position in enumerate(dispute.positions):
            for cid in position.claims:
                assert cid not in where, f"{cid} holds two positions"
                where[cid] = (d, p)
    pairs: defaultdict[tuple[int, int, int], list[ContradictionReason]] = defaultdict(list)
    linked: defaultdict[tuple[int, int, int], bool] = defaultdict(bool)
    definite: defaultdict[tuple[int, int, int], bool] = defaultdict(bool)
    for c in contradictions(dossier, include_inactive=include_inactive):
        (da, pa), (db, pb) = where[c.first], where[c.second]
        assert da == db
        assert pa != pb or c.reason is ContradictionReason.LINKED
        key = (da, *sorted((pa, pb)))
        pairs[key].append(c.reason)
        linked[key] |= c.linked
        definite[key] |= c.definite
    reasons = {(d, r.first, r.second): r for d, x in enumerate(found) for r in x.reasons}
    assert reasons.keys() == pairs.keys()
    for key, r in reasons.items():
        assert r.pairs == len(pairs[key])
        assert r.reason in pairs[key]
        assert r.linked == linked[key]
        assert r.definite == definite[key]
    for d, x in enumerate(found):
        assert x.definite == any(definite[(d, r.first, r.second)] for r in x.reasons)
    # Every claim of a position takes part in a pair.
    involved = {
        cid
        for c in contradictions(dossier, include_inactive=include_inactive)
        for cid in (c.first, c.second)
    }
    assert involved == where.keys()


@given(disputed_dossiers())
def test_the_positions_of_a_dispute_are_joined_by_conflicts(dossier: Dossier) -> None:
    for dispute in disputes(dossier):
        assert len(dispute.positions) >= 1
        joined = {0}
        grew = True
        while grew:
            grew = False
            for r in dispute.reasons:
                if (r.first in joined) != (r.second in joined):
                    joined |= {r.first, r.second}
                    grew = True
        assert joined == set(range(len(dispute.positions)))
        assert all(r.pairs >= 1 for r in dispute.reasons)
        assert dispute.definite == any(r.definite for r in dispute.reasons)
        for r in dispute.reasons:
            assert r.definite == (r.linked or is_definite(r.reason))


@given(disputed_dossiers())
def test_a_position_says_one_thing_and_partitions_its_claims_into_origins(
    dossier: Dossier,
) -> None:
    order = list(dossier.claims)
    vocabulary = dossier.vocabulary
    for dispute in disputes(dossier):
        for position in dispute.positions:
            for cid in position.claims:
                claim = dossier.claim(cid)
                p = claim.proposition
                obj = p.object
                if isinstance(obj, Quantity) and obj.unit is not None:
                    obj = attrs.evolve(obj, unit=vocabulary.canonical_unit(obj.unit))
                predicate = vocabulary.canonical_predicate(p.predicate)
                said = (p.subject, predicate, obj, claim.stance)
                assert said == (
                    position.subject,
                    position.predicate,
                    position.object,
                    position.stance,
                )
            assert list(position.claims) == sorted(position.claims, key=order.index)
            origins = [c for o in position.origins for c in o.claims]
            assert sorted(origins) == sorted(position.claims)
            assert position.count == sum(1 for o in position.origins if o.counted)


def relays(n: int, figure: int, first: int = 0) -> list[Actor | Claim]:
    """`n` outlets, each relaying the ministry's figure `figure` through the agency."""
    records: list[Actor | Claim] = []
    prop = Proposition(EventRef("strike"), "killed", Quantity(figure, unit="people"))
    for i in range(first, first + n):
        records.append(Actor(f"outlet-{i}", f"Outlet {i}"))
        chain = (Hop("agency", "according to"),)
        records.append(Claim(f"c{i}", f"outlet-{i}", prop, chain=chain))
    return records


def four_hundred_against_four_hundred() -> Dossier:
    d = Dossier([Event("strike", "The strike"), Actor("agency", "The agency")])
    d.extend(relays(400, 4))
    d.extend(relays(400, 9, first=400))
    return d


def test_four_hundred_outlets_against_four_hundred_are_one_dispute_of_two_positions() -> None:
    d = four_hundred_against_four_hundred()
    [dispute] = disputes(d)
    assert [p.object for p in dispute.positions] == [
        Quantity(4, unit="people"),
        Quantity(9, unit="people"),
    ]
    four, nine = dispute.positions
    assert four.claims == tuple(f"c{i}" for i in range(400))
    assert nine.claims == tuple(f"c{i}" for i in range(400, 800))
    # The origins are those corroboration finds for each figure.
    assert four.origins == corroboration(d, "c0").origins
    assert nine.origins == corroboration(d, "c400").origins
    assert (four.count, nine.count) == (
        corroboration(d, "c0").count,
        corroboration(d, "c400").count,
    )
    [reason] = dispute.reasons
    assert (reason.first, reason.second, reason.pairs) == (0, 1, 160_000)
    assert reason.reason is ContradictionReason.DISJOINT_QUANTITIES
    assert reason.detail == "killed: 4 vs 9 do not overlap"
    assert dispute.pairs == 160_000
    assert dispute.definite


def test_a_position_lists_only_the_claims_set_when_the_others_are() -> None:
    d = Dossier([Event("strike", "The strike"), Actor("a", "A"), Actor("b", "B")])
    jan4, jan5 = When.day(2024, 1, 4), When.day(2024, 1, 5)
    said = [
        ("x", "a", 4, jan4, "Baghdad"),
        ("y", "a", 4, jan5, "Baghdad"),
        ("w", "a", 4, jan4, "Basra"),  # a place in words sets nothing apart
        ("z", "b", 9, jan4, "Baghdad"),
    ]
    d.extend(
        Claim(
            cid, who, Proposition(EventRef("strike"), "killed", Quantity(n), when=when, where=where)
        )
        for cid, who, n, when, where in said
    )
    [dispute] = disputes(d)
    assert [p.claims for p in dispute.positions] == [("x", "w"), ("z",)]
    assert [len(p.origins) for p in dispute.positions] == [1, 1]
    assert dispute.pairs == 2


def test_a_claim_set_apart_by_supersession_leaves_its_position() -> None:
    d = four_hundred_against_four_hundred()
    newer = Claim(
        "c0-new", "outlet-0", Proposition(EventRef("strike"), "killed", Quantity(9, unit="people"))
    )
    d.extend([newer, Link(LinkKind.SUPERSEDES, "c0-new", "c0")])
    [dispute] = disputes(d)
    four, nine = dispute.positions
    assert four.claims == tuple(f"c{i}" for i in range(1, 400))
    assert four.origins == corroboration(d, "c1").origins
    assert nine.claims[-1] == "c0-new"
    assert nine.origins == corroboration(d, "c0-new").origins
    assert "c0" in disputes(d, include_inactive=True)[0].positions[0].claims


def test_a_denial_and_an_accusation_are_two_positions_of_opposite_stances() -> None:
    said = Proposition(ActorRef("pmf"), "responsible_for", Text("the strike"))
    d = Dossier([Actor("pmf", "PMF"), Actor("us", "US officials"), Actor("uk", "UK")])
    d.extend(
        [
            Claim("a", "us", said),
            Claim("b", "pmf", said, stance=Stance.DENIES),
            Claim("c", "uk", said),
        ]
    )
    [dispute] = disputes(d)
    assert [(p.stance, p.claims) for p in dispute.positions] == [
        (Stance.ASSERTS, ("a", "c")),
        (Stance.DENIES, ("b",)),
    ]
    [reason] = dispute.reasons
    assert reason.reason is ContradictionReason.OPPOSITE_STANCES
    assert reason.pairs == 2


def test_a_contradicts_link_joins_the_positions_of_its_claims() -> None:
    d = Dossier([Event("strike", "The strike"), Actor("a", "A"), Actor("b", "B")])
    d.extend(
        [
            Claim("x", "a", Proposition(EventRef("strike"), "cause", Text("a drone"))),
            Claim("y", "b", Proposition(EventRef("strike"), "target", Text("a depot"))),
            Link(LinkKind.CONTRADICTS, "y", "x", note="a depot is no drone target"),
        ]
    )
    [dispute] = disputes(d)
    # Positions name predicates by their canonical names ("target" is an alias).
    assert [p.predicate for p in dispute.positions] == ["cause", "targeted"]
    [reason] = dispute.reasons
    assert (reason.reason, reason.detail, reason.linked) == (
        ContradictionReason.LINKED,
        "a depot is no drone target",
        True,
    )


def test_no_conflict_no_dispute() -> None:
    d = Dossier([Event("strike", "The strike"), Actor("agency", "The agency")])
    d.extend(relays(3, 4))
    assert disputes(d) == ()


def test_four_hundred_against_four_hundred_in_other_words_is_still_one_dispute() -> None:
    # The same figures, said as "killed ... people" by some and "deaths ... dead" by others.
    d = Dossier([Event("strike", "The strike"), Actor("agency", "The agency")])
    for i, record in enumerate([*relays(400, 4), *relays(400, 9, first=400)]):
        if isinstance(record, Claim) and i % 4 == 3:
            said = Proposition(
                EventRef("strike"), "deaths", attrs.evolve(record.proposition.object, unit="dead")
            )
            record = attrs.evolve(record, proposition=said)
        d.add(record)
    [dispute] = disputes(d)
    assert [p.object for p in dispute.positions] == [
        Quantity(4, unit="people"),
        Quantity(9, unit="people"),
    ]
    assert [p.predicate for p in dispute.positions] == ["killed", "killed"]
    four, nine = dispute.positions
    assert four.claims == tuple(f"c{i}" for i in range(400))
    assert nine.claims == tuple(f"c{i}" for i in range(400, 800))
    [reason] = dispute.reasons
    assert (reason.pairs, reason.reason) == (160_000, ContradictionReason.DISJOINT_QUANTITIES)
    assert dispute.definite


def two_causes(*links: Link) -> Dossier:
    d = Dossier([Event("strike", "The strike"), Actor("a", "A"), Actor("b", "B")])
    d.extend(
        [
            Claim("x", "a", Proposition(EventRef("strike"), "cause", Text("a drone"))),
            Claim("y", "b", Proposition(EventRef("strike"), "caused by", Text("a US drone"))),
            *links,
        ]
    )
    return d


def test_two_free_texts_on_a_cause_are_a_dispute_that_is_not_definite() -> None:
    [dispute] = disputes(two_causes())
    assert [p.object for p in dispute.positions] == [Text("a drone"), Text("a US drone")]
    [reason] = dispute.reasons
    assert (reason.reason, reason.pairs) == (ContradictionReason.DIFFERENT_TEXTS, 1)
    assert not reason.definite
    assert not dispute.definite


def test_an_equivalent_link_silences_the_possible_dispute() -> None:
    assert disputes(two_causes(Link(LinkKind.EQUIVALENT, "y", "x"))) == ()
    assert disputes(two_causes(Link(LinkKind.SUPPORTS, "x", "y"))) == ()


def test_a_contradicts_link_makes_a_possible_dispute_definite() -> None:
    [dispute] = disputes(two_causes(Link(LinkKind.CONTRADICTS, "y", "x")))
    [reason] = dispute.reasons
    assert (reason.reason, reason.linked, reason.pairs) == (
        ContradictionReason.DIFFERENT_TEXTS,
        True,
        1,
    )
    assert dispute.definite


def test_silencing_is_per_pair_of_claims() -> None:
    # x and y are linked as equivalent, z (saying what y says) is not linked to x.
    d = two_causes(Link(LinkKind.EQUIVALENT, "y", "x"))
    d.add(Actor("c", "C"))
    d.add(Claim("z", "c", Proposition(EventRef("strike"), "cause", Text("a US drone"))))
    [dispute] = disputes(d)
    assert [p.claims for p in dispute.positions] == [("x",), ("z",)]
    [reason] = dispute.reasons
    assert reason.pairs == 1
    assert [(c.first, c.second) for c in contradictions(d)] == [("x", "z")]


@given(
    st.lists(st.sampled_from(["a drone", "a US drone", "a rocket"]), min_size=2, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.booleans()), max_size=6),
)
def test_silencing_links_remove_the_same_pairs_from_disputes_and_contradictions(
    causes: list[str], joined: list[tuple[int, int, bool]]
) -> None:
    d = Dossier([Event("strike", "The strike"), Actor("a", "A")])
    said = [Text(cause) for cause in causes]
    d.extend(
        Claim(f"c{i}", "a", Proposition(EventRef("strike"), "cause", text))
        for i, text in enumerate(said)
    )
    links = {
        (f"c{i}", f"c{j}"): LinkKind.EQUIVALENT if equivalent else LinkKind.SUPPORTS
        for i, j, equivalent in joined
        if i != j and max(i, j) < len(said)
    }
    d.extend(Link(kind, a, b) for (a, b), kind in links.items())
    found = contradictions(d)
    assert sum(x.pairs for x in disputes(d)) == len(found)
    involved = {cid for c in found for cid in (c.first, c.second)}
    assert {cid for x in disputes(d) for p in x.positions for cid in p.claims} == involved
    assert all(not x.definite for x in disputes(d))
