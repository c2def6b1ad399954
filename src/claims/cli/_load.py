"""Reading the file a command names, with its errors printed for the user."""

from __future__ import annotations

import argparse
import sys

from .. import store as _store
from .._progress import Bar
from .._terminal import terminal_safe
from ..dossier import Dossier
from ..exceptions import ClaimsError, IntegrityError, LoadError
from ..json import load

__all__ = ["load_or_report", "progress_flag"]


def load_or_report(path: str, *, progress: bool | None = None) -> Dossier | None:
    """The dossier in `path`, a JSON document or a store; None once errors are printed.

    Args:
        path: A claims JSON document or store.
        progress: Draw a progress bar while reading a store (None: when
            standard error is a terminal).
    """
    try:
        if _store.is_store(path):
            return _read_store(path, progress)
        return load(path)
    except LoadError as exc:
        print(f"{terminal_safe(str(path))}: not a valid claims document", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {terminal_safe(str(problem))}", file=sys.stderr)
        return None
    except ClaimsError as exc:
        print(f"{terminal_safe(str(path))}: {terminal_safe(str(exc))}", file=sys.stderr)
        return None


def _read_store(path: str, progress: bool | None) -> Dossier:
    bar = Bar(f"reading {path}", enabled=progress)
    try:
        with _store.open(path, read_only=True) as s:
            return s.dossier(progress=bar)
    except IntegrityError as exc:
        raise LoadError(exc.problems) from None
    finally:
        bar.close()


def progress_flag(command: argparse.ArgumentParser) -> None:
    """Give `command` the ``--progress`` / ``--no-progress`` option."""
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="draw a progress bar on stderr (default: when stderr is a terminal)",
    )
