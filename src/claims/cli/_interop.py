"""``claims export --to``, ``claims schema`` and ``claims graph``: other tools' formats."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .._files import write_atomic
from .._schema import json_schema
from .._terminal import terminal_safe
from ..confidence import StixScale
from ..dossier import Dossier
from ..exceptions import ClaimsError
from ..graph import graph as draw_graph
from ..prov import to_prov
from ..stix import to_stix_bundle
from ._load import load_or_report

__all__ = ["SCALES", "export_to", "graph", "schema"]

SCALES = {"dni": "DNI", "admiralty-credibility": "ADMIRALTY_CREDIBILITY"}
"""``--scale`` choices and the `StixScale` member each names."""


def export_to(dossier: Dossier, args: argparse.Namespace) -> int:
    """``claims export --to stix|prov|misp``: to TARGET, or to standard output."""
    try:
        if args.to == "misp":
            from ..misp import to_event  # PyMISP, an optional dependency

            text = to_event(dossier).to_json(indent=2) + "\n"
        else:
            if args.to == "stix":
                scale = StixScale[SCALES[args.scale]] if args.scale != "none" else None
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
        text = draw_graph(
            dossier,
            args.format,
            claimant=args.claimant,
            subject=args.subject,
            aggregate=True if args.aggregate else None,
        )
    except ClaimsError as exc:
        print(f"{terminal_safe(args.file)}: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0
