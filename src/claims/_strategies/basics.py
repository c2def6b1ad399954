"""Strategies for the pieces records are made of: ids, texts, times, quantities.

Public through `claims.strategies` (and used by `claims._strategies.records`).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import attrs
from hypothesis import strategies as st

from .._model import (
    MAX_SAFE_INT,
    MAX_YEAR,
    MIN_YEAR,
    NoValue,
    PartOfDay,
    Precision,
    Quantity,
    Unknown,
    When,
)

__all__ = [
    "BOOLEANS",
    "DATETIMES",
    "IDS",
    "MAYBE_TEXT",
    "MAYBE_TEXT_20",
    "MAYBE_TIME",
    "MAYBE_UNITS",
    "MAYBE_WHEN",
    "NO_VALUES",
    "ONE_IN_EIGHT",
    "QUANTITY_VALUES",
    "TEXT",
    "UNITS",
    "UNKNOWN_VALUES",
    "aware_datetimes",
    "ids",
    "index",
    "maybe",
    "now_and_then",
    "pick",
    "quantities",
    "texts",
    "timezones",
    "whens",
    "whens_in_words",
]

BOOLEANS = st.booleans()
ONE_IN_EIGHT = st.integers(0, 7)


def now_and_then(
    usual: st.SearchStrategy[Any], edge: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """`usual`, and one time in eight `edge` (shrinking towards `usual`)."""

    @st.composite
    def draw_one(draw: st.DrawFn) -> Any:
        return draw(edge if draw(ONE_IN_EIGHT) == 7 else usual)

    return draw_one()


_ID_ALPHABET = string.ascii_lowercase + string.digits + "-_."
# Ids as people and other tools write them: separators, spaces, markup,
# controls, right-to-left marks, characters outside the BMP.
_ODD_CHARACTERS = " \x00\x1f\x1b\t:/#<>&\"'`~%{}[]|\\\u202e\u00e9\u0642\U0001f600"
_ODD_IDS = st.text(
    st.sampled_from(_ODD_CHARACTERS) | st.characters(codec="utf-8"),
    min_size=1,
    max_size=12,
).filter(str.strip)
IDS = now_and_then(st.text(_ID_ALPHABET, min_size=1, max_size=10), _ODD_IDS)
_TEXTS: dict[int, st.SearchStrategy[str]] = {}


def ids() -> st.SearchStrategy[str]:
    """Record ids: short, non-empty; now and then odd ones (spaces, controls, markup)."""
    return IDS


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text, any Unicode (no lone surrogates)."""
    found = _TEXTS.get(max_size)
    if found is None:
        found = _TEXTS[max_size] = st.text(min_size=1, max_size=max_size).filter(str.strip)
    return found


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


_TIMEZONES = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
_ANY_OFFSET = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
DATETIMES = now_and_then(
    st.datetimes(
        min_value=datetime(1900, 1, 2),
        max_value=datetime(2099, 12, 30),
        timezones=_TIMEZONES,
    ),
    st.datetimes(
        min_value=datetime(MIN_YEAR, 1, 1),
        max_value=datetime(MIN_YEAR, 1, 2),
        timezones=_ANY_OFFSET,
    )
    | st.datetimes(
        min_value=datetime(MAX_YEAR, 12, 30),
        max_value=datetime(MAX_YEAR, 12, 31, 23, 59, 59, 999999),
        timezones=_ANY_OFFSET,
    ),
)
_WHENS = st.builds(When.of, DATETIMES, st.sampled_from(Precision))
# Words of time with the precision and part of day they carry.
_PHRASES = st.sampled_from(
    [
        ("late on Monday", Precision.DAY, PartOfDay.LATE),
        ("on Tuesday", Precision.DAY, None),
        ("on Wednesday evening", Precision.DAY, PartOfDay.EVENING),
        ("in the early hours of Sunday", Precision.DAY, PartOfDay.EARLY),
        ("yesterday morning", Precision.DAY, PartOfDay.MORNING),
        ("last month", Precision.MONTH, None),
        ("in 2023", Precision.YEAR, None),
    ]
)


@st.composite
def _worded(draw: st.DrawFn) -> When:
    words, precision, part = draw(_PHRASES)
    if draw(st.booleans()):
        return When.unresolved(words, precision, part=part)
    return attrs.evolve(When.of(draw(DATETIMES), precision), part=part, words=words)


_WORDED = _worded()
_NUMBERS = st.integers(-MAX_SAFE_INT, MAX_SAFE_INT) | st.floats(
    allow_nan=False, allow_infinity=False
)
_BOUNDS = st.lists(_NUMBERS, min_size=0, max_size=2)


def timezones() -> st.SearchStrategy[tzinfo]:
    """Fixed UTC offsets in whole minutes, -12:00 to +14:00."""
    return _TIMEZONES


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes, mostly between 1900 and 2100.

    One in eight lies at an edge of the years a time may have (the first days
    of year 2, the last of year 9998), with any offset up to +/-23:59.
    """
    return DATETIMES


def whens() -> st.SearchStrategy[When]:
    """Times of every precision, truncated so they claim no more than they know."""
    return _WHENS


def whens_in_words() -> st.SearchStrategy[When]:
    """Times given in the text's words ("late on Monday"), resolved or not.

    Half are unresolved (no date: the words and their precision only); the
    others are dated, some narrowed to a part of the day.
    """
    return _WORDED


def index(draw: st.DrawFn, size: int) -> int:
    """An index below `size` (at least 1), shrinking towards 0."""
    return draw(st.integers(0, size - 1)) if size > 1 else 0


def pick(draw: st.DrawFn, choices: Sequence[str]) -> str:
    return choices[index(draw, len(choices))]


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Exact, bounded, half-open and approximate quantities."""
    bounds = sorted(draw(_BOUNDS))
    lower = upper = None
    if len(bounds) == 2:
        lower, upper = bounds
    elif bounds:
        if draw(BOOLEANS):
            lower = bounds[0]
        else:
            upper = bounds[0]
    lower_open = lower is not None and draw(BOOLEANS)
    upper_open = upper is not None and draw(BOOLEANS)
    if lower is not None and lower == upper:
        lower_open = upper_open = False
    value = None
    if not bounds or draw(BOOLEANS):
        value = draw(_NUMBERS) if not bounds else bounds[index(draw, len(bounds))]
        probe = (
            Quantity(lower=lower, upper=upper, lower_open=lower_open, upper_open=upper_open)
            if bounds
            else None
        )
        if probe is not None and not probe.contains(value):
            value = None
    return Quantity(
        value=value,
        lower=lower,
        upper=upper,
        lower_open=lower_open,
        upper_open=upper_open,
        unit=draw(MAYBE_UNITS),
        approximate=draw(BOOLEANS),
    )


TEXT = texts()
MAYBE_TEXT = maybe(TEXT)
MAYBE_TEXT_20 = maybe(texts(20))
MAYBE_WHEN = maybe(_WHENS)
MAYBE_TIME = maybe(st.one_of(_WHENS, _WHENS, _WORDED))
"""A time of a claim, a proposition or an event: some in words, some unresolved."""
QUANTITY_VALUES = quantities()
UNKNOWN_VALUES = st.builds(Unknown, note=MAYBE_TEXT)
NO_VALUES = st.builds(NoValue, note=MAYBE_TEXT)
UNITS = st.sampled_from(["people", "persons", "Civilians", "attacks", "strikes"]) | texts(20)
MAYBE_UNITS = maybe(UNITS)
