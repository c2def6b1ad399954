"""MISP: a dossier as a MISP event of standard objects, and back again.

`to_event` builds a `pymisp.MISPEvent` (install the ``misp`` extra) whose
objects all come from MISP's own templates, checked strictly as they are
made:

- an actor is an ``organization`` (its kind as ``type-of-organization``),
  a ``person`` or a ``news-agency``, with its aliases; parts and
  affiliations are object references (``part-of``, ``affiliated``);
- an event is an ``incident``;
- a source is a ``report`` (title, link), ``published-by`` its publisher;
- a claim is an ``annotation`` whose text says it in words (with its
  quotes); references say who claimed it (``claimed-by``), who relayed it
  (``relayed-by``, the cue as the reference's comment), where it is quoted
  from (``quoted-from``) and what it is about (``mentions``);
- an assessment is the ``admiralty-scale`` and ``estimative-language``
  taxonomy tags on the annotation's text (`claims.confidence.to_misp_tag`);
- a link between claims is an object reference named for its kind
  (``supports``, ``contradicts``, ``supersedes``, ...).

MISP has no field for a record's id, a stance, a structured proposition, a
quote's offsets or a time's precision, so each object's comment holds its
record as claims JSON (``claims:`` then the record). `from_event` rebuilds
the records from those comments; from objects without one (made in MISP, or
whose comments were edited away) it reads what the standard attributes say,
and lists the rest in `MispImport.lost`.

Fact-checkers' reviews are not written: a MISP ``opinion`` object is
someone's stance, which is a claim here; `left_out` lists them, and
`claims.claimreview` exports them.

UUIDs are UUIDv5 of the record ids, so the same dossier always gives the
same event.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from ._describe import describe
from ._exchange import build, in_words, latest, plain, read, reviews_left_out
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
    Source,
)
from .confidence import from_misp_tag, to_misp_tag
from .dossier import Dossier, Record
from .exceptions import ClaimsError, InvalidValueError, LoadError, Problem
from .json import dumps

if TYPE_CHECKING:
    from pymisp import MISPEvent, MISPObject

__all__ = ["NAMESPACE", "MispImport", "from_event", "left_out", "to_event"]

NAMESPACE = uuid.UUID("a4f3c8e2-1b7d-5c9e-8f0a-3d6b2e1c4a57")
"""The UUIDv5 namespace of the uuids `to_event` derives."""

_PREFIX = "claims:"
_TEMPLATE = {
    ActorKind.PERSON: "person",
    ActorKind.NEWS_AGENCY: "news-agency",
}
_NAME_RELATION = {"organization": "name", "person": "full-name", "news-agency": "name"}
_KIND_OF_TEMPLATE = {
    "person": ActorKind.PERSON,
    "news-agency": ActorKind.NEWS_AGENCY,
    "news-media": ActorKind.MEDIA_OUTLET,
}
_LINK_OF = {kind.value.replace("_", "-"): kind for kind in LinkKind}
_RECORD = {"actor": Actor, "event": Event, "source": Source, "claim": Claim}


@attrs.frozen
class MispImport:
    """What `from_event` read, and what it could not.

    Attributes:
        dossier: The records rebuilt from the event.
        lost: One line per object, attribute or reference that could not be
            imported, naming its uuid and why.
    """

    dossier: Dossier
    lost: tuple[str, ...] = ()


def _pymisp() -> Any:
    try:
        import pymisp
    except ImportError:  # pragma: no cover - the extra is installed for the tests
        raise ClaimsError(
            "MISP export and import need PyMISP: pip install 'claims[misp]'"
        ) from None
    return pymisp


def _uid(*key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, json.dumps(key, ensure_ascii=False)))


def _comment(kind: str, record: Any, links: tuple[Link, ...] = ()) -> str:
    body: dict[str, Any] = {kind: plain(record)}
    if links:
        body["links"] = plain(links)
    return _PREFIX + json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def left_out(dossier: Dossier) -> tuple[str, ...]:
    """What `to_event` does not write of `dossier`: one line per review.

    >>> left_out(Dossier())
    ()
    """
    return reviews_left_out(dossier, "MISP")


def to_event(dossier: Dossier, *, info: str | None = None) -> MISPEvent:
    """The dossier as a MISP event of standard objects, without its reviews (`left_out`).

    Needs the ``misp`` extra.

    Args:
        dossier: What to export.
        info: The event's ``info`` line; by default says what the dossier holds.

    Raises:
        ClaimsError: PyMISP is not installed.
        InvalidValueError: An object would break its MISP template.
    """
    pymisp = _pymisp()
    event: MISPEvent = pymisp.MISPEvent(strict_validation=True)
    event.uuid = _uid("event", dumps(dossier, indent=False))
    event.info = info or repr(dossier).strip("<>").replace("Dossier: ", "claims dossier: ")
    when = latest(_times(dossier))
    event.date = when.astimezone(UTC).date() if when else date(1970, 1, 1)
    event.distribution = 0
    event.threat_level_id = 4
    event.analysis = 2
    made: dict[str, MISPObject] = {}

    def new(template: str, key: tuple[str, str], record: Any) -> MISPObject:
        obj: MISPObject = pymisp.MISPObject(template, strict=True, standalone=False)
        obj.uuid = _uid(*key)
        links = dossier.links_from(record.id) if isinstance(record, Claim) else ()
        obj.comment = _comment(key[0], record, links)
        made["/".join(key)] = obj
        return obj

    def add(obj: MISPObject, relation: str, value: str, **kwargs: Any) -> Any:
        index = len(obj.attributes)
        try:
            return obj.add_attribute(
                relation, value=value, uuid=_uid(obj.uuid, str(index)), **kwargs
            )
        except Exception as exc:  # noqa: BLE001 - PyMISP raises its own errors
            raise InvalidValueError(f"MISP {obj.name} {relation}: {exc}") from None

    for actor in dossier.actors.values():
        template = _TEMPLATE.get(actor.kind, "organization")
        obj = new(template, ("actor", actor.id), actor)
        add(obj, _NAME_RELATION[template], actor.name)
        for alias in actor.aliases:
            add(obj, "alias", alias)
        if template == "organization":
            add(obj, "type-of-organization", actor.kind.value.replace("_", " "))
    for ev in dossier.events.values():
        obj = new("incident", ("event", ev.id), ev)
        add(obj, "name", ev.description)
    for source in dossier.sources.values():
        obj = new("report", ("source", source.id), source)
        add(obj, "title", source.title)
        if source.url is not None:
            add(obj, "link", source.url)
    for claim in dossier.claims.values():
        obj = new("annotation", ("claim", claim.id), claim)
        text = add(obj, "text", _text(dossier, claim))
        if claim.made is not None and claim.made.resolved:
            add(obj, "creation-date", claim.made.start.isoformat())
        for tag in _tags(claim.assessment):
            text.add_tag(tag)

    def ref(src: str, dst: str, relation: str, comment: str | None = None) -> None:
        source, target = made[src], made[dst]
        reference = source.add_reference(target.uuid, relation, comment=comment or "")
        reference.uuid = _uid(source.uuid, relation, target.uuid, str(len(source.references)))

    for actor in dossier.actors.values():
        if actor.part_of is not None:
            ref(f"actor/{actor.id}", f"actor/{actor.part_of}", "part-of")
        for aff in actor.affiliations:
            ref(f"actor/{actor.id}", f"actor/{aff.actor}", "affiliated", aff.note)
    for source in dossier.sources.values():
        if source.publisher is not None:
            ref(f"source/{source.id}", f"actor/{source.publisher}", "published-by")
    for claim in dossier.claims.values():
        me = f"claim/{claim.id}"
        ref(me, f"actor/{claim.claimant}", "claimed-by")
        for hop in claim.chain:
            ref(me, f"actor/{hop.reporter}", "relayed-by", hop.cue)
        for source_id in dict.fromkeys(q.source for q in claim.quotes):
            ref(me, f"source/{source_id}", "quoted-from")
        for term in (claim.proposition.subject, claim.proposition.object):
            if isinstance(term, ActorRef):
                ref(me, f"actor/{term.id}", "mentions")
            elif isinstance(term, EventRef):
                ref(me, f"event/{term.id}", "mentions")
    for link in dossier.links:
        ref(
            f"claim/{link.claim}",
            f"claim/{link.target}",
            link.kind.value.replace("_", "-"),
            link.note,
        )

    for obj in made.values():
        try:
            obj.to_json(strict=True)  # PyMISP's strict template check
        except Exception as exc:  # noqa: BLE001 - PyMISP raises its own errors
            raise InvalidValueError(f"MISP {obj.name} {obj.uuid}: {exc}") from None
        event.add_object(obj)
    return event


def _times(dossier: Dossier) -> list[datetime | None]:
    found: list[datetime | None] = []
    for source in dossier.sources.values():
        found += [source.published.start if source.published else None, source.retrieved]
    for claim in dossier.claims.values():
        found.append(claim.made.start if claim.made and claim.made.resolved else None)
        found.append(claim.assessment.assessed_at if claim.assessment else None)
    return found


def _tags(assessment: Assessment | None) -> list[str]:
    if assessment is None:
        return []
    dimensions = (
        assessment.reliability,
        assessment.credibility,
        assessment.likelihood,
        assessment.confidence,
    )
    return [to_misp_tag(d) for d in dimensions if d is not None]


def _text(dossier: Dossier, claim: Claim) -> str:
    """The claim in words for a MISP reader: who, stance, what, then the quotes."""
    lines = [describe(claim, dossier)]
    lines += [f"> {q.exact}" for q in claim.quotes]
    return "\n\n".join(lines)


# --------------------------------------------------------------------------
# Import


def from_event(event: MISPEvent | Mapping[str, Any]) -> MispImport:
    """Rebuild a dossier from a MISP event (a `pymisp.MISPEvent` or its JSON).

    Objects whose comment holds their claims record come back exactly as
    exported. Other objects are read for what MISP says: organizations,
    persons, news agencies and news media are actors, incidents events,
    reports sources (title, link, ``published-by``), annotations claims in
    words by the target of their ``claimed-by`` reference, with the
    assessment their taxonomy tags give and the reporters of their
    ``relayed-by`` references; references named for a kind of link are
    links. Everything else is listed in `MispImport.lost`.

    Raises:
        ClaimsError: PyMISP is not installed.
        LoadError: `event` is not a MISP event, or a claims comment is malformed.
    """
    pymisp = _pymisp()
    if not isinstance(event, pymisp.MISPEvent):
        loaded = pymisp.MISPEvent()
        try:
            loaded.load(dict(event))
        except Exception as exc:  # noqa: BLE001 - PyMISP raises its own errors
            raise LoadError([Problem("", f"is not a MISP event: {exc}")]) from None
        event = loaded
    return _Reader(event).run()


class _Reader:
    def __init__(self, event: Any) -> None:
        self.event = event
        self.lost: list[str] = []
        self.ids: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.comments: dict[str, Any] = {}
        self.links: list[Link] = []
        self.objects = [o for o in event.objects if isinstance(getattr(o, "uuid", None), str)]
        if len(self.objects) < len(event.objects):
            self.lost.append("objects without a uuid are not imported")
        for obj in self.objects:
            record = self._comment(obj)
            self.comments[obj.uuid] = record
            kind = self._kind(obj, record)
            if kind is not None:
                self.kinds[obj.uuid] = kind
                self.ids[obj.uuid] = record.id if record is not None else obj.uuid

    def _comment(self, obj: Any) -> Any:
        comment = getattr(obj, "comment", "")
        if not isinstance(comment, str) or not comment.startswith(_PREFIX):
            return None
        try:
            body = json.loads(comment[len(_PREFIX) :])
            links = body.pop("links", [])
            ((kind, value),) = body.items()
        except (ValueError, AttributeError, TypeError):
            raise LoadError([Problem(f"{obj.uuid}.comment", "is not a claims record")]) from None
        if kind not in _RECORD:
            raise LoadError([Problem(f"{obj.uuid}.comment", f"{kind!r:.40} is not a record")])
        self.links.extend(read(links, tuple[Link, ...], f"{obj.uuid}.comment.links"))
        return read(value, _RECORD[kind], f"{obj.uuid}.comment.{kind}")

    @staticmethod
    def _kind(obj: Any, record: Any) -> str | None:
        if record is not None:
            return type(record).__name__.lower()
        if obj.name in ("organization", "person", "news-agency", "news-media"):
            return "actor"
        return {"incident": "event", "report": "source", "annotation": "claim"}.get(obj.name)

    def run(self) -> MispImport:
        refs: dict[str, list[Any]] = {}
        for obj in self.objects:
            refs[obj.uuid] = list(obj.references)
        actors: dict[str, Actor] = {}
        others: list[Record] = []
        links: list[Link] = list(self.links)
        parts: dict[str, str] = {}
        ties: dict[str, list[Affiliation]] = {}
        plain_actors: list[str] = []
        for obj in self.objects:
            kind, record = self.kinds.get(obj.uuid), self.comments[obj.uuid]
            if kind is None:
                self.lost.append(f"{obj.uuid}: a MISP {obj.name} object has no place in a dossier")
                continue
            try:
                if record is None:
                    record = self._plain(obj, kind, refs[obj.uuid])
                    if isinstance(record, Actor):
                        plain_actors.append(record.id)
            except ClaimsError as exc:
                self.lost.append(f"{obj.uuid}: not imported: {exc}")
                continue
            if record is None:
                continue
            if isinstance(record, Actor):
                actors[record.id] = record
            else:
                others.append(record)
            for reference in refs[obj.uuid]:
                self._reference(obj, record, reference, links, parts, ties)
        for aid in plain_actors:
            actors[aid] = attrs.evolve(
                actors[aid], part_of=parts.get(aid), affiliations=tuple(ties.get(aid, ()))
            )
        for attribute in self.event.attributes:
            self.lost.append(f"{attribute.uuid}: a {attribute.type} attribute outside any object")
        dossier = build([*actors.values(), *others, *links], self.lost)
        return MispImport(dossier, tuple(self.lost))

    def _reference(
        self,
        obj: Any,
        record: Record,
        reference: Any,
        links: list[Link],
        parts: dict[str, str],
        ties: dict[str, list[Affiliation]],
    ) -> None:
        relation = getattr(reference, "relationship_type", None)
        referenced = getattr(reference, "referenced_uuid", None)
        target = self.ids.get(referenced) if isinstance(referenced, str) else None
        note = getattr(reference, "comment", "") or None
        where = f"{obj.uuid}: {relation} reference"
        if target is None:
            self.lost.append(f"{where} to {referenced!r:.60}, which is not imported")
            return
        if self.comments[obj.uuid] is not None:
            return  # the record (and the links from a claim) already say it
        if isinstance(record, Claim) and relation in _LINK_OF:
            try:
                links.append(Link(_LINK_OF[relation], record.id, target, note=note))
            except ClaimsError as exc:
                self.lost.append(f"{where} not imported: {exc}")
            return
        if isinstance(record, Actor) and relation == "part-of":
            parts[record.id] = target
        elif isinstance(record, Actor) and relation == "affiliated":
            ties.setdefault(record.id, []).append(Affiliation(target, note=note))
        elif relation not in (
            "claimed-by",
            "relayed-by",
            "published-by",
            "quoted-from",
            "mentions",
        ):
            self.lost.append(f"{where} has no place in a dossier")
        elif relation in ("quoted-from", "mentions"):
            self.lost.append(
                f"{where}: the offsets or the proposition it stands for are not in MISP"
            )

    def _plain(self, obj: Any, kind: str, refs: list[Any]) -> Record | None:
        values: dict[str, list[Any]] = {}
        for attribute in obj.attributes:
            values.setdefault(attribute.object_relation, []).append(attribute)
        oid = obj.uuid

        def first(relation: str) -> str | None:
            found = values.get(relation)
            return str(found[0].value) if found else None

        def linked(relation: str) -> list[Any]:
            """The references of `relation` to objects this import knows, in order."""
            return [
                r
                for r in refs
                if r.relationship_type == relation
                and isinstance(getattr(r, "referenced_uuid", None), str)
                and r.referenced_uuid in self.ids
            ]

        def target(relation: str) -> str | None:
            found = linked(relation)
            return self.ids[found[0].referenced_uuid] if found else None

        if kind == "actor":
            name = first(_NAME_RELATION.get(obj.name, "name")) or first("name") or first("alias")
            if name is None:
                raise ClaimsError(f"a {obj.name} without a name")
            actor_kind = _KIND_OF_TEMPLATE.get(obj.name, ActorKind.OTHER)
            type_of = (first("type-of-organization") or "").replace(" ", "_")
            if type_of in {k.value for k in ActorKind}:
                actor_kind = ActorKind(type_of)
            aliases = tuple(str(a.value) for a in values.get("alias", ()) if str(a.value) != name)
            return Actor(oid, name, kind=actor_kind, aliases=aliases)
        if kind == "event":
            return Event(oid, first("name") or oid)
        if kind == "source":
            publisher = target("published-by")
            return Source(oid, first("title") or oid, publisher=publisher, url=first("link"))
        text = first("text")
        if text is None:
            raise ClaimsError("an annotation without text is not a claim")
        claimant = target("claimed-by")
        if claimant is None:
            raise ClaimsError("an annotation without a claimed-by reference names no claimant")
        hops = tuple(
            Hop(self.ids[r.referenced_uuid], getattr(r, "comment", "") or "relayed")
            for r in linked("relayed-by")
        )
        tags = [t.name for a in values.get("text", ()) for t in a.tags]
        self.lost.append(
            f"{oid}: read from MISP's attributes: no claims record in its comment, so its id, "
            "stance, proposition, quotes, time made and assessment beyond the tags are not kept"
        )
        return Claim(oid, claimant, in_words(text), chain=hops, assessment=self._assess(oid, tags))

    def _assess(self, oid: str, tags: list[str]) -> Assessment | None:
        found: dict[str, Any] = {}
        field = {
            "Reliability": "reliability",
            "Credibility": "credibility",
            "Likelihood": "likelihood",
            "AnalyticConfidence": "confidence",
        }
        for tag in tags:
            try:
                member = from_misp_tag(tag)
            except ClaimsError as exc:
                self.lost.append(f"{oid}: tag {tag!r:.60} not read: {exc}")
                continue
            found[field[type(member).__name__]] = member
        return Assessment(**found) if found else None
