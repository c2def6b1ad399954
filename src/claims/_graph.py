"""The attribution graph before it is written: what to draw, and its Mermaid text.

`claims.graph` writes it; this module chooses the claims and actors, builds
the full graph or the aggregated one within Mermaid's limits, and writes
Mermaid, whose size decides between the two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import zip_longest
from typing import Any

import attrs

from ._describe import describe
from ._model import ActorRef, Claim, EventRef, LinkKind, Proposition, Subject, Text
from ._words import plural, shorten
from .analysis import contradictions
from .dossier import Dossier

__all__ = [
    "CONTRADICTION_COLOUR",
    "MAX_EDGES",
    "MAX_TEXT",
    "TIE_COLOUR",
    "Edge",
    "Graph",
    "Node",
    "build",
    "comment",
    "mermaid_text",
    "render_mermaid",
    "select",
]

MAX_EDGES = 500
"""The most edges a graph has: Mermaid's default ``maxEdges``."""

MAX_TEXT = 50_000
"""The most characters of Mermaid a graph gives: Mermaid's default ``maxTextSize``."""

_SAFE = frozenset(" -_.,'")
CONTRADICTION_COLOUR = "#d62728"
TIE_COLOUR = "#2ca02c"
_LABEL = 90  # characters of a node's label
_TIES = ("part_of", "affiliated")
_NODE_KINDS = {"a": "actor", "c": "claim", "p": "position"}


@attrs.frozen
class Node:
    """A box of the graph.

    Attributes:
        key: ``a:<actor id>``, ``c:<claim id>`` or ``p:<n>`` (a position).
        name: The generated name the output uses (``a1``, ``c1``, ``p1``).
        kind: ``actor``, ``claim`` or ``position``.
        label: What the box says.
    """

    key: str
    name: str
    kind: str
    label: str


@attrs.frozen
class Edge:
    """An arrow of the graph.

    Attributes:
        kind: ``says``, ``relays``, ``link``, ``contradicts``, ``part_of`` or
            ``affiliated``.
        start: The key of the node it starts from.
        end: The key of the node it ends at.
        label: What the arrow says.
        count: How many claims (or pairs of claims) it stands for.
    """

    kind: str
    start: str
    end: str
    label: str
    count: int = 1


@attrs.frozen
class Graph:
    """The attribution graph, before it is written in a format.

    Attributes:
        nodes: The boxes, by key, in drawing order.
        edges: The arrows, in drawing order.
        aggregated: Whether claims are gathered into positions.
        left_out: How many edges of an aggregated graph were left out to
            keep within `MAX_EDGES` and `MAX_TEXT`.
    """

    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    aggregated: bool = False
    left_out: int = 0


# --------------------------------------------------------------------------
# What to draw


def _actor_id(dossier: Dossier, name: str) -> str:
    """An actor given by id, or else by name or alias (`Dossier.actor_named`)."""
    return name if name in dossier.actors else dossier.actor_named(name).id


def _subjects(dossier: Dossier, subject: str) -> list[Subject]:
    keys: list[Subject] = [Text(subject)]
    if subject in dossier.events:
        keys.append(EventRef(subject))
    if subject in dossier.actors:
        keys.append(ActorRef(subject))
    else:
        keys.extend(ActorRef(a.id) for a in dossier.find_actors(subject))
    return keys


def select(
    dossier: Dossier, *, claimant: str | None = None, subject: str | None = None
) -> list[Claim]:
    """The claims a graph narrowed to `claimant` and `subject` shows, in dossier order.

    Args:
        dossier: The dossier.
        claimant: An actor's id, name or alias: its claims and its parts'.
        subject: An actor's id, name or alias, an event's id, or the words
            of a text subject: the claims about it.

    Raises:
        NameLookupError: `claimant` names no actor, or several.
    """
    chosen: Iterable[Claim] = dossier.claims.values()
    if claimant is not None:
        chosen = dossier.claims_by(_actor_id(dossier, claimant), include_parts=True)
    if subject is not None:
        about = {c.id for key in _subjects(dossier, subject) for c in dossier.claims_about(key)}
        chosen = [c for c in chosen if c.id in about]
    return list(chosen)


