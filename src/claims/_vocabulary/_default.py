"""The default vocabulary: the news an analyst tracks, as a plain table.

Each predicate is mapped to the Wikidata property it corresponds to where one
exists with the same subject and value (an event's number of deaths is
P1120); where the property runs the other way (Wikidata's "perpetrator" is a
property of the event, ``carried_out`` one of the actor) or none fits, the
mapping is left out rather than guessed.
"""

from __future__ import annotations

from ._records import Predicate, Unit, ValueKind, Vocabulary

__all__ = ["DEFAULT", "PREDICATES", "UNITS"]

_ACTOR, _EVENT, _TEXT = ValueKind.ACTOR, ValueKind.EVENT, ValueKind.TEXT
_QUANTITY, _PLACE = ValueKind.QUANTITY, ValueKind.PLACE


def _count(
    id: str, label: str, aliases: tuple[str, ...], wikidata: str | None = None, unit: str = "people"
) -> Predicate:
    """A count of people or things, one per subject (an event's death toll), in `unit`
    when a quantity is given without one."""
    return Predicate(
        id,
        label,
        aliases,
        kind=_QUANTITY,
        dimension="count",
        unit=unit,
        single_valued=True,
        wikidata=wikidata,
    )


PREDICATES: tuple[Predicate, ...] = (
    # Casualties: counts, of an event.
    _count(
        "killed",
        "number of deaths",
        ("deaths", "dead", "death toll", "fatalities", "killings", "died"),
        "P1120",
    ),
    _count("wounded", "number of injured", ("injured", "injuries", "hurt"), "P1339"),
    _count("missing", "number of missing", ("unaccounted for", "disappeared"), "P1446"),
    _count("displaced", "number displaced", ("displaced people", "displacements", "fled")),
    _count("arrested", "number arrested", ("arrests", "detained", "detentions", "detainees")),
    Predicate(
        "casualties",
        "number killed or wounded",
        ("casualty count", "casualty toll"),
        kind=_QUANTITY,
        dimension="count",
        unit="people",
    ),
    _count("attacks", "number of attacks", ("attacks carried out", "attack count"), unit="attacks"),
    # Responsibility: who did it, and why.
    Predicate(
        "responsible_for",
        "responsible for",
        ("blamed for", "to blame for", "behind"),
        kind=_EVENT,
        single_subject=True,
        accusation=True,
    ),
    Predicate(
        "carried_out",
        "carried out",
        ("perpetrated", "conducted", "committed"),
        kind=_EVENT,
        single_subject=True,
        accusation=True,
    ),
    Predicate(
        "claimed_responsibility_for",
        "claimed responsibility for",
        ("claimed responsibility", "took responsibility for"),
        kind=_EVENT,
    ),
    Predicate("targeted", "targeted", ("target", "aimed at"), kind=_ACTOR, wikidata="P533"),
    Predicate("attacked", "attacked", ("hit", "struck", "bombed", "shelled"), kind=_ACTOR),
    Predicate("killed_in", "killed in", ("died in", "death in"), kind=_EVENT),
    Predicate("wounded_in", "wounded in", ("injured in",), kind=_EVENT),
    # Cause and sequence.
    Predicate(
        "cause",
        "has cause",
        ("caused by", "because of"),
        kind=_EVENT,
        single_valued=True,
        wikidata="P828",
    ),
    Predicate("effect", "has effect", ("led to", "resulted in"), kind=_EVENT, wikidata="P1542"),
    Predicate("triggered_by", "triggered by", ("sparked by", "set off by"), kind=_EVENT),
    Predicate(
        "retaliation_for",
        "in retaliation for",
        ("revenge for", "response to", "in response to"),
        kind=_EVENT,
    ),
    Predicate("came_after", "came after", ("followed", "after"), kind=_EVENT),
    Predicate("came_amid", "came amid", ("amid", "against a backdrop of"), kind=_TEXT),
    Predicate("motive", "motive", ("motivation", "motivated by", "reason for"), kind=_TEXT),
    Predicate("aim", "aim", ("goal", "objective", "purpose", "intended to"), kind=_TEXT),
    # Place and time.
    Predicate(
        "location",
        "location",
        ("located in", "took place in", "happened in", "place"),
        kind=_PLACE,
        single_valued=True,
        wikidata="P276",
    ),
    Predicate(
        "time",
        "point in time",
        ("date", "happened on", "took place on"),
        kind=_TEXT,
        single_valued=True,
        wikidata="P585",
    ),
    # Ties between actors.
    Predicate("member_of", "member of", ("membership", "belongs to"), kind=_ACTOR, wikidata="P463"),
    Predicate("part_of", "part of", ("subunit of", "branch of"), kind=_ACTOR, wikidata="P361"),
    Predicate(
        "affiliated_with",
        "affiliation",
        ("affiliation", "close to", "considered close to", "aligned with", "linked to"),
        kind=_ACTOR,
        wikidata="P1416",
    ),
    Predicate("backed_by", "backed by", ("supported by", "sponsored by", "funded by"), kind=_ACTOR),
    Predicate("ally_of", "ally of", ("allied with", "allies with"), kind=_ACTOR),
    Predicate("rival_of", "rival of", ("opposed to", "enemy of"), kind=_ACTOR),
    Predicate(
        "leader_of",
        "leader of",
        ("leads", "head of", "chief of", "commander of", "senior commander of"),
        kind=_ACTOR,
    ),
    Predicate(
        "deputy_leader_of",
        "deputy leader of",
        ("deputy of", "deputy head of", "second in command of"),
        kind=_ACTOR,
    ),
    Predicate(
        "spokesperson_for", "spokesperson for", ("spokesman for", "spokeswoman for"), kind=_ACTOR
    ),
    # Statements and denials.
    Predicate("said", "said", ("stated", "statement", "announced", "declared"), kind=_TEXT),
    Predicate("denied", "denied", ("denial", "rejected", "refuted"), kind=_TEXT),
    Predicate(
        "characterised_as",
        "characterised as",
        ("characterized as", "described as", "called", "condemned as"),
        kind=_TEXT,
    ),
    Predicate("credited_to", "credited to", ("attributed to", "photo credit"), kind=_ACTOR),
    Predicate("sourced_from", "sourced from", ("based on", "according to"), kind=_TEXT),
)
"""The default predicates."""


