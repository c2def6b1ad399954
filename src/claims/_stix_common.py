"""What the STIX export and import share: ids, vocabularies, the extension.

The claims extension is a STIX 2.1 ``extension-definition`` of type
``property-extension``. Each object the export writes carries, under
``extensions[EXTENSION_ID]``, the fields of its record that STIX has no
property for; `extension_schema` is their JSON Schema, made from the model's
schema (`claims.json_schema`), so it cannot fall behind the records.
"""

from __future__ import annotations

import copy
import functools
import json
import uuid
from typing import Any

from ._convert import REVIEWS_SINCE
from ._model import Actor, ActorKind, Claim, Event, Identifier, LinkKind, Source
from ._schema import json_schema
from .exceptions import ClaimsError

__all__ = [
    "EXTENSION_AUTHOR",
    "EXTENSION_FIELDS",
    "EXTENSION_ID",
    "EXTENSION_VERSION",
    "IDENTITY_CLASS",
    "KIND_OF_CLASS",
    "LINK_OF",
    "NAMESPACE",
    "RELATION",
    "extension_definition",
    "extension_schema",
    "identifier_references",
    "identifiers_from",
    "stix_id",
]

NAMESPACE = uuid.UUID("5e1c3a0e-6c55-4b8c-9d1e-0c1a1d2c3b4a")
"""The UUIDv5 namespace of the ids `to_stix_bundle` derives."""

_SEP = "\x1f"

EXTENSION_VERSION = REVIEWS_SINCE - 1
"""The schema version of the records the extension carries.

Version 3 added reviews, which STIX bundles do not carry (see `claims.stix`),
so the extension, its id and its schema are those of version 2 still.
"""

EXTENSION_ID = (
    f"extension-definition--{uuid.uuid5(NAMESPACE, f'claims-extension-{EXTENSION_VERSION}')}"
)
"""The id of the claims ``extension-definition``; the same in every bundle."""

EXTENSION_AUTHOR = f"identity--{uuid.uuid5(NAMESPACE, 'claims-extension-author')}"
"""The id of the ``identity`` that creates the extension (not an actor of any dossier)."""
_EXTENSION_TIME = "2026-11-30T00:00:00.000Z"

EXTENSION_FIELDS: dict[str, tuple[type, tuple[str, ...]]] = {
    "identity": (Actor, ("id", "kind", "aliases")),
    "incident": (Event, ("id", "when", "where")),
    "report": (Source, ("id", "published", "retrieved", "url")),
    "note": (
        Claim,
        (
            "id",
            "stance",
            "proposition",
            "quotes",
            "chain",
            "made",
            "assessment",
            "note",
            "topic",
            "reason",
            "also",
        ),
    ),
}
"""For each STIX type the export writes: its record and the fields the extension carries.

An ``opinion`` carries what a ``note`` carries. A claim's ``topic``,
``reason`` and ``also`` (optional, and absent from every bundle of a dossier
that has none) are carried the same way. A report's ``url`` is
carried only when the URL could not be written as a STIX ``url`` as it is.
"""

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
    ActorKind.POLITICAL_PARTY: "organization",
    ActorKind.COMPANY: "organization",
    ActorKind.TRADE_UNION: "organization",
    ActorKind.NON_GOVERNMENTAL_ORGANISATION: "organization",
    ActorKind.INTERNATIONAL_ORGANISATION: "organization",
    ActorKind.COURT: "organization",
    ActorKind.SECURITY_SERVICE: "organization",
    ActorKind.HEALTH_AUTHORITY: "organization",
    ActorKind.RELIGIOUS_BODY: "organization",
    ActorKind.UNNAMED_INDIVIDUAL: "individual",
}
"""The STIX 2.1 ``identity-class-ov`` value for each kind of actor."""

KIND_OF_CLASS = {
    "individual": ActorKind.PERSON,
    "class": ActorKind.UNNAMED_COLLECTIVE,
}
"""The actor kind an ``identity_class`` gives where it says enough."""

RELATION = {kind: kind.value.replace("_", "-") for kind in LinkKind}
"""The ``relationship_type`` of each kind of link."""

LINK_OF = {name: kind for kind, name in RELATION.items()}


def identifier_references(identifiers: tuple[Identifier, ...]) -> list[dict[str, Any]]:
    """External references for `identifiers`: the scheme as ``source_name``, the value as
    ``external_id``.

    >>> identifier_references((Identifier("wikidata", "Q42"),))
    [{'source_name': 'wikidata', 'external_id': 'Q42'}]
    """
    return [{"source_name": i.scheme, "external_id": i.value} for i in identifiers]


