"""The HTML briefing: one self-contained page, findings first.

The findings sections are rendered by `claims.views._html_findings`, the
claim links and generated names they share with the rest of the page by
`claims.views._html_cite`; this module renders the claims, the sources with
their quotes marked, and the page around them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise

from .. import analysis
from .._model import Assessment, Claim, Quote, Source
from ..dossier import Dossier
from . import _html_cite as cite
from . import _html_findings as sections
from . import _sentence as say
from ._assets import CSS, SCRIPT, csp
from ._escape import attr as esc_attr
from ._escape import text as esc
from ._findings import Findings, claimant_order, findings
from ._svg import actor_order, graph, timeline

__all__ = ["SECTIONS", "html"]

SECTIONS = {
    "findings": "Findings",
    "contradictions": "Contradictions",
    "silences": "Silences and unanswered accusations",
    "corroboration": "Corroboration",
    "uncertainty": "Known unknowns",
    "changes": "What changed",
    "claims": "Who claimed what",
    "sources": "Sources",
    "graph": "Attribution graph",
    "timeline": "Timeline",
}
"""The briefing's sections, by the name the section filter uses."""


# --------------------------------------------------------------------------
# Claims


def _assessment(a: Assessment) -> str:
    parts = []
    if a.reliability is not None:
        parts.append(f"reliability {a.reliability.value} ({a.reliability.label.lower()})")
    if a.credibility is not None:
        parts.append(f"credibility {a.credibility.value} ({a.credibility.label.lower()})")
    if a.likelihood is not None:
        parts.append(a.likelihood.label)
    if a.probability is not None:
        parts.append(f"p = {a.probability:g}")
    if a.confidence is not None:
        parts.append(f"{a.confidence.label} confidence")
    text = "; ".join(parts)
    if a.rationale:
        text += f". {esc(a.rationale)}" if text else esc(a.rationale)
    if a.assessor:
        text += f' <span class="muted">({esc(a.assessor)})</span>'
    return text


def _quote(tokens: cite.Tokens, quote: Quote, anchors: Mapping[tuple[str, int, int], str]) -> str:
    where = anchors.get((quote.source, quote.start, quote.end))
    link = f' <a href="#{where}">in the source</a>' if where else ""
    before = f'<span class="ctx">…{esc(quote.prefix[-60:])}</span>' if quote.prefix else ""
    after = f'<span class="ctx">{esc(quote.suffix[:60])}…</span>' if quote.suffix else ""
    return f"<blockquote>{before}<mark>{esc(quote.exact)}</mark>{after}{link}</blockquote>"


def _claim_item(
    dossier: Dossier,
    tokens: cite.Tokens,
    claim: Claim,
    anchors: Mapping[tuple[str, int, int], str],
) -> str:
    stance = claim.stance.value
    parts = [
        f'<li class="claim" id="{tokens.claim[claim.id]}"'
        f"{tokens.data(dossier, [claim.id])}>"
        f'<span class="stance stance-{stance}">{esc(say.STANCE_WORDS[claim.stance])}</span> '
        f"{esc(say.proposition(dossier, claim.proposition))}"
    ]
    status = dossier.status(claim.id)
    if status.by is not None:
        parts.append(
            f'<p class="status">{status.kind.value} by {cite.ref(dossier, tokens, status.by)}</p>'
        )
    for hop in claim.chain:
        source = dossier.sources.get(hop.source) if hop.source else None
        in_source = f" in <em>{esc(source.title)}</em>" if source else ""
        parts.append(
            f'<p class="via">via {esc(say.name(dossier, hop.reporter))} '
            f"({esc(hop.cue)}){in_source}</p>"
        )
        if hop.quote is not None:
            parts.append(_quote(tokens, hop.quote, anchors))
    parts.extend(_quote(tokens, q, anchors) for q in claim.quotes)
    if claim.assessment is not None:
        parts.append(f'<p class="assess">assessed: {_assessment(claim.assessment)}</p>')
    if claim.note:
        parts.append(f'<p class="note">note: {esc(claim.note)}</p>')
    for link in dossier.links_from(claim.id):
        note = f": {esc(link.note)}" if link.note else ""
        parts.append(
            f'<p class="via">{link.kind.value.replace("_", " ")} '
            f"{cite.ref(dossier, tokens, link.target)}{note}</p>"
        )
    parts.append(f'<p class="meta">id <code>{esc(claim.id)}</code></p></li>')
    return "".join(parts)


