"""A fact-checker's review of a claim, as schema.org ``ClaimReview`` carries it.

A `Review` is a record of the dossier like a claim: it names the claim it
reviews, the actor who reviewed it and the sources where the claim appeared,
by id, and the `Dossier` checks that they exist.
"""

from __future__ import annotations

import attrs

from . import _validators as v
from .when import When

__all__ = ["Review"]


def _within_scale(review: Review, rating: int | float | None) -> str | None:
    worst, best = review.worst, review.best
    if rating is None or worst is None or best is None:
        return None
    low, high = sorted((worst, best))
    if not low <= rating <= high:
        return f"{rating} lies outside its scale {worst}..{best}"
    return None


@attrs.frozen
class Review:
    """A fact-checker's verdict on a claim.

    Attributes:
        id: Unique among the reviews of a dossier.
        claim: The id of the claim reviewed.
        reviewer: The id of the actor who reviewed it (the fact-checker).
        verdict: The verdict in the reviewer's words: ``"False"``,
            ``"Misleading"``, ``"Half true"`` (``alternateName``).
        rating: The verdict on the reviewer's numeric scale (``ratingValue``),
            between `worst` and `best` when both are given.
        best: The best value of that scale (``bestRating``).
        worst: The worst value of that scale (``worstRating``).
        url: Where the review is published.
        published: When it was published.
        first_appearance: The id of the source where the claim is first
            known to have appeared (``firstAppearance``).
        appearances: The ids of other sources where it appeared (``appearance``).

    >>> Review("r1", "c1", "full-fact", "False", rating=1, best=5, worst=1).scale()
    'False (1 of 1..5)'
    """

    id: str = attrs.field(validator=v.nonempty_str)
    claim: str = attrs.field(validator=v.nonempty_str)
    reviewer: str = attrs.field(validator=v.nonempty_str)
    verdict: str = attrs.field(validator=v.nonempty_str)
    rating: int | float | None = attrs.field(
        kw_only=True,
        default=None,
        validator=v.all_of(v.optional(v.number), v.Rule(_within_scale)),
    )
    best: int | float | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.number)
    )
    worst: int | float | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.number)
    )
    url: str | None = attrs.field(kw_only=True, default=None, validator=v.optional(v.nonempty_str))
    published: When | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.instance_of(When))
    )
    first_appearance: str | None = attrs.field(
        kw_only=True, default=None, validator=v.optional(v.nonempty_str)
    )
    appearances: tuple[str, ...] = attrs.field(
        kw_only=True, default=(), converter=v.to_tuple, validator=v.each(v.nonempty_str)
    )

    def scale(self) -> str:
        """The verdict with its place on the scale: ``"False (1 of 1..5)"``.

        >>> Review("r", "c", "f", "False", rating=1, best=5).scale()
        'False (1 of ..5)'
        """
        if self.rating is None:
            return self.verdict
        low = "" if self.worst is None else f"{self.worst:g}"
        high = "" if self.best is None else f"{self.best:g}"
        bounds = f" of {low}..{high}" if low or high else ""
        return f"{self.verdict} ({self.rating:g}{bounds})"
