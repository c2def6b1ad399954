"""MISP events: standard objects checked strictly against MISP's templates, and back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pymisp
import pytest
from hypothesis import assume, given, settings

import claims
from claims import strategies
from claims.confidence import AnalyticConfidence, Credibility, Likelihood, Reliability
from claims.misp import from_event, to_event
from exchange_support import mutations

ROOT = Path(__file__).resolve().parents[2]
SEED = claims.load(ROOT / "seeds" / "baghdad-drone-strike.json")
TAXONOMIES = ROOT / "tests" / "data" / "misp-taxonomies"


def strictly(event_json: dict[str, Any]) -> None:
    """Make every object again with PyMISP's strict template checks, from the JSON alone."""
    for o in event_json["Object"]:
        obj = pymisp.MISPObject(o["name"], strict=True)
        assert obj._known_template, o["name"]
        for a in o["Attribute"]:
            obj.add_attribute(a["object_relation"], value=a["value"], type=a["type"])
        obj.to_json(strict=True)  # raises InvalidMISPObject if a template rule is broken


def as_json(event: pymisp.MISPEvent) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(event.to_json())
    return loaded


def test_the_seed_event_passes_strict_validation_and_round_trips() -> None:
    data = as_json(to_event(SEED))
    strictly(data)
    names = [o["name"] for o in data["Object"]]
    assert names.count("annotation") == len(SEED.claims)
    assert names.count("report") == len(SEED.sources)
    assert names.count("incident") == len(SEED.events)
    result = from_event(data)
    assert result.dossier == SEED
    assert result.lost == ()


def test_two_exports_are_identical_and_the_committed_event_is_what_the_code_makes() -> None:
    text = to_event(SEED).to_json(indent=2)
    assert to_event(claims.loads(claims.dumps(SEED))).to_json(indent=2) == text
    committed = (ROOT / "docs" / "interop" / "baghdad-drone-strike.misp.json").read_text()
    assert json.loads(committed) == json.loads(text)


def test_assessments_are_the_published_taxonomy_tags() -> None:
    known = set()
    for name in ("admiralty-scale", "estimative-language"):
        taxonomy = json.loads((TAXONOMIES / name / "machinetag.json").read_text())
        for values in taxonomy["values"]:
            for entry in values["entry"]:
                known.add(f'{name}:{values["predicate"]}="{entry["value"]}"')
    data = as_json(to_event(SEED))
    tags = {t["name"] for o in data["Object"] for a in o["Attribute"] for t in a.get("Tag", [])}
    assert tags
    assert tags <= known
    toll = next(o for o in data["Object"] if '"id":"reuters-killed"' in o.get("comment", ""))
    (text,) = [a for a in toll["Attribute"] if a["object_relation"] == "text"]
    assert {t["name"] for t in text["Tag"]} == {
        'admiralty-scale:source-reliability="b"',
        'admiralty-scale:information-credibility="3"',
        'estimative-language:likelihood-probability="likely"',
        'estimative-language:confidence-in-analytic-judgment="moderate"',
    }


@settings(max_examples=30, deadline=None)
@given(strategies.dossiers())
def test_every_generated_dossier_passes_and_comes_back(dossier: claims.Dossier) -> None:
    data = as_json(to_event(dossier))
    strictly(data)
    result = from_event(data)
    assert result.lost == ()
    assert result.dossier == dossier


def _without_comments(data: dict[str, Any]) -> dict[str, Any]:
    for o in data["Object"]:
        o.pop("comment", None)
    return data


def _misp_value(text: str) -> str:
    """What MISP keeps of an attribute's value: spaces, then NULs, trimmed at both ends."""
    return text.strip().strip("\x00")


def test_a_name_misp_would_empty_is_refused_with_the_object_named() -> None:
    d = claims.Dossier([claims.Actor("a", "\x00")])
    with pytest.raises(claims.InvalidValueError, match=r"MISP organization .*name"):
        to_event(d)


def _record_of(comment: str, kind: str) -> str | None:
    """The id of the `kind` record a claims comment holds, if it holds one."""
    if not comment.startswith("claims:"):
        return None
    record: dict[str, str] | None = json.loads(comment[len("claims:") :]).get(kind)
    return None if record is None else record["id"]