def _claims(
    dossier: Dossier,
    tokens: cite.Tokens,
    anchors: Mapping[tuple[str, int, int], str],
    found: Findings,
    limit: int,
) -> str:
    out = []
    budget = limit
    claimants = claimant_order(dossier, found, actor_order(dossier))
    for n, actor in enumerate(claimants):
        said = dossier.claims_by(actor.id)
        if budget <= 0:
            rest = sum(len(dossier.claims_by(a.id)) for a in claimants[n:])
            out.append(
                f'<p class="muted">… and {say.plural(rest, "more claim")} by '
                f"{say.plural(len(claimants) - n, 'more claimant')}: raise the briefing's "
                "limit to see them</p>"
            )
            break
        about = actor.kind.value.replace("_", " ")
        if actor.part_of is not None:
            about += f", part of {esc(say.name(dossier, actor.part_of))}"
        for tie in actor.affiliations:
            how = f" ({esc(tie.note)})" if tie.note else ""
            about += f"; affiliated with {esc(say.name(dossier, tie.actor))}{how}"
        aliases = (
            f'<p class="meta">also known as {esc(", ".join(actor.aliases))}</p>'
            if actor.aliases
            else ""
        )
        items = "".join(_claim_item(dossier, tokens, c, anchors) for c in said[:budget])
        out.append(
            f'<section class="group"><h3>{esc(actor.name)} '
            f'<span class="muted">({about}; {say.plural(len(said), "claim")})</span></h3>{aliases}'
            f'<ul class="items">{items}{cite.more(len(said), budget)}</ul></section>'
        )
        budget -= len(said)
    return "".join(out) or '<p class="empty muted">No claims.</p>'


# --------------------------------------------------------------------------
# Sources and their text


def _quotes_by_source(dossier: Dossier) -> dict[str, list[tuple[Quote, str]]]:
    out: dict[str, list[tuple[Quote, str]]] = {}
    for claim in dossier.claims.values():
        for q in claim.quotes:
            out.setdefault(q.source, []).append((q, claim.id))
        for hop in claim.chain:
            if hop.quote is not None:
                out.setdefault(hop.quote.source, []).append((hop.quote, claim.id))
    return out


def _highlighted(
    dossier: Dossier,
    tokens: cite.Tokens,
    source: Source,
    text: str,
    quotes: list[tuple[Quote, str]],
    anchors: dict[tuple[str, int, int], str],
) -> tuple[str, int]:
    """The text with every quote that matches it marked; and how many did not match."""
    spans = [(q, c) for q, c in quotes if q.matches(text)]
    cuts = sorted({0, len(text), *(q.start for q, _ in spans), *(q.end for q, _ in spans)})
    starting: dict[int, list[tuple[Quote, str]]] = {}
    for span in spans:
        starting.setdefault(span[0].start, []).append(span)
    active: dict[int, tuple[Quote, str]] = {}  # by position in `spans`, in that order
    index = {id(span): i for i, span in enumerate(spans)}
    out = []
    for i, (a, b) in enumerate(pairwise(cuts)):
        for span in starting.get(a, ()):
            active[index[id(span)]] = span
        for key in [k for k, (q, _) in active.items() if q.end <= a]:
            del active[key]
        covering = [active[k] for k in sorted(active)]
        piece = esc(text[a:b])
        if not covering:
            out.append(piece)
            continue
        ids = [c for _, c in covering]
        name = f"{tokens.source[source.id]}-{i}"
        for q, _ in covering:
            anchors.setdefault((source.id, q.start, q.end), name)
        words = "; ".join(say.claim(dossier, dossier.claim(c)) for c in dict.fromkeys(ids))
        out.append(
            f'<mark id="{name}"{tokens.data(dossier, ids)} title="{esc_attr(words)}">{piece}</mark>'
        )
    return "".join(out), len(quotes) - len(spans)


def _sources(
    dossier: Dossier,
    tokens: cite.Tokens,
    texts: Mapping[str, str],
    anchors: dict[tuple[str, int, int], str],
    limit: int,
) -> str:
    quotes = _quotes_by_source(dossier)
    out = []
    for n, source in enumerate(dossier.sources.values()):
        if n == limit:
            more = len(dossier.sources) - limit
            out.append(f'<p class="muted">… and {say.plural(more, "more source")}</p>')
            break
        facts = []
        if source.publisher:
            facts.append(f"published by {esc(say.name(dossier, source.publisher))}")
        if source.published:
            facts.append(f"on {esc(str(source.published))}")
        if source.url:
            facts.append(f"at <code>{esc(source.url)}</code>")
        mine = quotes.get(source.id, [])
        facts.append(say.plural(len(mine), "quote"))
        body = ""
        text = texts.get(source.id)
        if text is not None:
            marked, missing = _highlighted(dossier, tokens, source, text, mine, anchors)
            warn = (
                f'<p class="status">{say.plural(missing, "quote")} not found at '
                "their offsets in this text</p>"
                if missing
                else ""
            )
            body = f'{warn}<div class="source-text">{marked}</div>'
        else:
            body = '<p class="muted">The text of this source was not given.</p>'
        out.append(
            f'<section class="source" id="{tokens.source[source.id]}">'
            f'<h3>{esc(source.title)}</h3><p class="meta">{", ".join(facts)}</p>{body}</section>'
        )
    return "".join(out) or '<p class="empty muted">No sources.</p>'


# --------------------------------------------------------------------------
# The page


def _options(pairs: Iterable[tuple[str, str]]) -> str:
    return '<option value="">all</option>' + "".join(
        f'<option value="{value}">{esc(label)}</option>' for value, label in pairs
    )


