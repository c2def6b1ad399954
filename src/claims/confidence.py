"""The four dimensions of belief, kept apart, and their published conversions.

An analyst's judgement of a claim has four separate dimensions that are never
merged into one number:

- `Reliability` of the source (Admiralty code, A to F);
- `Credibility` of the information (Admiralty code, 1 to 6);
- `Likelihood` that it is true (ICD 203 words of estimative probability);
- `AnalyticConfidence` in the judgement (low, moderate, high).

Each member carries its official label and a one-line description.

Each dimension converts to other tables exactly as they are published, and
the caller always names the table, because the tables disagree:

- ICD 203 numeric bands: `Likelihood.band` and `likelihood_for`;
- the STIX 2.1 ``confidence`` integer (Appendix A, "Confidence Scales"):
  `to_stix` and `from_stix` with a `StixScale`;
- the MISP ``admiralty-scale`` and ``estimative-language`` taxonomies:
  `to_misp_tag`, `from_misp_tag` and `misp_numerical_value`.

Admiralty ratings are written the way analysts write them:

>>> parse_rating("b2")
(<Reliability.B: 'B'>, <Credibility.PROBABLY_TRUE: 2>)
>>> format_rating(Reliability.B, Credibility.PROBABLY_TRUE)
'B2'
"""

from __future__ import annotations

import enum
import math
import re
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from .exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "AnalyticConfidence",
    "Credibility",
    "Likelihood",
    "NoneLowMedHigh",
    "Reliability",
    "StixRow",
    "StixScale",
    "Wep",
    "format_rating",
    "from_misp_tag",
    "from_stix",
    "likelihood_for",
    "misp_numerical_value",
    "parse_rating",
    "to_misp_tag",
    "to_stix",
]

L = TypeVar("L")

# --------------------------------------------------------------------------
# The four dimensions


