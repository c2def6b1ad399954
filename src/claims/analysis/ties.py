"""Ties between actors: why one is not independent of another.

Two actors are tied when they are parts of one whole (two ministries of one
government, any depth of ``part_of``), or when an affiliation of interest
names them or wholes they are part of (an outlet "considered close to" a
group, and the group's parts). Ties stop where the text stops: an outlet
close to a group and the group backed by a state does not tie the outlet to
the state, nor the group to another the state backs. An affiliation
``rival_of``, or `former`, ties nothing; one with a ``since`` or ``until``
ties two claims' claimants only when neither claim's time is known to fall
outside it. Ties decide which claims count as one origin, and which
origins are tied to a party named in what they confirm.
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
    RELAY = "relay"
    """Both claims came through the same relay (a hop of the same reporter
    and source): two outlets carrying one wire story."""
    REACTION = "reaction"
    """One claim derives from, endorses or reacts to the other."""
    SAME_QUOTE = "same_quote"
    """Both claims rest on the same words of the same source: one statement
    ("U.S. and Afghan officials said") recorded as two claims."""


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
