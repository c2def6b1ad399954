"""The five confidence scales of STIX 2.1 (Appendix A) and conversions to them.

The ``confidence`` property of a STIX object is an integer 0-100; each of
the standard's tables says which integer a label converts to and which
range of integers reads back as it. The caller always names the table:

>>> to_stix(Likelihood.LIKELY, StixScale.DNI)
70
>>> from_stix(70, StixScale.WEP)
<Wep.LIKELY: 'likely'>
"""

from __future__ import annotations

import enum
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from ..exceptions import InvalidTypeError, InvalidValueError
from ._scales import Credibility, Likelihood

__all__ = ["NoneLowMedHigh", "StixRow", "StixScale", "Wep", "from_stix", "to_stix"]

L = TypeVar("L")


class NoneLowMedHigh(enum.Enum):
    """The words of the STIX 2.1 None/Low/Med/High confidence scale.

    They are not `AnalyticConfidence`: no published table says that
    "moderate" is "Med", so `claims` never converts one into the other.
    """

    NONE = "none"
    LOW = "low"
    MED = "med"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The word as STIX 2.1 writes it, such as ``"Med"``."""
        return self.value.capitalize()


class Wep(enum.Enum):
    """The words of the STIX 2.1 WEP (words of estimative probability) scale.

    They are not the ICD 203 terms of `Likelihood`; those are the STIX
    DNI scale.
    """

    IMPOSSIBLE = "impossible"
    HIGHLY_UNLIKELY = "highly_unlikely"
    UNLIKELY = "unlikely"
    EVEN_CHANCE = "even_chance"
    LIKELY = "likely"
    HIGHLY_LIKELY = "highly_likely"
    CERTAIN = "certain"

    @property
    def label(self) -> str:
        """The words as STIX 2.1 writes them, such as ``"Likely/Probable"``."""
        row = next(r for r in StixScale.WEP.rows if r.label is self)
        return row.text


@attrs.frozen
class StixRow(Generic[L]):
    """One row of a STIX 2.1 confidence-scale table.

    Attributes:
        label: The scale's value in `claims` terms (a `Credibility`, a
            `Likelihood`, a `NoneLowMedHigh`, a `Wep`, or an int 0–10).
        text: The label as the STIX 2.1 table writes it.
        value: The STIX confidence it converts to; None where the table says
            "Not Specified" (the ``confidence`` property is left out).
        low: The lowest STIX confidence read back as `label` (None if none).
        high: The highest STIX confidence read back as `label` (None if none).
    """

    label: L
    text: str
    value: int | None
    low: int | None
    high: int | None


class StixScale(enum.Enum):
    """The five confidence scales of STIX 2.1, Appendix A.

    The tables are those of the OASIS standard "STIX Version 2.1",
    Appendix A "Confidence Scales", each row kept in `rows`.

    >>> [row.text for row in StixScale.NONE_LOW_MED_HIGH.rows]
    ['None', 'Low', 'Med', 'High']
    """

    NONE_LOW_MED_HIGH = "none_low_med_high"
    ZERO_TEN = "zero_ten"
    ADMIRALTY_CREDIBILITY = "admiralty_credibility"
    WEP = "wep"
    DNI = "dni"

    @property
    def title(self) -> str:
        """The heading of the table in STIX 2.1, such as ``"DNI Scale"``."""
        return _STIX_TITLES[self]

    @property
    def rows(self) -> tuple[StixRow[Any], ...]:
        """The table's rows, in the order STIX 2.1 prints them."""
        return _STIX_TABLES[self]

    @property
    def labels(self) -> tuple[Any, ...]:
        """The scale's values in `claims` terms, in the order STIX 2.1 prints them."""
        return tuple(row.label for row in _STIX_TABLES[self])


_STIX_TITLES = {
    StixScale.NONE_LOW_MED_HIGH: "None/Low/Med/High",
    StixScale.ZERO_TEN: "0-10 Scale",
    StixScale.ADMIRALTY_CREDIBILITY: "Admiralty Credibility",
    StixScale.WEP: "WEP",
    StixScale.DNI: "DNI Scale",
}

