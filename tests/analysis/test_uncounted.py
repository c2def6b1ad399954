"""Claims assessed improbable or impossible to judge are shown but do not confirm."""

from __future__ import annotations

import attrs
from hypothesis import given, note
from hypothesis import strategies as st

from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Assessment,
    Claim,
    Dossier,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Source,
    When,
    parquet,
)
from claims import sql as csql
from claims.analysis import (
    UNCOUNTED_CREDIBILITY,
    corroboration,
    corroborations,
    suggest_credibility,
)
from claims.confidence import Credibility
from sql_support import by_claim, crowded, expected_corroborations

KILLED = Proposition(EventRef("strike"), "casualties", Quantity(3, unit="killed"))
UNJUDGED = Assessment(credibility=Credibility.CANNOT_BE_JUDGED)
IMPROBABLE = Assessment(credibility=Credibility.IMPROBABLE)


def _footage(*more: Claim) -> Dossier:
    """An outlet's report and footage that could not be verified, saying the same."""
    return Dossier(
        [
            Actor("outlet", "The Outlet", kind=ActorKind.MEDIA_OUTLET),
            Actor("channel", "A Channel", kind=ActorKind.MEDIA_OUTLET),
            Actor("agency", "An Agency", kind=ActorKind.NEWS_AGENCY),
            Event("strike", "Strike", when=When.day(2024, 1, 4)),
            Claim("report", "outlet", KILLED),
            Claim("footage", "channel", KILLED, assessment=UNJUDGED),
            *more,
        ]
    )


def test_unverified_footage_is_listed_but_does_not_confirm() -> None:
    d = _footage()
    found = corroboration(d, "report")
    assert [o.claims for o in found.origins] == [("report",), ("footage",)]
    assert [o.uncounted for o in found.origins] == [
        None,
        "credibility 6 (truth cannot be judged)",
    ]
    assert found.count == 1
    assert [o.claims for o in found.uncounted] == [("footage",)]
    suggestion = suggest_credibility(d, "report")
    assert suggestion.credibility is None
    assert suggestion.origins == (("outlet",),)
    assert suggestion.uncounted == (("channel",),)
    assert suggestion.reason == (
        "1 independent origin (outlet); confirmation needs at least 2; "
        "not counted, credibility 6 (truth cannot be judged): channel"
    )
    assert corroborations(d)["report"] == found


def test_a_supporting_link_from_unverified_footage_does_not_confirm() -> None:
    # The clip states the toll, its predicate in other words.
    other = attrs.evolve(KILLED, predicate="Casualties")
    d = _footage(
        Claim("clip", "channel", other, assessment=IMPROBABLE),
        Link(LinkKind.SUPPORTS, "clip", "report"),
    )
    found = corroboration(d, "report")
    assert found.count == 1
    assert [o.uncounted for o in found.origins] == [
        None,
        "credibility 5 (improbable) and 6 (truth cannot be judged)",
    ]
    assert suggest_credibility(d, "report").credibility is None


def test_two_counted_origins_confirm_and_the_uncounted_one_is_named() -> None:
    d = _footage(Claim("wire", "agency", KILLED))
    suggestion = suggest_credibility(d, "footage")
    assert suggestion.credibility is Credibility.CONFIRMED
    assert suggestion.reason == (
        "confirmed by 2 independent origins: outlet; agency; "
        "not counted, credibility 6 (truth cannot be judged): channel"
    )


def test_an_origin_counts_when_any_of_its_claims_is_not_assessed_5_or_6() -> None:
    assessed = Assessment(credibility=Credibility.POSSIBLY_TRUE)
    for another in (
        Claim("again", "channel", KILLED, assessment=assessed),
        Claim("again", "channel", KILLED),
        Claim("again", "channel", KILLED, assessment=Assessment(rationale="no rating")),
    ):
        d = _footage(another)
        found = corroboration(d, "report")
        assert [o.claims for o in found.origins] == [("report",), ("footage", "again")]
        assert found.count == 2
        assert suggest_credibility(d, "report").credibility is Credibility.CONFIRMED


