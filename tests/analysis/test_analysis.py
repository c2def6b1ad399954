"""The analyst's questions: corroboration, contradictions, silences, current view, timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    Claim,
    Credibility,
    Dossier,
    Event,
    EventRef,
    Hop,
    IntegrityError,
    Link,
    LinkKind,
    NoValue,
    Precision,
    Proposition,
    Quantity,
    Source,
    Stance,
    StatusKind,
    Text,
    Unknown,
    When,
)
from claims.analysis import (
    ContradictionReason,
    MergeReason,
    MomentKind,
    SilenceKind,
    contradictions,
    corroboration,
    corroborations,
    current,
    provenance,
    silences,
    suggest_credibility,
    timeline,
    uncertainties,
)
from claims.analysis._bulk import PLAIN, records

STRIKE = EventRef("strike")
THURSDAY = When.day(2024, 1, 4, tz=timezone(timedelta(hours=3)))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Dossier:
    return claims.load(seed_path)


def base() -> list[claims.Record]:
    """Actors, sources and an event shaped like the seed article's."""
    return [
        Actor("al-jazeera", "Al Jazeera", kind=ActorKind.MEDIA_OUTLET),
        Actor("bbc", "BBC", kind=ActorKind.MEDIA_OUTLET),
        Actor("reuters", "Reuters", kind=ActorKind.NEWS_AGENCY),
        Actor("ap", "AP", kind=ActorKind.NEWS_AGENCY),
        Actor("iraq", "Iraq", kind=ActorKind.STATE),
        Actor("iraq-gov", "Government of Iraq", kind=ActorKind.GOVERNMENT_BODY, part_of="iraq"),
        Actor("iraq-pmo", "PMO", kind=ActorKind.GOVERNMENT_BODY, part_of="iraq-gov"),
        Actor("iraq-mofa", "MOFA", kind=ActorKind.GOVERNMENT_BODY, part_of="iraq-gov"),
        Actor("us", "United States", kind=ActorKind.STATE),
        Actor("us-officials", "US officials", kind=ActorKind.UNNAMED_COLLECTIVE, part_of="us"),
        Actor("coalition", "Coalition", kind=ActorKind.COALITION),
        Actor("pmf", "PMF", kind=ActorKind.ARMED_GROUP),
        Actor(
            "nujaba-tv",
            "Al-Nujaba TV",
            kind=ActorKind.MEDIA_OUTLET,
            affiliations=[Affiliation("pmf", note="considered close to")],
        ),
        Actor("iri", "Islamic Resistance in Iraq", kind=ActorKind.ARMED_GROUP),
        Source("aj-article", "Al Jazeera article", publisher="al-jazeera", published=THURSDAY),
        Source("bbc-article", "BBC article", publisher="bbc", published=THURSDAY),
        Source("nujaba-tv-article", "Al-Nujaba TV broadcast", publisher="nujaba-tv"),
        Event("strike", "the drone strike", when=THURSDAY),
    ]


def claim(
    id: str,
    claimant: str,
    predicate: str,
    obj: claims.Value,
    *,
    subject: claims.Subject = STRIKE,
    stance: Stance = Stance.ASSERTS,
    via: str | None = None,
    **kw: object,
) -> Claim:
    chain = (
        (Hop(via, "reported", source=f"{'aj' if via == 'al-jazeera' else via}-article"),)
        if via
        else ()
    )
    return Claim(
        id,
        claimant,
        Proposition(subject, predicate, obj, **kw),  # type: ignore[arg-type]
        stance=stance,
        chain=chain,
    )


def killed(n: int | None = None, **kw: object) -> Quantity:
    return Quantity(n, unit="killed", **kw)  # type: ignore[arg-type]


def responsible(
    id: str, claimant: str, who: str = "coalition", stance: Stance = Stance.ASSERTS
) -> Claim:
    return claim(id, claimant, "responsible_for", STRIKE, subject=ActorRef(who), stance=stance)


def reasons(dossier: Dossier) -> dict[frozenset[str], ContradictionReason]:
    return {frozenset((c.first, c.second)): c.reason for c in contradictions(dossier)}


