"""The attribution graph and the timeline, drawn as inline SVG.

The graph is laid out in two columns: actors on the left (each whole followed
by its parts), claims on the right (grouped by claimant). Claimants point at
their claims; claims point back, dashed, at the actors who relayed them.
``part_of`` and affiliation ties are arcs left of the actors; links between
claims, and contradictions (thick and red), are arcs right of the claims.
Every label and tooltip is escaped; nothing is styled inline, so the page's
Content-Security-Policy needs no ``unsafe-inline``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from .. import analysis
from .._model import Actor, EventRef, LinkKind, When
from ..dossier import Dossier
from . import _sentence as say
from ._escape import text as esc

__all__ = ["actor_order", "graph", "timeline"]

_ROW = 24
_ACTOR_W = 210
_CLAIM_W = 330
_LEFT = 70
_GAP = 150
_RIGHT = 90
_CHAR = 6.6  # average width of a 12px sans-serif character
_MAX_RELAYS = 300  # the aggregated graph draws the busiest relays only
_TIPS = 5  # sentences in a timeline bar's tooltip
_SUBJECTS = 100  # subjects a timeline bar can be filtered by


def _fit(label: str, width: float) -> str:
    limit = max(4, int(width / _CHAR))
    return label if len(label) <= limit else label[: limit - 1] + "…"


def actor_order(dossier: Dossier) -> list[Actor]:
    """Every actor, each whole followed by its parts, otherwise in dossier order."""
    children: dict[str | None, list[Actor]] = {}
    for actor in dossier.actors.values():
        parent = actor.part_of if actor.part_of in dossier.actors else None
        children.setdefault(parent, []).append(actor)
    out: list[Actor] = []
    seen: set[str] = set()
    stack = list(reversed(children.get(None, [])))
    while stack:
        actor = stack.pop()
        if actor.id in seen:
            continue
        seen.add(actor.id)
        out.append(actor)
        stack.extend(reversed(children.get(actor.id, [])))
    out.extend(a for a in dossier.actors.values() if a.id not in seen)  # cycles, if any
    return out


def _arc(x: float, y1: float, y2: float, side: int) -> str:
    bend = side * min(_LEFT - 8, 12 + abs(y2 - y1) / 6)
    return f"M{x:.1f},{y1:.1f} C{x + bend:.1f},{y1:.1f} {x + bend:.1f},{y2:.1f} {x:.1f},{y2:.1f}"


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    mid = (x1 + x2) / 2
    return f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"


def _defs() -> str:
    return (
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker>'
        '<marker id="arrow-red" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#c62828"/></marker>'
        "</defs>"
    )


def _node(x: float, y: float, width: float, label: str, tip: str, cls: str, data: str) -> str:
    return (
        f'<g class="node {cls}"{data}><title>{esc(tip)}</title>'
        f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="{width}" height="18" '
        f'rx="{4 if cls == "actor" else 9}"/>'
        f'<text x="{x + 6:.1f}" y="{y + 4:.1f}">{esc(_fit(label, width - 10))}</text></g>'
    )


def graph(
    dossier: Dossier,
    tokens: Mapping[str, str],
    subjects: Mapping[str, str],
    contradictions: Iterable[analysis.Contradiction],
    *,
    limit: int,
) -> str:
    """The attribution graph as an ``<svg>`` element.

    Args:
        dossier: The dossier.
        tokens: The filter token of each actor id (``a1``, ``a2``, ...).
        subjects: The filter token of each claim's subject, by claim id.
        contradictions: The dossier's contradictions.
        limit: Above this many claims, draw actors only, with the claims
            counted on their edges.
    """
    if len(dossier.claims) > limit:
        return _aggregated(dossier, tokens)
    actors = actor_order(dossier)
    rank = {a.id: i for i, a in enumerate(actors)}
    claims = sorted(dossier.claims.values(), key=lambda c: rank.get(c.claimant, len(rank)))
    rows = max(len(actors), len(claims), 1)
    height = rows * _ROW + 20
    ax, cx = _LEFT, _LEFT + _ACTOR_W + _GAP
    width = cx + _CLAIM_W + _RIGHT
    a_step = (rows * _ROW) / max(len(actors), 1)
    c_step = (rows * _ROW) / max(len(claims), 1)
    ay = {a.id: 10 + a_step * (i + 0.5) for i, a in enumerate(actors)}
    cy = {c.id: 10 + c_step * (i + 0.5) for i, c in enumerate(claims)}
    edges: list[str] = []
    for actor in actors:
        if actor.part_of in ay:
            edges.append(
                f'<path class="edge partof" d="{_arc(ax, ay[actor.id], ay[actor.part_of], -1)}">'
                f"<title>{esc(actor.name)} is part of {esc(say.name(dossier, actor.part_of))}"
                "</title></path>"
            )
        for tie in actor.affiliations:
            if tie.actor in ay:
                how = f" ({tie.note})" if tie.note else ""
                edges.append(
                    f'<path class="edge affil" d="{_arc(ax, ay[actor.id], ay[tie.actor], -1)}">'
                    f"<title>{esc(actor.name)} is affiliated with "
                    f"{esc(say.name(dossier, tie.actor))}{esc(how)}</title></path>"
                )
    for claim in claims:
        token = tokens.get(claim.claimant, "")
        data = f' data-claimant="{token}" data-subject="{subjects[claim.id]}"'
        if claim.claimant in ay:
            edges.append(
                f'<path class="edge says"{data} marker-end="url(#arrow)" '
                f'd="{_curve(ax + _ACTOR_W, ay[claim.claimant], cx, cy[claim.id])}">'
                f"<title>{esc(say.STANCE_WORDS[claim.stance])}</title></path>"
            )
        for hop in claim.chain:
            if hop.reporter in ay:
                edges.append(
                    f'<path class="edge relay"{data} marker-end="url(#arrow)" '
                    f'd="{_curve(cx, cy[claim.id], ax + _ACTOR_W, ay[hop.reporter])}">'
                    f"<title>{esc(say.name(dossier, hop.reporter))} {esc(hop.cue)}</title></path>"
                )
    right = cx + _CLAIM_W
    for link in dossier.links:
        if link.kind is LinkKind.CONTRADICTS or link.claim not in cy or link.target not in cy:
            continue
        edges.append(
            f'<path class="edge link link-{link.kind.value}" marker-end="url(#arrow)" '
            f'd="{_arc(right, cy[link.claim], cy[link.target], 1)}">'
            f"<title>{esc(link.claim)} {link.kind.value.replace('_', ' ')} {esc(link.target)}"
            "</title></path>"
        )
    for found in contradictions:
        if found.first in cy and found.second in cy:
            edges.append(
                f'<path class="edge contra" marker-end="url(#arrow-red)" '
                f'marker-start="url(#arrow-red)" '
                f'd="{_arc(right, cy[found.first], cy[found.second], 1)}">'
                f"<title>contradiction: {esc(found.detail)}</title></path>"
            )
    nodes = [
        _node(
            ax,
            ay[a.id],
            _ACTOR_W,
            a.name,
            f"{a.name} ({a.kind.value.replace('_', ' ')})",
            "actor",
            f' data-claimant="{tokens.get(a.id, "")}"',
        )
        for a in actors
    ]
    for claim in claims:
        prop = claim.proposition
        sentence = say.proposition(dossier, prop)
        if isinstance(prop.subject, EventRef):  # the event is in the tooltip
            sentence = f"{prop.predicate.replace('_', ' ')} {say.term(dossier, prop.object)}"
        nodes.append(
            _node(
                cx,
                cy[claim.id],
                _CLAIM_W,
                sentence,
                say.claim(dossier, claim),
                f"claim stance-{claim.stance.value}",
                f' data-claimant="{tokens.get(claim.claimant, "")}"'
                f' data-subject="{subjects[claim.id]}"',
            )
        )
    return _svg(width, height, "attribution graph", [_defs(), *edges, *nodes])


def _svg(width: float, height: float, label: str, parts: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{label}">'
        + "".join(parts)
        + "</svg>"
    )


def _aggregated(dossier: Dossier, tokens: Mapping[str, str]) -> str:
    """Actors only: ties on the left, relays (claims counted) on the right."""
    actors = actor_order(dossier)
    said = Counter(c.claimant for c in dossier.claims.values())
    relays = Counter((c.claimant, h.reporter) for c in dossier.claims.values() for h in c.chain)
    ay = {a.id: 10 + _ROW * (i + 0.5) for i, a in enumerate(actors)}
    ax, right = _LEFT, _LEFT + _ACTOR_W
    parts = [_defs()]
    for actor in actors:
        if actor.part_of in ay:
            parts.append(
                f'<path class="edge partof" d="{_arc(ax, ay[actor.id], ay[actor.part_of], -1)}"/>'
            )
        for tie in actor.affiliations:
            if tie.actor in ay:
                parts.append(
                    f'<path class="edge affil" d="{_arc(ax, ay[actor.id], ay[tie.actor], -1)}"/>'
                )
    drawn = [
        (pair, n)
        for pair, n in relays.most_common()
        if pair[0] in ay and pair[1] in ay and pair[0] != pair[1]
    ][:_MAX_RELAYS]
    for (claimant, reporter), n in drawn:
        parts.append(
            f'<path class="edge relay" marker-end="url(#arrow)" '
            f'd="{_arc(right, ay[claimant], ay[reporter], 1)}"><title>{n:,} claims of '
            f"{esc(say.name(dossier, claimant))} relayed by "
            f"{esc(say.name(dossier, reporter))}</title></path>"
        )
    for a in actors:
        label = f"{a.name} ({said[a.id]:,} claims)" if said[a.id] else a.name
        parts.append(
            _node(
                ax,
                ay[a.id],
                _ACTOR_W,
                label,
                label,
                "actor",
                f' data-claimant="{tokens.get(a.id, "")}"',
            )
        )
    width = right + _LEFT + 200
    return _svg(width, len(actors) * _ROW + 20, "actors and relays", parts)


# --------------------------------------------------------------------------
# Timeline


def _end(when: When) -> datetime:
    """The end of `when`'s period, or its start where the period ends past year 9999."""
    try:
        return when.end
    except (OverflowError, ValueError):
        return when.start


