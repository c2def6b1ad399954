"""Independence that follows the chain: relays, reactions, partial support, ties."""

from __future__ import annotations

import json

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
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
    Quote,
    Source,
    Text,
    TieNature,
    When,
    parquet,
)
from claims import sql as csql
from claims import strategies as cs
from claims.analysis import MergeReason, corroboration, corroborations, suggest_credibility
from claims.confidence import Credibility
from sql_support import by_claim, expected_corroborations

TOLL = Proposition(EventRef("strike"), "killed", Quantity(16, unit="civilians"))


def _outlets(*more: object) -> Dossier:
    return Dossier(
        [
            Actor("northwind", "Northwind", kind=ActorKind.NEWS_AGENCY),
            Actor("daily", "The Daily", kind=ActorKind.MEDIA_OUTLET),
            Actor("herald", "The Herald", kind=ActorKind.MEDIA_OUTLET),
            Actor("ministry", "Ministry of Health", kind=ActorKind.HEALTH_AUTHORITY),
            Event("strike", "The strike", when=When.day(2024, 3, 4)),
            *more,  # type: ignore[list-item]
        ]
    )


def test_two_outlets_carrying_a_wire_story_are_one_origin() -> None:
    wire = Hop("northwind", "reported")
    d = _outlets(
        Claim("daily-toll", "daily", TOLL, chain=[wire]),
        Claim("herald-toll", "herald", TOLL, chain=[wire]),
        Claim("ministry-toll", "ministry", TOLL),
    )
    found = corroboration(d, "daily-toll")
    assert [o.claims for o in found.origins] == [("daily-toll", "herald-toll"), ("ministry-toll",)]
    [merge] = found.origins[0].merges
    assert merge.reason is MergeReason.RELAY
    assert merge.note == "both came through northwind"
    assert found.count == 2
    alone = Dossier([r for r in d.records() if getattr(r, "id", None) != "ministry-toll"])
    assert corroboration(alone, "daily-toll").count == 1
    assert suggest_credibility(alone, "daily-toll").credibility is None
    assert corroborations(d)["herald-toll"] == corroboration(d, "herald-toll")


def test_the_analysts_own_reading_is_not_a_shared_relay() -> None:
    """Two claims read in one article of the Daily, each "the Daily reported", stay apart."""
    article = Source("daily-article", title="Strike", publisher="daily")
    read = Hop("daily", "reported", source="daily-article")
    quote = Quote("daily-article", "sixteen civilians", 0, 17)
    other = Quote("daily-article", "16 civilians", 40, 52)
    d = _outlets(
        article,
        Claim("ministry-toll", "ministry", TOLL, chain=[read], quotes=[quote]),
        Claim("northwind-toll", "northwind", TOLL, chain=[read], quotes=[other]),
    )
    found = corroboration(d, "ministry-toll")
    assert found.count == 2
    assert suggest_credibility(d, "ministry-toll").credibility is Credibility.CONFIRMED
    # The same hop deeper in the chain is a relay both came through.
    deeper = _outlets(
        article,
        Claim("a", "ministry", TOLL, chain=[Hop("herald", "reported"), read], quotes=[quote]),
        Claim("b", "northwind", TOLL, chain=[Hop("herald", "said"), read], quotes=[other]),
    )
    [origin] = corroboration(deeper, "a").origins
    assert {m.note for m in origin.merges} == {"both came through herald"}