class Reliability(enum.Enum):
    """Admiralty source reliability, serialised by its letter.

    Labels and descriptions follow FM 2-22.3, Appendix B, as published in
    the MISP ``admiralty-scale`` taxonomy.

    >>> Reliability.B.label
    'Usually reliable'
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def label(self) -> str:
        """The official label, such as ``"Usually reliable"``."""
        return _RELIABILITY_TEXT[self][0]

    @property
    def description(self) -> str:
        """What the rating means, in one line."""
        return _RELIABILITY_TEXT[self][1]


_RELIABILITY_TEXT = {
    Reliability.A: (
        "Completely reliable",
        "No doubt of authenticity, trustworthiness, or competency; "
        "has a history of complete reliability",
    ),
    Reliability.B: (
        "Usually reliable",
        "Minor doubt about authenticity, trustworthiness, or competency; "
        "has a history of valid information most of the time",
    ),
    Reliability.C: (
        "Fairly reliable",
        "Doubt of authenticity, trustworthiness, or competency "
        "but has provided valid information in the past",
    ),
    Reliability.D: (
        "Not usually reliable",
        "Significant doubt about authenticity, trustworthiness, or competency "
        "but has provided valid information in the past",
    ),
    Reliability.E: (
        "Unreliable",
        "Lacking in authenticity, trustworthiness, and competency; history of invalid information",
    ),
    Reliability.F: (
        "Reliability cannot be judged",
        "No basis exists for evaluating the reliability of the source",
    ),
}


class Credibility(enum.Enum):
    """Admiralty information credibility, serialised by its digit.

    Labels and descriptions follow FM 2-22.3, Appendix B, as published in
    the MISP ``admiralty-scale`` taxonomy (the STIX 2.1 table uses the same
    labels).

    >>> Credibility(2).label
    'Probably true'
    """

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6

    @property
    def label(self) -> str:
        """The official label, such as ``"Probably true"``."""
        return _CREDIBILITY_TEXT[self][0]

    @property
    def description(self) -> str:
        """What the rating means, in one line."""
        return _CREDIBILITY_TEXT[self][1]


_CREDIBILITY_TEXT = {
    Credibility.CONFIRMED: (
        "Confirmed by other sources",
        "Confirmed by other independent sources; logical in itself; "
        "Consistent with other information on the subject",
    ),
    Credibility.PROBABLY_TRUE: (
        "Probably true",
        "Not confirmed; logical in itself; consistent with other information on the subject",
    ),
    Credibility.POSSIBLY_TRUE: (
        "Possibly true",
        "Not confirmed; reasonably logical in itself; "
        "agrees with some other information on the subject",
    ),
    Credibility.DOUBTFUL: (
        "Doubtful",
        "Not confirmed; possible but not logical; no other information on the subject",
    ),
    Credibility.IMPROBABLE: (
        "Improbable",
        "Not confirmed; not logical in itself; contradicted by other information on the subject",
    ),
    Credibility.CANNOT_BE_JUDGED: (
        "Truth cannot be judged",
        "No basis exists for evaluating the validity of the information",
    ),
}


class Likelihood(enum.Enum):
    """ICD 203 words of estimative probability, serialised by name.

    Each term has a synonym and a numeric band, both from ICD 203:

    >>> Likelihood.LIKELY.description
    'likely / probable: 55-80%'
    >>> Likelihood.LIKELY.band
    (0.55, 0.8)

    Neighbouring bands share their edges (likely ends at 80 %, very likely
    starts there); `likelihood_for` resolves that one documented way.
    """

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly_even_chance"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"

    @property
    def label(self) -> str:
        """The official term, such as ``"likely"``."""
        return self.value.replace("_", " ")

    @property
    def synonym(self) -> str:
        """The term ICD 203 allows in its place, such as ``"probable"``."""
        return _ICD203[self][0]

    @property
    def percent(self) -> tuple[int, int]:
        """The ICD 203 band in whole percent, such as ``(55, 80)``."""
        return _ICD203[self][1]

    @property
    def band(self) -> tuple[float, float]:
        """The ICD 203 band as probabilities, such as ``(0.55, 0.8)``."""
        low, high = self.percent
        return (low / 100, high / 100)

    @property
    def description(self) -> str:
        """The term, its synonym and its band, such as ``"likely / probable: 55-80%"``."""
        low, high = self.percent
        return f"{self.label} / {self.synonym}: {low:02d}-{high:02d}%"


# ICD 203 (2 January 2015), the table of expressions of likelihood.
_ICD203: dict[Likelihood, tuple[str, tuple[int, int]]] = {
    Likelihood.ALMOST_NO_CHANCE: ("remote", (1, 5)),
    Likelihood.VERY_UNLIKELY: ("highly improbable", (5, 20)),
    Likelihood.UNLIKELY: ("improbable", (20, 45)),
    Likelihood.ROUGHLY_EVEN_CHANCE: ("roughly even odds", (45, 55)),
    Likelihood.LIKELY: ("probable", (55, 80)),
    Likelihood.VERY_LIKELY: ("highly probable", (80, 95)),
    Likelihood.ALMOST_CERTAIN: ("nearly certain", (95, 99)),
}


class AnalyticConfidence(enum.Enum):
    """Confidence in an analytic judgement, serialised by name.

    Descriptions follow JP 2-0 as published in the MISP
    ``estimative-language`` taxonomy.

    >>> AnalyticConfidence.HIGH.label
    'high'
    """

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The official label, such as ``"moderate"``."""
        return self.value

    @property
    def description(self) -> str:
        """What the level means, in one line."""
        return _CONFIDENCE_TEXT[self]


_CONFIDENCE_TEXT = {
    AnalyticConfidence.LOW: (
        "Uncorroborated information from good or marginal sources. Many assumptions. "
        "Mostly weak logical inferences, minimal methods application. "
        "Glaring intelligence gaps exist."
    ),
    AnalyticConfidence.MODERATE: (
        "Partially corroborated information from good sources. Several assumptions. "
        "Mix of strong and weak inferences and methods. Minimum intelligence gaps exist."
    ),
    AnalyticConfidence.HIGH: (
        "Well-corroborated information from proven sources. Minimal assumptions. "
        "Strong logical inferences and methods. No or minor intelligence gaps exist."
    ),
}


# --------------------------------------------------------------------------
# ICD 203 bands