def _ticks(start: datetime, end: datetime) -> list[tuple[float, str]]:
    span = (end - start).total_seconds() or 1.0
    fmt = "%Y-%m-%d %H:%M" if span <= 3 * 86400 else "%Y-%m-%d"
    return [(i / 4, (start + (end - start) * (i / 4)).strftime(fmt)) for i in range(5)]


def timeline(
    dossier: Dossier,
    moments: Sequence[analysis.Moment],
    tokens: Mapping[str, str],
    subjects: Mapping[str, str],
) -> str:
    """The timeline as an ``<svg>`` chart: a lane per actor, a bar per period.

    Moments of one actor, kind and period share a bar, labelled with their count.
    """
    if not moments:
        return '<p class="empty">No claim in the dossier is dated.</p>'
    lanes: dict[str, int] = {}
    bars: dict[tuple[str, str, datetime, datetime], list[analysis.Moment]] = {}
    for m in moments:
        lanes.setdefault(m.actor, len(lanes))
        bars.setdefault((m.actor, m.kind.value, m.when.start, _end(m.when)), []).append(m)
    start = min(k[2] for k in bars)
    end = max(k[3] for k in bars)
    span = (end - start).total_seconds() or 1.0
    label_w, plot_w, lane_h = 220, 560, 28
    height = len(lanes) * lane_h + 40
    parts: list[str] = []
    for fraction, words in _ticks(start, end):
        x = label_w + fraction * plot_w
        parts.append(
            f'<line class="tick" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 22}"/>'
            f'<text class="tick-label" x="{x:.1f}" y="{height - 6}">{esc(words)}</text>'
        )
    for actor, lane in lanes.items():
        y = lane * lane_h + 14
        name = say.name(dossier, actor)
        parts.append(
            f'<text class="lane" x="4" y="{y + 4}" data-claimant="{tokens.get(actor, "")}">'
            f"<title>{esc(name)}</title>{esc(_fit(name, label_w - 10))}</text>"
        )
    for (actor, kind, s, e), group in bars.items():
        y = lanes[actor] * lane_h + 14
        x1 = label_w + (s - start).total_seconds() / span * plot_w
        x2 = label_w + (e - start).total_seconds() / span * plot_w
        w = max(x2 - x1, 4.0)
        dy = -8 if kind == "made" else 1
        tip = "\n".join(
            f"{'~' if m.approximate else ''}{m.when} {kind}: "
            f"{say.claim(dossier, dossier.claim(m.claim))}"
            for m in group[:_TIPS]
        )
        if len(group) > _TIPS:
            tip += f"\n… and {len(group) - _TIPS:,} more"
        claimants = " ".join(
            sorted({tokens.get(dossier.claim(m.claim).claimant, "") for m in group})
        )
        subs = {subjects[m.claim] for m in group}
        # A bar about very many subjects stays whatever the subject filter says.
        about = f' data-subject="{" ".join(sorted(subs))}"' if len(subs) <= _SUBJECTS else ""
        parts.append(
            f'<g class="bar {kind}" data-claimant="{claimants}"{about}>'
            f"<title>{esc(tip)}</title>"
            f'<rect x="{x1:.1f}" y="{y + dy}" width="{w:.1f}" height="6"/>'
            f'<text class="count" x="{x1 + w + 3:.1f}" y="{y + dy + 6}">{len(group):,}</text></g>'
        )
    return _svg(label_w + plot_w + 80, height, "timeline", parts)
