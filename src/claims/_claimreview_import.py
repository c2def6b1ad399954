"""Reading schema.org ``ClaimReview`` JSON-LD into a dossier (`from_claimreview`).

Public through `claims.claimreview`, which also writes it; the terms both
directions share (`URN`, `DATES`) live here.
"""

from __future__ import annotations

import html.parser
import json
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

from ._exchange import build, in_words
from ._model import (
    Actor,
    ActorKind,
    Claim,
    Identifier,
    Precision,
    Review,
    Source,
    When,
)
from ._same_as import identifier_of
from .dossier import Dossier, Record
from .exceptions import ClaimsError, LoadError, Problem

__all__ = ["CONTEXTS", "DATES", "URN", "ClaimReviewImport", "from_claimreview"]

URN = "urn:claims:"
"""The prefix of the ``@id`` a record's id travels in."""
CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}
"""The ``@context`` values read as schema.org."""


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


DATES = (Precision.YEAR, Precision.MONTH, Precision.DAY)


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
        if context is not None and not (isinstance(context, str) and context in CONTEXTS):
            self.lost.append(f"{where}: @context {context!r:.60} read as schema.org")

    def _id(self, node: Mapping[str, Any], kind: str, *fallback: Any) -> str:
        node_id = node.get("@id")
        prefix = f"{URN}{kind}:"
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
            if precision in DATES:
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
