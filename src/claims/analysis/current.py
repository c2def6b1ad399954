"""The dossier as it stands, and in time: the current view and the timeline."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime

import attrs

from .._display import Displayed
from .._integrity import ENDS
from .._model import Claim, Link, Source, Status, StatusKind, When
from ..dossier import Dossier
from ._index import index_of

__all__ = [
    "CurrentView",
    "Moment",
    "MomentKind",
    "Replacement",
    "StaleLink",
    "current",
    "timeline",
]


@attrs.frozen
class Replacement:
    """Where a superseded or retracted claim leads.

    Attributes:
        claim: The id of the claim that is no longer current.
        status: Its status (who superseded or retracted it).
        current: The id of the active claim at the end of its supersession
            chain, or ``None`` when the chain ends in a retraction.
        path: The claims passed through, from `claim` to the end.
    """

    claim: str
    status: Status
    current: str | None
    path: tuple[str, ...]


@attrs.frozen
class StaleLink:
    """A link that points at a claim that is no longer current.

    Attributes:
        link: The link.
        status: The status of its target.
    """

    link: Link
    status: Status


@attrs.frozen
class CurrentView(Displayed):
    """The dossier as it stands: what is current, what replaced what.

    Attributes:
        claims: Ids of the active claims, in dossier order.
        replaced: Every superseded or retracted claim and where it leads.
        stale: Links (other than the superseding and retracting links
            themselves) whose target is superseded or retracted.
    """

    claims: tuple[str, ...]
    replaced: tuple[Replacement, ...] = ()
    stale: tuple[StaleLink, ...] = ()


class MomentKind(enum.Enum):
    """What happened at a moment of the timeline."""

    MADE = "made"
    """The claimant made the claim."""
    REPORTED = "reported"
    """A reporter published it."""


@attrs.frozen
class Moment(Displayed):
    """One entry of a timeline.

    Attributes:
        when: When, as precisely as known.
        kind: Made or reported.
        claim: The claim's id.
        actor: The claimant (made) or the reporter (reported).
        source: The document it was reported in (reported only).
        approximate: The claim's time of making is known only in words
            never resolved ("on Monday", with no date): the moment is placed
            at the publication time of the source the claim is quoted from,
            which it does not follow.
    """

    when: When
    kind: MomentKind
    claim: str
    actor: str
    source: str | None = None
    approximate: bool = False


def current(dossier: Dossier) -> CurrentView:
    """The active claims, where each replaced claim leads, and stale links."""
    return index_of(dossier).answer("current", lambda: _current(dossier))


def _current(dossier: Dossier) -> CurrentView:
    inactive = index_of(dossier).inactive
    replaced = []
    for cid in dossier.claims:
        status = inactive.get(cid)
        if status is None:
            continue
        path = [cid]
        at: Status = status
        while at.kind is StatusKind.SUPERSEDED:
            assert at.by is not None
            path.append(at.by)
            at = inactive.get(at.by, Status(StatusKind.ACTIVE))
        end = None if at.kind is StatusKind.RETRACTED else path[-1]
        if at.kind is StatusKind.RETRACTED:
            assert at.by is not None
            path.append(at.by)
        replaced.append(Replacement(cid, status, end, tuple(path)))
    stale = tuple(
        StaleLink(link, inactive[link.target])
        for link in dossier.links
        if link.kind not in ENDS and link.target in inactive
    )
    active = tuple(c for c in dossier.claims if c not in inactive)
    return CurrentView(active, tuple(replaced), stale)


def _sort_key(when: When) -> tuple[datetime, float]:
    # By the end of the period, and the narrower period first when two end
    # together: a day comes after every hour of that day, never before.
    return when.end, -when.start.timestamp()


def _quoted_from(claim: Claim) -> str | None:
    """The source `claim` is quoted from: its first quote's, else its chain's first."""
    if claim.quotes:
        return claim.quotes[0].source
    return next((h.source for h in claim.chain if h.source is not None), None)


def _source_time(claim: Claim, sources: Mapping[str, Source]) -> When | None:
    source = _quoted_from(claim)
    return None if source is None else sources[source].published


def timeline(dossier: Dossier, *, include_inactive: bool = True) -> tuple[Moment, ...]:
    """When each claim was made and when it was reported, in order.

    Times are given only as precisely as known, and ordered by the end of
    their period: a claim made "on Thursday" is placed after one made at
    10:00 on Thursday, not before it. A claim made at a time known only in
    words never resolved (`claims.When.resolved` false) is placed at the
    publication time of the source it is quoted from (its first quote's,
    else its chain's first), marked `Moment.approximate`. A claim with no
    known time is left out.

    Args:
        dossier: The dossier.
        include_inactive: Also superseded and retracted claims.
    """
    inactive: Mapping[str, Status] = {} if include_inactive else index_of(dossier).inactive
    sources = dossier.sources
    moments: list[Moment] = []
    for cid, claim in dossier.claims.items():
        if cid in inactive:
            continue
        if claim.made is not None and claim.made.resolved:
            moments.append(Moment(claim.made, MomentKind.MADE, cid, claim.claimant))
        elif claim.made is not None:
            placed = _source_time(claim, sources)
            if placed is not None:
                moments.append(
                    Moment(placed, MomentKind.MADE, cid, claim.claimant, approximate=True)
                )
        seen = set()
        for hop in claim.chain:
            if hop.source is None or (hop.reporter, hop.source) in seen:
                continue
            seen.add((hop.reporter, hop.source))
            published = sources[hop.source].published
            if published is not None:
                moments.append(
                    Moment(published, MomentKind.REPORTED, cid, hop.reporter, hop.source)
                )
    moments.sort(key=lambda m: _sort_key(m.when))
    return tuple(moments)
