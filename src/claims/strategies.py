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
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from hypothesis import strategies as st

from ._model import SCHEMES as _SCHEMES
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
    Identifier,
    Link,
    LinkKind,
    NoValue,
    Precision,
    Proposition,
    Qualifier,
    Quantity,
    Quote,
    Review,
    Source,
    Stance,
    Subject,
    Text,
    Unknown,
    Value,
    When,
)
from ._model._validators import MAX_SAFE_INT, MAX_YEAR, MIN_YEAR
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
    "identifiers",
    "ids",
    "links",
    "propositions",
    "quantities",
    "quotes",
    "reviews",
    "sources",
    "subjects",
    "texts",
    "timezones",
    "urls",
    "values",
    "whens",
]

# Every strategy that does not depend on the ids of a particular dossier is
# built once, here or on first use, and reused: building strategies is far
# slower than drawing from them. `dossiers` draws its references as indexes
# into the ids it has drawn, with no strategy built per draw.

_BOOLEANS = st.booleans()
_ONE_IN_EIGHT = st.integers(0, 7)


def _now_and_then(
    usual: st.SearchStrategy[Any], edge: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """`usual`, and one time in eight `edge` (shrinking towards `usual`)."""

    @st.composite
    def draw_one(draw: st.DrawFn) -> Any:
        return draw(edge if draw(_ONE_IN_EIGHT) == 7 else usual)

    return draw_one()


_ID_ALPHABET = string.ascii_lowercase + string.digits + "-_."
# Ids as people and other tools write them: separators, spaces, markup,
# controls, right-to-left marks, characters outside the BMP.
_ODD_CHARACTERS = " \x00\x1f\x1b\t:/#<>&\"'`~%{}[]|\\\u202e\u00e9\u0642\U0001f600"
_ODD_IDS = st.text(
    st.sampled_from(_ODD_CHARACTERS) | st.characters(codec="utf-8"),
    min_size=1,
    max_size=12,
).filter(str.strip)
_IDS = _now_and_then(st.text(_ID_ALPHABET, min_size=1, max_size=10), _ODD_IDS)
_TEXTS: dict[int, st.SearchStrategy[str]] = {}


def ids() -> st.SearchStrategy[str]:
    """Record ids: short, non-empty; now and then odd ones (spaces, controls, markup)."""
    return _IDS


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty text, any Unicode (no lone surrogates)."""
    found = _TEXTS.get(max_size)
    if found is None:
        found = _TEXTS[max_size] = st.text(min_size=1, max_size=max_size).filter(str.strip)
    return found


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


_TIMEZONES = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
_ANY_OFFSET = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
_DATETIMES = _now_and_then(
    st.datetimes(
        min_value=datetime(1900, 1, 2),
        max_value=datetime(2099, 12, 30),
        timezones=_TIMEZONES,
    ),
    st.datetimes(
        min_value=datetime(MIN_YEAR, 1, 1),
        max_value=datetime(MIN_YEAR, 1, 2),
        timezones=_ANY_OFFSET,
    )
    | st.datetimes(
        min_value=datetime(MAX_YEAR, 12, 30),
        max_value=datetime(MAX_YEAR, 12, 31, 23, 59, 59, 999999),
        timezones=_ANY_OFFSET,
    ),
)
_WHENS = st.builds(When.of, _DATETIMES, st.sampled_from(Precision))
_NUMBERS = st.integers(-MAX_SAFE_INT, MAX_SAFE_INT) | st.floats(
    allow_nan=False, allow_infinity=False
)
_BOUNDS = st.lists(_NUMBERS, min_size=0, max_size=2)


def timezones() -> st.SearchStrategy[tzinfo]:
    """Fixed UTC offsets in whole minutes, -12:00 to +14:00."""
    return _TIMEZONES


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes, mostly between 1900 and 2100.

    One in eight lies at an edge of the years a time may have (the first days
    of year 2, the last of year 9998), with any offset up to +/-23:59.
    """
    return _DATETIMES


def whens() -> st.SearchStrategy[When]:
    """Times of every precision, truncated so they claim no more than they know."""
    return _WHENS


def _index(draw: st.DrawFn, size: int) -> int:
    """An index below `size` (at least 1), shrinking towards 0."""
    return draw(st.integers(0, size - 1)) if size > 1 else 0


def _pick(draw: st.DrawFn, choices: Sequence[str]) -> str:
    return choices[_index(draw, len(choices))]


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    """Exact, bounded, half-open and approximate quantities."""
    bounds = sorted(draw(_BOUNDS))
    lower = upper = None
    if len(bounds) == 2:
        lower, upper = bounds
    elif bounds:
        if draw(_BOOLEANS):
            lower = bounds[0]
        else:
            upper = bounds[0]
    lower_open = lower is not None and draw(_BOOLEANS)
    upper_open = upper is not None and draw(_BOOLEANS)
    if lower is not None and lower == upper:
        lower_open = upper_open = False
    value = None
    if not bounds or draw(_BOOLEANS):
        value = draw(_NUMBERS) if not bounds else bounds[_index(draw, len(bounds))]
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
        unit=draw(_MAYBE_TEXT_20),
        approximate=draw(_BOOLEANS),
    )


