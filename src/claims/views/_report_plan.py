"""What a report shows: the claims its filters select, and the findings about them.

The text and JSON reports render the same `Plan`: the sections asked for,
the claims selected by claimant, subject, event, time and status, and the
findings that involve at least one of them. Limits are applied by the
renderers with `cut`, so both say the same "and N more".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from .. import analysis
from .._model import Actor, Claim, EventRef, Link, StatusKind, Text
from ..dossier import Dossier
from ..exceptions import ClaimsError
from ._findings import Findings, claimant_order, findings, subject_key

__all__ = [
    "DEFAULT_LIMIT",
    "REPORT_SECTIONS",
    "Plan",
    "ReportError",
    "Selection",
    "allot",
    "cut",
    "plan",
    "select",
    "subset",
]

REPORT_SECTIONS = {
    "summary": "Summary",
    "contradictions": "Contradictions",
    "uncertainty": "Known unknowns (not contradictions)",
    "silences": "Silences and unanswered accusations",
    "corroboration": "Corroboration",
    "changes": "What changed",
    "claims": "Who claimed what",
}
"""The report's sections in the order an analyst reads them, by the name ``--section`` takes."""

DEFAULT_LIMIT = 45
"""The most items a report shows per section unless asked for more."""


class ReportError(ClaimsError, ValueError):
    """A report was asked for something it cannot show: an unknown name, section or time."""


