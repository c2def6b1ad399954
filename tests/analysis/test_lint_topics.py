"""Lint on silences on a topic and joint statements: no finding that is not there."""

from __future__ import annotations

import attrs
from hypothesis import given, settings

from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Dossier,
    Event,
    EventRef,
    Proposition,
    Quantity,
    Quote,
    Source,
    Stance,
    Text,
    topic_proposition,
)
from claims import strategies as cs
from claims.analysis import Finding, lint

ARTICLE = (
    "The dockers' union blamed Kessa Maritime for the blast. Kessa Maritime and "
    "the port authority declined to comment, citing an ongoing investigation."
)
BLAST = EventRef("blast")


def _quote(words: str) -> Quote:
    return Quote.find(ARTICLE, words, source="article")


def _port(*more: object) -> Dossier:
    d = Dossier(
        [
            Actor("kessa", "Kessa Maritime", kind=ActorKind.COMPANY),
            Actor("port", "Port authority", kind=ActorKind.GOVERNMENT_BODY),
            Actor("union", "Dockers' union", kind=ActorKind.TRADE_UNION),
            Event("blast", "the blast at the port"),
            Source("article", "Blast at the port"),
        ]
    )
    d.extend(more)  # type: ignore[arg-type]
    return d


def _blames(accused: str = "kessa") -> Claim:
    return Claim(
        "union-blames",
        "union",
        Proposition(ActorRef(accused), "responsible_for", BLAST),
        quotes=[_quote("blamed Kessa Maritime for the blast")],
    )


def _declines(also: tuple[str, ...] = ()) -> Claim:
    return Claim(
        "declines",
        "kessa",
        None,
        stance=Stance.DECLINED_TO_COMMENT,
        topic="the cause of the blast",
        reason="citing an ongoing investigation",
        also=also,
        quotes=[_quote("declined to comment")],
    )


def _codes(found: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in found]


def test_a_silence_on_a_topic_is_not_an_unknown_predicate() -> None:
    """Its proposition stands for the topic: the predicate is not the analyst's."""
    found = lint(_port(_blames(), _declines()))
    assert found == ()
    # Written by the analyst, the same predicate is linted like any other.
    written = Claim("c", "union", topic_proposition("the cause"), quotes=[_quote("blast")])
    assert _codes(lint(_port(written))) == ["unknown-predicate"]


def test_a_predicate_one_letter_from_the_topic_s_is_not_near_it() -> None:
    topics = Claim(
        "listed",
        "union",
        Proposition(Text("the port"), "topics", Text("safety")),
        quotes=[_quote("blast")],
    )
    found = lint(_port(_blames(), _declines(), topics))
    assert _codes(found) == ["unknown-predicate"]
    assert found[0].records == ("listed",)


def test_a_topic_silence_with_no_accusation_says_so_in_its_words() -> None:
    (finding,) = lint(_port(_declines()))
    assert finding.code == "silence-without-accusation"
    assert finding.records == ("declines",)
    assert finding.message == (
        "'kessa''s silence (declined to comment on 'the cause of the blast') answers no "
        "claim: it responds to none, and no one else accuses 'kessa'"
    )


def test_a_joint_silence_names_every_claimant() -> None:
    (finding,) = lint(_port(_declines(also=("port",))))
    assert finding.message.startswith("'kessa' and 'port''s silence (declined to comment on")
    assert finding.message.endswith("no one else accuses 'kessa' and 'port'")


def test_a_joint_silence_answers_an_accusation_against_either_claimant() -> None:
    assert lint(_port(_blames("port"), _declines(also=("port",)))) == ()
    stated = attrs.evolve(
        _declines(also=("port",)),
        proposition=Proposition(ActorRef("port"), "responsible_for", BLAST),
    )
    assert lint(_port(_blames("port"), stated)) == ()


@settings(max_examples=80)
@given(cs.dossiers(max_claims=8))
def test_no_name_or_value_finding_is_about_a_topic_alone(d: Dossier) -> None:
    unstated = {c.id for c in d.claims.values() if not c.stated}
    for finding in lint(d):
        if finding.code in {
            "unknown-predicate",
            "near-predicate",
            "free-text",
            "value-kind",
            "unit-dimension",
            "no-unit",
        }:
            assert unstated.isdisjoint(finding.records), finding


# --------------------------------------------------------------------------
# A joint statement written as one claim per claimant

JOINT = "U.S. and Afghan officials said three people were killed."


def _officials(*more: Claim) -> Dossier:
    d = Dossier(
        [
            Actor("us", "U.S. officials"),
            Actor("af", "Afghan officials"),
            Actor("monitor", "A monitor", kind=ActorKind.NON_GOVERNMENTAL_ORGANISATION),
            Source("wire", "Strike kills three"),
            Event("strike", "the strike"),
        ]
    )
    d.extend(more)
    return d


def _said(cid: str, claimant: str, **kw: object) -> Claim:
    toll = Proposition(EventRef("strike"), "killed", Quantity(3, unit="people"))
    quote = Quote.find(JOINT, "U.S. and Afghan officials said", source="wire")
    return Claim(cid, claimant, toll, quotes=[quote], **kw)  # type: ignore[arg-type]


def test_one_quote_two_claimants_two_claims_is_named_as_a_joint_statement() -> None:
    d = _officials(_said("us-says", "us"), _said("af-says", "af"))
    (finding,) = lint(d)
    assert finding.code == "joint-statement"
    assert finding.records == ("us-says", "af-says")
    assert finding.suggestion == (
        "if it is one statement, record one claim by 'us' with also=('af',) (Claim.also)"
    )
    # Written as one claim of both, nothing is left to say.
    assert lint(_officials(_said("joint", "us", also=("af",)))) == ()
    # One claimant's two claims on one quote are not a joint statement.
    assert lint(_officials(_said("a", "us"), _said("b", "us"))) == ()
