"""``claims import`` and ``claims export``: moving records into and out of a store.

An import reads (and converts) every FILE before it opens the store, so a
file that cannot be read changes nothing; each FILE is then one batch, and
the batches are written in one transaction: all of them or none. A store the
command created is removed again if they fail, so a failed import leaves no
store behind. A FILE with a vocabulary of its own makes it the store's, in
the same transaction (the last such FILE, when there are several).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import store as _store
from .._progress import Bar
from .._terminal import terminal_safe
from .._words import plural
from ..dossier import Dossier
from ..exceptions import ClaimsError
from ..json import dump
from ..parquet import export as export_parquet
from ._exchange import convert
from ._interop import export_to
from ._load import load_or_report, read, say_error

__all__ = ["export", "import_"]

_SIDECARS = ("", "-wal", "-shm", "-journal")
"""The files SQLite may make beside a store."""


def _read_all(args: argparse.Namespace) -> list[tuple[str, Dossier]] | None:
    """Every FILE as a dossier, what a conversion left out listed; None once errors are printed."""
    found = []
    for path in args.files:
        try:
            if args.from_format is None:
                dossier = read(path, progress=args.progress)
            else:
                dossier, lost = convert(path, args.from_format, args.scale)
                for line in lost:
                    print(
                        f"{terminal_safe(path)}: left out: {terminal_safe(line)}", file=sys.stderr
                    )
        except ClaimsError as exc:
            say_error(path, exc, what=f"{args.from_format or 'claims'} document")
            return None
        found.append((path, dossier))
    return found


def _said(done: _store.Updated, update: bool) -> str:
    """What one file's batch did, in words."""
    added = f"{plural(done.added, 'record')} added"
    if not update:
        return added
    return f"{added}, {done.updated:,} updated, {done.unchanged:,} unchanged"


def import_(args: argparse.Namespace) -> int:
    """``claims import STORE FILE...``: one batch per file, all in one transaction."""
    files = _read_all(args)
    if files is None:
        return 1
    target = Path(args.store)
    new = [Path(f"{target}{suffix}") for suffix in _SIDECARS]
    new = [p for p in new if not p.exists()]
    how = f"{args.from_format} " if args.from_format else ""
    verb = "update" if args.update else "import"
    batches = [(d.records(), f"{verb} {how}{path}") for path, d in files]
    label = files[0][0] if len(files) == 1 else f"{len(files)} files"
    bar = Bar(f"importing {label}", enabled=args.progress)
    # The last file with a vocabulary of its own gives the store its vocabulary.
    owned = [d.own_vocabulary for _, d in files if d.own_vocabulary is not None]
    try:
        with _store.open(target) as s:
            done = s.extend_batches(
                batches,
                update=args.update,
                progress=bar,
                vocabulary=owned[-1] if owned else None,
            )
    except ClaimsError as exc:
        bar.close()
        say_error(args.store, exc)
        for made in new:
            made.unlink(missing_ok=True)
        return 1
    bar.close()
    for (path, _), did in zip(files, done, strict=True):
        print(f"{terminal_safe(path)}: {_said(did, args.update)} to {terminal_safe(args.store)}")
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
        say_error(args.target, exc)
        return 1
    print(f"{terminal_safe(args.target)}: {plural(len(dossier), 'record')} written")
    return 0