@attrs.frozen
class Selection:
    """Which claims a report is about; an empty field selects everything.

    Attributes:
        claimants: Actor ids whose claims (and their parts' claims) are selected.
        subjects: Subjects as `subject_key` pairs.
        events: Event ids: claims about them, as subject or object.
        since: Only claims made at or after this time (naive: in each
            claim's own offset).
        current: Only active claims: none superseded or retracted.
    """

    claimants: tuple[str, ...] = ()
    subjects: tuple[tuple[str, str], ...] = ()
    events: tuple[str, ...] = ()
    since: datetime | None = None
    current: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything is left out."""
        return bool(self.claimants or self.subjects or self.events or self.since or self.current)


def _one(found: Sequence[str], what: str, given: str) -> str:
    if not found:
        raise ReportError(f"no {what} {given!r} (give an id or a name)")
    if len(found) > 1:
        raise ReportError(f"{what} {given!r} is ambiguous: {', '.join(sorted(found))}")
    return found[0]


def _actors_named(dossier: Dossier, given: str) -> list[str]:
    if given in dossier.actors:
        return [given]
    key = given.casefold()
    return [
        a.id
        for a in dossier.actors.values()
        if a.name.casefold() == key or any(alias.casefold() == key for alias in a.aliases)
    ]


def _events_named(dossier: Dossier, given: str) -> list[str]:
    if given in dossier.events:
        return [given]
    key = given.casefold()
    return [e.id for e in dossier.events.values() if e.description.casefold() == key]


def _subject(dossier: Dossier, given: str) -> tuple[str, str]:
    actors = _actors_named(dossier, given)
    if actors:
        return ("ActorRef", _one(actors, "actor", given))
    events = _events_named(dossier, given)
    if events:
        return ("EventRef", _one(events, "event", given))
    key = given.casefold()
    for claim in dossier.claims.values():
        subject = claim.proposition.subject
        if isinstance(subject, Text) and subject.value.casefold() == key:
            return subject_key(subject)
    raise ReportError(f"no subject {given!r} (give an actor, an event or a text)")


def _time(value: str | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ReportError(
            f"since {value!r}: expected an ISO date or time, such as 2024-01-04 "
            "or 2024-01-04T10:00+03:00"
        ) from None


def select(
    dossier: Dossier,
    *,
    claimant: Iterable[str] = (),
    subject: Iterable[str] = (),
    event: Iterable[str] = (),
    since: str | datetime | None = None,
    current: bool = False,
) -> Selection:
    """The selection the filters name, each given by id or by name.

    Args:
        dossier: The dossier the names are looked up in.
        claimant: Actors, by id, name or alias.
        subject: Subjects: an actor or event (id or name) or a text subject.
        event: Events, by id or description.
        since: An ISO date or time, or a datetime.
        current: Only active claims.

    Raises:
        ReportError: A name matches nothing, or more than one record, or
            `since` is not an ISO date or time.
    """
    return Selection(
        claimants=tuple(
            dict.fromkeys(_one(_actors_named(dossier, c), "actor", c) for c in claimant)
        ),
        subjects=tuple(dict.fromkeys(_subject(dossier, s) for s in subject)),
        events=tuple(dict.fromkeys(_one(_events_named(dossier, e), "event", e) for e in event)),
        since=None if since is None else _time(since),
        current=current,
    )


def _with_parts(dossier: Dossier, ids: Iterable[str]) -> set[str]:
    children: dict[str, list[str]] = {}
    for actor in dossier.actors.values():
        if actor.part_of is not None:
            children.setdefault(actor.part_of, []).append(actor.id)
    found: set[str] = set()
    todo = list(ids)
    while todo:
        actor_id = todo.pop()
        if actor_id not in found:
            found.add(actor_id)
            todo.extend(children.get(actor_id, ()))
    return found


def _made_since(dossier: Dossier, claim: Claim, since: datetime) -> bool:
    times = [claim.made] if claim.made is not None else []
    if not times:
        for source_id in {q.source for q in claim.quotes} | {h.source for h in claim.chain}:
            source = dossier.sources.get(source_id) if source_id is not None else None
            if source is not None and source.published is not None:
                times.append(source.published)
    for when in times:
        try:
            end = when.end
        except (OverflowError, ValueError):  # the period reaches past year 9999
            return True
        if since.tzinfo is None:  # the claim's own wall clock
            end = end.replace(tzinfo=None)
        if end > since:
            return True
    return False


def _selected(dossier: Dossier, selection: Selection) -> tuple[Claim, ...]:
    if not selection.filtered:
        return tuple(dossier.claims.values())
    claimants = _with_parts(dossier, selection.claimants) if selection.claimants else None
    subjects = set(selection.subjects)
    events = {EventRef(e) for e in selection.events}
    chosen = []
    for claim in dossier.claims.values():
        prop = claim.proposition
        if claimants is not None and claim.claimant not in claimants:
            continue
        if subjects and subject_key(prop.subject) not in subjects:
            continue
        if events and prop.subject not in events and prop.object not in events:
            continue
        if selection.current and dossier.status(claim.id).kind is not StatusKind.ACTIVE:
            continue
        if selection.since is not None and not _made_since(dossier, claim, selection.since):
            continue
        chosen.append(claim)
    return tuple(chosen)


@attrs.frozen
class Plan:
    """What a report shows, before its limits.

    Attributes:
        selection: The filters.
        sections: The sections to show, in reading order.
        claims: The selected claims, in dossier order.
        findings: The findings that involve a selected claim.
        claimants: The claimants of the selected claims, those who said most
            about the findings' subjects first, each with their selected claims.
    """

    selection: Selection
    sections: tuple[str, ...]
    claims: tuple[Claim, ...]
    findings: Findings
    claimants: tuple[tuple[Actor, tuple[Claim, ...]], ...]


def _involving(found: Findings, chosen: set[str]) -> Findings:
    def touches(*ids: str | None) -> bool:
        return any(i in chosen for i in ids)

    disputes = tuple(d for d in found.disputes if any(touches(*p.claims) for p in d.positions))
    verdicts = tuple(v for v in found.verdicts if touches(*v.claims, *(p.claim for p in v.partly)))
    backed = {c for v in verdicts for c in v.claims}
    view = found.current
    active = set(view.claims)
    return Findings(
        disputes=disputes,
        verdicts=verdicts,
        alone=sum(1 for c in chosen if c not in backed and c in active),
        silences=tuple(s for s in found.silences if touches(s.claim, *s.accusations)),
        uncertainties=tuple(u for u in found.uncertainties if touches(u.claim, *u.known)),
        current=analysis.CurrentView(
            claims=tuple(c for c in view.claims if c in chosen),
            replaced=tuple(r for r in view.replaced if touches(r.claim, r.status.by, r.current)),
            stale=tuple(s for s in view.stale if touches(s.link.claim, s.link.target)),
        ),
    )


def plan(
    dossier: Dossier, selection: Selection | None = None, *, sections: Iterable[str] = ()
) -> Plan:
    """The sections, claims and findings a report of `dossier` shows.

    Args:
        dossier: The dossier to report on.
        selection: The filters (default: everything).
        sections: Names from `REPORT_SECTIONS` (default: all of them).

    Raises:
        ReportError: A section name is not one of `REPORT_SECTIONS`.
    """
    selection = selection or Selection()
    asked = set(sections)
    unknown = sorted(asked - REPORT_SECTIONS.keys())
    if unknown:
        raise ReportError(
            f"no section {unknown[0]!r}; the sections are {', '.join(REPORT_SECTIONS)}"
        )
    chosen = _selected(dossier, selection)
    found = findings(dossier)
    if selection.filtered:
        found = _involving(found, {c.id for c in chosen})
    ids = {c.id for c in chosen}
    speakers = {c.claimant for c in chosen}
    order = claimant_order(dossier, found, [a for a in dossier.actors.values() if a.id in speakers])
    claimants = tuple(
        (actor, tuple(c for c in dossier.claims_by(actor.id) if c.id in ids)) for actor in order
    )
    return Plan(
        selection=selection,
        sections=tuple(s for s in REPORT_SECTIONS if not asked or s in asked),
        claims=chosen,
        findings=found,
        claimants=tuple((a, said) for a, said in claimants if said),
    )


def cut(items: Sequence[object], limit: int) -> int:
    """How many of `items` to show under `limit` (0: all)."""
    return len(items) if limit <= 0 else min(len(items), limit)


def allot(sizes: list[int], limit: int) -> list[int]:
    """How many of each group to show: `limit` items in all, shared out in turn (0: all).

    Groups that come first get one more when the items do not share out evenly;
    groups past the first `limit` get none.

    >>> allot([27, 3, 2, 1], 8)
    [3, 2, 2, 1]
    """
    if limit <= 0:
        return list(sizes)
    shares = [0] * len(sizes)
    budget = limit
    while budget > 0:
        given = 0
        for i, size in enumerate(sizes[:limit]):
            if shares[i] < size and budget > 0:
                shares[i] += 1
                budget -= 1
                given += 1
        if not given:
            break
    return shares


def _partners(found: Findings) -> set[str]:
    ids: set[str] = set()
    for dispute in found.disputes:
        for position in dispute.positions:
            ids.update(position.claims)
    for verdict in found.verdicts:
        ids.update(verdict.claims)
        ids.update(p.claim for p in verdict.partly)
    for silence in found.silences:
        ids.update(silence.accusations)
        if silence.claim is not None:
            ids.add(silence.claim)
    for unknown in found.uncertainties:
        ids.update((unknown.claim, *unknown.known))
    for replaced in found.current.replaced:
        ids.update(i for i in (replaced.claim, replaced.status.by, replaced.current) if i)
    for stale in found.current.stale:
        ids.update((stale.link.claim, stale.link.target))
    return ids


def subset(dossier: Dossier, selection: Selection) -> Dossier:
    """A dossier of the selected claims and the claims their findings involve.

    Every actor, source and event is kept, and the links between kept
    claims, so the briefings (`claims.views.html`, `claims.views.markdown`)
    of the subset show the selected claims with their findings; so is the
    dossier's own vocabulary.

    Args:
        dossier: The whole dossier.
        selection: The filters.
    """
    if not selection.filtered:
        return dossier
    chosen = {c.id for c in _selected(dossier, selection)}
    keep = chosen | _partners(_involving(findings(dossier), chosen))
    links: list[Link] = [ln for ln in dossier.links if ln.claim in keep and ln.target in keep]
    return Dossier(
        [
            *dossier.actors.values(),
            *dossier.sources.values(),
            *dossier.events.values(),
            *(c for c in dossier.claims.values() if c.id in keep),
            *links,
        ],
        vocabulary=dossier.own_vocabulary,
    )
