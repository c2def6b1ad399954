"""Attribution graphs: who said what via whom, as Mermaid, Graphviz DOT or NetworkX.

Actors are boxes and claims rounded boxes labelled with what the claim says
(its proposition, worded by `claims.describe`). Each claimant points at its
claim with its stance; each claim points at the reporters of its chain,
innermost first, dashed, with their cues; links between claims are arrows
labelled by their kind; contradictions (`claims.analysis.contradictions`,
explicit ``contradicts`` links included) are thick red edges; and the ties
between actors that decide whether two reports are independent are drawn in
green: ``part_of`` from the part to the whole (ending in a circle or
diamond), affiliations dotted, labelled with their note. So an actor that
relays nothing is still attached to the actors it is tied to.

A large graph is **aggregated**: claims that say the same thing (subject,
predicate and object) become one *position*, and each edge counts the claims
it stands for (``asserts (3 claims)``). It is chosen when the full graph
would have more than `MAX_EDGES` edges or more than `MAX_TEXT` characters of
Mermaid, Mermaid's own default limits, and it keeps within them: past them
the lightest edges are left out, and a comment says how many. The graph can
be narrowed to one claimant's claims (with its parts') or to the claims
about one subject.

Every name and quote is escaped, so whatever an actor is called (quotes,
brackets, newlines, markup, NUL and other control characters) the output
parses: DOT labels are quoted strings with ``"`` and ``\\`` escaped,
newlines written ``\\n`` and control characters written visibly
(``\\x00``, as `claims.views.terminal_safe` writes them); Mermaid labels are
quoted with every character other than letters, digits, spaces and
``-_.,'`` written as an entity code (``#34;`` for ``"``). Node names are
generated (``a1``, ``c1``, ``p1``), never taken from ids.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from ._describe import describe
from ._model import ActorRef, Claim, EventRef, LinkKind, Proposition, Subject, Text
from ._terminal import terminal_safe
from ._words import plural, shorten
from .analysis import contradictions
from .dossier import Dossier
from .exceptions import ClaimsError, InvalidValueError

__all__ = [
    "MAX_EDGES",
    "MAX_TEXT",
    "Edge",
    "Format",
    "Graph",
    "Node",
    "build",
    "dot",
    "dot_text",
    "graph",
    "mermaid",
    "mermaid_text",
    "select",
    "to_networkx",
]

Format = Literal["mermaid", "dot"]

MAX_EDGES = 500
"""The most edges a graph has: Mermaid's default ``maxEdges``."""

MAX_TEXT = 50_000
"""The most characters of Mermaid a graph gives: Mermaid's default ``maxTextSize``."""

_SAFE = frozenset(" -_.,'")
_CONTRADICTION_COLOUR = "#d62728"
_TIE_COLOUR = "#2ca02c"
_LABEL = 90  # characters of a node's label
_TIES = ("part_of", "affiliated")


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
    # Ties first (they decide independence), then the findings, then the heaviest.
    edges = _ties(dossier, _actors(dossier, chosen, focus))
    edges += [_counted("contradicts", a, b, "contradicts", n) for (a, b), n in against.items()]
    edges += [
        _counted("says", a, p, describe(stance), n)
        for (a, p, stance), n in sorted(says.items(), key=lambda kv: -kv[1])
    ]
    edges += [
        _counted("link", a, b, kind.value.replace("_", " "), n) for (a, b, kind), n in links.items()
    ]
    edges += [
        _counted("relays", p, a, "relays", n)
        for (p, a), n in sorted(relays.items(), key=lambda kv: -kv[1])
    ]
    return _within_limits(dossier, edges, labels, limited)


def _counted(kind: str, start: str, end: str, words: str, n: int) -> Edge:
    noun = "pair" if kind == "contradicts" else "claim"
    return Edge(kind, start, end, f"{words} ({plural(n, noun)})", n)


