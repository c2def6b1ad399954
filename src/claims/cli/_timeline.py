"""``claims timeline FILE``: when each claim was made and reported, in time order."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .. import analysis, views
from .._model import ActorRef, EventRef, Text
from .._terminal import terminal_safe
from .._words import plural
from ..analysis import Moment, MomentKind
from ..dossier import Dossier
from ..exceptions import ClaimsError
from ._load import load_or_report

__all__ = ["add_parser", "timeline"]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``timeline`` command to the subparsers `commands`; return its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "timeline", help="when each claim was made and reported, as precisely as known"
    )
    parser.add_argument("file", metavar="FILE", help="a claims JSON document, JSON Lines or store")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="default text")
    parser.add_argument(
        "--claimant", metavar="ACTOR", help="only claims of this actor (id or name)"
    )
    parser.add_argument(
        "--subject", metavar="SUBJECT", help="only claims about this actor or event (id or name)"
    )
    parser.add_argument(
        "--current", action="store_true", help="leave out superseded and retracted claims"
    )
    parser.set_defaults(run=timeline)
    return parser


def _actor_ids(dossier: Dossier, wanted: str) -> set[str]:
    """The actors `wanted` names: by id, or by name or alias (case aside)."""
    folded = wanted.casefold()
    return {
        a.id
        for a in dossier.actors.values()
        if a.id == wanted or any(n.casefold() == folded for n in (a.name, *a.aliases))
    } or {wanted}


def _keep(dossier: Dossier, args: argparse.Namespace) -> set[str]:
    """The ids of the claims the filters keep."""
    kept = set(dossier.claims)
    if args.claimant is not None:
        actors = _actor_ids(dossier, args.claimant)
        kept = {c for c in kept if dossier.claims[c].claimant in actors}
    if args.subject is not None:
        wanted = _actor_ids(dossier, args.subject) | {args.subject}
        folded = args.subject.casefold()
        wanted |= {e.id for e in dossier.events.values() if e.description.casefold() == folded}

        def about(claim_id: str) -> bool:
            subject = dossier.claims[claim_id].proposition.subject
            if isinstance(subject, (ActorRef, EventRef)):
                return subject.id in wanted
            return isinstance(subject, Text) and bool(subject.value.casefold() == folded)

        kept = {c for c in kept if about(c)}
    return kept


def _line(dossier: Dossier, moment: Moment, width: int) -> str:
    claim = dossier.claims[moment.claim]
    said = views.summary(claim, dossier)
    if moment.kind is MomentKind.REPORTED:
        name = dossier.actors[moment.actor].name
        said = f"{name} reports in {moment.source}: {said}"
    when = _when(moment)
    if claim.made is not None and claim.made.words is not None and moment.kind is MomentKind.MADE:
        said = f"{said} ({claim.made.words!r})"
    return terminal_safe(
        f"{when:<{width}}  {moment.when.precision.value:<6} {moment.kind.value:<8} "
        f"{said} [{moment.claim}]"
    )


def _when(moment: Moment) -> str:
    """The moment's time; ``~`` before one placed at its source's publication."""
    return f"~{moment.when}" if moment.approximate else str(moment.when)


def _as_json(moment: Moment) -> dict[str, Any]:
    return {
        "when": str(moment.when),
        "start": moment.when.start.isoformat(),
        "end": moment.when.end.isoformat(),
        "precision": moment.when.precision.value,
        "approximate": moment.approximate,
        "kind": moment.kind.value,
        "claim": moment.claim,
        "actor": moment.actor,
        "source": moment.source,
    }


def timeline(args: argparse.Namespace) -> int:
    """``claims timeline FILE``: one line per dated moment, then the undated claims counted."""
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    try:
        kept = _keep(dossier, args)
        moments = [
            m for m in analysis.timeline(dossier, include_inactive=not args.current)
            if m.claim in kept
        ]  # fmt: skip
        shown = {m.claim for m in moments}
        if args.current:
            kept &= set(analysis.current(dossier).claims)
        undated = sorted(kept - shown)
        if args.format == "json":
            data = {"moments": [_as_json(m) for m in moments], "undated": undated}
            sys.stdout.write(json.dumps(data, indent=2) + "\n")
            return 0
        width = max((len(_when(m)) for m in moments), default=0)
        lines = [_line(dossier, m, width) for m in moments]
    except ClaimsError as exc:
        print(f"{terminal_safe(args.file)}: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    lines.append(
        f"{plural(len(shown), 'claim')} dated, {plural(len(undated), 'claim')} "
        "with no time made or reported"
    )
    if any(m.approximate for m in moments):
        lines.append("~ a time given only in words, placed at its source's publication")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
