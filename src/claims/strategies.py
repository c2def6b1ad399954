"""Hypothesis strategies for every `claims` record, and whole dossiers.

Install with ``pip install claims[hypothesis]``. The strategies are also
registered with Hypothesis, so ``st.from_type(claims.Claim)`` works.

>>> from hypothesis import given
>>> import claims
>>> @given(dossiers())
... def test_round_trip(dossier):
...     assert claims.loads(claims.dumps(dossier)) == dossier
>>> test_round_trip()
"""

from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from hypothesis import strategies as st

from ._model import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    Assessment,
    Claim,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    NoValue,
    Precision,
    Proposition,
    Qualifier,
    Quantity,
    Quote,
    Source,
    Stance,
    Subject,
    Text,
    Unknown,
    Value,
    When,
)
from ._model._validators import MAX_SAFE_INT
from .confidence import AnalyticConfidence, Credibility, Likelihood, Reliability
from .dossier import Dossier

__all__ = [
    "actors",
    "assessments",
    "aware_datetimes",
    "claims",
    "dossiers",
    "events",
    "hops",
    "ids",
    "links",
    "propositions",
    "quantities",
    "quotes",
    "sources",
    "subjects",
    "texts",
    "timezones",
    "values",
    "whens",
]

_ID_ALPHABET = string.ascii_lowercase + string.digits + "-_."


def ids() -> st.SearchStrategy[str]:
    """Record ids: short, non-empty."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=10)


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text, any Unicode (no lone surrogates)."""
    return st.text(min_size=1, max_size=max_size).filter(str.strip)


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def timezones() -> st.SearchStrategy[tzinfo]:
    """Fixed UTC offsets in whole minutes, -12:00 to +14:00."""
    return st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes between 1900 and 2100."""
    return st.datetimes(
        min_value=datetime(1900, 1, 2),
        max_value=datetime(2099, 12, 30),
        timezones=timezones(),
    )


def whens() -> st.SearchStrategy[When]:
    """Times of every precision, truncated so they claim no more than they know."""
    return st.builds(When.of, aware_datetimes(), st.sampled_from(Precision))


def _numbers() -> st.SearchStrategy[int | float]:
    return st.integers(-MAX_SAFE_INT, MAX_SAFE_INT) | st.floats(
        allow_nan=False, allow_infinity=False
    )


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Exact, bounded, half-open and approximate quantities."""
    bounds = sorted(draw(st.lists(_numbers(), min_size=0, max_size=2)))
    lower = upper = None
    if len(bounds) == 2:
        lower, upper = bounds
    elif bounds:
        if draw(st.booleans()):
            lower = bounds[0]
        else:
            upper = bounds[0]
    lower_open = lower is not None and draw(st.booleans())
    upper_open = upper is not None and draw(st.booleans())
    if lower is not None and lower == upper:
        lower_open = upper_open = False
    value = None
    if not bounds or draw(st.booleans()):
        candidates = [b for b in bounds if b is not None]
        value = draw(_numbers()) if not candidates else draw(st.sampled_from(candidates))
        probe = (
            Quantity(lower=lower, upper=upper, lower_open=lower_open, upper_open=upper_open)
            if bounds
            else None
        )
        if probe is not None and not probe.contains(value):
            value = None
    return Quantity(
        value=value,
        lower=lower,
        upper=upper,
        lower_open=lower_open,
        upper_open=upper_open,
        unit=draw(_maybe(texts(20))),
        approximate=draw(st.booleans()),
    )


def subjects(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Subject]:
    """What a proposition is about: an actor, an event or text."""
    options: list[st.SearchStrategy[Any]] = [st.builds(Text, texts())]
    if actor_ids is not None:
        options.append(st.builds(ActorRef, actor_ids))
    if event_ids is not None:
        options.append(st.builds(EventRef, event_ids))
    return st.one_of(options)


def values(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Value]:
    """A proposition's object: known, unknown or none."""
    return st.one_of(
        subjects(actor_ids, event_ids),
        quantities(),
        st.builds(Unknown, _maybe(texts())),
        st.builds(NoValue, _maybe(texts())),
    )


