"""claims.times: the grammar of times in words, table-driven and by its properties."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import PartOfDay, Precision, TimeWordsError, When
from claims.strategies import aware_datetimes, whens_in_words
from claims.times import find_time_words, when_from_words

WEDNESDAY = When.day(2024, 1, 10)  # 10 January 2024 was a Wednesday
DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
LATE, EARLY, EVENING = PartOfDay.LATE, PartOfDay.EARLY, PartOfDay.EVENING

# words -> (start as ISO date, precision, part), against Wednesday 10 January 2024.
TABLE = [
    ("late on Monday", "2024-01-08", DAY, LATE),
    ("Late on Monday", "2024-01-08", DAY, LATE),
    ("on Monday", "2024-01-08", DAY, None),
    ("on Tuesday", "2024-01-09", DAY, None),
    ("on Wednesday evening", "2024-01-10", DAY, EVENING),
    ("Wednesday evening", "2024-01-10", DAY, EVENING),
    ("on Thursday", "2024-01-04", DAY, None),
    ("early on Sunday", "2024-01-07", DAY, EARLY),
    ("in the early hours of Sunday", "2024-01-07", DAY, EARLY),
    ("on Monday night", "2024-01-08", DAY, PartOfDay.NIGHT),
    ("yesterday", "2024-01-09", DAY, None),
    ("yesterday afternoon", "2024-01-09", DAY, PartOfDay.AFTERNOON),
    ("late yesterday", "2024-01-09", DAY, LATE),
    ("the day before yesterday", "2024-01-08", DAY, None),
    ("today", "2024-01-10", DAY, None),
    ("this morning", "2024-01-10", DAY, PartOfDay.MORNING),
    ("tonight", "2024-01-10", DAY, PartOfDay.NIGHT),
    ("last night", "2024-01-09", DAY, PartOfDay.NIGHT),
    ("two days ago", "2024-01-08", DAY, None),
    ("3 days earlier", "2024-01-07", DAY, None),
    ("two days after", "2024-01-12", DAY, None),
    ("the next day", "2024-01-11", DAY, None),
    ("the previous day", "2024-01-09", DAY, None),
    ("last month", "2023-12-01", MONTH, None),
    ("this month", "2024-01-01", MONTH, None),
    ("earlier this month", "2024-01-01", MONTH, None),
    ("two months ago", "2023-11-01", MONTH, None),
    ("in January", "2024-01-01", MONTH, None),
    ("in March", "2023-03-01", MONTH, None),
    ("in March 2022", "2022-03-01", MONTH, None),
    ("last year", "2023-01-01", YEAR, None),
    ("in 2021", "2021-01-01", YEAR, None),
    ("on 4 January", "2024-01-04", DAY, None),
    ("January 4", "2024-01-04", DAY, None),
    ("on Friday, 5 January", "2024-01-05", DAY, None),
    ("on 20 December", "2023-12-20", DAY, None),
    ("4 January 2024", "2024-01-04", DAY, None),
]


@pytest.mark.parametrize(("words", "start", "precision", "part"), TABLE)
def test_the_grammar_reads_news_phrases(
    words: str, start: str, precision: Precision, part: PartOfDay | None
) -> None:
    when = when_from_words(words, reference=WEDNESDAY)
    assert when.start == datetime.fromisoformat(start).replace(tzinfo=UTC)
    assert (when.precision, when.part, when.words) == (precision, part, words)


@pytest.mark.parametrize(
    "words", ["next Tuesday", "soon", "earlier this week", "last week", "", "   ", "on 31 February"]
)
def test_words_outside_the_grammar_are_refused_not_guessed(words: str) -> None:
    with pytest.raises(TimeWordsError, match="cannot read the time"):
        when_from_words(words, reference=WEDNESDAY)


def test_a_week_is_refused_with_the_reason() -> None:
    with pytest.raises(TimeWordsError, match="a week is not a precision"):
        when_from_words("earlier this week", reference=WEDNESDAY)


def test_the_reference_zone_is_kept() -> None:
    baghdad = timezone(timedelta(hours=3))
    # 23:30 UTC on Tuesday is already Wednesday in Baghdad.
    reference = datetime(2024, 1, 9, 23, 30, tzinfo=UTC).astimezone(baghdad)
    when = when_from_words("on Tuesday", reference=reference)
    assert when.start == datetime(2024, 1, 9, tzinfo=baghdad)


def test_future_reads_forward() -> None:
    when = when_from_words("on Monday", reference=WEDNESDAY, future=True)
    assert str(when) == "2024-01-15"


def test_no_reference_leaves_the_time_unresolved_with_its_words() -> None:
    when = when_from_words("on Wednesday evening", reference=None)
    assert when == When.unresolved("on Wednesday evening", DAY, part=EVENING)
    assert not when.resolved
    with pytest.raises(claims.UnresolvedTimeError):
        _ = when.start


def test_a_reference_too_coarse_for_the_words_leaves_them_unresolved() -> None:
    assert not when_from_words("on Monday", reference=When.month(2024, 1)).resolved
    assert when_from_words("last month", reference=When.month(2024, 1)).resolved


def test_a_full_date_needs_no_reference() -> None:
    assert when_from_words("4 January 2024", reference=None) == When(
        datetime(2024, 1, 4, tzinfo=UTC), DAY, words="4 January 2024"
    )


def test_find_time_words_leaves_out_a_bare_may() -> None:
    text = "Officials said late on Monday that talks may resume in May."
    assert [text[a:b] for a, b in find_time_words(text)] == ["late on Monday", "in May"]


def test_a_part_of_the_day_needs_day_precision() -> None:
    with pytest.raises(claims.InvalidValueError, match="needs day precision"):
        When(datetime(2024, 1, 1, tzinfo=UTC), MONTH, part=LATE)


def test_an_unresolved_time_needs_its_words() -> None:
    with pytest.raises(claims.InvalidValueError, match="needs the words"):
        When(None, DAY)


def test_a_source_publication_must_be_resolved() -> None:
    with pytest.raises(claims.InvalidValueError, match="reference"):
        claims.Source("s", "t", published=When.unresolved("on Monday", DAY))


# Relative words that look back (absolute dates and "after", "next" aside).
BACKWARD = [
    w for w, *_ in TABLE if "after" not in w and "next" not in w and not re.search(r"\d{4}", w)
]
GRANULARITY = {w: p for w, _, p, _ in TABLE}


@given(st.sampled_from(BACKWARD), aware_datetimes())
def test_backward_words_never_resolve_after_the_reference(words: str, at: datetime) -> None:
    try:
        when = when_from_words(words, reference=at)
    except TimeWordsError:
        return  # the edges of the calendar, or a day the year has not
    assert when.words == words
    assert when.precision is GRANULARITY[words]
    assert when.start <= at


@given(st.sampled_from([w for w, *_ in TABLE]), aware_datetimes())
def test_the_precision_is_the_words_own_and_the_words_are_kept(words: str, at: datetime) -> None:
    for reference in (at, None):
        try:
            when = when_from_words(words, reference=reference)
        except TimeWordsError:
            continue
        assert (when.words, when.precision) == (words, GRANULARITY[words])


@given(whens_in_words())
def test_times_in_words_round_trip(when: When) -> None:
    from claims._convert import structure, unstructure

    assert structure(unstructure(when), When) == when