def _focus(dossier: Dossier, claimant: str | None, subject: str | None) -> set[str] | None:
    """The actors a narrowed graph is about (None: the graph is not narrowed)."""
    if claimant is None and subject is None:
        return None
    focus: set[str] = set()
    if claimant is not None:
        whole = _actor_id(dossier, claimant)
        focus |= {whole, *dossier.parts(whole)}
    if subject is not None:
        focus |= {k.id for k in _subjects(dossier, subject) if isinstance(k, ActorRef)}
    return focus


def _actors(dossier: Dossier, chosen: list[Claim], focus: set[str] | None) -> list[str]:
    """The actors drawn: everyone, or those the graph is about, those its claims
    involve, and the actors they are tied to."""
    if focus is None:
        return list(dossier.actors)
    ids = focus | {c.claimant for c in chosen} | {h.reporter for c in chosen for h in c.chain}
    ids |= {t for a in ids for t in _tie_targets(dossier, a)}
    return [a for a in dossier.actors if a in ids]


def _tie_targets(dossier: Dossier, actor_id: str) -> list[str]:
    actor = dossier.actor(actor_id)
    found = [actor.part_of] if actor.part_of is not None else []
    return found + [a.actor for a in actor.affiliations]


def _ties(dossier: Dossier, actors: list[str]) -> list[Edge]:
    shown = set(actors)
    edges = []
    for actor_id in actors:
        actor = dossier.actor(actor_id)
        if actor.part_of in shown:
            edges.append(Edge("part_of", f"a:{actor.id}", f"a:{actor.part_of}", "part of"))
        for aff in actor.affiliations:
            if aff.actor in shown:
                note = aff.note or "affiliated with"
                edges.append(Edge("affiliated", f"a:{actor.id}", f"a:{aff.actor}", note))
    return edges


def _full(dossier: Dossier, chosen: list[Claim], focus: set[str] | None) -> Graph:
    actors = _actors(dossier, chosen, focus)
    nodes = {
        f"a:{a}": Node(f"a:{a}", f"a{i}", "actor", dossier.actor(a).name)
        for i, a in enumerate(actors, 1)
    }
    for i, claim in enumerate(chosen, 1):
        words = shorten(describe(claim.proposition, dossier), _LABEL)
        nodes[f"c:{claim.id}"] = Node(f"c:{claim.id}", f"c{i}", "claim", words)
    edges: list[Edge] = []
    for claim in chosen:
        edges.append(Edge("says", f"a:{claim.claimant}", f"c:{claim.id}", describe(claim.stance)))
        edges.extend(
            Edge("relays", f"c:{claim.id}", f"a:{hop.reporter}", hop.cue)
            for hop in reversed(claim.chain)
        )
    for link in dossier.links:
        start, end = f"c:{link.claim}", f"c:{link.target}"
        if link.kind is not LinkKind.CONTRADICTS and start in nodes and end in nodes:
            edges.append(Edge("link", start, end, link.kind.value.replace("_", " ")))
    for found in contradictions(dossier):
        if {f"c:{found.first}", f"c:{found.second}"} <= nodes.keys():
            edges.append(
                Edge("contradicts", f"c:{found.second}", f"c:{found.first}", "contradicts")
            )
    edges.extend(_ties(dossier, actors))
    return Graph(nodes, tuple(edges))