def propositions(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Proposition]:
    """Propositions whose actor and event references come from the given ids."""
    return st.builds(
        Proposition,
        subject=subjects(actor_ids, event_ids),
        predicate=st.sampled_from(["responsible_for", "killed", "wounded", "targeted"]) | texts(15),
        object=values(actor_ids, event_ids),
        when=_maybe(whens()),
        where=_maybe(texts()),
        qualifiers=st.lists(st.builds(Qualifier, texts(10), texts()), max_size=2),
    )


@st.composite
def quotes(draw: st.DrawFn, source_ids: st.SearchStrategy[str] | None = None) -> Quote:
    """Quotes whose offsets span their exact text."""
    exact = draw(texts())
    start = draw(st.integers(0, 10**6))
    return Quote(
        source=draw(source_ids if source_ids is not None else ids()),
        exact=exact,
        start=start,
        end=start + len(exact),
        prefix=draw(st.text(max_size=10)),
        suffix=draw(st.text(max_size=10)),
    )


@st.composite
def hops(
    draw: st.DrawFn,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Hop:
    """One relay of a reporting chain."""
    source = draw(_maybe(source_ids if source_ids is not None else ids()))
    quote = draw(_maybe(quotes(st.just(source) if source is not None else source_ids)))
    return Hop(
        reporter=draw(actor_ids if actor_ids is not None else ids()),
        cue=draw(
            st.sampled_from(
                [
                    "reported",
                    "said in a statement",
                    "according to",
                    "told",
                    "published footage",
                ]
            )
            | texts(20)
        ),
        source=source,
        quote=quote,
    )


def assessments() -> st.SearchStrategy[Assessment]:
    """Assessments with any mix of the four dimensions."""
    return st.builds(
        Assessment,
        reliability=_maybe(st.sampled_from(Reliability)),
        credibility=_maybe(st.sampled_from(Credibility)),
        likelihood=_maybe(st.sampled_from(Likelihood)),
        confidence=_maybe(st.sampled_from(AnalyticConfidence)),
        probability=_maybe(st.floats(0, 1)),
        rationale=_maybe(texts()),
        assessor=_maybe(texts(20)),
        assessed_at=_maybe(aware_datetimes()),
    )


@st.composite
def actors(
    draw: st.DrawFn,
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> Actor:
    """Actors; `actor_ids` supplies the ids they may be part of or affiliated with."""
    id_ = draw(ids_ if ids_ is not None else ids())
    others = (actor_ids if actor_ids is not None else ids()).filter(lambda a: a != id_)
    return Actor(
        id=id_,
        name=draw(texts()),
        kind=draw(st.sampled_from(ActorKind)),
        aliases=draw(st.lists(texts(20), max_size=2)),
        part_of=draw(_maybe(others)),
        affiliations=draw(st.lists(st.builds(Affiliation, others, _maybe(texts(20))), max_size=2)),
    )


def sources(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources, published by one of `actor_ids`."""
    return st.builds(
        Source,
        id=ids_ if ids_ is not None else ids(),
        title=texts(),
        publisher=_maybe(actor_ids if actor_ids is not None else ids()),
        url=_maybe(st.builds("https://example.org/{}".format, ids())),
        published=_maybe(whens()),
        retrieved=_maybe(aware_datetimes()),
        sha256=_maybe(st.binary(min_size=32, max_size=32).map(bytes.hex)),
    )


def events(ids_: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Event]:
    """Events."""
    return st.builds(
        Event,
        id=ids_ if ids_ is not None else ids(),
        description=texts(),
        when=_maybe(whens()),
        where=_maybe(texts()),
    )


def claims(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims whose references are drawn from the given id strategies."""
    a_ids = actor_ids if actor_ids is not None else ids()
    return st.builds(
        Claim,
        id=ids_ if ids_ is not None else ids(),
        claimant=a_ids,
        proposition=propositions(a_ids, event_ids if event_ids is not None else ids()),
        stance=st.sampled_from(Stance),
        quotes=st.lists(quotes(source_ids), max_size=2),
        chain=st.lists(hops(a_ids, source_ids), max_size=3),
        made=_maybe(whens()),
        assessment=_maybe(assessments()),
        note=_maybe(texts()),
    )


@st.composite
def links(draw: st.DrawFn, claim_ids: st.SearchStrategy[str] | None = None) -> Link:
    """Links between two different claims."""
    c_ids = claim_ids if claim_ids is not None else ids()
    claim = draw(c_ids)
    target = draw(c_ids.filter(lambda c: c != claim))
    return Link(draw(st.sampled_from(LinkKind)), claim, target, draw(_maybe(texts())))


@st.composite
def dossiers(
    draw: st.DrawFn,
    max_actors: int = 6,
    max_sources: int = 4,
    max_events: int = 3,
    max_claims: int = 8,
    max_links: int = 6,
) -> Dossier:
    """Referentially consistent dossiers.

    Every claimant, reporter, publisher, quoted source and referenced event
    exists; parts form a tree; supersession and retraction link newer claims
    to older ones of the same claimant, so they never loop.
    """
    actor_ids = draw(st.lists(ids(), min_size=1, max_size=max_actors, unique=True))
    actor_list: list[Actor] = []
    for i, aid in enumerate(actor_ids):
        earlier = st.sampled_from(actor_ids[:i]) if i else None
        others = st.sampled_from([a for a in actor_ids if a != aid]) if len(actor_ids) > 1 else None
        actor_list.append(
            Actor(
                id=aid,
                name=draw(texts()),
                kind=draw(st.sampled_from(ActorKind)),
                aliases=draw(st.lists(texts(20), max_size=2)),
                part_of=draw(_maybe(earlier)) if earlier is not None else None,
                affiliations=draw(
                    st.lists(st.builds(Affiliation, others, _maybe(texts(20))), max_size=2)
                )
                if others is not None
                else (),
            )
        )
    a_ids = st.sampled_from(actor_ids)
    source_ids = draw(st.lists(ids(), max_size=max_sources, unique=True))
    s_ids = st.sampled_from(source_ids) if source_ids else None
    source_list = [draw(sources(st.just(sid), a_ids)) for sid in source_ids]
    event_ids = draw(st.lists(ids(), max_size=max_events, unique=True))
    e_ids = st.sampled_from(event_ids) if event_ids else None
    event_list = [draw(events(st.just(eid))) for eid in event_ids]

    claim_ids = draw(st.lists(ids(), max_size=max_claims, unique=True))
    claim_list = []
    for cid in claim_ids:
        claim_list.append(
            Claim(
                id=cid,
                claimant=draw(a_ids),
                proposition=draw(propositions(a_ids, e_ids)),
                stance=draw(st.sampled_from(Stance)),
                quotes=draw(st.lists(quotes(s_ids), max_size=2)) if s_ids is not None else (),
                chain=draw(st.lists(_hop_in(a_ids, s_ids), max_size=3)),
                made=draw(_maybe(whens())),
                assessment=draw(_maybe(assessments())),
                note=draw(_maybe(texts())),
            )
        )
    link_list: dict[tuple[LinkKind, str, str], Link] = {}
    if len(claim_list) > 1:
        for _ in range(draw(st.integers(0, max_links))):
            newer, older = sorted(
                draw(
                    st.lists(
                        st.integers(0, len(claim_list) - 1),
                        min_size=2,
                        max_size=2,
                        unique=True,
                    )
                ),
                reverse=True,
            )
            kind = draw(st.sampled_from(LinkKind))
            a, b = claim_list[newer], claim_list[older]
            if kind in (LinkKind.SUPERSEDES, LinkKind.RETRACTS) and a.claimant != b.claimant:
                continue
            link_list[(kind, a.id, b.id)] = Link(kind, a.id, b.id, draw(_maybe(texts())))
    return Dossier([*actor_list, *source_list, *event_list, *claim_list, *link_list.values()])


def _hop_in(
    a_ids: st.SearchStrategy[str], s_ids: st.SearchStrategy[str] | None
) -> st.SearchStrategy[Hop]:
    if s_ids is None:
        return st.builds(Hop, a_ids, st.sampled_from(["reported", "according to"]) | texts(20))
    return hops(a_ids, s_ids)
