"""Which version of the format a record needs: one rule per addition.

A dossier is written in the oldest version that holds every record of it
(`version_needed`), so a release that predates an addition still reads
every document that does not use it, and refuses, with a clear error, one
that does.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._model import Actor, ActorKind, Link, LinkKind, Review, Source
from ._migrations import OLDEST_WRITTEN, REVIEWS_SINCE, SCHEMA_VERSION

__all__ = ["KINDS_SINCE_4", "LINKS_SINCE_4", "version_needed", "version_of"]

KINDS_SINCE_4: frozenset[ActorKind] = frozenset(
    {
        ActorKind.POLITICAL_PARTY,
        ActorKind.COMPANY,
        ActorKind.TRADE_UNION,
        ActorKind.NON_GOVERNMENTAL_ORGANISATION,
        ActorKind.INTERNATIONAL_ORGANISATION,
        ActorKind.COURT,
        ActorKind.SECURITY_SERVICE,
        ActorKind.HEALTH_AUTHORITY,
        ActorKind.RELIGIOUS_BODY,
        ActorKind.UNNAMED_INDIVIDUAL,
    }
)
"""Actor kinds that version 3 does not have."""

LINKS_SINCE_4: frozenset[LinkKind] = frozenset(
    {
        LinkKind.EQUIVALENT,
        LinkKind.DERIVES_FROM,
        LinkKind.ENDORSES,
        LinkKind.REACTS_TO,
        LinkKind.DENIES,
    }
)
"""Link kinds that version 3 does not have."""


def version_of(record: object) -> int:
    """The oldest version of the format that holds `record`.

    >>> from claims import Actor, ActorKind
    >>> version_of(Actor("acme", "Acme", kind=ActorKind.OTHER))
    2
    >>> version_of(Actor("acme", "Acme", kind=ActorKind.COMPANY))
    4
    """
    if isinstance(record, Review):
        return REVIEWS_SINCE
    if isinstance(record, Actor):
        if record.identifiers or record.kind in KINDS_SINCE_4:
            return SCHEMA_VERSION
        if any(a.new for a in record.affiliations):
            return SCHEMA_VERSION
    elif isinstance(record, Source):
        if record.identifiers:
            return SCHEMA_VERSION
    elif isinstance(record, Link) and record.kind in LINKS_SINCE_4:
        return SCHEMA_VERSION
    return OLDEST_WRITTEN


def version_needed(records: Iterable[object]) -> int:
    """The oldest version of the format that holds every one of `records`."""
    needed = OLDEST_WRITTEN
    for record in records:
        needed = max(needed, version_of(record))
        if needed == SCHEMA_VERSION:
            break
    return needed
