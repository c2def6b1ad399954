"""The HTML briefing: one self-contained page, findings first."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise

from .. import analysis
from .._model import Assessment, Claim, Quote, Source
from ..dossier import Dossier
from . import _sentence as say
from ._assets import CSS, SCRIPT, csp
from ._escape import attr as esc_attr
from ._escape import text as esc
from ._findings import (
    REASON_WORDS,
    Findings,
    claimant_order,
    findings,
    partly_words,
    position_words,
    subject_key,
    title,
)
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


class _Tokens:
    """Short generated names for filters and anchors, so no id reaches an attribute."""

    def __init__(self, dossier: Dossier) -> None:
        self.actor = {a.id: f"a{i}" for i, a in enumerate(dossier.actors.values(), 1)}
        self.claim = {c: f"c{i}" for i, c in enumerate(dossier.claims, 1)}
        self.source = {s: f"s{i}" for i, s in enumerate(dossier.sources, 1)}
        subjects: dict[tuple[str, str], str] = {}
        self.subject_of: dict[str, str] = {}
        self.subject_words: dict[str, str] = {}
        for claim in dossier.claims.values():
            key = subject_key(claim.proposition.subject)
            token = subjects.setdefault(key, f"t{len(subjects) + 1}")
            self.subject_of[claim.id] = token
            self.subject_words.setdefault(token, say.term(dossier, claim.proposition.subject))

    def claimants(self, dossier: Dossier, claim_ids: Iterable[str]) -> str:
        return " ".join(sorted({self.actor.get(dossier.claim(c).claimant, "") for c in claim_ids}))

    def subjects(self, claim_ids: Iterable[str]) -> str:
        return " ".join(sorted({self.subject_of[c] for c in claim_ids}))

    def data(self, dossier: Dossier, claim_ids: Iterable[str]) -> str:
        ids = list(claim_ids)
        return (
            f' data-claimant="{self.claimants(dossier, ids)}" data-subject="{self.subjects(ids)}"'
        )


def _ref(dossier: Dossier, tokens: _Tokens, claim_id: str, *, full: bool = True) -> str:
    """A link to a claim, named by its claimant and (if `full`) what it says."""
    claim = dossier.claim(claim_id)
    words = say.name(dossier, claim.claimant)
    if full:
        words += f": {say.proposition(dossier, claim.proposition)}"
    elif claim.chain:
        words += ", via " + " ← ".join(say.name(dossier, h.reporter) for h in claim.chain)
    return f'<a href="#{tokens.claim[claim_id]}">{esc(words)}</a>'


_CAP = 8
"""The most claims named inside one finding (the rest are counted)."""


def _refs(dossier: Dossier, tokens: _Tokens, claim_ids: Sequence[str]) -> str:
    """Links to the claims, named by claimant and relays, the first `_CAP` of them."""
    shown = ", ".join(_ref(dossier, tokens, c, full=False) for c in claim_ids[:_CAP])
    more = len(claim_ids) - _CAP
    return f"{shown} and {more:,} more" if more > 0 else shown


def _words(value: str) -> str:
    return value.replace("_", " ")


def _more(n: int, limit: int) -> str:
    return f'<li class="more muted">… and {n - limit:,} more</li>' if n > limit else ""


# --------------------------------------------------------------------------
# Findings


def _contradictions(dossier: Dossier, tokens: _Tokens, found: Findings, limit: int) -> str:
    if not found.disputes:
        return '<p class="empty muted">None: no two active claims are incompatible.</p>'
    out = []
    for dispute in found.disputes[:limit]:
        n = len(dispute.positions)
        pairs = say.plural(dispute.pairs, "pair")
        ids = [c for p in dispute.positions for c in p.claims]
        out.append(
            f'<div class="dispute"{tokens.data(dossier, ids)}>'
            f"<h4>{esc(title(dossier, dispute))}: {n:,} positions "
            f'<span class="muted">({pairs} of claims in conflict)</span></h4><ul class="items">'
        )
        for i, position in enumerate(dispute.positions[:limit], 1):
            claims = say.plural(len(position.claims), "claim")
            origins = say.plural(position.count, "independent origin")
            says = esc(position_words(dossier, dispute, position))
            out.append(
                f'<li class="contra">{i}. <strong>{says}</strong>: {claims}, {origins}'
                f'<p class="via">{_refs(dossier, tokens, position.claims)}</p></li>'
            )
        out.append(_more(n, limit) + '</ul><ul class="why">')
        for r in dispute.reasons:
            if r.second >= limit:
                continue
            also = (
                " (also linked)"
                if r.linked and r.reason is not analysis.ContradictionReason.LINKED
                else ""
            )
            out.append(
                f"<li>{r.first + 1} <strong>vs</strong> {r.second + 1}: "
                f"{esc(REASON_WORDS[r.reason])}: {esc(r.detail)}{also}</li>"
            )
        out.append("</ul></div>")
    if len(found.disputes) > limit:
        more = say.plural(len(found.disputes) - limit, "more contradiction")
        out.append(f'<p class="muted">… and {more}</p>')
    return "".join(out)


def _arcs(found: Findings) -> list[analysis.Contradiction]:
    """One arc per pair of positions in conflict, between their first claims."""
    arcs = []
    for dispute in found.disputes:
        for r in dispute.reasons:
            a, b = dispute.positions[r.first].claims, dispute.positions[r.second].claims
            first, second = (a[0], b[0]) if r.first != r.second else (a[0], a[-1])
            arcs.append(analysis.Contradiction(first, second, r.reason, r.detail, r.linked))
    return arcs


def _silences(dossier: Dossier, tokens: _Tokens, found: Findings, limit: int) -> str:
    if not found.silences:
        return '<p class="empty muted">None.</p>'
    out = ['<ul class="items">']
    for s in found.silences[:limit]:
        who = esc(say.name(dossier, s.actor))
        what = esc(say.proposition(dossier, s.proposition))
        related = [*s.accusations, *([s.claim] if s.claim else [])]
        data = tokens.data(dossier, related) if related else ""
        if s.kind is analysis.SilenceKind.REPORTED and s.stance is not None and s.claim:
            head = f"<strong>{who}</strong> {esc(say.STANCE_WORDS[s.stance])} {what}"
            detail = f'<p class="via">reported in {_ref(dossier, tokens, s.claim, full=False)}</p>'
        else:
            head = f"<strong>{who}</strong>: accused, no answer recorded: {what}"
            detail = ""
        accused = _refs(dossier, tokens, s.accusations)
        if accused:
            detail += f'<p class="via">accused by {accused}</p>'
        out.append(f'<li class="silence"{data}>{head}{detail}</li>')
    out.append(_more(len(found.silences), limit) + "</ul>")
    return "".join(out)


def _corroboration(dossier: Dossier, tokens: _Tokens, found: Findings, limit: int) -> str:
    out = []
    if found.verdicts:
        out.append('<ul class="items">')
    for v in found.verdicts[:limit]:
        first = dossier.claim(v.claims[0])
        n = v.corroboration.count
        dropped = len(v.corroboration.uncounted)
        head = (
            f"<strong>{esc(say.proposition(dossier, first.proposition))}</strong>: "
            f"{say.plural(n, 'independent origin')}"
            + (f" counted, {dropped:,} not counted" if dropped else "")
            + f" among {say.plural(len(v.claims), 'claim')}"
        )
        origins = []
        for origin in v.corroboration.origins:
            names = ", ".join(esc(say.name(dossier, a)) for a in origin.actors)
            refs = _refs(dossier, tokens, origin.claims)
            why = "".join(
                f'<br><span class="muted">not independent ({_words(m.reason.value)}): '
                f"{esc(m.note)}</span>"
                for m in origin.merges
            )
            ties = "".join(
                f'<br><span class="muted">tied to a party named in the claim: {esc(t.note)}</span>'
                for t in origin.ties
            )
            if origin.uncounted is not None:
                ties += f'<br><span class="muted">not counted: {esc(origin.uncounted)}</span>'
            origins.append(f"<li>origin <strong>{names}</strong>: {refs}{why}{ties}</li>")
        for partly in v.partly:
            who = _refs(dossier, tokens, [partly.claim])
            words = partly_words(partly, who, esc(partly.reason))
            origins.append(f'<li class="partly muted">{words}</li>')
        suggestion = ""
        suggested = analysis.suggest_credibility(dossier, v.claims[0])
        if suggested.credibility is not None:
            suggestion = (
                f'<p class="via">suggested credibility 1 (confirmed): {esc(suggested.reason)}</p>'
            )
        out.append(
            f'<li class="verdict"{tokens.data(dossier, [*v.claims, *(p.claim for p in v.partly)])}>'
            f"{head}"
            f"<ul>{''.join(origins)}</ul>{suggestion}</li>"
        )
    if found.verdicts:
        out.append(_more(len(found.verdicts), limit) + "</ul>")
    out.append(
        f'<p class="muted">{say.plural(found.alone, "other claim")} '
        "have no support beyond themselves.</p>"
    )
    return "".join(out)


def _uncertainty(dossier: Dossier, tokens: _Tokens, found: Findings, limit: int) -> str:
    if not found.uncertainties:
        return '<p class="empty muted">None.</p>'
    out = ['<ul class="items">']
    for u in found.uncertainties[:limit]:
        known = "".join(f"<li>{_ref(dossier, tokens, k)}</li>" for k in u.known[:_CAP])
        if len(u.known) > _CAP:
            known += f"<li>… and {len(u.known) - _CAP:,} more</li>"
        beside = f'<p class="via">known values beside it:</p><ul>{known}</ul>' if known else ""
        out.append(
            f'<li class="silence"{tokens.data(dossier, (u.claim, *u.known))}>'
            f"{_ref(dossier, tokens, u.claim)}{beside}</li>"
        )
    out.append(_more(len(found.uncertainties), limit) + "</ul>")
    return "".join(out)


def _changes(dossier: Dossier, tokens: _Tokens, found: Findings, limit: int) -> str:
    view = found.current
    if not view.replaced and not view.stale:
        return '<p class="empty muted">Nothing superseded or retracted: every claim is current.</p>'
    out = ['<ul class="items">']
    for r in view.replaced[:limit]:
        by = f" by {_ref(dossier, tokens, r.status.by)}" if r.status.by else ""
        now = ""
        if r.current is not None and r.current != r.status.by:
            now = f'<p class="via">now: {_ref(dossier, tokens, r.current)}</p>'
        out.append(
            f'<li class="contra"{tokens.data(dossier, [r.claim])}>'
            f'{_ref(dossier, tokens, r.claim)}<p class="status">{r.status.kind.value}{by}</p>'
            f"{now}</li>"
        )
    for stale in view.stale[:limit]:
        link = stale.link
        out.append(
            f'<li class="silence"{tokens.data(dossier, [link.claim, link.target])}>'
            f"stale link: {_ref(dossier, tokens, link.claim)} "
            f"<em>{link.kind.value.replace('_', ' ')}</em> {_ref(dossier, tokens, link.target)} "
            f"({stale.status.kind.value})</li>"
        )
    out.append("</ul>")
    return "".join(out)


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


def _quote(tokens: _Tokens, quote: Quote, anchors: Mapping[tuple[str, int, int], str]) -> str:
    where = anchors.get((quote.source, quote.start, quote.end))
    link = f' <a href="#{where}">in the source</a>' if where else ""
    before = f'<span class="ctx">…{esc(quote.prefix[-60:])}</span>' if quote.prefix else ""
    after = f'<span class="ctx">{esc(quote.suffix[:60])}…</span>' if quote.suffix else ""
    return f"<blockquote>{before}<mark>{esc(quote.exact)}</mark>{after}{link}</blockquote>"


def _claim_item(
    dossier: Dossier,
    tokens: _Tokens,
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
            f'<p class="status">{status.kind.value} by {_ref(dossier, tokens, status.by)}</p>'
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
            f"{_ref(dossier, tokens, link.target)}{note}</p>"
        )
    parts.append(f'<p class="meta">id <code>{esc(claim.id)}</code></p></li>')
    return "".join(parts)


def _claims(
    dossier: Dossier,
    tokens: _Tokens,
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
            f'<ul class="items">{items}{_more(len(said), budget)}</ul></section>'
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
    tokens: _Tokens,
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
    tokens: _Tokens,
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
    tokens = _Tokens(dossier)
    found = findings(dossier)
    anchors: dict[tuple[str, int, int], str] = {}
    sources = _sources(dossier, tokens, texts, anchors, limit)  # first: it names the anchors
    findings_html = "".join(
        _section(name, part(dossier, tokens, found, limit), 3)
        for name, part in (
            ("contradictions", _contradictions),
            ("silences", _silences),
            ("corroboration", _corroboration),
            ("uncertainty", _uncertainty),
            ("changes", _changes),
        )
    )
    yield _section("findings", findings_html)
    yield _section("claims", _claims(dossier, tokens, anchors, found, limit))
    yield _section("sources", sources)
    drawing = graph(dossier, tokens.actor, tokens.subject_of, _arcs(found), limit=graph_limit)
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


def _filters(dossier: Dossier, tokens: _Tokens) -> str:
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