def _aggregated(
    dossier: Dossier, chosen: list[Claim], focus: set[str] | None, *, limited: bool = True
) -> Graph:
    """Positions instead of claims, edges counted, within Mermaid's limits if `limited`."""
    position: dict[str, str] = {}  # claim id -> position key
    labels: dict[str, str] = {}  # position key -> label
    keys: dict[tuple[object, ...], str] = {}
    for claim in chosen:
        prop = claim.proposition
        said = (prop.subject, prop.predicate, prop.object)
        if said not in keys:
            keys[said] = key = f"p:{len(keys) + 1}"
            words = describe(Proposition(prop.subject, prop.predicate, prop.object), dossier)
            labels[key] = shorten(words, _LABEL)
        position[claim.id] = keys[said]
    says = Counter((f"a:{c.claimant}", position[c.id], c.stance) for c in chosen)
    relays = Counter((position[c.id], f"a:{h.reporter}") for c in chosen for h in c.chain)
    links = Counter(
        (position[k.claim], position[k.target], k.kind)
        for k in dossier.links
        if k.kind is not LinkKind.CONTRADICTS and k.claim in position and k.target in position
    )
    against = Counter(
        (position[f.second], position[f.first])
        for f in contradictions(dossier)
        if f.first in position and f.second in position and position[f.first] != position[f.second]
    )
    # The heaviest of each kind in turn, so none crowds out the others; then the
    # ties (they decide independence), those of the actors drawn first, in a share
    # kept for them.
    first = _in_turn(
        [_counted("says", a, p, describe(stance), n) for (a, p, stance), n in _heaviest(says)],
        [_counted("contradicts", a, b, "contradicts", n) for (a, b), n in _heaviest(against)],
        [_counted("relays", p, a, "relays", n) for (p, a), n in _heaviest(relays)],
        [
            _counted("link", a, b, kind.value.replace("_", " "), n)
            for (a, b, kind), n in _heaviest(links)
        ],
    )
    ties = _ties(dossier, _actors(dossier, chosen, focus))
    return _within_limits(dossier, first, ties, labels, limited)


def _heaviest(counts: Counter[Any]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda kv: -kv[1])


def _in_turn(*kinds: list[Edge]) -> list[Edge]:
    return [e for turn in zip_longest(*kinds) for e in turn if e is not None]


def _counted(kind: str, start: str, end: str, words: str, n: int) -> Edge:
    noun = "pair" if kind == "contradicts" else "claim"
    return Edge(kind, start, end, f"{words} ({plural(n, noun)})", n)


_TIE_SHARE = 0.2  # of the edges and the text, kept for the ties


def _within_limits(
    dossier: Dossier, first: list[Edge], ties: list[Edge], labels: dict[str, str], limited: bool
) -> Graph:
    nodes: dict[str, Node] = {}
    kept: list[Edge] = []
    size = len(_MERMAID_HEAD) + 200  # the header, the comment and the style lines
    counts = {"a": 0, "p": 0}

    def name(key: str) -> str:
        return nodes[key].name if key in nodes else f"{key[0]}{counts[key[0]] + 1}"

    def take(edge: Edge, max_edges: float, max_text: float) -> None:
        nonlocal size
        if limited and len(kept) >= max_edges:
            return
        new = list(dict.fromkeys(k for k in (edge.start, edge.end) if k not in nodes))
        made = []
        for key in new:
            kind, _, id = key.partition(":")
            counts[kind] += 1
            label = dossier.actor(id).name if kind == "a" else labels[key]
            made.append(Node(key, f"{kind}{counts[kind]}", _NODE_KINDS[kind], label))
        cost = sum(len(_mermaid_node(n)) + 1 for n in made)
        names = {n.key: n.name for n in made}
        a, b = names.get(edge.start) or name(edge.start), names.get(edge.end) or name(edge.end)
        cost += len(_mermaid_link(a, edge, b)) + 1 + 8  # and its index in a style line
        if limited and size + cost > max_text:
            for n in made:
                counts[n.key[0]] -= 1
            return
        size += cost
        nodes.update((n.key, n) for n in made)
        kept.append(edge)

    share = 1 - _TIE_SHARE
    for edge in first:
        take(edge, MAX_EDGES * share, MAX_TEXT * share)
    drawn = set(nodes)
    for edge in sorted(ties, key=lambda e: e.start not in drawn and e.end not in drawn):
        take(edge, MAX_EDGES, MAX_TEXT)
    ordered = dict(sorted(nodes.items(), key=lambda kv: (kv[1].kind, int(kv[1].name[1:]))))
    left_out = len(first) + len(ties) - len(kept)
    return Graph(ordered, tuple(kept), aggregated=True, left_out=left_out)


