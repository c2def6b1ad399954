"""The ``claims`` command: ``claims report FILE`` and ``claims validate FILE``."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterator, Sequence

from . import store as _store
from ._exchange_command import add_import_options, export_misp, import_from
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
from ._progress import Bar
from .analysis import ContradictionReason, SilenceKind
from .dossier import Dossier
from .exceptions import ClaimsError, IntegrityError, LoadError
from .serialize import dump, load

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


def render_report(
    dossier: Dossier, *, width: int = 80, current: bool = False
) -> str:
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
            parent = dossier.actors.get(actor.part_of)
            about += f", part of {parent.name if parent else actor.part_of}"
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
    actor = dossier.actors.get(claimant)
    return f"{claim_id} ({actor.name if actor else claimant})"


def _contradiction_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("CONTRADICTIONS", width)
    found = dossier.contradictions()
    if not found:
        yield "  none: no two active claims are incompatible"
    for c in found:
        head = f"- {_by(dossier, c.first)} vs {_by(dossier, c.second)}"
        yield from _wrap(head, width, "  ")
        why = f"{_REASON_WORDS[c.reason]}: {c.detail}"
        if c.linked and c.reason is not ContradictionReason.LINKED:
            why += " (also linked)"
        yield from _wrap(why, width, "    ")
    unknowns = dossier.uncertainties()
    if unknowns:
        yield from _heading("UNCERTAINTY (not contradictions)", width)
    for u in unknowns:
        claim = dossier.claim(u.claim)
        text = describe_proposition(dossier, claim.proposition)
        yield from _wrap(f"- {_by(dossier, u.claim)}: {text}", width, "  ")
        if u.known:
            known = ", ".join(u.known)
            yield from _wrap(f"known values beside it: {known}", width, "    ")


def _corroboration_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("CORROBORATION (independent origins per claim)", width)
    alone = 0
    for claim_id, found in dossier.corroborations().items():
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
        suggestion = dossier.suggest_credibility(claim_id)
        if suggestion.credibility is not None:
            text = f"suggested credibility 1: {suggestion.reason}"
            yield from _wrap(text, width, "    ")
    if alone:
        text = f"{alone} other claims have no support beyond themselves"
        yield from _wrap(text, width, "  ")


def _silence_lines(dossier: Dossier, width: int) -> Iterator[str]:
    yield from _heading("SILENCES AND UNANSWERED ACCUSATIONS", width)
    found = dossier.silences()
    if not found:
        yield "  none"
    for s in found:
        actor = dossier.actors.get(s.actor)
        name = actor.name if actor else s.actor
        what = describe_proposition(dossier, s.proposition)
        if s.kind is SilenceKind.REPORTED:
            assert s.stance is not None
            text = f"- {name}: {_STANCE_WORDS[s.stance]} on: {what}"
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
    view = dossier.current()
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


def _load_or_report(path: str, *, progress: bool | None = None) -> Dossier | None:
    """The dossier in `path`, a JSON document or a store; None once errors are printed."""
    try:
        if _store.is_store(path):
            return _read_store(path, progress)
        return load(path)
    except LoadError as exc:
        print(f"{path}: not a valid claims document", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    except ClaimsError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return None


def _read_store(path: str, progress: bool | None) -> Dossier:
    bar = Bar(f"reading {path}", enabled=progress)
    try:
        with _store.open(path, create=False) as s:
            return s.dossier(progress=bar)
    except IntegrityError as exc:
        raise LoadError(exc.problems) from None
    finally:
        bar.close()


def _report(args: argparse.Namespace) -> int:
    dossier = _load_or_report(args.file)
    if dossier is None:
        return 1
    text = render_report(dossier, width=args.width, current=args.current)
    sys.stdout.write(text)
    return 0


def _validate(args: argparse.Namespace) -> int:
    dossier = _load_or_report(args.file)
    if dossier is None:
        return 1
    print(f"{args.file}: valid ({repr(dossier).strip('<>').removeprefix('Dossier: ')})")
    return 0


def _import(args: argparse.Namespace) -> int:
    if args.from_format is not None:
        return import_from(args)
    try:
        with _store.open(args.store) as s:
            for path in args.files:
                dossier = _load_or_report(path, progress=args.progress)
                if dossier is None:
                    return 1
                bar = Bar(f"importing {path}", enabled=args.progress)
                try:
                    added = s.extend(dossier.records(), note=f"import {path}", progress=bar)
                finally:
                    bar.close()
                print(f"{path}: {added:,} records added to {args.store}")
    except ClaimsError as exc:
        print(f"{args.store}: {exc}", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.to is None and args.target is None:
        print("claims export: TARGET is needed unless --to is given", file=sys.stderr)
        return 2
    dossier = _load_or_report(args.source, progress=args.progress)
    if dossier is None:
        return 1
    if args.to == "misp":
        return export_misp(dossier, args)
    if args.to is not None:
        return _export_to(dossier, args)
    try:
        if args.format == "parquet":
            from .parquet import export

            bar = Bar(f"writing {args.target}", enabled=args.progress)
            try:
                export(dossier, args.target, progress=bar)
            finally:
                bar.close()
        else:
            dump(dossier, args.target)
    except ClaimsError as exc:
        print(f"{args.target}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.target}: {len(dossier):,} records written")
    return 0


_SCALES = {"dni": "DNI", "admiralty-credibility": "ADMIRALTY_CREDIBILITY"}


def _export_to(dossier: Dossier, args: argparse.Namespace) -> int:
    """``claims export --to stix|prov``: to TARGET, or to standard output."""
    import json
    from pathlib import Path

    from .confidence import StixScale
    from .prov import to_prov
    from .serialize import write_atomic
    from .stix import to_stix_bundle

    try:
        if args.to == "stix":
            scale = StixScale[_SCALES[args.scale]] if args.scale != "none" else None
            data = to_stix_bundle(dossier, scale=scale)
        else:
            data = to_prov(dossier)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if args.target is None:
            sys.stdout.write(text)
        else:
            write_atomic(Path(args.target), text.encode("utf-8"))
            print(f"{args.target}: {args.to} export of {len(dossier):,} records written")
    except ClaimsError as exc:
        print(f"{args.target or args.source}: {exc}", file=sys.stderr)
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from ._schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _graph(args: argparse.Namespace) -> int:
    from .graph import graph

    dossier = _load_or_report(args.file)
    if dossier is None:
        return 1
    sys.stdout.write(graph(dossier, args.format))
    return 0


def _progress_flag(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="draw a progress bar on stderr (default: when stderr is a terminal)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims", description="Who claimed what, how we know, and how much to believe it."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="who claimed what, grouped by claimant")
    report.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    report.add_argument("--width", type=int, default=80, help="widest line (default 80)")
    report.add_argument(
        "--current",
        action="store_true",
        help="only the current view: no superseded or retracted claims",
    )
    report.set_defaults(run=_report)

    validate = commands.add_parser(
        "validate", help="exit 0 if FILE is valid, else list every error with its JSON path"
    )
    validate.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    validate.set_defaults(run=_validate)

    imp = commands.add_parser(
        "import", help="add the records of JSON documents to a store (one batch per file)"
    )
    imp.add_argument("store", metavar="STORE", help="the store (created if missing)")
    imp.add_argument("files", metavar="FILE", nargs="+", help="claims JSON documents")
    _progress_flag(imp)
    add_import_options(imp)
    imp.set_defaults(run=_import)

    exp = commands.add_parser(
        "export", help="write a store or document as a JSON document or Parquet tables"
    )
    exp.add_argument("source", metavar="SOURCE", help="a claims store or JSON document")
    exp.add_argument(
        "target",
        metavar="TARGET",
        nargs="?",
        help="a JSON file, or a directory for Parquet; with --to, standard output if left out",
    )
    exp.add_argument(
        "--format", choices=("json", "parquet"), default="json", help="default json"
    )
    exp.add_argument(
        "--to",
        choices=("stix", "prov", "misp"),
        help="a STIX 2.1 bundle, a W3C PROV-JSON document or a MISP event",
    )
    exp.add_argument(
        "--scale",
        choices=(*_SCALES, "none"),
        default="none",
        help="STIX confidence from the likelihood (dni) or the credibility "
        "(admiralty-credibility); default none: no confidence property",
    )
    _progress_flag(exp)
    exp.set_defaults(run=_export)

    schema = commands.add_parser("schema", help="print the JSON Schema of a claims document")
    schema.set_defaults(run=_schema)

    draw = commands.add_parser("graph", help="draw who said what via whom")
    draw.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    draw.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    draw.set_defaults(run=_graph)
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
