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

import html.parser
import json
import re
import urllib.parse
import warnings
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

from ._exchange import build, in_words, words_of
from ._integrity import check as check_batch
from ._integrity import label
from ._model import (
    Actor,
    ActorKind,
    Claim,
    Identifier,
    Precision,
    Review,
    Source,
    Stance,
    When,
)
from ._same_as import identifier_of, identifiers_lost, same_as
from .dossier import Dossier, Record
from .exceptions import ClaimsError, IntegrityError, LoadError, Problem

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
_URN = "urn:claims:"
_CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}


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


@attrs.frozen
class ClaimReviewImport:
    """What `from_claimreview` read, and what it could not.

    Attributes:
        dossier: The actors, sources, claims and reviews read.
        lost: One line per property that could not be kept, with its place.
    """

    dossier: Dossier
    lost: tuple[str, ...] = ()

    @property
    def reviews(self) -> tuple[Review, ...]:
        """The dossier's reviews (as `dossier.reviews`)."""
        return tuple(self.dossier.reviews.values())


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
    return f"{_URN}{kind}:{urllib.parse.quote(record_id, safe='')}"


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
    elif when.precision in _DATES and when.at.utcoffset() != UTC.utcoffset(None):
        lost.append(f"{name}: a {when.precision.value} is written without its UTC offset")
    return lost


_DATES = (Precision.YEAR, Precision.MONTH, Precision.DAY)


# --------------------------------------------------------------------------
# Import


class _Scripts(html.parser.HTMLParser):
    """The ``application/ld+json`` scripts of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        kind = dict(attributes).get("type") or ""
        self._inside = tag == "script" and kind.strip().lower() == "application/ld+json"
        if self._inside:
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.found[-1] += data


def _documents(data: Any) -> list[Any]:
    if isinstance(data, str):
        text = data.strip()
        if text.startswith("<"):
            parser = _Scripts()
            parser.feed(text)
            return [_parse(s, f"script[{i}]") for i, s in enumerate(parser.found)]
        return [_parse(text, "")]
    return [data]


def _parse(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise LoadError([Problem(where, f"is not JSON: {exc}")]) from None


def _nodes(data: Any, where: str) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """Every ClaimReview node in `data`, with its place."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _nodes(item, f"{where}[{i}]")
    elif isinstance(data, Mapping):
        if _type(data) == "ClaimReview":
            yield where, data
        for key in ("@graph", "dataFeedElement", "mainEntity"):
            if key in data:
                yield from _nodes(data[key], f"{where}.{key}" if where else key)


def _type(node: Mapping[str, Any]) -> str:
    kind = node.get("@type")
    if isinstance(kind, list):
        kind = kind[0] if kind else None
    return str(kind or "").rsplit("/", 1)[-1]


_SHAPES = (
    (re.compile(r"\d{4}"), Precision.YEAR),
    (re.compile(r"\d{4}-\d{2}"), Precision.MONTH),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), Precision.DAY),
    (re.compile(r"[^T]+T\d{2}(Z|[+-].*)"), Precision.HOUR),
    (re.compile(r"[^T]+T\d{2}:\d{2}(Z|[+-].*)"), Precision.MINUTE),
)


def _precision(text: str) -> Precision | None:
    """How precise an ISO 8601 date or time is, by its shape."""
    for shape, precision in _SHAPES:
        if shape.fullmatch(text):
            return precision
    return Precision.SECOND if "T" in text else None


def from_claimreview(data: Any) -> ClaimReviewImport:
    """Read ``ClaimReview`` JSON-LD back into a dossier with its reviews.

    Args:
        data: JSON-LD as plain JSON types, or text: JSON, or an HTML page
            whose ``<script type="application/ld+json">`` hold the reviews.

    Raises:
        LoadError: The text is not JSON, or holds no ClaimReview.
    """
    reader = _Reader()
    found = 0
    for d, document in enumerate(_documents(data)):
        for where, node in _nodes(document, f"[{d}]" if isinstance(data, str) else ""):
            found += 1
            reader.review(node, where or "$")
    if not found:
        raise LoadError([Problem("", "holds no schema.org ClaimReview")])
    return reader.result()


