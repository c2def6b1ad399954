"""A fact-checker's review of a claim (schema.org ``ClaimReview``)."""

from __future__ import annotations

from typing import Any

import attrs

from ._model import When
from ._model import _validators as v
from .exceptions import InvalidValueError

__all__ = ["Review"]


@attrs.frozen
class Review:
    """A fact-checker's verdict on a claim, as a ``ClaimReview`` carries it.

    Attributes:
        id: Unique among the reviews of a dossier.
        claim: The id of the claim reviewed.
        reviewer: The id of the actor who reviewed it (the fact-checker).
        verdict: The verdict in the reviewer's words: ``"False"``,
            ``"Misleading"``, ``"Half true"`` (``alternateName``).
        rating: The verdict on the reviewer's numeric scale (``ratingValue``).
        best: The best value of that scale (``bestRating``).
        worst: The worst value of that scale (``worstRating``).
        url: Where the review is published.
        published: When it was published.
        first_appearance: The id of the source where the claim is first
            known to have appeared (``firstAppearance``).
        appearances: The ids of other sources where it appeared (``appearance``).

    >>> Review("r1", "c1", "full-fact", "False", rating=1, best=5, worst=1).verdict
    'False'
    """

    id: str = attrs.field(validator=v.nonempty_str)
    claim: str = attrs.field(validator=v.nonempty_str)
    reviewer: str = attrs.field(validator=v.nonempty_str)
    verdict: str = attrs.field(validator=v.nonempty_str)
    rating: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    best: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    worst: int | float | None = attrs.field(default=None, validator=v.optional(v.number))
    url: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    published: When | None = attrs.field(default=None, validator=v.optional(v.instance_of(When)))
    first_appearance: str | None = attrs.field(default=None, validator=v.optional(v.nonempty_str))
    appearances: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.each(v.nonempty_str)
    )

    def __attrs_post_init__(self) -> None:
        worst, best, rating = self.worst, self.best, self.rating
        low, high = (
            sorted((worst, best)) if worst is not None and best is not None else (None, None)
        )
        if (
            rating is not None
            and low is not None
            and high is not None
            and not low <= rating <= high
        ):
            raise InvalidValueError(
                f"Review.rating {rating} lies outside its scale {worst}..{best}"
            )

    def scale(self) -> str:
        """The verdict with its place on the scale: ``"False (1 of 1..5)"``.

        >>> Review("r", "c", "f", "False", rating=1, best=5, worst=1).scale()
        'False (1 of 1..5)'
        """
        if self.rating is None:
            return self.verdict
        bounds: Any = f" of {self.worst}..{self.best}" if self.best is not None else ""
        return f"{self.verdict} ({self.rating:g}{bounds})"
