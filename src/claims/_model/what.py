"""What: the proposition claimed, its subject and its tri-state value.

The second layer of a claim. A `Proposition` is subject, predicate and
object; the object is a known value (an actor, an event, text or a
quantity), `Unknown` or `NoValue`. An `Event` is something that happened,
which a proposition can be about (by `EventRef`).
"""

from __future__ import annotations

import attrs

from ..exceptions import InvalidValueError
from . import _validators as v
from .when import When

__all__ = [
    "ActorRef",
    "Event",
    "EventRef",
    "NoValue",
    "Proposition",
    "Qualifier",
    "Quantity",
    "Subject",
    "Text",
    "Unknown",
    "Value",
]


@attrs.frozen
class ActorRef:
    """An actor named in a proposition, by id.

    Attributes:
        id: The actor's id.
    """

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class EventRef:
    """An event named in a proposition, by id.

    Attributes:
        id: The event's id.
    """

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Text:
    """A value given in words ("dangerous escalation and aggression").

    Attributes:
        value: The words.
    """

    value: str = attrs.field(validator=v.nonempty_str)


def _field_error(field: str, detail: str) -> InvalidValueError:
    return InvalidValueError(f"Quantity.{field} {detail}", field=field, detail=detail)


@attrs.frozen
class Quantity:
    """A number as the text gives it: exact, bounded or approximate.

    "four killed" is ``Quantity(4)``; "more than 100" is
    ``Quantity(lower=100, lower_open=True)``; "several" is approximate.

    Attributes:
        value: The number, where one is given.
        lower: The lower bound, if any.
        upper: The upper bound, if any.
        lower_open: Whether the lower bound is excluded ("more than").
        upper_open: Whether the upper bound is excluded ("fewer than").
        unit: What is counted or measured ("PMF members killed").
        approximate: Whether the text hedges ("about", "several").

    >>> Quantity(lower=100, lower_open=True).contains(101)
    True
    >>> Quantity(lower=100, lower_open=True).contains(100)
    False
    """

    value: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    lower: int | float | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.number)
    )
    upper: int | float | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.number)
    )
    lower_open: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))
    upper_open: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))
    unit: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))
    approximate: bool = attrs.field(kw_only=True, default=False, validator=v.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        lo, hi, val = self.lower, self.upper, self.value
        if val is None and lo is None and hi is None:
            raise InvalidValueError("Quantity needs a value or at least one bound")
        if self.lower_open and lo is None:
            raise _field_error("lower_open", "is set but there is no lower bound")
        if self.upper_open and hi is None:
            raise _field_error("upper_open", "is set but there is no upper bound")
        if lo is not None and hi is not None:
            if lo > hi:
                raise InvalidValueError(f"Quantity lower bound {lo} is above its upper bound {hi}")
            if lo == hi and (self.lower_open or self.upper_open):
                raise InvalidValueError(
                    f"Quantity bounds {lo}..{hi} with an open end contain no number"
                )
        if val is not None and not self.contains(val):
            detail = f"{val} lies outside its own bounds"
            raise InvalidValueError(f"Quantity value {detail}", field="value", detail=detail)

    def contains(self, number: float) -> bool:
        """Whether `number` lies within the bounds (the value itself is not a bound)."""
        lo, hi = self.lower, self.upper
        if lo is not None and (number < lo or (self.lower_open and number == lo)):
            return False
        return not (hi is not None and (number > hi or (self.upper_open and number == hi)))


@attrs.frozen
class Unknown:
    """A known unknown: the text says the value is not known.

    Attributes:
        note: How the text puts it ("not immediately clear").
    """

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


@attrs.frozen
class NoValue:
    """An explicit none: the text says there is no such value.

    Attributes:
        note: How the text puts it ("no group has claimed responsibility").
    """

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


Subject = ActorRef | EventRef | Text
"""What a proposition is about."""

Value = ActorRef | EventRef | Text | Quantity | Unknown | NoValue
"""The object of a proposition: known (an actor, event, text or quantity),
unknown, or none."""

_SUBJECT_TYPES = (ActorRef, EventRef, Text)
_VALUE_TYPES = (ActorRef, EventRef, Text, Quantity, Unknown, NoValue)


@attrs.frozen
class Qualifier:
    """A further qualification of a proposition ("target": "headquarters").

    Attributes:
        name: What is qualified.
        value: The qualification, in words.
    """

    name: str = attrs.field(validator=v.nonempty_str)
    value: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Proposition:
    """What is claimed: subject, predicate, object, and qualifiers.

    Attributes:
        subject: What the proposition is about: an actor, an event or text.
        predicate: The relation, as a short snake_case word
            (``"responsible_for"``, ``"killed"``).
        object: The value: known (`ActorRef`, `EventRef`, `Text`,
            `Quantity`), `Unknown` or `NoValue`.
        when: When the proposition holds.
        where: Where it holds.
        qualifiers: Anything else that narrows it.
    """

    subject: Subject = attrs.field(validator=v.instance_of(*_SUBJECT_TYPES))
    predicate: str = attrs.field(validator=v.nonempty_str)
    object: Value = attrs.field(validator=v.instance_of(*_VALUE_TYPES))
    when: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    where: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    qualifiers: tuple[Qualifier, ...] = attrs.field(
        kw_only=True, default=(), converter=v.to_tuple, validator=v.each(v.instance_of(Qualifier))
    )

    @property
    def is_known(self) -> bool:
        """Whether the object is a known value (not `Unknown`, not `NoValue`)."""
        return not isinstance(self.object, (Unknown, NoValue))


@attrs.frozen
class Event:
    """Something that happened, which claims can be about.

    Attributes:
        id: Unique within a dossier.
        description: What happened, in a line.
        when: When it happened, as precisely as known.
        where: Where it happened.
    """

    id: str = attrs.field(validator=v.nonempty_str)
    description: str = attrs.field(validator=v.nonempty_str)
    when: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    where: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