_TEXT = texts()
_MAYBE_TEXT = _maybe(_TEXT)
_MAYBE_TEXT_20 = _maybe(texts(20))
_MAYBE_WHEN = _maybe(_WHENS)
_QUANTITIES = quantities()
_UNKNOWNS = st.builds(Unknown, note=_MAYBE_TEXT)
_NO_VALUES = st.builds(NoValue, note=_MAYBE_TEXT)
_OTHER_VALUES: tuple[st.SearchStrategy[Value], ...] = (_QUANTITIES, _UNKNOWNS, _NO_VALUES)
_PREDICATES = st.sampled_from(["responsible_for", "killed", "wounded", "targeted"]) | texts(15)
_QUALIFIERS = st.lists(st.builds(Qualifier, name=texts(10), value=_TEXT), max_size=2)
_CUES = st.sampled_from(
    [
        "reported",
        "said in a statement",
        "according to",
        "told",
        "published footage",
    ]
) | texts(20)
_SHORT_CUES = st.sampled_from(["reported", "according to"]) | texts(20)
_AFFIX = st.text(max_size=10)
# Quote offsets: mostly small, now and then near the largest allowed (2**53),
# leaving room for the exact text (at most 40 characters).
_OFFSETS = _now_and_then(st.integers(0, 10**6), st.integers(MAX_SAFE_INT - 1000, MAX_SAFE_INT - 40))
_STANCES = st.sampled_from(Stance)
_LINK_KINDS = st.sampled_from(LinkKind)
_ACTOR_KINDS = st.sampled_from(ActorKind)
_ALIASES = st.lists(texts(20), max_size=2)


def subjects(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Subject]:
    """What a proposition is about: an actor, an event or text."""
    options: list[st.SearchStrategy[Any]] = [st.builds(Text, _TEXT)]
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
    return st.one_of(subjects(actor_ids, event_ids), _QUANTITIES, _UNKNOWNS, _NO_VALUES)


def propositions(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Proposition]:
    """Propositions whose actor and event references come from the given ids."""
    return st.builds(
        Proposition,
        subject=subjects(actor_ids, event_ids),
        predicate=_PREDICATES,
        object=values(actor_ids, event_ids),
        when=_MAYBE_WHEN,
        where=_MAYBE_TEXT,
        qualifiers=_QUALIFIERS,
    )


@st.composite
def quotes(draw: st.DrawFn, source_ids: st.SearchStrategy[str] | None = None) -> Quote:
    """Quotes whose offsets span their exact text."""
    return _draw_quote(draw, draw(source_ids if source_ids is not None else _IDS))