# STIX Version 2.1, Appendix A "Confidence Scales": label, STIX confidence
# value, range of values. "Not Specified" rows (the property left out) are
# the None case of to_stix/from_stix and are not repeated here.
_STIX_TABLES: dict[StixScale, tuple[StixRow[Any], ...]] = {
    StixScale.NONE_LOW_MED_HIGH: (
        StixRow(NoneLowMedHigh.NONE, "None", 0, 0, 0),
        StixRow(NoneLowMedHigh.LOW, "Low", 15, 1, 29),
        StixRow(NoneLowMedHigh.MED, "Med", 50, 30, 69),
        StixRow(NoneLowMedHigh.HIGH, "High", 85, 70, 100),
    ),
    StixScale.ZERO_TEN: (
        StixRow(0, "0", 0, 0, 4),
        StixRow(1, "1", 10, 5, 14),
        StixRow(2, "2", 20, 15, 24),
        StixRow(3, "3", 30, 25, 34),
        StixRow(4, "4", 40, 35, 44),
        StixRow(5, "5", 50, 45, 54),
        StixRow(6, "6", 60, 55, 64),
        StixRow(7, "7", 70, 65, 74),
        StixRow(8, "8", 80, 75, 84),
        StixRow(9, "9", 90, 85, 94),
        StixRow(10, "10", 100, 95, 100),
    ),
    StixScale.ADMIRALTY_CREDIBILITY: (
        StixRow(Credibility.CANNOT_BE_JUDGED, "6 - Truth cannot be judged", None, None, None),
        StixRow(Credibility.IMPROBABLE, "5 - Improbable", 10, 0, 19),
        StixRow(Credibility.DOUBTFUL, "4 - Doubtful", 30, 20, 39),
        StixRow(Credibility.POSSIBLY_TRUE, "3 - Possibly True", 50, 40, 59),
        StixRow(Credibility.PROBABLY_TRUE, "2 - Probably True", 70, 60, 79),
        StixRow(Credibility.CONFIRMED, "1 - Confirmed by other sources", 90, 80, 100),
    ),
    StixScale.WEP: (
        StixRow(Wep.IMPOSSIBLE, "Impossible", 0, 0, 0),
        StixRow(Wep.HIGHLY_UNLIKELY, "Highly Unlikely/Almost Certainly Not", 10, 1, 19),
        StixRow(Wep.UNLIKELY, "Unlikely/Probably Not", 30, 20, 39),
        StixRow(Wep.EVEN_CHANCE, "Even Chance", 50, 40, 59),
        StixRow(Wep.LIKELY, "Likely/Probable", 70, 60, 79),
        StixRow(Wep.HIGHLY_LIKELY, "Highly likely/Almost Certain", 90, 80, 99),
        StixRow(Wep.CERTAIN, "Certain", 100, 100, 100),
    ),
    StixScale.DNI: (
        StixRow(Likelihood.ALMOST_NO_CHANCE, "Almost No Chance / Remote", 5, 0, 9),
        StixRow(Likelihood.VERY_UNLIKELY, "Very Unlikely / Highly Improbable", 15, 10, 19),
        StixRow(Likelihood.UNLIKELY, "Unlikely / Improbable", 30, 20, 39),
        StixRow(
            Likelihood.ROUGHLY_EVEN_CHANCE, "Roughly Even Chance / Roughly Even Odds", 50, 40, 59
        ),
        StixRow(Likelihood.LIKELY, "Likely / Probable", 70, 60, 79),
        StixRow(Likelihood.VERY_LIKELY, "Very Likely / Highly Probable", 85, 80, 89),
        StixRow(Likelihood.ALMOST_CERTAIN, "Almost Certain / Nearly Certain", 95, 90, 100),
    ),
}

_STIX_LABEL_TYPES: dict[StixScale, type] = {
    StixScale.NONE_LOW_MED_HIGH: NoneLowMedHigh,
    StixScale.ZERO_TEN: int,
    StixScale.ADMIRALTY_CREDIBILITY: Credibility,
    StixScale.WEP: Wep,
    StixScale.DNI: Likelihood,
}


