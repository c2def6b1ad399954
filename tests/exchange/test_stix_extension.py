"""STIX the standard's way: the claims extension, reproducible times, the OASIS
validator, and bundles that went through other tools or came from them."""

from __future__ import annotations

import contextlib
import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import stix2validator
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import strategies
from claims.confidence import Likelihood, StixScale
from claims.stix import (
    EXTENSION_ID,
    extension_schema,
    from_stix_bundle,
    stix_id,
    stix_url,
    to_stix_bundle,
)
from exchange_support import mutations, without_reviews

ROOT = Path(__file__).resolve().parents[2]
SEED = claims.load(ROOT / "seeds" / "baghdad-drone-strike.json")
CREATED = datetime(2024, 1, 5, 12, 0, tzinfo=UTC)
# The kinds of warning the docs explain (docs/interop/stix.md): UUIDv5 ids,
# relationship types STIX permits but does not suggest, and URLs of sources
# no fingerprint was taken of.
EXPLAINED = {"103", "202", "302"}


def validate(bundle: dict[str, Any]) -> stix2validator.validator.ObjectValidationResults:
    return stix2validator.validate_parsed_json(
        copy.deepcopy(bundle), stix2validator.ValidationOptions()
    )


def warning_codes(result: Any) -> set[str]:
    return {w.split("{", 1)[1].split("}", 1)[0] for w in map(str, result.warnings)}


def assert_valid(bundle: dict[str, Any]) -> None:
    """Valid for the OASIS validator; strict (warnings are errors) but for the explained."""
    result = validate(bundle)
    assert result.is_valid, [str(e) for e in result.errors]
    assert warning_codes(result) <= EXPLAINED
    strict = stix2validator.validate_parsed_json(
        copy.deepcopy(bundle),
        stix2validator.ValidationOptions(
            strict=True, strict_properties=True, disabled=",".join(sorted(EXPLAINED))
        ),
    )
    assert strict.is_valid, [str(e) for e in strict.errors]
    assert strict.warnings == []


