"""STIX 2.1 export: parsed by the official library, valid against the OASIS schemas."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
import stix2
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import strategies
from claims.confidence import Credibility, Likelihood, StixScale
from claims.stix import (
    EXTENSION_ID,
    IDENTITY_CLASS,
    from_stix_bundle,
    left_out,
    to_stix_bundle,
)
from exchange_support import named_reviews, without_reviews
from support import DATA, examples

SCHEMAS = DATA / "stix2-json-schemas" / "schemas"
CREATED = datetime(2024, 1, 5, 12, 0, tzinfo=UTC)

# The official schemas refer to each other by $id; load them all into one registry.
_RESOURCES = [
    referencing.Resource.from_contents(json.loads(p.read_text()))
    for p in sorted(SCHEMAS.rglob("*.json"))
]
REGISTRY: referencing.Registry[Any] = referencing.Registry().with_resources(
    (r.id(), r) for r in _RESOURCES if r.id() is not None
)
_BY_TITLE = {r.contents.get("title"): r.contents for r in _RESOURCES}


def validator(title: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_BY_TITLE[title], registry=REGISTRY)


BUNDLE = validator("bundle")
OBJECT = {
    t: validator(t)
    for t in ("identity", "incident", "report", "note", "opinion", "extension-definition")
}
OBJECT["relationship"] = validator("relationship")


# The official bundle schema lists neither incident, note, opinion nor
# extension-definition, and takes
# any unlisted type as a custom object that must match exactly one of core and
# cyber-observable-core, which an incident matches both of; those objects are
# checked against their own schemas instead.
_UNLISTED = {"incident", "note", "opinion", "extension-definition"}


def check(bundle: dict[str, Any]) -> stix2.Bundle:
    """Every check STIX tools would make: the OASIS schemas and the stix2 library."""
    listed = [o for o in bundle["objects"] if o["type"] not in _UNLISTED]
    envelope = {**bundle, "objects": listed or [bundle["objects"][0]]}
    errors = [e.message for e in BUNDLE.iter_errors(envelope)]
    for obj in bundle["objects"]:
        errors += [f"{obj['id']}: {e.message}" for e in OBJECT[obj["type"]].iter_errors(obj)]
    assert errors == []
    parsed = stix2.parse(json.dumps(bundle), allow_custom=True)
    assert isinstance(parsed, stix2.Bundle)
    return parsed


def ext(obj: Any) -> Any:
    """The claims extension's properties of an exported object."""
    return obj.get("extensions", {}).get(EXTENSION_ID, {})


SCALES = st.sampled_from([StixScale.DNI, StixScale.ADMIRALTY_CREDIBILITY, None])


@settings(max_examples=examples(30))
@given(strategies.dossiers(), SCALES)
def test_every_export_of_a_generated_dossier_is_valid_stix(
    dossier: claims.Dossier, scale: StixScale | None
) -> None:
    bundle = to_stix_bundle(dossier, scale=scale, created=CREATED)
    parsed = check(bundle)

    kinds = Counter(o.type for o in parsed.objects)
    assert kinds["extension-definition"] == 1
    assert kinds["identity"] == len(dossier.actors) + 1  # the extension's author
    assert kinds["incident"] == len(dossier.events)
    assert kinds["report"] == len(dossier.sources)
    assert kinds["note"] + kinds["opinion"] == len(dossier.claims)
    parts = sum(a.part_of is not None for a in dossier.actors.values())
    ties = sum(len(a.affiliations) for a in dossier.actors.values())
    assert kinds["relationship"] == len(dossier.links) + parts + ties

    by_claim = {ext(o)["id"]: o for o in parsed.objects if o.type in ("note", "opinion")}
    for claim in dossier.claims.values():
        obj = by_claim[claim.id]
        expected = expected_confidence(claim.assessment, scale)
        assert obj.get("confidence") == expected
        assert ext(obj)["stance"] == claim.stance.value
        assert obj["authors"] == [dossier.actor(claim.claimant).name]


