"""``claims lint FILE``: what in a dossier an analyst should look at.

Prints `claims.analysis.lint`'s findings, errors first, as text or JSON;
exits 1 if any finding is an error, 0 otherwise (2 when an argument is
wrong). ``--source-text ID=PATH`` gives a source's text, so that the quotes
in it are verified. The dossier is read against its own vocabulary
(`claims.Dossier.vocabulary`); ``--vocabulary PATH`` reads another from a
JSON file (`claims.vocabulary.Vocabulary.from_json`); `add_vocabulary_argument`
gives ``claims report`` the same option.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .._terminal import terminal_safe
from ..analysis import Finding, Severity, lint
from ..exceptions import ClaimsError, LoadError
from ..vocabulary import Vocabulary
from ._load import load_or_report

__all__ = [
    "add_parser",
    "add_vocabulary_argument",
    "read_vocabulary",
    "run_lint",
    "say",
]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``lint`` command to the subparsers `commands`; return its parser."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "lint", help="what to fix: unknown predicates and units, duplicates, quotes, ..."
    )
    parser.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    parser.add_argument(
        "--source-text",
        action="append",
        default=[],
        metavar="ID=PATH",
        help="the text of source ID, to verify its quotes against (repeatable)",
    )
    add_vocabulary_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="default text")
    parser.set_defaults(run=run_lint)
    return parser


def add_vocabulary_argument(parser: argparse.ArgumentParser) -> None:
    """Give a command the ``--vocabulary PATH`` option."""
    parser.add_argument(
        "--vocabulary",
        metavar="PATH",
        help="read the dossier against this vocabulary JSON file (default: the dossier's own, "
        "else the built-in one)",
    )


def _texts(pairs: list[str]) -> dict[str, str] | str:
    """The source texts by id, or what is wrong with the arguments."""
    texts: dict[str, str] = {}
    for pair in pairs:
        ident, sep, path = pair.partition("=")
        if not sep or not ident or not path:
            return f"--source-text {pair!r}: give it as ID=PATH"
        try:
            texts[ident] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return f"--source-text {path}: cannot read it: {exc}"
    return texts


def read_vocabulary(path: str | None) -> Vocabulary | str | None:
    """The vocabulary in the file `path` (None: none given), or what is wrong with it."""
    if path is None:
        return None
    try:
        return Vocabulary.from_json(Path(path).read_bytes())
    except OSError as exc:
        return f"--vocabulary {path}: cannot read it: {exc.strerror}"
    except LoadError as exc:
        lines = "\n".join(f"  {p}" for p in exc.problems)
        return f"--vocabulary {path}: not a valid vocabulary\n{lines}"


def run_lint(args: argparse.Namespace) -> int:
    """Run ``claims lint``; returns the exit status."""
    texts = _texts(args.source_text)
    if isinstance(texts, str):
        return _usage(texts)
    vocabulary = read_vocabulary(args.vocabulary)
    if isinstance(vocabulary, str):
        return _usage(vocabulary)
    dossier = load_or_report(args.file)
    if dossier is None:
        return 1
    try:
        findings = lint(dossier, vocabulary=vocabulary, texts=texts)
    except ClaimsError as exc:  # a --source-text ID that is not a source
        return _usage(f"--source-text: {exc}")
    if args.format == "json":
        print(json.dumps([_builtins(f) for f in findings], indent=2, ensure_ascii=True))
    else:
        _print_text(findings)
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _usage(message: str) -> int:
    say(message, command="lint")
    return 2


def say(message: str, *, command: str) -> None:
    """Print `message` on stderr after ``claims COMMAND:``, each of its lines made safe."""
    lines = "\n".join(terminal_safe(line) for line in message.split("\n"))
    print(f"claims {command}: {lines}", file=sys.stderr)


def _builtins(finding: Finding) -> dict[str, Any]:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "records": list(finding.records),
        "message": finding.message,
        "suggestion": finding.suggestion,
    }


def _print_text(findings: tuple[Finding, ...]) -> None:
    for f in findings:
        records = ", ".join(f.records)
        print(terminal_safe(f"{f.severity.value}: {f.code} [{records}]: {f.message}"))
        if f.suggestion is not None:
            print(terminal_safe(f"  fix: {f.suggestion}"))
    errors, warnings, info = (sum(f.severity is s for f in findings) for s in Severity)
    print(
        f"{errors} error{'' if errors == 1 else 's'}, "
        f"{warnings} warning{'' if warnings == 1 else 's'}, {info} info"
    )