def _draw_quote(draw: st.DrawFn, source: str) -> Quote:
    exact = draw(_TEXT)
    start = draw(_OFFSETS)
    return Quote(
        source=source,
        exact=exact,
        start=start,
        end=start + len(exact),
        prefix=draw(_AFFIX),
        suffix=draw(_AFFIX),
    )


@st.composite
def hops(
    draw: st.DrawFn,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Hop:
    """One relay of a reporting chain."""
    s_ids = source_ids if source_ids is not None else _IDS
    source = draw(st.none() | s_ids)
    quote = None
    if draw(_BOOLEANS):
        quote = _draw_quote(draw, source if source is not None else draw(s_ids))
    return Hop(
        reporter=draw(actor_ids if actor_ids is not None else _IDS),
        cue=draw(_CUES),
        source=source,
        quote=quote,
    )


_ASSESSMENTS = st.builds(
    Assessment,
    reliability=_maybe(st.sampled_from(Reliability)),
    credibility=_maybe(st.sampled_from(Credibility)),
    likelihood=_maybe(st.sampled_from(Likelihood)),
    confidence=_maybe(st.sampled_from(AnalyticConfidence)),
    probability=_maybe(st.floats(0, 1)),
    rationale=_MAYBE_TEXT,
    assessor=_MAYBE_TEXT_20,
    assessed_at=_maybe(_DATETIMES),
)
_MAYBE_ASSESSMENT = _maybe(_ASSESSMENTS)


def assessments() -> st.SearchStrategy[Assessment]:
    """Assessments with any mix of the four dimensions."""
    return _ASSESSMENTS


_DIGIT_TEXT = st.text(string.digits, min_size=4, max_size=4)
_CHECK = st.sampled_from(string.digits + "X")
_CHECKED_SCHEMES = frozenset(scheme for scheme, _ in _SCHEMES)
_IDENTIFIERS = st.one_of(
    st.builds(Identifier, st.just("wikidata"), st.integers(1, 10**12).map("Q{}".format)),
    st.builds(
        Identifier,
        st.just("url"),
        st.builds(
            "{}://{}/{}".format,
            st.sampled_from(["https", "http"]),
            st.sampled_from(["www.example.org", "xn--mgbh0fb.example", "gov.example"]),
            st.text(string.ascii_letters + string.digits + "-._~/?#=&%\u00e9", max_size=15),
        ),
    ),
    st.builds(
        Identifier,
        st.just("isni"),
        st.builds("{}{}".format, st.text(string.digits, min_size=15, max_size=15), _CHECK),
    ),
    st.builds(
        Identifier,
        st.just("orcid"),
        st.builds(
            "{}-{}-{}-{}{}".format,
            _DIGIT_TEXT,
            _DIGIT_TEXT,
            _DIGIT_TEXT,
            st.text(string.digits, min_size=3, max_size=3),
            _CHECK,
        ),
    ),
    st.builds(Identifier, st.just("viaf"), st.integers(1, 10**15).map(str)),
    st.builds(
        Identifier,
        st.from_regex(r"[a-z][a-z0-9_.-]{0,8}", fullmatch=True).filter(
            lambda scheme: scheme not in _CHECKED_SCHEMES
        ),
        texts(20),
    ),
)
_IDENTIFIER_LISTS = st.lists(_IDENTIFIERS, max_size=2, unique=True)


def identifiers() -> st.SearchStrategy[Identifier]:
    """Identifiers of every checked scheme (`claims.Identifier`) and of free ones."""
    return _IDENTIFIERS


@st.composite
def actors(
    draw: st.DrawFn,
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> Actor:
    """Actors; `actor_ids` supplies the ids they may be part of or affiliated with."""
    id_ = draw(ids_ if ids_ is not None else _IDS)
    others = (actor_ids if actor_ids is not None else _IDS).filter(lambda a: a != id_)
    return Actor(
        id=id_,
        name=draw(_TEXT),
        kind=draw(_ACTOR_KINDS),
        aliases=draw(_ALIASES),
        part_of=draw(_maybe(others)),
        affiliations=draw(
            st.lists(st.builds(Affiliation, actor=others, note=_MAYBE_TEXT_20), max_size=2)
        ),
        identifiers=draw(_IDENTIFIER_LISTS),
    )


_URL_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
_URLS = st.one_of(
    st.builds(
        "https://{}/{}".format,
        st.sampled_from(["www.aljazeera.com", "example.org", "xn--mgbh0fb.example"]),
        _URL_TEXT,
    ),
    st.builds("www.aljazeera.com/news/{}".format, _URL_TEXT),
    st.sampled_from(
        [
            "https://www.reuters.com/world/middle-east/iraq drone strike/",
            "https://example.org/[x]?p=50%",
            "http://example.org/\u0642\u0635\u0641",
            "mailto:desk@example.org",
            "not a url at all",
        ]
    ),
)


def urls() -> st.SearchStrategy[str]:
    """URLs as people paste them: with and without a scheme, spaces, non-ASCII, stray %."""
    return _URLS


_SHA256S = st.binary(min_size=32, max_size=32).map(bytes.hex)


def sources(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources, published by one of `actor_ids`."""
    return st.builds(
        Source,
        id=ids_ if ids_ is not None else _IDS,
        title=_TEXT,
        publisher=_maybe(actor_ids if actor_ids is not None else _IDS),
        url=_maybe(_URLS),
        published=_MAYBE_WHEN,
        retrieved=_maybe(_DATETIMES),
        sha256=_maybe(_SHA256S),
        identifiers=_IDENTIFIER_LISTS,
    )


def events(ids_: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Event]:
    """Events."""
    return st.builds(
        Event,
        id=ids_ if ids_ is not None else _IDS,
        description=_TEXT,
        when=_MAYBE_WHEN,
        where=_MAYBE_TEXT,
    )


def claims(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims whose references are drawn from the given id strategies."""
    a_ids = actor_ids if actor_ids is not None else _IDS
    return st.builds(
        Claim,
        id=ids_ if ids_ is not None else _IDS,
        claimant=a_ids,
        proposition=propositions(a_ids, event_ids if event_ids is not None else _IDS),
        stance=_STANCES,
        quotes=st.lists(quotes(source_ids), max_size=2),
        chain=st.lists(hops(a_ids, source_ids), max_size=3),
        made=_MAYBE_WHEN,
        assessment=_MAYBE_ASSESSMENT,
        note=_MAYBE_TEXT,
    )


@st.composite
def links(draw: st.DrawFn, claim_ids: st.SearchStrategy[str] | None = None) -> Link:
    """Links between two different claims."""
    c_ids = claim_ids if claim_ids is not None else _IDS
    claim = draw(c_ids)
    target = draw(c_ids.filter(lambda c: c != claim))
    return Link(kind=draw(_LINK_KINDS), claim=claim, target=target, note=draw(_MAYBE_TEXT))


_VERDICTS = st.sampled_from(["False", "Misleading", "Half true", "True", "Mostly false"]) | _TEXT
_SCALE_NUMBERS = st.integers(-100, 100) | st.floats(-100, 100, allow_nan=False)


def _draw_scale(
    draw: st.DrawFn,
) -> tuple[int | float | None, int | float | None, int | float | None]:
    """(rating, best, worst): each may be missing; a rating lies within a whole scale."""
    best, worst = draw(_maybe(_SCALE_NUMBERS)), draw(_maybe(_SCALE_NUMBERS))
    if best is not None and worst is not None:
        low, high = sorted((worst, best))
        return draw(_maybe(st.floats(low, high, allow_nan=False) | st.just(low))), best, worst
    return draw(_maybe(_SCALE_NUMBERS)), best, worst


def _draw_review(
    draw: st.DrawFn,
    rid: str,
    claim: str,
    reviewer: str,
    source_ids: Sequence[str],
) -> Review:
    rating, best, worst = _draw_scale(draw)
    appearances = (
        draw(st.lists(st.sampled_from(source_ids), max_size=2, unique=True)) if source_ids else []
    )
    return Review(
        rid,
        claim,
        reviewer,
        draw(_VERDICTS),
        rating=rating,
        best=best,
        worst=worst,
        url=draw(_maybe(_URLS)),
        published=draw(_MAYBE_WHEN),
        first_appearance=_maybe_pick(draw, source_ids),
        appearances=appearances,
    )


@st.composite
def reviews(
    draw: st.DrawFn,
    ids_: st.SearchStrategy[str] | None = None,
    claim_ids: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
) -> Review:
    """Fact-checkers' reviews whose references are drawn from the given id strategies.

    The rating lies within its scale when the scale has both ends.
    """
    s_ids = source_ids if source_ids is not None else _IDS
    return _draw_review(
        draw,
        draw(ids_ if ids_ is not None else _IDS),
        draw(claim_ids if claim_ids is not None else _IDS),
        draw(actor_ids if actor_ids is not None else _IDS),
        draw(st.lists(s_ids, max_size=3, unique=True)),
    )


# --------------------------------------------------------------------------
# Whole dossiers: references drawn as indexes into the ids already drawn


def _count(draw: st.DrawFn, max_size: int) -> int:
    """How many items of a list to draw, shrinking towards none."""
    return draw(st.integers(0, max_size)) if max_size > 0 else 0


def _maybe_pick(draw: st.DrawFn, choices: Sequence[str]) -> str | None:
    if not choices or not draw(_BOOLEANS):
        return None
    return _pick(draw, choices)


def _draw_subject(
    draw: st.DrawFn, actor_ids: Sequence[str], event_ids: Sequence[str], *, extra: int = 0
) -> Subject | int:
    """Text, an actor or (if there are events) an event; or one of `extra` more options.

    Returns the subject, or the number (0 to `extra` - 1) of the extra option drawn.
    """
    options = 2 + bool(event_ids)
    choice = _index(draw, options + extra)
    if choice == 0:
        return Text(draw(_TEXT))
    if choice == 1:
        return ActorRef(_pick(draw, actor_ids))
    if choice == 2 and event_ids:
        return EventRef(_pick(draw, event_ids))
    return choice - options


def _draw_proposition(
    draw: st.DrawFn, actor_ids: Sequence[str], event_ids: Sequence[str]
) -> Proposition:
    subject = _draw_subject(draw, actor_ids, event_ids)
    assert not isinstance(subject, int)
    predicate = draw(_PREDICATES)
    drawn = _draw_subject(draw, actor_ids, event_ids, extra=3)
    value: Value = draw(_OTHER_VALUES[drawn]) if isinstance(drawn, int) else drawn
    return Proposition(
        subject=subject,
        predicate=predicate,
        object=value,
        when=draw(_MAYBE_WHEN),
        where=draw(_MAYBE_TEXT),
        qualifiers=draw(_QUALIFIERS),
    )


def _draw_hop(draw: st.DrawFn, actor_ids: Sequence[str], source_ids: Sequence[str]) -> Hop:
    reporter = _pick(draw, actor_ids)
    if not source_ids:
        return Hop(reporter=reporter, cue=draw(_SHORT_CUES))
    cue = draw(_CUES)
    source = _maybe_pick(draw, source_ids)
    quote = None
    if draw(_BOOLEANS):
        quote = _draw_quote(draw, source if source is not None else _pick(draw, source_ids))
    return Hop(reporter=reporter, cue=cue, source=source, quote=quote)


def _draw_actor(draw: st.DrawFn, actor_ids: Sequence[str], i: int) -> Actor:
    aid = actor_ids[i]
    others = [a for a in actor_ids if a != aid]
    part_of = _maybe_pick(draw, actor_ids[:i])
    affiliations = (
        [
            Affiliation(actor=_pick(draw, others), note=draw(_MAYBE_TEXT_20))
            for _ in range(_count(draw, 2))
        ]
        if others
        else []
    )
    return Actor(
        id=aid,
        name=draw(_TEXT),
        kind=draw(_ACTOR_KINDS),
        aliases=draw(_ALIASES),
        part_of=part_of,
        affiliations=affiliations,
        identifiers=draw(_IDENTIFIER_LISTS),
    )


def _draw_source(draw: st.DrawFn, sid: str, actor_ids: Sequence[str]) -> Source:
    return Source(
        id=sid,
        title=draw(_TEXT),
        publisher=_maybe_pick(draw, actor_ids),
        url=draw(_maybe(_URLS)),
        published=draw(_MAYBE_WHEN),
        retrieved=draw(_maybe(_DATETIMES)),
        sha256=draw(_maybe(_SHA256S)),
        identifiers=draw(_IDENTIFIER_LISTS),
    )


def _draw_claim(
    draw: st.DrawFn,
    cid: str,
    actor_ids: Sequence[str],
    source_ids: Sequence[str],
    event_ids: Sequence[str],
) -> Claim:
    return Claim(
        id=cid,
        claimant=_pick(draw, actor_ids),
        proposition=_draw_proposition(draw, actor_ids, event_ids),
        stance=draw(_STANCES),
        quotes=[_draw_quote(draw, _pick(draw, source_ids)) for _ in range(_count(draw, 2))]
        if source_ids
        else (),
        chain=[_draw_hop(draw, actor_ids, source_ids) for _ in range(_count(draw, 3))],
        made=draw(_MAYBE_WHEN),
        assessment=draw(_MAYBE_ASSESSMENT),
        note=draw(_MAYBE_TEXT),
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
) -> Dossier:
    """Referentially consistent dossiers, some with fact-checkers' reviews.

    Every claimant, reporter, publisher, quoted source and referenced event
    exists; parts form a tree; supersession and retraction link newer claims
    to older ones of the same claimant, so they never loop. Reviews name a
    claim, an actor and sources of the dossier; ``max_reviews=0`` draws none.
    """
    actor_ids = draw(st.lists(_IDS, min_size=1, max_size=max_actors, unique=True))
    actor_list = [_draw_actor(draw, actor_ids, i) for i in range(len(actor_ids))]
    source_ids = draw(st.lists(_IDS, max_size=max_sources, unique=True))
    source_list = [_draw_source(draw, sid, actor_ids) for sid in source_ids]
    event_ids = draw(st.lists(_IDS, max_size=max_events, unique=True))
    event_list = [
        Event(id=eid, description=draw(_TEXT), when=draw(_MAYBE_WHEN), where=draw(_MAYBE_TEXT))
        for eid in event_ids
    ]

    claim_ids = draw(st.lists(_IDS, max_size=max_claims, unique=True))
    claim_list = [_draw_claim(draw, cid, actor_ids, source_ids, event_ids) for cid in claim_ids]
    link_list: dict[tuple[LinkKind, str, str], Link] = {}
    if len(claim_list) > 1:
        pairs = st.lists(st.integers(0, len(claim_list) - 1), min_size=2, max_size=2, unique=True)
        for _ in range(draw(st.integers(0, max_links))):
            newer, older = sorted(draw(pairs), reverse=True)
            kind = draw(_LINK_KINDS)
            a, b = claim_list[newer], claim_list[older]
            if kind in (LinkKind.SUPERSEDES, LinkKind.RETRACTS) and a.claimant != b.claimant:
                continue
            link_list[(kind, a.id, b.id)] = Link(
                kind=kind, claim=a.id, target=b.id, note=draw(_MAYBE_TEXT)
            )
    review_list = []
    if claim_list and max_reviews > 0:
        review_ids = draw(st.lists(_IDS, max_size=max_reviews, unique=True))
        review_list = [
            _draw_review(draw, rid, _pick(draw, claim_ids), _pick(draw, actor_ids), source_ids)
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
