"""The dossier: the one mutable collection, and the keeper of integrity.

The analyst's questions are functions over a dossier in `claims.analysis`;
the dossier imports nothing from them. Its read API (the lookups, the
indexes, `Dossier.version`, `Dossier.positions`, `Dossier.statements`) is
what they read.

Its records and indexes are kept by `claims._dossier_index` (one place
that inserts and removes them); the names are indexed as `name_key` makes
them. The integrity rules it keeps are also here, to be shared with anything else
holding records: `references` (the ids a record refers to), `KINDS` and
`label` (what kind of record, and how errors name it), `status_of` (a
retraction outweighs a supersession) and the `Records` protocol the batch
check reads.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Concatenate, ParamSpec, TypeVar

from ._display import Displayed
from ._dossier_index import Record, Tables, name_key
from ._integrity import KINDS, Records, check, label, references, status_of
from ._model import (
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    Review,
    Source,
    Stance,
    Status,
    Subject,
    Value,
)
from ._words import plural
from .exceptions import ClaimsError, IntegrityError, NameLookupError, Problem, UnknownIdError
from .vocabulary import DEFAULT, Vocabulary

__all__ = [
    "KINDS",
    "Dossier",
    "Record",
    "Records",
    "deprecated_method",
    "install_tables",
    "label",
    "name_key",
    "references",
    "status_of",
]

Statements = Mapping[tuple[Subject, str], Mapping[tuple[Value, Stance], Sequence[str]]]
"""Claim ids by what they say: (subject, predicate) -> (object, stance) -> ids."""

T = TypeVar("T")
P = ParamSpec("P")


class Dossier(Displayed):
    """Actors, sources, events, claims, the links between claims, and reviews.

    The dossier is the one mutable thing: `add` and `extend` check
    referential integrity and either add everything or change nothing.
    Lookups by claimant, subject and predicate use indexes kept up to date
    on every add. The analyst's questions are functions of
    `claims.analysis` that take a dossier (``contradictions(d)``).

    Args:
        records: Records to add at once, as with `extend`.
        vocabulary: The predicates and units its claims are compared
            through; `claims.vocabulary.DEFAULT` when not given.

    >>> from claims import Actor, ActorKind, Claim, Proposition, ActorRef, Text
    >>> d = Dossier([Actor("reuters", "Reuters", kind=ActorKind.NEWS_AGENCY)])
    >>> d.add(Claim("c1", "nobody", Proposition(ActorRef("reuters"), "is", Text("x"))))
    Traceback (most recent call last):
    ...
    claims.exceptions.IntegrityError: the records were not added (1 problem):
      claim 'c1'.claimant: 'nobody' is not a known actor
    >>> len(d.claims)
    0
    """

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(
        self, records: Iterable[Record] = (), *, vocabulary: Vocabulary | None = None
    ) -> None:
        self._vocabulary = vocabulary
        tables = self._tables = Tables()
        # The same dictionaries, read here directly; only `Tables` changes them.
        self._actors = tables.actors
        self._sources = tables.sources
        self._events = tables.events
        self._claims = tables.claims
        self._positions = tables.positions
        self._links = tables.links
        self._reviews = tables.reviews
        self._reviews_of = tables.reviews_of
        self._parts = tables.parts
        self._by_name = tables.by_name
        self._by_claimant = tables.by_claimant
        self._by_subject = tables.by_subject
        self._by_predicate = tables.by_predicate
        self._statements = tables.statements
        self._links_from = tables.links_from
        self._links_to = tables.links_to
        self._version = 0
        self.extend(records)

    # ------------------------------------------------------------------
    # Contents

    @property
    def vocabulary(self) -> Vocabulary:
        """The vocabulary the analysis compares claims through.

        The dossier's own when it has one (`own_vocabulary`), otherwise
        `claims.vocabulary.DEFAULT`. Setting it changes the dossier's
        `version`, so answers made before are not reused.
        """
        return DEFAULT if self._vocabulary is None else self._vocabulary

    @vocabulary.setter
    def vocabulary(self, vocabulary: Vocabulary | None) -> None:
        if vocabulary is not None and not isinstance(vocabulary, Vocabulary):
            raise TypeError(f"a vocabulary must be a Vocabulary, not {type(vocabulary).__name__}")
        self._vocabulary = vocabulary
        self._version += 1

    @property
    def own_vocabulary(self) -> Vocabulary | None:
        """The vocabulary the dossier carries (and is saved with), or ``None``."""
        return self._vocabulary

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

    @property
    def reviews(self) -> Mapping[str, Review]:
        """Fact-checkers' reviews of claims by id, in the order they were added (read-only)."""
        return MappingProxyType(self._reviews)

    def records(self) -> Iterator[Record]:
        """Every record: actors, sources, events, claims, links, then reviews."""
        yield from self._actors.values()
        yield from self._sources.values()
        yield from self._events.values()
        yield from self._claims.values()
        yield from self._links.values()
        yield from self._reviews.values()

    def __len__(self) -> int:
        return (
            len(self._actors)
            + len(self._sources)
            + len(self._events)
            + len(self._claims)
            + len(self._links)
            + len(self._reviews)
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
            and self._reviews == other._reviews
            and self._vocabulary == other._vocabulary
        )

    def __repr__(self) -> str:
        kinds = [
            (len(self._actors), "actor"),
            (len(self._sources), "source"),
            (len(self._events), "event"),
            (len(self._claims), "claim"),
            (len(self._links), "link"),
        ]
        if self._reviews:
            kinds.append((len(self._reviews), "review"))
        return f"<Dossier: {', '.join(plural(n, word) for n, word in kinds)}>"

    # ------------------------------------------------------------------
    # Lookups

    def actor(self, id: str) -> Actor:
        """The actor with `id`.

        Raises:
            UnknownIdError: There is none.
        """
        return _get(self._actors, "actor", id)

    def find_actors(self, name: str) -> tuple[Actor, ...]:
        """Actors whose name, an alias or id is `name`, in the order they were added.

        Names are compared as `name_key` makes them: Unicode-normalised
        (NFKC), case-folded and with runs of spaces made one, so
        ``"REUTERS"``, ``" reuters "`` and ``"Ｒｅｕｔｅｒｓ"`` find Reuters.

        Returns:
            The actors, none if no actor has the name.

        >>> import claims
        >>> d = claims.load("seeds/baghdad-drone-strike.json")
        >>> d.find_actors("the associated press") == d.find_actors("ap") == (d.actor("ap"),)
        True
        >>> d.find_actors("Associated Press")
        ()
        """
        ids = self._by_name.get(name_key(name), ())
        return tuple(self._actors[i] for i in ids)

    def actor_named(self, name: str) -> Actor:
        """The one actor whose name, an alias or id is `name` (see `find_actors`).

        Raises:
            NameLookupError: No actor has the name, or several have it (the
                error lists their ids).

        >>> import claims
        >>> claims.load("seeds/baghdad-drone-strike.json").actor_named("hashd al-shaabi").name
        'Popular Mobilisation Forces'
        >>> claims.load("seeds/baghdad-drone-strike.json").actor_named("Hezbollah")
        Traceback (most recent call last):
        ...
        claims.exceptions.NameLookupError: no actor is named 'Hezbollah' (by name, alias or id)
        """
        found = self.find_actors(name)
        if len(found) != 1:
            raise NameLookupError("actor", name, tuple(a.id for a in found))
        return found[0]

    def source(self, id: str) -> Source:
        """The source with `id`; `UnknownIdError` if there is none."""
        return _get(self._sources, "source", id)

    def event(self, id: str) -> Event:
        """The event with `id`; `UnknownIdError` if there is none."""
        return _get(self._events, "event", id)

    def claim(self, id: str) -> Claim:
        """The claim with `id`; `UnknownIdError` if there is none."""
        return _get(self._claims, "claim", id)

    def review(self, id: str) -> Review:
        """The review with `id`; `UnknownIdError` if there is none."""
        return _get(self._reviews, "review", id)

    def reviews_of(self, claim_id: str) -> tuple[Review, ...]:
        """The reviews of the claim `claim_id`, in the order they were added."""
        return tuple(self._reviews[r] for r in self._reviews_of.get(claim_id, ()))

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
        """Claims whose claimant is `actor_id`, one of the claimants of a joint one included.

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
            found = list(dict.fromkeys(found))
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

        A retraction outweighs a supersession (see `claims.dossier.status_of`).

        Raises:
            UnknownIdError: There is no such claim.
        """
        self.claim(claim_id)
        return status_of(self._links_to.get(claim_id, ()))

    # ------------------------------------------------------------------
    # Tables

    def to_arrow(self) -> dict[str, Any]:
        """A `pyarrow.Table` per record kind, with the columns of the Parquet export.

        The same as `claims.views.to_arrow(dossier)`: the tables are made
        above the dossier, by the function `claims.views` installs with
        `install_tables` when it is imported (``import claims`` imports it),
        so the dossier imports neither the export nor pyarrow.

        Raises:
            ClaimsError: pyarrow is not installed.
        """
        return _table_view("arrow")(self)

    def to_pandas(self) -> dict[str, Any]:
        """A `pandas.DataFrame` per record kind, through `to_arrow`.

        Raises:
            ClaimsError: pyarrow or pandas is not installed.
        """
        return _table_view("pandas")(self)

    def to_polars(self) -> dict[str, Any]:
        """A `polars.DataFrame` per record kind, through `to_arrow`.

        Raises:
            ClaimsError: pyarrow or polars is not installed.
        """
        return _table_view("polars")(self)

    # ------------------------------------------------------------------
    # What the analysis reads

    @property
    def version(self) -> int:
        """A number that changes whenever records are added, and only then.

        Anything derived from a dossier (the indexes of `claims.analysis`)
        stays valid while the version is the same.
        """
        return self._version

    @property
    def positions(self) -> Mapping[str, int]:
        """Each claim's position in `claims` (0 for the first added), by id (read-only)."""
        return MappingProxyType(self._positions)

    def statements(self) -> Statements:
        """Claim ids by what they say, kept up to date on every add (read-only).

        (subject, predicate) -> (object, stance) -> ids of the claims saying
        it, in the order they were added. Each sequence of ids is the same
        object for the life of the dossier and only grows, so the analysis
        can tell groups apart by identity and take a group as it was at some
        time by its length then. Do not change what this returns.
        """
        return MappingProxyType(self._statements)

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

        Anything else raised part way, a `KeyboardInterrupt` included, also
        leaves the dossier exactly as it was, with the same `version`.
        """
        batch = list(records)
        found = check(self, batch)
        if found:
            raise IntegrityError([Problem(label(batch[i]) + sub, msg) for i, sub, msg in found])
        try:
            for record in batch:
                self._tables.insert(record)
            if batch:
                self._version += 1
        except BaseException:
            self._undo(batch)
            raise

    def _undo(self, batch: Sequence[Record]) -> None:
        """Take out what `Tables.insert` put in of `batch`, however far it went.

        Each step only removes what is there, so an undo cut short (a second
        Ctrl-C) is simply run again.
        """
        for _ in range(_UNDO_ATTEMPTS):
            try:
                for record in reversed(batch):
                    self._tables.remove(record)
            except BaseException:  # noqa: BLE001 - interrupted: undo the rest again
                continue
            return


TableView = Callable[[Dossier], dict[str, Any]]
"""A function making a dossier's tables: Arrow tables or data frames by name."""

