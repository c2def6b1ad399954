"""Attribution graphs: DOT parses with pydot, Mermaid labels are escaped, ties are drawn,
and a large dossier's graph stays within Mermaid's limits."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pydot
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import strategies
from claims.graph import MAX_EDGES, MAX_TEXT, build, dot, graph, mermaid, to_networkx
from claims.views import terminal_safe

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
    rf"^  (?:[acp]\d+(?:\[{_LABEL}\]|\({_LABEL}\))"
    rf"|[acp]\d+ (?:-->|-\.->|<==>|--o|-\.-)\|{_LABEL}\| [acp]\d+"
    r"|linkStyle [\d,]+ stroke:#[0-9a-f]{6}(?:,stroke-width:3px)?"
    r"|%% aggregated: [\w ,;]+)$"
)


def unescape_mermaid(label: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)


def dot_form(name: str) -> str:
    """A name as a DOT label shows it: line breaks kept, control characters visible."""
    return terminal_safe(name, keep="\r\n").replace("\r\n", "\n").replace("\r", "\n")


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
        dot_form(a.name) for a in d.actors.values()
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


def test_nul_and_control_characters_in_dot_are_written_visibly() -> None:
    d = hostile_dossier(["nul\x00here", "bell\x07 esc\x1b[2J del\x7f c1\x85", "rtl\u202eevil"])
    text = dot(d)
    assert not any(c in text for c in "\x00\x07\x1b\x7f\x85\u202e")
    parsed = check_dot(d)
    labels = [unescape_dot(n.get("label")) for n in parsed.get_nodes() if n.get("label")][:3]
    assert labels == ["nul\\x00here", "bell\\x07 esc\\x1b[2J del\\x7f c1\\x85", "rtl\\u202eevil"]


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


def test_a_quoted_claim_is_labelled_with_its_proposition_too(seed_path: Path) -> None:
    d = claims.load(seed_path)
    g = build(d)
    claim = d.claim("reuters-killed")
    assert claim.quotes
    assert g.nodes["c:reuters-killed"].label == claims.describe(claim.proposition, d)


def tied(d: claims.Dossier) -> set[str]:
    """The actors with a part_of or affiliation tie, at either end."""
    ids = set()
    for actor in d.actors.values():
        ends = [actor.part_of, *(a.actor for a in actor.affiliations)]
        if any(ends):
            ids |= {actor.id, *filter(None, ends)}
    return ids


def drawn(g: claims.graph.Graph) -> set[str]:
    return {k for e in g.edges for k in (e.start, e.end)}


@given(strategies.dossiers())
def test_every_actor_with_a_tie_has_an_edge(d: claims.Dossier) -> None:
    g = build(d)
    assert {f"a:{a}" for a in tied(d)} <= drawn(g)
    for actor in d.actors.values():
        kinds = {e.kind for e in g.edges if e.start == f"a:{actor.id}"}
        assert ("part_of" in kinds) == (actor.part_of is not None)
        assert ("affiliated" in kinds) == bool(actor.affiliations)
    aggregated = build(d, aggregate=True)
    assert aggregated.left_out == 0
    assert {f"a:{a}" for a in tied(d)} <= drawn(aggregated)
    assert sum(e.count for e in aggregated.edges if e.kind == "says") == len(d.claims)


def test_the_seed_has_one_floating_actor_left(seed_path: Path) -> None:
    """Israel is only a subject; every other actor claims, relays or is tied."""
    d = claims.load(seed_path)
    g = build(d)
    floating = [k for k, n in g.nodes.items() if n.kind == "actor" and k not in drawn(g)]
    assert floating == ["a:israel"]
    dotted = [e for e in pydot.graph_from_dot_data(dot(d))[0].get_edges() if e.get("arrowhead")]
    assert len(dotted) == sum(bool(a.part_of) + len(a.affiliations) for a in d.actors.values())


def large(rng: random.Random, n_claims: int, n_actors: int, name: str) -> claims.Dossier:
    """A dossier of `n_claims` claims among `n_actors` actors with ties, chains and links."""
    actors = [
        claims.Actor(
            f"a{i}",
            f"{name} {i}",
            part_of=f"a{rng.randrange(i)}" if i and rng.random() < 0.3 else None,
            affiliations=[claims.Affiliation(f"a{rng.randrange(i)}")]
            if i and rng.random() < 0.2
            else [],
        )
        for i in range(n_actors)
    ]
    claim_list = []
    for i in range(n_claims):
        subject = claims.ActorRef(f"a{rng.randrange(n_actors)}")
        prop = claims.Proposition(
            subject,
            rng.choice(["killed", "said", "responsible_for"]),
            claims.Quantity(rng.randrange(n_claims // 3 + 1)),
        )
        chain = [claims.Hop(f"a{rng.randrange(n_actors)}", "reported")] * rng.randrange(3)
        stance = rng.choice(list(claims.Stance))
        claim_list.append(
            claims.Claim(f"c{i}", f"a{rng.randrange(n_actors)}", prop, stance=stance, chain=chain)
        )
    links = [
        claims.Link(claims.LinkKind.SUPPORTS, f"c{i}", f"c{i - 1}") for i in range(1, n_claims, 7)
    ]
    return claims.Dossier([*actors, *claim_list, *links])


@settings(max_examples=4, deadline=None)
@given(
    st.integers(0, 2**32),
    st.integers(300, 1200),
    st.integers(2, 400),
    st.sampled_from(["Actor", "Актор с очень длинным именем, который занимает много места"]),
)
def test_a_large_graph_stays_within_mermaids_limits(
    seed: int, n_claims: int, n_actors: int, name: str
) -> None:
    d = large(random.Random(seed), n_claims, n_actors, name)
    text = mermaid(d)
    lines = text.splitlines()
    assert sum("|" in line for line in lines) <= MAX_EDGES
    assert len(text) <= MAX_TEXT
    for line in lines[1:]:
        assert _MERMAID_LINE.match(line), line
    g = build(d)
    assert lines[1].startswith("  %% aggregated: ") == g.aggregated
    assert g.aggregated or len(g.nodes) == n_actors + n_claims
    assert sum(e.count for e in g.edges if e.kind == "says") <= n_claims


def test_a_large_dossier_is_aggregated_in_both_formats() -> None:
    d = large(random.Random(1), 1200, 300, "Актор с очень длинным именем")
    g = build(d)
    assert g.aggregated
    assert g.left_out > 0
    text = mermaid(d)
    positions = sum(n.kind == "position" for n in g.nodes.values())
    assert text.splitlines()[1] == (
        f"  %% aggregated: claims saying the same thing are one of {positions:,} positions; "
        f"{g.left_out:,} lighter edges left out"
    )
    assert len(text) <= MAX_TEXT
    (parsed,) = pydot.graph_from_dot_data(dot(d))
    assert len(parsed.get_edges()) == len(g.edges) <= MAX_EDGES
    assert {e.kind for e in g.edges} >= {"says", "part_of", "affiliated"}


def test_aggregation_counts_the_claims_on_each_edge() -> None:
    rng = random.Random(7)
    d = large(rng, 60, 5, "A")
    g = build(d, aggregate=True)
    assert g.left_out == 0
    assert sum(e.count for e in g.edges if e.kind == "says") == 60
    assert {n.kind for n in g.nodes.values()} == {"actor", "position"}
    full = build(d)
    assert not full.aggregated
    assert len(full.nodes) == 5 + 60


def test_filters_narrow_the_graph(seed_path: Path) -> None:
    d = claims.load(seed_path)
    by_iraq = build(d, claimant="Government of Iraq")
    said = {k.removeprefix("c:") for k, n in by_iraq.nodes.items() if n.kind == "claim"}
    assert said == {c.id for c in d.claims_by("iraq-gov", include_parts=True)}
    assert {"a:iraq-gov", "a:iraq-pmo", "a:iraq"} <= by_iraq.nodes.keys()
    about = build(d, subject="Abu Taqwa")
    assert {k for k, n in about.nodes.items() if n.kind == "claim"} == {
        f"c:{c.id}" for c in d.claims_about("abu-taqwa")
    }
    assert "a:pmf" in about.nodes  # Abu Taqwa is part of the PMF: his tie is drawn
    both = build(d, claimant="al-jazeera", subject="strike")
    assert all(
        n.kind != "claim" or d.claim(k[2:]).claimant == "al-jazeera" for k, n in both.nodes.items()
    )
    with pytest.raises(claims.NameLookupError, match="no actor is named 'Nobody'"):
        mermaid(d, claimant="Nobody")


def test_to_networkx(seed_path: Path) -> None:
    d = claims.load(seed_path)
    g = to_networkx(d)
    assert g.number_of_nodes() == len(d.actors) + len(d.claims)
    assert g.number_of_edges() == len(build(d).edges)
    assert g.nodes["c:reuters-killed"]["kind"] == "claim"
    kinds = {k for _, _, k in g.edges(data="kind")}
    assert kinds == {"says", "relays", "link", "part_of", "affiliated"}
    aggregated = to_networkx(large(random.Random(3), 900, 300, "A"), aggregate=True)
    assert sum(c for _, _, c in aggregated.edges(data="count") if c) >= 900
