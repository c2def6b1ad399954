"""schema.org ``ClaimReview``: fact-checkers' verdicts, out and in.

A `Review` is a record of the dossier: a fact-checker's verdict on one of
its claims, in words and on the reviewer's scale, where and when the review
was published, and the sources where the claim appeared. `export` writes a
dossier's reviews as schema.org JSON-LD, one ``ClaimReview`` each, and lists
what ClaimReview cannot carry (`ClaimReviewExport.lost`); `to_claimreview`
gives the JSON-LD alone::

    {"@context": "https://schema.org", "@type": "ClaimReview",
     "claimReviewed": "...", "author": {"@type": "Organization", ...},
     "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                      "worstRating": 1, "alternateName": "False"},
     "itemReviewed": {"@type": "Claim", "author": {...},
                      "appearance": [{"@type": "CreativeWork", ...}]}}

`from_claimreview` reads a page's or a feed's JSON-LD (one review, a list,
an ``@graph``, a ``DataFeed``, or an HTML page's ``application/ld+json``
scripts) back into a dossier of actors, sources, claims known in words and
reviews, and lists what it could not keep. Record ids travel as
``urn:claims:`` ``@id``s; nodes without one get ids from their URL or name.
Times are written as precisely as they are known (``"2024"``,
``"2024-01-04"``, ``"2024-01-04T09:30+03:00"``) and read back so.
"""

from __future__ import annotations

import urllib.parse
import warnings
from collections.abc import Iterable
from datetime import UTC
from typing import Any

import attrs

from ._claimreview_import import DATES, URN, ClaimReviewImport, from_claimreview
from ._exchange import in_words, words_of
from ._integrity import check as check_batch
from ._integrity import label
from ._model import (
    Actor,
    ActorKind,
    Claim,
    Place,
    Review,
    Source,
    Stance,
    When,
)
from ._same_as import identifiers_lost, same_as
from .dossier import Dossier
from .exceptions import IntegrityError, Problem

__all__ = [
    "ClaimReviewExport",
    "ClaimReviewImport",
    "Review",
    "check",
    "export",
    "from_claimreview",
    "to_claimreview",
]

CONTEXT = "https://schema.org"


@attrs.frozen
class ClaimReviewExport:
    """What `export` wrote, and what of the dossier it could not.

    Attributes:
        document: One ``ClaimReview`` node per review (JSON-LD, plain JSON types).
        lost: One line per record or field ClaimReview cannot carry, named
            as errors name them (``claim 'c1'.stance: ...``, ``event 'e':
            ...``); empty when the dossier comes back whole.
    """

    document: list[dict[str, Any]]
    lost: tuple[str, ...] = ()


def check(dossier: Dossier, reviews: Iterable[Review]) -> None:
    """Deprecated: add the reviews to the dossier, which checks them.

    Raises:
        IntegrityError: A review names a claim, actor or source the dossier
            does not have, or an id is taken twice; every problem is listed.
    """
    warnings.warn(
        "claims.claimreview.check is deprecated; add reviews to the dossier "
        "(dossier.extend(reviews)), which checks them",
        DeprecationWarning,
        stacklevel=2,
    )
    _check(dossier, tuple(reviews))


def _check(dossier: Dossier, reviews: tuple[Review, ...]) -> None:
    found = check_batch(dossier, reviews)
    if found:
        raise IntegrityError([Problem(label(reviews[i]) + sub, msg) for i, sub, msg in found])


def _node_id(kind: str, record_id: str) -> str:
    return f"{URN}{kind}:{urllib.parse.quote(record_id, safe='')}"


def _party(dossier: Dossier, actor_id: str) -> dict[str, Any]:
    actor = dossier.actor(actor_id)
    kind = "Person" if actor.kind.individual else "Organization"
    party: dict[str, Any] = {"@type": kind, "@id": _node_id("actor", actor.id), "name": actor.name}
    if actor.aliases:
        party["alternateName"] = list(actor.aliases)
    same = [same_as(i) for i in actor.identifiers if same_as(i) is not None]
    if same:
        party["sameAs"] = same
    return party


def _work(dossier: Dossier, source_id: str) -> dict[str, Any]:
    source = dossier.source(source_id)
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": _node_id("source", source.id),
        "headline": source.title,
    }
    if source.url is not None:
        work["url"] = source.url
    if source.published is not None and source.published.resolved:
        work["datePublished"] = _dated(source.published)
    if source.publisher is not None:
        work["publisher"] = _party(dossier, source.publisher)
    return work


def _words(dossier: Dossier, claim: Claim) -> str:
    said = words_of(claim.proposition)
    if said is not None:
        return said
    quoted = " … ".join(q.exact for q in claim.quotes)
    if quoted.strip():
        return quoted
    prop = claim.proposition

    def term(value: Any) -> str:
        name = getattr(value, "id", None)
        if isinstance(value, Place):  # its name; its identifiers are lost
            return value.name
        if not isinstance(name, str):
            return str(getattr(value, "value", None) or type(value).__name__.lower())
        if name in dossier.actors:
            return dossier.actor(name).name
        if name in dossier.events:
            return dossier.event(name).description
        return str(getattr(value, "value", None) or type(value).__name__.lower())

    return f"{term(prop.subject)} {prop.predicate.replace('_', ' ')} {term(prop.object)}"


