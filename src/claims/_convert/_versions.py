"""Which version of the format a record needs: one rule per addition.

A dossier is written in the oldest version that holds every record of it
(`version_needed`), so a release that predates an addition still reads
every document that does not use it, and refuses, with a clear error, one
that does.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._model import Actor, ActorKind, Claim, Event, Link, LinkKind, Place, Review, Source, When
from ._migrations import OLDEST_WRITTEN, REVIEWS_SINCE, SCHEMA_VERSION

__all__ = [
    "KINDS_SINCE_4",
    "LINKS_SINCE_4",
    "VOCABULARY_SINCE",
    "time_in_words",
    "version_needed",
    "version_of",
]

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

VOCABULARY_SINCE = 4
"""The first version whose documents can carry the dossier's own vocabulary."""


def time_in_words(when: When | None) -> bool:
    """Whether `when` uses what version 3 does not have: words, a part of the day, no date."""
    return when is not None and (when.words is not None or when.part is not None)


def version_of(record: object) -> int:
    """The oldest version of the format that holds `record`.

    >>> from claims import Actor, ActorKind
    >>> version_of(Actor("acme", "Acme", kind=ActorKind.OTHER))
    2
    >>> version_of(Actor("acme", "Acme", kind=ActorKind.COMPANY))
    4
    """
    if isinstance(record, Review):
        return SCHEMA_VERSION if time_in_words(record.published) else REVIEWS_SINCE
    newer = False
    if isinstance(record, Claim):
        newer = (
            time_in_words(record.made)
            or time_in_words(record.proposition.when)
            # a topic, a reason or further claimants
            or record.topic is not None
            or record.reason is not None
            or bool(record.also)
            or isinstance(record.proposition.object, Place)  # a place as a value
        )
    elif isinstance(record, Event):
        newer = time_in_words(record.when)
    elif isinstance(record, Actor):
        newer = (
            bool(record.identifiers)
            or record.kind in KINDS_SINCE_4
            or any(a.new for a in record.affiliations)
        )
    elif isinstance(record, Source):
        newer = bool(record.identifiers) or time_in_words(record.published)
    elif isinstance(record, Link):
        newer = record.kind in LINKS_SINCE_4
    if newer:
        return SCHEMA_VERSION
    return OLDEST_WRITTEN


def version_needed(records: Iterable[object], *, vocabulary: bool = False) -> int:
    """The oldest version of the format that holds every one of `records`.

    Args:
        records: The records written.
        vocabulary: The dossier carries its own vocabulary, which needs
            `VOCABULARY_SINCE`.

    >>> version_needed([]), version_needed([], vocabulary=True)
    (2, 4)
    """
    needed = VOCABULARY_SINCE if vocabulary else OLDEST_WRITTEN
    if needed == SCHEMA_VERSION:
        return needed
    for record in records:
        needed = max(needed, version_of(record))
        if needed == SCHEMA_VERSION:
            break
    return needed