# --------------------------------------------------------------------------
# The seed dossier: what the report must show


def test_seed_casualty_figures_are_uncertainty_not_contradiction(seed: Dossier) -> None:
    casualty_claims = {"reuters-killed", "reuters-wounded", "aj-casualties-unclear"}
    casualty_claims.add("aj-casualties-several")
    for c in contradictions(seed):
        assert not {c.first, c.second} & casualty_claims
    [uncertain] = [u for u in uncertainties(seed) if u.claim == "aj-casualties-unclear"]
    assert set(uncertain.known) == {"reuters-killed", "reuters-wounded", "aj-casualties-several"}


def test_seed_government_statements_are_one_origin(seed: Dossier) -> None:
    found = corroboration(seed, "pmo-aggression")
    assert found.count == 1
    [merge] = found.own.merges
    assert {merge.first, merge.second} == {"pmo-aggression", "mofa-aggression"}
    assert merge.reason is MergeReason.PART_OF
    assert "iraq-gov" in merge.note
    assert suggest_credibility(seed, "pmo-aggression").credibility is None


def test_seed_nujaba_footage_states_something_else(seed: Dossier) -> None:
    """The footage shows the strike hit the headquarters: it does not state the target."""
    found = corroboration(seed, "aj-strike-targeted-pmf")
    assert found.count == 1
    assert [o.claims for o in found.origins] == [("aj-strike-targeted-pmf",)]
    [partial] = found.partial
    assert partial.claim == "nujaba-footage"
    assert partial.reason == "says hit, not targeted"
    suggestion = suggest_credibility(seed, "aj-strike-targeted-pmf")
    assert suggestion.credibility is None
    assert "does not state it: nujaba-footage (says hit, not targeted)" in suggestion.reason


def test_seed_nujaba_tv_is_tied_to_the_pmf(seed: Dossier) -> None:
    """Were the footage to state the target, Al-Nujaba TV would be set aside as tied to it."""
    footage = seed.claim("nujaba-footage")
    stated = attrs.evolve(footage, proposition=seed.claim("aj-strike-targeted-pmf").proposition)
    d = Dossier([r if r is not footage else stated for r in seed.records()])
    found = corroboration(d, "aj-strike-targeted-pmf")
    nujaba = next(o for o in found.origins if "nujaba-footage" in o.claims)
    [tie] = nujaba.ties
    assert (tie.actor, tie.other, tie.reason) == ("nujaba-tv", "pmf", MergeReason.AFFILIATED)
    assert "considered close to" in tie.note
    suggestion = suggest_credibility(d, "aj-strike-targeted-pmf")
    assert suggestion.credibility is None
    assert suggestion.set_aside == (("nujaba-tv",),)


def test_seed_us_officials_silence_on_the_accusation(seed: Dossier) -> None:
    found = silences(seed)
    [reported] = [s for s in found if s.kind is SilenceKind.REPORTED]
    assert reported.actor == "us-officials"
    assert reported.claim == "us-officials-no-comment"
    assert reported.stance is Stance.NO_COMMENT
    assert set(reported.accusations) == {"pmo-coalition-responsible", "gov-blames-coalition"}
    unanswered = [s for s in found if s.kind is SilenceKind.UNANSWERED]
    assert [(s.actor, s.proposition.predicate) for s in unanswered] == [
        ("coalition", "responsible_for"),
        # The vocabulary marks "carried out" (of which "perpetrated" is an
        # alias) as accusing its subject.
        ("us", "carried_out"),
        ("iran-aligned-fighters", "carried_out"),
    ]


def test_seed_characterisations_do_not_contradict(seed: Dossier) -> None:
    # "dangerous escalation" and "aggression" can both hold.
    assert frozenset({"pmo-escalation", "pmo-aggression"}) not in reasons(seed)


# --------------------------------------------------------------------------
# Corroboration: each reason two claims are not independent


