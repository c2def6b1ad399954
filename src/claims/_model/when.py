"""When: a point in time, given no more precisely than the text gives it.

Not a layer of its own but part of three: when a proposition holds, when a
claimant made a claim, when a source was published.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import attrs

from ..exceptions import InvalidValueError
from . import _validators as v

__all__ = ["Precision", "When"]


class Precision(enum.Enum):
    """How much of a `When` the text actually gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


_PRECISION_ORDER = {p: i for i, p in enumerate(Precision)}

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


@attrs.frozen(order=False)
class When:
    """A point in time given no more precisely than the text gives it.

    "On Thursday" is a day, "last month" a month. ``at`` is the start of that
    period, timezone-aware, with every finer field at its minimum.

    Attributes:
        at: The start of the period, timezone-aware.
        precision: How much of ``at`` is known.

    >>> from datetime import timezone, timedelta
    >>> baghdad = timezone(timedelta(hours=3))
    >>> thursday = When.day(2024, 1, 4, tz=baghdad)
    >>> str(thursday)
    '2024-01-04'
    >>> thursday.end - thursday.start
    datetime.timedelta(days=1)
    """

    at: datetime = attrs.field(validator=v.aware_datetime)
    precision: Precision = attrs.field(default=Precision.SECOND, validator=v.member_of(Precision))

    def __attrs_post_init__(self) -> None:
        finer = [n for n in _FINER_THAN[self.precision] if getattr(self.at, n) != _MINIMUM[n]]
        if finer:
            message = (
                f"When at {self.at.isoformat()} has {self.precision.value} precision "
                f"but sets {', '.join(finer)}; use When.of() to truncate"
            )
            raise InvalidValueError(message, field="precision", detail=message)

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

    @property
    def start(self) -> datetime:
        """The first instant of the period."""
        return self.at

    @property
    def end(self) -> datetime:
        """The first instant after the period."""
        at = self.at
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
