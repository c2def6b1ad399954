"""The four scales of belief, ICD 203 bands and Admiralty ratings.

Everything here is re-exported by `claims.confidence`, where it is documented.
"""

from __future__ import annotations

import enum
import math
import re

from ..exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "AnalyticConfidence",
    "Credibility",
    "Likelihood",
    "Reliability",
    "format_rating",
    "likelihood_for",
    "parse_rating",
]

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
