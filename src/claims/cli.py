"""The ``claims`` command: ``claims report FILE`` and ``claims validate FILE``."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterator, Sequence

from ._model import (
    ActorRef,
    Claim,
    EventRef,
    NoValue,
    Proposition,
    Quantity,
    Stance,
    StatusKind,
    Text,
    Unknown,
    Value,
)
from .dossier import Dossier
from .exceptions import ClaimsError, LoadError
from .serialize import load

__all__ = ["main", "render_report", "run"]

_STANCE_WORDS = {
    Stance.ASSERTS: "asserts",
    Stance.DENIES: "denies",
    Stance.DECLINED_TO_COMMENT: "declined to comment",
    Stance.NO_RESPONSE: "did not respond",
    Stance.NO_COMMENT: "no comment",
    Stance.UNCLEAR: "says it is unclear",
}


# --------------------------------------------------------------------------
# Rendering


def _number(x: float) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:,g}"


def describe_quantity(q: Quantity) -> str:
    """A quantity in words: ``"4 PMF members killed"``, ``"more than 100 attacks"``."""
    if q.value is not None and q.lower is None and q.upper is None:
        text = _number(q.value)
    else:
        bounds = []
        if q.lower is not None:
            bounds.append(("more than " if q.lower_open else "at least ") + _number(q.lower))
        if q.upper is not None:
            bounds.append(("fewer than " if q.upper_open else "at most ") + _number(q.upper))
        text = " and ".join(bounds)
        if q.value is not None:
            text = f"{_number(q.value)} ({text})"
    if q.unit:
        text = f"{text} {q.unit}"
    return f"{text} (approximate)" if q.approximate else text


def describe_term(dossier: Dossier, term: Value) -> str:
    """A subject or object in words, with actor and event names looked up."""
    if isinstance(term, ActorRef):
        actor = dossier.actors.get(term.id)
        return actor.name if actor else term.id
    if isinstance(term, EventRef):
        event = dossier.events.get(term.id)
        return event.description if event else term.id
    if isinstance(term, Text):
        return f"“{term.value}”"
    if isinstance(term, Quantity):
        return describe_quantity(term)
    if isinstance(term, Unknown):
        return f"unknown ({term.note})" if term.note else "unknown"
    assert isinstance(term, NoValue)
    return f"none ({term.note})" if term.note else "none"


def describe_proposition(dossier: Dossier, prop: Proposition) -> str:
    """A proposition in one line: subject, predicate, object, when, where."""
    words = prop.predicate.replace("_", " ")
    text = f"{describe_term(dossier, prop.subject)} {words} {describe_term(dossier, prop.object)}"
    extra = [str(prop.when)] if prop.when else []
    if prop.where:
        extra.append(prop.where)
    extra.extend(f"{q.name}: {q.value}" for q in prop.qualifiers)
    return f"{text} ({'; '.join(extra)})" if extra else text


def describe_chain(dossier: Dossier, claim: Claim) -> str:
    """Who relayed the claim, outermost first: ``via Al Jazeera ("reported") ← Reuters``."""
    names = []
    for hop in claim.chain:
        actor = dossier.actors.get(hop.reporter)
        names.append(f"{actor.name if actor else hop.reporter} ({hop.cue})")
    claimant = dossier.actors.get(claim.claimant)
    names.append(claimant.name if claimant else claim.claimant)
    return "via " + " ← ".join(names)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    ) or [indent]


def _claim_lines(dossier: Dossier, claim: Claim, width: int) -> Iterator[str]:
    status = dossier.status(claim.id)
    tag = _STANCE_WORDS[claim.stance]
    if status.kind is not StatusKind.ACTIVE:
        tag += f"; {status.kind.value} by {status.by}"
    head = f"- [{tag}] {describe_proposition(dossier, claim.proposition)}"
    yield from _wrap(head, width, "  ")
    if claim.chain:
        yield from _wrap(describe_chain(dossier, claim), width, "    ")
    for quote in claim.quotes:
        yield from _wrap(
            f"“{quote.exact}” [{quote.source} {quote.start}–{quote.end}]", width, "    "
        )
    if claim.assessment is not None and claim.assessment.notation():
        yield from _wrap(f"assessed: {claim.assessment.notation()}", width, "    ")
    yield from _wrap(f"id: {claim.id}", width, "    ")


def render_report(dossier: Dossier, *, width: int = 80) -> str:
    """Who claimed what, grouped by claimant, with stance, chain, quote and assessment.

    Args:
        dossier: The dossier to report on.
        width: The widest line, in characters.
    """
    lines: list[str] = []
    summary = repr(dossier).strip("<>")
    lines.append(summary)
    lines.append("")
    lines.append("WHO CLAIMED WHAT")
    lines.append("=" * min(width, 16))
    for actor in dossier.actors.values():
        claims = dossier.claims_by(actor.id)
        if not claims:
            continue
        about = actor.kind.value.replace("_", " ")
        if actor.part_of is not None:
            parent = dossier.actors.get(actor.part_of)
            about += f", part of {parent.name if parent else actor.part_of}"
        lines.append("")
        lines.extend(_wrap(f"{actor.name} ({about})", width, ""))
        for claim in claims:
            lines.extend(_claim_lines(dossier, claim, width))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Commands


def _load_or_report(path: str) -> Dossier | None:
    try:
        return load(path)
    except LoadError as exc:
        print(f"{path}: not a valid claims document", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    except ClaimsError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return None


def _report(args: argparse.Namespace) -> int:
    dossier = _load_or_report(args.file)
    if dossier is None:
        return 1
    sys.stdout.write(render_report(dossier, width=args.width))
    return 0


def _validate(args: argparse.Namespace) -> int:
    dossier = _load_or_report(args.file)
    if dossier is None:
        return 1
    print(f"{args.file}: valid ({repr(dossier).strip('<>').removeprefix('Dossier: ')})")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims", description="Who claimed what, how we know, and how much to believe it."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="who claimed what, grouped by claimant")
    report.add_argument("file", metavar="FILE", help="a claims JSON document")
    report.add_argument("--width", type=int, default=80, help="widest line (default 80)")
    report.set_defaults(run=_report)

    validate = commands.add_parser(
        "validate", help="exit 0 if FILE is valid, else list every error with its JSON path"
    )
    validate.add_argument("file", metavar="FILE", help="a claims JSON document")
    validate.set_defaults(run=_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``claims`` command; returns the exit status.

    Args:
        argv: The arguments, without the program name (default: ``sys.argv``).
    """
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


def run() -> None:
    """The console-script entry point: `main`, then exit with its status."""
    sys.exit(main())
