"""``claims report``'s options and output: the formats, filters, width and limit.

The report command adds its options with `add_report_arguments` and writes
with `write_report`, in any of `FORMATS`, to standard output or a file.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import views
from .._files import write_atomic
from .._terminal import BIDI_CONTROLS, terminal_safe
from ..dossier import Dossier
from ..exceptions import ClaimsError, StorageError

__all__ = ["FORMATS", "add_report_arguments", "terminal_width", "write_report"]

_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")

FORMATS = ("text", "markdown", "json", "html")
"""The formats of ``claims report``."""


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)!r} is not a number") from None
    if width < views.MIN_WIDTH:
        raise argparse.ArgumentTypeError(
            f"{width} is too narrow: a report needs at least {views.MIN_WIDTH} columns"
        )
    return width


def _limit(text: str) -> int:
    try:
        limit = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)!r} is not a number") from None
    if limit < 0:
        raise argparse.ArgumentTypeError(f"{limit}: give 0 (no limit) or more")
    return limit


def terminal_width() -> int:
    """The terminal's width (80 when it is not a terminal), never below the report's minimum."""
    return max(shutil.get_terminal_size((80, 24)).columns, views.MIN_WIDTH)


def add_report_arguments(report: argparse.ArgumentParser) -> None:
    """Add the report command's options: format, output, width, filters, limit, ids."""
    report.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), markdown, json (the same sections, for programs), "
        "or html: a self-contained briefing page",
    )
    report.add_argument(
        "--width",
        type=_width,
        default=None,
        help="widest line of the text report "
        f"(default: the terminal's; at least {views.MIN_WIDTH})",
    )
    filters = report.add_argument_group(
        "filters", "by id or name; each may be repeated, and a claim must pass them all"
    )
    filters.add_argument(
        "--claimant",
        action="append",
        default=[],
        metavar="ACTOR",
        help="only claims by ACTOR or its parts",
    )
    filters.add_argument(
        "--subject",
        action="append",
        default=[],
        metavar="SUBJECT",
        help="only claims about SUBJECT (an actor, an event or a text)",
    )
    filters.add_argument(
        "--event",
        action="append",
        default=[],
        metavar="EVENT",
        help="only claims about EVENT, as subject or object",
    )
    filters.add_argument(
        "--since",
        metavar="TIME",
        help="only claims made at or after TIME (ISO: 2024-01-04 or 2024-01-04T10:00+03:00)",
    )
    filters.add_argument(
        "--current",
        action="store_true",
        help="only the current view: no superseded or retracted claims",
    )
    report.add_argument(
        "--section",
        action="append",
        default=[],
        choices=tuple(views.REPORT_SECTIONS),
        help="only this section (repeatable; text and json)",
    )
    report.add_argument(
        "--limit",
        type=_limit,
        default=None,
        metavar="N",
        help=f"at most N items per section (default {views.DEFAULT_LIMIT}; "
        "0: all); the report says how many more there are",
    )
    report.add_argument("--ids", action="store_true", help="show record ids")
    report.add_argument(
        "--offsets", action="store_true", help="show where each quote is in its source"
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


def _render(dossier: Dossier, args: argparse.Namespace) -> str:
    filters = {
        "claimant": args.claimant,
        "subject": args.subject,
        "event": args.event,
        "since": args.since,
        "current": args.current,
    }
    if args.format in ("html", "markdown"):
        part = views.subset(dossier, views.select(dossier, **filters))
        if args.format == "markdown":
            if args.limit is None:
                return views.markdown(part)
            return views.markdown(part, limit=args.limit or len(part.claims) + 1)
        texts = _texts(dossier, args.source_text)
        if args.limit is None:
            return views.html(part, texts=texts)
        return views.html(part, texts=texts, limit=args.limit or len(part.claims) + 1)
    limit: int = views.DEFAULT_LIMIT if args.limit is None else args.limit
    if args.format == "json":
        data = views.report_json(dossier, sections=args.section, limit=limit, **filters)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        # Control characters are escaped already; bidi, C1 and separators too,
        # so the JSON reads the same and nothing in it acts on a terminal.
        return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n"
    width = args.width
    if width is None:
        width = 80 if args.output is not None else terminal_width()
    return views.report(
        dossier,
        width=width,
        sections=args.section,
        limit=limit,
        ids=args.ids,
        offsets=args.offsets,
        **filters,
    )


def write_report(dossier: Dossier, args: argparse.Namespace) -> int:
    """Render the report `args` ask for and write it to standard output or ``--output``.

    Args:
        dossier: The dossier to report on.
        args: The report command's arguments (see `add_report_arguments`).

    Returns:
        The exit status: 0; 1 when the output cannot be written or a source
        text read; 2 when a filter names nothing in the dossier.
    """
    output: str | None = args.output
    try:
        rendered = _render(dossier, args)
    except views.ReportError as exc:
        print(f"claims report: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except ClaimsError as exc:
        print(f"claims report: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    try:
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
    print(f"{terminal_safe(output)}: {args.format} report of {n:,} claim{'s' * (n != 1)} written")
    return 0
