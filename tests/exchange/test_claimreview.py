"""schema.org ClaimReview: JSON-LD that expands against schema.org's vocabulary, and back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld

import claims
from claims import strategies
from claims.claimreview import Review, check, from_claimreview, to_claimreview
from exchange_support import mutations

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"
SEED = claims.load(ROOT / "seeds" / "baghdad-drone-strike.json")
FEED = json.loads((DATA / "claimreview" / "feed.json").read_text())
CONTEXT = json.loads((DATA / "schemaorg" / "context.jsonld").read_text())
TERMS = json.loads((DATA / "schemaorg" / "terms.json").read_text())
SCHEMA = "http://schema.org/"


def loader(url: str, options: Any = None) -> dict[str, Any]:
    """The committed copy of the schema.org context: nothing is fetched."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(doc: Any) -> list[Any]:
    expanded: list[Any] = jsonld.expand(doc, {"documentLoader": loader})
    return expanded


def ancestors(cls: str) -> set[str]:
    found = set()
    while cls is not None:
        found.add(cls)
        cls = TERMS["classes"][cls]
    return found


def schema_errors(doc: Any) -> list[str]:
    """Every class and property of the expanded document checked against schema.org's terms."""
    errors: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict) or "@value" in node:
            return
        types = set()
        for t in node.get("@type", []):
            name = t.removeprefix(SCHEMA)
            if not t.startswith(SCHEMA) or name not in TERMS["classes"]:
                errors.append(f"unknown class {t}")
            else:
                types |= ancestors(name)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            name = key.removeprefix(SCHEMA)
            term = TERMS["properties"].get(name)
            if not key.startswith(SCHEMA) or term is None:
                errors.append(f"unknown property {key}")
            elif types and not types & set(term["domain"]):
                errors.append(f"{name} is not a property of {sorted(types)}")
            walk(value)

    walk(expand(doc))
    return errors


def without_our_ids(value: Any) -> Any:
    """The expanded graph without the urn:claims: node names our export adds."""
    if isinstance(value, dict):
        return {
            k: without_our_ids(v)
            for k, v in value.items()
            if not (k == "@id" and str(v).startswith("urn:claims:"))
        }
    if isinstance(value, list):
        return sorted((without_our_ids(v) for v in value), key=json.dumps)
    return value


def test_the_hand_written_feed_round_trips_with_nothing_lost() -> None:
    assert schema_errors(FEED) == []
    result = from_claimreview(FEED)
    assert result.lost == ()
    assert [r.verdict for r in result.reviews] == ["False", "Unproven"]
    first = result.reviews[0]
    assert (first.rating, first.best, first.worst) == (1, 5, 1)
    claim = result.dossier.claim(first.claim)
    assert result.dossier.actor(claim.claimant) == claims.Actor(
        "A. Commentator", "A. Commentator", kind=claims.ActorKind.PERSON
    )
    assert claim.proposition.subject == claims.Text(
        "Ten PMF commanders were killed in the Baghdad drone strike"
    )
    assert result.dossier.source(first.first_appearance or "").title == "Post by A. Commentator"
    again = to_claimreview(result.dossier, result.reviews)
    assert schema_errors(again) == []
    assert without_our_ids(expand(again)) == without_our_ids(expand(FEED))
    back = from_claimreview(again)
    assert (back.dossier, back.reviews, back.lost) == (result.dossier, result.reviews, ())


def test_a_page_with_json_ld_scripts_imports_like_the_feed() -> None:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(node)}</script>' for node in FEED
    )
    page = f"<html><head><title>Fact checks</title>{scripts}</head><body>x</body></html>"
    from_page, from_feed = from_claimreview(page), from_claimreview(FEED)
    assert (from_page.dossier, from_page.reviews) == (from_feed.dossier, from_feed.reviews)


def test_a_data_feed_and_a_graph_are_read_too() -> None:
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": FEED}
    graph = {"@context": "https://schema.org", "@graph": FEED}
    assert from_claimreview(feed).reviews == from_claimreview(graph).reviews
    assert len(from_claimreview(feed).reviews) == 2


def test_what_a_review_cannot_hold_is_listed() -> None:
    node = json.loads(json.dumps(FEED[0]))
    node["author"]["url"] = "https://factcheck.example.org"
    node["reviewRating"]["ratingExplanation"] = "No source gives ten."
    node["inLanguage"] = "en"
    result = from_claimreview(node)
    assert result.lost == (
        "$.author: url not kept",
        "$.reviewRating: ratingExplanation not kept",
        "$: inLanguage not kept",
    )


