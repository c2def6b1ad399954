"""The same text modelled two faithful ways gets the same answers.

Each case is a short text of its own, modelled once one way and once the
other; the analysis must give the answer the text calls for both times.
"""

from __future__ import annotations

import pytest

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
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
    Stance,
    Text,
    TieNature,
    Unknown,
)
from claims.analysis import (
    SilenceKind,
    contradictions,
    corroboration,
    silences,
    suggest_credibility,
)
from claims.confidence import Credibility

# --------------------------------------------------------------------------
# A wire story carried by two outlets

WIRE = (
    "The Daily: Sixteen civilians were killed in the strike, the Northwind agency said. "
    "The Herald: Northwind reported that sixteen civilians were killed."
)
TOLL = Proposition(EventRef("strike"), "killed", Quantity(16, unit="civilians"))


def _wire(modelled: str, *more: claims.Record) -> Dossier:
    """The outlets' claims through Northwind's hop, or Northwind's claim through each outlet."""
    records: list[claims.Record] = [
        Actor("northwind", "Northwind", kind=ActorKind.NEWS_AGENCY),
        Actor("daily", "The Daily", kind=ActorKind.MEDIA_OUTLET),
        Actor("herald", "The Herald", kind=ActorKind.MEDIA_OUTLET),
        Actor("ministry", "Ministry of Health", kind=ActorKind.HEALTH_AUTHORITY),
        Source("daily-page", "The Daily", publisher="daily"),
        Source("herald-page", "The Herald", publisher="herald"),
        claims.Event("strike", "the strike"),
    ]
    for outlet, words in (("daily", "the Northwind agency said"), ("herald", "Northwind reported")):
        read = Hop(outlet, "reported", source=f"{outlet}-page")
        quote = Quote.find(WIRE, words, source=f"{outlet}-page")
        if modelled == "outlets":
            chain = [read, Hop("northwind", words.split()[-1])]
            records.append(Claim(f"{outlet}-toll", outlet, TOLL, chain=chain, quotes=[quote]))
        else:
            records.append(Claim(f"{outlet}-toll", "northwind", TOLL, chain=[read], quotes=[quote]))
    return Dossier([*records, *more])


@pytest.mark.parametrize("modelled", ["outlets", "agency"])
def test_a_wire_story_is_one_origin_whoever_is_its_claimant(modelled: str) -> None:
    alone = _wire(modelled)
    [origin] = corroboration(alone, "daily-toll").origins
    assert origin.claims == ("daily-toll", "herald-toll")
    assert suggest_credibility(alone, "daily-toll").credibility is None
    # A second origin of its own confirms it.
    d = _wire(modelled, Claim("ministry-toll", "ministry", TOLL))
    assert corroboration(d, "herald-toll").count == 2
    assert suggest_credibility(d, "daily-toll").credibility is Credibility.CONFIRMED


# --------------------------------------------------------------------------
# Ties that stop where the text stops: three groups backed by one state


@pytest.mark.parametrize("natures", [False, True])
def test_groups_backed_by_one_state_are_not_one_bloc(natures: bool) -> None:
    """The militia, the resistance group and the movement are tied to the state, not to each other.

    Modelled with the notes alone (as the text words them) or with natures.
    """

    def tie(note: str, nature: TieNature) -> Affiliation:
        return (
            Affiliation("state", note=note, nature=nature)
            if natures
            else Affiliation("state", note=note)
        )

    said = Proposition(ActorRef("militia"), "targeted_by", EventRef("strike"))
    about_state = Proposition(ActorRef("state"), "armed", ActorRef("militia"))
    d = Dossier(
        [
            Actor("state", "The State", kind=ActorKind.STATE),
            Actor(
                "militia", "The Militia", affiliations=[tie("state-backed", TieNature.BACKED_BY)]
            ),
            Actor("group", "The Group", affiliations=[tie("backed by", TieNature.BACKED_BY)]),
            Actor("movement", "Movement", affiliations=[tie("an ally", TieNature.ALLIED_WITH)]),
            Actor("paper", "A Paper", kind=ActorKind.MEDIA_OUTLET),
            Event("strike", "the strike"),
            Claim("group-says", "group", said),
            Claim("movement-says", "movement", said),
            Claim("paper-says", "paper", said),
            Claim("group-state", "group", about_state),
            Claim("paper-state", "paper", about_state),
        ]
    )
    found = corroboration(d, "paper-says")
    assert [o.claims for o in found.origins] == [
        ("group-says",),
        ("movement-says",),
        ("paper-says",),
    ]
    assert not any(o.interested for o in found.origins)
    # Tied to the state itself, the group is set aside on a claim about the state.
    about = corroboration(d, "paper-state")
    assert [o.interested for o in about.origins] == [True, False]
    assert suggest_credibility(d, "paper-state").credibility is None