def likelihood_for(probability: float) -> Likelihood:
    """The ICD 203 term whose band holds `probability`.

    ICD 203 bands share their edges (5 %, 20 %, 45 %, 55 %, 80 %, 95 %). Here
    every band is half-open, ``[low, high)``, so an edge belongs to the
    band above it; the last band, almost certain, is closed: ``[0.95, 0.99]``.
    ICD 203 has no term below 1 % or above 99 %, so those are errors.

    Args:
        probability: A probability between 0.01 and 0.99.

    Raises:
        InvalidTypeError: `probability` is not a number.
        InvalidValueError: It is outside 0.01–0.99, or not a number (NaN).

    >>> likelihood_for(0.7)
    <Likelihood.LIKELY: 'likely'>
    >>> likelihood_for(0.8)  # the shared edge goes to the band above
    <Likelihood.VERY_LIKELY: 'very_likely'>
    """
    if isinstance(probability, bool) or not isinstance(probability, (int, float)):
        raise InvalidTypeError(f"a probability must be a number, not {type(probability).__name__}")
    if math.isnan(probability) or not 0.01 <= probability <= 0.99:
        raise InvalidValueError(
            f"ICD 203 has no term for a probability of {probability!r}; "
            "its bands run from 0.01 to 0.99"
        )
    for term in Likelihood:
        if probability < term.band[1]:
            return term
    return Likelihood.ALMOST_CERTAIN


# --------------------------------------------------------------------------
# Admiralty ratings


_RATING = re.compile(r"([A-F])([1-6])")


def parse_rating(text: str) -> tuple[Reliability, Credibility]:
    """Read an Admiralty rating such as ``"B2"``.

    Case and spaces are ignored: ``"b2"`` and ``" B 2 "`` read as ``"B2"``.

    Args:
        text: A reliability letter A–F followed by a credibility digit 1–6.

    Raises:
        InvalidTypeError: `text` is not a string.
        InvalidValueError: It is not a rating.

    >>> parse_rating("G7")
    Traceback (most recent call last):
    ...
    claims.exceptions.InvalidValueError: 'G7' is not an Admiralty rating: write a reliability letter A-F then a credibility digit 1-6, such as 'B2'
    """  # noqa: E501
    if not isinstance(text, str):
        raise InvalidTypeError(f"a rating must be a string, not {type(text).__name__}")
    match = _RATING.fullmatch("".join(text.split()).upper())
    if match is None:
        raise InvalidValueError(
            f"{text!r:.40} is not an Admiralty rating: write a reliability letter A-F "
            "then a credibility digit 1-6, such as 'B2'"
        )
    return Reliability(match[1]), Credibility(int(match[2]))


def format_rating(reliability: Reliability, credibility: Credibility) -> str:
    """Write an Admiralty rating, such as ``"B2"``; the reverse of `parse_rating`.

    Args:
        reliability: The source's reliability.
        credibility: The information's credibility.

    Raises:
        InvalidTypeError: Either is not a member of its scale.
    """
    if not isinstance(reliability, Reliability):
        raise InvalidTypeError(f"reliability must be a Reliability, not {reliability!r:.40}")
    if not isinstance(credibility, Credibility):
        raise InvalidTypeError(f"credibility must be a Credibility, not {credibility!r:.40}")
    return f"{reliability.value}{credibility.value}"


# --------------------------------------------------------------------------
# STIX 2.1 confidence


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


# --------------------------------------------------------------------------
# MISP taxonomies

Dimension = Reliability | Credibility | Likelihood | AnalyticConfidence

# (namespace, predicate) of each dimension in the MISP taxonomies.
_MISP_PREDICATES: dict[type, tuple[str, str]] = {
    Reliability: ("admiralty-scale", "source-reliability"),
    Credibility: ("admiralty-scale", "information-credibility"),
    Likelihood: ("estimative-language", "likelihood-probability"),
    AnalyticConfidence: ("estimative-language", "confidence-in-analytic-judgment"),
}

# MISP admiralty-scale (version 5) and estimative-language (version 5):
# each member's tag value and numerical_value.
_MISP_VALUES: dict[Dimension, tuple[str, int]] = {
    Reliability.A: ("a", 100),
    Reliability.B: ("b", 75),
    Reliability.C: ("c", 50),
    Reliability.D: ("d", 25),
    Reliability.E: ("e", 0),
    Reliability.F: ("f", 50),
    Credibility.CONFIRMED: ("1", 100),
    Credibility.PROBABLY_TRUE: ("2", 75),
    Credibility.POSSIBLY_TRUE: ("3", 50),
    Credibility.DOUBTFUL: ("4", 25),
    Credibility.IMPROBABLE: ("5", 0),
    Credibility.CANNOT_BE_JUDGED: ("6", 50),
    Likelihood.ALMOST_NO_CHANCE: ("almost-no-chance", 0),
    Likelihood.VERY_UNLIKELY: ("very-unlikely", 5),
    Likelihood.UNLIKELY: ("unlikely", 20),
    Likelihood.ROUGHLY_EVEN_CHANCE: ("roughly-even-chance", 45),
    Likelihood.LIKELY: ("likely", 55),
    Likelihood.VERY_LIKELY: ("very-likely", 80),
    Likelihood.ALMOST_CERTAIN: ("almost-certain", 95),
    AnalyticConfidence.LOW: ("low", 0),
    AnalyticConfidence.MODERATE: ("moderate", 55),
    AnalyticConfidence.HIGH: ("high", 95),
}

