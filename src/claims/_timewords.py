"""Times in the text's own words: a small grammar of English news phrases.

"Late on Monday", "on Wednesday evening", "yesterday", "two days ago", "last
month", "in January", "on 4 January 2024": each is read to a `When` with the
precision the words carry, resolved against a reference time (a source's
publication time, as a rule), and keeping the words.

The grammar is written here rather than taken from a date-parsing library
(dateparser was weighed): such a library returns a datetime and at best a
period, fills the time of day in from its base or settings where the words
give none, and reads liberally by design (fuzzy matching, many languages),
where this reader must refuse what it cannot date faithfully
(`TimeWordsError`); it would also bring language data and dependencies the
core does not need. This one is deterministic, small and needs no data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

import attrs

from ._model import PartOfDay, Precision, When
from .exceptions import InvalidValueError, TimeWordsError

__all__ = ["find_time_words", "when_from_words"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_PARTS = {
    "morning": PartOfDay.MORNING,
    "afternoon": PartOfDay.AFTERNOON,
    "evening": PartOfDay.EVENING,
    "night": PartOfDay.NIGHT,
}

_WD = "|".join(_WEEKDAYS)
_MONTH = "|".join(_MONTHS)
_NUM = "|".join([*_NUMBERS, r"\d{1,3}"])
_PART = "|".join(_PARTS)
# A day named relative to the reference, or by its weekday.
_DAYNAME = (
    r"the\s+day\s+before\s+yesterday|yesterday|today|the\s+(?:next|following)\s+day"
    r"|the\s+(?:day\s+before|previous\s+day)|the\s+day\s+after|" + _WD
)
_GRAMMAR = rf"""
    (?P<day>
        (?:on\s+)?
        (?:(?P<edge>late|early)\s+(?:on\s+)?|(?P<hours>in\s+the\s+early\s+hours\s+of)\s+)?
        (?:on\s+)?
        (?P<dayname>{_DAYNAME})
        (?:\s+(?P<part>{_PART}))?
    )
  | (?P<this>(?:this|(?P<last>last))\s+(?P<thispart>{_PART})|(?P<tonight>tonight))
  | (?P<date>
        (?:on\s+)?(?:(?:{_WD}),?\s+)?
        (?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}))
        (?:,?\s+(?P<dy>\d{{4}}))?
    )
  | (?P<ago>(?P<n>{_NUM})\s+(?P<unit>day|month|year)s?\s+
        (?P<dir>ago|earlier|before|later|after(?:wards)?))
  | (?P<rel>(?P<which>last|this|earlier\s+this|later\s+this|next)\s+(?P<relunit>month|year))
  | (?P<month>(?:in\s+)?(?P<mname>{_MONTH})(?:\s+(?P<my>\d{{4}}))?)
  | (?P<year>(?:in\s+)?(?P<yy>\d{{4}}))
