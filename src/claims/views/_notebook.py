"""Short views of single records and answers, for notebooks.

`summary` puts any record or analysis answer in one line of words;
`record_html` and `record_markdown` give the same line escaped, and a little
more for a claim (its quotes and assessment) or a dossier (its counts and
findings). They are what the records' ``_repr_html_`` and
``_repr_markdown_`` return: this module installs them (`claims._display`)
when it is imported, and ``import claims`` imports it. `register` also
installs them as IPython formatters, for a shell that ignores those methods.
"""

from __future__ import annotations

import importlib
from typing import Any

from .. import analysis
from .._display import install
from .._model import Actor, Claim, Event, Link, Source, Stance
from ..dossier import Dossier
from . import _sentence as say
from ._escape import markdown as md
from ._escape import text as esc
from ._findings import REASON_WORDS, findings

__all__ = [
    "RECORD_TYPES",
    "claim_html",
    "claim_markdown",
    "dossier_html",
    "dossier_markdown",
    "record_html",
    "record_markdown",
    "register",
    "summary",
]

RECORD_TYPES: tuple[type, ...] = (
    Dossier,
    Claim,
    Actor,
    Source,
    Event,
    Link,
    analysis.Contradiction,
    analysis.Dispute,
    analysis.Position,
    analysis.Disagreement,
    analysis.Corroboration,
    analysis.Silence,
    analysis.Uncertainty,
    analysis.CurrentView,
    analysis.Moment,
    analysis.Provenance,
)
"""The types `register` gives an HTML and a Markdown display."""


def summary(obj: object, dossier: Dossier | None = None) -> str:
    """`obj` in one line of words; names are looked up in `dossier` when given.

    Args:
        obj: A dossier, a record (claim, actor, source, event, link) or an
            answer of `claims.analysis` (contradiction, dispute, position,
            disagreement, corroboration,
            silence, uncertainty, current view, moment, provenance).
        dossier: Where to look up names (ids are shown without it).

    Raises:
        TypeError: `obj` is none of these.

    >>> import claims, claims.views
    >>> d = claims.load("seeds/baghdad-drone-strike.json")
    >>> claims.views.summary(d.claim("reuters-killed"), d)
    'Reuters asserts the drone strike ... 4 PMF members killed, via Al Jazeera (reported)'
    >>> claims.views.summary(claims.analysis.corroboration(d, "pmo-aggression"), d)
    'pmo-aggression: 1 independent origin (Office of Prime Minister ..., Iraqi Ministry ...)'
    """
    if isinstance(obj, Dossier):
        return f"Dossier: {say.counts(obj)}"
    if isinstance(obj, Claim):
        return say.claim(dossier, obj)
    if isinstance(obj, Actor):
        kind = obj.kind.value.replace("_", " ")
        part = f", part of {say.name(dossier, obj.part_of)}" if obj.part_of else ""
        return f"{obj.name} ({kind}{part})"
    if isinstance(obj, Source):
        by = f", published by {say.name(dossier, obj.publisher)}" if obj.publisher else ""
        when = f" on {obj.published}" if obj.published else ""
        return f"{obj.title}{by}{when}"
    if isinstance(obj, Event):
        when = f" ({obj.when})" if obj.when else ""
        return f"{obj.description}{when}"
    if isinstance(obj, Link):
        return f"{obj.claim} {obj.kind.value.replace('_', ' ')} {obj.target}"
    return _answer(obj, dossier)


def _answer(obj: object, dossier: Dossier | None) -> str:
    if isinstance(obj, analysis.Contradiction):
        return f"{obj.first} vs {obj.second}: {REASON_WORDS[obj.reason]}: {obj.detail}"
    if isinstance(obj, analysis.Dispute):
        about = f"{say.term(dossier, obj.subject)} {obj.predicate.replace('_', ' ')}"
        says = "; ".join(_position(dossier, p) for p in obj.positions)
        return f"{about}: {say.plural(len(obj.positions), 'position')} ({says})"
    if isinstance(obj, analysis.Position):
        return _position(dossier, obj)
    if isinstance(obj, analysis.Disagreement):
        between = f"position {obj.first + 1} vs {obj.second + 1}"
        return f"{between}: {REASON_WORDS[obj.reason]}: {obj.detail}"
    if isinstance(obj, analysis.Corroboration):
        origins = "; ".join(
            ", ".join(say.name(dossier, a) for a in o.actors)
            + ("" if o.uncounted is None else f", not counted: {o.uncounted}")
            for o in obj.origins
        )
        return f"{obj.claim}: {say.plural(obj.count, 'independent origin')} ({origins})"
    if isinstance(obj, analysis.Silence):
        who = say.name(dossier, obj.actor)
        what = say.proposition(dossier, obj.proposition)
        if obj.stance is not None:
            return f"{who} {say.STANCE_WORDS[obj.stance]} {what}"
        return f"{who}: accused, no answer recorded: {what}"
    if isinstance(obj, analysis.Uncertainty):
        return f"{obj.claim}: unknown, beside {say.plural(len(obj.known), 'known value')}"
    if isinstance(obj, analysis.CurrentView):
        return (
            f"current: {say.plural(len(obj.claims), 'claim')}, "
            f"{len(obj.replaced):,} replaced, {say.plural(len(obj.stale), 'stale link')}"
        )
    if isinstance(obj, analysis.Moment):
        return f"{obj.when}: {say.name(dossier, obj.actor)} {obj.kind.value} {obj.claim}"
    if isinstance(obj, analysis.Provenance):
        return str(obj)
    raise TypeError(f"no summary for {type(obj).__name__}")