# --------------------------------------------------------------------------
# A supporter that confirms deaths without the figure


@pytest.mark.parametrize(
    "confirms",
    [
        Proposition(EventRef("strike"), "deaths", Unknown("no figure given")),
        Proposition(EventRef("strike"), "confirmed", Text("deaths")),
    ],
)
def test_deaths_confirmed_without_the_figure_confirm_no_figure(confirms: Proposition) -> None:
    d = _wire(
        "agency",
        Claim("ministry-deaths", "ministry", confirms),
        Link(LinkKind.SUPPORTS, "ministry-deaths", "daily-toll"),
    )
    found = corroboration(d, "daily-toll")
    assert found.count == 1
    assert [p.claim for p in found.partial] == ["ministry-deaths"]
    assert suggest_credibility(d, "daily-toll").credibility is None


# --------------------------------------------------------------------------
# A silence citing an investigation


def _port(*more: claims.Record) -> Dossier:
    return Dossier(
        [
            Actor("kessa", "Kessa Maritime", kind=ActorKind.COMPANY),
            Actor("union", "Dockers' union", kind=ActorKind.TRADE_UNION),
            Event("blast", "the blast at the port"),
            Claim(
                "union-blames",
                "union",
                Proposition(ActorRef("kessa"), "responsible_for", EventRef("blast")),
            ),
            *more,
        ]
    )


@pytest.mark.parametrize("stated", [False, True])
def test_a_silence_citing_an_investigation_answers_the_accusation(stated: bool) -> None:
    """On the topic alone, or with the accusation as its proposition."""
    proposition = Proposition(ActorRef("kessa"), "responsible_for", EventRef("blast"))
    quiet = Claim(
        "kessa-declines",
        "kessa",
        proposition if stated else None,
        stance=Stance.DECLINED_TO_COMMENT,
        topic="the cause of the blast",
        reason="citing an ongoing investigation",
    )
    reported = silences(_port(quiet))[0]
    assert (reported.kind, reported.claim) == (SilenceKind.REPORTED, "kessa-declines")
    assert reported.accusations == ("union-blames",)


# --------------------------------------------------------------------------
# A denial: repeating the accusation, or by reference to it


@pytest.mark.parametrize("by_link", [False, True])
def test_a_denial_answers_the_accusation_either_way(by_link: bool) -> None:
    blamed = Proposition(ActorRef("kessa"), "responsible_for", EventRef("blast"))
    # "Kessa denied any negligence": its own words, or the accusation repeated.
    said = (
        Proposition(ActorRef("kessa"), "negligent", Text("in its storage")) if by_link else blamed
    )
    denial = Claim("kessa-denies", "kessa", said, stance=Stance.DENIES)
    more: list[claims.Record] = [denial]
    if by_link:
        more.append(Link(LinkKind.DENIES, "kessa-denies", "union-blames"))
    assert [s.kind for s in silences(_port())] == [SilenceKind.UNANSWERED]
    assert silences(_port(*more)) == ()


# --------------------------------------------------------------------------
# Two wordings of one cause by one ministry


@pytest.mark.parametrize("predicate", ["cause", "caused by", "has_cause"])
def test_two_wordings_linked_as_supporting_are_no_contradiction(predicate: str) -> None:
    d = Dossier(
        [
            Actor("ministry", "Ministry of the Interior", kind=ActorKind.GOVERNMENT_BODY),
            Event("blast", "the blast at the port"),
            Claim(
                "accident", "ministry", Proposition(EventRef("blast"), "cause", Text("an accident"))
            ),
            Claim(
                "valve",
                "ministry",
                Proposition(EventRef("blast"), predicate, Text("a failure in a storage valve")),
            ),
        ]
    )
    [possible] = contradictions(d)
    assert not possible.definite
    d.add(Link(LinkKind.SUPPORTS, "valve", "accident"))
    assert contradictions(d) == ()