"""
_FULL = re.compile(rf"(?:{_GRAMMAR})", re.IGNORECASE | re.VERBOSE)
_SEARCH = re.compile(rf"\b(?:{_GRAMMAR})\b", re.IGNORECASE | re.VERBOSE)
_WEEK = re.compile(r"\bweeks?\b|\bweekend\b", re.IGNORECASE)
_ORDER = {p: i for i, p in enumerate(Precision)}


@attrs.frozen
class _Reference:
    """The reference time: its day, month and year as known, in its zone."""

    at: datetime
    precision: Precision

    def knows(self, precision: Precision) -> bool:
        return _ORDER[self.precision] >= _ORDER[precision]


def _reference(reference: datetime | When | None) -> _Reference | None:
    if reference is None:
        return None
    if isinstance(reference, When):
        if reference.at is None:
            return None
        return _Reference(reference.at, reference.precision)
    if not isinstance(reference, datetime) or reference.tzinfo is None:
        raise TimeWordsError(str(reference), "the reference must be a When or an aware datetime")
    return _Reference(reference, Precision.SECOND)


@attrs.frozen
class _Reading:
    """What the words say, before resolution: precision, part, and how to resolve."""

    precision: Precision
    part: PartOfDay | None
    resolve: Callable[[_Reference], datetime] | None
    """Start of the period from the reference; None when the words are absolute."""
    absolute: datetime | None = None


def _number(word: str) -> int:
    return _NUMBERS.get(word.lower()) or int(word)


def _at_day(day: date, tz: tzinfo | None) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def _shift_months(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _day(m: re.Match[str], future: bool) -> _Reading:
    name = " ".join(m["dayname"].lower().split())
    part = _PARTS[m["part"].lower()] if m["part"] else None
    if part is None and m["hours"]:
        part = PartOfDay.EARLY
    if part is None and m["edge"]:
        part = PartOfDay.LATE if m["edge"].lower() == "late" else PartOfDay.EARLY
    offsets = {
        "today": 0,
        "yesterday": -1,
        "the day before yesterday": -2,
        "the next day": 1,
        "the following day": 1,
        "the day after": 1,
        "the day before": -1,
        "the previous day": -1,
    }
    if name in offsets:
        shift = offsets[name]

        def relative(ref: _Reference) -> datetime:
            return _at_day(ref.at.date() + timedelta(days=shift), ref.at.tzinfo)

        return _Reading(Precision.DAY, part, relative)
    weekday = _WEEKDAYS.index(name)

    def by_weekday(ref: _Reference) -> datetime:
        today = ref.at.date()
        step = (weekday - today.weekday()) % 7 if future else -((today.weekday() - weekday) % 7)
        return _at_day(today + timedelta(days=step), ref.at.tzinfo)

    return _Reading(Precision.DAY, part, by_weekday)


def _this(m: re.Match[str]) -> _Reading:
    if m["tonight"]:
        part, back = PartOfDay.NIGHT, 0
    else:
        part = _PARTS[m["thispart"].lower()]
        back = 1 if m["last"] else 0
        if m["last"] and part is not PartOfDay.NIGHT:
            raise TimeWordsError(m[0], f"'last {part.value}' names no day for certain")

    def resolve(ref: _Reference) -> datetime:
        return _at_day(ref.at.date() - timedelta(days=back), ref.at.tzinfo)

    return _Reading(Precision.DAY, part, resolve)


def _date(m: re.Match[str], words: str, future: bool) -> _Reading:
    month = _MONTHS.index((m["m1"] or m["m2"]).lower()) + 1
    day = int(m["d1"] or m["d2"])
    if m["dy"]:
        try:
            return _Reading(Precision.DAY, None, None, datetime(int(m["dy"]), month, day))
        except ValueError:
            raise TimeWordsError(words, "it is not a day of the calendar") from None

    def resolve(ref: _Reference) -> datetime:
        now = ref.at.date()
        year = now.year
        if future and (month, day) < (now.month, now.day):
            year += 1
        elif not future and (month, day) > (now.month, now.day):
            year -= 1
        try:
            return datetime(year, month, day, tzinfo=ref.at.tzinfo)
        except ValueError:
            raise TimeWordsError(words, f"it is not a day of the year {year}") from None

    return _Reading(Precision.DAY, None, resolve)


def _ago(m: re.Match[str]) -> _Reading:
    n = _number(m["n"])
    back = m["dir"].lower() in {"ago", "earlier", "before"}
    by = -n if back else n
    unit = m["unit"].lower()
    if unit == "day":

        def days(ref: _Reference) -> datetime:
            return _at_day(ref.at.date() + timedelta(days=by), ref.at.tzinfo)

        return _Reading(Precision.DAY, None, days)
    if unit == "month":

        def months(ref: _Reference) -> datetime:
            year, month = _shift_months(ref.at.year, ref.at.month, by)
            return datetime(year, month, 1, tzinfo=ref.at.tzinfo)

        return _Reading(Precision.MONTH, None, months)

    def years(ref: _Reference) -> datetime:
        return datetime(ref.at.year + by, 1, 1, tzinfo=ref.at.tzinfo)

    return _Reading(Precision.YEAR, None, years)


def _rel(m: re.Match[str]) -> _Reading:
    which = " ".join(m["which"].lower().split())
    by = {"last": -1, "next": 1}.get(which, 0)
    if m["relunit"].lower() == "month":

        def month(ref: _Reference) -> datetime:
            year, number = _shift_months(ref.at.year, ref.at.month, by)
            return datetime(year, number, 1, tzinfo=ref.at.tzinfo)

        return _Reading(Precision.MONTH, None, month)

    def year(ref: _Reference) -> datetime:
        return datetime(ref.at.year + by, 1, 1, tzinfo=ref.at.tzinfo)

    return _Reading(Precision.YEAR, None, year)


def _month(m: re.Match[str], future: bool) -> _Reading:
    month = _MONTHS.index(m["mname"].lower()) + 1
    if m["my"]:
        return _Reading(Precision.MONTH, None, None, datetime(int(m["my"]), month, 1))

    def resolve(ref: _Reference) -> datetime:
        year = ref.at.year
        if future and month < ref.at.month:
            year += 1
        elif not future and month > ref.at.month:
            year -= 1
        return datetime(year, month, 1, tzinfo=ref.at.tzinfo)

    return _Reading(Precision.MONTH, None, resolve)


def _read(words: str, future: bool) -> _Reading:
    text = " ".join(words.split())
    m = _FULL.fullmatch(text)
    if m is None:
        if _WEEK.search(text):
            raise TimeWordsError(words, "a week is not a precision a time can have")
        raise TimeWordsError(words, "it is not one of the phrases the grammar reads")
    if m["day"]:
        return _day(m, future)
    if m["this"]:
        return _this(m)
    if m["date"]:
        return _date(m, words, future)
    if m["ago"]:
        return _ago(m)
    if m["rel"]:
        return _rel(m)
    if m["month"]:
        return _month(m, future)
    return _Reading(Precision.YEAR, None, None, datetime(int(m["yy"]), 1, 1))


def when_from_words(words: str, *, reference: datetime | When | None, future: bool = False) -> When:
    """The `When` that `words` give, resolved against `reference`, keeping the words.

    The precision is the words' own: a weekday or "yesterday" is a day, "last
    month" a month, "in 2023" a year; "late", "early", "morning", "evening"
    and "night" narrow a day to a `PartOfDay` without inventing an hour. A
    weekday, a month or a date without its year is the most recent one on or
    before the reference (news is written in the past tense; `future` turns
    that to the first on or after it). "Two days after" and "the next day"
    count forward from the reference, which is then the time they follow.

    With no reference, or one too coarse for the words (a weekday against a
    month), the time is unresolved: the words and their precision are kept,
    ``at`` is None. Words that name a date in full ("4 January 2024") need
    no reference, and take its zone (UTC without one).

    >>> from claims import When
    >>> wednesday = When.day(2024, 1, 10)  # a Wednesday
    >>> str(when_from_words("late on Monday", reference=wednesday))
    '2024-01-08 late'
    >>> when_from_words("last month", reference=wednesday).precision.value
    'month'
    >>> when_from_words("on Tuesday", reference=None).resolved
    False

    Args:
        words: The text's words ("on Wednesday evening").
        reference: The time the words are relative to: as a rule the
            publication time of the source they are quoted from.
        future: Read weekdays, months and dates forward from the reference.

    Returns:
        The time, with ``words`` set to `words`.

    Raises:
        TimeWordsError: The grammar does not read the words (it never
            guesses), or they name no day of the calendar.
    """
    if not isinstance(words, str) or not words.strip():
        raise TimeWordsError(str(words), "there are no words")
    reading = _read(words, future)
    ref = _reference(reference)
    try:
        if reading.absolute is not None:
            tz = ref.at.tzinfo if ref is not None else UTC
            return When(
                reading.absolute.replace(tzinfo=tz), reading.precision, part=None, words=words
            )
        assert reading.resolve is not None
        if ref is None or not ref.knows(reading.precision):
            return When.unresolved(words, reading.precision, part=reading.part)
        at = reading.resolve(ref)
        return When(at, reading.precision, part=reading.part, words=words)
    except (InvalidValueError, OverflowError, ValueError) as exc:
        if isinstance(exc, TimeWordsError):
            raise
        raise TimeWordsError(words, "it falls outside the years a time may have") from None


def find_time_words(text: str) -> tuple[tuple[int, int], ...]:
    """The spans (start, end) of `text` that `when_from_words` reads, in order.

    >>> text = "The ministry said late on Monday that talks would resume."
    >>> [text[a:b] for a, b in find_time_words(text)]
    ['late on Monday']
    """
    return tuple(
        (m.start(), m.end())
        for m in _SEARCH.finditer(text)
        # A bare "May" or "2024" in running text is too often not a time.
        if not ((m["month"] or m["year"]) and m[0][:2].lower() != "in")
    )
