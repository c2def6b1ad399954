"""Records in words, for the views: one readable sentence per claim.

Values and propositions are rendered by `claims.describe`; this module adds
what a briefing's sentence needs around them: the stance as a verb phrase
before the proposition, and the reporting chain after it.
"""

from __future__ import annotations

from .._describe import describe
from .._model import Claim, Place, Proposition, Stance, Value
from .._words import plural, verb_for
from ..dossier import Dossier

__all__ = [
    "STANCE_WORDS",
    "chain",
    "claim",
    "counts",
    "name",
    "place_ids",
    "plural",
    "proposition",
    "term",
    "title",
]

STANCE_WORDS = {
    Stance.ASSERTS: "asserts",
    Stance.DENIES: "denies",
    Stance.DECLINED_TO_COMMENT: "declined to comment on",
    Stance.NO_RESPONSE: "did not respond on",
    Stance.NO_COMMENT: "made no comment on",
    Stance.UNCLEAR: "says it is unclear whether",
}
"""The stance as a verb phrase before the proposition."""


def counts(dossier: Dossier, *, events: bool = True) -> str:
    """What the dossier holds: ``"23 actors, 1 source, 7 events, 41 claims, 4 links"``.

    Args:
        dossier: The dossier.
        events: Whether to count its events (the Markdown briefing leaves them out).
    """
    kinds = [
        (len(dossier.actors), "actor"),
        (len(dossier.sources), "source"),
        (len(dossier.events), "event"),
        (len(dossier.claims), "claim"),
        (len(dossier.links), "link"),
    ]
    return ", ".join(plural(n, word) for n, word in kinds if events or word != "event")


def title(dossier: Dossier, given: str | None) -> str:
    """A briefing's title: the one given, else the first source's, else a plain one."""
    if given is not None:
        return given
    first = next(iter(dossier.sources.values()), None)
    return first.title if first is not None else "Claims briefing"


def name(dossier: Dossier | None, actor_id: str) -> str:
    """The actor's name, or its id when the dossier does not have it."""
    actor = dossier.actors.get(actor_id) if dossier is not None else None
    return actor.name if actor is not None else actor_id


def term(dossier: Dossier | None, value: Value) -> str:
    """A subject or object in words (`claims.describe`), names looked up."""
    return describe(value, dossier)


def proposition(dossier: Dossier | None, prop: Proposition) -> str:
    """A proposition in one line (`claims.describe`): subject, predicate, object, when, where."""
    return describe(prop, dossier)


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
    if c.stated and c.topic is not None:
        what += f" (on “{c.topic}”)"
    if c.reason is not None:
        what += f", {c.reason}"
    who = " and ".join(name(dossier, a) for a in c.claimants)
    text = f"{who} {verb_for(len(c.claimants), STANCE_WORDS[c.stance])} {what}"
    via = chain(dossier, c)
    return f"{text}, {via}" if via else text


def place_ids(place: Place) -> str:
    """A place's gazetteer identifiers in words: ``geonames 1139027; within iso3166 AF-NAN``.

    >>> from claims import Identifier
    >>> place_ids(Place("Haska Mina", within=[Identifier("iso3166", "AF-NAN")]))
    'within iso3166 AF-NAN'
    """
    said = [f"{i.scheme} {i.value}" for i in place.identifiers]
    said += [f"within {i.scheme} {i.value}" for i in place.within]
    return "; ".join(said)
