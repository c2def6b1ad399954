"""Strategies for each record of `claims` (public through `claims.strategies`)."""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from .._model import (
    MAX_SAFE_INT,
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
    Proposition,
    Qualifier,
    Quote,
    Review,
    Source,
    Stance,
    Subject,
    Text,
    TieNature,
    Value,
)
from .._model import SCHEMES as _SCHEMES
from ..confidence import AnalyticConfidence, Credibility, Likelihood, Reliability
from .basics import (
    BOOLEANS,
    DATETIMES,
    IDS,
    MAYBE_TEXT,
    MAYBE_TEXT_20,
    MAYBE_TIME,
    MAYBE_WHEN,
    NO_VALUES,
    ONE_IN_EIGHT,
    QUANTITY_VALUES,
    TEXT,
    UNKNOWN_VALUES,
    maybe,
    now_and_then,
    pick,
    texts,
)
from .places import GAZETTEER, PLACES

__all__ = [
    "ACTOR_KINDS",
    "ALIASES",
    "CUES",
    "IDENTIFIER_LISTS",
    "LINK_KINDS",
    "MAYBE_ASSESSMENT",
    "OTHER_VALUES",
    "PREDICATES",
    "QUALIFIERS",
    "SHA256S",
    "SHORT_CUES",
    "STANCES",
    "URLS",
    "actors",
    "assessments",
    "claims",
    "draw_quote",
    "draw_review",
    "events",
    "hops",
    "identifiers",
    "links",
    "maybe_pick",
    "propositions",
    "quotes",
    "reviews",
    "sources",
    "subjects",
    "urls",
    "values",
]

# Every strategy that does not depend on the ids of a particular dossier is
# built once, here or on first use, and reused: building strategies is far
# slower than drawing from them. `dossiers` draws its references as indexes
# into the ids it has drawn, with no strategy built per draw.

OTHER_VALUES: tuple[st.SearchStrategy[Value], ...] = (
    QUANTITY_VALUES,
    UNKNOWN_VALUES,
    NO_VALUES,
    PLACES,
)
PREDICATES = st.sampled_from(["responsible_for", "killed", "wounded", "targeted"]) | texts(15)
# Names of the default vocabulary's predicates and units by their aliases, so
# that claims saying one thing in two ways meet.
PREDICATES = PREDICATES | st.sampled_from(
    ["deaths", "Dead", "injured", "blamed for", "perpetrated", "cause", "caused_by", "place"]
)
QUALIFIERS = st.lists(st.builds(Qualifier, name=texts(10), value=TEXT), max_size=2)
CUES = st.sampled_from(
    [
        "reported",
        "said in a statement",
        "according to",
        "told",
        "published footage",
    ]
) | texts(20)
SHORT_CUES = st.sampled_from(["reported", "according to"]) | texts(20)
_AFFIX = st.text(max_size=10)
# Quote offsets: mostly small, now and then near the largest allowed (2**53),
# leaving room for the exact text (at most 40 characters).
_OFFSETS = now_and_then(st.integers(0, 10**6), st.integers(MAX_SAFE_INT - 1000, MAX_SAFE_INT - 40))
STANCES = st.sampled_from(Stance)
LINK_KINDS = st.sampled_from(LinkKind)
ACTOR_KINDS = st.sampled_from(ActorKind)
ALIASES = st.lists(texts(20), max_size=2)


def subjects(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Subject]:
    """What a proposition is about: an actor, an event or text."""
    options: list[st.SearchStrategy[Any]] = [st.builds(Text, TEXT)]
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
        subjects(actor_ids, event_ids), QUANTITY_VALUES, PLACES, UNKNOWN_VALUES, NO_VALUES
    )


def propositions(
    actor_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Proposition]:
    """Propositions whose actor and event references come from the given ids."""
    return st.builds(
        Proposition,
        subject=subjects(actor_ids, event_ids),
        predicate=PREDICATES,
        object=values(actor_ids, event_ids),
        when=MAYBE_TIME,
        where=MAYBE_TEXT,
        qualifiers=QUALIFIERS,
    )


@st.composite
def quotes(draw: st.DrawFn, source_ids: st.SearchStrategy[str] | None = None) -> Quote:
    """Quotes whose offsets span their exact text."""
    return draw_quote(draw, draw(source_ids if source_ids is not None else IDS))


def draw_quote(draw: st.DrawFn, source: str) -> Quote:
    exact = draw(TEXT)
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
    s_ids = source_ids if source_ids is not None else IDS
    source = draw(st.none() | s_ids)
    quote = None
    if draw(BOOLEANS):
        quote = draw_quote(draw, source if source is not None else draw(s_ids))
    return Hop(
        reporter=draw(actor_ids if actor_ids is not None else IDS),
        cue=draw(CUES),
        source=source,
        quote=quote,
    )