class _Reader:
    def __init__(self) -> None:
        self.lost: list[str] = []
        self.actors: dict[str, Actor] = {}
        self.sources: dict[str, Source] = {}
        self.claims: dict[str, Claim] = {}
        self.reviews: list[Review] = []

    def result(self) -> ClaimReviewImport:
        records: list[Record] = [*self.actors.values(), *self.sources.values()]
        records += [*self.claims.values(), *self.reviews]
        return ClaimReviewImport(build(records, self.lost), tuple(self.lost))

    def _same(self, node: Mapping[str, Any], where: str) -> list[Identifier]:
        """The identifiers of a node's sameAs URLs; the others named in `lost`."""
        urls = node.get("sameAs", [])
        found: list[Identifier] = []
        for i, url in enumerate(urls if isinstance(urls, list) else [urls]):
            try:
                identifier = identifier_of(url) if isinstance(url, str) else None
            except ClaimsError as exc:
                identifier, why = None, str(exc)
            else:
                why = "not a URL"
            if identifier is None or identifier in found:
                self.lost.append(f"{where}.sameAs[{i}]: {'given twice' if identifier else why}")
            else:
                found.append(identifier)
        return found

    def _rest(self, node: Mapping[str, Any], used: set[str], where: str) -> None:
        rest = sorted(set(node) - used - {"@context", "@type", "@id"})
        if rest:
            self.lost.append(f"{where}: {', '.join(rest)} not kept")
        context = node.get("@context")
        if context is not None and not (isinstance(context, str) and context in _CONTEXTS):
            self.lost.append(f"{where}: @context {context!r:.60} read as schema.org")

    def _id(self, node: Mapping[str, Any], kind: str, *fallback: Any) -> str:
        node_id = node.get("@id")
        prefix = f"{_URN}{kind}:"
        if isinstance(node_id, str) and node_id.startswith(prefix):
            return urllib.parse.unquote(node_id[len(prefix) :])
        if isinstance(node_id, str) and node_id:
            return node_id
        return next((str(f) for f in fallback if isinstance(f, str) and f.strip()), kind)

    def _when(self, value: Any, where: str) -> When | None:
        if value is None:
            return None
        text = value if isinstance(value, str) else ""
        precision = _precision(text)
        try:
            if precision in _DATES:
                fields = [int(x) for x in text.split("-")] + [1, 1]
                at = datetime(fields[0], fields[1], fields[2], tzinfo=UTC)
            else:
                at = datetime.fromisoformat(text)
        except ValueError:
            precision = None
        if precision is None:
            self.lost.append(f"{where}: {value!r:.40} is not an ISO 8601 date")
            return None
        if at.tzinfo is None:
            self.lost.append(f"{where}: {value!r:.40} has no UTC offset")
            return None
        return When.of(at, precision)

    def _party(self, node: Any, where: str) -> str | None:
        if isinstance(node, list):
            if len(node) > 1:
                self.lost.append(f"{where}: only the first of {len(node)} authors kept")
            node = node[0] if node else None
        if isinstance(node, str):
            node = {"name": node}
        if not isinstance(node, Mapping) or not isinstance(node.get("name"), str):
            self.lost.append(f"{where}: no name")
            return None
        name = node["name"]
        aid = self._id(node, "actor", name)
        kind = ActorKind.PERSON if _type(node) == "Person" else ActorKind.OTHER
        aliases = node.get("alternateName", [])
        aliases = [aliases] if isinstance(aliases, str) else aliases
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.lost.append(f"{where}.alternateName: not a list of names")
            aliases = []
        self.actors.setdefault(
            aid,
            Actor(aid, name, kind=kind, aliases=aliases, identifiers=self._same(node, where)),
        )
        self._rest(node, {"name", "alternateName", "sameAs"}, where)
        return aid

    def _work(self, node: Any, where: str) -> str | None:
        if isinstance(node, str):
            node = {"url": node}
        if not isinstance(node, Mapping):
            self.lost.append(f"{where}: not a CreativeWork")
            return None
        url = node.get("url") if isinstance(node.get("url"), str) else None
        title = node.get("headline") or node.get("name") or url
        if not isinstance(title, str) or not title.strip():
            self.lost.append(f"{where}: a work with neither headline, name nor url")
            return None
        sid = self._id(node, "source", url, title)
        publisher = (
            self._party(node["publisher"], f"{where}.publisher") if "publisher" in node else None
        )
        published = self._when(node.get("datePublished"), f"{where}.datePublished")
        self.sources.setdefault(
            sid, Source(sid, title, publisher=publisher, url=url, published=published)
        )
        used = {"url", "headline", "publisher", "datePublished"}
        used |= {"name"} if "headline" not in node else set()
        self._rest(node, used, where)
        return sid

    def review(self, node: Mapping[str, Any], where: str) -> None:
        try:
            self._review(node, where)
        except ClaimsError as exc:
            self.lost.append(f"{where}: not imported: {exc}")

    def _review(self, node: Mapping[str, Any], where: str) -> None:
        item = node.get("itemReviewed")
        item = item if isinstance(item, Mapping) else {}
        claimant = self._party(item.get("author"), f"{where}.itemReviewed.author")
        if claimant is None:
            claimant = "unattributed"
            self.actors.setdefault(
                claimant, Actor(claimant, "unattributed", kind=ActorKind.UNNAMED_COLLECTIVE)
            )
        words = node.get("claimReviewed") or item.get("text") or item.get("name")
        if not isinstance(words, str) or not words.strip():
            raise ClaimsError("neither claimReviewed nor the claim's text says what was claimed")
        url = node.get("url")
        cid = self._id(item, "claim", f"{url}#claim" if isinstance(url, str) else None, words)
        made = self._when(item.get("datePublished"), f"{where}.itemReviewed.datePublished")
        first = item.get("firstAppearance")
        first_id = self._work(first, f"{where}.itemReviewed.firstAppearance") if first else None
        listed = item.get("appearance", [])
        listed = listed if isinstance(listed, list) else [listed]
        appearances: list[str] = []
        for i, work in enumerate(listed):
            sid = self._work(work, f"{where}.itemReviewed.appearance[{i}]")
            appearances += [sid] if sid else []
        self.claims.setdefault(cid, Claim(cid, claimant, in_words(words), made=made))
        used_item = {"author", "datePublished", "appearance", "firstAppearance"}
        used_item |= {"text"} if "claimReviewed" not in node else set()
        self._rest(item, used_item, f"{where}.itemReviewed")
        reviewer = self._party(node.get("author"), f"{where}.author")
        if reviewer is None:
            raise ClaimsError("a review names no author (the fact-checker)")
        rating = node.get("reviewRating")
        rating = rating if isinstance(rating, Mapping) else {}
        numbers = {
            k: self._number(rating.get(k), f"{where}.reviewRating.{k}")
            for k in ("ratingValue", "bestRating", "worstRating")
        }
        verdict = rating.get("alternateName") or rating.get("name")
        if not isinstance(verdict, str) or not verdict.strip():
            raise ClaimsError("its reviewRating has no alternateName (the verdict in words)")
        self._rest(
            rating,
            {"alternateName", "ratingValue", "bestRating", "worstRating"}
            | ({"name"} if "alternateName" not in rating else set()),
            f"{where}.reviewRating",
        )
        rid = self._id(node, "review", node.get("url"), f"review-{len(self.reviews) + 1}")
        self.reviews.append(
            Review(
                rid,
                cid,
                reviewer,
                verdict,
                rating=numbers["ratingValue"],
                best=numbers["bestRating"],
                worst=numbers["worstRating"],
                url=node.get("url") if isinstance(node.get("url"), str) else None,
                published=self._when(node.get("datePublished"), f"{where}.datePublished"),
                first_appearance=first_id,
                appearances=appearances,
            )
        )
        self._rest(
            node,
            {"url", "datePublished", "author", "claimReviewed", "itemReviewed", "reviewRating"},
            where,
        )

    def _number(self, value: Any, where: str) -> int | float | None:
        if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return value
        if isinstance(value, str):
            try:
                return int(value)
            except ValueError:
                try:
                    return float(value)
                except ValueError:
                    pass
        self.lost.append(f"{where}: {value!r:.40} is not a number")
        return None