def _within_limits(
    dossier: Dossier, edges: list[Edge], labels: dict[str, str], limited: bool
) -> Graph:
    nodes: dict[str, Node] = {}
    kept: list[Edge] = []
    size = len(_MERMAID_HEAD) + 200  # the header, the comment and the style lines
    counts = {"a": 0, "p": 0}

    def node(key: str) -> Node:
        kind, _, id = key.partition(":")
        counts[kind] += 1
        if kind == "a":
            return Node(key, f"a{counts[kind]}", "actor", dossier.actor(id).name)
        return Node(key, f"p{counts[kind]}", "position", labels[key])

    for edge in edges:
        if limited and len(kept) == MAX_EDGES:
            break
        new = [node(k) for k in (edge.start, edge.end) if k not in nodes]
        new = list({n.key: n for n in new}.values())
        cost = sum(len(_mermaid_node(n)) + 1 for n in new)
        cost += len(_mermaid_edge(edge, nodes | {n.key: n for n in new})) + 1 + 8
        if limited and size + cost > MAX_TEXT:
            counts["a"] -= sum(n.kind == "actor" for n in new)
            counts["p"] -= sum(n.kind == "position" for n in new)
            continue
        size += cost
        nodes.update((n.key, n) for n in new)
        kept.append(edge)
    ordered = dict(sorted(nodes.items(), key=lambda kv: (kv[1].kind, int(kv[1].name[1:]))))
    return Graph(ordered, tuple(kept), aggregated=True, left_out=len(edges) - len(kept))


def build(
    dossier: Dossier,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool | None = None,
) -> Graph:
    """The graph to draw, in no format yet.

    Args:
        dossier: The dossier.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: Gather claims into positions: True, False, or None to do
            it when the full graph would pass `MAX_EDGES` or `MAX_TEXT`.

    Raises:
        NameLookupError: `claimant` names no actor, or several.
    """
    chosen = select(dossier, claimant=claimant, subject=subject)
    focus = _focus(dossier, claimant, subject)
    if aggregate:
        return _aggregated(dossier, chosen, focus)
    full = _full(dossier, chosen, focus)
    if aggregate is None and (len(full.edges) > MAX_EDGES or len(_mermaid(full)) > MAX_TEXT):
        return _aggregated(dossier, chosen, focus)
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


def _mermaid_edge(edge: Edge, nodes: dict[str, Node]) -> str:
    a, b = nodes[edge.start].name, nodes[edge.end].name
    return f'  {a} {_ARROWS[edge.kind]}|"{mermaid_text(edge.label)}"| {b}'


def _comment(g: Graph) -> str:
    positions = sum(n.kind == "position" for n in g.nodes.values())
    text = f"aggregated: claims saying the same thing are one of {plural(positions, 'position')}"
    if g.left_out:
        text += f"; {plural(g.left_out, 'lighter edge')} left out"
    return text


