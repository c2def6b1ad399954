"""Silences on a topic, joint statements, denials by reference, accusations from the vocabulary."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Dossier,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Stance,
    Text,
)
from claims import strategies as cs
from claims.analysis import SilenceKind, silences
from claims.exceptions import ClaimsError
from claims.vocabulary import DEFAULT, Predicate, ValueKind, Vocabulary

BLAST = EventRef("blast")


def port() -> list[claims.Record]:
    """A port blast: a shipping company, the port authority, a union, a paper."""
    return [
        Actor("kessa", "Kessa Maritime", kind=ActorKind.COMPANY),
        Actor("kessa-press", "Kessa Maritime press office", part_of="kessa"),
        Actor("port", "Port authority", kind=ActorKind.GOVERNMENT_BODY),
        Actor("union", "Dockers' union", kind=ActorKind.TRADE_UNION),
        Actor("paper", "The Harbour Times", kind=ActorKind.MEDIA_OUTLET),
        claims.Event("blast", "the blast at the port"),
    ]


def blames(id: str, claimant: str, accused: str = "kessa", predicate: str = "responsible_for"):
    return Claim(id, claimant, Proposition(ActorRef(accused), predicate, BLAST))


def kessa_declines(id: str = "kessa-declines", claimant: str = "kessa") -> Claim:
    return Claim(
        id,
        claimant,
        None,
        stance=Stance.DECLINED_TO_COMMENT,
        topic="the cause of the blast",
        reason="citing an ongoing investigation",
    )


# --------------------------------------------------------------------------
# Silences on a topic


def test_a_silence_on_a_topic_needs_no_proposition() -> None:
    quiet = kessa_declines()
    assert not quiet.stated
    assert quiet.proposition == claims.topic_proposition("the cause of the blast")
    text = claims.dumps(Dossier([*port(), quiet]))
    assert '"proposition"' not in text
    assert '"schema_version": 4' in text
    assert claims.loads(text).claim("kessa-declines") == quiet


def test_a_stated_proposition_is_kept_beside_a_topic() -> None:
    prop = Proposition(ActorRef("kessa"), "responsible_for", BLAST)
    quiet = attrs.evolve(kessa_declines(), proposition=prop)
    assert quiet.stated
    assert '"proposition"' in claims.dumps(Dossier([*port(), quiet]))


@pytest.mark.parametrize(
    ("stance", "topic"), [(Stance.ASSERTS, "the cause"), (Stance.NO_COMMENT, None)]
)
def test_only_a_silence_with_a_topic_may_leave_out_its_proposition(
    stance: Stance, topic: str | None
) -> None:
    with pytest.raises(ClaimsError, match="proposition"):
        Claim("c", "kessa", None, stance=stance, topic=topic)


def test_a_topic_silence_finds_the_accusations_against_its_claimant() -> None:
    d = Dossier([*port(), blames("union-blames", "union"), kessa_declines()])
    # Listed under the silence that answers it, and not again as unanswered.
    (reported,) = silences(d)
    assert (reported.kind, reported.actor, reported.claim) == (
        SilenceKind.REPORTED,
        "kessa",
        "kessa-declines",
    )
    assert reported.accusations == ("union-blames",)


def test_a_topic_silence_by_a_part_finds_the_accusations_against_the_whole() -> None:
    d = Dossier([*port(), blames("union-blames", "union"), kessa_declines("q", "kessa-press")])
    assert silences(d)[0].accusations == ("union-blames",)


def test_a_topic_silence_with_no_accusation_and_no_link_answers_nothing() -> None:
    d = Dossier([*port(), blames("port-blames-union", "port", "union"), kessa_declines()])
    assert silences(d)[0].accusations == ()


def test_a_topic_silence_answers_what_it_responds_to() -> None:
    d = Dossier(
        [
            *port(),
            Claim("asked", "paper", Proposition(Text("the cause"), "said", Text("?"))),
            kessa_declines(),
            Link(LinkKind.RESPONDS_TO, "kessa-declines", "asked"),
        ]
    )
    assert silences(d)[0].accusations == ("asked",)


# --------------------------------------------------------------------------
# Accusations from the vocabulary


def test_the_vocabulary_says_which_predicates_accuse() -> None:
    # "carried out" accuses in the default vocabulary; "behind" is an alias
    # of "responsible for".
    d = Dossier(
        [
            *port(),
            blames("a", "union", predicate="carried_out"),
            blames("b", "port", predicate="behind"),
        ]
    )
    assert [(s.actor, s.accusations) for s in silences(d)] == [
        ("kessa", ("a",)),
        ("kessa", ("b",)),
    ]


def test_a_dossiers_own_vocabulary_marks_a_new_accusation() -> None:
    bullied = Predicate("bullied", "bullied", kind=ValueKind.ACTOR, accusation=True)
    own = Vocabulary((*DEFAULT.predicates, bullied), DEFAULT.units)
    records = [
        *port(),
        Claim("accuses", "union", Proposition(ActorRef("kessa"), "bullied", ActorRef("union"))),
    ]
    assert silences(Dossier(records)) == ()
    [s] = silences(Dossier(records, vocabulary=own))
    assert (s.kind, s.actor, s.accusations) == (SilenceKind.UNANSWERED, "kessa", ("accuses",))


def test_the_accusations_keyword_still_decides_when_given() -> None:
    d = Dossier([*port(), blames("a", "union", predicate="carried_out")])
    assert silences(d, accusations={"responsible_for"}) == ()
    assert len(silences(d, accusations={"carried_out"})) == 1


def test_an_accusation_against_no_actor_accuses_no_one() -> None:
    d = Dossier(
        [*port(), Claim("x", "union", Proposition(Text("the crew"), "responsible_for", BLAST))]
    )
    assert silences(d) == ()


# --------------------------------------------------------------------------
# Denial by reference


def unfair() -> Claim:
    # "denied being unfair to her": not a repetition of the accusation.
    return Claim(
        "kessa-denies",
        "kessa",
        Proposition(ActorRef("kessa"), "unfair_to", ActorRef("union")),
        stance=Stance.DENIES,
    )


def test_a_denial_by_reference_answers_the_accusation() -> None:
    records = [*port(), blames("union-blames", "union"), unfair()]
    assert [s.actor for s in silences(Dossier(records))] == ["kessa"]
    denied = Dossier([*records, Link(LinkKind.DENIES, "kessa-denies", "union-blames")])
    assert silences(denied) == ()


def test_a_denial_by_a_part_answers_for_the_whole() -> None:
    denial = attrs.evolve(unfair(), claimant="kessa-press")
    d = Dossier([*port(), blames("b", "union"), denial, Link(LinkKind.DENIES, "kessa-denies", "b")])
    assert silences(d) == ()


def test_a_denial_by_someone_else_does_not_answer() -> None:
    denial = attrs.evolve(unfair(), claimant="port")
    d = Dossier([*port(), blames("b", "union"), denial, Link(LinkKind.DENIES, "kessa-denies", "b")])
    assert [s.accusations for s in silences(d)] == [("b",)]


def test_a_retracted_denial_no_longer_answers() -> None:
    d = Dossier(
        [
            *port(),
            blames("b", "union"),
            unfair(),
            Claim("withdrawn", "kessa", Proposition(Text("x"), "said", Text("y"))),
            Link(LinkKind.DENIES, "kessa-denies", "b"),
            Link(LinkKind.RETRACTS, "withdrawn", "kessa-denies"),
        ]
    )
    assert [s.accusations for s in silences(d)] == [("b",)]


# --------------------------------------------------------------------------
# Joint statements


def joint() -> Claim:
    # "The port authority and the union said the company was responsible."
    return attrs.evolve(blames("joint", "port"), also=("union",))


def test_a_joint_statement_is_each_claimants() -> None:
    d = Dossier([*port(), joint()])
    assert joint().claimants == ("port", "union")
    assert [c.id for c in d.claims_by("port")] == ["joint"]
    assert [c.id for c in d.claims_by("union")] == ["joint"]
    assert claims.loads(claims.dumps(d)).claim("joint") == joint()


def test_a_joint_claimant_must_exist() -> None:
    with pytest.raises(ClaimsError, match=r"also\[0\]"):
        Dossier([*port(), attrs.evolve(joint(), also=("nobody",))])


@pytest.mark.parametrize("also", [("port",), ("union", "union")])
def test_a_joint_claimant_is_named_once(also: tuple[str, ...]) -> None:
    with pytest.raises(ClaimsError, match="also"):
        attrs.evolve(joint(), also=also)


def test_an_accused_among_joint_claimants_answers() -> None:
    d = Dossier(
        [
            *port(),
            blames("b", "union"),
            attrs.evolve(
                unfair(),
                also=("kessa-press",),
                claimant="port",
                stance=Stance.DENIES,
                proposition=blames("x", "port").proposition,
            ),
        ]
    )
    assert silences(d) == ()


def test_claims_by_with_parts_names_a_joint_claim_once() -> None:
    d = Dossier([*port(), attrs.evolve(blames("j", "kessa", "union"), also=("kessa-press",))])
    assert [c.id for c in d.claims_by("kessa", include_parts=True)] == ["j"]


# --------------------------------------------------------------------------
# Properties


@settings(max_examples=50)
@given(cs.dossiers(max_also=2))
def test_joint_and_topic_claims_round_trip(d: Dossier) -> None:
    assert claims.loads(claims.dumps(d)) == d
    for c in d.claims.values():
        for who in c.claimants:
            assert c in d.claims_by(who)


# --------------------------------------------------------------------------
# In words


def test_a_topic_and_a_joint_statement_in_words() -> None:
    d = Dossier([*port(), joint(), kessa_declines()])
    assert claims.describe(claims.topic_proposition("the cause"), d) == "“the cause”"
    assert claims.describe(d.claim("joint"), d).startswith(
        "Port authority and Dockers' union assert:"
    )
    briefing = claims.views.markdown(d)
    assert "declined to comment on “the cause of the blast”" in briefing
    assert "topic unknown" not in briefing
    # The notebook's (and the text report's) sentence names the reason and
    # every claimant.
    assert "citing an ongoing investigation" in claims.views.claim_markdown(
        d.claim("kessa-declines"), d
    )
    assert "**Port authority and Dockers' union assert Kessa Maritime" in (
        claims.views.claim_markdown(d.claim("joint"), d)
    )
