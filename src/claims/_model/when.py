"""When: a point in time, given no more precisely than the text gives it.

Not a layer of its own but part of three: when a proposition holds, when a
claimant made a claim, when a source was published.

A time may keep the words the text gave it in ("late on Monday"), narrow a
day to a part of it (`PartOfDay`) without inventing an hour, and be left
unresolved (``at`` None) when there was no reference time to read the words
against.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import attrs

from ..exceptions import InvalidValueError, UnresolvedTimeError
from . import _validators as v

__all__ = ["PartOfDay", "Precision", "When"]


class Precision(enum.Enum):
    """How much of a `When` the text actually gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


_PRECISION_ORDER = {p: i for i, p in enumerate(Precision)}


class PartOfDay(enum.Enum):
    """The part of a day the words name, without an hour: "late on Monday".

    Only a `When` of `Precision.DAY` has one; its period stays the whole
    day (the text gives no hour), and the part says which end of it.
    """

    EARLY = "early"
    """"early on Monday", "in the early hours of Monday"."""
    MORNING = "morning"
    """"on Monday morning"."""
    AFTERNOON = "afternoon"
    """"on Monday afternoon"."""
    EVENING = "evening"
    """"on Wednesday evening"."""
    NIGHT = "night"
    """"on Monday night", "last night", "tonight"."""
    LATE = "late"
    """"late on Monday"."""


