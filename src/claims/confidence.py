"""The four dimensions of belief, kept apart.

An analyst's judgement of a claim has four separate dimensions that are never
merged into one number:

- `Reliability` of the source (Admiralty code, A to F);
- `Credibility` of the information (Admiralty code, 1 to 6);
- `Likelihood` that it is true (ICD 203 words of estimative probability);
- `AnalyticConfidence` in the judgement (low, moderate, high).

Each member carries its official label and a one-line description.
"""

from __future__ import annotations

import enum

__all__ = [
    "AnalyticConfidence",
    "Credibility",
    "Likelihood",
    "Reliability",
]


class Reliability(enum.Enum):
    """Admiralty source reliability, serialised by its letter."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def label(self) -> str:
        """The official label, such as ``"Usually reliable"``."""
        return _RELIABILITY_LABELS[self]


_RELIABILITY_LABELS = {
    Reliability.A: "Completely reliable",
    Reliability.B: "Usually reliable",
    Reliability.C: "Fairly reliable",
    Reliability.D: "Not usually reliable",
    Reliability.E: "Unreliable",
    Reliability.F: "Reliability cannot be judged",
}


class Credibility(enum.Enum):
    """Admiralty information credibility, serialised by its digit."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6

    @property
    def label(self) -> str:
        """The official label, such as ``"Probably true"``."""
        return _CREDIBILITY_LABELS[self]


_CREDIBILITY_LABELS = {
    Credibility.CONFIRMED: "Confirmed by other independent sources",
    Credibility.PROBABLY_TRUE: "Probably true",
    Credibility.POSSIBLY_TRUE: "Possibly true",
    Credibility.DOUBTFUL: "Doubtful",
    Credibility.IMPROBABLE: "Improbable",
    Credibility.CANNOT_BE_JUDGED: "Truth cannot be judged",
}


class Likelihood(enum.Enum):
    """ICD 203 words of estimative probability, serialised by name."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly_even_chance"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"

    @property
    def label(self) -> str:
        """The official label, such as ``"likely"``."""
        return self.value.replace("_", " ")


class AnalyticConfidence(enum.Enum):
    """Confidence in an analytic judgement, serialised by name."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The official label, such as ``"moderate"``."""
        return self.value
