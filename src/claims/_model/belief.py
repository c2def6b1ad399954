"""How much we believe: an analyst's assessment of a claim.

The fourth layer of a claim. Its four dimensions (source reliability,
information credibility, likelihood, analytic confidence) are the scales of
`claims.confidence`, kept apart and never merged into one number.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from .._words import short_repr
from ..confidence import (
    AnalyticConfidence,
    Credibility,
    Likelihood,
    Reliability,
    parse_rating,
)
from . import _validators as v

__all__ = ["Assessment"]


@attrs.frozen
class Assessment:
    """How much an analyst believes a claim, in four separate dimensions.

    The dimensions are never merged into one number. Every field is optional.

    Attributes:
        reliability: Admiralty source reliability, A to F.
        credibility: Admiralty information credibility, 1 to 6.
        likelihood: ICD 203 words of estimative probability.
        confidence: Analytic confidence: low, moderate or high.
        probability: A numeric probability in [0, 1].
        rationale: Why, in words.
        assessor: Who assessed.
        assessed_at: When (timezone-aware).
    """

    __repr__ = short_repr

    reliability: Reliability | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.member_of(Reliability))
    )
    credibility: Credibility | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.member_of(Credibility))
    )
    likelihood: Likelihood | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.member_of(Likelihood))
    )
    confidence: AnalyticConfidence | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.member_of(AnalyticConfidence))
    )
    probability: float | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.probability)
    )
    rationale: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    assessor: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    assessed_at: datetime | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.aware_datetime)
    )

    @classmethod
    def from_rating(
        cls,
        rating: str,
        *,
        likelihood: Likelihood | None = None,
        confidence: AnalyticConfidence | None = None,
        probability: float | None = None,
        rationale: str | None = None,
        assessor: str | None = None,
        assessed_at: datetime | None = None,
    ) -> Assessment:
        """An assessment from an Admiralty rating as analysts write it, such as ``"B2"``.

        Args:
            rating: Reliability letter then credibility digit; case and
                spaces are ignored (see `claims.confidence.parse_rating`).
            likelihood: As for the other fields of `Assessment`.
            confidence: As above.
            probability: As above.
            rationale: As above.
            assessor: As above.
            assessed_at: As above.

        Raises:
            InvalidValueError: `rating` is not an Admiralty rating.

        >>> Assessment.from_rating("b2", likelihood=Likelihood.LIKELY).notation()
        'B2, likely'
        """
        reliability, credibility = parse_rating(rating)
        return cls(
            reliability=reliability,
            credibility=credibility,
            likelihood=likelihood,
            confidence=confidence,
            probability=probability,
            rationale=rationale,
            assessor=assessor,
            assessed_at=assessed_at,
        )

    def notation(self) -> str:
        """The assessment as analysts write it: ``"B2, likely, moderate confidence"``.

        >>> Assessment(
        ...     reliability=Reliability.B,
        ...     credibility=Credibility.PROBABLY_TRUE,
        ...     likelihood=Likelihood.LIKELY,
        ...     confidence=AnalyticConfidence.MODERATE,
        ... ).notation()
        'B2, likely, moderate confidence'
        """
        parts = []
        rating = (self.reliability.value if self.reliability else "") + (
            str(self.credibility.value) if self.credibility else ""
        )
        if rating:
            parts.append(rating)
        if self.likelihood is not None:
            parts.append(self.likelihood.label)
        if self.probability is not None:
            parts.append(f"p={self.probability:g}")
        if self.confidence is not None:
            parts.append(f"{self.confidence.label} confidence")
        return ", ".join(parts)
