"""The briefing as Markdown: findings first, then who claimed what."""

from __future__ import annotations

from collections.abc import Iterator

from .. import analysis
from ..dossier import Dossier
from . import _sentence as say
from ._escape import markdown as md
from ._findings import (
    REASON_WORDS,
    Findings,
    alone_words,
    claimant_order,
    findings,
    partly_words,
    position_words,
    title,
)
from ._svg import actor_order

__all__ = ["markdown"]


def _who(dossier: Dossier, claim_id: str) -> str:
    claim = dossier.claim(claim_id)
    via = ", via " + " ← ".join(say.name(dossier, h.reporter) for h in claim.chain)
    return md(say.name(dossier, claim.claimant) + (via if claim.chain else ""))


_CAP = 8
"""The most claims named in one position (the rest are counted)."""


def _more(n: int, limit: int) -> Iterator[str]:
    if n > limit:
        yield f"- … and {n - limit:,} more"


def _findings(dossier: Dossier, found: Findings, limit: int) -> Iterator[str]:
    yield "## Findings"
    yield ""
    yield "### Contradictions"
    yield ""
    if not found.disputes:
        yield "None: no two active claims are incompatible."
    for dispute in found.disputes[:limit]:
        n = len(dispute.positions)
        pairs = say.plural(dispute.pairs, "pair")
        yield f"**{md(title(dossier, dispute))}**: {n:,} positions ({pairs} of claims in conflict)"
        yield ""
        for i, position in enumerate(dispute.positions[:limit], 1):
            claims = say.plural(len(position.claims), "claim")
            origins = say.plural(position.count, "independent origin")
            holders = "; ".join(_who(dossier, c) for c in position.claims[:_CAP])
            if len(position.claims) > _CAP:
                holders += f"; and {len(position.claims) - _CAP:,} more"
            says = md(position_words(dossier, dispute, position))
            yield f"{i}. **{says}**: {claims}, {origins}: {holders}"
        if n > limit:
            yield f"{min(n, limit) + 1}. … and {n - limit:,} more positions"
        yield ""
        for conflict in dispute.reasons:
            if conflict.second < limit:
                between = f"{conflict.first + 1} *vs* {conflict.second + 1}"
                yield f"- {between}: {REASON_WORDS[conflict.reason]}: {md(conflict.detail)}"
        yield ""
    if len(found.disputes) > limit:
        yield f"… and {say.plural(len(found.disputes) - limit, 'more contradiction')}"
    yield ""
    yield "### Silences and unanswered accusations"
    yield ""
    if not found.silences:
        yield "None."
    for s in found.silences[:limit]:
        who = md(say.name(dossier, s.actor))
        what = md(say.proposition(dossier, s.proposition))
        accusers = ", ".join(_who(dossier, a) for a in s.accusations[:8])
        if len(s.accusations) > 8:
            accusers += f" and {len(s.accusations) - 8:,} more"
        if s.kind is analysis.SilenceKind.REPORTED and s.stance is not None:
            line = f"- **{who}** {say.STANCE_WORDS[s.stance]} {what}"
        else:
            line = f"- **{who}**: accused, no answer recorded: {what}"
        yield line + (f" (accused by {accusers})" if accusers else "")
    yield from _more(len(found.silences), limit)
    yield ""
    yield "### Corroboration"
    yield ""
    for v in found.verdicts[:limit]:
        prop = dossier.claim(v.claims[0]).proposition
        yield (
            f"- **{md(say.proposition(dossier, prop))}**: "
            f"{say.plural(v.corroboration.count, 'independent origin')} "
            + (
                f"counted, {len(v.corroboration.uncounted):,} not counted "
                if v.corroboration.uncounted
                else ""
            )
            + f"among {say.plural(len(v.claims), 'claim')}"
        )
        for origin in v.corroboration.origins:
            names = ", ".join(md(say.name(dossier, a)) for a in origin.actors)
            why = "".join(
                f"; not independent ({m.reason.value.replace('_', ' ')}): {md(m.note)}"
                for m in origin.merges
            )
            ties = "".join(
                f"; tied to a party named in the claim: {md(t.note)}" for t in origin.ties
            )
            if origin.uncounted is not None:
                ties += f"; not counted: {md(origin.uncounted)}"
            yield f"  - origin {names}: {say.plural(len(origin.claims), 'claim')}{why}{ties}"
        for partly in v.partly:
            yield f"  - {partly_words(partly, _who(dossier, partly.claim), md(partly.reason))}"
    yield from _more(len(found.verdicts), limit)
    yield f"- {alone_words(found)}"
    yield ""
    if found.uncertainties:
        yield "### Known unknowns"
        yield ""
        for u in found.uncertainties[:limit]:
            claim = dossier.claim(u.claim)
            yield (
                f"- {_who(dossier, u.claim)}: {md(say.proposition(dossier, claim.proposition))}"
                f" ({say.plural(len(u.known), 'known value')} beside it)"
            )
        yield ""
    view = found.current
    yield "### What changed"
    yield ""
    if not view.replaced and not view.stale:
        yield "Nothing superseded or retracted."
    for r in view.replaced[:limit]:
        by = f" by `{md(r.status.by)}`" if r.status.by else ""
        yield f"- `{md(r.claim)}` {r.status.kind.value}{by}"
    for stale in view.stale[:limit]:
        link = stale.link
        yield (
            f"- stale link: `{md(link.claim)}` {link.kind.value.replace('_', ' ')} "
            f"`{md(link.target)}` ({stale.status.kind.value})"
        )
    yield ""