@overload
def to_stix(value: None, scale: StixScale) -> None: ...
@overload
def to_stix(value: NoneLowMedHigh, scale: Literal[StixScale.NONE_LOW_MED_HIGH]) -> int: ...
@overload
def to_stix(value: int, scale: Literal[StixScale.ZERO_TEN]) -> int: ...
@overload
def to_stix(value: Credibility, scale: Literal[StixScale.ADMIRALTY_CREDIBILITY]) -> int | None: ...
@overload
def to_stix(value: Wep, scale: Literal[StixScale.WEP]) -> int: ...
@overload
def to_stix(value: Likelihood, scale: Literal[StixScale.DNI]) -> int: ...
def to_stix(value: object, scale: StixScale) -> int | None:
    """The STIX 2.1 ``confidence`` integer for `value` on the named `scale`.

    The scale is always named: a `Likelihood` converts through the DNI table,
    never through its ICD 203 band, and a `Credibility` through the Admiralty
    Credibility table, never through MISP's numbers.

    Args:
        value: A label of `scale` (see `StixScale.labels`), or None.
        scale: The STIX 2.1 table to use.

    Returns:
        The table's "STIX Confidence Value". None where the table says "Not
        Specified", meaning the ``confidence`` property is left out: for a
        `value` of None, and for ``Credibility.CANNOT_BE_JUDGED``, which has
        no STIX value.

    Raises:
        InvalidTypeError: `scale` is not a `StixScale`, or `value` is not one
            of its labels' type.
        InvalidValueError: `value` is an int outside 0–10 on the 0-10 scale.

    >>> to_stix(Likelihood.LIKELY, StixScale.DNI)
    70
    >>> to_stix(Credibility.CANNOT_BE_JUDGED, StixScale.ADMIRALTY_CREDIBILITY) is None
    True
    """
    _check_scale(scale)
    if value is None:
        return None
    kind = _STIX_LABEL_TYPES[scale]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise InvalidTypeError(
            f"{value!r:.40} is not a label of the STIX 2.1 {scale.title!r} scale, "
            f"whose labels are {_describe_labels(scale)}"
        )
    for row in scale.rows:
        if row.label == value:
            return row.value
    raise InvalidValueError(
        f"{value!r:.40} is not a label of the STIX 2.1 {scale.title!r} scale, "
        f"whose labels are {_describe_labels(scale)}"
    )


@overload
def from_stix(
    number: int | None, scale: Literal[StixScale.ADMIRALTY_CREDIBILITY]
) -> Credibility: ...
@overload
def from_stix(
    number: None,
    scale: Literal[StixScale.NONE_LOW_MED_HIGH, StixScale.ZERO_TEN, StixScale.WEP, StixScale.DNI],
) -> None: ...
@overload
def from_stix(number: int, scale: Literal[StixScale.NONE_LOW_MED_HIGH]) -> NoneLowMedHigh: ...
@overload
def from_stix(number: int, scale: Literal[StixScale.ZERO_TEN]) -> int: ...
@overload
def from_stix(number: int, scale: Literal[StixScale.WEP]) -> Wep: ...
@overload
def from_stix(number: int, scale: Literal[StixScale.DNI]) -> Likelihood: ...
@overload
def from_stix(number: int | None, scale: StixScale) -> Any: ...
def from_stix(number: int | None, scale: StixScale) -> Any:
    """The label of the named STIX 2.1 `scale` whose range holds `number`.

    Args:
        number: A STIX ``confidence`` integer, 0 to 100, or None when the
            property is absent ("Not Specified").
        scale: The STIX 2.1 table to use.

    Returns:
        The label whose "Ranges of Values" holds `number`. For None, the
        label the table gives for "Not Specified": None, except on the
        Admiralty Credibility scale, where it is
        ``Credibility.CANNOT_BE_JUDGED``.

    Raises:
        InvalidTypeError: `scale` is not a `StixScale`, or `number` is not an
            integer.
        InvalidValueError: `number` is outside 0–100.

    >>> from_stix(57, StixScale.DNI)
    <Likelihood.ROUGHLY_EVEN_CHANCE: 'roughly_even_chance'>
    >>> from_stix(101, StixScale.DNI)
    Traceback (most recent call last):
    ...
    claims.exceptions.InvalidValueError: a STIX confidence is 0 to 100, not 101
    """
    _check_scale(scale)
    if number is None:
        return next((row.label for row in scale.rows if row.value is None), None)
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidTypeError(f"a STIX confidence must be an integer, not {type(number).__name__}")
    if not 0 <= number <= 100:
        raise InvalidValueError(f"a STIX confidence is 0 to 100, not {number}")
    for row in scale.rows:
        if row.low is not None and row.high is not None and row.low <= number <= row.high:
            return row.label
    raise AssertionError(f"the {scale.title} table has no range for {number}")  # pragma: no cover


def _check_scale(scale: object) -> None:
    if not isinstance(scale, StixScale):
        allowed = ", ".join(f"StixScale.{s.name}" for s in StixScale)
        raise InvalidTypeError(f"scale must be one of {allowed}, not {scale!r:.40}")


def _describe_labels(scale: StixScale) -> str:
    if scale is StixScale.ZERO_TEN:
        return "the integers 0 to 10"
    return f"{_STIX_LABEL_TYPES[scale].__name__} members"