def test_two_outlets_carrying_one_wire_story_share_an_origin() -> None:
    d = Dossier(
        [
            *base(),
            claim("aj", "reuters", "casualties", killed(4), via="al-jazeera"),
            claim("bbc", "reuters", "casualties", killed(4), via="bbc"),
        ]
    )
    found = corroboration(d, "aj")
    assert found.count == 1
    assert found.supporters == ("bbc",)
    [merge] = found.own.merges
    assert (merge.first, merge.second, merge.reason) == ("aj", "bbc", MergeReason.SHARED_ORIGIN)


def test_a_repeat_is_not_independent() -> None:
    d = Dossier(
        [
            *base(),
            claim("a", "al-jazeera", "casualties", killed(4)),
            claim("b", "bbc", "casualties", killed(4)),
            Link(LinkKind.REPEATS, "b", "a"),
        ]
    )
    [origin] = corroboration(d, "a").origins
    assert [m.reason for m in origin.merges] == [MergeReason.REPEATS]


def test_a_repeat_is_support_even_when_worded_differently() -> None:
    d = Dossier(
        [
            *base(),
            claim("a", "al-jazeera", "casualties", killed(4)),
            claim("b", "bbc", "casualties", Quantity(4, unit="dead")),
            Link(LinkKind.REPEATS, "b", "a"),
        ]
    )
    assert corroboration(d, "a").supporters == ("b",)
    assert corroboration(d, "a").count == 1


def test_parts_of_one_whole_are_not_independent() -> None:
    d = Dossier([*base(), responsible("pmo", "iraq-pmo"), responsible("mofa", "iraq-mofa")])
    [merge] = corroboration(d, "mofa").own.merges
    assert merge.reason is MergeReason.PART_OF
    assert merge.note == "iraq-mofa is part of iraq-gov; iraq-pmo is part of iraq-gov"


def test_an_affiliated_outlet_is_not_independent_of_its_group() -> None:
    d = Dossier(
        [
            *base(),
            claim("pmf-says", "pmf", "hit", Text("headquarters")),
            claim("tv-says", "nujaba-tv", "hit", Text("headquarters")),
        ]
    )
    [origin] = corroboration(d, "pmf-says").origins
    [merge] = origin.merges
    assert merge.reason is MergeReason.AFFILIATED
    assert merge.note == "nujaba-tv is affiliated with pmf (considered close to)"


def test_independent_origins_earn_a_confirmed_suggestion() -> None:
    d = Dossier(
        [
            *base(),
            claim("r", "reuters", "casualties", killed(4), via="al-jazeera"),
            claim("a", "ap", "casualties", killed(4), via="al-jazeera"),
            claim("r2", "reuters", "casualties", killed(4), via="bbc"),
        ]
    )
    found = corroboration(d, "a")
    assert found.count == 2
    assert [o.claims for o in found.origins] == [("r", "r2"), ("a",)]
    suggestion = suggest_credibility(d, "r")
    assert suggestion.credibility is Credibility.CONFIRMED
    assert suggestion.origins == (("reuters",), ("ap",))
    assert "reuters" in suggestion.reason
    assert "ap" in suggestion.reason


def test_a_single_origin_earns_no_suggestion() -> None:
    d = Dossier([*base(), claim("r", "reuters", "casualties", killed(4))])
    suggestion = suggest_credibility(d, "r")
    assert suggestion.credibility is None
    assert suggestion.origins == (("reuters",),)


def test_denials_do_not_corroborate_assertions() -> None:
    d = Dossier(
        [
            *base(),
            responsible("pmo", "iraq-pmo"),
            responsible("us-denies", "us-officials", stance=Stance.DENIES),
        ]
    )
    assert corroboration(d, "pmo").supporters == ()


def test_superseded_support_is_left_out_unless_asked() -> None:
    d = Dossier(
        [
            *base(),
            claim("r", "reuters", "casualties", killed(4)),
            claim("a-old", "ap", "casualties", killed(4)),
            claim("a-new", "ap", "casualties", killed(5)),
            Link(LinkKind.SUPERSEDES, "a-new", "a-old"),
        ]
    )
    assert corroboration(d, "r").count == 1
    assert corroboration(d, "r", include_inactive=True).count == 2


