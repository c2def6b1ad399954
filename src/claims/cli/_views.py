"""``claims report --format html|markdown -o FILE``: the briefing from the command line.

The report command adds these options with `add_report_arguments` and hands
over with `write_report` whenever the plain text report to standard output
is not what was asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import views
from .._files import write_atomic
from .._terminal import terminal_safe
from ..dossier import Dossier
from ..exceptions import ClaimsError, StorageError

__all__ = ["FORMATS", "add_report_arguments", "write_report"]

FORMATS = ("text", "markdown", "html")
"""The formats of ``claims report``."""


def add_report_arguments(report: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``-o/--output`` and ``--source-text`` to the report command."""
    report.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), markdown, or html: a self-contained briefing page",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE (replaced whole, or left as it was) "
        "instead of standard output",
    )
    report.add_argument(
        "--source-text",
        metavar="ID=PATH",
        action="append",
        default=[],
        help="the text of source ID, a UTF-8 file, to show quotes in place (html; repeatable)",
    )


def _texts(dossier: Dossier, pairs: Sequence[str]) -> dict[str, str]:
    texts = {}
    for pair in pairs:
        source, sep, path = pair.partition("=")
        if not sep or not source or not path:
            raise ClaimsError(f"--source-text {terminal_safe(pair)!r}: expected ID=PATH")
        if source not in dossier.sources:
            raise ClaimsError(f"--source-text: no source with id {terminal_safe(source)!r}")
        try:
            texts[source] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ClaimsError(
                f"--source-text {terminal_safe(path)}: cannot read it: {exc}"
            ) from exc
    return texts


def write_report(
    dossier: Dossier,
    *,
    format: str,
    output: str | None,
    source_texts: Sequence[str] = (),
    text: Callable[[], str],
) -> int:
    """Render the report in `format` and write it to `output` or standard output.

    Args:
        dossier: The dossier to report on.
        format: ``"text"``, ``"markdown"`` or ``"html"``.
        output: The file to write, replaced atomically; standard output if ``None``.
        source_texts: ``ID=PATH`` pairs: the text of sources, for the HTML briefing.
        text: Makes the plain text report (for ``--format text -o FILE``).

    Returns:
        The exit status: 0, or 1 with the error on standard error.
    """
    try:
        if format == "html":
            rendered = views.html(dossier, texts=_texts(dossier, source_texts))
        elif format == "markdown":
            rendered = views.markdown(dossier)
        else:
            rendered = text()
        if output is None:
            sys.stdout.write(rendered)
            return 0
        target = Path(output)
        try:
            write_atomic(target, rendered.encode("utf-8"))
        except OSError as exc:
            if isinstance(exc, StorageError):
                raise
            raise StorageError(exc.errno, f"cannot write {output}: {exc.strerror}") from exc
    except ClaimsError as exc:
        print(f"claims report: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    n = len(dossier.claims)
    print(f"{terminal_safe(output)}: {format} report of {n:,} claim{'s' * (n != 1)} written")
    return 0