def to_claimreview(
    dossier: Dossier, reviews: Iterable[Review] | None = None
) -> list[dict[str, Any]]:
    """The dossier's reviews as schema.org ``ClaimReview``s (`export`'s document).

    Args:
        dossier: The dossier whose reviews to write.
        reviews: Deprecated: reviews kept beside the dossier, written instead
            of its own (they must refer to its records).

    Raises:
        IntegrityError: A review given beside the dossier refers to something
            it does not have.
    """
    if reviews is None:
        return export(dossier).document
    warnings.warn(
        "to_claimreview(dossier, reviews) is deprecated; add the reviews to the "
        "dossier and call to_claimreview(dossier)",
        DeprecationWarning,
        stacklevel=2,
    )
    given = tuple(reviews)
    _check(dossier, given)
    return [_node(dossier, review) for review in given]


def export(dossier: Dossier) -> ClaimReviewExport:
    """The dossier's reviews as schema.org ``ClaimReview``s, and what they leave out.

    Each review is written with the claim it reviews (in words, with its
    author and date), the reviewer, the sources where the claim appeared and
    their publishers. `ClaimReviewExport.lost` names every other record, and
    every field of a written record that ClaimReview cannot carry, so that
    `from_claimreview` of the document gives back everything else exactly.
    """
    document = [_node(dossier, review) for review in dossier.reviews.values()]
    return ClaimReviewExport(document, tuple(_lost(dossier)))


def _node(dossier: Dossier, review: Review) -> dict[str, Any]:
    claim = dossier.claim(review.claim)
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": _node_id("claim", claim.id),
        "author": _party(dossier, claim.claimant),
    }
    if claim.made is not None and claim.made.resolved:
        item["datePublished"] = _dated(claim.made)
    if review.first_appearance is not None:
        item["firstAppearance"] = _work(dossier, review.first_appearance)
    if review.appearances:
        item["appearance"] = [_work(dossier, s) for s in review.appearances]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": review.verdict}
    for key, value in (
        ("ratingValue", review.rating),
        ("bestRating", review.best),
        ("worstRating", review.worst),
    ):
        if value is not None:
            rating[key] = value
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": _node_id("review", review.id),
    }
    if review.url is not None:
        node["url"] = review.url
    if review.published is not None and review.published.resolved:
        node["datePublished"] = _dated(review.published)
    node |= {
        "author": _party(dossier, review.reviewer),
        "claimReviewed": _words(dossier, claim),
        "itemReviewed": item,
        "reviewRating": rating,
    }
    return node


# --------------------------------------------------------------------------
# What an export leaves out


def _lost(dossier: Dossier) -> list[str]:
    """Every record and field of `dossier` that its ClaimReview export does not carry."""
    claims: dict[str, None] = {}
    actors: dict[str, None] = {}
    sources: dict[str, None] = {}
    for review in dossier.reviews.values():
        claims[review.claim] = None
        actors[review.reviewer] = None
        actors[dossier.claim(review.claim).claimant] = None
        for sid in (review.first_appearance, *review.appearances):
            if sid is not None:
                sources[sid] = None
                publisher = dossier.source(sid).publisher
                if publisher is not None:
                    actors[publisher] = None
    lost: list[str] = []
    for record in dossier.records():
        name = label(record)
        if isinstance(record, Review):
            lost += _when_lost(f"{name}.published", record.published)
        elif isinstance(record, Claim) and record.id in claims:
            lost += _claim_lost(name, record)
        elif isinstance(record, Actor) and record.id in actors:
            if record.kind not in (ActorKind.PERSON, ActorKind.OTHER):
                lost.append(f"{name}.kind: schema.org says only Person or Organization")
            if record.part_of is not None:
                lost.append(f"{name}.part_of: not written")
            if record.affiliations:
                lost.append(f"{name}.affiliations: not written")
            lost += identifiers_lost(name, record.identifiers)
        elif isinstance(record, Source) and record.id in sources:
            lost += _when_lost(f"{name}.published", record.published)
            for field in ("retrieved", "sha256"):
                if getattr(record, field) is not None:
                    lost.append(f"{name}.{field}: not written")
            if record.identifiers:
                lost.append(f"{name}.identifiers: not written")
        else:
            lost.append(f"{name}: not written: ClaimReview holds reviews and what they name")
    return lost


def _claim_lost(name: str, claim: Claim) -> list[str]:
    lost = _when_lost(f"{name}.made", claim.made)
    said = words_of(claim.proposition)
    if said is None or in_words(said) != claim.proposition:
        lost.append(f"{name}.proposition: written in words (claimReviewed)")
    if claim.stance is not Stance.ASSERTS:
        lost.append(f"{name}.stance: ClaimReview has no stance; read back as asserts")
    for field in ("quotes", "chain"):
        if getattr(claim, field):
            lost.append(f"{name}.{field}: not written")
    for field in ("assessment", "note"):
        if getattr(claim, field) is not None:
            lost.append(f"{name}.{field}: not written")
    if claim.draft:
        lost.append(f"{name}.draft: not written")
    for field in ("topic", "reason"):
        if getattr(claim, field) is not None:
            lost.append(f"{name}.{field}: not written")
    if claim.also:
        lost.append(f"{name}.also: not written: ClaimReview names one author")
    return lost


def _dated(when: When) -> str:
    """`when` as ISO 8601, without its words or part of the day."""
    return str(attrs.evolve(when, part=None, words=None))


def _when_lost(name: str, when: When | None) -> list[str]:
    """A date (year, month or day) is written without its UTC offset; words are not written."""
    if when is None:
        return []
    lost = []
    if when.words is not None or when.part is not None:
        lost.append(f"{name}: the words of the time and its part of the day are not written")
    if when.at is None:
        lost.append(f"{name}: an unresolved time is not written")
    elif when.precision in DATES and when.at.utcoffset() != UTC.utcoffset(None):
        lost.append(f"{name}: a {when.precision.value} is written without its UTC offset")
    return lost