_table_views: dict[str, TableView] = {}


def install_tables(*, arrow: TableView, pandas: TableView, polars: TableView) -> None:
    """Install the functions behind `Dossier.to_arrow`, `to_pandas` and `to_polars`.

    The hook by which `claims.views` gives the dossier its table methods
    without the dossier importing it (the tables are the Parquet export's,
    which sits above the dossier).

    Args:
        arrow: Makes the Arrow tables.
        pandas: Makes the pandas data frames.
        polars: Makes the Polars data frames.
    """
    _table_views.update(arrow=arrow, pandas=pandas, polars=polars)


def _table_view(kind: str) -> TableView:
    try:
        return _table_views[kind]
    except KeyError:
        raise ClaimsError("the tables need claims.views: import claims.views") from None


_UNDO_ATTEMPTS = 5
"""How often `Dossier._undo` starts again when it is itself interrupted."""


def _get(table: Mapping[str, T], kind: str, id: str) -> T:
    try:
        return table[id]
    except KeyError:
        raise UnknownIdError(kind, id) from None


def deprecated_method(
    function: Callable[Concatenate[Dossier, P], T], *, name: str, replacement: str
) -> None:
    """Make `Dossier.<name>` a deprecated method calling `function`.

    The hook by which `claims.analysis` keeps the dossier's old question
    methods (``d.contradictions()``) working without the dossier importing
    it: each method is made from its function, takes the function's own
    parameters after the dossier (so the two cannot drift), and warns with a
    `DeprecationWarning` naming the function to call instead.

    Args:
        function: The function, taking the dossier first.
        name: The method's name.
        replacement: The function as users should call it, e.g.
            ``"claims.analysis.contradictions"``.
    """
    signature = inspect.signature(function)
    first, *rest = signature.parameters.values()
    message = f"Dossier.{name}() is deprecated; call {replacement}(dossier, ...) instead"

    @functools.wraps(function)
    def method(self: Dossier, /, *args: Any, **kwargs: Any) -> T:
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return function(self, *args, **kwargs)

    del method.__wrapped__  # the signature is the function's, with `self` first
    method.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[first.replace(name="self", annotation=inspect.Parameter.empty), *rest]
    )
    method.__module__ = Dossier.__module__
    method.__name__ = name
    method.__qualname__ = f"Dossier.{name}"
    method.__doc__ = f"Deprecated: call `{replacement}` with the dossier first."
    setattr(Dossier, name, method)