def test_the_sql_question_answers_the_same() -> None:
    for d in (
        _footage(),
        _footage(Claim("wire", "agency", KILLED, assessment=IMPROBABLE)),
        _footage(Claim("again", "channel", KILLED)),
    ):
        found = by_claim(csql.corroborations(parquet.tables(d)))
        assert found == expected_corroborations(d)
    assert found["report"] == (2, [["report"], ["footage", "again"]], [None, None], [])


def test_an_uncounted_claim_through_the_same_relay_lends_its_origin_no_tie() -> None:
    # The ministry's own unverifiable statement of what the outlet reported,
    # through the same relay: one origin, not the ministry's (so not set aside).
    said = Proposition(ActorRef("ministry"), "responsible_for", EventRef("strike"))
    relay = (Hop("outlet", "reported", source="paper"),)
    base = [
        Actor("outlet", "The Outlet", kind=ActorKind.MEDIA_OUTLET),
        Actor("ministry", "The Ministry", kind=ActorKind.GOVERNMENT_BODY),
        Source("paper", "The Paper"),
        Event("strike", "Strike"),
        Claim("report", "outlet", said, chain=relay),
    ]
    before = Dossier(base)
    after = Dossier(
        [
            *base,
            Claim("own", "ministry", said, chain=relay, assessment=UNJUDGED),
            Link(LinkKind.SUPPORTS, "own", "report"),
        ]
    )
    [origin] = corroboration(after, "report").origins
    assert origin.claims == ("report", "own")
    assert origin.ties == ()
    old, new = suggest_credibility(before, "report"), suggest_credibility(after, "report")
    assert (old.origins, new.origins) == ((("outlet",),), (("outlet", "ministry"),))
    assert new.set_aside == ()


def test_the_constant_is_credibility_5_and_6() -> None:
    assert {c.value for c in UNCOUNTED_CREDIBILITY} == {5, 6}


@st.composite
def _with_unjudged(draw: st.DrawFn) -> tuple[Dossier, Dossier]:
    """A generated dossier, and it with one more claim assessed 5 or 6.

    The new claim says what one of its claims says, by a new actor or one of
    its claimants, and may support that claim.
    """
    d = draw(crowded())
    if not d.claims:
        return d, Dossier(list(d.records()))
    like = d.claims[draw(st.sampled_from(sorted(d.claims)))]
    claimant = draw(st.sampled_from(["zz-unjudged", *sorted(d.actors)]))
    credibility = draw(st.sampled_from(sorted(UNCOUNTED_CREDIBILITY, key=lambda c: c.value)))
    new = [
        attrs.evolve(
            like,
            id="zz-unjudged-claim",
            claimant=claimant,
            also=(),  # its claimant alone (a joint statement's may be the claimant now)
            assessment=attrs.evolve(like.assessment or Assessment(), credibility=credibility),
        )
    ]
    if claimant == "zz-unjudged":
        new.insert(0, Actor("zz-unjudged", "Unjudged", kind=ActorKind.MEDIA_OUTLET))
    if draw(st.booleans()):
        new.append(Link(LinkKind.SUPPORTS, "zz-unjudged-claim", like.id))
    after = Dossier([*d.records(), *new])
    note(f"added {new}")
    return d, after


@given(_with_unjudged())
def test_a_claim_assessed_5_or_6_never_adds_a_counted_origin(pair: tuple[Dossier, Dossier]) -> None:
    before, after = pair
    was, now = corroborations(before), corroborations(after)
    for cid in before.claims:
        assert now[cid].count == was[cid].count
        assert now[cid] == corroboration(after, cid)
        old, new = suggest_credibility(before, cid), suggest_credibility(after, cid)
        assert (new.credibility, len(new.origins)) == (old.credibility, len(old.origins))


@given(crowded())
def test_an_origin_is_uncounted_exactly_when_all_its_claims_are_5_or_6(d: Dossier) -> None:
    for found in corroborations(d, include_inactive=True).values():
        for o in found.origins:
            credibilities = [getattr(d.claims[c].assessment, "credibility", None) for c in o.claims]
            assert o.counted == any(c not in UNCOUNTED_CREDIBILITY for c in credibilities)
        assert found.count == sum(o.counted for o in found.origins)
