"""Reading STIX 2.1 bundles: the claims extension, and plain STIX from any producer.

An object that carries the claims extension (or, from older exports, the
``x_claims_*`` properties) comes back as the record it was written from.
Other objects are read for what plain STIX says:

- an ``identity`` is an actor (its kind from ``identity_class`` where that
  says enough);
- a ``report`` is a source: name, publisher (``created_by_ref``), URL and
  SHA-256 from its first external reference, ``published``; the notes among
  its ``object_refs`` are claims that appear in it;
- a ``note`` is a claim by its first author, its ``content`` the words of a
  proposition `claims._exchange.in_words` makes;
- an ``opinion`` is a claim by its author that the objects it refers to are
  true (``agree``, ``strongly-agree``), false (``disagree``,
  ``strongly-disagree``) or unclear (``neutral``), with ``supports`` or
  ``contradicts`` links to the claims it refers to;
- a ``relationship`` is a link between claims (``supports``, ...), a part
  (``part-of``) or an affiliation (``affiliated-with``, and ``related-to``
  between identities); ``attributed-to`` names a note's claimant and
  ``derived-from`` the report it came from, or the claim it repeats;
- ``confidence`` is read with the `StixScale` the caller names.

Everything else (other object types, unknown properties, markings, other
extensions, references to objects not imported, older versions of an object)
is listed, one line each, in `StixImport.lost`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._cut import cut
from ._exchange import build, in_words, read
from ._model import (
    Actor,
    ActorKind,
    Affiliation,
    Assessment,
    Claim,
    Event,
    Hop,
    Link,
    LinkKind,
    Precision,
    Proposition,
    Quote,
    Source,
    Stance,
    When,
)
from ._stix_common import (
    EXTENSION_AUTHOR,
    EXTENSION_ID,
    KIND_OF_CLASS,
    LINK_OF,
    identifiers_from,
)
from .confidence import StixScale, from_stix
from .dossier import Dossier, Record
from .exceptions import ClaimsError, LoadError, Problem

__all__ = ["StixImport", "from_stix_bundle"]

_DIMENSION = {
    StixScale.DNI: "likelihood",
    StixScale.ADMIRALTY_CREDIBILITY: "credibility",
}
_STANCE_OF_OPINION = {
    "strongly-agree": Stance.ASSERTS,
    "agree": Stance.ASSERTS,
    "neutral": Stance.UNCLEAR,
    "disagree": Stance.DENIES,
    "strongly-disagree": Stance.DENIES,
}
_LINK_OF_OPINION = {Stance.ASSERTS: LinkKind.SUPPORTS, Stance.DENIES: LinkKind.CONTRADICTS}
_READ = ("identity", "incident", "report", "note", "opinion")
# Reports before the claims they hold; notes before the opinions on them.
_ORDER = {kind: i for i, kind in enumerate(_READ)}
_COMMON = frozenset({"type", "spec_version", "id", "created", "modified", "extensions"})
# The properties to_stix_bundle derives from a record that carries the extension.
_DERIVED = {
    "identity": {"name", "identity_class"},
    "incident": {"name"},
    "report": {"name", "published", "report_types", "object_refs", "created_by_ref"}
    | {"external_references"},
    "note": {"abstract", "content", "authors", "object_refs", "confidence"}
    | {"external_references"},
    "opinion": {"opinion", "explanation", "authors", "object_refs", "confidence"}
    | {"external_references"},
}
_PLAIN_LEFT = (
    "read as plain STIX: its claims extension is missing, and plain STIX has no "
    "property for the record's id, {what}"
)
_WHAT = {
    "identity": "kind and aliases",
    "incident": "time and place",
    "report": "publication precision, retrieval time and exact URL",
    "note": "stance, proposition, quotes' offsets, reporting chain, time made, "
    "assessment beyond confidence and note",
}


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

    Objects that carry the claims extension come back exactly as they were
    exported; objects from other producers (or whose extension a tool
    dropped) are read for what plain STIX says. What cannot be imported is
    listed in `StixImport.lost`, never dropped silently.

    Args:
        bundle: The bundle, as plain JSON types.
        scale: The appendix table to read ``confidence`` back with, for
            objects without the extension; None reports it as not read.

    Raises:
        LoadError: The bundle is not a bundle, or the claims extension of an
            object is malformed (with the object's id and the path).
    """
    if (
        not isinstance(bundle, Mapping)
        or bundle.get("type") != "bundle"
        or not isinstance(bundle.get("objects"), list)
    ):
        raise LoadError([Problem("", "is not a STIX bundle (type 'bundle' with objects)")])
    return _Reader(bundle["objects"], scale).run()