@settings(max_examples=30, deadline=None)
@given(strategies.dossiers())
def test_without_the_claims_comments_misp_attributes_are_read_and_the_rest_listed(
    dossier: claims.Dossier,
) -> None:
    # A name that MISP's trimming empties cannot be an organization's name.
    assume(all(_misp_value(a.name) for a in dossier.actors.values()))
    assume(all(_misp_value(h.cue) for c in dossier.claims.values() for h in c.chain))
    event = to_event(dossier)
    uuids = {o.comment: o.uuid for o in event.objects}
    result = from_event(_without_comments(as_json(event)))
    back = result.dossier
    assert sorted(a.name for a in back.actors.values()) == sorted(
        _misp_value(a.name) for a in dossier.actors.values()
    )
    assert len(back.claims) == len(dossier.claims)
    assert len(back.sources) == len(dossier.sources)
    for claim in dossier.claims.values():
        uid = next(u for c, u in uuids.items() if _record_of(c, "claim") == claim.id)
        got = back.claim(uid)
        assert back.actor(got.claimant).name == _misp_value(dossier.actor(claim.claimant).name)
        # The four dimensions travel as taxonomy tags.
        a = claim.assessment
        dims = (a.reliability, a.credibility, a.likelihood, a.confidence) if a else ()
        if any(d is not None for d in dims):
            assert got.assessment is not None
            assert (
                got.assessment.reliability,
                got.assessment.credibility,
                got.assessment.likelihood,
                got.assessment.confidence,
            ) == dims
        assert [(back.actor(h.reporter).name, h.cue) for h in got.chain] == [
            (_misp_value(dossier.actor(h.reporter).name), _misp_value(h.cue)) for h in claim.chain
        ]
        assert any(line.startswith(f"{uid}: read from MISP's attributes") for line in result.lost)
    for actor in dossier.actors.values():
        uid = next(u for c, u in uuids.items() if _record_of(c, "actor") == actor.id)
        assert back.actor(uid).part_of == (
            None
            if actor.part_of is None
            else next(u for c, u in uuids.items() if _record_of(c, "actor") == actor.part_of)
        )


def test_an_event_made_in_misp_imports_with_what_was_left_out_listed() -> None:
    event = pymisp.MISPEvent()
    event.info = "made by hand"
    ministry = event.add_object(name="organization", strict=True)
    ministry.add_attribute("name", value="Ministry of Foreign Affairs")
    ministry.add_attribute("type-of-organization", value="government body")
    outlet = event.add_object(name="news-media", strict=True)
    outlet.add_attribute("source", value="Al Jazeera")
    outlet.add_attribute("alias", value="Al Jazeera")
    claim = event.add_object(name="annotation", strict=True)
    text = claim.add_attribute("text", value="the strike was an aggression")
    text.add_tag('admiralty-scale:source-reliability="b"')
    text.add_tag('admiralty-scale:source-reliability="g"')
    text.add_tag('estimative-language:likelihood-probability="very-likely"')
    claim.add_reference(ministry.uuid, "claimed-by")
    claim.add_reference(outlet.uuid, "relayed-by", comment="said in a statement")
    domain = event.add_object(name="domain-ip", strict=True)
    domain.add_attribute("domain", value="example.org")
    loose = event.add_attribute("comment", "a loose attribute")

    result = from_event(as_json(event))
    d = result.dossier
    assert d.actor(ministry.uuid) == claims.Actor(
        ministry.uuid, "Ministry of Foreign Affairs", kind=claims.ActorKind.GOVERNMENT_BODY
    )
    assert d.actor(outlet.uuid).kind is claims.ActorKind.MEDIA_OUTLET
    got = d.claim(claim.uuid)
    assert got.claimant == ministry.uuid
    assert got.proposition.subject == claims.Text("the strike was an aggression")
    assert got.chain == (claims.Hop(outlet.uuid, "said in a statement"),)
    assert got.assessment == claims.Assessment(
        reliability=Reliability.B, likelihood=Likelihood.VERY_LIKELY
    )
    assert sorted(result.lost) == sorted(
        [
            f"{claim.uuid}: read from MISP's attributes: no claims record in its comment, "
            "so its id, stance, proposition, quotes, time made and assessment beyond the "
            "tags are not kept",
            f"{claim.uuid}: tag 'admiralty-scale:source-reliability=\"g\"' not read: MISP's "
            "'g' (deliberately deceptive) is not an Admiralty reliability code; claims "
            "records A to F",
            f"{domain.uuid}: a MISP domain-ip object has no place in a dossier",
            f"{loose.uuid}: a comment attribute outside any object",
        ]
    )


def test_the_taxonomy_tags_cover_every_dimension() -> None:
    d = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Claim(
                "c",
                "a",
                claims.Proposition(claims.ActorRef("a"), "said", claims.Text("x")),
                assessment=claims.Assessment(
                    reliability=Reliability.F,
                    credibility=Credibility.CANNOT_BE_JUDGED,
                    likelihood=Likelihood.ALMOST_NO_CHANCE,
                    confidence=AnalyticConfidence.HIGH,
                ),
            ),
        ]
    )
    result = from_event(_without_comments(as_json(to_event(d))))
    (claim,) = result.dossier.claims.values()
    assert claim.assessment == d.claim("c").assessment


def test_a_malformed_claims_comment_is_a_load_error_with_its_place() -> None:
    data = as_json(to_event(SEED))
    data["Object"][0]["comment"] = 'claims:{"actor": {"id": "x", "name": 7}}'
    with pytest.raises(claims.LoadError, match=r"comment\.actor\.name: must be a string"):
        from_event(data)


@settings(max_examples=60, deadline=None)
@given(mutations(as_json(to_event(SEED))))
def test_a_mutated_event_imports_or_fails_with_a_claims_error(event: Any) -> None:
    with contextlib.suppress(claims.ClaimsError):
        from_event(event)
