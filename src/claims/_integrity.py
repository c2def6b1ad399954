"""Referential integrity: the rules a batch of records must keep, in one place.

What a record refers to (`references`), what kind of record it is (`KINDS`,
`label`), what a claim's status is (`status_of`: a retraction outweighs a
supersession) and the batch check itself (`check`), written against the
small `Records` protocol so that anything holding records (the `Dossier`,
and later a store) can be checked the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Protocol

from ._cut import cut
from ._model import (
    ACTIVE,
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    LinkKind,
    Review,
    Source,
    Status,
    StatusKind,
)
from .exceptions import Problem

__all__ = [
    "ENDS",
    "KINDS",
    "Found",
    "Records",
    "Reference",
    "check",
    "label",
    "references",
    "relocate",
    "status_of",
]

KINDS: Mapping[type, str] = MappingProxyType(
    {
        Actor: "actor",
        Source: "source",
        Event: "event",
        Claim: "claim",
        Link: "link",
        Review: "review",
    }
)
"""The kind of each record class, as errors and tables name it."""

ENDS: frozenset[LinkKind] = frozenset({LinkKind.SUPERSEDES, LinkKind.RETRACTS})
"""Link kinds that end the claim they point at."""

Reference = tuple[str, str, str]
"""What a record refers to: (field path, kind of record, id)."""

Found = tuple[int, str, str]
"""A problem of a batch: (index in the batch, field path, message)."""


def label(record: object) -> str:
    """How errors name a record: ``claim 'c1'``, ``link 'a' supports 'b'``."""
    if isinstance(record, Link):
        return f"link {cut(record.claim)} {record.kind.value} {cut(record.target)}"
    kind = KINDS.get(type(record))
    if kind is None:
        return type(record).__name__
    return f"{kind} {cut(getattr(record, 'id', '?'))}"


def relocate(
    problems: Iterable[Problem], records: Sequence[object], places: Sequence[str]
) -> list[Problem]:
    """`problems` named by record (`label`) renamed by where each record was read.

    Args:
        problems: An `IntegrityError`'s problems, each path a record's label
            and perhaps a field (``claim 'c1'.claimant``).
        records: The records of the batch.
        places: Where each record was read (``claims[3]``, ``line 7: claim``).

    Returns:
        The problems with each label replaced by its record's place; a
        problem whose label names no record of the batch is left as it is.
    """
    where = {label(r): p for r, p in zip(records, places, strict=True)}
    out = []
    for problem in problems:
        path = problem.path
        ends = [i for i, c in enumerate(path) if c == "."] + [len(path)]
        for end in ends:
            place = where.get(path[:end])
            if place is not None:
                out.append(Problem(place + path[end:], problem.message))
                break
        else:
            out.append(problem)
    return out


def status_of(links_to: Iterable[Link]) -> Status:
    """A claim's status, from the links that point at it.

    A retraction outweighs a supersession; among several, the first link
    given wins. Links of other kinds are ignored.

    Args:
        links_to: The links whose target is the claim, in the order they
            were added.

    >>> from claims import Link, LinkKind
    >>> status_of([Link(LinkKind.SUPERSEDES, "b", "a"), Link(LinkKind.RETRACTS, "c", "a")])
    Status(kind=retracted, by='c')
    """
    superseded_by = None
    for link in links_to:
        if link.kind is LinkKind.RETRACTS:
            return Status(StatusKind.RETRACTED, by=link.claim)
        if link.kind is LinkKind.SUPERSEDES and superseded_by is None:
            superseded_by = link.claim
    if superseded_by is not None:
        return Status(StatusKind.SUPERSEDED, by=superseded_by)
    return ACTIVE


def references(record: object) -> Iterator[Reference]:
    """The ids `record` refers to, each with its field path and kind.

    >>> from claims import Link, LinkKind
    >>> list(references(Link(LinkKind.SUPPORTS, "a", "b")))
    [('.claim', 'claim', 'a'), ('.target', 'claim', 'b')]
    """
    if isinstance(record, Claim):
        yield ".claimant", "actor", record.claimant
        for j, also in enumerate(record.also):
            yield f".also[{j}]", "actor", also
        prop = record.proposition
        for where, term in (
            (".proposition.subject.id", prop.subject),
            (".proposition.object.id", prop.object),
        ):
            if isinstance(term, ActorRef):
                yield where, "actor", term.id
            elif isinstance(term, EventRef):
                yield where, "event", term.id
        for j, quote in enumerate(record.quotes):
            yield f".quotes[{j}].source", "source", quote.source
        for j, hop in enumerate(record.chain):
            yield f".chain[{j}].reporter", "actor", hop.reporter
            if hop.source is not None:
                yield f".chain[{j}].source", "source", hop.source
            if hop.quote is not None:
                yield f".chain[{j}].quote.source", "source", hop.quote.source
    elif isinstance(record, Link):
        yield ".claim", "claim", record.claim
        yield ".target", "claim", record.target
    elif isinstance(record, Actor):
        if record.part_of is not None:
            yield ".part_of", "actor", record.part_of
        for j, aff in enumerate(record.affiliations):
            yield f".affiliations[{j}].actor", "actor", aff.actor
    elif isinstance(record, Source) and record.publisher is not None:
        yield ".publisher", "actor", record.publisher
    elif isinstance(record, Review):
        yield ".claim", "claim", record.claim
        yield ".reviewer", "actor", record.reviewer
        if record.first_appearance is not None:
            yield ".first_appearance", "source", record.first_appearance
        for j, source in enumerate(record.appearances):
            yield f".appearances[{j}]", "source", source


class Records(Protocol):
    """What the integrity check reads of the records already held.

    Attributes:
        actors: Actors by id.
        sources: Sources by id.
        events: Events by id.
        claims: Claims by id.
        reviews: Reviews by id.
    """

    @property
    def actors(self) -> Mapping[str, Actor]: ...  # pragma: no cover - a protocol

    @property
    def sources(self) -> Mapping[str, Source]: ...  # pragma: no cover - a protocol

    @property
    def events(self) -> Mapping[str, Event]: ...  # pragma: no cover - a protocol

    @property
    def claims(self) -> Mapping[str, Claim]: ...  # pragma: no cover - a protocol

    @property
    def reviews(self) -> Mapping[str, Review]: ...  # pragma: no cover - a protocol

    def links_from(self, claim_id: str) -> Sequence[Link]:
        """The links that start from `claim_id`."""
        ...  # pragma: no cover - a protocol


def check(records: Records, batch: Sequence[object]) -> list[Found]:
    """Every integrity problem of adding `batch` to `records`, changing nothing.

    Ids must be new and unique, references must name a record held or in the
    batch (in any order; a review's claim, reviewer and appearances too), a
    link must not be there already, ``part_of`` must not loop, and a
    supersession or retraction must stay within one claimant and make no
    cycle.

    Args:
        records: What is already held.
        batch: The records to add.

    Returns:
        The problems, in the order of the batch; empty if it can be added.
    """
    found: list[Found] = []
    existing: dict[str, Mapping[str, object]] = {
        "actor": records.actors,
        "source": records.sources,
        "event": records.events,
        "claim": records.claims,
        "review": records.reviews,
    }
    new: dict[str, dict[str, int]] = {k: {} for k in KINDS.values()}
    new_links: set[tuple[LinkKind, str, str]] = set()
    for i, record in enumerate(batch):
        kind = KINDS.get(type(record))
        if kind is None:
            found.append((i, "", f"cannot add a {type(record).__name__} to a dossier"))
        elif isinstance(record, Link):
            key = (record.kind, record.claim, record.target)
            if key in new_links or any(
                (x.kind, x.target) == (record.kind, record.target)
                for x in records.links_from(record.claim)
            ):
                found.append((i, "", "the same link is already in the dossier"))
            new_links.add(key)
        elif isinstance(record, (Actor, Source, Event, Claim, Review)):
            if record.id in existing[kind] or record.id in new[kind]:
                found.append((i, ".id", f"{kind} id {cut(record.id)} is already taken"))
            else:
                new[kind][record.id] = i
    for i, record in enumerate(batch):
        for where, kind, id in references(record):
            if id not in existing[kind] and id not in new[kind]:
                found.append((i, where, f"{cut(id)} is not a known {kind}"))
    if not found:
        found.extend(_cycles_and_ends(records, batch))
    return found


def _cycles_and_ends(records: Records, batch: Sequence[object]) -> list[Found]:
    found: list[Found] = []
    batch_actors = {r.id: r for r in batch if isinstance(r, Actor)}
    batch_claims = {r.id: r for r in batch if isinstance(r, Claim)}
    actors, claims = records.actors, records.claims

    # part_of must not loop back.
    for i, record in enumerate(batch):
        if isinstance(record, Actor) and record.part_of is not None:
            seen = {record.id}
            up: str | None = record.part_of
            while up is not None and up not in seen:
                seen.add(up)
                up = (batch_actors.get(up) or actors[up]).part_of
            if up is not None:
                found.append((i, ".part_of", f"part_of makes a cycle through {cut(up)}"))

    # Supersession and retraction: same claimant, and no cycles.
    batch_ends: defaultdict[str, set[str]] = defaultdict(set)
    for i, record in enumerate(batch):
        if not isinstance(record, Link) or record.kind not in ENDS:
            continue
        newer = batch_claims.get(record.claim) or claims[record.claim]
        older = batch_claims.get(record.target) or claims[record.target]
        if newer.claimant != older.claimant:
            found.append(
                (
                    i,
                    "",
                    f"only a claim of the same claimant can {record.kind.value[:-1]} "
                    f"a claim: {cut(newer.id)} is by {cut(newer.claimant)}, "
                    f"{cut(older.id)} by {cut(older.claimant)}",
                )
            )
        batch_ends[record.claim].add(record.target)

    def ends_from(claim_id: str) -> Iterator[str]:
        yield from batch_ends.get(claim_id, ())
        for link in records.links_from(claim_id):
            if link.kind in ENDS:
                yield link.target

    for i, record in enumerate(batch):
        if (
            isinstance(record, Link)
            and record.kind in ENDS
            and _reaches(ends_from, record.target, record.claim)
        ):
            found.append(
                (
                    i,
                    "",
                    f"{cut(record.claim)} {record.kind.value} {cut(record.target)} "
                    "would make a supersession/retraction cycle",
                )
            )
    return found


def _reaches(edges: Callable[[str], Iterable[str]], start: str, goal: str) -> bool:
    stack, seen = [start], {start}
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for nxt in edges(node):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False