def _position(dossier: Dossier | None, position: analysis.Position) -> str:
    words = say.term(dossier, position.object)
    if position.stance is not Stance.ASSERTS:
        words = f"{position.stance.value.replace('_', ' ')}: {words}"
    claims = say.plural(len(position.claims), "claim")
    return f"{words}: {claims}, {say.plural(position.count, 'independent origin')}"


def claim_html(claim: Claim, dossier: Dossier | None = None) -> str:
    """A claim as a short HTML block: its sentence, quotes and assessment, escaped."""
    parts = [f"<div><p><strong>{esc(say.claim(dossier, claim))}</strong></p>"]
    parts.extend(f"<blockquote>“{esc(q.exact)}”</blockquote>" for q in claim.quotes[:3])
    if claim.assessment is not None and claim.assessment.notation():
        parts.append(f"<p>assessed: {esc(claim.assessment.notation())}</p>")
    parts.append(f"<p><code>{esc(claim.id)}</code></p></div>")
    return "".join(parts)


def claim_markdown(claim: Claim, dossier: Dossier | None = None) -> str:
    """A claim as short Markdown: its sentence, quotes and assessment, escaped."""
    lines = [f"**{md(say.claim(dossier, claim))}**", ""]
    lines.extend(f"> “{md(q.exact)}”\n" for q in claim.quotes[:3])
    if claim.assessment is not None and claim.assessment.notation():
        lines.append(f"assessed: {md(claim.assessment.notation())}  ")
    lines.append(f"id: `{md(claim.id)}`")
    return "\n".join(lines)


def _finding_lines(dossier: Dossier) -> list[str]:
    found = findings(dossier)
    return [
        say.plural(len(found.disputes), "contradiction"),
        f"{len(found.silences):,} silence{'s' * (len(found.silences) != 1)} "
        f"or unanswered accusation{'s' * (len(found.silences) != 1)}",
        say.plural(len(found.verdicts), "corroborated claim group"),
        say.plural(len(found.current.replaced), "replaced claim"),
    ]


def dossier_html(dossier: Dossier, *, limit: int = 5) -> str:
    """A dossier as a short HTML block: counts, findings, and its first claims."""
    findings_ = "".join(f"<li>{esc(line)}</li>" for line in _finding_lines(dossier))
    claims_ = "".join(
        f"<li>{esc(say.claim(dossier, c))}</li>" for c in list(dossier.claims.values())[:limit]
    )
    more = len(dossier.claims) - limit
    if more > 0:
        claims_ += f"<li>… and {more:,} more</li>"
    return (
        f"<div><p><strong>Dossier</strong>: {esc(say.counts(dossier))}</p>"
        f"<p>Findings:</p><ul>{findings_}</ul><p>Claims:</p><ul>{claims_}</ul></div>"
    )


def dossier_markdown(dossier: Dossier, *, limit: int = 5) -> str:
    """A dossier as short Markdown: counts, findings, and its first claims."""
    lines = [f"**Dossier**: {say.counts(dossier)}", "", "Findings:", ""]
    lines.extend(f"- {line}" for line in _finding_lines(dossier))
    lines += ["", "Claims:", ""]
    lines.extend(f"- {md(say.claim(dossier, c))}" for c in list(dossier.claims.values())[:limit])
    if len(dossier.claims) > limit:
        lines.append(f"- … and {len(dossier.claims) - limit:,} more")
    return "\n".join(lines)


def record_html(obj: object, dossier: Dossier | None = None) -> str:
    """Any record or answer `summary` knows, as escaped HTML."""
    if isinstance(obj, Dossier):
        return dossier_html(obj)
    if isinstance(obj, Claim):
        return claim_html(obj, dossier)
    return f"<p>{esc(summary(obj, dossier))}</p>"


def record_markdown(obj: object, dossier: Dossier | None = None) -> str:
    """Any record or answer `summary` knows, as escaped Markdown."""
    if isinstance(obj, Dossier):
        return dossier_markdown(obj)
    if isinstance(obj, Claim):
        return claim_markdown(obj, dossier)
    return md(summary(obj, dossier))


def register(shell: Any = None) -> None:
    """Give every type of `RECORD_TYPES` an HTML and a Markdown display in IPython.

    Args:
        shell: The IPython shell (default: the running one, if any).
    """
    if shell is None:
        try:
            ipython = importlib.import_module("IPython")
        except ImportError:
            return
        shell = ipython.get_ipython()
        if shell is None:
            return
    formatters = shell.display_formatter.formatters
    for cls in RECORD_TYPES:
        formatters["text/html"].for_type(cls, record_html)
        formatters["text/markdown"].for_type(cls, record_markdown)


install(html=record_html, markdown=record_markdown)