def ext(obj: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = obj.get("extensions", {}).get(EXTENSION_ID, {})
    return found


def strip(value: Any, *, extensions: bool = False) -> Any:
    """What a tool that drops custom properties (and perhaps extensions) gives back."""
    if isinstance(value, dict):
        return {
            k: strip(v, extensions=extensions)
            for k, v in value.items()
            if not k.startswith("x_") and not (extensions and k == "extensions")
        }
    if isinstance(value, list):
        return [strip(v, extensions=extensions) for v in value]
    return value


# --------------------------------------------------------------------------
# The extension


def test_the_seed_bundle_passes_the_oasis_validator() -> None:
    bundle = to_stix_bundle(SEED, scale=StixScale.DNI)
    assert_valid(bundle)
    # Without the explained warnings disabled, strict mode names only those.
    assert warning_codes(validate(bundle)) == {"103", "202"}


def test_every_object_carries_the_extension_its_schema_describes() -> None:
    bundle = to_stix_bundle(SEED, scale=StixScale.DNI, created=CREATED)
    (definition,) = [o for o in bundle["objects"] if o["type"] == "extension-definition"]
    schema = json.loads(definition["schema"])
    assert schema == extension_schema()
    # Made from the model's own schema: the records' definitions are the same,
    # but for reviews, which STIX does not carry (claims.stix.left_out), and
    # a dossier's own vocabulary, which it does not carry either.
    model = claims.json_schema()["$defs"]
    for name in ("Review", "Vocabulary", "Predicate", "Unit"):
        model.pop(name)
    assert {k: v for k, v in schema["$defs"].items() if k in model} == model
    check = jsonschema.Draft202012Validator(schema)
    carried = [o for o in bundle["objects"] if o["type"] in ("identity", "incident", "report")]
    carried += [o for o in bundle["objects"] if o["type"] in ("note", "opinion")]
    assert len([o for o in carried if ext(o)]) == len(SEED.actors) + len(SEED.events) + len(
        SEED.sources
    ) + len(SEED.claims)
    for obj in carried:
        if obj["id"] != definition["created_by_ref"]:
            assert ext(obj)["extension_type"] == "property-extension"
            assert list(check.iter_errors(ext(obj))) == []
    assert not any(k.startswith("x_") for o in bundle["objects"] for k in o)


def test_a_bundle_without_x_properties_reimports_every_claim() -> None:
    bundle = to_stix_bundle(SEED, scale=StixScale.DNI)
    result = from_stix_bundle(strip(bundle))
    assert result.dossier == SEED
    assert result.lost == ()


def test_with_the_extensions_stripped_too_plain_stix_is_read_and_the_rest_listed() -> None:
    bundle = to_stix_bundle(SEED, scale=StixScale.DNI)
    result = from_stix_bundle(strip(bundle, extensions=True), scale=StixScale.DNI)
    d = result.dossier
    assert len(d.claims) == len(SEED.claims)
    assert sorted(a.name for a in d.actors.values()) == sorted(a.name for a in SEED.actors.values())
    by_id = {stix_id(o["type"], ext(o)["id"]): o for o in bundle["objects"] if ext(o)}
    for claim in SEED.claims.values():
        note = by_id.get(stix_id("note", claim.id)) or by_id[stix_id("opinion", claim.id)]
        back = d.claim(note["id"])
        # Who said it, the confidence.
        assert d.actor(back.claimant).name == SEED.actor(claim.claimant).name
        likelihood = claim.assessment.likelihood if claim.assessment else None
        assert (back.assessment.likelihood if back.assessment else None) == likelihood
        # The quote's words and the source it is in.
        if claim.quotes and note["type"] == "note":
            assert back.proposition.subject == claims.Text(
                "\n\n".join(q.exact for q in claim.quotes)
            )
            titles = {d.source(h.source).title for h in back.chain if h.source}
            assert titles == {SEED.source(q.source).title for q in claim.quotes}
        # And the rest is listed.
        assert any(line.startswith(f"{note['id']}: read as plain STIX") for line in result.lost)
    assert all(
        line.startswith(("identity--", "incident--", "report--", "note--", "opinion--"))
        for line in result.lost
    )


# --------------------------------------------------------------------------
# Reproducible times


def test_two_exports_of_the_same_dossier_are_identical() -> None:
    first = json.dumps(to_stix_bundle(SEED, scale=StixScale.DNI))
    assert json.dumps(to_stix_bundle(claims.loads(claims.dumps(SEED)), scale=StixScale.DNI)) == (
        first
    )


def test_created_and_modified_are_the_records_own_times() -> None:
    baghdad = timezone(timedelta(hours=3))
    d = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Source(
                "s", "S", publisher="a", published=claims.When.day(2024, 1, 4, tz=baghdad)
            ),
            claims.Claim(
                "c",
                "a",
                claims.Proposition(claims.ActorRef("a"), "said", claims.Text("x")),
                made=claims.When(datetime(2024, 1, 4, 10, 30, tzinfo=baghdad)),
                assessment=claims.Assessment(
                    likelihood=Likelihood.LIKELY,
                    assessed_at=datetime(2024, 1, 6, 8, 0, tzinfo=UTC),
                ),
            ),
        ]
    )
    fallback = datetime(2030, 1, 1, tzinfo=UTC)
    objects = {o["type"]: o for o in to_stix_bundle(d, scale=None, created=fallback)["objects"]}
    assert (objects["note"]["created"], objects["note"]["modified"]) == (
        "2024-01-04T07:30:00.000Z",
        "2024-01-06T08:00:00.000Z",
    )
    assert (
        objects["report"]["created"]
        == objects["report"]["published"]
        == ("2024-01-03T21:00:00.000Z")
    )
    actor = next(o for o in to_stix_bundle(d, scale=None)["objects"] if ext(o).get("id") == "a")
    # No time of its own: the latest time of the dossier, unless one is given.
    assert actor["created"] == "2024-01-06T08:00:00.000Z"


def test_the_first_and_last_times_allowed_export_and_come_back() -> None:
    east, west = timezone(timedelta(hours=23, minutes=59)), timezone(-timedelta(hours=23))
    d = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Source("s", "S", published=claims.When.year(2, tz=east)),
            claims.Source("t", "T", published=claims.When(datetime(9998, 12, 31, 23, tzinfo=west))),
        ]
    )
    bundle = to_stix_bundle(d, scale=None, created=CREATED)
    assert_valid(bundle)
    published = sorted(o["published"] for o in bundle["objects"] if o["type"] == "report")
    assert published == ["0001-12-31T00:01:00.000Z", "9999-01-01T22:00:00.000Z"]
    assert from_stix_bundle(bundle).dossier == d
    with pytest.raises(claims.InvalidValueError, match="years 2 to 9998"):
        claims.When.year(1, tz=east)


# --------------------------------------------------------------------------
# Ids and URLs


def test_ids_of_keys_holding_the_separator_do_not_collide() -> None:
    assert stix_id("relationship", "a\x1fb", "c") != stix_id("relationship", "a", "b\x1fc")
    assert stix_id("identity", "reuters") == stix_id("identity", "reuters")


@pytest.mark.parametrize(
    ("url", "written"),
    [
        (
            "https://www.aljazeera.com/news/2024/1/4/iraq",
            "https://www.aljazeera.com/news/2024/1/4/iraq",
        ),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/café?q=1#x", "https://example.org/caf%C3%A9?q=1#x"),
        ("https://example.org/[x]?p=50%", "https://example.org/%5Bx%5D?p=50%25"),
        ("www.aljazeera.com/news/x", None),
        ("mailto:desk@example.org", None),
    ],
)
def test_urls_are_written_as_stix_takes_them(url: str, written: str | None) -> None:
    assert stix_url(url) == written


