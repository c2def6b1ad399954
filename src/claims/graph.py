"""Attribution graphs: who said what via whom, as Mermaid or Graphviz DOT.

Actors are boxes and claims rounded boxes, labelled with the claim's first
quote or else its proposition in words (`claims.describe`). Each claimant
points at its claim with its stance; each claim points at the reporters of
its chain, innermost first, dashed, with their cues; links between claims
are arrows labelled by their kind; and contradictions
(`claims.analysis.contradictions`, explicit ``contradicts`` links included)
are thick red edges, so they stand out.

Every name and quote is escaped, so whatever an actor is called (quotes,
brackets, newlines, markup) the output parses: DOT labels are quoted strings
with ``"`` and ``\\`` escaped and newlines written ``\\n``; Mermaid labels are
quoted with every character other than letters, digits, spaces and
``-_.,'`` written as an entity code (``#34;`` for ``"``). Node names are
generated (``a1``, ``c1``), never taken from ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ._describe import describe
from ._model import LinkKind
from .analysis import contradictions
from .dossier import Dossier

__all__ = ["Format", "dot", "graph", "mermaid"]

Format = Literal["mermaid", "dot"]

_SAFE = frozenset(" -_.,'")
_CONTRADICTION_COLOUR = "#d62728"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _edges(dossier: Dossier) -> Iterator[tuple[str, str, str, str]]:
    """(kind, from, to, label): kind is says, relays, link or contradicts."""
    for claim in dossier.claims.values():
        yield "says", f"a:{claim.claimant}", f"c:{claim.id}", describe(claim.stance)
        for hop in reversed(claim.chain):
            yield "relays", f"c:{claim.id}", f"a:{hop.reporter}", hop.cue
    for link in dossier.links:
        if link.kind is not LinkKind.CONTRADICTS:
            yield "link", f"c:{link.claim}", f"c:{link.target}", link.kind.value.replace("_", " ")
    for found in contradictions(dossier):
        yield "contradicts", f"c:{found.second}", f"c:{found.first}", "contradicts"


def _nodes(dossier: Dossier) -> dict[str, tuple[str, str, str]]:
    """Node key -> (generated name, shape kind, label)."""
    nodes: dict[str, tuple[str, str, str]] = {}
    for i, actor in enumerate(dossier.actors.values(), 1):
        nodes[f"a:{actor.id}"] = (f"a{i}", "actor", actor.name)
    for i, claim in enumerate(dossier.claims.values(), 1):
        words = claim.quotes[0].exact if claim.quotes else describe(claim.proposition, dossier)
        nodes[f"c:{claim.id}"] = (f"c{i}", "claim", _short(words))
    return nodes


# --------------------------------------------------------------------------
# Mermaid


def mermaid_text(text: str) -> str:
    """`text` as a quoted Mermaid label body: entity codes for anything unsafe.

    >>> mermaid_text('say "hi" <b>[now]</b>')
    'say #34;hi#34; #60;b#62;#91;now#93;#60;#47;b#62;'
    """
    return "".join(c if c.isalnum() or c in _SAFE else f"#{ord(c)};" for c in text)


def mermaid(dossier: Dossier) -> str:
    """The attribution graph as a Mermaid flowchart.

    >>> import claims
    >>> d = claims.Dossier([claims.Actor("x", 'The "X" [group]')])
    >>> print(mermaid(d))
    flowchart LR
      a1["The #34;X#34; #91;group#93;"]
    <BLANKLINE>
    """
    nodes = _nodes(dossier)
    lines = ["flowchart LR"]
    for name, kind, label in nodes.values():
        left, right = ("[", "]") if kind == "actor" else ("(", ")")
        lines.append(f'  {name}{left}"{mermaid_text(label)}"{right}')
    contradiction_edges: list[int] = []
    for n, (kind, start, end, label) in enumerate(_edges(dossier)):
        arrow = {"says": "-->", "relays": "-.->", "link": "-->", "contradicts": "<==>"}[kind]
        if kind == "contradicts":
            contradiction_edges.append(n)
        a, b = nodes[start][0], nodes[end][0]
        lines.append(f'  {a} {arrow}|"{mermaid_text(label)}"| {b}')
    if contradiction_edges:
        indexes = ",".join(map(str, contradiction_edges))
        lines.append(f"  linkStyle {indexes} stroke:{_CONTRADICTION_COLOUR},stroke-width:3px")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# DOT


def dot_text(text: str) -> str:
    """`text` as a quoted DOT string, quotes included.

    >>> print(dot_text('a "b" \\\\ c\\nd'))
    "a \\"b\\" \\\\ c\\nd"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{escaped}"'


def dot(dossier: Dossier) -> str:
    """The attribution graph as a Graphviz DOT digraph.

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
    nodes = _nodes(dossier)
    lines = ["digraph claims {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for name, kind, label in nodes.values():
        shape = "box" if kind == "actor" else 'box, style="rounded"'
        lines.append(f"  {name} [shape={shape}, label={dot_text(label)}];")
    for kind, start, end, label in _edges(dossier):
        style = {
            "says": "",
            "relays": ", style=dashed",
            "link": "",
            "contradicts": f', color="{_CONTRADICTION_COLOUR}", penwidth=3, dir=both',
        }[kind]
        a, b = nodes[start][0], nodes[end][0]
        lines.append(f"  {a} -> {b} [label={dot_text(label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graph(dossier: Dossier, format: Format = "mermaid") -> str:
    """The attribution graph in `format` (``"mermaid"`` or ``"dot"``).

    Raises:
        InvalidValueError: `format` is neither.
    """
    if format == "mermaid":
        return mermaid(dossier)
    if format == "dot":
        return dot(dossier)
    from .exceptions import InvalidValueError

    raise InvalidValueError(f"graph format {format!r} is not one of 'mermaid', 'dot'")
