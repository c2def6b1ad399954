"""Records in words, for the views: one readable sentence per claim.

This is a small stand-in for the library's public sentence function
(``claims.describe``); the views call only `claim`, `proposition`, `term`,
`chain` and `name`, so replacing it means replacing these five.
"""

# TODO(describe): replace this module with claims.describe once it exists.

from __future__ import annotations

from .._model import (
    ActorRef,
    Claim,
    EventRef,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    Text,
    Unknown,
    Value,
)
from ..dossier import Dossier

__all__ = ["STANCE_WORDS", "chain", "claim", "name", "proposition", "quantity", "term"]

STANCE_WORDS = {
    Stance.ASSERTS: "asserts",
    Stance.DENIES: "denies",
    Stance.DECLINED_TO_COMMENT: "declined to comment on",
    Stance.NO_RESPONSE: "did not respond on",
    Stance.NO_COMMENT: "made no comment on",
    Stance.UNCLEAR: "says it is unclear whether",
}
"""The stance as a verb phrase before the proposition."""


def _number(x: float) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:,g}"


def quantity(q: Quantity) -> str:
    """A quantity in words: ``"4 PMF members killed"``, ``"more than 100 attacks"``."""
    if q.value is not None and q.lower is None and q.upper is None:
        text = _number(q.value)
    else:
        bounds = []
        if q.lower is not None:
            bounds.append(("more than " if q.lower_open else "at least ") + _number(q.lower))
        if q.upper is not None:
            bounds.append(("fewer than " if q.upper_open else "at most ") + _number(q.upper))
        text = " and ".join(bounds)
        if q.value is not None:
            text = f"{_number(q.value)} ({text})"
    if q.unit:
        text = f"{text} {q.unit}"
    return f"about {text}" if q.approximate else text


def name(dossier: Dossier | None, actor_id: str) -> str:
    """The actor's name, or its id when the dossier does not have it."""
    actor = dossier.actors.get(actor_id) if dossier is not None else None
    return actor.name if actor is not None else actor_id


def term(dossier: Dossier | None, value: Value) -> str:
    """A subject or object in words, with actor and event names looked up."""
    if isinstance(value, ActorRef):
        return name(dossier, value.id)
    if isinstance(value, EventRef):
        event = dossier.events.get(value.id) if dossier is not None else None
        return event.description if event is not None else value.id
    if isinstance(value, Text):
        return f"“{value.value}”"
    if isinstance(value, Quantity):
        return quantity(value)
    if isinstance(value, Unknown):
        return f"unknown ({value.note})" if value.note else "unknown"
    assert isinstance(value, NoValue)
    return f"none ({value.note})" if value.note else "none"


def proposition(dossier: Dossier | None, prop: Proposition) -> str:
    """A proposition in one line: subject, predicate, object, then when and where."""
    words = prop.predicate.replace("_", " ")
    text = f"{term(dossier, prop.subject)} {words} {term(dossier, prop.object)}"
    extra = [str(prop.when)] if prop.when else []
    if prop.where:
        extra.append(prop.where)
    extra.extend(f"{q.name}: {q.value}" for q in prop.qualifiers)
    return f"{text} ({'; '.join(extra)})" if extra else text


def chain(dossier: Dossier | None, c: Claim) -> str:
    """Who relayed the claim, outermost first: ``via Al Jazeera (reported)``; or ``""``."""
    if not c.chain:
        return ""
    return "via " + " ← ".join(f"{name(dossier, h.reporter)} ({h.cue})" for h in c.chain)


def claim(dossier: Dossier | None, c: Claim) -> str:
    """The claim in one sentence: who, stance, what, and via whom.

    >>> import claims
    >>> d = claims.load("seeds/baghdad-drone-strike.json")
    >>> claim(d, d.claim("reuters-killed"))
    'Reuters asserts the drone strike ... 4 PMF members killed, via Al Jazeera (reported)'
    """
    what = proposition(dossier, c.proposition)
    text = f"{name(dossier, c.claimant)} {STANCE_WORDS[c.stance]} {what}"
    via = chain(dossier, c)
    return f"{text}, {via}" if via else text