@settings(max_examples=25, deadline=None)
@given(strategies.dossiers(), st.sampled_from([StixScale.DNI, StixScale.ADMIRALTY_CREDIBILITY]))
def test_generated_dossiers_with_real_urls_are_valid_and_come_back(
    dossier: claims.Dossier, scale: StixScale
) -> None:
    # claims.strategies writes URLs as people paste them (strategies.urls).
    bundle = to_stix_bundle(dossier, scale=scale)
    assert_valid(bundle)
    assert bundle == to_stix_bundle(dossier, scale=scale)
    result = from_stix_bundle(strip(bundle))
    assert result.lost == ()
    assert result.dossier == without_reviews(dossier)


@settings(max_examples=25, deadline=None)
@given(strategies.dossiers())
def test_plain_stix_keeps_who_said_what_and_lists_the_rest(dossier: claims.Dossier) -> None:
    bundle = to_stix_bundle(dossier, scale=StixScale.DNI)
    result = from_stix_bundle(strip(bundle, extensions=True), scale=StixScale.DNI)
    back = result.dossier
    names = sorted(a.name for a in dossier.actors.values())
    # Every actor comes back by name (authors with no identity become actors too).
    assert sorted(a.name for a in back.actors.values()) == names
    assert len(back.sources) == len(dossier.sources)
    assert len(back.claims) == len(dossier.claims)
    for claim in dossier.claims.values():
        kind = (
            "opinion"
            if any(o["id"] == stix_id("opinion", claim.id) for o in bundle["objects"])
            else "note"
        )
        sid = stix_id(kind, claim.id)
        assert back.actor(back.claim(sid).claimant).name == dossier.actor(claim.claimant).name
        expected = claim.assessment.likelihood if claim.assessment else None
        got = back.claim(sid).assessment
        assert (got.likelihood if got else None) == expected
        assert any(line.startswith(f"{sid}: read as plain STIX") for line in result.lost)
    for actor_id in dossier.actors:
        sid = stix_id("identity", actor_id)
        assert any(line.startswith(f"{sid}: read as plain STIX") for line in result.lost)


# --------------------------------------------------------------------------
# Bundles other tools wrote


def _obj(kind: str, n: int, **props: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "spec_version": "2.1",
        "id": f"{kind}--{n:08d}-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
        "created": "2024-01-05T00:00:00.000Z",
        "modified": "2024-01-05T00:00:00.000Z",
        **props,
    }


def test_a_bundle_from_another_tool_imports_with_what_was_left_out_listed() -> None:
    reuters = _obj(
        "identity", 1, name="Reuters", identity_class="organization", description="a news agency"
    )
    ministry = _obj("identity", 2, name="Ministry", identity_class="organization")
    tlp = {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        "created": "2017-01-20T00:00:00.000Z",
        "definition_type": "tlp",
        "name": "TLP:GREEN",
        "definition": {"tlp": "green"},
    }
    old = _obj("note", 3, content="three killed", authors=["Reuters"], object_refs=[reuters["id"]])
    new = {**old, "content": "four killed", "modified": "2024-01-06T00:00:00.000Z"}
    other = _obj(
        "note", 4, content="a strike in Baghdad", authors=["Reuters"], object_refs=[reuters["id"]]
    )
    report = _obj(
        "report",
        5,
        name="Wire",
        published="yesterday",
        report_types=["news"],
        created_by_ref=reuters["id"],
        object_refs=[new["id"], "malware--00000009-1d4e-4b8c-8d1e-0c1a1d2c3b4a"],
        object_marking_refs=[tlp["id"]],
    )
    opinion = _obj(
        "opinion",
        6,
        opinion="strongly-disagree",
        authors=["Ministry"],
        explanation="no such strike",
        object_refs=[ministry["id"], new["id"]],
    )
    supports = _obj(
        "relationship",
        7,
        relationship_type="supports",
        source_ref=other["id"],
        target_ref=new["id"],
    )
    to_itself = _obj(
        "relationship", 8, relationship_type="supports", source_ref=new["id"], target_ref=old["id"]
    )
    nameless = {"type": "identity", "spec_version": "2.1", "name": "No id"}
    bundle = {
        "type": "bundle",
        "id": "bundle--00000000-1d4e-4b8c-8d1e-0c1a1d2c3b4a",
        "objects": [
            reuters,
            ministry,
            tlp,
            new,
            old,
            other,
            report,
            opinion,
            supports,
            to_itself,
            nameless,
        ],
    }
    result = from_stix_bundle(bundle)
    d = result.dossier
    # Of two versions the newest modified is read, wherever it stands.
    assert d.claim(new["id"]).proposition.subject == claims.Text("four killed")
    assert d.claim(new["id"]).chain == (
        claims.Hop(reuters["id"], "published", source=report["id"]),
    )
    denial = d.claim(opinion["id"])
    assert (denial.claimant, denial.stance) == (ministry["id"], claims.Stance.DENIES)
    assert denial.proposition.subject == claims.Text("four killed")
    assert denial.note == "no such strike"
    assert {(link.kind, link.claim, link.target) for link in d.links} == {
        (claims.LinkKind.SUPPORTS, other["id"], new["id"]),
        (claims.LinkKind.CONTRADICTS, opinion["id"], new["id"]),
    }
    assert d.source(report["id"]).published is None
    assert sorted(result.lost) == sorted(
        [
            "objects[10]: 'identity' has no id or type and is left out",
            f"{new['id']}: 1 older version(s) left out; the newest is read",
            f"{tlp['id']}: markings are not kept",
            f"{reuters['id']}: description not kept",
            f"{report['id']}: published 'yesterday' is not an ISO 8601 time",
            f"{report['id']}: refers to malware--00000009-1d4e-4b8c-8d1e-0c1a1d2c3b4a, "
            "which is not imported",
            f"{report['id']}: object_marking_refs not kept",
            f"{opinion['id']}: opinion strongly-disagree read as denies",
            f"{to_itself['id']}: not imported: Link.target {new['id']!r}: "
            "a claim cannot link to itself",
        ]
    )


