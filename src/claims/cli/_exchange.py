"""``claims import --from stix|misp``: other tools' documents into a store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .. import store as _store
from ..dossier import Dossier
from ..exceptions import ClaimsError, LoadError

__all__ = ["add_import_options", "import_from"]

_SCALES = {"dni": "DNI", "admiralty-credibility": "ADMIRALTY_CREDIBILITY"}


def add_import_options(command: argparse.ArgumentParser) -> None:
    """The ``--from`` and ``--scale`` options of ``claims import``."""
    command.add_argument(
        "--from",
        dest="from_format",
        choices=("stix", "misp"),
        help="the FILEs are STIX 2.1 bundles or MISP events, not claims documents; "
        "what they cannot express is listed on stderr",
    )
    command.add_argument(
        "--scale",
        choices=(*_SCALES, "none"),
        default="none",
        help="read a STIX confidence without the claims extension as a likelihood (dni) "
        "or a credibility (admiralty-credibility); default none: listed as not read",
    )


def _convert(path: str, fmt: str, scale_name: str) -> tuple[Dossier, tuple[str, ...]]:
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClaimsError(f"cannot read it as JSON: {exc}") from None
    if fmt == "stix":
        from ..confidence import StixScale
        from ..stix import from_stix_bundle

        scale = StixScale[_SCALES[scale_name]] if scale_name != "none" else None
        stix = from_stix_bundle(data, scale=scale)
        return stix.dossier, stix.lost
    from ..misp import from_event

    misp = from_event(data)
    return misp.dossier, misp.lost


def import_from(args: argparse.Namespace) -> int:
    """``claims import --from stix|misp STORE FILE...``: convert, list what was left out, add."""
    try:
        with _store.open(args.store) as s:
            for path in args.files:
                try:
                    dossier, lost = _convert(path, args.from_format, args.scale)
                except LoadError as exc:
                    print(f"{path}: not a valid {args.from_format} document", file=sys.stderr)
                    for problem in exc.problems:
                        print(f"  {problem}", file=sys.stderr)
                    return 1
                except ClaimsError as exc:
                    print(f"{path}: {exc}", file=sys.stderr)
                    return 1
                for line in lost:
                    print(f"{path}: left out: {line}", file=sys.stderr)
                added = s.extend(dossier.records(), note=f"import {args.from_format} {path}")
                print(f"{path}: {added:,} records added to {args.store}")
    except ClaimsError as exc:
        print(f"{args.store}: {exc}", file=sys.stderr)
        return 1
    return 0