def build(
    dossier: Dossier,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool | None = None,
    limited: bool = True,
) -> Graph:
    """The graph to draw, in no format yet.

    Args:
        dossier: The dossier.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: Gather claims into positions: True, False, or None to do
            it when the full graph would pass `MAX_EDGES` or `MAX_TEXT`.
        limited: Keep an aggregated graph within `MAX_EDGES` and `MAX_TEXT`
            (False keeps every edge, for analysis rather than a picture).

    Raises:
        NameLookupError: `claimant` names no actor, or several.
    """
    chosen = select(dossier, claimant=claimant, subject=subject)
    focus = _focus(dossier, claimant, subject)
    if aggregate or (aggregate is None and len(chosen) > MAX_EDGES):  # a says edge per claim
        return _aggregated(dossier, chosen, focus, limited=limited)
    full = _full(dossier, chosen, focus)
    if aggregate is None and (len(full.edges) > MAX_EDGES or len(render_mermaid(full)) > MAX_TEXT):
        return _aggregated(dossier, chosen, focus, limited=limited)
    return full


# --------------------------------------------------------------------------
# Mermaid

_MERMAID_HEAD = "flowchart LR"
_ARROWS = {
    "says": "-->",
    "relays": "-.->",
    "link": "-->",
    "contradicts": "<==>",
    "part_of": "--o",
    "affiliated": "-.-",
}


def mermaid_text(text: str) -> str:
    """`text` as a quoted Mermaid label body: entity codes for anything unsafe.

    >>> mermaid_text('say "hi" <b>[now]</b>')
    'say #34;hi#34; #60;b#62;#91;now#93;#60;#47;b#62;'
    """
    return "".join(c if c.isalnum() or c in _SAFE else f"#{ord(c)};" for c in text)


def _mermaid_node(node: Node) -> str:
    left, right = ("[", "]") if node.kind == "actor" else ("(", ")")
    return f'  {node.name}{left}"{mermaid_text(node.label)}"{right}'


def _mermaid_link(a: str, edge: Edge, b: str) -> str:
    return f'  {a} {_ARROWS[edge.kind]}|"{mermaid_text(edge.label)}"| {b}'


def _mermaid_edge(edge: Edge, nodes: dict[str, Node]) -> str:
    return _mermaid_link(nodes[edge.start].name, edge, nodes[edge.end].name)


def comment(g: Graph) -> str:
    """What an aggregated graph's comment line says: its positions, and what was left out."""
    positions = sum(n.kind == "position" for n in g.nodes.values())
    text = f"aggregated: claims saying the same thing are one of {plural(positions, 'position')}"
    if g.left_out:
        text += f"; {plural(g.left_out, 'lighter edge')} left out"
    return text


def render_mermaid(g: Graph) -> str:
    """`g` as a Mermaid flowchart."""
    lines = [_MERMAID_HEAD]
    if g.aggregated:
        lines.append(f"  %% {comment(g)}")
    lines.extend(_mermaid_node(n) for n in g.nodes.values())
    lines.extend(_mermaid_edge(e, g.nodes) for e in g.edges)
    styles = [
        ("contradicts", f"stroke:{CONTRADICTION_COLOUR},stroke-width:3px"),
        ("tie", f"stroke:{TIE_COLOUR}"),
    ]
    for group, style in styles:
        indexes = [
            str(n)
            for n, e in enumerate(g.edges)
            if e.kind == group or (group == "tie" and e.kind in _TIES)
        ]
        if indexes:
            lines.append(f"  linkStyle {','.join(indexes)} {style}")
    return "\n".join(lines) + "\n"