def _mermaid(g: Graph) -> str:
    lines = [_MERMAID_HEAD]
    if g.aggregated:
        lines.append(f"  %% {_comment(g)}")
    lines.extend(_mermaid_node(n) for n in g.nodes.values())
    lines.extend(_mermaid_edge(e, g.nodes) for e in g.edges)
    styles = [
        ("contradicts", f"stroke:{_CONTRADICTION_COLOUR},stroke-width:3px"),
        ("tie", f"stroke:{_TIE_COLOUR}"),
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


def mermaid(
    dossier: Dossier,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool | None = None,
) -> str:
    """The attribution graph as a Mermaid flowchart.

    Args:
        dossier: The dossier.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: As for `build`: None aggregates a graph too large for Mermaid.

    >>> import claims
    >>> d = claims.Dossier([claims.Actor("x", 'The "X" [group]')])
    >>> print(mermaid(d))
    flowchart LR
      a1["The #34;X#34; #91;group#93;"]
    <BLANKLINE>
    """
    g = build(dossier, claimant=claimant, subject=subject, aggregate=aggregate)
    return _mermaid(g)


# --------------------------------------------------------------------------
# DOT

_DOT_STYLES = {
    "says": "",
    "relays": ", style=dashed",
    "link": "",
    "contradicts": f', color="{_CONTRADICTION_COLOUR}", penwidth=3, dir=both',
    "part_of": f', color="{_TIE_COLOUR}", arrowhead=odiamond',
    "affiliated": f', color="{_TIE_COLOUR}", style=dotted, arrowhead=none',
}
_DOT_SHAPES = {"actor": "box", "claim": 'box, style="rounded"', "position": "ellipse"}


def dot_text(text: str) -> str:
    """`text` as a quoted DOT string, quotes included.

    Control characters, which Graphviz refuses (a NUL ends its string), and
    bidi controls are written visibly as `claims.views.terminal_safe` writes
    them; line breaks become DOT's ``\\n``.

    >>> print(dot_text('a "b" \\\\ c\\nd'))
    "a \\"b\\" \\\\ c\\nd"
    >>> print(dot_text("nul\\x00 here"))
    "nul\\\\x00 here"
    """
    visible = terminal_safe(text, keep="\r\n")
    escaped = visible.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{escaped}"'


def _dot(g: Graph) -> str:
    lines = ["digraph claims {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    if g.aggregated:
        lines.append(f"  // {_comment(g)}")
    for n in g.nodes.values():
        lines.append(f"  {n.name} [shape={_DOT_SHAPES[n.kind]}, label={dot_text(n.label)}];")
    for e in g.edges:
        a, b = g.nodes[e.start].name, g.nodes[e.end].name
        lines.append(f"  {a} -> {b} [label={dot_text(e.label)}{_DOT_STYLES[e.kind]}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot(
    dossier: Dossier,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool | None = None,
) -> str:
    """The attribution graph as a Graphviz DOT digraph.

    Args:
        dossier: The dossier.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: As for `build`: None aggregates a graph too large for Mermaid,
            so the two formats draw the same graph.

    >>> import claims
    >>> d = claims.Dossier([claims.Actor("x", 'The "X"')])
    >>> print(dot(d))
    digraph claims {
      rankdir=LR;
      node [fontname="Helvetica"];
      a1 [shape=box, label="The \\"X\\""];
    }
    <BLANKLINE>
    """
    return _dot(build(dossier, claimant=claimant, subject=subject, aggregate=aggregate))


def graph(
    dossier: Dossier,
    format: Format = "mermaid",
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool | None = None,
) -> str:
    """The attribution graph in `format` (``"mermaid"`` or ``"dot"``).

    Args:
        dossier: The dossier.
        format: ``"mermaid"`` or ``"dot"``.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: As for `build`.

    Raises:
        InvalidValueError: `format` is neither.
        NameLookupError: `claimant` names no actor, or several.
    """
    if format not in ("mermaid", "dot"):
        raise InvalidValueError(f"graph format {format!r} is not one of 'mermaid', 'dot'")
    g = build(dossier, claimant=claimant, subject=subject, aggregate=aggregate)
    return _mermaid(g) if format == "mermaid" else _dot(g)


# --------------------------------------------------------------------------
# NetworkX


def to_networkx(
    dossier: Dossier,
    *,
    claimant: str | None = None,
    subject: str | None = None,
    aggregate: bool = False,
) -> Any:
    """The attribution graph as a `networkx.MultiDiGraph`, for analysing it.

    Nodes are keyed ``a:<actor id>``, ``c:<claim id>`` or ``p:<n>``, with
    ``kind`` and ``label`` attributes; edges have ``kind``, ``label`` and
    ``count`` (see `Edge`). Unlike the pictures, it is never aggregated
    unless asked, and never cut.

    Args:
        dossier: The dossier.
        claimant: Only this actor's claims and its parts' (see `select`).
        subject: Only the claims about this subject (see `select`).
        aggregate: Gather claims into positions (the edges still all kept).

    Raises:
        ClaimsError: networkx is not installed (``pip install 'claims[graph]'``).

    >>> import claims
    >>> g = to_networkx(claims.load("seeds/baghdad-drone-strike.json"))
    >>> g.nodes["a:iraq-mofa"]["label"], g.number_of_nodes()
    ('Iraqi Ministry of Foreign Affairs', 64)
    >>> sorted(k for _, _, k in g.out_edges("a:iraq-mofa", data="kind"))
    ['part_of', 'says', 'says']
    """
    try:
        nx = importlib.import_module("networkx")
    except ImportError:
        raise ClaimsError("to_networkx needs networkx: pip install 'claims[graph]'") from None
    chosen = select(dossier, claimant=claimant, subject=subject)
    focus = _focus(dossier, claimant, subject)
    if aggregate:
        g = _aggregated(dossier, chosen, focus, limited=False)
    else:
        g = _full(dossier, chosen, focus)
    out = nx.MultiDiGraph()
    for n in g.nodes.values():
        out.add_node(n.key, kind=n.kind, label=n.label)
    for e in g.edges:
        out.add_edge(e.start, e.end, kind=e.kind, label=e.label, count=e.count)
    return out