def identifiers_from(
    refs: list[Any], oid: str, lost: list[str]
) -> tuple[tuple[Identifier, ...], list[Any]]:
    """The identifiers among the external references `refs`, and the other references.

    A reference with an ``external_id`` is an identifier; one that is not a
    valid `Identifier` (a scheme with capitals, a malformed QID) is named in
    `lost` with the object's id `oid`, as is one given twice.
    """
    found: list[Identifier] = []
    rest: list[Any] = []
    for i, ref in enumerate(refs):
        if not isinstance(ref, dict) or "external_id" not in ref:
            rest.append(ref)
            continue
        try:
            identifier = Identifier(ref.get("source_name", ""), ref["external_id"])
        except ClaimsError as exc:
            lost.append(f"{oid}: external_references[{i}] not kept: {exc}")
            continue
        if identifier in found:
            lost.append(f"{oid}: external_references[{i}] repeats an identifier")
            continue
        found.append(identifier)
    return tuple(found), rest


def stix_id(kind: str, *key: str, namespace: uuid.UUID = NAMESPACE) -> str:
    """The STIX id of the object of type `kind` made from the record `key`.

    Different keys always give different ids, whatever characters they hold.

    >>> stix_id("identity", "reuters")
    'identity--...'
    """
    if any(_SEP in part for part in key):
        # A JSON array cannot be mistaken for the joined form, which starts
        # with the STIX type's letters.
        name = json.dumps([kind, *key], ensure_ascii=False)
    else:
        name = _SEP.join((kind, *key))
    return f"{kind}--{uuid.uuid5(namespace, name)}"


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of a field written only when it has a value (no null, no empty list)."""
    options = schema.get("anyOf")
    if options is not None:
        kept = [o for o in options if o != {"type": "null"}]
        schema = kept[0] if len(kept) == 1 else {"anyOf": kept}
    if schema.get("type") == "array":
        schema = {**schema, "minItems": 1}
    return schema


def extension_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the claims extension's properties.

    One shape per STIX type, each with the record fields the extension
    carries for it, as `claims.json_schema` describes them. A new dict on
    every call.

    >>> sorted(extension_schema()["$defs"]["note"]["properties"])[:4]
    ['also', 'assessment', 'chain', 'extension_type']
    """
    model = json_schema()
    defs: dict[str, Any] = copy.deepcopy(model["$defs"])
    defs.pop("Review")  # reviews are not written in STIX: the extension is version 2's
    for name in ("Vocabulary", "Predicate", "Unit"):  # nor is a dossier's own vocabulary
        defs.pop(name)
    shapes: dict[str, Any] = {}
    for kind, (record, fields) in EXTENSION_FIELDS.items():
        own = model["$defs"][record.__name__]["properties"]
        properties: dict[str, Any] = {"extension_type": {"const": "property-extension"}}
        properties |= {name: _without_null(copy.deepcopy(own[name])) for name in fields}
        shapes[kind] = {
            "type": "object",
            "description": f"The claims properties of a STIX {kind}: "
            f"the fields of a {record.__name__} that STIX has no property for.",
            "properties": properties,
            "required": ["extension_type", "id"],
            "additionalProperties": False,
        }
    return {
        "$schema": model["$schema"],
        "$id": f"urn:claims:stix-extension:{EXTENSION_VERSION}",
        "title": f"claims STIX 2.1 property extension, version {EXTENSION_VERSION}",
        "description": (
            "What a claims record has that its STIX object has no property for: "
            "$defs.identity for an actor, incident for an event, report for a source, "
            "note for a claim written as a note or an opinion."
        ),
        "anyOf": [{"$ref": f"#/$defs/{kind}"} for kind in shapes],
        "$defs": dict(sorted((defs | shapes).items())),
    }


@functools.cache
def _schema_text() -> str:
    return json.dumps(extension_schema(), ensure_ascii=False, separators=(",", ":"))


def extension_definition() -> list[dict[str, Any]]:
    """The ``extension-definition`` object, and the ``identity`` it is created by."""
    author = {
        "type": "identity",
        "spec_version": "2.1",
        "id": EXTENSION_AUTHOR,
        "created": _EXTENSION_TIME,
        "modified": _EXTENSION_TIME,
        "name": "claims",
        "description": "The claims library, author of the claims STIX extension.",
        "identity_class": "system",
    }
    definition = {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": EXTENSION_ID,
        "created_by_ref": EXTENSION_AUTHOR,
        "created": _EXTENSION_TIME,
        "modified": _EXTENSION_TIME,
        "name": "claims",
        "description": (
            "Who claimed what: the stance, the proposition, the quotes with their "
            "offsets, the reporting chain and the four-dimension assessment of a claim, "
            "and the record ids, kinds and times STIX has no property for. The schema "
            "property holds the JSON Schema of the extension's properties."
        ),
        "schema": _schema_text(),
        "version": f"{EXTENSION_VERSION}.0.0",
        "extension_types": ["property-extension"],
    }
    return [author, definition]
