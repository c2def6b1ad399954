"""Properties of the analysis under Hypothesis, on dossiers from `claims.strategies`."""

from __future__ import annotations

import itertools

import attrs
from hypothesis import assume, given, note
from hypothesis import strategies as st

from claims import (
    ActorRef,
    Claim,
    Dossier,
    EventRef,
    Link,
    LinkKind,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    Unknown,
    Value,
)
from claims import strategies as cst
from claims.analysis import (
    APPROXIMATE_TOLERANCE,
    ContradictionReason,
    contradictions,
    corroboration,
    corroborations,
    current,
    timeline,
)


@st.composite
def crowded_dossiers(draw: st.DrawFn) -> Dossier:
    """Dossiers whose claims often say the same thing, or nearly.

    Starts from `claims.strategies.dossiers` and rewrites each claim's
    proposition from a small pool, so that agreement, disagreement and
    shared origins are common.
    """
    base = draw(cst.dossiers(max_claims=10, max_links=8))
    actors = list(base.actors)
    subjects = [EventRef(e) for e in base.events] + [ActorRef(a) for a in actors[:2]]
    if not subjects:
        return base
    objects: list[Value] = [
        Quantity(4, unit="killed"),
        Quantity(9, unit="killed"),
        Quantity(lower=7, unit="killed"),
        Quantity(lower=2, approximate=True, unit="killed"),
        Quantity(6, unit="wounded"),
        Unknown("not immediately clear"),
        NoValue(),
        *(ActorRef(a) for a in actors[:2]),
    ]
    stances = st.sampled_from([Stance.ASSERTS] * 4 + [Stance.DENIES, Stance.NO_COMMENT])
    new_claims = []
    for c in base.claims.values():
        prop = Proposition(
            draw(st.sampled_from(subjects)),
            draw(st.sampled_from(["casualties", "responsible_for"])),
            draw(st.sampled_from(objects)),
        )
        new_claims.append(attrs.evolve(c, proposition=prop, stance=draw(stances)))
    others = [r for r in base.records() if not isinstance(r, (Claim, Link))]
    return Dossier([*others, *new_claims, *base.links])


def copy_of(dossier: Dossier, original: str, new_id: str, reporter: str | None) -> Dossier:
    """`dossier` plus a verbatim copy of claim `original` under `new_id`.

    The copy says the same thing, by the same claimant, and stands in the
    same links as the original (a copy of a superseded report is superseded
    too); it may be relayed by another reporter.
    """
    claim = dossier.claim(original)
    chain = claim.chain
    if reporter is not None:
        chain = (attrs.evolve(chain[0], reporter=reporter), *chain[1:]) if chain else chain
    copy = attrs.evolve(claim, id=new_id, chain=chain)
    links = [
        attrs.evolve(
            link,
            claim=new_id if link.claim == original else link.claim,
            target=new_id if link.target == original else link.target,
        )
        for link in dossier.links
        if original in (link.claim, link.target)
    ]
    return Dossier([*dossier.records(), copy, *links])


@given(crowded_dossiers(), st.data())
def test_a_verbatim_copy_never_adds_an_independent_origin(
    dossier: Dossier, data: st.DataObject
) -> None:
    assume(dossier.claims)
    original = data.draw(st.sampled_from(list(dossier.claims)))
    reporter = data.draw(st.none() | st.sampled_from(list(dossier.actors)))
    new_id = "copy-" + "x" * max(len(c) for c in dossier.claims)
    after = copy_of(dossier, original, new_id, reporter)
    for inactive in (False, True):
        for cid in dossier.claims:
            before_count = corroboration(dossier, cid, include_inactive=inactive).count
            after_count = corroboration(after, cid, include_inactive=inactive).count
            assert after_count <= before_count, (cid, inactive)
        assert (
            corroboration(after, new_id, include_inactive=inactive).count
            <= corroboration(dossier, original, include_inactive=inactive).count
        )


@given(crowded_dossiers(), st.data())
def test_a_repeat_link_never_adds_an_independent_origin(
    dossier: Dossier, data: st.DataObject
) -> None:
    assume(len(dossier.claims) >= 2)
    a, b = data.draw(
        st.lists(st.sampled_from(list(dossier.claims)), min_size=2, max_size=2, unique=True)
    )
    assume(
        not any(
            link.kind is LinkKind.REPEATS and {link.claim, link.target} == {a, b}
            for link in dossier.links
        )
    )
    after = Dossier([*dossier.records(), Link(LinkKind.REPEATS, a, b)])
    for cid in dossier.claims:
        if cid != b:
            assert corroboration(after, cid).count <= corroboration(dossier, cid).count


@given(crowded_dossiers())
def test_corroboration_partitions_its_backing_claims(dossier: Dossier) -> None:
    every = corroborations(dossier)
    assert set(every) == set(dossier.claims)
    for cid, found in every.items():
        assert found == corroboration(dossier, cid)
        members = [c for o in found.origins for c in o.claims]
        assert len(members) == len(set(members))  # disjoint
        assert cid in members
        for origin in found.origins:
            assert len(origin.merges) == len(origin.claims) - 1
            assert set(origin.actors) == {
                a for c in origin.claims for a in dossier.claim(c).claimants
            }
            joined = {m.first for m in origin.merges} | {m.second for m in origin.merges}
            if len(origin.claims) > 1:
                assert joined == set(origin.claims)
        # Claims in different origins share no claimant.
        for x, y in itertools.combinations(found.origins, 2):
            assert not set(x.actors) & set(y.actors)


