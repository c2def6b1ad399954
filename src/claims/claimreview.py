"""schema.org ``ClaimReview``: fact-checkers' verdicts, out and in.

A `Review` is a fact-checker's verdict on a claim of a dossier: the verdict
in words and on the reviewer's scale, where and when the review was
published, and the sources where the claim appeared. Reviews are kept beside
the dossier they refer to (`check`); `to_claimreview` writes them as
schema.org JSON-LD, one ``ClaimReview`` each::

    {"@context": "https://schema.org", "@type": "ClaimReview",
     "claimReviewed": "...", "author": {"@type": "Organization", ...},
     "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                      "worstRating": 1, "alternateName": "False"},
     "itemReviewed": {"@type": "Claim", "author": {...},
                      "appearance": [{"@type": "CreativeWork", ...}]}}

`from_claimreview` reads a page's or a feed's JSON-LD (one review, a list,
an ``@graph``, a ``DataFeed``, or an HTML page's ``application/ld+json``
scripts) back into actors, sources, claims known in words and reviews, and
lists what it could not keep. Record ids travel as ``urn:claims:`` ``@id``s;
nodes without one get ids from their URL or name.
"""

from __future__ import annotations

import html.parser
import json
import urllib.parse
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from ._exchange import build, in_words, words_of
from ._model import Actor, ActorKind, Claim, Precision, Source, When
from ._review import Review
from .dossier import Dossier, Record
from .exceptions import ClaimsError, IntegrityError, LoadError, Problem

__all__ = ["ClaimReviewImport", "Review", "check", "from_claimreview", "to_claimreview"]

CONTEXT = "https://schema.org"
_URN = "urn:claims:"
_CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}


@attrs.frozen
class ClaimReviewImport:
    """What `from_claimreview` read, and what it could not.

    Attributes:
        dossier: The actors, sources and claims the reviews refer to.
        reviews: The reviews.
        lost: One line per property that could not be kept, with its place.
    """

    dossier: Dossier
    reviews: tuple[Review, ...]
    lost: tuple[str, ...] = ()


def check(dossier: Dossier, reviews: Iterable[Review]) -> None:
    """Check that every review refers to records of `dossier`, with unique ids.

    Raises:
        IntegrityError: A review names a claim, actor or source the dossier
            does not have, or an id is taken twice; every problem is listed.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for review in reviews:
        where = f"review {review.id!r}"
        if review.id in seen:
            problems.append(Problem(where + ".id", f"review id {review.id!r} is already taken"))
        seen.add(review.id)
        if review.claim not in dossier.claims:
            problems.append(Problem(where + ".claim", f"{review.claim!r} is not a known claim"))
        if review.reviewer not in dossier.actors:
            problems.append(
                Problem(where + ".reviewer", f"{review.reviewer!r} is not a known actor")
            )
        named = [(f"{where}.appearances[{i}]", s) for i, s in enumerate(review.appearances)]
        if review.first_appearance is not None:
            named.insert(0, (f"{where}.first_appearance", review.first_appearance))
        for place, source in named:
            if source not in dossier.sources:
                problems.append(Problem(place, f"{source!r} is not a known source"))
    if problems:
        raise IntegrityError(problems)


def _node_id(kind: str, record_id: str) -> str:
    return f"{_URN}{kind}:{urllib.parse.quote(record_id, safe='')}"


def _date(when: When) -> str:
    if when.precision in (Precision.YEAR, Precision.MONTH, Precision.DAY):
        return when.start.date().isoformat()
    return str(when)


def _party(dossier: Dossier, actor_id: str) -> dict[str, Any]:
    actor = dossier.actor(actor_id)
    kind = "Person" if actor.kind is ActorKind.PERSON else "Organization"
    return {"@type": kind, "@id": _node_id("actor", actor.id), "name": actor.name}


def _work(dossier: Dossier, source_id: str) -> dict[str, Any]:
    source = dossier.source(source_id)
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": _node_id("source", source.id),
        "headline": source.title,
    }
    if source.url is not None:
        work["url"] = source.url
    if source.published is not None:
        work["datePublished"] = _date(source.published)
    if source.publisher is not None:
        work["publisher"] = _party(dossier, source.publisher)
    return work


def _words(dossier: Dossier, claim: Claim) -> str:
    said = words_of(claim.proposition)
    if said is not None:
        return said
    if claim.quotes:
        return " … ".join(q.exact for q in claim.quotes)
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


def to_claimreview(dossier: Dossier, reviews: Iterable[Review]) -> list[dict[str, Any]]:
    """Each review as a schema.org ``ClaimReview`` (JSON-LD, plain JSON types).

    Args:
        dossier: The dossier the reviews refer to.
        reviews: The reviews to write.

    Raises:
        IntegrityError: A review refers to something the dossier does not have.
    """
    reviews = tuple(reviews)
    check(dossier, reviews)
    out = []
    for review in reviews:
        claim = dossier.claim(review.claim)
        item: dict[str, Any] = {
            "@type": "Claim",
            "@id": _node_id("claim", claim.id),
            "author": _party(dossier, claim.claimant),
        }
        if claim.made is not None:
            item["datePublished"] = _date(claim.made)
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
        if review.published is not None:
            node["datePublished"] = _date(review.published)
        node |= {
            "author": _party(dossier, review.reviewer),
            "claimReviewed": _words(dossier, claim),
            "itemReviewed": item,
            "reviewRating": rating,
        }
        out.append(node)
    return out


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


def from_claimreview(data: Any) -> ClaimReviewImport:
    """Read ``ClaimReview`` JSON-LD back into a dossier and its reviews.

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
        dossier = build([*records, *self.claims.values()], self.lost)
        try:
            check(dossier, self.reviews)
            reviews = tuple(self.reviews)
        except IntegrityError as exc:
            self.lost.extend(f"not imported: {p}" for p in exc.problems)
            bad = {p.path.split("'")[1] for p in exc.problems}
            reviews = tuple(r for r in self.reviews if r.id not in bad)
        return ClaimReviewImport(dossier, reviews, tuple(self.lost))

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
        try:
            if isinstance(value, str) and len(value) == 10:
                day = date.fromisoformat(value)
                return When.day(day.year, day.month, day.day)
            at = datetime.fromisoformat(str(value))
        except ValueError:
            self.lost.append(f"{where}: {value!r:.40} is not an ISO 8601 date")
            return None
        if at.tzinfo is None:
            self.lost.append(f"{where}: {value!r:.40} has no UTC offset")
            return None
        return When.of(at, Precision.SECOND)

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
        self.actors.setdefault(aid, Actor(aid, name, kind=kind))
        self._rest(node, {"name"}, where)
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
                numbers["ratingValue"],
                numbers["bestRating"],
                numbers["worstRating"],
                node.get("url") if isinstance(node.get("url"), str) else None,
                self._when(node.get("datePublished"), f"{where}.datePublished"),
                first_id,
                tuple(appearances),
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