def test_explicit_support_links_count_only_when_they_state_it() -> None:
    d = Dossier(
        [
            *base(),
            claim("aj", "al-jazeera", "targeted", ActorRef("pmf")),
            claim("bbc", "bbc", "hit", Text("PMF headquarters")),
            Link(LinkKind.SUPPORTS, "bbc", "aj"),
        ]
    )
    found = corroboration(d, "aj")
    assert found.count == 1
    assert [(p.claim, p.reason) for p in found.partial] == [("bbc", "says hit, not targeted")]
    assert suggest_credibility(d, "aj").credibility is None
    restated = Dossier(
        [
            *base(),
            claim("aj", "al-jazeera", "targeted", ActorRef("pmf")),
            claim("bbc", "bbc", "hit", Text("PMF headquarters")),
            Link(LinkKind.REPEATS, "bbc", "aj"),
        ]
    )
    assert corroboration(restated, "aj").count == 1  # a repeat is the same origin


def test_corroboration_of_an_unknown_claim_fails_cleanly() -> None:
    d = Dossier(base())
    with pytest.raises(claims.UnknownIdError):
        corroboration(d, "nope")


def test_corroborations_answer_for_every_claim(seed: Dossier) -> None:
    every = corroborations(seed)
    assert set(every) == set(seed.claims)
    for cid, found in every.items():
        assert found == corroboration(seed, cid)


def test_indexes_are_rebuilt_after_an_add() -> None:
    d = Dossier([*base(), claim("r", "reuters", "casualties", killed(4))])
    assert corroboration(d, "r").count == 1
    assert contradictions(d) == ()
    d.add(claim("a", "ap", "casualties", killed(4)))
    assert corroboration(d, "r").count == 2
    d.add(claim("b", "bbc", "casualties", killed(40)))
    assert len(contradictions(d)) == 2


# --------------------------------------------------------------------------
# Provenance


def test_provenance_names_the_origin_and_relays(seed: Dossier) -> None:
    found = provenance(seed, "reuters-killed")
    assert found.origin.actor == "reuters"
    assert [h.reporter for h in found.chain] == ["al-jazeera"]
    assert str(found) == "reuters [aj-article] → al-jazeera (reported)"
    assert found.ties == ()


def test_provenance_prefers_the_claimants_own_document(seed: Dossier) -> None:
    assert provenance(seed, "aj-strike-targeted-pmf").origin == claims.analysis.Origin(
        "al-jazeera", "aj-article"
    )


def test_a_relay_tied_to_its_claimant_is_flagged() -> None:
    d = Dossier([*base(), claim("p", "pmf", "hit", Text("HQ"), via="nujaba-tv")])
    [tie] = provenance(d, "p").ties
    assert (tie.actor, tie.other, tie.reason) == ("nujaba-tv", "pmf", MergeReason.AFFILIATED)


# --------------------------------------------------------------------------
# Contradictions: each reason


def test_opposite_stances_contradict() -> None:
    d = Dossier(
        [
            *base(),
            responsible("pmo", "iraq-pmo"),
            responsible("coalition-denies", "coalition", stance=Stance.DENIES),
        ]
    )
    [c] = contradictions(d)
    assert (c.first, c.second, c.reason) == (
        "pmo",
        "coalition-denies",
        ContradictionReason.OPPOSITE_STANCES,
    )
    assert not c.linked


def test_two_responsible_parties_contradict() -> None:
    d = Dossier([*base(), responsible("pmo", "iraq-pmo"), responsible("iri", "al-jazeera", "iri")])
    [c] = contradictions(d)
    assert c.reason is ContradictionReason.DIFFERENT_VALUES
    assert "coalition" in c.detail
    assert "iri" in c.detail


def test_different_causes_in_words_possibly_contradict_but_characterisations_do_not() -> None:
    d = Dossier(
        [
            *base(),
            claim("drone", "al-jazeera", "caused_by", Text("a drone")),
            claim("rocket", "bbc", "caused_by", Text("a rocket")),
            claim("aggression", "iraq-pmo", "characterised_as", Text("aggression")),
            claim("escalation", "iraq-pmo", "characterised_as", Text("escalation")),
        ]
    )
    assert reasons(d) == {
        frozenset({"drone", "rocket"}): ContradictionReason.DIFFERENT_TEXTS,
    }
    [c] = contradictions(d)
    assert not c.definite