def _interval(q: Quantity) -> tuple[float, bool, float, bool]:
    inf = float("inf")
    if q.lower is None and q.upper is None:
        assert q.value is not None
        lo = hi = float(q.value)
        lo_open = hi_open = False
    else:
        lo = -inf if q.lower is None else q.lower
        hi = inf if q.upper is None else q.upper
        lo_open, hi_open = q.lower_open, q.upper_open
    if q.approximate:
        lo = lo - max(1.0, APPROXIMATE_TOLERANCE * abs(lo)) if lo != -inf else lo
        hi = hi + max(1.0, APPROXIMATE_TOLERANCE * abs(hi)) if hi != inf else hi
        lo_open = hi_open = False
    return lo, lo_open, hi, hi_open


def _disjoint(a: Quantity, b: Quantity) -> bool:
    alo, alo_open, ahi, ahi_open = _interval(a)
    blo, blo_open, bhi, bhi_open = _interval(b)
    return (ahi < blo or (ahi == blo and (ahi_open or blo_open))) or (
        bhi < alo or (bhi == alo and (bhi_open or alo_open))
    )


def _naive_conflict(a: Claim, b: Claim) -> ContradictionReason | None:
    """The rules of `contradictions`, checked on one pair, the slow way."""
    pa, pb = a.proposition, b.proposition
    both = {a.stance, b.stance}
    if not both <= {Stance.ASSERTS, Stance.DENIES}:
        return None
    same_sp = pa.subject == pb.subject and pa.predicate == pb.predicate
    if same_sp and pa.object == pb.object and both == {Stance.ASSERTS, Stance.DENIES}:
        return ContradictionReason.OPPOSITE_STANCES
    if both != {Stance.ASSERTS}:
        return None
    known = (
        not isinstance(pa.object, (Unknown, NoValue)),
        not isinstance(pb.object, (Unknown, NoValue)),
    )
    if same_sp and (
        (isinstance(pa.object, NoValue) and known[1])
        or (isinstance(pb.object, NoValue) and known[0])
    ):
        return ContradictionReason.NO_VALUE
    if (
        same_sp
        and isinstance(pa.object, Quantity)
        and isinstance(pb.object, Quantity)
        and pa.object.unit == pb.object.unit
        and _disjoint(pa.object, pb.object)
    ):
        return ContradictionReason.DISJOINT_QUANTITIES
    if (
        pa.predicate == pb.predicate == "responsible_for"
        and all(known)
        and pa.object == pb.object
        and pa.subject != pb.subject
    ):
        return ContradictionReason.DIFFERENT_VALUES
    return None


@given(crowded_dossiers())
def test_contradictions_match_a_pairwise_check(dossier: Dossier) -> None:
    active = [c for c in dossier.claims.values() if dossier.status(c.id).kind.value == "active"]
    expected = {}
    for a, b in itertools.combinations(active, 2):
        reason = _naive_conflict(a, b)
        if reason is not None:
            expected[(a.id, b.id)] = reason
    linked = {
        (link.claim, link.target) for link in dossier.links if link.kind is LinkKind.CONTRADICTS
    }
    found = {}
    for c in contradictions(dossier):
        if c.reason is ContradictionReason.LINKED:
            assert (c.first, c.second) in linked or (c.second, c.first) in linked
        else:
            found[(c.first, c.second)] = c.reason
    note(f"expected={expected} found={found}")
    assert found == expected


@given(crowded_dossiers())
def test_an_unknown_never_contradicts_a_known_value(dossier: Dossier) -> None:
    for c in contradictions(dossier):
        a, b = (dossier.claim(c.first).proposition, dossier.claim(c.second).proposition)
        if isinstance(a.object, Unknown) or isinstance(b.object, Unknown):
            # Only an explicit link, or asserting and denying the same unknown.
            assert c.reason in (ContradictionReason.LINKED, ContradictionReason.OPPOSITE_STANCES)
            assert c.reason is ContradictionReason.LINKED or a.object == b.object


@given(cst.dossiers())
def test_current_view_holds_exactly_the_active_claims(dossier: Dossier) -> None:
    view = current(dossier)
    active = tuple(c for c in dossier.claims if dossier.status(c).kind.value == "active")
    assert view.claims == active
    for r in view.replaced:
        assert r.current is None or r.current in active
        assert r.path[0] == r.claim


@given(cst.dossiers())
def test_timeline_never_puts_a_coarse_time_before_a_finer_one_inside_it(dossier: Dossier) -> None:
    moments = timeline(dossier)
    for earlier, later in itertools.combinations(moments, 2):
        e, l_ = earlier.when, later.when
        inside = e.start <= l_.start and l_.end <= e.end and (e.start, e.end) != (l_.start, l_.end)
        assert not inside, (earlier, later)