_ASSESSMENTS = st.builds(
    Assessment,
    reliability=maybe(st.sampled_from(Reliability)),
    credibility=maybe(st.sampled_from(Credibility)),
    likelihood=maybe(st.sampled_from(Likelihood)),
    confidence=maybe(st.sampled_from(AnalyticConfidence)),
    probability=maybe(st.floats(0, 1)),
    rationale=MAYBE_TEXT,
    assessor=MAYBE_TEXT_20,
    assessed_at=maybe(DATETIMES),
)
MAYBE_ASSESSMENT = maybe(_ASSESSMENTS)


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
    st.sampled_from(GAZETTEER),  # geonames, iso3166, osm
    st.builds(
        Identifier,
        st.from_regex(r"[a-z][a-z0-9_.-]{0,8}", fullmatch=True).filter(
            lambda scheme: scheme not in _CHECKED_SCHEMES
        ),
        texts(20),
    ),
)
IDENTIFIER_LISTS = st.lists(_IDENTIFIERS, max_size=2, unique=True)


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
    id_ = draw(ids_ if ids_ is not None else IDS)
    others = (actor_ids if actor_ids is not None else IDS).filter(lambda a: a != id_)
    return Actor(
        id=id_,
        name=draw(TEXT),
        kind=draw(ACTOR_KINDS),
        aliases=draw(ALIASES),
        part_of=draw(maybe(others)),
        affiliations=[draw_affiliation(draw, draw(others)) for _ in range(draw(st.integers(0, 2)))],
        identifiers=draw(IDENTIFIER_LISTS),
    )


TIE_NATURES = st.sampled_from(TieNature)


def draw_affiliation(draw: st.DrawFn, actor: str) -> Affiliation:
    """An affiliation with `actor`: of any nature, sometimes former, sometimes with times."""
    since, until = draw(MAYBE_WHEN), draw(MAYBE_WHEN)
    if since is not None and until is not None and until.end <= since.start:
        since, until = until, since
        if until.end <= since.start:
            until = None
    return Affiliation(
        actor=actor,
        note=draw(MAYBE_TEXT_20),
        nature=draw(TIE_NATURES),
        former=draw(ONE_IN_EIGHT) == 0,
        since=since,
        until=until,
    )


_URL_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
URLS = st.one_of(
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
    return URLS


SHA256S = st.binary(min_size=32, max_size=32).map(bytes.hex)


def sources(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources, published by one of `actor_ids`."""
    return st.builds(
        Source,
        id=ids_ if ids_ is not None else IDS,
        title=TEXT,
        publisher=maybe(actor_ids if actor_ids is not None else IDS),
        url=maybe(URLS),
        published=MAYBE_WHEN,
        retrieved=maybe(DATETIMES),
        sha256=maybe(SHA256S),
        identifiers=IDENTIFIER_LISTS,
    )


def events(ids_: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Event]:
    """Events."""
    return st.builds(
        Event,
        id=ids_ if ids_ is not None else IDS,
        description=TEXT,
        when=MAYBE_TIME,
        where=MAYBE_TEXT,
    )


def claims(
    ids_: st.SearchStrategy[str] | None = None,
    actor_ids: st.SearchStrategy[str] | None = None,
    source_ids: st.SearchStrategy[str] | None = None,
    event_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims whose references are drawn from the given id strategies."""
    a_ids = actor_ids if actor_ids is not None else IDS
    return st.builds(
        Claim,
        id=ids_ if ids_ is not None else IDS,
        claimant=a_ids,
        proposition=propositions(a_ids, event_ids if event_ids is not None else IDS),
        stance=STANCES,
        quotes=st.lists(quotes(source_ids), max_size=2),
        chain=st.lists(hops(a_ids, source_ids), max_size=3),
        made=MAYBE_TIME,
        assessment=MAYBE_ASSESSMENT,
        note=MAYBE_TEXT,
    )


@st.composite
def links(draw: st.DrawFn, claim_ids: st.SearchStrategy[str] | None = None) -> Link:
    """Links between two different claims."""
    c_ids = claim_ids if claim_ids is not None else IDS
    claim = draw(c_ids)
    target = draw(c_ids.filter(lambda c: c != claim))
    return Link(kind=draw(LINK_KINDS), claim=claim, target=target, note=draw(MAYBE_TEXT))


_VERDICTS = st.sampled_from(["False", "Misleading", "Half true", "True", "Mostly false"]) | TEXT
_SCALE_NUMBERS = st.integers(-100, 100) | st.floats(-100, 100, allow_nan=False)


def _draw_scale(
    draw: st.DrawFn,
) -> tuple[int | float | None, int | float | None, int | float | None]:
    """(rating, best, worst): each may be missing; a rating lies within a whole scale."""
    best, worst = draw(maybe(_SCALE_NUMBERS)), draw(maybe(_SCALE_NUMBERS))
    if best is not None and worst is not None:
        low, high = sorted((worst, best))
        return draw(maybe(st.floats(low, high, allow_nan=False) | st.just(low))), best, worst
    return draw(maybe(_SCALE_NUMBERS)), best, worst


def draw_review(
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
        url=draw(maybe(URLS)),
        published=draw(MAYBE_WHEN),
        first_appearance=maybe_pick(draw, source_ids),
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
    s_ids = source_ids if source_ids is not None else IDS
    return draw_review(
        draw,
        draw(ids_ if ids_ is not None else IDS),
        draw(claim_ids if claim_ids is not None else IDS),
        draw(actor_ids if actor_ids is not None else IDS),
        draw(st.lists(s_ids, max_size=3, unique=True)),
    )


# --------------------------------------------------------------------------
# Whole dossiers: references drawn as indexes into the ids already drawn


def maybe_pick(draw: st.DrawFn, choices: Sequence[str]) -> str | None:
    if not choices or not draw(BOOLEANS):
        return None
    return pick(draw, choices)
