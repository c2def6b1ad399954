"""What the exchange formats (STIX, MISP, ClaimReview) share.

A claim that arrives only in words, from a tool that has no proposition, is
one rule kept here: `in_words` makes its proposition, the words as a `Text`
subject with the predicate ``is_true``, so that one source asserting the
words and another denying them are a contradiction like any other.

A fact-checker's review is another: STIX and MISP have no place for one
(a STIX ``opinion`` or a MISP ``opinion`` object is someone's stance, which
is a claim here), so their exports leave reviews out, and `reviews_left_out`
is how each says so; reviews travel as ClaimReview (`claims.claimreview`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TypeVar

from ._convert import structure, unstructure
from ._integrity import label
from ._model import Proposition, Text
from .dossier import Dossier, Record
from .exceptions import IntegrityError, LoadError, Problem

__all__ = [
    "TRUE",
    "WORDS",
    "build",
    "in_words",
    "is_in_words",
    "latest",
    "plain",
    "read",
    "reviews_left_out",
    "utc_stamp",
    "words_of",
]

T = TypeVar("T")

WORDS = "is_true"
"""The predicate of a proposition known only in words."""

TRUE = Text("true")
"""The object of a proposition known only in words."""


def in_words(text: str) -> Proposition:
    """The proposition of a claim known only in words: `text` is true.

    >>> in_words("four PMF members were killed").predicate
    'is_true'
    """
    return Proposition(Text(text.strip() or text), WORDS, TRUE)


def is_in_words(prop: Proposition) -> bool:
    """Whether `prop` is one `in_words` makes (and says nothing more)."""
    return (
        isinstance(prop.subject, Text)
        and prop.predicate == WORDS
        and prop.object == TRUE
        and prop.when is None
        and prop.where is None
        and not prop.qualifiers
    )


def words_of(prop: Proposition) -> str | None:
    """The words of a proposition `in_words` made, else None."""
    return prop.subject.value if is_in_words(prop) and isinstance(prop.subject, Text) else None


def plain(record: Any) -> Any:
    """A record as plain JSON types, through the one converter."""
    return unstructure(record)


def read(value: Any, cls: type[T] | Any, where: str) -> T:
    """`value` (plain JSON types) as a `cls`, its problems placed under `where`.

    Raises:
        LoadError: `value` is not a valid `cls`.
    """
    try:
        result: T = structure(value, cls)
    except LoadError as exc:
        raise LoadError(
            [Problem(f"{where}.{p.path}" if p.path else where, p.message) for p in exc.problems]
        ) from None
    return result


def utc_stamp(at: datetime, *, digits: int = 3) -> str | None:
    """`at` in UTC as ``YYYY-MM-DDTHH:MM:SS.sssZ``, or None past year 1 or 9999 in UTC."""
    try:
        utc = at.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    spec = "milliseconds" if digits == 3 else "seconds"
    return utc.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def latest(times: Iterable[datetime | None]) -> datetime | None:
    """The latest of `times` that can be written in UTC, or None."""
    found = [t for t in times if t is not None and utc_stamp(t) is not None]
    return max(found, default=None)


def build(batch: list[Record], lost: list[str]) -> Dossier:
    """A dossier of `batch`; records that do not fit are left out and listed in `lost`.

    The whole batch at once when it fits; otherwise one record at a time,
    again and again while any more fit, so that order does not matter.
    """
    try:
        return Dossier(batch)
    except IntegrityError:
        pass
    dossier, left = Dossier(), batch
    while left:
        failed: list[tuple[Record, IntegrityError]] = []
        for record in left:
            try:
                dossier.add(record)
            except IntegrityError as error:
                failed.append((record, error))
        if len(failed) == len(left):
            lost.extend(f"not imported: {p}" for _, error in failed for p in error.problems)
            break
        left = [record for record, _ in failed]
    return dossier


def reviews_left_out(dossier: Dossier, fmt: str) -> tuple[str, ...]:
    """One line per review of `dossier` that an export to `fmt` leaves out.

    >>> reviews_left_out(Dossier(), "STIX")
    ()
    """
    return tuple(
        f"{label(review)}: not written: {fmt} has no place for a fact-checker's review "
        "(export reviews with claims.claimreview)"
        for review in dossier.reviews.values()
    )
