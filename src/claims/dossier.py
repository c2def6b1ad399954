"""The dossier: the one mutable collection, and the keeper of integrity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar, cast

from . import analysis as _analysis
from ._model import (
    ACTIVE,
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    LinkKind,
    Source,
    Stance,
    Status,
    StatusKind,
    Subject,
    Value,
)
from .exceptions import IntegrityError, Problem, UnknownIdError

if TYPE_CHECKING:
    from .analysis import (
        Contradiction,
        Corroboration,
        CredibilitySuggestion,
        CurrentView,
        Moment,
        Provenance,
        Silence,
        Uncertainty,
    )
    from .provenance import QuoteReport

__all__ = ["Dossier", "Record"]

Record = Actor | Source | Event | Claim | Link
"""Anything a dossier holds."""

_KIND_OF: dict[type, str] = {
    Actor: "actor",
    Source: "source",
    Event: "event",
    Claim: "claim",
    Link: "link",
}
_ENDS = frozenset({LinkKind.SUPERSEDES, LinkKind.RETRACTS})


# A problem found in a batch: (index in the batch, field path, message).
_Found = tuple[int, str, str]
_Need = Callable[[int, str, str, str | None], None]
T = TypeVar("T")


class Dossier:
    """Actors, sources, events, claims and the links between claims.

    The dossier is the one mutable thing: `add` and `extend` check
    referential integrity and either add everything or change nothing.
    Lookups by claimant, subject and predicate use indexes kept up to date
    on every add.

    Args:
        records: Records to add at once, as with `extend`.

    >>> from claims import Actor, ActorKind, Claim, Proposition, ActorRef, Text
    >>> d = Dossier([Actor("reuters", "Reuters", ActorKind.NEWS_AGENCY)])
    >>> d.add(Claim("c1", "nobody", Proposition(ActorRef("reuters"), "is", Text("x"))))
    Traceback (most recent call last):
    ...
    claims.exceptions.IntegrityError: the records were not added (1 problem):
      claim 'c1'.claimant: 'nobody' is not a known actor
    >>> len(d.claims)
    0
    """

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._actors: dict[str, Actor] = {}
        self._sources: dict[str, Source] = {}
        self._events: dict[str, Event] = {}
        self._claims: dict[str, Claim] = {}
        self._positions: dict[str, int] = {}  # each claim's position in `_claims`
        self._links: dict[tuple[LinkKind, str, str], Link] = {}
        self._parts: defaultdict[str, list[str]] = defaultdict(list)
        self._by_claimant: defaultdict[str, list[str]] = defaultdict(list)
        self._by_subject: defaultdict[Subject, list[str]] = defaultdict(list)
        self._by_predicate: defaultdict[str, list[str]] = defaultdict(list)
        # Claims by what they say: (subject, predicate) -> (object, stance) -> ids.
        self._statements: defaultdict[
            tuple[Subject, str], dict[tuple[Value, Stance], list[str]]
        ] = defaultdict(dict)
        self._links_from: defaultdict[str, list[Link]] = defaultdict(list)
        self._links_to: defaultdict[str, list[Link]] = defaultdict(list)
        # Derived indexes, built on first use and dropped whenever records are added.
        self._state = 0
        self._derived: dict[Hashable, object] = {}
        self.extend(records)

    # ------------------------------------------------------------------
    # Contents

    @property
    def actors(self) -> Mapping[str, Actor]:
        """Actors by id, in the order they were added (read-only)."""
        return MappingProxyType(self._actors)

    @property
    def sources(self) -> Mapping[str, Source]:
        """Sources by id, in the order they were added (read-only)."""
        return MappingProxyType(self._sources)

    @property
    def events(self) -> Mapping[str, Event]:
        """Events by id, in the order they were added (read-only)."""
        return MappingProxyType(self._events)

    @property
    def claims(self) -> Mapping[str, Claim]:
        """Claims by id, in the order they were added (read-only)."""
        return MappingProxyType(self._claims)

    @property
    def links(self) -> tuple[Link, ...]:
        """Links between claims, in the order they were added."""
        return tuple(self._links.values())

    def records(self) -> Iterator[Record]:
        """Every record: actors, sources, events, claims, then links."""
        yield from self._actors.values()
        yield from self._sources.values()
        yield from self._events.values()
        yield from self._claims.values()
        yield from self._links.values()

    def __len__(self) -> int:
        return (
            len(self._actors)
            + len(self._sources)
            + len(self._events)
            + len(self._claims)
            + len(self._links)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dossier):
            return NotImplemented
        return (
            self._actors == other._actors
            and self._sources == other._sources
            and self._events == other._events
            and self._claims == other._claims
            and self._links == other._links
        )

    def __repr__(self) -> str:
        return (
            f"<Dossier: {len(self._actors)} actors, {len(self._sources)} sources, "
            f"{len(self._events)} events, {len(self._claims)} claims, "
            f"{len(self._links)} links>"
        )

    # ------------------------------------------------------------------
    # Lookups

    def actor(self, id: str) -> Actor:
        """The actor with `id`.

        Raises:
            UnknownIdError: There is none.
        """
        return _get(self._actors, "actor", id)

    def source(self, id: str) -> Source:
        """The source with `id`; `UnknownIdError` if there is none."""
        return _get(self._sources, "source", id)

    def event(self, id: str) -> Event:
        """The event with `id`; `UnknownIdError` if there is none."""
        return _get(self._events, "event", id)

    def claim(self, id: str) -> Claim:
        """The claim with `id`; `UnknownIdError` if there is none."""
        return _get(self._claims, "claim", id)

    def parts(self, actor_id: str) -> tuple[str, ...]:
        """Ids of every actor that is part of `actor_id`, at any depth."""
        self.actor(actor_id)
        found: list[str] = []
        stack = list(reversed(self._parts.get(actor_id, ())))
        while stack:
            part = stack.pop()
            found.append(part)
            stack.extend(reversed(self._parts.get(part, ())))
        return tuple(found)

    def claims_by(self, actor_id: str, *, include_parts: bool = False) -> tuple[Claim, ...]:
        """Claims whose claimant is `actor_id`.

        Args:
            actor_id: The claimant.
            include_parts: Also the claims of every actor that is part of it
                (the foreign ministry's claims are the government's).

        Raises:
            UnknownIdError: There is no such actor.
        """
        self.actor(actor_id)
        ids = [actor_id, *self.parts(actor_id)] if include_parts else [actor_id]
        found = [c for a in ids for c in self._by_claimant.get(a, ())]
        if include_parts:
            order = {cid: i for i, cid in enumerate(self._claims)}
            found.sort(key=order.__getitem__)
        return tuple(self._claims[c] for c in found)

    def claims_about(self, subject: Subject | str) -> tuple[Claim, ...]:
        """Claims whose proposition has `subject`.

        Args:
            subject: An `ActorRef`, `EventRef` or `Text`; a plain string is
                taken as an actor or event id.
        """
        if isinstance(subject, str):
            keys: list[Subject] = [ActorRef(subject), EventRef(subject)]
        else:
            keys = [subject]
        found = [c for k in keys for c in self._by_subject.get(k, ())]
        return tuple(self._claims[c] for c in found)

    def claims_with(self, predicate: str) -> tuple[Claim, ...]:
        """Claims whose proposition has `predicate`."""
        return tuple(self._claims[c] for c in self._by_predicate.get(predicate, ()))

    def links_from(self, claim_id: str) -> tuple[Link, ...]:
        """Links that start from `claim_id`."""
        return tuple(self._links_from.get(claim_id, ()))

    def links_to(self, claim_id: str) -> tuple[Link, ...]:
        """Links that point at `claim_id`."""
        return tuple(self._links_to.get(claim_id, ()))

    def status(self, claim_id: str) -> Status:
        """Whether `claim_id` is active, superseded or retracted.

        A retraction outweighs a supersession.
        """
        self.claim(claim_id)
        superseded_by = None
        for link in self._links_to.get(claim_id, ()):
            if link.kind is LinkKind.RETRACTS:
                return Status(StatusKind.RETRACTED, link.claim)
            if link.kind is LinkKind.SUPERSEDES and superseded_by is None:
                superseded_by = link.claim
        if superseded_by is not None:
            return Status(StatusKind.SUPERSEDED, superseded_by)
        return ACTIVE

    # ------------------------------------------------------------------
    # The analyst's questions (answered by claims.analysis)

    def provenance(self, claim_id: str) -> Provenance:
        """How we know `claim_id`: its origin and relays; see `analysis.provenance`."""
        return _analysis.provenance(self, claim_id)

    def corroboration(self, claim_id: str, *, include_inactive: bool = False) -> Corroboration:
        """The claims backing `claim_id`, in independent origins; see `analysis.corroboration`."""
        return _analysis.corroboration(self, claim_id, include_inactive=include_inactive)

    def corroborations(self, *, include_inactive: bool = False) -> Mapping[str, Corroboration]:
        """The corroboration of every claim, by id, as it is now; see `analysis.corroborations`."""
        return _analysis.corroborations(self, include_inactive=include_inactive)

    def suggest_credibility(self, claim_id: str) -> CredibilitySuggestion:
        """Credibility 1 if two independent origins back `claim_id`; see `analysis`."""
        return _analysis.suggest_credibility(self, claim_id)

    def contradictions(
        self,
        *,
        include_inactive: bool = False,
        functional: Collection[str] = _analysis.FUNCTIONAL_PREDICATES,
        inverse_functional: Collection[str] = _analysis.INVERSE_FUNCTIONAL_PREDICATES,
    ) -> tuple[Contradiction, ...]:
        """Pairs of claims that cannot both hold; see `analysis.contradictions`."""
        return self._memo(
            (
                "contradictions",
                include_inactive,
                frozenset(functional),
                frozenset(inverse_functional),
            ),
            lambda: _analysis.contradictions(
                self,
                include_inactive=include_inactive,
                functional=functional,
                inverse_functional=inverse_functional,
            ),
        )

    def uncertainties(self, *, include_inactive: bool = False) -> tuple[Uncertainty, ...]:
        """Claims that a value is not known; see `analysis.uncertainties`."""
        return _analysis.uncertainties(self, include_inactive=include_inactive)

    def silences(self, *, include_inactive: bool = False) -> tuple[Silence, ...]:
        """Reported silences and unanswered accusations; see `analysis.silences`."""
        return _analysis.silences(self, include_inactive=include_inactive)

    def current(self) -> CurrentView:
        """Active claims, replacements and stale links; see `analysis.current`."""
        return self._memo("current", lambda: _analysis.current(self))

    def timeline(self, *, include_inactive: bool = True) -> tuple[Moment, ...]:
        """When claims were made and reported, in order; see `analysis.timeline`."""
        return _analysis.timeline(self, include_inactive=include_inactive)

    def verify_quotes(self, texts: Mapping[str, str]) -> QuoteReport:
        """Check every quote against its source's text; see `provenance.verify_quotes`."""
        from .provenance import verify_quotes

        return verify_quotes(self, texts)

    # ------------------------------------------------------------------
    # Adding

    def add(self, record: Record) -> None:
        """Add one record; see `extend`."""
        self.extend((record,))

    def extend(self, records: Iterable[Record]) -> None:
        """Add records as one batch: all of them, or none.

        References may point at records already in the dossier or anywhere in
        the same batch, in any order.

        Raises:
            IntegrityError: An id is taken twice or names nothing, a link
                would make supersession circular, or an actor would be part
                of itself. Every problem is listed and the dossier is left
                exactly as it was.
        """
        batch = list(records)
        found = self._check(batch)
        if found:
            raise IntegrityError([Problem(_label(batch[i]) + sub, msg) for i, sub, msg in found])
        for record in batch:
            self._insert(record)
        if batch:
            self._state += 1
            self._derived.clear()

    def _memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """`build()`, computed once per state of the dossier."""
        try:
            return cast(T, self._derived[key])
        except KeyError:
            value = self._derived[key] = build()
            return value

    def _insert(self, record: Record) -> None:
        if isinstance(record, Actor):
            self._actors[record.id] = record
            if record.part_of is not None:
                self._parts[record.part_of].append(record.id)
        elif isinstance(record, Source):
            self._sources[record.id] = record
        elif isinstance(record, Event):
            self._events[record.id] = record
        elif isinstance(record, Claim):
            self._positions[record.id] = len(self._claims)
            self._claims[record.id] = record
            self._by_claimant[record.claimant].append(record.id)
            self._by_subject[record.proposition.subject].append(record.id)
            self._by_predicate[record.proposition.predicate].append(record.id)
            prop = record.proposition
            said = self._statements[prop.subject, prop.predicate]
            said.setdefault((prop.object, record.stance), []).append(record.id)
        else:
            self._links[(record.kind, record.claim, record.target)] = record
            self._links_from[record.claim].append(record)
            self._links_to[record.target].append(record)

    def _check(self, batch: list[Record]) -> list[_Found]:
        """Every integrity problem of adding `batch`, without changing anything."""
        found: list[_Found] = []
        new: dict[str, dict[str, int]] = {k: {} for k in _KIND_OF.values()}
        existing: dict[str, Mapping[str, object]] = {
            "actor": self._actors,
            "source": self._sources,
            "event": self._events,
            "claim": self._claims,
        }
        new_links: dict[tuple[LinkKind, str, str], int] = {}
        for i, record in enumerate(batch):
            kind = _KIND_OF.get(type(record))
            if kind is None:
                found.append((i, "", f"cannot add a {type(record).__name__} to a dossier"))
            elif isinstance(record, Link):
                key = (record.kind, record.claim, record.target)
                if key in self._links or key in new_links:
                    found.append((i, "", "the same link is already in the dossier"))
                new_links[key] = i
            elif record.id in existing[kind] or record.id in new[kind]:
                found.append((i, ".id", f"{kind} id {record.id!r} is already taken"))
            else:
                new[kind][record.id] = i

        def known(kind: str, id: str) -> bool:
            return id in existing[kind] or id in new[kind]

        def need(i: int, where: str, kind: str, id: str | None) -> None:
            if id is not None and not known(kind, id):
                found.append((i, where, f"{id!r} is not a known {kind}"))

        for i, record in enumerate(batch):
            if isinstance(record, Actor):
                need(i, ".part_of", "actor", record.part_of)
                for j, aff in enumerate(record.affiliations):
                    need(i, f".affiliations[{j}].actor", "actor", aff.actor)
            elif isinstance(record, Source):
                need(i, ".publisher", "actor", record.publisher)
            elif isinstance(record, Claim):
                self._check_claim(i, record, need)
            elif isinstance(record, Link):
                need(i, ".claim", "claim", record.claim)
                need(i, ".target", "claim", record.target)
        if not found:
            found.extend(self._check_cycles_and_ends(batch))
        return found

    @staticmethod
    def _check_claim(i: int, claim: Claim, need: _Need) -> None:
        need(i, ".claimant", "actor", claim.claimant)
        prop = claim.proposition
        for where, term in (
            (".proposition.subject", prop.subject),
            (".proposition.object", prop.object),
        ):
            if isinstance(term, ActorRef):
                need(i, where + ".id", "actor", term.id)
            elif isinstance(term, EventRef):
                need(i, where + ".id", "event", term.id)
        for j, quote in enumerate(claim.quotes):
            need(i, f".quotes[{j}].source", "source", quote.source)
        for j, hop in enumerate(claim.chain):
            need(i, f".chain[{j}].reporter", "actor", hop.reporter)
            need(i, f".chain[{j}].source", "source", hop.source)
            if hop.quote is not None:
                need(i, f".chain[{j}].quote.source", "source", hop.quote.source)

    def _check_cycles_and_ends(self, batch: list[Record]) -> list[_Found]:
        found: list[_Found] = []
        batch_actors = {r.id: r for r in batch if isinstance(r, Actor)}
        batch_claims = {r.id: r for r in batch if isinstance(r, Claim)}

        def actor(id: str) -> Actor:
            return batch_actors.get(id) or self._actors[id]

        def claim(id: str) -> Claim:
            return batch_claims.get(id) or self._claims[id]

        # part_of must not loop back.
        for i, record in enumerate(batch):
            if isinstance(record, Actor) and record.part_of is not None:
                seen = {record.id}
                up: str | None = record.part_of
                while up is not None and up not in seen:
                    seen.add(up)
                    up = actor(up).part_of
                if up is not None:
                    found.append((i, ".part_of", f"part_of makes a cycle through {up!r}"))

        # Supersession and retraction: same claimant, and no cycles.
        ends: defaultdict[str, set[str]] = defaultdict(set)
        for link in self._links.values():
            if link.kind in _ENDS:
                ends[link.claim].add(link.target)
        for i, record in enumerate(batch):
            if not isinstance(record, Link) or record.kind not in _ENDS:
                continue
            newer, older = claim(record.claim), claim(record.target)
            if newer.claimant != older.claimant:
                found.append(
                    (
                        i,
                        "",
                        f"only a claim of the same claimant can {record.kind.value[:-1]} "
                        f"a claim: {newer.id!r} is by {newer.claimant!r}, "
                        f"{older.id!r} by {older.claimant!r}",
                    )
                )
            ends[record.claim].add(record.target)
        for i, record in enumerate(batch):
            if (
                isinstance(record, Link)
                and record.kind in _ENDS
                and _reaches(ends, record.target, record.claim)
            ):
                found.append(
                    (
                        i,
                        "",
                        f"{record.claim!r} {record.kind.value} {record.target!r} "
                        "would make a supersession/retraction cycle",
                    )
                )
        return found


def _reaches(graph: Mapping[str, set[str]], start: str, goal: str) -> bool:
    stack, seen = [start], {start}
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def _label(record: object) -> str:
    kind = _KIND_OF.get(type(record))
    if isinstance(record, Link):
        return f"link {record.claim!r} {record.kind.value} {record.target!r}"
    if kind is None:
        return type(record).__name__
    return f"{kind} {getattr(record, 'id', '?')!r}"


def _get(table: Mapping[str, T], kind: str, id: str) -> T:
    try:
        return table[id]
    except KeyError:
        raise UnknownIdError(kind, id) from None