def test_the_seed_can_carry_a_review_and_export_it() -> None:
    dossier = claims.loads(claims.dumps(SEED))
    dossier.add(claims.Actor("checker", "Example Fact Check", kind=claims.ActorKind.MEDIA_OUTLET))
    review = Review(
        "toll-review",
        "reuters-killed",
        "checker",
        "Unproven",
        rating=3,
        best=5,
        worst=1,
        url="https://factcheck.example.org/baghdad-toll",
        published=claims.When.day(2024, 1, 6),
        first_appearance="aj-article",
    )
    (node,) = to_claimreview(dossier, [review])
    assert schema_errors(node) == []
    assert node["claimReviewed"] == "four PMF members were killed"
    assert node["itemReviewed"]["author"]["name"] == "Reuters"
    assert node["itemReviewed"]["firstAppearance"]["headline"] == (
        "Iraq blames US-led coalition for deadly drone strike in Baghdad"
    )
    back = from_claimreview(node)
    assert back.reviews == (review,)
    assert back.lost == ()
    committed = ROOT / "docs" / "interop" / "baghdad-drone-strike.claimreview.json"
    assert json.loads(committed.read_text()) == [node]


def test_reviews_must_refer_to_the_dossier() -> None:
    review = Review("r", "no-claim", "no-actor", "False", appearances=["no-source"])
    with pytest.raises(claims.IntegrityError) as caught:
        check(SEED, [review, review])
    assert [str(p) for p in caught.value.problems] == [
        "review 'r'.claim: 'no-claim' is not a known claim",
        "review 'r'.reviewer: 'no-actor' is not a known actor",
        "review 'r'.appearances[0]: 'no-source' is not a known source",
        "review 'r'.id: review id 'r' is already taken",
        "review 'r'.claim: 'no-claim' is not a known claim",
        "review 'r'.reviewer: 'no-actor' is not a known actor",
        "review 'r'.appearances[0]: 'no-source' is not a known source",
    ]


def test_a_rating_outside_its_scale_is_refused() -> None:
    with pytest.raises(claims.InvalidValueError, match=r"outside its scale 1\.\.5"):
        Review("r", "c", "a", "False", rating=7, best=5, worst=1)


@st.composite
def reviewed(draw: st.DrawFn) -> tuple[claims.Dossier, list[Review]]:
    dossier = draw(strategies.dossiers().filter(lambda d: len(d.claims) > 0))
    actors, sources = list(dossier.actors), list(dossier.sources)
    reviews = []
    for i, claim in enumerate(dossier.claims):
        worst, best = draw(st.sampled_from([(1, 5), (0, 10), (None, None)]))
        rating = draw(st.integers(0, 5)) if worst is not None else None
        rating = None if rating is None or worst is None else max(worst, min(best, rating))
        reviews.append(
            Review(
                f"r{i}",
                claim,
                draw(st.sampled_from(actors)),
                draw(strategies.texts()),
                rating,
                best,
                worst,
                draw(st.none() | st.just(f"https://factcheck.example.org/{i}")),
                draw(
                    st.none()
                    | st.builds(
                        claims.When.day,
                        st.integers(2000, 2030),
                        st.integers(1, 12),
                        st.integers(1, 28),
                    )
                ),
                draw(st.none() | st.sampled_from(sources)) if sources else None,
                tuple(draw(st.lists(st.sampled_from(sources), max_size=2, unique=True)))
                if sources
                else (),
            )
        )
    return dossier, reviews


@settings(max_examples=30, deadline=None)
@given(reviewed())
def test_generated_reviews_keep_what_claimreview_can_say(
    case: tuple[claims.Dossier, list[Review]],
) -> None:
    dossier, reviews = case
    doc = to_claimreview(dossier, reviews)
    assert schema_errors(doc) == []
    result = from_claimreview(json.loads(json.dumps(doc)))
    assert result.reviews == tuple(reviews)
    back = result.dossier
    for review in reviews:
        claim, got = dossier.claim(review.claim), back.claim(review.claim)
        assert back.actor(got.claimant).name == dossier.actor(claim.claimant).name
        assert back.actor(review.reviewer).name == dossier.actor(review.reviewer).name
        for source in (review.first_appearance, *review.appearances):
            if source is not None:
                assert back.source(source).title == dossier.source(source).title
                assert back.source(source).url == dossier.source(source).url


@settings(max_examples=150, deadline=None)
@given(mutations(FEED))
def test_a_mutated_feed_imports_or_fails_with_a_claims_error(feed: Any) -> None:
    with contextlib.suppress(claims.ClaimsError):
        from_claimreview(feed)