def test_reactions_do_not_add_an_origin() -> None:
    """Two politicians reacting to the artist's post are not a second origin."""
    said = Proposition(ActorRef("label"), "mistreated", ActorRef("artist"))
    d = Dossier(
        [
            Actor("artist", "The Artist", kind=ActorKind.PERSON),
            Actor("label", "The Label", kind=ActorKind.COMPANY),
            Actor("mp-1", "An MP", kind=ActorKind.PERSON),
            Actor("mp-2", "Another MP", kind=ActorKind.PERSON),
            Claim("post", "artist", said),
            Claim("mp-1-says", "mp-1", said),
            Claim("mp-2-says", "mp-2", said),
            Claim("mp-2-other", "mp-2", Proposition(ActorRef("label"), "owes", Text("an apology"))),
            Link(LinkKind.REACTS_TO, "mp-1-says", "post"),
            Link(LinkKind.ENDORSES, "mp-2-says", "post"),
            Link(LinkKind.DERIVES_FROM, "mp-2-other", "post"),
        ]
    )
    found = corroboration(d, "post")
    [origin] = found.origins
    assert origin.claims == ("post", "mp-1-says", "mp-2-says")
    assert {m.reason for m in origin.merges} == {MergeReason.REACTION}
    assert suggest_credibility(d, "post").credibility is None
    # A reaction link alone never makes a claim a backer.
    assert "mp-2-other" not in found.supporters


def test_a_supporter_without_the_figure_does_not_confirm_it() -> None:
    """A party that confirms deaths but gives no figure does not confirm "16 civilians"."""
    deaths = Proposition(EventRef("strike"), "killed", claims.Unknown("no figure"))
    d = _outlets(
        Claim("daily-toll", "daily", TOLL),
        Claim("ministry-deaths", "ministry", deaths),
        Link(LinkKind.SUPPORTS, "ministry-deaths", "daily-toll"),
    )
    found = corroboration(d, "daily-toll")
    assert found.count == 1
    [partial] = found.partial
    assert partial.claim == "ministry-deaths"
    assert "not 16 civilians" in partial.reason
    suggestion = suggest_credibility(d, "daily-toll")
    assert suggestion.credibility is None
    assert "does not state it: ministry-deaths" in suggestion.reason
    # Stated in other words (an alias of the predicate and of the unit), it counts.
    same = Proposition(EventRef("strike"), "deaths", Quantity(16, unit="people"))
    d2 = _outlets(
        Claim("daily-toll", "daily", TOLL),
        Claim("ministry-deaths", "ministry", same),
        Link(LinkKind.SUPPORTS, "ministry-deaths", "daily-toll"),
    )
    assert corroboration(d2, "daily-toll").count == 2
    assert corroborations(d2)["daily-toll"] == corroboration(d2, "daily-toll")


def _label(*affiliations: Affiliation, made: When | None = None) -> Dossier:
    accusation = Proposition(ActorRef("label"), "mistreated", Text("its artists"))
    return Dossier(
        [
            Actor("artist", "The Artist", kind=ActorKind.PERSON, affiliations=affiliations),
            Actor("label", "The Label", kind=ActorKind.COMPANY),
            Claim("post", "artist", accusation, made=made),
        ]
    )


def test_her_former_record_label_is_not_tied_to_her() -> None:
    former = Affiliation("label", nature=TieNature.MEMBER_OF, former=True, note="her former label")
    found = corroboration(_label(former), "post")
    assert not found.own.interested
    current = Affiliation("label", nature=TieNature.MEMBER_OF)
    assert corroboration(_label(current), "post").own.interested
    rival = Affiliation("label", nature=TieNature.RIVAL_OF)
    assert not corroboration(_label(rival), "post").own.interested


def test_a_tie_is_in_force_only_between_its_times() -> None:
    until_2020 = Affiliation("label", nature=TieNature.MEMBER_OF, until=When.year(2020))
    assert not corroboration(_label(until_2020, made=When.day(2024, 5, 1)), "post").own.ties
    assert corroboration(_label(until_2020, made=When.day(2019, 5, 1)), "post").own.ties
    assert corroboration(_label(until_2020), "post").own.ties  # no time: not known outside


