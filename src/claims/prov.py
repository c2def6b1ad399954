"""W3C PROV: who said what, and how it reached us, as PROV-JSON.

`to_prov` writes a PROV-JSON document (plain JSON types) with:

- an agent per actor (``prov:Person`` for a person, ``prov:Organization``
  otherwise) and ``actedOnBehalfOf`` from each part to the actor it is part of;
- an entity per source, attributed (``wasAttributedTo``) to its publisher;
- an entity per quote, quoted from its source (``wasQuotedFrom``, which
  PROV-JSON writes as ``wasDerivedFrom`` of type ``prov:Quotation``) and
  attributed to whoever spoke the words (the claimant, or a hop's reporter);
- an entity per claim, attributed to its claimant and derived from its quotes;
- an entity per hop of the reporting chain, the claim as that reporter relayed
  it, attributed to the reporter and derived (``wasDerivedFrom``) from the
  next hop inwards, the innermost from the claim itself.

Identifiers are qualified names under one prefix per kind of record
(``actor:reuters``, ``claim:pmo-blames``, ``quote:pmo-blames.1``,
``hop:pmo-blames.1``), each bound to a URN under `NAMESPACE`. Their local
names are XML names (``xsd:NCName``, so PROV-XML can write them) and PROV-N
local names that need no escape: ASCII letters, digits, ``-`` and ``_`` are
kept, and every other character of an id, a leading digit or ``-`` and a
``_`` before an ``x`` are written ``_xHHHH_`` (its code point in hex), as
XML tools escape names; ``.`` only ever separates the parts.

>>> local_name("pmo-blames", "1")
'pmo-blames.1'
>>> local_name("1 killed/wounded", "hop", "2")
'_x0031__x0020_killed_x002f_wounded.hop.2'
"""

from __future__ import annotations

import re
from typing import Any

from ._model import Claim, Quote
from .dossier import Dossier

__all__ = ["NAMESPACE", "local_name", "to_prov"]

NAMESPACE = "urn:claims:"
"""The URN every identifier of `to_prov` starts with."""

_KINDS = ("actor", "source", "claim", "quote", "hop")


def _qualified(name: str) -> dict[str, str]:
    return {"$": name, "type": "prov:QUALIFIED_NAME"}


_ESCAPED = re.compile(r"[^A-Za-z0-9_-]|_(?=x)")


def _escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04x}_"


def local_name(*key: str) -> str:
    """The local name of the record `key` (its id, then any parts), as `to_prov` writes it.

    An XML name and a PROV-N local name; different keys give different names.
    """
    name = ".".join(_ESCAPED.sub(_escape, part) for part in key)
    if name[0] in "0123456789-":  # an XML name starts with a letter or "_"
        return f"_x{ord(name[0]):04x}_{name[1:]}"
    return name


def _qn(kind: str, *key: str) -> str:
    return f"{kind}:{local_name(*key)}"


def to_prov(dossier: Dossier, *, namespace: str = NAMESPACE) -> dict[str, Any]:
    """The dossier as a PROV-JSON document.

    Args:
        dossier: What to export.
        namespace: The URI the identifiers are minted under.

    >>> import claims
    >>> d = claims.Dossier([claims.Actor("reuters", "Reuters", kind=claims.ActorKind.NEWS_AGENCY)])
    >>> to_prov(d)["agent"]
    {'actor:reuters': {'prov:label': 'Reuters',
                       'prov:type': {'$': 'prov:Organization', 'type': 'prov:QUALIFIED_NAME'},
                       'claims:kind': 'news_agency'}}
    """
    prefix = {"claims": namespace} | {k: f"{namespace}{k}:" for k in _KINDS}
    doc: dict[str, Any] = {"prefix": prefix, "agent": {}, "entity": {}}
    relations: dict[str, dict[str, Any]] = {}

    def relate(kind: str, **args: Any) -> None:
        table = relations.setdefault(kind, {})
        table[f"_:{kind}{len(table) + 1}"] = {f"prov:{k}": v for k, v in args.items()}

    for actor in dossier.actors.values():
        kind = "prov:Person" if actor.kind.individual else "prov:Organization"
        doc["agent"][_qn("actor", actor.id)] = {
            "prov:label": actor.name,
            "prov:type": _qualified(kind),
            "claims:kind": actor.kind.value,
        }
        if actor.part_of is not None:
            relate(
                "actedOnBehalfOf",
                delegate=_qn("actor", actor.id),
                responsible=_qn("actor", actor.part_of),
            )
    for source in dossier.sources.values():
        entity: dict[str, Any] = {
            "prov:label": source.title,
            "prov:type": _qualified("claims:Source"),
        }
        if source.url is not None:
            entity["claims:url"] = source.url
        doc["entity"][_qn("source", source.id)] = entity
        if source.publisher is not None:
            relate(
                "wasAttributedTo",
                entity=_qn("source", source.id),
                agent=_qn("actor", source.publisher),
            )

    def quoted(q: Quote, key: tuple[str, ...], quotee: str) -> str:
        name = _qn("quote", *key)
        doc["entity"][name] = {"prov:label": q.exact, "prov:type": _qualified("claims:Quote")}
        relate(
            "wasDerivedFrom",
            generatedEntity=name,
            usedEntity=_qn("source", q.source),
            type=_qualified("prov:Quotation"),
        )
        relate("wasAttributedTo", entity=name, agent=_qn("actor", quotee))
        return name

    for claim in dossier.claims.values():
        _claim(dossier, claim, doc, relate, quoted)
    doc |= relations
    return doc


def _claim(dossier: Dossier, claim: Claim, doc: dict[str, Any], relate: Any, quoted: Any) -> None:
    name = _qn("claim", claim.id)
    prop = claim.proposition
    doc["entity"][name] = {
        "prov:label": f"{dossier.actor(claim.claimant).name}: {prop.predicate}",
        "prov:type": _qualified("claims:Claim"),
        "claims:stance": claim.stance.value,
        "claims:predicate": prop.predicate,
    }
    relate("wasAttributedTo", entity=name, agent=_qn("actor", claim.claimant))
    for i, q in enumerate(claim.quotes, 1):
        relate(
            "wasDerivedFrom",
            generatedEntity=name,
            usedEntity=quoted(q, (claim.id, str(i)), claim.claimant),
        )
    inner = name
    for i in range(len(claim.chain), 0, -1):
        hop = claim.chain[i - 1]
        relayed = _qn("hop", claim.id, str(i))
        doc["entity"][relayed] = {
            "prov:label": f"{dossier.actor(hop.reporter).name} {hop.cue}",
            "prov:type": _qualified("claims:Relay"),
            "claims:cue": hop.cue,
        }
        relate("wasAttributedTo", entity=relayed, agent=_qn("actor", hop.reporter))
        relate("wasDerivedFrom", generatedEntity=relayed, usedEntity=inner)
        if hop.quote is not None:
            relate(
                "wasDerivedFrom",
                generatedEntity=relayed,
                usedEntity=quoted(hop.quote, (claim.id, "hop", str(i)), hop.reporter),
            )
        inner = relayed
