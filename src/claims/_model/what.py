"""What: the proposition claimed, its subject and its tri-state value.

The second layer of a claim. A `Proposition` is subject, predicate and
object; the object is a known value (an actor, an event, text, a quantity
or a `Place`), `Unknown` or `NoValue`. An `Event` is something that happened,
which a proposition can be about (by `EventRef`).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._display import Displayed
from .._words import REPR_LIMIT, short_repr, shorten
from ..exceptions import InvalidTypeError, InvalidValueError
from . import _validators as v
from .place import Place
from .when import When

__all__ = [
    "ActorRef",
    "Event",
    "EventRef",
    "NoValue",
    "Place",
    "Proposition",
    "Qualifier",
    "Quantity",
    "Subject",
    "Text",
    "Unknown",
    "Value",
    "proposition_words",
    "value_words",
]


@attrs.frozen
class ActorRef:
    """An actor named in a proposition, by id.

    Attributes:
        id: The actor's id.
    """

    __repr__ = short_repr

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class EventRef:
    """An event named in a proposition, by id.

    Attributes:
        id: The event's id.
    """

    __repr__ = short_repr

    id: str = attrs.field(validator=v.nonempty_str)


@attrs.frozen
class Text:
    """A value given in words ("dangerous escalation and aggression").

    Attributes:
        value: The words.
    """

    __repr__ = short_repr

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

    __repr__ = short_repr

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

    __repr__ = short_repr

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


@attrs.frozen
class NoValue:
    """An explicit none: the text says there is no such value.

    Attributes:
        note: How the text puts it ("no group has claimed responsibility").
    """

    __repr__ = short_repr

    note: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))


Subject = ActorRef | EventRef | Text
"""What a proposition is about."""

Value = ActorRef | EventRef | Text | Quantity | Place | Unknown | NoValue
"""The object of a proposition: known (an actor, event, text, quantity or
place), unknown, or none."""

_SUBJECT_TYPES = (ActorRef, EventRef, Text)
_REPR_WORDS = REPR_LIMIT
_VALUE_TYPES = (ActorRef, EventRef, Text, Quantity, Place, Unknown, NoValue)


@attrs.frozen
class Qualifier:
    """A further qualification of a proposition ("target": "headquarters").

    Attributes:
        name: What is qualified.
        value: The qualification, in words.
    """

    __repr__ = short_repr

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
            `Quantity`, `Place`), `Unknown` or `NoValue`.
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

    def __repr__(self) -> str:
        return f"Proposition({shorten(proposition_words(self), 2 * _REPR_WORDS)})"

    @property
    def is_known(self) -> bool:
        """Whether the object is a known value (not `Unknown`, not `NoValue`)."""
        return not isinstance(self.object, (Unknown, NoValue))


@attrs.frozen
class Event(Displayed):
    """Something that happened, which claims can be about.

    Attributes:
        id: Unique within a dossier.
        description: What happened, in a line.
        when: When it happened, as precisely as known.
        where: Where it happened.
    """

    __repr__ = short_repr

    id: str = attrs.field(validator=v.nonempty_str)
    description: str = attrs.field(validator=v.nonempty_str)
    when: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    where: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )


# --------------------------------------------------------------------------
# In words: the one rendering of values and propositions (`claims.describe`
# adds the names a dossier knows; the records' reprs use the ids).

Names = Callable[[str], str]
"""Gives the words for an actor's or event's id."""


def _same(id: str) -> str:
    return id


def _number(x: float) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:,g}"


def _quantity(q: Quantity) -> str:
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
    return f"{text} (approximate)" if q.approximate else text


def value_words(value: Value, *, actor: Names = _same, event: Names = _same) -> str:
    """A subject or object in words: a name, “text”, a quantity, ``unknown``, ``none``.

    Args:
        value: The value.
        actor: The words for an actor's id (default: the id).
        event: The words for an event's id (default: the id).

    Raises:
        InvalidTypeError: `value` is not a value.
    """
    if isinstance(value, ActorRef):
        return actor(value.id)
    if isinstance(value, EventRef):
        return event(value.id)
    if isinstance(value, Text):
        return f"“{value.value}”"
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, Place):
        return value.name
    if isinstance(value, Unknown):
        return f"unknown ({value.note})" if value.note else "unknown"
    if isinstance(value, NoValue):
        return f"none ({value.note})" if value.note else "none"
    raise InvalidTypeError(
        f"cannot describe a {type(value).__name__}: "
        "not a value, proposition, claim, stance or review"
    )


def proposition_words(prop: Proposition, *, actor: Names = _same, event: Names = _same) -> str:
    """Subject, predicate (underscores as spaces), object, then when, where, qualifiers.

    Args:
        prop: The proposition.
        actor: The words for an actor's id (default: the id).
        event: The words for an event's id (default: the id).
    """
    subject = value_words(prop.subject, actor=actor, event=event)
    words = prop.predicate.replace("_", " ")
    text = f"{subject} {words} {value_words(prop.object, actor=actor, event=event)}"
    extra = [str(prop.when)] if prop.when else []
    if prop.where:
        extra.append(prop.where)
    extra.extend(f"{q.name}: {q.value}" for q in prop.qualifiers)
    return f"{text} ({'; '.join(extra)})" if extra else text
