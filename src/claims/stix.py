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

STIX has no property for a stance, a reporting chain, a proposition or a
quote's offsets. Those, and the record ids, travel in the claims extension:
an ``extension-definition`` (`EXTENSION_ID`, its JSON Schema made from the
model: `extension_schema`) that each object names in its ``extensions``, the
standard's place for them, which tools such as OpenCTI keep where they drop
``x_`` custom properties. `from_stix_bundle` reads the extension back, or
plain STIX from any producer, and says what it could not import.

Fact-checkers' reviews are not written: STIX has no object for one (an
``opinion`` is someone's stance, which is a claim here); `left_out` lists
them, and `claims.claimreview` exports them.

Ids are UUIDv5, derived from the record ids. ``created`` and ``modified``
are the records' own times (when the claim was made, the source published,
the assessment made), else one time per export, so the same dossier always
gives the same bundle.
"""

from __future__ import annotations

import re
import urllib.parse
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._describe import describe
from ._exchange import latest, plain, reviews_left_out, utc_stamp
from ._model import (
    ActorRef,
    Assessment,
    Claim,
    EventRef,
    LinkKind,
    Source,
    fingerprint,
)
from ._stix_common import (
    EXTENSION_FIELDS,
    EXTENSION_ID,
    IDENTITY_CLASS,
    NAMESPACE,
    RELATION,
    extension_definition,
    extension_schema,
    identifier_references,
    stix_id,
)
from ._stix_import import StixImport, from_stix_bundle
from .confidence import StixScale, to_stix
from .dossier import Dossier
from .exceptions import InvalidValueError
from .json import dumps

__all__ = [
    "EXTENSION_ID",
    "IDENTITY_CLASS",
    "NAMESPACE",
    "StixImport",
    "extension_schema",
    "from_stix_bundle",
    "left_out",
    "stix_id",
    "stix_url",
    "to_stix_bundle",
]

_OPINION = {LinkKind.SUPPORTS: "agree", LinkKind.CONTRADICTS: "disagree"}
_DIMENSION = {
    StixScale.DNI: "likelihood",
    StixScale.ADMIRALTY_CREDIBILITY: "credibility",
}
_EPOCH = "1970-01-01T00:00:00.000Z"
_URL_SAFE = ":/?#@!$&'()*+,;=%~"
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def stix_url(url: str) -> str | None:
    """`url` as an absolute URL a STIX ``url`` property accepts, or None.

    Spaces, brackets, stray ``%`` and characters outside ASCII are
    percent-encoded; a URL without an ``http(s)`` or ``ftp`` scheme and a
    host (``www.aljazeera.com/news``) is not one.

    >>> stix_url("https://example.org/a b/café")
    'https://example.org/a%20b/caf%C3%A9'
    >>> stix_url("www.aljazeera.com/news") is None
    True
    """
    quoted = _STRAY_PERCENT.sub("%25", urllib.parse.quote(url.strip(), safe=_URL_SAFE))
    try:
        parts = urllib.parse.urlsplit(quoted)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https", "ftp") and parts.hostname:
        return quoted
    return None


def _confidence(assessment: Assessment | None, scale: StixScale | None) -> int | None:
    if assessment is None or scale is None:
        return None
    label = getattr(assessment, _DIMENSION[scale])
    return to_stix(label, scale)


def _dossier_times(dossier: Dossier) -> list[datetime | None]:
    times: list[datetime | None] = []
    for source in dossier.sources.values():
        times += [source.published.start if source.published else None, source.retrieved]
    for claim in dossier.claims.values():
        times.append(claim.made.start if claim.made and claim.made.resolved else None)
        times.append(claim.assessment.assessed_at if claim.assessment else None)
    return times


def left_out(dossier: Dossier) -> tuple[str, ...]:
    """What `to_stix_bundle` does not write of `dossier`: one line per review.

    >>> left_out(Dossier())
    ()
    """
    return reviews_left_out(dossier, "STIX")


def to_stix_bundle(
    dossier: Dossier,
    *,
    scale: StixScale | None,
    created: datetime | None = None,
    namespace: uuid.UUID = NAMESPACE,
) -> dict[str, Any]:
    """The dossier as a STIX 2.1 bundle (plain JSON types), without its reviews (`left_out`).

    Args:
        dossier: What to export.
        scale: The STIX 2.1 appendix table that gives each note or opinion
            its ``confidence``: ``StixScale.DNI`` (from the likelihood) or
            ``StixScale.ADMIRALTY_CREDIBILITY`` (from the credibility); None
            leaves ``confidence`` out. There is no default: choose one.
        created: The ``created`` and ``modified`` time of the objects whose
            records give none (actors, events, their relationships), and of
            those whose times STIX cannot write (timezone-aware). By default
            the latest time the dossier's records give, so that the same
            dossier always gives the same bundle.
        namespace: The UUIDv5 namespace the STIX ids are derived in.

    Raises:
        InvalidValueError: `scale` is a table no dimension of an assessment
            is written in, or `created` is naive or not a STIX time.
    """
    if scale is not None and scale not in _DIMENSION:
        raise InvalidValueError(
            f"no dimension of an assessment is a label of the STIX 2.1 {scale.title!r} "
            f"scale; choose {' or '.join(s.name for s in _DIMENSION)}"
        )
    if not len(dossier):
        raise InvalidValueError("an empty dossier has no STIX bundle (a bundle needs objects)")
    if created is not None and created.tzinfo is None:
        raise InvalidValueError("the created time of a STIX export must be timezone-aware")
    when = created if created is not None else latest(_dossier_times(dossier))
    fallback = _EPOCH if when is None else utc_stamp(when)
    if fallback is None:
        raise InvalidValueError(f"the created time {when} cannot be written as a STIX time")
    stamp: str = fallback

    def sid(kind: str, *key: str) -> str:
        return stix_id(kind, *key, namespace=namespace)

    def times(start: datetime | None, *later: datetime | None) -> tuple[str, str]:
        first = (utc_stamp(start) if start is not None else None) or stamp
        last = max([first, *(s for t in later if t is not None and (s := utc_stamp(t)))])
        return first, last

    def common(kind: str, *key: str, at: tuple[str, str] | None = None) -> dict[str, Any]:
        first, last = at or (stamp, stamp)
        return {
            "type": kind,
            "spec_version": "2.1",
            "id": sid(kind, *key),
            "created": first,
            "modified": last,
        }

    objects: list[dict[str, Any]] = extension_definition()
    actor_ref = {a: sid("identity", a) for a in dossier.actors}
    source_ref = {s: sid("report", s) for s in dossier.sources}
    claim_ref = {c: sid(_claim_type(dossier, c), c) for c in dossier.claims}
    claim_times = {
        c.id: times(
            c.made.start
            if c.made and c.made.resolved
            else c.assessment.assessed_at
            if c.assessment
            else None,
            c.assessment.assessed_at if c.assessment else None,
        )
        for c in dossier.claims.values()
    }

    for actor in dossier.actors.values():
        identity = common("identity", actor.id) | {
            "name": actor.name,
            "identity_class": IDENTITY_CLASS[actor.kind],
        }
        if actor.identifiers:
            identity["external_references"] = identifier_references(actor.identifiers)
        objects.append(_extended(identity, actor))

    for event in dossier.events.values():
        incident = common("incident", event.id) | {"name": event.description}
        objects.append(_extended(incident, event))

    for source in dossier.sources.values():
        objects.append(_report(dossier, source, common, times, stamp, actor_ref, claim_ref))

    for claim in dossier.claims.values():
        obj = _claim_object(
            dossier, claim, common, actor_ref, source_ref, claim_ref, scale, claim_times
        )
        objects.append(_extended(obj, claim))

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
            if aff.new:
                # Its nature, whether former, and its times ride in the extension.
                carried = {k: v for k, v in plain(aff).items() if k not in ("actor", "note")}
                rel["extensions"] = {
                    EXTENSION_ID: {"extension_type": "property-extension", **carried}
                }
            objects.append(rel)
    for link in dossier.links:
        first = max(claim_times[link.claim][0], claim_times[link.target][0])
        rel = common(
            "relationship", link.kind.value, link.claim, link.target, at=(first, first)
        ) | {
            "relationship_type": RELATION[link.kind],
            "source_ref": claim_ref[link.claim],
            "target_ref": claim_ref[link.target],
        }
        if link.note is not None:
            rel["description"] = link.note
        objects.append(rel)

    return {"type": "bundle", "id": sid("bundle", fingerprint(dumps(dossier))), "objects": objects}


def _extended(obj: dict[str, Any], record: Any, **extra: Any) -> dict[str, Any]:
    """`obj` with the claims extension: the fields of `record` STIX has no property for."""
    _, fields = EXTENSION_FIELDS["note" if obj["type"] == "opinion" else obj["type"]]
    properties: dict[str, Any] = {"extension_type": "property-extension"}
    for name in fields:
        value = extra[name] if name in extra else getattr(record, name, None)
        if value is not None and value != ():
            properties[name] = plain(value)
    obj["extensions"] = {EXTENSION_ID: properties}
    return obj


def _report(
    dossier: Dossier,
    source: Source,
    common: Any,
    times: Any,
    stamp: str,
    actor_ref: Mapping[str, str],
    claim_ref: Mapping[str, str],
) -> dict[str, Any]:
    start = source.published.start if source.published else source.retrieved
    at = times(start)
    published = (utc_stamp(start) if start is not None else None) or stamp
    report = common("report", source.id, at=at) | {
        "name": source.title,
        "published": published,
        "report_types": ["threat-report"],
        "object_refs": _source_refs(dossier, source, actor_ref, claim_ref),
    }
    if source.publisher is not None:
        report["created_by_ref"] = actor_ref[source.publisher]
    publisher = dossier.actors.get(source.publisher or "")
    reference: dict[str, Any] = {
        "source_name": publisher.name if publisher else source.title,
        "description": source.title,
    }
    url = stix_url(source.url) if source.url is not None else None
    if url is not None:
        reference["url"] = url
    if source.sha256 is not None:
        reference["hashes"] = {"SHA-256": source.sha256}
    references = [reference] if len(reference) > 2 else []
    references += identifier_references(source.identifiers)
    if references:
        report["external_references"] = references
    return _extended(report, source, url=source.url if url != source.url else None)


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
    claim_times: Mapping[str, tuple[str, str]],
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
    obj: dict[str, Any] = common(kind, claim.id, at=claim_times[claim.id])
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
        source = dossier.source(q.source)
        url = stix_url(source.url) if source.url is not None else None
        if url is not None:
            reference: dict[str, Any] = {
                "source_name": source.title,
                "url": url,
                "description": q.exact,
            }
            if source.sha256 is not None:
                reference["hashes"] = {"SHA-256": source.sha256}
            references.append(reference)
    if references:
        obj["external_references"] = references
    return obj


def _summary(dossier: Dossier, claim: Claim) -> str:
    prop = claim.proposition

    def term(value: Any) -> str:
        if isinstance(value, ActorRef):
            return dossier.actor(value.id).name
        if isinstance(value, EventRef):
            return dossier.event(value.id).description
        if hasattr(value, "value") and isinstance(value.value, str):
            return str(value.value)
        return type(value).__name__.lower()

    stance = claim.stance.value.replace("_", " ")
    name = dossier.actor(claim.claimant).name
    return f"{name} {stance}: {term(prop.subject)} {prop.predicate} {term(prop.object)}"
