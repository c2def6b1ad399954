"""Values, propositions and claims in words: one rendering for every view.

The report, the graphs and the STIX export all render through `describe`, so
the same claim reads the same wherever it is shown.
"""

from __future__ import annotations

from typing import Protocol

from ._model import (
    TOPIC,
    Actor,
    Claim,
    Event,
    Proposition,
    Review,
    Stance,
    Text,
    Value,
    topic_proposition,
)
from ._model.what import proposition_words, value_words
from ._words import plural, verb_for
from .exceptions import UnknownIdError
from .vocabulary import Predicate, Unit, Vocabulary

__all__ = ["Names", "describe"]

_STANCE_WORDS = {
    Stance.ASSERTS: "asserts",
    Stance.DENIES: "denies",
    Stance.DECLINED_TO_COMMENT: "declined to comment",
    Stance.NO_RESPONSE: "did not respond",
    Stance.NO_COMMENT: "no comment",
    Stance.UNCLEAR: "says it is unclear",
}


class Names(Protocol):
    """Where `describe` looks up the names of actors and events.

    A `Dossier` is one, and so is an open store.
    """

    def actor(self, id: str, /) -> Actor:
        """The actor with `id`; `UnknownIdError` if there is none."""
        ...

    def event(self, id: str, /) -> Event:
        """The event with `id`; `UnknownIdError` if there is none."""
        ...


def describe(
    obj: Value | Proposition | Claim | Stance | Review | Vocabulary | Predicate | Unit,
    dossier: Names | None = None,
) -> str:
    """`obj` in words, as one line of plain text.

    - An actor or event reference: the actor's name or the event's
      description when `dossier` has it, else its id.
    - Text: in quotation marks, ``“dangerous escalation”``.
    - A quantity: ``4``, ``at least 3 and at most 5 killed``,
      ``more than 100 attacks (approximate)``.
    - A place: its name (its identifiers are left out).
    - Unknown and none: ``unknown``, ``none``, with the note in brackets.
    - A proposition: subject, predicate (underscores as spaces), object, then
      when, where and the qualifiers in brackets; the one a topic alone
      stands for (`claims.topic_proposition`), the topic in quotes.
    - A stance: its verb, ``asserts``, ``denies``, ``did not respond``.
    - A claim: the claimants, the stance and the proposition (or, for a
      silence on a topic alone, the topic), then the topic and reason given,
      ``Reuters asserts: the strike killed 4``.
    - A review: the reviewer, the verdict on its scale and the claim
      reviewed (in words when `dossier` has it, else its id),
      ``Full Fact finds False (1 of 1..5): Reuters asserts: ...``.
    - A vocabulary (a dossier's own, `Dossier.own_vocabulary`): how many
      predicates and units, with their ids; a predicate: its id, label and
      aliases, the kind of value it takes and what it says;
      a unit: its id, label and aliases, and its dimension.

    Args:
        obj: What to render.
        dossier: Where to look up actor and event names (a `Dossier` or
            anything else with ``actor(id)`` and ``event(id)``); without it,
            references are shown by id.

    Returns:
        The text, without a trailing newline.

    Raises:
        InvalidTypeError: `obj` is none of these.

    >>> import claims
    >>> toll = claims.Proposition(
    ...     subject=claims.EventRef("strike"),
    ...     predicate="killed",
    ...     object=claims.Quantity(lower=3, upper=5),
    ... )
    >>> d = claims.Dossier([
    ...     claims.Actor("reuters", name="Reuters"),
    ...     claims.Event("strike", description="the strike"),
    ...     claims.Claim("c", claimant="reuters", proposition=toll),
    ... ])
    >>> describe(d.claim("c"), d)
    'Reuters asserts: the strike killed at least 3 and at most 5'
    >>> describe(d.claim("c"))
    'reuters asserts: strike killed at least 3 and at most 5'
    >>> d.add(claims.Actor("kessa", "Kessa Maritime"))
    >>> quiet = claims.Claim(
    ...     "q", "kessa", None, stance=claims.Stance.DECLINED_TO_COMMENT,
    ...     topic="the cause", reason="citing an investigation", also=["reuters"],
    ... )
    >>> describe(quiet, d)
    'Kessa Maritime and Reuters declined to comment: on “the cause”, citing an investigation'
    >>> describe(claims.Quantity(value=1200, unit="people", approximate=True))
    '1,200 people (approximate)'
    >>> d.add(claims.Review("r", "c", "reuters", "Half true", rating=3, best=5, worst=1))
    >>> describe(d.review("r"), d)  # doctest: +ELLIPSIS
    'Reuters finds Half true (3 of 1..5): Reuters asserts: the strike killed at least 3...'
    >>> from claims.vocabulary import DEFAULT
    >>> describe(DEFAULT.predicate("killed"))  # doctest: +ELLIPSIS
    'killed (number of deaths; also ...): a quantity (count, people by default), single-valued, ...'
    >>> describe(DEFAULT.unit("km"))
    'kilometres (kilometres; also km, kilometers, kilometre, kilometer): length'
    >>> describe(claims.vocabulary.Vocabulary(DEFAULT.predicates[:2], DEFAULT.units[:1]))
    'a vocabulary of 2 predicates (killed, wounded) and 1 unit (people)'
    """
    if isinstance(obj, Vocabulary):
        predicates = ", ".join(p.id for p in obj.predicates)
        units = ", ".join(u.id for u in obj.units)
        return (
            f"a vocabulary of {plural(len(obj.predicates), 'predicate')}"
            + (f" ({predicates})" if predicates else "")
            + f" and {plural(len(obj.units), 'unit')}"
            + (f" ({units})" if units else "")
        )
    if isinstance(obj, Predicate):
        said = [f"a{'n' if obj.kind.value[0] in 'aeiou' else ''} {obj.kind.value}"]
        if obj.dimension is not None or obj.unit is not None:
            measured = [m for m in (obj.dimension, obj.unit and f"{obj.unit} by default") if m]
            said[0] += f" ({', '.join(measured)})"
        flags = ("single_valued", "single_subject", "accusation")
        said += [flag.replace("_", "-") for flag in flags if getattr(obj, flag)]
        if obj.wikidata is not None:
            said.append(f"Wikidata {obj.wikidata}")
        return f"{_names(obj)}: {', '.join(said)}"
    if isinstance(obj, Unit):
        return f"{_names(obj)}: {obj.dimension}"
    if isinstance(obj, Review):
        return f"{_actor_name(obj.reviewer, dossier)} finds {obj.scale()}: " + _claim(
            obj.claim, dossier
        )
    if isinstance(obj, Claim):
        claimant = " and ".join(_actor_name(a, dossier) for a in obj.claimants)
        what = [describe(obj.proposition, dossier)] if obj.stated else []
        if obj.topic is not None:
            what.append(f"on “{obj.topic}”")
        if obj.reason is not None:
            what.append(obj.reason)
        verb = verb_for(len(obj.claimants), _STANCE_WORDS[obj.stance])
        return f"{claimant} {verb}: {', '.join(what)}"
    if isinstance(obj, Proposition):
        return _proposition(obj, dossier)
    if isinstance(obj, Stance):
        return _STANCE_WORDS[obj]
    return _value(obj, dossier)