# Tag values the MISP taxonomies have and claims does not record.
_MISP_UNSUPPORTED = {
    ("admiralty-scale", "source-reliability", "g"): (
        "MISP's 'g' (deliberately deceptive) is not an Admiralty reliability code; "
        "claims records A to F"
    ),
}

_MISP_BY_TAG: dict[tuple[str, str, str], Dimension] = {
    (*_MISP_PREDICATES[type(member)], value): member for member, (value, _) in _MISP_VALUES.items()
}

_MISP_TAG = re.compile(r'([a-z0-9-]+):([a-z0-9-]+)="([^"]*)"', re.IGNORECASE)


def _check_dimension(value: object) -> Dimension:
    if not isinstance(value, (Reliability, Credibility, Likelihood, AnalyticConfidence)):
        raise InvalidTypeError(
            "expected a Reliability, Credibility, Likelihood or AnalyticConfidence, "
            f"not {value!r:.40}"
        )
    return value


def to_misp_tag(value: Dimension) -> str:
    """The MISP machine tag for `value`.

    Reliability and credibility use the ``admiralty-scale`` taxonomy,
    likelihood and analytic confidence the ``estimative-language`` one.

    Args:
        value: A member of one of the four dimensions.

    Raises:
        InvalidTypeError: `value` is not such a member.

    >>> to_misp_tag(Reliability.B)
    'admiralty-scale:source-reliability="b"'
    >>> to_misp_tag(Likelihood.ROUGHLY_EVEN_CHANCE)
    'estimative-language:likelihood-probability="roughly-even-chance"'
    """
    member = _check_dimension(value)
    namespace, predicate = _MISP_PREDICATES[type(member)]
    return f'{namespace}:{predicate}="{_MISP_VALUES[member][0]}"'


def from_misp_tag(tag: str) -> Dimension:
    """The member of one of the four dimensions that a MISP machine tag names.

    Spaces around the tag and the case of its letters are ignored.

    Args:
        tag: A tag such as ``admiralty-scale:information-credibility="2"``.

    Raises:
        InvalidTypeError: `tag` is not a string.
        InvalidValueError: It is not a tag of the ``admiralty-scale`` or
            ``estimative-language`` taxonomy that `claims` records.

    >>> from_misp_tag('admiralty-scale:information-credibility="2"')
    <Credibility.PROBABLY_TRUE: 2>
    """
    if not isinstance(tag, str):
        raise InvalidTypeError(f"a MISP tag must be a string, not {type(tag).__name__}")
    match = _MISP_TAG.fullmatch(tag.strip())
    if match is None:
        raise InvalidValueError(
            f"{tag!r:.80} is not a MISP machine tag; write it like "
            'admiralty-scale:source-reliability="b"'
        )
    key = (match[1].lower(), match[2].lower(), match[3].strip().lower())
    if key in _MISP_UNSUPPORTED:
        raise InvalidValueError(_MISP_UNSUPPORTED[key])
    try:
        return _MISP_BY_TAG[key]
    except KeyError:
        known = ", ".join(f"{ns}:{p}" for ns, p in _MISP_PREDICATES.values())
        raise InvalidValueError(
            f"{tag.strip()!r:.80} is not a value of the MISP predicates {known}"
        ) from None


def misp_numerical_value(value: Dimension) -> int:
    """The ``numerical_value`` the MISP taxonomy gives `value`'s tag.

    These are MISP's numbers, not STIX's: MISP gives "reliability cannot be
    judged" and "truth cannot be judged" the value 50, and ICD 203 terms the
    lower edge of their band. They do not convert back: several tags share a
    number.

    Args:
        value: A member of one of the four dimensions.

    Raises:
        InvalidTypeError: `value` is not such a member.

    >>> misp_numerical_value(Credibility.CANNOT_BE_JUDGED)
    50
    """
    return _MISP_VALUES[_check_dimension(value)][1]