def test_functional_predicates_can_be_chosen() -> None:
    d = Dossier(
        [
            *base(),
            claim("aggression", "iraq-pmo", "characterised_as", Text("aggression")),
            claim("escalation", "bbc", "characterised_as", Text("escalation")),
        ]
    )
    assert contradictions(d) == ()
    [c] = contradictions(d, functional={"characterised_as"})
    assert c.reason is ContradictionReason.DIFFERENT_TEXTS


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (killed(12), killed(9), True),
        (killed(lower=7), killed(9), False),
        (killed(lower=7, lower_open=True), killed(7), True),
        (killed(upper=5), killed(lower=5), False),
        (killed(upper=5, upper_open=True), killed(lower=5), True),
        (killed(lower=2, approximate=True), killed(1), False),  # "several"
        (killed(lower=2, approximate=True), killed(3), False),
        (killed(10, approximate=True), killed(12), False),  # "about 10"
        (killed(10, approximate=True), killed(20), True),
        (killed(lower=100, lower_open=True), killed(22), True),
        (killed(lower=8, upper=12), killed(upper=7), True),
        (killed(lower=8, upper=12), killed(lower=12), False),
    ],
)
def test_quantities_conflict_only_when_their_intervals_are_disjoint(
    a: Quantity, b: Quantity, conflict: bool
) -> None:
    d = Dossier(
        [*base(), claim("a", "reuters", "casualties", a), claim("b", "ap", "casualties", b)]
    )
    expected = {frozenset({"a", "b"}): ContradictionReason.DISJOINT_QUANTITIES} if conflict else {}
    assert reasons(d) == expected


def test_quantities_of_different_units_are_not_compared() -> None:
    d = Dossier(
        [
            *base(),
            claim("k", "reuters", "casualties", Quantity(4, unit="PMF members killed")),
            claim("w", "reuters", "casualties", Quantity(6, unit="PMF members wounded")),
        ]
    )
    assert contradictions(d) == ()


def test_an_explicit_none_contradicts_a_value() -> None:
    d = Dossier(
        [
            *base(),
            claim("none", "iraq-pmo", "casualties", NoValue("no one was hurt")),
            claim("four", "reuters", "casualties", killed(4)),
        ]
    )
    [c] = contradictions(d)
    assert c.reason is ContradictionReason.NO_VALUE


def test_a_known_unknown_is_uncertainty_not_contradiction() -> None:
    d = Dossier(
        [
            *base(),
            claim("unclear", "al-jazeera", "casualties", Unknown("not immediately clear")),
            claim("four", "reuters", "casualties", killed(4)),
        ]
    )
    assert contradictions(d) == ()
    [u] = uncertainties(d)
    assert (u.claim, u.predicate, u.known) == ("unclear", "casualties", ("four",))


def test_explicit_contradicts_links() -> None:
    d = Dossier(
        [
            *base(),
            claim("a", "reuters", "hit", Text("a depot")),
            claim("b", "ap", "hit", Text("a checkpoint")),
            claim("c", "reuters", "casualties", killed(4)),
            claim("e", "ap", "casualties", killed(9)),
            Link(LinkKind.CONTRADICTS, "b", "a", note="different targets"),
            Link(LinkKind.CONTRADICTS, "e", "c"),
        ]
    )
    found = {(c.first, c.second): c for c in contradictions(d)}
    assert found[("a", "b")].reason is ContradictionReason.LINKED
    assert found[("a", "b")].detail == "different targets"
    assert found[("c", "e")].reason is ContradictionReason.DISJOINT_QUANTITIES
    assert found[("c", "e")].linked


