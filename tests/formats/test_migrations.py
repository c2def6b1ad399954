"""Schema versions: old documents are migrated, newer ones refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import assume, given

import claims
from claims import strategies
from claims._convert import _migrations


def test_the_version_1_fixture_loads_as_the_dossier_it_describes(data_dir: Path) -> None:
    d = claims.load(data_dir / "v1" / "dossier.json")
    expected = claims.Dossier(
        [
            claims.Actor(
                "pmo", "Iraqi Prime Minister's office", kind=claims.ActorKind.GOVERNMENT_BODY
            ),
            claims.Actor("us-officials", "US officials", kind=claims.ActorKind.UNNAMED_COLLECTIVE),
            claims.Event("strike", "Drone strike on a PMF headquarters in Baghdad"),
            claims.Claim(
                "nobody-claimed",
                "pmo",
                claims.Proposition(
                    claims.EventRef("strike"),
                    "claimed_by",
                    claims.NoValue("no group has claimed responsibility"),
                ),
            ),
            claims.Claim(
                "us-silent",
                "us-officials",
                claims.Proposition(
                    claims.EventRef("strike"),
                    "carried_out_by",
                    claims.Unknown("not immediately clear"),
                ),
                stance=claims.Stance.NO_COMMENT,
            ),
        ]
    )
    assert d == expected


def test_the_migrated_fixture_is_written_in_the_current_format(data_dir: Path) -> None:
    text = claims.dumps(claims.load(data_dir / "v1" / "dossier.json"))
    data = orjson.loads(text)
    assert data["schema_version"] == 2  # no reviews: written as version 2, as before
    assert "reviews" not in data
    assert data["claims"][0]["proposition"]["object"] == {
        "type": "no_value",
        "note": "no group has claimed responsibility",
    }


def test_every_older_version_has_a_registered_step() -> None:
    assert sorted(_migrations.steps()) == list(range(1, claims.SCHEMA_VERSION))


def downgrade_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """The version 1 spelling of a version 2 document, written independently of the step."""
    old = orjson.loads(orjson.dumps(data))
    for claim in old["claims"]:
        if "proposition" in claim and claim["proposition"]["object"]["type"] == "no_value":
            claim["proposition"]["object"]["type"] = "none"
    old["schema_version"] = 1
    return old


@given(strategies.dossiers(max_reviews=0))
def test_any_dossier_written_in_version_1_loads_unchanged(dossier: claims.Dossier) -> None:
    data = downgrade_to_1(orjson.loads(claims.dumps(dossier)))
    # (A silence on a topic alone has no proposition written.)
    written = [c["proposition"] for c in data["claims"] if "proposition" in c]
    assert all(p["object"]["type"] != "no_value" for p in written)
    assert claims.loads(orjson.dumps(data)) == dossier


def test_the_step_does_not_change_its_argument(data_dir: Path) -> None:
    data = orjson.loads((data_dir / "v1" / "dossier.json").read_bytes())
    before = orjson.dumps(data)
    _migrations.migrate(data, to=2)
    assert orjson.dumps(data) == before


def test_a_malformed_old_document_is_reported_with_its_path(data_dir: Path) -> None:
    data = orjson.loads((data_dir / "v1" / "dossier.json").read_bytes())
    data["claims"][0]["proposition"]["subject"] = {"type": "none"}
    data["claims"][1] = "not a claim"
    with pytest.raises(claims.LoadError) as info:
        claims.loads(orjson.dumps(data))
    assert [str(p) for p in info.value.problems] == [
        "claims[0].proposition.subject: type 'none' is not one of 'actor', 'event', 'text'",
        "claims[1]: must be an object, not a string",
    ]


def test_a_newer_document_is_refused_with_a_message_that_says_so() -> None:
    with pytest.raises(claims.LoadError) as info:
        claims.loads('{"schema_version": 5}')
    assert str(info.value.problems[0]) == (
        "schema_version: 5 is newer than this release of claims reads (4); "
        "upgrade claims to read it"
    )


def test_a_missing_step_is_a_clear_error() -> None:
    with pytest.raises(claims.LoadError, match="no migration from version 4 to 5"):
        _migrations.migrate({"schema_version": 4}, to=5)


def test_a_step_cannot_be_registered_twice() -> None:
    with pytest.raises(claims.ClaimsError, match="already registered"):
        _migrations.migration(from_version=1)(lambda data: data)


# --------------------------------------------------------------------------
# Version 3: reviews


def test_the_current_version_is_4() -> None:
    assert claims.SCHEMA_VERSION == 4


_KINDS_OF_VERSION_2 = {
    "state", "government_body", "military", "armed_group", "coalition", "media_outlet",
    "news_agency", "person", "unnamed_collective", "other",
}  # fmt: skip
_LINKS_OF_VERSION_2 = {
    "supports", "contradicts", "supersedes", "retracts", "responds_to", "repeats",
}  # fmt: skip


def _needs_version_4(dossier: claims.Dossier) -> bool:
    """Whether the dossier uses what versions 2 and 3 do not have, spelled out here."""
    return (
        any(
            a.identifiers or a.kind.value not in _KINDS_OF_VERSION_2
            for a in dossier.actors.values()
        )
        or any(s.identifiers for s in dossier.sources.values())
        or any(isinstance(c.proposition.object, claims.Place) for c in dossier.claims.values())
        or any(k.kind.value not in _LINKS_OF_VERSION_2 for k in dossier.links)
        or any(_in_words(w) for w in _times(dossier))
        or any(
            c.topic is not None or c.reason is not None or c.also for c in dossier.claims.values()
        )
        or any(
            f.nature.value != "affiliated" or f.former or f.since or f.until
            for a in dossier.actors.values()
            for f in a.affiliations
        )
    )


def _times(dossier: claims.Dossier) -> list[claims.When | None]:
    return [
        *(s.published for s in dossier.sources.values()),
        *(e.when for e in dossier.events.values()),
        *(c.made for c in dossier.claims.values()),
        *(c.proposition.when for c in dossier.claims.values()),
        *(r.published for r in dossier.reviews.values()),
    ]


def _in_words(when: claims.When | None) -> bool:
    """A time given in words, with a part of the day, or unresolved (version 4)."""
    return when is not None and (when.words is not None or when.part is not None)


@given(strategies.dossiers(max_also=2))
def test_a_dossier_is_written_in_the_oldest_version_that_holds_it(dossier: claims.Dossier) -> None:
    data = orjson.loads(claims.dumps(dossier))
    if _needs_version_4(dossier):
        assert data["schema_version"] == 4
    elif dossier.reviews:
        assert data["schema_version"] == 3
        assert len(data["reviews"]) == len(dossier.reviews)
    else:
        assert data["schema_version"] == 2
        assert list(data) == ["schema_version", "actors", "sources", "events", "claims", "links"]
    assert claims.loads(claims.dumps(dossier)) == dossier


@given(strategies.dossiers(max_reviews=0))
def test_a_version_2_document_loads_and_is_written_back_byte_for_byte(
    dossier: claims.Dossier,
) -> None:
    assume(not _needs_version_4(dossier))
    text = claims.dumps(dossier)
    assert orjson.loads(text)["schema_version"] == 2
    assert claims.dumps(claims.loads(text)) == text


def test_a_version_3_document_with_reviews_loads_them() -> None:
    text = """{"schema_version": 3,
      "actors": [{"id": "a", "name": "A"}, {"id": "ff", "name": "Full Fact"}],
      "sources": [{"id": "s", "title": "S"}],
      "claims": [{"id": "c", "claimant": "a",
                  "proposition": {"subject": {"type": "text", "value": "x"},
                                  "predicate": "is_true",
                                  "object": {"type": "text", "value": "true"}}}],
      "reviews": [{"id": "r", "claim": "c", "reviewer": "ff", "verdict": "False",
                   "rating": 1, "best": 5, "worst": 1, "appearances": ["s"]}]}"""
    d = claims.loads(text)
    assert d.review("r") == claims.Review(
        "r", "c", "ff", "False", rating=1, best=5, worst=1, appearances=["s"]
    )


def test_a_review_that_names_what_the_document_lacks_is_placed() -> None:
    text = """{"schema_version": 3, "actors": [{"id": "a", "name": "A"}],
      "reviews": [{"id": "r", "claim": "nothing", "reviewer": "a", "verdict": "False",
                   "appearances": ["nowhere"]}]}"""
    with pytest.raises(claims.LoadError) as info:
        claims.loads(text)
    assert [str(p) for p in info.value.problems] == [
        "reviews[0].claim: 'nothing' is not a known claim",
        "reviews[0].appearances[0]: 'nowhere' is not a known source",
    ]


def test_the_step_from_2_changes_nothing() -> None:
    data = {"schema_version": 2, "actors": [], "claims": []}
    assert _migrations.migrate(data, to=3) == {**data, "schema_version": 3}