def test_ties_do_not_chain_through_a_third_party() -> None:
    """Artist → label → its owner's company → its owner: the accusation against the owner stands."""
    against_owner = Proposition(ActorRef("owner"), "mistreated", Text("the label's artists"))
    d = Dossier(
        [
            Actor(
                "artist",
                "The Artist",
                kind=ActorKind.PERSON,
                affiliations=[Affiliation("label", nature=TieNature.MEMBER_OF)],
            ),
            Actor(
                "label",
                "The Label",
                kind=ActorKind.COMPANY,
                affiliations=[Affiliation("holding", nature=TieNature.OWNED_BY)],
            ),
            Actor(
                "holding",
                "Holding",
                kind=ActorKind.COMPANY,
                affiliations=[Affiliation("owner", nature=TieNature.OWNED_BY)],
            ),
            Actor("owner", "The Owner", kind=ActorKind.PERSON),
            Actor("paper", "A Paper", kind=ActorKind.MEDIA_OUTLET),
            Claim("post", "artist", against_owner),
            Claim("report", "paper", against_owner),
        ]
    )
    found = corroboration(d, "post")
    assert found.count == 2
    assert not any(o.interested for o in found.origins)
    assert suggest_credibility(d, "post").credibility is Credibility.CONFIRMED
    # part_of keeps its meaning: parts of a part are tied to the whole.
    sub = Actor("label-uk", "The Label UK", kind=ActorKind.COMPANY, part_of="label")
    d2 = Dossier([*d.records(), sub, Claim("uk", "label-uk", against_owner)])
    [merge] = corroboration(d2, "uk").own.merges
    assert merge.reason is MergeReason.AFFILIATED
    assert merge.note == "label-uk is part of label; artist is a member of label"
    assert [o.claims for o in corroboration(d2, "post").origins if "uk" in o.claims] == [
        ("post", "uk")
    ]


def test_an_old_affiliation_keeps_its_version_and_a_new_one_is_version_4() -> None:
    old = Actor("a", "A", affiliations=[Affiliation("b", note="close to")])
    b = Actor("b", "B")
    assert json.loads(claims.dumps(Dossier([old, b])))["schema_version"] == 2
    for new in (
        Affiliation("b", nature=TieNature.CLOSE_TO),
        Affiliation("b", former=True),
        Affiliation("b", since=When.year(2020)),
        Affiliation("b", until=When.year(2020)),
    ):
        actor = attrs.evolve(old, affiliations=[new])
        text = claims.dumps(Dossier([actor, b]))
        assert json.loads(text)["schema_version"] == 4
        assert claims.loads(text).actor("a") == actor


@settings(max_examples=60)
@given(cs.dossiers(max_claims=6), st.data())
def test_a_verbatim_copy_through_the_same_relay_adds_no_origin(
    d: Dossier, data: st.DataObject
) -> None:
    """A copy (same proposition, a new claimant) that came through a relay of the claim."""
    stated = [
        c for c in d.claims.values() if c.stance in (claims.Stance.ASSERTS, claims.Stance.DENIES)
    ]
    if not stated:
        return
    original = data.draw(st.sampled_from(stated))
    relays = list(original.chain[1:])
    if relays:
        relay = data.draw(st.sampled_from(relays))
        base = d
    else:
        relay = Hop("wire-x", "reported")
        with_relay = attrs.evolve(original, chain=(*original.chain, relay))
        records = [with_relay if r is original else r for r in d.records()]
        base = Dossier([*records, Actor("wire-x", "Wire")])
    copier = Actor("copier-x", "Copier", kind=ActorKind.MEDIA_OUTLET)
    copy = attrs.evolve(
        original,
        id="copy-x",
        claimant=copier.id,
        chain=[Hop(copier.id, "reported"), relay],
        quotes=(),
    )
    more = Dossier([*base.records(), copier, copy])
    assert corroboration(more, original.id).count <= corroboration(base, original.id).count
    assert corroborations(more)[original.id] == corroboration(more, original.id)


