"""W3C PROV export: read back with the `prov` library and compared record by record."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from hypothesis import given
from prov.model import (
    PROV_ATTR_AGENT,
    PROV_ATTR_DELEGATE,
    PROV_ATTR_ENTITY,
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_RESPONSIBLE,
    PROV_ATTR_USED_ENTITY,
    PROV_LABEL,
    PROV_TYPE,
    ProvAgent,
    ProvAttribution,
    ProvDelegation,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
)

import claims
from claims import strategies
from claims.prov import NAMESPACE, to_prov


def read(dossier: claims.Dossier) -> ProvDocument:
    return ProvDocument.deserialize(content=json.dumps(to_prov(dossier)), format="json")


def uri(kind: str, *key: str) -> str:
    return f"{NAMESPACE}{kind}:" + ".".join(quote(k, safe="-_").replace(".", "%2E") for k in key)


def pairs(doc: ProvDocument, cls: type, first: object, second: object) -> list[tuple[str, str]]:
    out = []
    for record in doc.get_records(cls):
        attrs = dict(record.formal_attributes)
        out.append((attrs[first].uri, attrs[second].uri))
    return sorted(out)


def expected_attributions(d: claims.Dossier) -> list[tuple[str, str]]:
    out = [
        (uri("source", s.id), uri("actor", s.publisher)) for s in d.sources.values() if s.publisher
    ]
    for c in d.claims.values():
        out.append((uri("claim", c.id), uri("actor", c.claimant)))
        out += [
            (uri("quote", c.id, str(i)), uri("actor", c.claimant))
            for i in range(1, len(c.quotes) + 1)
        ]
        for i, hop in enumerate(c.chain, 1):
            out.append((uri("hop", c.id, str(i)), uri("actor", hop.reporter)))
            if hop.quote is not None:
                out.append((uri("quote", c.id, "hop", str(i)), uri("actor", hop.reporter)))
    return sorted(out)


def expected_derivations(d: claims.Dossier) -> list[tuple[str, str]]:
    out = []
    for c in d.claims.values():
        for i, q in enumerate(c.quotes, 1):
            out.append((uri("quote", c.id, str(i)), uri("source", q.source)))
            out.append((uri("claim", c.id), uri("quote", c.id, str(i))))
        inner = uri("claim", c.id)
        for i in range(len(c.chain), 0, -1):
            hop = c.chain[i - 1]
            out.append((uri("hop", c.id, str(i)), inner))
            if hop.quote is not None:
                out.append((uri("quote", c.id, "hop", str(i)), uri("source", hop.quote.source)))
                out.append((uri("hop", c.id, str(i)), uri("quote", c.id, "hop", str(i))))
            inner = uri("hop", c.id, str(i))
    return sorted(out)


def check(d: claims.Dossier) -> None:
    doc = read(d)
    agents = {a.identifier.uri: a.get_attribute(PROV_LABEL) for a in doc.get_records(ProvAgent)}
    assert agents == {uri("actor", a.id): {a.name} for a in d.actors.values()}
    entities = list(doc.get_records(ProvEntity))
    quotes = sum(
        len(c.quotes) + sum(h.quote is not None for h in c.chain) for c in d.claims.values()
    )
    hops = sum(len(c.chain) for c in d.claims.values())
    assert len(entities) == len(d.sources) + len(d.claims) + quotes + hops
    assert pairs(doc, ProvDelegation, PROV_ATTR_DELEGATE, PROV_ATTR_RESPONSIBLE) == sorted(
        (uri("actor", a.id), uri("actor", a.part_of)) for a in d.actors.values() if a.part_of
    )
    assert pairs(doc, ProvAttribution, PROV_ATTR_ENTITY, PROV_ATTR_AGENT) == expected_attributions(
        d
    )
    assert pairs(
        doc, ProvDerivation, PROV_ATTR_GENERATED_ENTITY, PROV_ATTR_USED_ENTITY
    ) == expected_derivations(d)
    quotations = [
        r
        for r in doc.get_records(ProvDerivation)
        if any(str(t) == "prov:Quotation" for t in r.get_attribute(PROV_TYPE))
    ]
    assert len(quotations) == quotes
    # PROV-JSON written back by the library reads as the same document.
    again = ProvDocument.deserialize(content=doc.serialize(format="json"), format="json")
    assert again == doc


@given(strategies.dossiers())
def test_every_export_of_a_generated_dossier_reads_back_record_for_record(
    dossier: claims.Dossier,
) -> None:
    check(dossier)


def test_the_seed_exports_to_prov(seed_path: Path) -> None:
    check(claims.load(seed_path))


def test_a_reporting_chain_becomes_derivations_outermost_last() -> None:
    d = claims.Dossier(
        [
            claims.Actor("pmf", "PMF sources"),
            claims.Actor("reuters", "Reuters"),
            claims.Actor("aj", "Al Jazeera", kind=claims.ActorKind.MEDIA_OUTLET),
            claims.Claim(
                "toll",
                "pmf",
                claims.Proposition(claims.Text("strike"), "killed", claims.Quantity(4)),
                chain=[claims.Hop("aj", "reported"), claims.Hop("reuters", "according to")],
            ),
        ]
    )
    doc = to_prov(d)
    derived = {
        (r["prov:generatedEntity"], r["prov:usedEntity"]) for r in doc["wasDerivedFrom"].values()
    }
    assert derived == {("hop:toll.2", "claim:toll"), ("hop:toll.1", "hop:toll.2")}
    assert doc["entity"]["hop:toll.1"]["prov:label"] == "Al Jazeera reported"
    check(d)
