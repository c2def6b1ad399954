"""A place travels whole where the format can carry claims JSON, and in words where not."""

from __future__ import annotations

import json

import claims
from claims import (
    Actor,
    Claim,
    Dossier,
    Event,
    EventRef,
    Identifier,
    Place,
    Proposition,
    Review,
    Source,
)
from claims.claimreview import export
from claims.confidence import StixScale
from claims.misp import from_event, to_event
from claims.stix import from_stix_bundle, to_stix_bundle

PLACE = Place(
    "the Tarn Vale district",
    identifiers=[Identifier("geonames", "1139027")],
    within=[Identifier("iso3166", "AF-NAN")],
)


def _dossier() -> Dossier:
    return Dossier(
        [
            Actor("council", "The district council"),
            Actor("checker", "A fact-checker"),
            Event("strike", "the air strike"),
            Source("s", "Report", url="https://example.org/report"),
            Claim("c", "council", Proposition(EventRef("strike"), "location", PLACE)),
            Review("r", "c", "checker", "Unproven", appearances=["s"]),
        ]
    )


def test_stix_carries_a_place_whole() -> None:
    d = _dossier()
    bundle = to_stix_bundle(d, scale=StixScale.DNI)
    note = next(o for o in bundle["objects"] if o["type"] == "note")
    assert "the Tarn Vale district" in note["abstract"]
    back = from_stix_bundle(bundle)
    assert back.dossier.claim("c") == d.claim("c")


def test_misp_carries_a_place_whole_and_in_words() -> None:
    d = _dossier()
    data = json.loads(to_event(d).to_json())
    texts = [a["value"] for o in data["Object"] for a in o["Attribute"]]
    assert any("the Tarn Vale district" in t for t in texts)
    assert from_event(data).dossier.claim("c") == d.claim("c")


def test_claimreview_writes_a_place_in_words_and_lists_it_lost() -> None:
    written = export(_dossier())
    reviewed = json.dumps(written.document)
    assert "the Tarn Vale district" in reviewed
    assert "1139027" not in reviewed
    assert "claim 'c'.proposition: written in words (claimReviewed)" in written.lost
    assert claims.describe(PLACE) == "the Tarn Vale district"
