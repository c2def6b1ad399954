"""STIX 2.1: a dossier as a bundle, and back again as far as STIX allows.

`to_stix_bundle` writes:

- an ``identity`` per actor, its ``identity_class`` fitting the actor's kind
  (a person is an ``individual``, an unnamed collective such as "US
  officials" a ``class``, an armed group or coalition a ``group``, a state,
  office, outlet or agency an ``organization``), with ``part-of`` and
  ``affiliated-with`` relationships between them;
- an ``incident`` per event (its description as the name);
- a ``report`` per source: its title, publication time, the publisher as
  ``created_by_ref``, the URL and sha256 as an external reference;
- a ``note`` per claim, with the quote as its content, the claimant as first
  author and first ``object_refs`` entry; or an ``opinion`` when the claim
  only supports or contradicts other claims (``agree`` / ``disagree``);
- a ``relationship`` per link between claims (``supports``,
  ``contradicts``, ``supersedes``, ...);
- ``confidence`` from the assessment, through the STIX 2.1 appendix table the
  caller names: ``StixScale.DNI`` converts the likelihood,
  ``StixScale.ADMIRALTY_CREDIBILITY`` the information credibility.

STIX has no field for a stance, a reporting chain, a proposition or a quote's
offsets, so those travel as ``x_claims_*`` custom properties, as do the
record ids. `from_stix_bundle` reads a bundle back and says what it could not
import.

Ids are UUIDv5, derived from the record ids, so the same dossier always gives
the same bundle for the same `created` time.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

from ._convert import converter, problems
from ._describe import describe
from ._model import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    Assessment,
    Claim,
    Event,
    EventRef,
    Hop,
    Link,
    LinkKind,
    Precision,
    Proposition,
    Quote,
    Source,
    Stance,
    When,
    fingerprint,
)
from .confidence import StixScale, from_stix, to_stix
from .dossier import Dossier, Record
from .exceptions import ClaimsError, InvalidValueError, LoadError
from .json import dumps

__all__ = ["NAMESPACE", "StixImport", "from_stix_bundle", "stix_id", "to_stix_bundle"]

NAMESPACE = uuid.UUID("5e1c3a0e-6c55-4b8c-9d1e-0c1a1d2c3b4a")
"""The UUIDv5 namespace of the ids `to_stix_bundle` derives."""

IDENTITY_CLASS: dict[ActorKind, str] = {
    ActorKind.STATE: "organization",
    ActorKind.GOVERNMENT_BODY: "organization",
    ActorKind.MILITARY: "organization",
    ActorKind.ARMED_GROUP: "group",
    ActorKind.COALITION: "group",
    ActorKind.MEDIA_OUTLET: "organization",
    ActorKind.NEWS_AGENCY: "organization",
    ActorKind.PERSON: "individual",
    ActorKind.UNNAMED_COLLECTIVE: "class",
    ActorKind.OTHER: "unknown",
}
"""The STIX 2.1 ``identity-class-ov`` value for each kind of actor."""

_KIND_OF_CLASS = {
    "individual": ActorKind.PERSON,
    "class": ActorKind.UNNAMED_COLLECTIVE,
}
_RELATION = {kind: kind.value.replace("_", "-") for kind in LinkKind}
_LINK_OF = {name: kind for kind, name in _RELATION.items()}
_OPINION = {LinkKind.SUPPORTS: "agree", LinkKind.CONTRADICTS: "disagree"}
_SEP = "\x1f"
_DIMENSION = {
    StixScale.DNI: "likelihood",
    StixScale.ADMIRALTY_CREDIBILITY: "credibility",
}


def stix_id(kind: str, *key: str, namespace: uuid.UUID = NAMESPACE) -> str:
    """The STIX id of the object of type `kind` made from the record `key`.

    >>> stix_id("identity", "reuters")
    'identity--...'
    """
    return f"{kind}--{uuid.uuid5(namespace, _SEP.join((kind, *key)))}"


def _timestamp(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def _plain(record: Any) -> Any:
    return converter.unstructure(record)


def _confidence(assessment: Assessment | None, scale: StixScale | None) -> int | None:
    if assessment is None or scale is None:
        return None
    label = getattr(assessment, _DIMENSION[scale])
    return to_stix(label, scale)


def to_stix_bundle(
    dossier: Dossier,
    *,
    scale: StixScale | None,
    created: datetime | None = None,
    namespace: uuid.UUID = NAMESPACE,
) -> dict[str, Any]:
    """The dossier as a STIX 2.1 bundle (plain JSON types).

    Args:
        dossier: What to export.
        scale: The STIX 2.1 appendix table that gives each note or opinion
            its ``confidence``: ``StixScale.DNI`` (from the likelihood) or
            ``StixScale.ADMIRALTY_CREDIBILITY`` (from the credibility); None
            leaves ``confidence`` out. There is no default: choose one.
        created: The ``created`` and ``modified`` time of every object
            (timezone-aware); now if not given.
        namespace: The UUIDv5 namespace the STIX ids are derived in.

    Raises:
        InvalidValueError: `scale` is a table no dimension of an assessment
            is written in, or `created` is naive.
    """
    if scale is not None and scale not in _DIMENSION:
        raise InvalidValueError(
            f"no dimension of an assessment is a label of the STIX 2.1 {scale.title!r} "
            f"scale; choose {' or '.join(s.name for s in _DIMENSION)}"
        )
    if not len(dossier):
        raise InvalidValueError("an empty dossier has no STIX bundle (a bundle needs objects)")
    when = created if created is not None else datetime.now(UTC)
    if when.tzinfo is None:
        raise InvalidValueError("the created time of a STIX export must be timezone-aware")
    stamp = _timestamp(when)

    def sid(kind: str, *key: str) -> str:
        return stix_id(kind, *key, namespace=namespace)

    def common(kind: str, *key: str) -> dict[str, Any]:
        return {
            "type": kind,
            "spec_version": "2.1",
            "id": sid(kind, *key),
            "created": stamp,
            "modified": stamp,
        }

    objects: list[dict[str, Any]] = []
    actor_ref = {a: sid("identity", a) for a in dossier.actors}
    source_ref = {s: sid("report", s) for s in dossier.sources}
    claim_ref = {c: sid(_claim_type(dossier, c), c) for c in dossier.claims}

    for actor in dossier.actors.values():
        identity = common("identity", actor.id) | {
            "name": actor.name,
            "identity_class": IDENTITY_CLASS[actor.kind],
            "x_claims_id": actor.id,
            "x_claims_kind": actor.kind.value,
        }
        if actor.aliases:
            identity["x_claims_aliases"] = list(actor.aliases)
        objects.append(identity)

    for event in dossier.events.values():
        incident = common("incident", event.id) | {
            "name": event.description,
            "x_claims_id": event.id,
        }
        if event.when is not None:
            incident["x_claims_when"] = _plain(event.when)
        if event.where is not None:
            incident["x_claims_where"] = event.where
        objects.append(incident)

    for source in dossier.sources.values():
        refs = _source_refs(dossier, source, actor_ref, claim_ref)
        report = common("report", source.id) | {
            "name": source.title,
            "published": _timestamp(source.published.start if source.published else when),
            "report_types": ["threat-report"],
            "object_refs": refs,
            "x_claims_id": source.id,
        }
        if source.publisher is not None:
            report["created_by_ref"] = actor_ref[source.publisher]
        publisher = dossier.actors.get(source.publisher or "")
        reference: dict[str, Any] = {
            "source_name": publisher.name if publisher else source.title,
            "description": source.title,
        }
        if source.url is not None:
            reference["url"] = source.url
        if source.sha256 is not None:
            reference["hashes"] = {"SHA-256": source.sha256}
        if len(reference) > 2:
            report["external_references"] = [reference]
        if source.published is not None:
            report["x_claims_published"] = _plain(source.published)
        if source.retrieved is not None:
            report["x_claims_retrieved"] = _plain(source.retrieved)
        objects.append(report)

    for claim in dossier.claims.values():
        objects.append(
            _claim_object(dossier, claim, common, actor_ref, source_ref, claim_ref, scale)
        )

    for actor in dossier.actors.values():
        if actor.part_of is not None:
            objects.append(
                common("relationship", "part-of", actor.id)
                | {
                    "relationship_type": "part-of",
                    "source_ref": actor_ref[actor.id],
                    "target_ref": actor_ref[actor.part_of],
                }
            )
        for i, aff in enumerate(actor.affiliations):
            rel = common("relationship", "affiliated-with", actor.id, str(i)) | {
                "relationship_type": "affiliated-with",
                "source_ref": actor_ref[actor.id],
                "target_ref": actor_ref[aff.actor],
            }
            if aff.note is not None:
                rel["description"] = aff.note
            objects.append(rel)
    for link in dossier.links:
        rel = common("relationship", link.kind.value, link.claim, link.target) | {
            "relationship_type": _RELATION[link.kind],
            "source_ref": claim_ref[link.claim],
            "target_ref": claim_ref[link.target],
        }
        if link.note is not None:
            rel["description"] = link.note
        objects.append(rel)

    return {"type": "bundle", "id": sid("bundle", fingerprint(dumps(dossier))), "objects": objects}


def _claim_type(dossier: Dossier, claim_id: str) -> str:
    return "opinion" if _opinion(dossier, claim_id) is not None else "note"


def _opinion(dossier: Dossier, claim_id: str) -> str | None:
    """``agree``/``disagree`` when the claim only supports or only contradicts."""
    kinds = {link.kind for link in dossier.links_from(claim_id)}
    if len(kinds) == 1:
        return _OPINION.get(kinds.pop())
    return None


def _source_refs(
    dossier: Dossier,
    source: Source,
    actor_ref: Mapping[str, str],
    claim_ref: Mapping[str, str],
) -> list[str]:
    refs: list[str] = []
    if source.publisher is not None:
        refs.append(actor_ref[source.publisher])
    for claim in dossier.claims.values():
        cited = {q.source for q in claim.quotes} | {h.source for h in claim.chain}
        cited |= {h.quote.source for h in claim.chain if h.quote is not None}
        if source.id in cited:
            refs.append(claim_ref[claim.id])
    if not refs:
        # A report must refer to something; an unused, unattributed source
        # refers to every actor, the whole dossier it was gathered for.
        refs = list(actor_ref.values())
    return refs


def _claim_object(
    dossier: Dossier,
    claim: Claim,
    common: Any,
    actor_ref: Mapping[str, str],
    source_ref: Mapping[str, str],
    claim_ref: Mapping[str, str],
    scale: StixScale | None,
) -> dict[str, Any]:
    claimant = dossier.actor(claim.claimant)
    refs = [actor_ref[claim.claimant]]

    def add(ref: str) -> None:
        if ref not in refs:
            refs.append(ref)

    for q in claim.quotes:
        add(source_ref[q.source])
    for hop in claim.chain:
        add(actor_ref[hop.reporter])
        if hop.source is not None:
            add(source_ref[hop.source])
    for term in (claim.proposition.subject, claim.proposition.object):
        if isinstance(term, ActorRef):
            add(actor_ref[term.id])
        elif isinstance(term, EventRef):
            add(common("incident", term.id)["id"])
    summary = describe(claim, dossier)
    text = "\n\n".join(q.exact for q in claim.quotes) or summary
    opinion = _opinion(dossier, claim.id)
    kind = "note" if opinion is None else "opinion"
    obj: dict[str, Any] = common(kind, claim.id)
    if opinion is None:
        obj |= {"abstract": summary, "content": text}
    else:
        for link in dossier.links_from(claim.id):
            add(claim_ref[link.target])
        obj |= {"opinion": opinion, "explanation": text}
    obj |= {"authors": [claimant.name], "object_refs": refs}
    confidence = _confidence(claim.assessment, scale)
    if confidence is not None:
        obj["confidence"] = confidence
    references = []
    for q in claim.quotes:
        url = dossier.source(q.source).url
        if url is not None:
            references.append(
                {"source_name": dossier.source(q.source).title, "url": url, "description": q.exact}
            )
    if references:
        obj["external_references"] = references
    obj |= {
        "x_claims_id": claim.id,
        "x_claims_stance": claim.stance.value,
        "x_claims_proposition": _plain(claim.proposition),
    }
    optional: dict[str, Any] = {
        "x_claims_quotes": _plain(claim.quotes) if claim.quotes else None,
        "x_claims_chain": _plain(claim.chain) if claim.chain else None,
        "x_claims_made": _plain(claim.made) if claim.made else None,
        "x_claims_assessment": _plain(claim.assessment) if claim.assessment else None,
        "x_claims_note": claim.note,
    }
    obj |= {k: v for k, v in optional.items() if v is not None}
    return obj


# --------------------------------------------------------------------------
# Import


@attrs.frozen
class StixImport:
    """What `from_stix_bundle` read, and what it could not.

    Attributes:
        dossier: The records rebuilt from the bundle.
        lost: One line per object or property that could not be imported,
            naming the STIX id and why.
    """

    dossier: Dossier
    lost: tuple[str, ...] = ()


def from_stix_bundle(bundle: Mapping[str, Any], *, scale: StixScale | None = None) -> StixImport:
    """Rebuild a dossier from a STIX 2.1 bundle, as far as STIX can express it.

    Identities become actors, reports sources, notes and opinions claims,
    relationships parts, affiliations and links. The ``x_claims_*`` custom
    properties written by `to_stix_bundle` restore what STIX has no field
    for; a note or opinion without a proposition cannot be a claim and is
    listed in `StixImport.lost`, as is every object of another type.

    Args:
        bundle: The bundle, as plain JSON types.
        scale: The appendix table to read ``confidence`` back with, for
            objects that carry no ``x_claims_assessment``; None ignores it.

    Raises:
        LoadError: The bundle or a custom property is malformed.
    """
    if bundle.get("type") != "bundle" or not isinstance(bundle.get("objects"), list):
        raise LoadError([_problem("", "is not a STIX bundle (type 'bundle' with objects)")])
    objects: list[dict[str, Any]] = [o for o in bundle["objects"] if isinstance(o, dict)]
    lost: list[str] = []
    ids: dict[str, str] = {}
    for o in objects:
        if o.get("type") in ("identity", "incident", "report", "note", "opinion"):
            ids[o["id"]] = str(o.get("x_claims_id") or o["id"])
    names = {o["id"]: o.get("name") for o in objects if o.get("type") == "identity"}

    actors: dict[str, Actor] = {}
    parts: dict[str, str] = {}
    affiliations: dict[str, list[Affiliation]] = {}
    records: list[Record] = []
    for o in objects:
        if o.get("type") == "relationship":
            rel, src, tgt = o.get("relationship_type"), o.get("source_ref"), o.get("target_ref")
            if src not in ids or tgt not in ids:
                lost.append(f"{o['id']}: relationship between objects not imported")
            elif rel == "part-of":
                parts[ids[src]] = ids[tgt]
            elif rel == "affiliated-with":
                affiliations.setdefault(ids[src], []).append(
                    Affiliation(ids[tgt], note=o.get("description"))
                )
            elif rel in _LINK_OF:
                records.append(Link(_LINK_OF[rel], ids[src], ids[tgt], note=o.get("description")))
            else:
                lost.append(f"{o['id']}: relationship type {rel!r} has no claims link")
    for o in objects:
        kind = o.get("type")
        where = str(o.get("id"))
        try:
            if kind == "identity":
                aid = ids[o["id"]]
                actors[aid] = Actor(
                    aid,
                    o["name"],
                    kind=_actor_kind(o),
                    aliases=tuple(o.get("x_claims_aliases", ())),
                    part_of=parts.get(aid),
                    affiliations=tuple(affiliations.get(aid, ())),
                )
            elif kind == "incident":
                records.append(
                    Event(
                        ids[o["id"]],
                        o["name"],
                        when=_structure(o["x_claims_when"], When, "x_claims_when")
                        if "x_claims_when" in o
                        else None,
                        where=o.get("x_claims_where"),
                    )
                )
            elif kind == "report":
                records.append(_source(o, ids, lost))
            elif kind in ("note", "opinion"):
                claim = _claim(o, ids, names, scale, lost)
                if claim is not None:
                    records.append(claim)
            elif kind != "relationship":
                lost.append(f"{where}: a {kind} has no place in a claims dossier")
        except LoadError as exc:
            raise LoadError([_problem(where, str(p)) for p in exc.problems]) from None
        except (ClaimsError, KeyError) as exc:
            raise LoadError([_problem(where, str(exc))]) from None
    try:
        dossier = Dossier([*actors.values(), *records])
    except ClaimsError as exc:
        raise LoadError([_problem("", str(exc))]) from None
    return StixImport(dossier, tuple(lost))


def _problem(where: str, message: str) -> Any:
    from .exceptions import Problem

    return Problem(where, message)


def _actor_kind(o: Mapping[str, Any]) -> ActorKind:
    if "x_claims_kind" in o:
        kind: ActorKind = _structure(o["x_claims_kind"], ActorKind, "x_claims_kind")
        return kind
    return _KIND_OF_CLASS.get(o.get("identity_class", ""), ActorKind.OTHER)


def _structure(value: Any, cls: Any, where: str) -> Any:
    try:
        return converter.structure(value, cls)
    except Exception as exc:  # noqa: BLE001 - turned into problems with paths
        raise LoadError(problems(exc, where)) from None


def _source(o: Mapping[str, Any], ids: Mapping[str, str], lost: list[str]) -> Source:
    ref: dict[str, Any] = next(iter(o.get("external_references", ())), {})
    published: When | None
    if "x_claims_published" in o:
        published = _structure(o["x_claims_published"], When, "x_claims_published")
    elif "x_claims_id" in o:
        published = None  # written by to_stix_bundle, which always says when it knows
    else:
        at = datetime.fromisoformat(o["published"])
        published = When(at, Precision.SECOND) if at.microsecond == 0 else None
        if published is None:
            lost.append(f"{o['id']}: published time has fractions of a second")
    publisher = o.get("created_by_ref")
    return Source(
        ids[o["id"]],
        o["name"],
        publisher=ids.get(publisher) if publisher else None,
        url=ref.get("url"),
        published=published,
        retrieved=_structure(o["x_claims_retrieved"], datetime, "x_claims_retrieved")
        if "x_claims_retrieved" in o
        else None,
        sha256=ref.get("hashes", {}).get("SHA-256"),
    )


def _claim(
    o: Mapping[str, Any],
    ids: Mapping[str, str],
    names: Mapping[str, Any],
    scale: StixScale | None,
    lost: list[str],
) -> Claim | None:
    if "x_claims_proposition" not in o:
        lost.append(f"{o['id']}: a {o['type']} without x_claims_proposition is not a claim")
        return None
    refs = [r for r in o.get("object_refs", ()) if r in names]
    authors = o.get("authors", [])
    claimant = next((r for r in refs if authors and names[r] == authors[0]), None)
    if refs and authors and names[refs[0]] == authors[0]:
        claimant = refs[0]
    if claimant is None:
        lost.append(f"{o['id']}: no identity among its object_refs is its first author")
        return None
    assessment: Assessment | None = None
    if "x_claims_assessment" in o:
        assessment = _structure(o["x_claims_assessment"], Assessment, "x_claims_assessment")
    elif scale is not None and "confidence" in o and scale in _DIMENSION:
        assessment = Assessment(**{_DIMENSION[scale]: from_stix(o["confidence"], scale)})
    elif "confidence" in o:
        lost.append(f"{o['id']}: confidence {o['confidence']} read with no scale")
    return Claim(
        ids[o["id"]],
        ids[claimant],
        _structure(o["x_claims_proposition"], Proposition, "x_claims_proposition"),
        stance=_structure(o.get("x_claims_stance", "asserts"), Stance, "x_claims_stance"),
        quotes=_structure(o.get("x_claims_quotes", []), tuple[Quote, ...], "x_claims_quotes"),
        chain=_structure(o.get("x_claims_chain", []), tuple[Hop, ...], "x_claims_chain"),
        made=_structure(o["x_claims_made"], When, "x_claims_made")
        if "x_claims_made" in o
        else None,
        assessment=assessment,
        note=o.get("x_claims_note"),
    )
