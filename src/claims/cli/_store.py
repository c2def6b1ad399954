"""``claims import`` and ``claims export``: moving records into and out of a store."""

from __future__ import annotations

import argparse
import sys

from .. import store as _store
from .._progress import Bar
from ..exceptions import ClaimsError
from ..json import dump
from ..parquet import export as export_parquet
from ._exchange import import_from
from ._interop import export_to
from ._load import load_or_report

__all__ = ["export", "import_"]


def import_(args: argparse.Namespace) -> int:
    """``claims import STORE FILE...``: one batch per file, all or nothing each."""
    if args.from_format is not None:
        return import_from(args)
    try:
        with _store.open(args.store) as s:
            for path in args.files:
                dossier = load_or_report(path, progress=args.progress)
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


def export(args: argparse.Namespace) -> int:
    """``claims export SOURCE [TARGET]``: a JSON document, Parquet tables, STIX or PROV."""
    if args.to is None and args.target is None:
        print("claims export: TARGET is needed unless --to is given", file=sys.stderr)
        return 2
    dossier = load_or_report(args.source, progress=args.progress)
    if dossier is None:
        return 1
    if args.to is not None:
        return export_to(dossier, args)
    try:
        if args.format == "parquet":
            bar = Bar(f"writing {args.target}", enabled=args.progress)
            try:
                export_parquet(dossier, args.target, progress=bar)
            finally:
                bar.close()
        else:
            dump(dossier, args.target)
    except ClaimsError as exc:
        print(f"{args.target}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.target}: {len(dossier):,} records written")
    return 0
