"""Whole dossiers with consistent references (public through `claims.strategies`)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from .._model import (
    Actor,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    Proposition,
    Source,
    Subject,
    Text,
    Value,
)
from ..dossier import Dossier
from .basics import (
    BOOLEANS,
    DATETIMES,
    IDS,
    MAYBE_TEXT,
    MAYBE_TIME,
    MAYBE_WHEN,
    TEXT,
    index,
    maybe,
    pick,
)
from .records import (
    ACTOR_KINDS,
    ALIASES,
    CUES,
    IDENTIFIER_LISTS,
    LINK_KINDS,
    MAYBE_ASSESSMENT,
    OTHER_VALUES,
    PREDICATES,
    QUALIFIERS,
    SHA256S,
    SHORT_CUES,
    STANCES,
    URLS,
    draw_affiliation,
    draw_quote,
    draw_review,
    maybe_pick,
)

__all__ = ["dossiers"]


def _count(draw: st.DrawFn, max_size: int) -> int:
    """How many items of a list to draw, shrinking towards none."""
    return draw(st.integers(0, max_size)) if max_size > 0 else 0


def _draw_subject(
    draw: st.DrawFn, actor_ids: Sequence[str], event_ids: Sequence[str], *, extra: int = 0
) -> Subject | int:
    """Text, an actor or (if there are events) an event; or one of `extra` more options.

    Returns the subject, or the number (0 to `extra` - 1) of the extra option drawn.
    """
    options = 2 + bool(event_ids)
    choice = index(draw, options + extra)
    if choice == 0:
        return Text(draw(TEXT))
    if choice == 1:
        return ActorRef(pick(draw, actor_ids))
    if choice == 2 and event_ids:
        return EventRef(pick(draw, event_ids))
    return choice - options


def _draw_proposition(
    draw: st.DrawFn, actor_ids: Sequence[str], event_ids: Sequence[str]
) -> Proposition:
    subject = _draw_subject(draw, actor_ids, event_ids)
    assert not isinstance(subject, int)
    predicate = draw(PREDICATES)
    drawn = _draw_subject(draw, actor_ids, event_ids, extra=len(OTHER_VALUES))
    value: Value = draw(OTHER_VALUES[drawn]) if isinstance(drawn, int) else drawn
    return Proposition(
        subject=subject,
        predicate=predicate,
        object=value,
        when=draw(MAYBE_TIME),
        where=draw(MAYBE_TEXT),
        qualifiers=draw(QUALIFIERS),
    )


def _draw_hop(draw: st.DrawFn, actor_ids: Sequence[str], source_ids: Sequence[str]) -> Hop:
    reporter = pick(draw, actor_ids)
    if not source_ids:
        return Hop(reporter=reporter, cue=draw(SHORT_CUES))
    cue = draw(CUES)
    source = maybe_pick(draw, source_ids)
    quote = None
    if draw(BOOLEANS):
        quote = draw_quote(draw, source if source is not None else pick(draw, source_ids))
    return Hop(reporter=reporter, cue=cue, source=source, quote=quote)


def _draw_actor(draw: st.DrawFn, actor_ids: Sequence[str], i: int) -> Actor:
    aid = actor_ids[i]
    others = [a for a in actor_ids if a != aid]
    part_of = maybe_pick(draw, actor_ids[:i])
    affiliations = (
        [draw_affiliation(draw, pick(draw, others)) for _ in range(_count(draw, 2))]
        if others
        else []
    )
    return Actor(
        id=aid,
        name=draw(TEXT),
        kind=draw(ACTOR_KINDS),
        aliases=draw(ALIASES),
        part_of=part_of,
        affiliations=affiliations,
        identifiers=draw(IDENTIFIER_LISTS),
    )


def _draw_source(draw: st.DrawFn, sid: str, actor_ids: Sequence[str]) -> Source:
    return Source(
        id=sid,
        title=draw(TEXT),
        publisher=maybe_pick(draw, actor_ids),
        url=draw(maybe(URLS)),
        published=draw(MAYBE_WHEN),
        retrieved=draw(maybe(DATETIMES)),
        sha256=draw(maybe(SHA256S)),
        identifiers=draw(IDENTIFIER_LISTS),
    )


def _draw_claim(
    draw: st.DrawFn,
    cid: str,
    actor_ids: Sequence[str],
    source_ids: Sequence[str],
    event_ids: Sequence[str],
    max_also: int = 0,
) -> Claim:
    claimant = pick(draw, actor_ids)
    stance = draw(STANCES)
    # A silence may be on a topic in words alone, with no proposition.
    topic = draw(MAYBE_TEXT) if stance.is_silence else None
    reason = draw(MAYBE_TEXT) if topic is not None else None
    alone = topic is not None and draw(BOOLEANS)
    others = [a for a in actor_ids if a != claimant]
    also = (
        draw(st.lists(st.sampled_from(others), max_size=max_also, unique=True))
        if max_also > 0 and others
        else []
    )
    return Claim(
        id=cid,
        claimant=claimant,
        proposition=None if alone else _draw_proposition(draw, actor_ids, event_ids),
        stance=stance,
        topic=topic,
        reason=reason,
        also=also,
        quotes=[draw_quote(draw, pick(draw, source_ids)) for _ in range(_count(draw, 2))]
        if source_ids
        else (),
        chain=[_draw_hop(draw, actor_ids, source_ids) for _ in range(_count(draw, 3))],
        made=draw(MAYBE_TIME),
        assessment=draw(MAYBE_ASSESSMENT),
        note=draw(MAYBE_TEXT),
    )


@st.composite
def dossiers(
    draw: st.DrawFn,
    max_actors: int = 6,
    max_sources: int = 4,
    max_events: int = 3,
    max_claims: int = 8,
    max_links: int = 6,
    max_reviews: int = 3,
    max_also: int = 1,
) -> Dossier:
    """Referentially consistent dossiers, some with fact-checkers' reviews.

    Every claimant, reporter, publisher, quoted source and referenced event
    exists; parts form a tree; supersession and retraction link newer claims
    to older ones of the same claimant, so they never loop. Reviews name a
    claim, an actor and sources of the dossier; ``max_reviews=0`` draws none.
    Silences may be on a topic in words, some with no proposition. Joint
    statements (further claimants, `Claim.also`) have up to `max_also`
    further claimants (one by default; ``max_also=0`` draws none).
    """
    actor_ids = draw(st.lists(IDS, min_size=1, max_size=max_actors, unique=True))
    actor_list = [_draw_actor(draw, actor_ids, i) for i in range(len(actor_ids))]
    source_ids = draw(st.lists(IDS, max_size=max_sources, unique=True))
    source_list = [_draw_source(draw, sid, actor_ids) for sid in source_ids]
    event_ids = draw(st.lists(IDS, max_size=max_events, unique=True))
    event_list = [
        Event(id=eid, description=draw(TEXT), when=draw(MAYBE_TIME), where=draw(MAYBE_TEXT))
        for eid in event_ids
    ]

    claim_ids = draw(st.lists(IDS, max_size=max_claims, unique=True))
    claim_list = [
        _draw_claim(draw, cid, actor_ids, source_ids, event_ids, max_also) for cid in claim_ids
    ]
    link_list: dict[tuple[LinkKind, str, str], Link] = {}
    if len(claim_list) > 1:
        pairs = st.lists(st.integers(0, len(claim_list) - 1), min_size=2, max_size=2, unique=True)
        for _ in range(draw(st.integers(0, max_links))):
            newer, older = sorted(draw(pairs), reverse=True)
            kind = draw(LINK_KINDS)
            a, b = claim_list[newer], claim_list[older]
            if kind in (LinkKind.SUPERSEDES, LinkKind.RETRACTS) and a.claimant != b.claimant:
                continue
            link_list[(kind, a.id, b.id)] = Link(
                kind=kind, claim=a.id, target=b.id, note=draw(MAYBE_TEXT)
            )
    review_list = []
    if claim_list and max_reviews > 0:
        review_ids = draw(st.lists(IDS, max_size=max_reviews, unique=True))
        review_list = [
            draw_review(draw, rid, pick(draw, claim_ids), pick(draw, actor_ids), source_ids)
            for rid in review_ids
        ]
    return Dossier(
        [
            *actor_list,
            *source_list,
            *event_list,
            *claim_list,
            *link_list.values(),
            *review_list,
        ]
    )