def test_superseded_and_retracted_claims_are_left_out_unless_asked() -> None:
    d = Dossier(
        [
            *base(),
            claim("toll-1", "reuters", "casualties", killed(4)),
            claim("toll-2", "reuters", "casualties", killed(9)),
            claim("ap-toll", "ap", "casualties", killed(9)),
            claim("ap-wrong", "ap", "casualties", killed(30)),
            claim("ap-retraction", "ap", "casualties", Unknown()),
            Link(LinkKind.SUPERSEDES, "toll-2", "toll-1"),
            Link(LinkKind.RETRACTS, "ap-retraction", "ap-wrong"),
        ]
    )
    assert contradictions(d) == ()
    every = {frozenset((c.first, c.second)) for c in contradictions(d, include_inactive=True)}
    assert every == {
        frozenset({"toll-1", "toll-2"}),
        frozenset({"toll-1", "ap-toll"}),
        frozenset({"toll-1", "ap-wrong"}),
        frozenset({"toll-2", "ap-wrong"}),
        frozenset({"ap-toll", "ap-wrong"}),
    }


def test_claims_about_different_times_do_not_conflict_but_a_different_place_hides_nothing() -> None:
    friday = When.day(2024, 1, 5)
    d = Dossier(
        [
            *base(),
            claim("thu", "reuters", "casualties", killed(4), when=THURSDAY),
            claim("fri", "ap", "casualties", killed(9), when=friday),
            claim("here", "reuters", "casualties", killed(4), where="Baghdad"),
            claim("there", "ap", "casualties", killed(9), where="Basra"),
        ]
    )
    pairs = reasons(d)
    assert frozenset({"thu", "fri"}) not in pairs
    assert pairs[frozenset({"here", "there"})] is ContradictionReason.DISJOINT_QUANTITIES
    assert frozenset({"thu", "there"}) in pairs


def test_contradictions_are_ordered_and_unique() -> None:
    d = Dossier(
        [
            *base(),
            claim("a", "reuters", "casualties", killed(4)),
            claim("b", "ap", "casualties", killed(9)),
            claim("c", "bbc", "casualties", killed(20)),
            Link(LinkKind.CONTRADICTS, "c", "a"),
        ]
    )
    found = [(c.first, c.second) for c in contradictions(d)]
    assert found == [("a", "b"), ("a", "c"), ("b", "c")]


# --------------------------------------------------------------------------
# Silences


def test_an_answered_accusation_is_not_unanswered() -> None:
    d = Dossier(
        [
            *base(),
            responsible("pmo", "iraq-pmo"),
            responsible("denial", "coalition", stance=Stance.DENIES),
        ]
    )
    assert silences(d) == ()


def test_an_accusation_answered_by_a_part_is_answered() -> None:
    d = Dossier(
        [*base(), responsible("pmo", "iraq-pmo", "us"), responsible("no", "us-officials", "us")]
    )
    assert [s.kind for s in silences(d)] == []


def test_self_accusation_is_not_an_accusation() -> None:
    d = Dossier([*base(), responsible("admits", "iri", "iri")])
    assert silences(d) == ()


@pytest.mark.parametrize(
    "stance", [Stance.DECLINED_TO_COMMENT, Stance.NO_RESPONSE, Stance.NO_COMMENT]
)
def test_every_kind_of_silence_is_reported(stance: Stance) -> None:
    d = Dossier(
        [
            *base(),
            responsible("pmo", "iraq-pmo"),
            responsible("quiet", "coalition", stance=stance),
            Link(LinkKind.RESPONDS_TO, "quiet", "pmo"),
        ]
    )
    [s] = silences(d)
    assert (s.kind, s.actor, s.stance, s.accusations) == (
        SilenceKind.REPORTED,
        "coalition",
        stance,
        ("pmo",),
    )


# --------------------------------------------------------------------------
# The current view


