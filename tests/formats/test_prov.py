"""W3C PROV export: read back with the `prov` library and compared record by record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
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
from claims.prov import NAMESPACE, local_name, to_prov


def read(dossier: claims.Dossier) -> ProvDocument:
    return ProvDocument.deserialize(content=json.dumps(to_prov(dossier)), format="json")


def local(*key: str) -> str:
    """The local name of a key: ASCII letters, digits, '-' and '_' kept, the rest _xHHHH_."""
    parts = []
    for part in key:
        out = ""
        for i, ch in enumerate(part):
            kept = ch.isascii() and (ch.isalnum() or ch == "-")
            if kept or (ch == "_" and part[i + 1 : i + 2] != "x"):
                out += ch
            else:
                out += f"_x{ord(ch):04x}_"
        parts.append(out)
    name = ".".join(parts)
    if name[0].isdigit() or name[0] == "-":
        name = f"_x{ord(name[0]):04x}_" + name[1:]
    return name


def uri(kind: str, *key: str) -> str:
    return f"{NAMESPACE}{kind}:{local(*key)}"


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


# An XML name (xsd:NCName, here its ASCII part) that PROV-N also writes as a
# local name without escapes (PN_LOCAL: no "." last, none of ~ % \\ and the like).
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def identifiers(doc: dict[str, Any]) -> set[str]:
    found = set(doc["agent"]) | set(doc["entity"])
    for kind, table in doc.items():
        if kind not in ("prefix", "agent", "entity"):
            found |= {v for r in table.values() for v in r.values() if isinstance(v, str)}
    return found


@given(strategies.dossiers())
def test_every_local_name_is_an_xml_name_and_a_plain_prov_n_name(dossier: claims.Dossier) -> None:
    doc = to_prov(dossier)
    provn = read(dossier).serialize(format="provn")
    for identifier in identifiers(doc):
        prefix, _, name = identifier.partition(":")
        assert prefix in doc["prefix"]
        assert NCNAME.fullmatch(name), identifier
        assert not name.endswith(".")
        assert identifier in provn


@pytest.mark.parametrize(
    "key",
    [
        ("a b",),
        ("a~b",),
        ("1st",),
        ("-x",),
        ("a.b",),
        ("a", "b"),
        ("a_xb",),
        ("a_x0020_b",),
        ("é",),
    ],
)
def test_local_names_are_xml_names_and_tell_keys_apart(key: tuple[str, ...]) -> None:
    assert NCNAME.fullmatch(local_name(*key))
    assert local_name(*key) == local(*key)


def test_keys_that_could_be_confused_get_different_names() -> None:
    keys = [
        ("a b",),
        ("a_x0020_b",),
        ("a", "b"),
        ("a.b",),
        ("a_", "xb"),
        ("a_.xb",),
        ("1",),
        ("_x0031_",),
    ]
    assert len({local_name(*k) for k in keys}) == len(keys)


def test_prov_xml_of_xml_safe_dossiers_has_only_qualified_names(seed_path: Path) -> None:
    from lxml import etree

    xml = read(claims.load(seed_path)).serialize(format="xml")
    root = etree.fromstring(xml.encode())
    prov_ns = "http://www.w3.org/ns/prov#"
    refs = [
        value
        for element in root.iter()
        for name, value in element.attrib.items()
        if name in (f"{{{prov_ns}}}ref", f"{{{prov_ns}}}id")
    ]
    assert refs
    for ref in refs:
        prefix, _, name = ref.partition(":")
        assert NCNAME.fullmatch(prefix), ref
        assert NCNAME.fullmatch(name), ref
