"""schema.org ClaimReview: JSON-LD that expands against schema.org's vocabulary, and back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from pyld import jsonld

import claims
from claims import strategies
from claims.claimreview import Review, check, export, from_claimreview, to_claimreview
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
    assert len(result.dossier.reviews) == 2  # in the dossier, with what they name
    exported = export(result.dossier)
    assert exported.lost == ()
    again = exported.document
    assert schema_errors(again) == []
    assert without_our_ids(expand(again)) == without_our_ids(expand(FEED))
    back = from_claimreview(again)
    assert (back.dossier, back.lost) == (result.dossier, ())


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


def seed_with_a_review() -> tuple[claims.Dossier, Review]:
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
    dossier.add(review)
    return dossier, review


def test_the_seed_can_carry_a_review_and_export_it() -> None:
    dossier, review = seed_with_a_review()
    (node,) = to_claimreview(dossier)
    assert schema_errors(node) == []
    assert node["claimReviewed"] == "four PMF members were killed"
    assert node["itemReviewed"]["author"]["name"] == "Reuters"
    assert node["itemReviewed"]["firstAppearance"]["headline"] == (
        "Iraq blames US-led coalition for deadly drone strike in Baghdad"
    )
    back = from_claimreview(node)
    assert back.dossier.reviews == {"toll-review": review}
    assert back.lost == ()
    committed = ROOT / "docs" / "interop" / "baghdad-drone-strike.claimreview.json"
    assert json.loads(committed.read_text()) == [node]


def test_the_seed_with_a_review_is_written_and_read_as_a_version_3_document() -> None:
    dossier, review = seed_with_a_review()
    text = claims.dumps(dossier)
    assert json.loads(text)["schema_version"] == 3
    assert claims.loads(text) == dossier
    assert claims.loads(text).reviews_of("reuters-killed") == (review,)


def test_the_export_names_what_it_leaves_out() -> None:
    dossier, _ = seed_with_a_review()
    lost = export(dossier).lost
    assert [line for line in lost if "not written: " not in line] == [
        "actor 'al-jazeera'.kind: schema.org says only Person or Organization",
        "actor 'reuters'.kind: schema.org says only Person or Organization",
        "actor 'checker'.kind: schema.org says only Person or Organization",
        "source 'aj-article'.published: a day is written without its UTC offset",
        "source 'aj-article'.sha256: not written",
        "claim 'reuters-killed'.proposition: written in words (claimReviewed)",
        "claim 'reuters-killed'.quotes: not written",
        "claim 'reuters-killed'.chain: not written",
        "claim 'reuters-killed'.assessment: not written",
    ]
    unwritten = [line.split(":")[0] for line in lost if "not written: " in line]
    # Written: the review, its claim, a source and three actors (claimant, publisher, reviewer).
    assert len(unwritten) == len(dossier) - 6
    assert "claim 'reuters-wounded'" in unwritten
    assert "link 'gov-blames-coalition' supports 'pmo-coalition-responsible'" in unwritten


def test_reviews_kept_beside_the_dossier_still_export_with_a_warning() -> None:
    dossier, review = seed_with_a_review()
    bare = claims.loads(claims.dumps(SEED))
    bare.add(dossier.actor("checker"))
    with pytest.warns(DeprecationWarning, match="add the reviews to the dossier"):
        assert to_claimreview(bare, [review]) == to_claimreview(dossier)
    with pytest.warns(DeprecationWarning, match="deprecated"):
        check(bare, [review])


def test_reviews_must_refer_to_the_dossier() -> None:
    review = Review("r", "no-claim", "no-actor", "False", appearances=["no-source"])
    dossier = claims.loads(claims.dumps(SEED))
    with pytest.raises(claims.IntegrityError) as caught:
        dossier.extend([review, review])
    assert [str(p) for p in caught.value.problems] == [
        "review 'r'.id: review id 'r' is already taken",
        "review 'r'.claim: 'no-claim' is not a known claim",
        "review 'r'.reviewer: 'no-actor' is not a known actor",
        "review 'r'.appearances[0]: 'no-source' is not a known source",
        "review 'r'.claim: 'no-claim' is not a known claim",
        "review 'r'.reviewer: 'no-actor' is not a known actor",
        "review 'r'.appearances[0]: 'no-source' is not a known source",
    ]
    assert dossier == SEED
    with pytest.warns(DeprecationWarning, match="deprecated"), pytest.raises(claims.IntegrityError):
        check(dossier, [review])


def test_a_rating_outside_its_scale_is_refused() -> None:
    with pytest.raises(claims.InvalidValueError, match=r"outside its scale 1\.\.5"):
        Review("r", "c", "a", "False", rating=7, best=5, worst=1)


def _named(lost: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The records (``claim 'c'``) and fields (``claim 'c'.stance``) a report names."""
    records, fields = set(), set()
    for line in lost:
        where = line.split(": ", 1)[0]
        if where.endswith(("'", '"')):
            records.add(where)
        else:
            fields.add(where)
    return records, fields


@settings(max_examples=60, deadline=None)
@given(strategies.dossiers().filter(lambda d: len(d.reviews) > 0))
def test_generated_reviews_keep_what_claimreview_can_say_and_the_rest_is_named(
    dossier: claims.Dossier,
) -> None:
    result = export(dossier)
    assert schema_errors(result.document) == []
    back = from_claimreview(json.loads(json.dumps(result.document)))
    assert back.lost == ()
    records, fields = _named(result.lost)
    kept = {claims.dossier.label(r): r for r in back.dossier.records()}
    for record in dossier.records():
        name = claims.dossier.label(record)
        if name in records:
            assert name not in kept
            continue
        got = kept.pop(name)
        for field in attrs.fields(type(record)):
            same = getattr(got, field.name) == getattr(record, field.name)
            assert same != (f"{name}.{field.name}" in fields), (name, field.name)
    assert kept == {}


@settings(max_examples=150, deadline=None)
@given(mutations(FEED))
def test_a_mutated_feed_imports_or_fails_with_a_claims_error(feed: Any) -> None:
    with contextlib.suppress(claims.ClaimsError):
        from_claimreview(feed)