def _extension(o: Mapping[str, Any]) -> dict[str, Any] | None:
    """The claims properties of `o`: its extension, or the ``x_claims_*`` of older exports."""
    extensions = o.get("extensions")
    if isinstance(extensions, Mapping) and isinstance(extensions.get(EXTENSION_ID), Mapping):
        return {k: v for k, v in extensions[EXTENSION_ID].items() if k != "extension_type"}
    legacy = {k[len("x_claims_") :]: v for k, v in o.items() if k.startswith("x_claims_")}
    return legacy or None


def _list(value: Any) -> list[Any]:
    """A list property, or none when it is not a list."""
    return value if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    """The strings of a list property (ids, authors); anything else is none."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


class _Reader:
    def __init__(self, items: list[Any], scale: StixScale | None) -> None:
        self.scale = scale
        self.lost: list[str] = []
        self.objects = self._newest(items)
        self.ours = any(o["id"] == EXTENSION_ID for o in self.objects)
        self.ext = {o["id"]: _extension(o) for o in self.objects}
        self.ids: dict[str, str] = {}
        for o in self.objects:
            if o["type"] in _READ and o["id"] != EXTENSION_AUTHOR:
                ext = self.ext[o["id"]]
                self.ids[o["id"]] = str(ext["id"]) if ext and "id" in ext else o["id"]
        self.names = {o["id"]: o.get("name") for o in self.objects if o["type"] == "identity"}
        self.by_id = {o["id"]: o for o in self.objects}
        self.actors: dict[str, Actor] = {}
        self.parts: dict[str, str] = {}
        self.affiliations: defaultdict[str, list[Affiliation]] = defaultdict(list)
        self.claimant_of: dict[str, str] = {}
        self.appears_in: defaultdict[str, list[str]] = defaultdict(list)
        self.records: list[Record] = []
        self.links: dict[tuple[LinkKind, str, str], Link] = {}

    def _newest(self, items: list[Any]) -> list[dict[str, Any]]:
        """One version of each object: the newest ``modified``; the rest reported."""
        kept: dict[str, dict[str, Any]] = {}
        older: defaultdict[str, int] = defaultdict(int)
        for i, o in enumerate(items):
            if not isinstance(o, dict):
                self.lost.append(f"objects[{i}]: not a STIX object")
                continue
            oid, kind = o.get("id"), o.get("type")
            if not isinstance(oid, str) or not isinstance(kind, str) or not oid:
                self.lost.append(f"objects[{i}]: {cut(kind)} has no id or type and is left out")
                continue
            if oid in kept:
                older[oid] += 1
                if self._later(o, kept[oid]):
                    kept[oid] = o
                continue
            kept[oid] = o
        for oid, count in older.items():
            self.lost.append(f"{oid}: {count} older version(s) left out; the newest is read")
        return list(kept.values())

    @staticmethod
    def _later(new: Mapping[str, Any], old: Mapping[str, Any]) -> bool:
        a, b = _time(new.get("modified")), _time(old.get("modified"))
        if a is None or b is None:
            return b is None
        return a >= b

    # ------------------------------------------------------------------

    def run(self) -> StixImport:
        for o in self.objects:
            if o["type"] == "relationship":
                self._relationship(o)
        for o in sorted(self.objects, key=lambda o: _ORDER.get(o["type"], len(_ORDER))):
            self._object(o)
        for aid, actor in self.actors.items():
            self.actors[aid] = attrs.evolve(
                actor,
                part_of=self.parts.get(aid, actor.part_of),
                affiliations=(*actor.affiliations, *self.affiliations.get(aid, ())),
            )
        return StixImport(self._dossier(), tuple(self.lost))

    def _object(self, o: dict[str, Any]) -> None:
        kind, oid = o["type"], o["id"]
        if oid in (EXTENSION_ID, EXTENSION_AUTHOR):
            return
        used: set[str] = set()
        try:
            if kind == "identity":
                used = self._identity(o)
            elif kind == "incident":
                used = self._incident(o)
            elif kind == "report":
                used = self._report(o)
            elif kind in ("note", "opinion"):
                used = self._claim(o)
            elif kind == "relationship":
                used = {"relationship_type", "source_ref", "target_ref", "description"}
            elif kind == "extension-definition":
                self.lost.append(f"{oid}: extension {cut(o.get('name'))} is not read")
                return
            elif kind == "marking-definition":
                self.lost.append(f"{oid}: markings are not kept")
                return
            else:
                self.lost.append(f"{oid}: a {kind} has no place in a claims dossier")
                return
        except LoadError as exc:
            raise LoadError([Problem(f"{oid}.{p.path}", p.message) for p in exc.problems]) from None
        except ClaimsError as exc:
            self.lost.append(f"{oid}: not imported: {exc}")
            return
        ext = self.ext[oid]
        if ext is not None:
            used |= _DERIVED.get(kind, set()) | {f"x_claims_{k}" for k in ext}
        elif self.ours and kind in _READ:
            self.lost.append(f"{oid}: " + _PLAIN_LEFT.format(what=_WHAT.get(kind, _WHAT["note"])))
        rest = sorted(set(o) - _COMMON - used)
        if rest:
            self.lost.append(f"{oid}: {', '.join(rest)} not kept")
        extensions = o.get("extensions")
        if isinstance(extensions, Mapping):
            for name in extensions:
                if name != EXTENSION_ID:
                    self.lost.append(f"{oid}: extension {name} not read")

    # ------------------------------------------------------------------

    def _relationship(self, o: Mapping[str, Any]) -> None:
        oid = o["id"]
        rel, src, tgt = o.get("relationship_type"), o.get("source_ref"), o.get("target_ref")
        rel = rel if isinstance(rel, str) else None
        s_type, t_type = str(src).partition("--")[0], str(tgt).partition("--")[0]
        note = o.get("description") if isinstance(o.get("description"), str) else None
        if not isinstance(src, str) or not isinstance(tgt, str):
            self.lost.append(f"{oid}: a relationship without source_ref and target_ref ids")
            return
        if src not in self.ids or tgt not in self.ids:
            self.lost.append(f"{oid}: {rel} relationship between objects not imported")
            return
        a, b = self.ids[src], self.ids[tgt]
        claims = ("note", "opinion")
        if rel == "part-of" and s_type == t_type == "identity":
            self.parts[a] = b
        elif rel in ("affiliated-with", "related-to") and s_type == t_type == "identity":
            if rel == "related-to":
                note = f"related-to: {note}" if note else "related-to"
            self._affiliate(oid, a, b, note, self.ext.get(oid))
        elif rel in LINK_OF and s_type in claims and t_type in claims:
            self._link(oid, LINK_OF[rel], a, b, note)
        elif rel == "attributed-to" and s_type in claims and t_type == "identity":
            self.claimant_of.setdefault(src, tgt)
        elif rel == "derived-from" and s_type in claims and t_type == "report":
            self.appears_in[src].append(tgt)
        elif rel == "derived-from" and s_type in claims and t_type in claims:
            self._link(oid, LinkKind.REPEATS, a, b, note)
        else:
            self.lost.append(f"{oid}: a {rel} relationship from {s_type} to {t_type} has no place")

    def _affiliate(
        self, oid: str, a: str, b: str, note: str | None, ext: Mapping[str, Any] | None
    ) -> None:
        try:
            fields = {k: v for k, v in (ext or {}).items() if k not in ("actor", "note", "id")}
            found = {"actor": b, **fields, **({"note": note} if note is not None else {})}
            self.affiliations[a].append(read(found, Affiliation, oid))
        except ClaimsError as exc:
            self.lost.append(f"{oid}: not imported: {exc}")

    def _link(self, oid: str, kind: LinkKind, a: str, b: str, note: str | None) -> None:
        try:
            link = Link(kind, a, b, note=note)
        except ClaimsError as exc:
            self.lost.append(f"{oid}: not imported: {exc}")
            return
        self.links.setdefault((kind, a, b), link)

    def _identity(self, o: Mapping[str, Any]) -> set[str]:
        aid, ext = self.ids[o["id"]], self.ext[o["id"]] or {}
        if not isinstance(o.get("name"), str):
            raise ClaimsError("an identity without a name is not an actor")
        if "kind" in ext:
            kind: ActorKind = read(ext["kind"], ActorKind, "extensions.kind")
        else:
            kind = KIND_OF_CLASS.get(o.get("identity_class", ""), ActorKind.OTHER)
        aliases: tuple[str, ...] = read(
            ext.get("aliases", []), tuple[str, ...], "extensions.aliases"
        )
        identifiers, rest = identifiers_from(
            _list(o.get("external_references")), o["id"], self.lost
        )
        if rest:
            self.lost.append(f"{o['id']}: external references without an external_id not kept")
        self.actors[aid] = Actor(
            aid, o["name"], kind=kind, aliases=aliases, identifiers=identifiers
        )
        return {"name", "identity_class", "external_references"}

    def _incident(self, o: Mapping[str, Any]) -> set[str]:
        ext = self.ext[o["id"]] or {}
        when = read(ext["when"], When, "extensions.when") if "when" in ext else None
        where: str | None = read(ext.get("where"), str | None, "extensions.where")
        self.records.append(Event(self.ids[o["id"]], str(o.get("name")), when=when, where=where))
        return {"name"}

    def _report(self, o: Mapping[str, Any]) -> set[str]:
        oid, ext = o["id"], self.ext[o["id"]]
        identifiers, refs = identifiers_from(_list(o.get("external_references")), oid, self.lost)
        refs = refs or [{}]
        ref: Mapping[str, Any] = refs[0] if isinstance(refs[0], Mapping) else {}
        used = {"name", "report_types", "object_refs", "created_by_ref", "published"}
        if len(refs) > 1 and ext is None:
            self.lost.append(f"{oid}: external references after the first not kept")
        used.add("external_references")
        hashes: Mapping[str, Any] = ref.get("hashes") or {}
        if not isinstance(hashes, Mapping):
            hashes = {}
        publisher = self.ids.get(o.get("created_by_ref", ""))
        if o.get("created_by_ref") and publisher is None:
            self.lost.append(f"{oid}: created_by_ref {o['created_by_ref']} not imported")
        if ext is not None:
            published = (
                read(ext["published"], When, "extensions.published")
                if ("published" in ext)
                else None
            )
            retrieved = (
                read(ext["retrieved"], datetime, "extensions.retrieved")
                if ("retrieved" in ext)
                else None
            )
            url: Any = read(ext.get("url", ref.get("url")), str | None, "extensions.url")
        else:
            published, retrieved, url = self._published(o), None, ref.get("url")
            for ref_id in _strings(o.get("object_refs")):
                kind = str(ref_id).partition("--")[0]
                if kind in ("note", "opinion") and ref_id in self.ids:
                    self.appears_in[ref_id].append(oid)
                elif ref_id not in self.ids:
                    self.lost.append(f"{oid}: refers to {ref_id}, which is not imported")
        self.records.append(
            Source(
                self.ids[oid],
                str(o.get("name") or oid),
                publisher=publisher,
                url=url if isinstance(url, str) and url else None,
                published=published,
                retrieved=retrieved,
                sha256=hashes.get("SHA-256"),
                identifiers=identifiers,
            )
        )
        return used

    def _published(self, o: Mapping[str, Any]) -> When | None:
        if "published" not in o:
            return None
        at = _time(o["published"])
        if at is None:
            self.lost.append(f"{o['id']}: published {cut(o['published'])} is not an ISO 8601 time")
            return None
        try:
            when = When.of(at, Precision.SECOND)
        except ClaimsError as exc:
            self.lost.append(f"{o['id']}: published not kept: {exc}")
            return None
        if at.microsecond:
            self.lost.append(f"{o['id']}: fractions of a second of published not kept")
        return when

    def _claim(self, o: Mapping[str, Any]) -> set[str]:
        oid, ext = o["id"], self.ext[o["id"]]
        used = {"authors", "object_refs", "confidence", "opinion", "explanation"}
        claimant = self._claimant(o)
        if ext is not None:
            if "proposition" not in ext:
                raise ClaimsError("its claims extension has no proposition")
            self.records.append(self._extended_claim(oid, claimant, ext))
            return used
        assessment = self._assessment(o)
        note: str | None = None
        if o["type"] == "note":
            words = o.get("content") or o.get("abstract")
            stance = Stance.ASSERTS
            if isinstance(o.get("abstract"), str) and o.get("content"):
                note = o["abstract"]
            used |= {"content", "abstract"}
        else:
            stance = _STANCE_OF_OPINION.get(str(o.get("opinion")), Stance.UNCLEAR)
            if str(o.get("opinion")).startswith("strongly-"):
                self.lost.append(f"{oid}: opinion {o['opinion']} read as {stance.value}")
            targets = [r for r in _strings(o.get("object_refs")) if self._words(r)]
            words = self._words(targets[0]) if targets else o.get("explanation")
            note = o.get("explanation") if targets else None
            for target in targets:
                kind = _LINK_OF_OPINION.get(stance)
                if kind is not None and target in self.ids:
                    self._link(oid, kind, self.ids[oid], self.ids[target], None)
        if not isinstance(words, str) or not words.strip():
            raise ClaimsError(f"a {o['type']} without words is not a claim")
        chain = self._chain(oid, claimant)
        self.records.append(
            Claim(
                self.ids[oid],
                claimant,
                in_words(words),
                stance=stance,
                quotes=(),
                chain=chain,
                made=None,
                assessment=assessment,
                note=note if isinstance(note, str) and note.strip() else None,
            )
        )
        return used

    def _words(self, ref: str) -> str | None:
        o = self.by_id.get(ref)
        if o is None or o["type"] not in ("note", "opinion"):
            return None
        ext = self.ext[ref]
        if ext is not None:
            return None  # a claim with its own proposition: linked, not restated
        words = o.get("content") or o.get("abstract") or o.get("explanation")
        return words if isinstance(words, str) and words.strip() else None

    def _claimant(self, o: Mapping[str, Any]) -> str:
        refs = [r for r in _strings(o.get("object_refs")) if r in self.names and r in self.ids]
        authors = _strings(o.get("authors"))
        author = authors[0] if authors and isinstance(authors[0], str) else None
        if refs and author is not None and self.names[refs[0]] == author:
            return self.ids[refs[0]]
        match = next((r for r in refs if author is not None and self.names[r] == author), None)
        if match is not None:
            return self.ids[match]
        attributed = self.claimant_of.get(o["id"])
        if attributed is not None:
            return self.ids[attributed]
        if author is not None and author.strip():
            aid = f"author:{author}"
            self.actors.setdefault(aid, Actor(aid, author))
            return aid
        raise ClaimsError("names no claimant: no author, and no attributed-to relationship")

    def _chain(self, oid: str, claimant: str) -> tuple[Hop, ...]:
        hops: list[Hop] = []
        for report_id in dict.fromkeys(self.appears_in.get(oid, ())):
            report = self.by_id[report_id]
            publisher = self.ids.get(report.get("created_by_ref", ""))
            if publisher is None:
                self.lost.append(
                    f"{oid}: appears in {report_id}, which names no publisher to relay it"
                )
                continue
            cue = "published" if publisher == claimant else "reported"
            hops.append(Hop(publisher, cue, source=self.ids[report_id]))
        return tuple(hops)

    def _assessment(self, o: Mapping[str, Any]) -> Assessment | None:
        confidence = o.get("confidence")
        if confidence is None:
            return None
        if self.scale is None or self.scale not in _DIMENSION:
            self.lost.append(f"{o['id']}: confidence {cut(confidence)} read with no scale")
            return None
        try:
            label = from_stix(confidence, self.scale)
        except ClaimsError as exc:
            self.lost.append(f"{o['id']}: confidence not read: {exc}")
            return None
        return Assessment(**{_DIMENSION[self.scale]: label})

    def _extended_claim(self, oid: str, claimant: str, ext: Mapping[str, Any]) -> Claim:
        return Claim(
            self.ids[oid],
            claimant,
            read(ext["proposition"], Proposition, "extensions.proposition"),
            stance=read(ext.get("stance", "asserts"), Stance, "extensions.stance"),
            quotes=read(ext.get("quotes", []), tuple[Quote, ...], "extensions.quotes"),
            chain=read(ext.get("chain", []), tuple[Hop, ...], "extensions.chain"),
            made=read(ext["made"], When, "extensions.made") if "made" in ext else None,
            assessment=read(ext["assessment"], Assessment, "extensions.assessment")
            if "assessment" in ext
            else None,
            note=read(ext.get("note"), str | None, "extensions.note"),
            topic=read(ext.get("topic"), str | None, "extensions.topic"),
            reason=read(ext.get("reason"), str | None, "extensions.reason"),
            also=read(ext.get("also", []), tuple[str, ...], "extensions.also"),
        )

    # ------------------------------------------------------------------

    def _dossier(self) -> Dossier:
        return build([*self.actors.values(), *self.records, *self.links.values()], self.lost)
