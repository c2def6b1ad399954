"""``claims export --to``, ``claims schema`` and ``claims graph``: other tools' formats."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .. import claimreview
from .._files import write_atomic
from .._schema import json_schema
from .._terminal import terminal_safe
from .._words import plural
from ..confidence import StixScale
from ..dossier import Dossier
from ..exceptions import ClaimsError
from ..graph import graph as draw_graph
from ..prov import to_prov
from ..stix import left_out as stix_left_out
from ..stix import to_stix_bundle
from ._load import load_or_report, say_error
from ._output import safe_json, safe_text

__all__ = ["SCALES", "export_to", "graph", "schema"]

SCALES = {"dni": "DNI", "admiralty-credibility": "ADMIRALTY_CREDIBILITY"}
"""``--scale`` choices and the `StixScale` member each names."""


def export_to(dossier: Dossier, args: argparse.Namespace) -> int:
    """``claims export --to stix|prov|misp|claimreview``: to TARGET, or to standard output.

    What the target format cannot hold is listed on standard error, a line each.
    """
    lost: tuple[str, ...] = ()
    try:
        if args.to == "misp":
            from ..misp import left_out, to_event  # PyMISP, an optional dependency

            text = to_event(dossier).to_json(indent=2) + "\n"
            lost = left_out(dossier)
        else:
            data: Any
            if args.to == "stix":
                scale = StixScale[SCALES[args.scale]] if args.scale != "none" else None
                data = to_stix_bundle(dossier, scale=scale)
                lost = stix_left_out(dossier)
            elif args.to == "claimreview":
                reviews = claimreview.export(dossier)
                data, lost = reviews.document, reviews.lost
            else:
                data = to_prov(dossier)
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if args.target is None:
            sys.stdout.write(safe_json(text))
        else:
            write_atomic(Path(args.target), text.encode("utf-8"))
            said = f"{args.to} export of {plural(len(dossier), 'record')} written"
            print(f"{terminal_safe(args.target)}: {said}")
    except ClaimsError as exc:
        say_error(args.target or args.source, exc)
        return 1
    for line in lost:
        print(f"{args.to} export: left out: {terminal_safe(line)}", file=sys.stderr)
    return 0


def schema(args: argparse.Namespace) -> int:
    """``claims schema``: the JSON Schema of a claims document on standard output."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def graph(args: argparse.Namespace) -> int:
    """``claims graph FILE``: the attribution graph as Mermaid or DOT."""
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    try:
        drawn = draw_graph(
            dossier,
            args.format,
            claimant=args.claimant,
            subject=args.subject,
            aggregate=True if args.aggregate else None,
        )
    except ClaimsError as exc:
        say_error(args.file, exc)
        return 1
    sys.stdout.write(safe_text(drawn))
    return 0
