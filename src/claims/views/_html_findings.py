"""The findings sections of the HTML briefing: contradictions, silences,
corroboration, known unknowns and what changed, each rendered from the
`Findings` every view shares.
"""

from __future__ import annotations

from .. import analysis
from ..dossier import Dossier
from . import _html_cite as cite
from . import _sentence as say
from ._escape import text as esc
from ._findings import REASON_WORDS, Findings, alone_words, partly_words, position_words, title

__all__ = ["arcs", "changes", "contradictions", "corroboration", "silences", "uncertainty"]


def contradictions(dossier: Dossier, tokens: cite.Tokens, found: Findings, limit: int) -> str:
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
                f'<p class="via">{cite.refs(dossier, tokens, position.claims)}</p></li>'
            )
        out.append(cite.more(n, limit) + '</ul><ul class="why">')
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


def arcs(found: Findings) -> list[analysis.Contradiction]:
    """One arc per pair of positions in conflict, between their first claims."""
    arcs = []
    for dispute in found.disputes:
        for r in dispute.reasons:
            a, b = dispute.positions[r.first].claims, dispute.positions[r.second].claims
            first, second = (a[0], b[0]) if r.first != r.second else (a[0], a[-1])
            arcs.append(analysis.Contradiction(first, second, r.reason, r.detail, r.linked))
    return arcs


def silences(dossier: Dossier, tokens: cite.Tokens, found: Findings, limit: int) -> str:
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
            detail = (
                f'<p class="via">reported in {cite.ref(dossier, tokens, s.claim, full=False)}</p>'
            )
        else:
            head = f"<strong>{who}</strong>: accused, no answer recorded: {what}"
            detail = ""
        accused = cite.refs(dossier, tokens, s.accusations)
        if accused:
            detail += f'<p class="via">accused by {accused}</p>'
        out.append(f'<li class="silence"{data}>{head}{detail}</li>')
    out.append(cite.more(len(found.silences), limit) + "</ul>")
    return "".join(out)


def corroboration(dossier: Dossier, tokens: cite.Tokens, found: Findings, limit: int) -> str:
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
            refs = cite.refs(dossier, tokens, origin.claims)
            why = "".join(
                f'<br><span class="muted">not independent ({cite.words(m.reason.value)}): '
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
            who = cite.refs(dossier, tokens, [partly.claim])
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
        out.append(cite.more(len(found.verdicts), limit) + "</ul>")
    out.append(f'<p class="muted">{alone_words(found)}.</p>')
    return "".join(out)


def uncertainty(dossier: Dossier, tokens: cite.Tokens, found: Findings, limit: int) -> str:
    if not found.uncertainties:
        return '<p class="empty muted">None.</p>'
    out = ['<ul class="items">']
    for u in found.uncertainties[:limit]:
        known = "".join(f"<li>{cite.ref(dossier, tokens, k)}</li>" for k in u.known[: cite.CAP])
        if len(u.known) > cite.CAP:
            known += f"<li>… and {len(u.known) - cite.CAP:,} more</li>"
        beside = f'<p class="via">known values beside it:</p><ul>{known}</ul>' if known else ""
        out.append(
            f'<li class="silence"{tokens.data(dossier, (u.claim, *u.known))}>'
            f"{cite.ref(dossier, tokens, u.claim)}{beside}</li>"
        )
    out.append(cite.more(len(found.uncertainties), limit) + "</ul>")
    return "".join(out)


def changes(dossier: Dossier, tokens: cite.Tokens, found: Findings, limit: int) -> str:
    view = found.current
    if not view.replaced and not view.stale:
        return '<p class="empty muted">Nothing superseded or retracted: every claim is current.</p>'
    out = ['<ul class="items">']
    for r in view.replaced[:limit]:
        by = f" by {cite.ref(dossier, tokens, r.status.by)}" if r.status.by else ""
        now = ""
        if r.current is not None and r.current != r.status.by:
            now = f'<p class="via">now: {cite.ref(dossier, tokens, r.current)}</p>'
        out.append(
            f'<li class="contra"{tokens.data(dossier, [r.claim])}>'
            f'{cite.ref(dossier, tokens, r.claim)}<p class="status">{r.status.kind.value}{by}</p>'
            f"{now}</li>"
        )
    for stale in view.stale[:limit]:
        link = stale.link
        out.append(
            f'<li class="silence"{tokens.data(dossier, [link.claim, link.target])}>'
            f"stale link: {cite.ref(dossier, tokens, link.claim)} "
            f"<em>{cite.words(link.kind.value)}</em> {cite.ref(dossier, tokens, link.target)} "
            f"({stale.status.kind.value})</li>"
        )
    out.append("</ul>")
    return "".join(out)
