"""Attribution graphs: DOT parses with pydot, Mermaid labels are escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pydot
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import strategies
from claims.graph import dot, graph, mermaid

# pydot builds its grammar with pyparsing names pyparsing has deprecated.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated - use:DeprecationWarning")
HOSTILE = [
    'The "X" group',
    "[brackets] (parens) {braces}",
    "line one\nline two\r\nthree",
    "<b>markup</b> & <script>alert(1)</script>",
    "back\\slash \\n \\\\",
    "pipe | hash # semi ; backtick `",
    "-->|label| a1",
    "%% comment",
]

# Every line of a Mermaid graph this module writes: a node or an edge.
_LABEL = r'"(?:[\w \-.,\']|#\d+;)*"'
_MERMAID_LINE = re.compile(
    rf"^  (?:[ac]\d+(?:\[{_LABEL}\]|\({_LABEL}\))"
    rf"|[ac]\d+ (?:-->|-\.->|<==>)\|{_LABEL}\| [ac]\d+"
    r"|linkStyle [\d,]+ stroke:#[0-9a-f]{6},stroke-width:3px)$"
)


def unescape_mermaid(label: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)


def unescape_dot(label: str) -> str:
    assert label.startswith('"')
    assert label.endswith('"')
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), label[1:-1])


def hostile_dossier(names: list[str]) -> claims.Dossier:
    actors = [claims.Actor(f"a{i}", name) for i, name in enumerate(names)]
    claim_list = [
        claims.Claim(
            f"c{i}",
            f"a{i}",
            claims.Proposition(claims.Text("it"), "said", claims.Text("x")),
            chain=[claims.Hop(f"a{(i + 1) % len(names)}", name)],
        )
        for i, name in enumerate(names)
    ]
    links = (
        [claims.Link(claims.LinkKind.CONTRADICTS, "c1", "c0", note="no")] if len(names) > 1 else []
    )
    return claims.Dossier([*actors, *claim_list, *links])


def check_dot(d: claims.Dossier) -> pydot.Dot:
    (parsed,) = pydot.graph_from_dot_data(dot(d))
    nodes = [n for n in parsed.get_nodes() if n.get_name() not in ("node", "edge", "graph")]
    assert [unescape_dot(n.get("label")) for n in nodes[: len(d.actors)]] == [
        a.name.replace("\r\n", "\n").replace("\r", "\n") for a in d.actors.values()
    ]
    assert len(nodes) == len(d.actors) + len(d.claims)
    return parsed


def check_mermaid(d: claims.Dossier) -> str:
    text = mermaid(d)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    for line in lines[1:]:
        assert _MERMAID_LINE.match(line), line
    labels = [re.search(r'\["(.*)"\]', line) for line in lines[1 : 1 + len(d.actors)]]
    assert [unescape_mermaid(m.group(1)) for m in labels if m] == [
        a.name for a in d.actors.values()
    ]
    return text


def test_hostile_names_are_escaped_in_both_formats() -> None:
    d = hostile_dossier(HOSTILE)
    parsed = check_dot(d)
    check_mermaid(d)
    red = [e for e in parsed.get_edges() if e.get("color") == '"#d62728"']
    assert len(red) == 1
    assert unescape_dot(red[0].get("label")) == "contradicts"


@given(st.lists(st.text(min_size=1, max_size=30).filter(str.strip), min_size=1, max_size=5))
def test_any_names_give_graphs_that_parse(names: list[str]) -> None:
    d = hostile_dossier(names)
    check_dot(d)
    check_mermaid(d)


@given(strategies.dossiers())
def test_every_generated_dossier_draws(d: claims.Dossier) -> None:
    parsed = check_dot(d)
    check_mermaid(d)
    says = sum(1 for e in parsed.get_edges() if e.get("style") is None and e.get("color") is None)
    assert says >= len(d.claims)


def test_contradictions_have_their_own_style() -> None:
    d = hostile_dossier(["A", "B"])
    text = mermaid(d)
    assert "c2 <==>" in text
    assert "linkStyle 4 stroke:#d62728" in text


def test_the_committed_seed_graph_is_what_the_code_produces(seed_path: Path, root: Path) -> None:
    d = claims.load(seed_path)
    committed = (root / "docs" / "interop" / "baghdad-drone-strike.mmd").read_text()
    assert committed == mermaid(d)
    check_mermaid(d)
    check_dot(d)


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(claims.InvalidValueError, match="not one of 'mermaid', 'dot'"):
        graph(claims.Dossier(), "svg")  # type: ignore[arg-type]


def test_a_claim_without_a_quote_is_labelled_with_its_proposition() -> None:
    d = claims.Dossier(
        [
            claims.Actor("a", name="A"),
            claims.Claim(
                "c",
                claimant="a",
                proposition=claims.Proposition(
                    subject=claims.ActorRef("a"),
                    predicate="responsible_for",
                    object=claims.Text("the strike"),
                ),
                stance=claims.Stance.DENIES,
            ),
        ]
    )
    (parsed,) = pydot.graph_from_dot_data(dot(d))
    labels = [unescape_dot(n.get("label")) for n in parsed.get_nodes() if n.get("label")]
    assert labels == ["A", "A responsible for “the strike”"]
    assert labels[1] == claims.describe(d.claim("c").proposition, d)
    (says,) = parsed.get_edges()
    assert unescape_dot(says.get("label")) == "denies"