def test_current_view_follows_supersession_and_retraction() -> None:
    d = Dossier(
        [
            *base(),
            claim("toll-1", "reuters", "casualties", killed(4)),
            claim("toll-2", "reuters", "casualties", killed(6)),
            claim("toll-3", "reuters", "casualties", killed(7)),
            claim("claim", "ap", "hit", Text("a depot")),
            claim("retraction", "ap", "hit", Unknown()),
            claim("echo", "bbc", "casualties", killed(4)),
            Link(LinkKind.SUPERSEDES, "toll-2", "toll-1"),
            Link(LinkKind.SUPERSEDES, "toll-3", "toll-2"),
            Link(LinkKind.RETRACTS, "retraction", "claim"),
            Link(LinkKind.SUPPORTS, "echo", "toll-1"),
            Link(LinkKind.REPEATS, "echo", "toll-3"),
        ]
    )
    view = current(d)
    assert view.claims == ("toll-3", "retraction", "echo")
    replaced = {r.claim: r for r in view.replaced}
    assert replaced["toll-1"].current == "toll-3"
    assert replaced["toll-1"].path == ("toll-1", "toll-2", "toll-3")
    assert replaced["toll-2"].status.kind is StatusKind.SUPERSEDED
    assert replaced["claim"].current is None
    assert replaced["claim"].status.kind is StatusKind.RETRACTED
    [stale] = view.stale
    assert (stale.link.kind, stale.link.target) == (LinkKind.SUPPORTS, "toll-1")
    assert stale.status.by == "toll-2"


def test_supersession_cycles_and_dangling_links_are_rejected_at_add_time() -> None:
    d = Dossier(
        [
            *base(),
            claim("a", "reuters", "casualties", killed(4)),
            claim("b", "reuters", "casualties", killed(5)),
            Link(LinkKind.SUPERSEDES, "b", "a"),
        ]
    )
    with pytest.raises(IntegrityError, match="cycle"):
        d.add(Link(LinkKind.SUPERSEDES, "a", "b"))
    with pytest.raises(IntegrityError, match="not a known claim"):
        d.add(Link(LinkKind.SUPPORTS, "a", "ghost"))
    assert len(current(d).claims) == 1


# --------------------------------------------------------------------------
# Timeline


def test_timeline_respects_precision() -> None:
    utc = UTC
    day = When.day(2024, 1, 4, tz=utc)
    ten = When(datetime(2024, 1, 4, 10, tzinfo=utc), Precision.HOUR)
    late = When(datetime(2024, 1, 4, 23, tzinfo=utc), Precision.HOUR)
    next_morning = When(datetime(2024, 1, 5, 1, tzinfo=utc), Precision.HOUR)
    january = When.month(2024, 1, tz=utc)
    made = {"day": day, "ten": ten, "late": late, "next": next_morning, "jan": january}
    d = Dossier(
        [
            *base(),
            *(
                Claim(cid, "reuters", Proposition(STRIKE, "p", Text(cid)), made=when)
                for cid, when in made.items()
            ),
            Claim("undated", "reuters", Proposition(STRIKE, "p", Text("x"))),
        ]
    )
    order = [m.claim for m in timeline(d)]
    assert order == ["ten", "late", "day", "next", "jan"]


def test_timeline_has_report_moments(seed: Dossier) -> None:
    moments = [m for m in timeline(seed) if m.claim == "reuters-killed"]
    assert [(m.kind, m.actor, m.source) for m in moments] == [
        (MomentKind.REPORTED, "al-jazeera", "aj-article")
    ]


def test_records_made_by_column_equal_those_made_by_init() -> None:
    from claims import analysis

    for cls in PLAIN:
        assert "__attrs_post_init__" not in vars(cls)
        for field in attrs.fields(cls):
            assert field.validator is None
            assert field.converter is None
            assert not isinstance(field.default, attrs.Factory)
    origins = records(
        analysis.IndependentOrigin,
        2,
        claims=[("a",), ("b", "c")],
        actors=[("x",), ("y",)],
        merges=[(), ()],
        ties=[(), ()],
        uncounted=[None, "credibility 6 (truth cannot be judged)"],
    )
    assert origins == [
        analysis.IndependentOrigin(("a",), ("x",)),
        analysis.IndependentOrigin(
            ("b", "c"), ("y",), uncounted="credibility 6 (truth cannot be judged)"
        ),
    ]
    [found] = records(analysis.Corroboration, 1, claim=["a"], origins=[tuple(origins)])
    assert found == analysis.Corroboration("a", tuple(origins))
    assert hash(found) == hash(analysis.Corroboration("a", tuple(origins)))