# Fields that must be at their minimum for each precision.
_FINER_THAN: dict[Precision, tuple[str, ...]] = {
    Precision.YEAR: ("month", "day", "hour", "minute", "second", "microsecond"),
    Precision.MONTH: ("day", "hour", "minute", "second", "microsecond"),
    Precision.DAY: ("hour", "minute", "second", "microsecond"),
    Precision.HOUR: ("minute", "second", "microsecond"),
    Precision.MINUTE: ("second", "microsecond"),
    Precision.SECOND: ("microsecond",),
}
_MINIMUM = {"month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0, "microsecond": 0}


def _truncate(at: datetime, precision: Precision) -> datetime:
    fields: dict[str, Any] = {name: _MINIMUM[name] for name in _FINER_THAN[precision]}
    return at.replace(**fields)


def _part_needs_a_day(when: When, part: PartOfDay | None) -> str | None:
    if part is not None and when.precision is not Precision.DAY:
        return f"a part of the day ({part.value}) needs day precision, not {when.precision.value}"
    return None


def _words_when_unresolved(when: When, words: str | None) -> str | None:
    if words is None and when.at is None:
        return "a time with no date (at is None) needs the words it was given in"
    return None


@attrs.frozen(order=False)
class When:
    """A point in time given no more precisely than the text gives it.

    "On Thursday" is a day, "last month" a month. ``at`` is the start of that
    period, timezone-aware, with every finer field at its minimum.

    The text's own words may be kept (``words``), and a day narrowed to a
    part of it (``part``: "late on Monday", "Wednesday evening") without
    inventing an hour: the period is still the whole day. Words read with no
    reference time to resolve them against leave ``at`` None: the time is
    unknown, its precision is that of the words (`When.unresolved`).

    Attributes:
        at: The start of the period, timezone-aware; None when unresolved.
        precision: How much of ``at`` is known (for an unresolved time, how
            much the words would give).
        part: The part of the day the words name (day precision only).
        words: The text's own words ("late on Monday"), when kept.

    >>> from datetime import timezone, timedelta
    >>> baghdad = timezone(timedelta(hours=3))
    >>> thursday = When.day(2024, 1, 4, tz=baghdad)
    >>> str(thursday)
    '2024-01-04'
    >>> thursday.end - thursday.start
    datetime.timedelta(days=1)
    >>> str(When.unresolved("late on Monday", Precision.DAY, part=PartOfDay.LATE))
    'late on Monday (unresolved)'
    """

    at: datetime | None = attrs.field(validator=v.optional(v.aware_datetime))
    precision: Precision = attrs.field(default=Precision.SECOND, validator=v.member_of(Precision))
    part: PartOfDay | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(
            v.optional(v.member_of(PartOfDay)),
            v.SaidRule(
                _part_needs_a_day,
                when={"properties": {"part": {"type": "string"}}, "required": ["part"]},
                then={"properties": {"precision": {"const": "day"}}, "required": ["precision"]},
            ),
        ),
    )
    words: str | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(
            v.optional(v.nonempty_str),
            v.SaidRule(
                _words_when_unresolved,
                when={"properties": {"at": {"type": "null"}}},
                then={"properties": {"words": {"type": "string"}}, "required": ["words"]},
            ),
        ),
    )

    def __attrs_post_init__(self) -> None:
        if self.at is None:
            return
        finer = [n for n in _FINER_THAN[self.precision] if getattr(self.at, n) != _MINIMUM[n]]
        if finer:
            message = (
                f"When at {self.at.isoformat()} has {self.precision.value} precision "
                f"but sets {', '.join(finer)}; use When.of() to truncate"
            )
            raise InvalidValueError(message, field="precision", detail=message)

    @classmethod
    def unresolved(cls, words: str, precision: Precision, *, part: PartOfDay | None = None) -> When:
        """A time known only by its words, with no reference to resolve them against."""
        return cls(None, precision, part=part, words=words)

    @property
    def resolved(self) -> bool:
        """Whether the time is known (``at`` is set), not only its words."""
        return self.at is not None

    @classmethod
    def of(cls, at: datetime, precision: Precision) -> When:
        """The `When` of `precision` that contains `at`."""
        return cls(_truncate(at, precision), precision)

    @classmethod
    def year(cls, year: int, *, tz: tzinfo = UTC) -> When:
        """A whole year ("in 2023")."""
        return cls(datetime(year, 1, 1, tzinfo=tz), Precision.YEAR)

    @classmethod
    def month(cls, year: int, month: int, *, tz: tzinfo = UTC) -> When:
        """A whole month ("last month")."""
        return cls(datetime(year, month, 1, tzinfo=tz), Precision.MONTH)

    @classmethod
    def day(cls, year: int, month: int, day: int, *, tz: tzinfo = UTC) -> When:
        """A whole day ("on Thursday")."""
        return cls(datetime(year, month, day, tzinfo=tz), Precision.DAY)

    def _known(self) -> datetime:
        if self.at is None:
            raise UnresolvedTimeError(
                f"the time {self.words!r} was never resolved against a reference time, "
                "so it has no start or end"
            )
        return self.at

    @property
    def start(self) -> datetime:
        """The first instant of the period.

        Raises:
            UnresolvedTimeError: The time is unresolved (`resolved` is false).
        """
        return self._known()

    @property
    def end(self) -> datetime:
        """The first instant after the period.

        Raises:
            UnresolvedTimeError: The time is unresolved (`resolved` is false).
        """
        at = self._known()
        if self.precision is Precision.YEAR:
            return at.replace(year=at.year + 1)
        if self.precision is Precision.MONTH:
            if at.month == 12:
                return at.replace(year=at.year + 1, month=1)
            return at.replace(month=at.month + 1)
        step = {
            Precision.DAY: timedelta(days=1),
            Precision.HOUR: timedelta(hours=1),
            Precision.MINUTE: timedelta(minutes=1),
            Precision.SECOND: timedelta(seconds=1),
        }[self.precision]
        return at + step

    def is_finer_than(self, other: When) -> bool:
        """Whether this time is given more precisely than `other`."""
        return _PRECISION_ORDER[self.precision] > _PRECISION_ORDER[other.precision]

    def __repr__(self) -> str:
        return f"When({str(self)!r})"

    def __str__(self) -> str:
        at = self.at
        if at is None:
            return f"{self.words} (unresolved)"
        if self.part is not None:
            return f"{at.date().isoformat()} {self.part.value}"
        if self.precision is Precision.YEAR:
            return f"{at.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{at.year:04d}-{at.month:02d}"
        if self.precision is Precision.DAY:
            return at.date().isoformat()
        spec = {
            Precision.HOUR: "hours",
            Precision.MINUTE: "minutes",
            Precision.SECOND: "seconds",
        }[self.precision]
        return at.isoformat(timespec=spec)
