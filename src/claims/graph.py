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
the lightest edges are left out (the heaviest of each kind taken in turn,
with a fifth of the room kept for the ties), and a comment says how many. The graph can
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
from typing import Any, Literal

from ._graph import (
    CONTRADICTION_COLOUR,
    MAX_EDGES,
    MAX_TEXT,
    TIE_COLOUR,
    Edge,
    Graph,
    Node,
    build,
    comment,
    mermaid_text,
    render_mermaid,
    select,
)
from ._terminal import terminal_safe
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
    return render_mermaid(g)


# --------------------------------------------------------------------------
# DOT

_DOT_STYLES = {
    "says": "",
    "relays": ", style=dashed",
    "link": "",
    "contradicts": f', color="{CONTRADICTION_COLOUR}", penwidth=3, dir=both',
    "part_of": f', color="{TIE_COLOUR}", arrowhead=odiamond',
    "affiliated": f', color="{TIE_COLOUR}", style=dotted, arrowhead=none',
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
        lines.append(f"  // {comment(g)}")
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
    return render_mermaid(g) if format == "mermaid" else _dot(g)


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
    g = build(dossier, claimant=claimant, subject=subject, aggregate=aggregate, limited=False)
    out = nx.MultiDiGraph()
    for n in g.nodes.values():
        out.add_node(n.key, kind=n.kind, label=n.label)
    for e in g.edges:
        out.add_edge(e.start, e.end, kind=e.kind, label=e.label, count=e.count)
    return out
