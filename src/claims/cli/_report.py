"""``claims report`` and ``claims validate``: a dossier for a reader, or its errors.

The report itself is `claims.views.report` (text) and `claims.views.report_json`;
its options and formats are in `claims.cli._views`.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from .. import views
from .._terminal import terminal_safe
from ..dossier import Dossier
from . import _report_tables
from ._lint import read_vocabulary, say
from ._load import load_or_report
from ._views import write_report

__all__ = ["render_report", "report", "validate"]


def render_report(dossier: Dossier, *, width: int = 80, current: bool = False) -> str:
    """The text report of `dossier`: deprecated, use `claims.views.report`.

    Args:
        dossier: The dossier to report on.
        width: The widest line, in characters.
        current: Only the current view: no superseded or retracted claims.
    """
    warnings.warn(
        "claims.cli.render_report is deprecated; use claims.views.report",
        DeprecationWarning,
        stacklevel=2,
    )
    return views.report(dossier, width=width, current=current)


def report(args: argparse.Namespace) -> int:
    """``claims report FILE``: the report on standard output or in ``--output``.

    With ``--vocabulary PATH``, the dossier is read against that vocabulary
    rather than its own.
    """
    vocabulary = read_vocabulary(getattr(args, "vocabulary", None))
    if isinstance(vocabulary, str):
        say(vocabulary, command="report")
        return 2
    if _report_tables.wanted(args):
        if vocabulary is not None:
            print(
                "claims report: --vocabulary needs the dossier in memory; "
                "an engine's report reads the tables as they are",
                file=sys.stderr,
            )
            return 2
        return _report_tables.report_tables(args)
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    if vocabulary is not None:
        dossier.vocabulary = vocabulary
    return write_report(dossier, args)


def validate(args: argparse.Namespace) -> int:
    """``claims validate FILE``: exit 0 if the file is valid, else print every error."""
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    counts = views.summary(dossier).removeprefix("Dossier: ")
    print(f"{terminal_safe(args.file)}: valid ({counts})")
    return 0
