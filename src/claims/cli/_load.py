"""Reading the file a command names, with its errors printed for the user.

A command's FILE is a claims JSON document, a JSON Lines file or a store;
`read` tells them apart (a store by its SQLite header, JSON Lines by its
``.jsonl`` or ``.ndjson`` name) and `load_or_report` prints what went wrong.
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
from ..exceptions import ClaimsError, IntegrityError, LoadError, StoreError
from ..json import load
from ..jsonl import load_lines

__all__ = ["LINES_SUFFIXES", "load_or_report", "progress_flag", "read", "say_error"]

LINES_SUFFIXES = (".jsonl", ".ndjson")
"""File names read as JSON Lines rather than as one JSON document."""


def read(path: str, *, progress: bool | None = None) -> Dossier:
    """The dossier in `path`: a store, a JSON Lines file or a JSON document.

    Args:
        path: The file.
        progress: Draw a progress bar while reading a store (None: when
            standard error is a terminal).

    Raises:
        LoadError: The file is not a valid claims document (or store).
        ClaimsError: It could not be read.
    """
    if _store.is_store(path):
        return _read_store(path, progress)
    if Path(path).suffix.lower() in LINES_SUFFIXES:
        return load_lines(path)
    return load(path)


def say_error(path: str, exc: ClaimsError, *, what: str = "claims document") -> None:
    """Print `exc` on stderr as about `path`, every document string made terminal-safe.

    Args:
        path: The file the error is about.
        exc: The error; a `LoadError` or `IntegrityError` is printed with one
            problem a line.
        what: What the file should have been, for ``not a valid ...``.
    """
    if isinstance(exc, (LoadError, IntegrityError)):
        head = f"not a valid {what}"
        if isinstance(exc, IntegrityError):
            head = f"{exc.headline} ({plural(len(exc.problems), 'problem')}):"
        print(f"{terminal_safe(str(path))}: {head}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {terminal_safe(str(problem))}", file=sys.stderr)
    elif isinstance(exc, StoreError):  # its message starts with the store's file
        print(terminal_safe(str(exc)), file=sys.stderr)
    else:
        print(f"{terminal_safe(str(path))}: {terminal_safe(str(exc))}", file=sys.stderr)


def load_or_report(path: str, *, progress: bool | None = None) -> Dossier | None:
    """The dossier in `path` (see `read`); None once errors are printed.

    Args:
        path: A claims JSON document, JSON Lines file or store.
        progress: Draw a progress bar while reading a store (None: when
            standard error is a terminal).
    """
    try:
        return read(path, progress=progress)
    except ClaimsError as exc:
        say_error(path, exc)
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