def _claims(dossier: Dossier, found: Findings, limit: int) -> Iterator[str]:
    yield "## Who claimed what"
    budget = limit
    claimants = claimant_order(dossier, found, actor_order(dossier))
    for n, actor in enumerate(claimants):
        said = dossier.claims_by(actor.id)
        if budget <= 0:
            rest = sum(len(dossier.claims_by(a.id)) for a in claimants[n:])
            yield ""
            yield (
                f"… and {say.plural(rest, 'more claim')} by "
                f"{say.plural(len(claimants) - n, 'more claimant')}: raise the limit to see them"
            )
            break
        yield ""
        yield f"### {md(actor.name)} ({say.plural(len(said), 'claim')})"
        yield ""
        for claim in said[:budget]:
            what = md(say.proposition(dossier, claim.proposition))
            yield f"- *{say.STANCE_WORDS[claim.stance]}* {what}"
            if claim.chain:
                yield f"  - {md(say.chain(dossier, claim))}"
            for quote in claim.quotes:
                yield f"  - “{md(quote.exact)}”"
            if claim.assessment is not None and claim.assessment.notation():
                yield f"  - assessed: {md(claim.assessment.notation())}"
            if claim.note:
                yield f"  - note: {md(claim.note)}"
        yield from _more(len(said), budget)
        budget -= len(said)


def markdown(dossier: Dossier, *, title: str | None = None, limit: int = 200) -> str:
    """The briefing as Markdown: findings first, then the claims by claimant.

    Every string from the dossier is escaped: it renders as its own words,
    never as markup, links or HTML.

    Args:
        dossier: The dossier to brief.
        title: The heading (default: the title of the dossier's first source).
        limit: The most items shown per section (claims counted one by
            one, contradictions one per dispute, and positions per dispute).

    >>> import claims, claims.views
    >>> text = claims.views.markdown(claims.load("seeds/baghdad-drone-strike.json"))
    >>> print(text[text.index("### Silences"):].splitlines()[2])
    - **US officials** made no comment on US-led international coalition responsible ...
    """
    title = say.title(dossier, title)
    counts = say.counts(dossier, events=False)
    lines = [f"# {md(title)}", "", f"Briefing: {counts}.", ""]
    found = findings(dossier)
    lines.extend(_findings(dossier, found, max(limit, 1)))
    lines.extend(_claims(dossier, found, max(limit, 1)))
    return "\n".join(lines) + "\n"