def _names(record: Predicate | Unit) -> str:
    """``id (label; also alias, alias)``."""
    also = f"; also {', '.join(record.aliases)}" if record.aliases else ""
    return f"{record.id} ({record.label}{also})"


def _actor_name(id: str, dossier: Names | None) -> str:
    if dossier is None:
        return id
    try:
        return dossier.actor(id).name
    except UnknownIdError:
        return id


def _claim(id: str, dossier: Names | None) -> str:
    """The claim `id` in words, if `dossier` holds claims and has it; else its id."""
    lookup = getattr(dossier, "claim", None)
    if lookup is None:
        return id
    try:
        claim = lookup(id)
    except UnknownIdError:
        return id
    return describe(claim, dossier) if isinstance(claim, Claim) else id


def _event_description(id: str, dossier: Names | None) -> str:
    if dossier is None:
        return id
    try:
        return dossier.event(id).description
    except UnknownIdError:
        return id


def _value(value: Value, dossier: Names | None) -> str:
    return value_words(
        value,
        actor=lambda id: _actor_name(id, dossier),
        event=lambda id: _event_description(id, dossier),
    )


def _proposition(prop: Proposition, dossier: Names | None) -> str:
    subject = prop.subject
    if (
        prop.predicate == TOPIC
        and isinstance(subject, Text)
        and prop == topic_proposition(subject.value)
    ):
        return f"“{subject.value}”"  # what a topic alone stands for: the topic
    return proposition_words(
        prop,
        actor=lambda id: _actor_name(id, dossier),
        event=lambda id: _event_description(id, dossier),
    )