def expected_confidence(assessment: claims.Assessment | None, scale: StixScale | None) -> Any:
    """The STIX 2.1 appendix tables, written out (DNI Scale; Admiralty Credibility)."""
    if assessment is None or scale is None:
        return None
    if scale is StixScale.DNI:
        dni = {
            Likelihood.ALMOST_NO_CHANCE: 5,
            Likelihood.VERY_UNLIKELY: 15,
            Likelihood.UNLIKELY: 30,
            Likelihood.ROUGHLY_EVEN_CHANCE: 50,
            Likelihood.LIKELY: 70,
            Likelihood.VERY_LIKELY: 85,
            Likelihood.ALMOST_CERTAIN: 95,
        }
        return None if assessment.likelihood is None else dni[assessment.likelihood]
    admiralty = {
        Credibility.CONFIRMED: 90,
        Credibility.PROBABLY_TRUE: 70,
        Credibility.POSSIBLY_TRUE: 50,
        Credibility.DOUBTFUL: 30,
        Credibility.IMPROBABLE: 10,
        Credibility.CANNOT_BE_JUDGED: None,
    }
    return None if assessment.credibility is None else admiralty[assessment.credibility]


@settings(max_examples=examples(30))
@given(strategies.dossiers(), SCALES)
def test_an_export_imports_back_unchanged(dossier: claims.Dossier, scale: StixScale | None) -> None:
    result = from_stix_bundle(to_stix_bundle(dossier, scale=scale, created=CREATED))
    assert result.lost == ()
    # STIX carries everything but the reviews, and the export says so of each.
    assert result.dossier == without_reviews(dossier)
    assert named_reviews(left_out(dossier)) == [f"review {r!r}" for r in dossier.reviews]


def test_identity_classes_fit_the_actor_kinds() -> None:
    assert IDENTITY_CLASS[claims.ActorKind.PERSON] == "individual"
    assert IDENTITY_CLASS[claims.ActorKind.UNNAMED_COLLECTIVE] == "class"
    assert IDENTITY_CLASS[claims.ActorKind.NEWS_AGENCY] == "organization"
    vocabulary = set(_BY_TITLE["identity"]["definitions"]["identity-class-ov"]["enum"])
    assert set(IDENTITY_CLASS.values()) <= vocabulary


def test_a_scale_with_no_assessment_dimension_is_refused() -> None:
    d = claims.Dossier([claims.Actor("a", "A")])
    with pytest.raises(claims.InvalidValueError, match="choose DNI or ADMIRALTY_CREDIBILITY"):
        to_stix_bundle(d, scale=StixScale.WEP)


def test_the_same_dossier_gives_the_same_bundle(seed_path: Path) -> None:
    d = claims.load(seed_path)
    first = to_stix_bundle(d, scale=StixScale.DNI, created=CREATED)
    assert to_stix_bundle(d, scale=StixScale.DNI, created=CREATED) == first


def test_the_seed_exports_and_imports_back(seed_path: Path) -> None:
    d = claims.load(seed_path)
    bundle = to_stix_bundle(d, scale=StixScale.DNI, created=CREATED)
    check(bundle)
    assert from_stix_bundle(bundle).dossier == d


def test_the_committed_seed_bundle_is_what_the_code_produces(seed_path: Path, root: Path) -> None:
    d = claims.load(seed_path)
    committed = json.loads(
        (root / "docs" / "interop" / "baghdad-drone-strike.stix.json").read_text()
    )
    check(committed)
    assert committed == to_stix_bundle(d, scale=StixScale.DNI, created=CREATED)