def _legend() -> str:
    def swatch(cls: str, words: str) -> str:
        return (
            f'<li><svg width="34" height="10" aria-hidden="true"><path class="edge {cls}" '
            f'd="M1,5 L33,5"/></svg> {words}</li>'
        )

    return (
        '<ul class="legend">'
        + swatch("says", "claimant to claim")
        + swatch("relay", "claim to the actor who relayed it")
        + swatch("partof", "part of")
        + swatch("affil", "affiliated with")
        + swatch("link", "link between claims")
        + swatch("contra", "contradiction")
        + "</ul>"
    )


def _section(name: str, body: str, level: int = 2) -> str:
    return (
        f'<section id="sec-{name}" data-section="{name}">'
        f"<h{level}>{SECTIONS[name]}</h{level}>{body}</section>"
    )


def _sections(
    dossier: Dossier, texts: Mapping[str, str], limit: int, graph_limit: int
) -> Iterator[str]:
    tokens = cite.Tokens(dossier)
    found = findings(dossier)
    anchors: dict[tuple[str, int, int], str] = {}
    sources = _sources(dossier, tokens, texts, anchors, limit)  # first: it names the anchors
    findings_html = "".join(
        _section(name, part(dossier, tokens, found, limit), 3)
        for name, part in (
            ("contradictions", sections.contradictions),
            ("silences", sections.silences),
            ("corroboration", sections.corroboration),
            ("uncertainty", sections.uncertainty),
            ("changes", sections.changes),
        )
    )
    yield _section("findings", findings_html)
    yield _section("claims", _claims(dossier, tokens, anchors, found, limit))
    yield _section("sources", sources)
    drawing = graph(
        dossier, tokens.actor, tokens.subject_of, sections.arcs(found), limit=graph_limit
    )
    note = (
        f'<p class="muted">Over {graph_limit:,} claims: actors only, with their ties and '
        "the busiest relays (claims counted in the tooltips).</p>"
        if len(dossier.claims) > graph_limit
        else ""
    )
    yield _section("graph", f'{note}{_legend()}<div class="figure">{drawing}</div>')
    chart = timeline(dossier, analysis.timeline(dossier), tokens.actor, tokens.subject_of)
    yield _section(
        "timeline",
        '<p class="muted">A lane per actor: dark bars when claims were made, grey bars when '
        "they were reported; each bar spans the period the text gives.</p>"
        f'<div class="figure">{chart}</div>',
    )
    yield _filters(dossier, tokens)


def _filters(dossier: Dossier, tokens: cite.Tokens) -> str:
    claimants = [
        (tokens.actor[a.id], a.name) for a in actor_order(dossier) if dossier.claims_by(a.id)
    ]
    subjects = sorted(tokens.subject_words.items(), key=lambda kv: kv[1].casefold())
    return (
        '<form id="filters" role="search" aria-label="filters">'
        f'<label>Claimant<select id="f-claimant">{_options(claimants)}</select></label>'
        f'<label>Subject<select id="f-subject">{_options(subjects)}</select></label>'
        f'<label>Section<select id="f-section">{_options(SECTIONS.items())}</select></label>'
        '<button type="button" id="f-reset">Show all</button></form>'
        '<p id="showing" aria-live="polite"></p>'
    )


def html(
    dossier: Dossier,
    *,
    title: str | None = None,
    texts: Mapping[str, str] | None = None,
    limit: int = 200,
    graph_limit: int = 400,
) -> str:
    """A self-contained HTML briefing of `dossier`: one page that works offline.

    Findings come first (contradictions, silences and unanswered accusations,
    corroboration verdicts, known unknowns, what changed), then the claims by
    claimant with their quotes, the sources with the quotes highlighted in
    their text, the attribution graph and the timeline, drawn as inline SVG.
    Filters by claimant, subject and section work in the page. The style and
    the one script are inline and allowed by hash in the page's
    Content-Security-Policy, which forbids everything else (no network, no
    other script); every string from the dossier is escaped.

    Args:
        dossier: The dossier to brief.
        title: The page's title (default: the title of the dossier's first source).
        texts: The full text of sources, by source id, to show quotes in place.
        limit: The most items shown per section (claims counted one by
            one, contradictions one per dispute, and positions per
            dispute); the page says how many more there are.
        graph_limit: Above this many claims the graph shows actors only.

    Returns:
        The page, as a string of HTML5.

    >>> import claims
    >>> page = claims.views.html(claims.load("seeds/baghdad-drone-strike.json"))
    >>> page.startswith("<!DOCTYPE html>") and "US officials" in page
    True
    """
    title = say.title(dossier, title)
    body = list(_sections(dossier, texts or {}, max(limit, 1), graph_limit))
    counts = say.counts(dossier)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc_attr(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{esc(title)}</h1><p class="summary">Briefing: {counts}.</p>'
        f"{body[-1]}</header><main>{''.join(body[:-1])}</main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