UNITS: tuple[Unit, ...] = (
    Unit(
        "people",
        "people",
        (
            "person",
            "persons",
            "individuals",
            "civilians",
            "soldiers",
            "troops",
            "service members",
            "fighters",
            "militants",
            "members",
            "children",
            "women",
            "men",
            "victims",
            "residents",
            "bodies",
            # "9 dead" counts people. Not "killed" nor "wounded": a unit
            # that says what happened to whom sets two counts apart.
            "dead",
        ),
    ),
    Unit("attacks", "attacks", ("attack", "strikes", "raids", "incidents")),
    Unit("families", "families", ("households", "family")),
    Unit("buildings", "buildings", ("homes", "houses", "building")),
    Unit("projectiles", "projectiles", ("rockets", "missiles", "drones", "shells")),
    Unit(
        "kilometres",
        "kilometres",
        ("km", "kilometers", "kilometre", "kilometer"),
        dimension="length",
    ),
    Unit("metres", "metres", ("m", "meters", "metre", "meter"), dimension="length"),
    Unit("miles", "miles", ("mile", "mi"), dimension="length"),
    Unit("hours", "hours", ("hour", "h"), dimension="duration"),
    Unit("days", "days", ("day",), dimension="duration"),
    Unit("us_dollars", "US dollars", ("USD", "dollars", "dollar"), dimension="money"),
    Unit("euros", "euros", ("EUR", "euro"), dimension="money"),
    Unit("percent", "percent", ("per cent", "pct"), dimension="ratio"),
)
"""The default units."""


DEFAULT = Vocabulary(PREDICATES, UNITS)
"""The default vocabulary: casualties, responsibility, cause, place and time,
ties between actors, statements and denials."""
