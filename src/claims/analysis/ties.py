"""Ties between actors: why one is not independent of another.

Two actors are tied when one is part of the other (two ministries of one
government) or affiliated with it (an outlet "considered close to" a group),
directly or through others. Ties decide which relays are independent of a
claim's origin and which claims count as one origin.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["MergeReason", "Tie"]


class MergeReason(enum.Enum):
    """Why two supporting claims are not independent of each other."""

    SHARED_ORIGIN = "shared_origin"
    """The same claimant: two outlets carrying the same wire story."""
    REPEATS = "repeats"
    """One claim is linked as a repeat of the other."""
    PART_OF = "part_of"
    """The claimants belong to the same whole (two ministries of one government)."""
    AFFILIATED = "affiliated"
    """The claimants are tied by affiliation ("considered close to")."""


@attrs.frozen
class Tie:
    """Why one actor is not independent of another.

    Attributes:
        actor: The actor that is tied (a claimant or a reporter).
        other: The actor it is tied to (a claimant, or a party named in a
            proposition).
        reason: `MergeReason.PART_OF`, `MergeReason.AFFILIATED`, or
            `MergeReason.SHARED_ORIGIN` when they are the same actor.
        note: The ties, in words: ``"nujaba-tv is affiliated with pmf
            (considered close to)"``.
    """

    actor: str
    other: str
    reason: MergeReason
    note: str
