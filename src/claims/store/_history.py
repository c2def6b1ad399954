"""A stored claim's status over time: when it arrived and each link that ended it.

`Store.status` and `Store.history` read the claim's arrival and its
superseding or retracting links (with the batch time of each) through
`read_ends`, and fold them with `claims._integrity.status_of`, the rule
`Dossier.status` uses.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

import attrs

from .._integrity import ENDS, status_of
from .._model import ACTIVE, Link, Status, StatusKind
from ..exceptions import UnknownIdError
from ._rows import decode_many

__all__ = ["Change", "Ends", "changes", "read_ends", "status_at"]

_ENDS = tuple(sorted(kind.value for kind in ENDS))  # for "kind IN (?, ?)"


@attrs.frozen
class Change:
    """One step in a claim's history, as the store learnt it.

    Attributes:
        at: When the store recorded the change (UTC).
        status: The claim's status from then on.
        by: The claim that superseded or retracted it, if any.
        note: Why: the note of the superseding or retracting link.
    """

    at: datetime
    status: StatusKind
    by: str | None = None
    note: str | None = None


@attrs.frozen
class Ends:
    """When a claim arrived, and each superseding or retracting link with when.

    Attributes:
        claim: The claim's id.
        arrived: When the store recorded the claim.
        links: The links that target it, in the order they were added, each
            with when the store recorded it.
    """

    claim: str
    arrived: datetime
    links: tuple[tuple[datetime, Link], ...]


def read_ends(db: sqlite3.Connection, claim_id: str, *, version: int) -> Ends:
    """Read `claim_id`'s arrival and ending links (inside the caller's snapshot).

    Raises:
        UnknownIdError: There is no such claim.
    """
    arrived = db.execute(
        "SELECT b.at FROM claims c JOIN batches b ON b.id = c.batch WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    if arrived is None:
        raise UnknownIdError("claim", claim_id)
    rows = db.execute(
        "SELECT b.at, l.json FROM links l JOIN batches b ON b.id = l.batch "
        "WHERE l.target = ? AND l.kind IN (?, ?) ORDER BY l.seq",
        (claim_id, *_ENDS),
    ).fetchall()
    links = decode_many([j for _, j in rows], Link, version=version)
    times = [datetime.fromisoformat(at) for at, _ in rows]
    return Ends(claim_id, datetime.fromisoformat(arrived[0]), tuple(zip(times, links, strict=True)))


def status_at(ends: Ends, as_of: datetime | None) -> Status:
    """The claim's status as the store knew it at `as_of` (default now).

    Raises:
        UnknownIdError: The claim had not arrived by `as_of`.
    """
    if as_of is None:
        return status_of(link for _, link in ends.links)
    if ends.arrived > as_of:
        raise UnknownIdError("claim", ends.claim)
    return status_of(link for at, link in ends.links if at <= as_of)


def changes(ends: Ends) -> tuple[Change, ...]:
    """Every change of the claim's status, oldest first (its arrival first)."""
    found = [Change(ends.arrived, StatusKind.ACTIVE)]
    status = ACTIVE
    for i, (at, link) in enumerate(ends.links):
        now = status_of(link for _, link in ends.links[: i + 1])
        if now != status:
            status = now
            found.append(Change(at, now.kind, by=now.by, note=link.note))
    return tuple(found)