@settings(max_examples=60)
@given(cs.dossiers(max_claims=6), st.data())
def test_a_credibility_6_claim_never_raises_a_suggestion(d: Dossier, data: st.DataObject) -> None:
    if not d.claims:
        return
    target = data.draw(st.sampled_from(sorted(d.claims)))
    unjudged = Assessment(credibility=Credibility.CANNOT_BE_JUDGED)
    claim = d.claim(target)
    copy = attrs.evolve(claim, id="unjudged-x", claimant="unjudged-actor", assessment=unjudged)
    before = suggest_credibility(d, target).credibility
    more = Dossier([*d.records(), Actor("unjudged-actor", "X"), copy])
    assert suggest_credibility(more, target).credibility == before


def test_a_tie_with_a_nature_and_times_goes_through_stix_and_back() -> None:
    from claims import stix

    tie = Affiliation(
        "b",
        note="sold in 2020",
        nature=TieNature.OWNED_BY,
        former=True,
        since=When.year(2019),
        until=When.day(2020, 1, 2),
    )
    d = Dossier([Actor("a", "A", affiliations=[tie]), Actor("b", "B")])
    found = stix.from_stix_bundle(stix.to_stix_bundle(d, scale=None))
    assert found.dossier == d
    assert found.lost == ()


def test_a_joint_statement_shares_an_origin_with_each_of_its_claimants() -> None:
    strike = claims.EventRef("strike")
    said = claims.Proposition(strike, "killed", claims.Quantity(3, unit="people"))
    d = claims.Dossier(
        [
            claims.Event("strike", "The strike"),
            claims.Actor("us", "U.S. officials"),
            claims.Actor("af", "Afghan officials"),
            claims.Actor("ngo", "A monitor"),
            claims.Claim("joint", "us", said, also=["af"]),
            claims.Claim("afghan", "af", said),
            claims.Claim("monitor", "ngo", said),
        ]
    )
    found = claims.analysis.corroboration(d, "joint")
    assert [o.claims for o in found.origins] == [("joint", "afghan"), ("monitor",)]
    assert found.origins[0].actors == ("us", "af")
    assert found.count == 2


def test_one_statement_of_two_claimants_is_one_origin_either_way() -> None:
    """ "U.S. and Afghan officials said": two claims on one quote, or one joint claim."""
    text = "U.S. and Afghan officials said sixteen civilians were killed."
    quote = Quote.find(text, "U.S. and Afghan officials said", source="wire")
    base = [
        Actor("us", "U.S. officials", kind=ActorKind.GOVERNMENT_BODY),
        Actor("af", "Afghan officials", kind=ActorKind.GOVERNMENT_BODY),
        Actor("monitor", "A monitor", kind=ActorKind.NON_GOVERNMENTAL_ORGANISATION),
        Source("wire", "Strike kills sixteen"),
        Event("strike", "The strike"),
        Claim("monitor-toll", "monitor", TOLL),
    ]
    two = Dossier(
        [
            *base,
            Claim("us-toll", "us", TOLL, quotes=[quote]),
            Claim("af-toll", "af", TOLL, quotes=[quote]),
        ]
    )
    one = Dossier([*base, Claim("joint-toll", "us", TOLL, quotes=[quote], also=("af",))])
    found = corroboration(two, "monitor-toll")
    assert [o.claims for o in found.origins] == [("monitor-toll",), ("us-toll", "af-toll")]
    [merge] = found.origins[1].merges
    assert merge.reason is MergeReason.SAME_QUOTE
    assert found.count == corroboration(one, "monitor-toll").count == 2
    assert corroborations(two)["monitor-toll"] == found
    # The same words at another place of the source are another statement.
    again = Quote("wire", quote.exact, quote.start + len(text), quote.end + len(text))
    apart = Dossier(
        [
            *base,
            Claim("us-toll", "us", TOLL, quotes=[quote]),
            Claim("af-toll", "af", TOLL, quotes=[again]),
        ]
    )
    assert corroboration(apart, "monitor-toll").count == 3
    for d in (two, one, apart):  # and claims.sql answers the same
        assert by_claim(csql.corroborations(parquet.tables(d))) == expected_corroborations(d)
