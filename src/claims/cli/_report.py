"""``claims report`` and ``claims validate``: a dossier for a reader, or its errors."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterator

from .. import analysis
from .._describe import describe
from .._model import ActorRef, Claim, StatusKind
from .._terminal import terminal_safe
from ..analysis import ContradictionReason, SilenceKind
from ..dossier import Dossier
from . import _report_tables
from ._load import load_or_report
from ._views import write_report

__all__ = ["render_report", "report", "validate"]


# --------------------------------------------------------------------------
# Rendering


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(
        terminal_safe(text),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    ) or [indent]


def _chain(dossier: Dossier, claim: Claim) -> str:
    """Who relayed the claim, outermost first: ``via Al Jazeera (reported) ← Reuters``."""
    names = [f"{describe(ActorRef(hop.reporter), dossier)} ({hop.cue})" for hop in claim.chain]
    names.append(describe(ActorRef(claim.claimant), dossier))
    return "via " + " ← ".join(names)


def _claim_lines(dossier: Dossier, claim: Claim, width: int) -> Iterator[str]:
    status = dossier.status(claim.id)
    tag = describe(claim.stance)
    if status.kind is not StatusKind.ACTIVE:
        tag += f"; {status.kind.value} by {status.by}"
    head = f"- [{tag}] {describe(claim.proposition, dossier)}"
    yield from _wrap(head, width, "  ")
    if claim.chain:
        yield from _wrap(_chain(dossier, claim), width, "    ")
    for quote in claim.quotes:
        yield from _wrap(
            f"“{quote.exact}” [{quote.source} {quote.start}–{quote.end}]", width, "    "
        )
    if claim.assessment is not None and claim.assessment.notation():
        yield from _wrap(f"assessed: {claim.assessment.notation()}", width, "    ")
    yield from _wrap(f"id: {claim.id}", width, "    ")


def render_report(dossier: Dossier, *, width: int = 80, current: bool = False) -> str:
    """Who claimed what, grouped by claimant, with stance, chain, quote and assessment.

    Then contradictions, uncertainty, corroboration (independent origins per
    claim), silences and unanswered accusations.

    Args:
        dossier: The dossier to report on.
        width: The widest line, in characters.
        current: Show only the current view: active claims, what replaced
            the others, and links that have gone stale.
    """
    lines: list[str] = []
    summary = repr(dossier).strip("<>")
    lines.append(summary)
    lines.append("")
    lines.append("WHO CLAIMED WHAT")
    lines.append("=" * min(width, 16))
    for actor in dossier.actors.values():
        claims = dossier.claims_by(actor.id)
        if current:
            claims = tuple(c for c in claims if _active(dossier, c))
        if not claims:
            continue
        about = actor.kind.value.replace("_", " ")
        if actor.part_of is not None:
            about += f", part of {describe(ActorRef(actor.part_of), dossier)}"
        lines.append("")
        lines.extend(_wrap(f"{actor.name} ({about})", width, ""))
        for claim in claims:
            lines.extend(_claim_lines(dossier, claim, width))
    if current:
        lines.extend(_current_lines(dossier, width))
    for section in (
        _contradiction_lines,
        _corroboration_lines,
        _silence_lines,
    ):
        lines.extend(section(dossier, width))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# The analyst's questions


_REASON_WORDS = {
    ContradictionReason.OPPOSITE_STANCES: "opposite stances",
    ContradictionReason.DIFFERENT_VALUES: "different values",
    ContradictionReason.DISJOINT_QUANTITIES: "figures that do not overlap",
    ContradictionReason.NO_VALUE: "none against a value",
    ContradictionReason.LINKED: "linked as contradicting",
}


def _active(dossier: Dossier, claim: Claim) -> bool:
    return dossier.status(claim.id).kind is StatusKind.ACTIVE


def _heading(title: str, width: int) -> list[str]:
    return ["", title, "=" * min(width, len(title))]


def _by(dossier: Dossier, claim_id: str) -> str:
    claimant = dossier.claim(claim_id).claimant
    return f"{claim_id} ({describe(ActorRef(claimant), dossier)})"


def _contradiction_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("CONTRADICTIONS", width)
    found = analysis.contradictions(dossier)
    if not found:
        yield "  none: no two active claims are incompatible"
    for c in found:
        head = f"- {_by(dossier, c.first)} vs {_by(dossier, c.second)}"
        yield from _wrap(head, width, "  ")
        why = f"{_REASON_WORDS[c.reason]}: {c.detail}"
        if c.linked and c.reason is not ContradictionReason.LINKED:
            why += " (also linked)"
        yield from _wrap(why, width, "    ")
    unknowns = analysis.uncertainties(dossier)
    if unknowns:
        yield from _heading("UNCERTAINTY (not contradictions)", width)
    for u in unknowns:
        claim = dossier.claim(u.claim)
        text = describe(claim.proposition, dossier)
        yield from _wrap(f"- {_by(dossier, u.claim)}: {text}", width, "  ")
        if u.known:
            known = ", ".join(u.known)
            yield from _wrap(f"known values beside it: {known}", width, "    ")


def _corroboration_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("CORROBORATION (independent origins per claim)", width)
    alone = 0
    for claim_id, found in analysis.corroborations(dossier).items():
        if not found.supporters:
            alone += 1
            continue
        count = found.count
        head = f"- {claim_id}: {count} independent origin{'s' * (count != 1)}"
        yield from _wrap(head, width, "  ")
        for origin in found.origins:
            actors = " + ".join(origin.actors)
            text = f"origin {actors}: {', '.join(origin.claims)}"
            yield from _wrap(text, width, "    ")
            for m in origin.merges:
                why = m.reason.value.replace("_", " ")
                text = f"not independent ({why}): {m.note}"
                yield from _wrap(text, width, "      ")
            for t in origin.ties:
                text = f"tied to {t.other}, named in the claim: {t.note}"
                yield from _wrap(text, width, "      ")
        suggestion = analysis.suggest_credibility(dossier, claim_id)
        if suggestion.credibility is not None:
            text = f"suggested credibility 1: {suggestion.reason}"
            yield from _wrap(text, width, "    ")
    if alone:
        text = f"{alone} other claims have no support beyond themselves"
        yield from _wrap(text, width, "  ")


def _silence_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("SILENCES AND UNANSWERED ACCUSATIONS", width)
    found = analysis.silences(dossier)
    if not found:
        yield "  none"
    for s in found:
        name = describe(ActorRef(s.actor), dossier)
        what = describe(s.proposition, dossier)
        if s.kind is SilenceKind.REPORTED:
            assert s.stance is not None
            text = f"- {name}: {describe(s.stance)} on: {what}"
            yield from _wrap(text, width, "  ")
            yield from _wrap(f"reported in {s.claim}", width, "    ")
            if s.accusations:
                text = f"on the accusation in {', '.join(s.accusations)}"
                yield from _wrap(text, width, "    ")
        else:
            text = f"- {name}: accused, no answer recorded: {what}"
            yield from _wrap(text, width, "  ")
            text = f"accused in {', '.join(s.accusations)}"
            yield from _wrap(text, width, "    ")


def _current_lines(dossier: Dossier, width: int) -> Iterator[str]:
    view = analysis.current(dossier)
    yield from _heading("REPLACED (not in the current view)", width)
    if not view.replaced:
        yield "  none: every claim is current"
    for r in view.replaced:
        kind = r.status.kind.value
        text = f"- {r.claim}: {kind} by {r.status.by}"
        if r.current is not None and r.current != r.status.by:
            text += f", now {r.current}"
        yield from _wrap(text, width, "  ")
    for stale in view.stale:
        link = stale.link
        text = (
            f"- stale link: {link.claim} {link.kind.value} {link.target}"
            f" ({stale.status.kind.value})"
        )
        yield from _wrap(text, width, "  ")


# --------------------------------------------------------------------------
# Commands


def report(args: argparse.Namespace) -> int:
    """``claims report FILE``: the report on standard output."""
    if _report_tables.wanted(args):
        return _report_tables.report_tables(args)
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    if args.format != "text" or args.output is not None:
        return write_report(
            dossier,
            format=args.format,
            output=args.output,
            source_texts=args.source_text,
            text=lambda: render_report(dossier, width=args.width, current=args.current),
        )
    text = render_report(dossier, width=args.width, current=args.current)
    sys.stdout.write(text)
    return 0


def validate(args: argparse.Namespace) -> int:
    """``claims validate FILE``: exit 0 if the file is valid, else print every error."""
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    print(
        f"{terminal_safe(args.file)}: valid ({repr(dossier).strip('<>').removeprefix('Dossier: ')})"
    )
    return 0
