"""A silence on a topic alone answers as a silence stating the accusation does."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Dossier,
    Event,
    EventRef,
    Proposition,
    Stance,
)
from claims.analysis import SilenceKind, silences
from sql_support import crowded

# "The dockers' union blamed Kessa Maritime for the blast; the port authority
# said the company's press office was behind it. Kessa Maritime declined to
# comment, citing an ongoing investigation. The union also blamed the port
# authority, which has not responded."
BLAST = EventRef("blast")
BLAMED = Proposition(ActorRef("kessa"), "responsible_for", BLAST)


def _port(quiet: Claim) -> Dossier:
    return Dossier(
        [
            Actor("kessa", "Kessa Maritime", kind=ActorKind.COMPANY),
            Actor("union", "Dockers' union", kind=ActorKind.TRADE_UNION),
            Actor("port", "Port authority", kind=ActorKind.GOVERNMENT_BODY),
            Event("blast", "the blast at the port"),
            Claim("union-blames", "union", BLAMED),
            Claim("port-blames", "port", BLAMED),
            Claim(
                "union-blames-port",
                "union",
                Proposition(ActorRef("port"), "responsible_for", BLAST),
            ),
            quiet,
        ]
    )


def _declines(stated: bool, claimant: str = "kessa") -> Claim:
    return Claim(
        "kessa-declines",
        claimant,
        BLAMED if stated else None,
        stance=Stance.DECLINED_TO_COMMENT,
        topic="the cause of the blast",
        reason="citing an ongoing investigation",
    )


def answers(d: Dossier) -> list[tuple[Any, ...]]:
    """Every silence, but for the proposition (the topic's, or the one stated)."""
    return [(s.actor, s.kind, s.claim, s.stance, s.accusations) for s in silences(d)]


EXPECTED = [
    (
        "kessa",
        SilenceKind.REPORTED,
        "kessa-declines",
        Stance.DECLINED_TO_COMMENT,
        ("union-blames", "port-blames"),
    ),
    ("port", SilenceKind.UNANSWERED, None, None, ("union-blames-port",)),
]


@pytest.mark.parametrize("stated", [False, True])
def test_a_silence_is_listed_once_either_way(stated: bool) -> None:
    assert answers(_port(_declines(stated))) == EXPECTED


def test_a_silence_by_someone_else_does_not_answer_for_the_accused() -> None:
    """The union's silence on the topic leaves the accusation against Kessa unanswered."""
    kinds = [(s.actor, s.kind) for s in silences(_port(_declines(False, "union")))]
    assert ("kessa", SilenceKind.UNANSWERED) in kinds


def test_a_retracted_topic_silence_answers_nothing() -> None:
    d = _port(_declines(False))
    d.add(Claim("withdrawn", "kessa", Proposition(BLAST, "said", claims.Text("sorry"))))
    d.add(claims.Link(claims.LinkKind.RETRACTS, "withdrawn", "kessa-declines"))
    assert [(s.actor, s.kind) for s in silences(d)] == [
        ("kessa", SilenceKind.UNANSWERED),
        ("port", SilenceKind.UNANSWERED),
    ]


@settings(max_examples=80)
@given(crowded())
def test_an_accusation_a_topic_silence_reports_is_not_also_unanswered(d: Dossier) -> None:
    """Reported under a silence of the accused (or of a part of it), never listed again."""
    found = silences(d)
    unanswered = {c for s in found if s.kind is SilenceKind.UNANSWERED for c in s.accusations}
    for s in found:
        if s.kind is SilenceKind.REPORTED and s.claim is not None and not d.claim(s.claim).stated:
            quiet = d.claim(s.claim)
            for cid in s.accusations:
                subject = d.claim(cid).proposition.subject
                if isinstance(subject, ActorRef) and any(
                    a == subject.id or a in d.parts(subject.id) for a in quiet.claimants
                ):
                    assert cid not in unanswered