def test_a_quoted_claim_carries_its_words_and_source_url() -> None:
    d = claims.Dossier(
        [
            claims.Actor("pmo", "Prime Minister's office", kind=claims.ActorKind.GOVERNMENT_BODY),
            claims.Actor("aj", "Al Jazeera", kind=claims.ActorKind.MEDIA_OUTLET),
            claims.Source(
                "art", "Iraq blames US-led coalition", publisher="aj", url="https://example.org/a"
            ),
            claims.Claim(
                "c",
                "pmo",
                claims.Proposition(claims.ActorRef("aj"), "said", claims.Text("x")),
                quotes=[claims.Quote("art", "blames", 5, 11)],
                assessment=claims.Assessment(likelihood=Likelihood.LIKELY),
            ),
        ]
    )
    bundle = to_stix_bundle(d, scale=StixScale.DNI, created=CREATED)
    check(bundle)
    note = next(o for o in bundle["objects"] if o["type"] == "note")
    assert note["content"] == "blames"
    assert note["confidence"] == 70
    assert note["external_references"] == [
        {
            "source_name": "Iraq blames US-led coalition",
            "url": "https://example.org/a",
            "description": "blames",
        }
    ]
    report = next(o for o in bundle["objects"] if o["type"] == "report")
    assert report["created_by_ref"] == next(
        o["id"] for o in bundle["objects"] if ext(o).get("id") == "aj"
    )
    assert note["id"] in report["object_refs"]


def test_what_stix_cannot_hold_is_reported_on_import() -> None:
    foreign = {
        "type": "bundle",
        "id": "bundle--0b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
        "objects": [
            {
                "type": "identity",
                "spec_version": "2.1",
                "name": "Reuters",
                "id": "identity--1b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
                "identity_class": "organization",
                "created": "2024-01-05T00:00:00.000Z",
                "modified": "2024-01-05T00:00:00.000Z",
            },
            {
                "type": "note",
                "spec_version": "2.1",
                "content": "four killed",
                "id": "note--2b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
                "authors": ["Reuters"],
                "object_refs": ["identity--1b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a"],
                "created": "2024-01-05T00:00:00.000Z",
                "modified": "2024-01-05T00:00:00.000Z",
            },
            {
                "type": "malware",
                "spec_version": "2.1",
                "name": "x",
                "is_family": False,
                "id": "malware--3b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
                "created": "2024-01-05T00:00:00.000Z",
                "modified": "2024-01-05T00:00:00.000Z",
            },
        ],
    }
    result = from_stix_bundle(foreign)
    reuters = "identity--1b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a"
    assert list(result.dossier.actors) == [reuters]
    assert result.dossier.actor(reuters).kind is claims.ActorKind.OTHER
    # A note from another producer is a claim by its author, known in words.
    (claim,) = result.dossier.claims.values()
    assert claim.claimant == reuters
    assert claim.proposition.subject == claims.Text("four killed")
    assert result.lost == (
        "malware--3b5c1a1e-1d4e-4b8c-8d1e-0c1a1d2c3b4a: a malware has no place in a claims dossier",
    )


def test_a_malformed_extension_property_is_a_load_error_with_its_place() -> None:
    d = claims.Dossier([claims.Actor("a", "A", kind=claims.ActorKind.PERSON)])
    bundle = to_stix_bundle(d, scale=None, created=CREATED)
    actor = next(o for o in bundle["objects"] if ext(o).get("id") == "a")
    ext(actor)["kind"] = "dragon"
    with pytest.raises(claims.LoadError, match=r"identity--.*extensions.kind: 'dragon' is not one"):
        from_stix_bundle(bundle)


def test_a_note_abstract_says_the_claim_in_words_with_its_figures() -> None:
    d = claims.Dossier(
        [
            claims.Actor("reuters", name="Reuters", kind=claims.ActorKind.NEWS_AGENCY),
            claims.Event("strike", description="the strike"),
            claims.Claim(
                "toll",
                claimant="reuters",
                proposition=claims.Proposition(
                    subject=claims.EventRef("strike"),
                    predicate="killed_in_total",
                    object=claims.Quantity(value=4, unit="people"),
                ),
            ),
        ]
    )
    note = next(
        o for o in to_stix_bundle(d, scale=None, created=CREATED)["objects"] if o["type"] == "note"
    )
    # The figure and the predicate's words, not the value's type and the raw predicate.
    assert note["abstract"] == "Reuters asserts: the strike killed in total 4 people"
    assert note["abstract"] == claims.describe(d.claim("toll"), d)
    assert note["content"] == note["abstract"]