def test_attributed_to_and_derived_from_place_a_note() -> None:
    agency = _obj("identity", 1, name="Agency", identity_class="organization")
    outlet = _obj("identity", 2, name="Outlet", identity_class="organization")
    note = _obj("note", 3, content="four killed")
    report = _obj(
        "report",
        4,
        name="Story",
        published="2024-01-04T10:00:00Z",
        created_by_ref=outlet["id"],
        object_refs=[outlet["id"]],
    )
    rels = [
        _obj(
            "relationship",
            5,
            relationship_type="attributed-to",
            source_ref=note["id"],
            target_ref=agency["id"],
        ),
        _obj(
            "relationship",
            6,
            relationship_type="derived-from",
            source_ref=note["id"],
            target_ref=report["id"],
        ),
        _obj(
            "relationship",
            7,
            relationship_type="related-to",
            source_ref=outlet["id"],
            target_ref=agency["id"],
        ),
    ]
    result = from_stix_bundle(
        {"type": "bundle", "id": "bundle--x", "objects": [agency, outlet, note, report, *rels]}
    )
    claim = result.dossier.claim(note["id"])
    assert claim.claimant == agency["id"]
    assert claim.chain == (claims.Hop(outlet["id"], "reported", source=report["id"]),)
    assert result.dossier.actor(outlet["id"]).affiliations == (
        claims.Affiliation(agency["id"], note="related-to"),
    )
    assert result.dossier.source(report["id"]).published == claims.When(
        datetime(2024, 1, 4, 10, tzinfo=UTC)
    )
    assert result.lost == ()


def test_older_exports_with_x_claims_properties_still_import() -> None:
    bundle = to_stix_bundle(SEED, scale=StixScale.DNI)
    for obj in bundle["objects"]:
        for key, value in obj.pop("extensions", {}).get(EXTENSION_ID, {}).items():
            if key != "extension_type":
                obj[f"x_claims_{key}"] = value
    assert from_stix_bundle(bundle).dossier == SEED


def test_not_a_bundle_is_a_load_error() -> None:
    with pytest.raises(claims.LoadError, match="is not a STIX bundle"):
        from_stix_bundle({"type": "report"})


@settings(max_examples=150, deadline=None)
@given(mutations(to_stix_bundle(SEED, scale=StixScale.DNI)))
def test_a_mutated_bundle_imports_or_fails_with_a_claims_error(bundle: Any) -> None:
    with contextlib.suppress(claims.ClaimsError):
        from_stix_bundle(bundle, scale=StixScale.DNI)


def test_a_published_time_outside_the_years_kept_drops_the_time_not_the_report() -> None:
    agency = _obj("identity", 1, name="Agency", identity_class="organization")
    old = _obj("report", 2, name="Old", published="0001-01-01T00:00:00+05:00", object_refs=[])
    late = _obj("report", 3, name="Late", published="9999-12-31T23:59:59Z", object_refs=[])
    result = from_stix_bundle({"type": "bundle", "id": "bundle--x", "objects": [agency, old, late]})
    assert {s.title: s.published for s in result.dossier.sources.values()} == {
        "Old": None,
        "Late": None,
    }
    assert len([line for line in result.lost if "published not kept" in line]) == 2
