"""The ``claims`` command: ``claims report FILE``, ``claims validate FILE`` and more.

The commands, by group (one module each; this one holds the parser):

- reading: ``report``, ``validate`` and ``timeline``;
- the store: ``import``, and ``export`` to a JSON document or Parquet tables;
- other tools' formats: ``export --to stix|prov``, ``schema`` and ``graph``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import metadata

from . import (
    _analyze,
    _draft,
    _exchange,
    _interop,
    _lint,
    _report,
    _report_tables,
    _store,
    _timeline,
    _views,
)
from ._load import progress_flag
from ._report import render_report

__all__ = ["main", "render_report", "run"]


def _version() -> str:
    """The installed release of claims, from the package metadata."""
    try:
        return metadata.version("claims")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims", description="Who claimed what, how we know, and how much to believe it."
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="print the version"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="the findings first, then who claimed what")
    report.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    _views.add_report_arguments(report)
    _report_tables.add_arguments(report)
    _lint.add_vocabulary_argument(report)
    report.set_defaults(run=_report.report)

    validate = commands.add_parser(
        "validate", help="exit 0 if FILE is valid, else list every error with its JSON path"
    )
    validate.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    validate.set_defaults(run=_report.validate)

    imp = commands.add_parser(
        "import", help="add the records of documents to a store (one batch per file)"
    )
    imp.add_argument("store", metavar="STORE", help="the store (created if missing)")
    imp.add_argument(
        "files", metavar="FILE", nargs="+", help="claims JSON documents, JSON Lines or stores"
    )
    progress_flag(imp)
    _exchange.add_import_options(imp)
    imp.set_defaults(run=_store.import_)

    exp = commands.add_parser(
        "export", help="write a store or document as a JSON document or Parquet tables"
    )
    exp.add_argument("source", metavar="SOURCE", help="a claims store or JSON document")
    exp.add_argument(
        "target",
        metavar="TARGET",
        nargs="?",
        help="a JSON file, or a directory for Parquet; with --to, standard output if left out",
    )
    exp.add_argument("--format", choices=("json", "parquet"), default="json", help="default json")
    exp.add_argument(
        "--to",
        choices=("stix", "prov", "misp", "claimreview"),
        help="a STIX 2.1 bundle, a W3C PROV-JSON document, a MISP event or the reviews "
        "as schema.org ClaimReview JSON-LD; what it cannot hold is listed on stderr",
    )
    exp.add_argument(
        "--scale",
        choices=(*_interop.SCALES, "none"),
        default="none",
        help="STIX confidence from the likelihood (dni) or the credibility "
        "(admiralty-credibility); default none: no confidence property",
    )
    progress_flag(exp)
    exp.set_defaults(run=_store.export)

    schema = commands.add_parser("schema", help="print the JSON Schema of a claims document")
    schema.set_defaults(run=_interop.schema)

    draw = commands.add_parser("graph", help="draw who said what via whom")
    draw.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    draw.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    draw.add_argument(
        "--claimant", metavar="ACTOR", help="only this actor's claims and its parts' (id or name)"
    )
    draw.add_argument(
        "--subject", metavar="SUBJECT", help="only the claims about this actor, event or text"
    )
    draw.add_argument(
        "--aggregate",
        action="store_true",
        help="claims saying the same thing as one position, edges counted "
        "(the default past Mermaid's 500 edges)",
    )
    draw.set_defaults(run=_interop.graph)

    _timeline.add_parser(commands)
    _analyze.add_parser(commands)
    _lint.add_parser(commands)
    _draft.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``claims`` command; returns the exit status.

    Args:
        argv: The arguments, without the program name (default: ``sys.argv``).
    """
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


def run() -> None:
    """The console-script entry point: `main`, then exit with its status."""
    sys.exit(main())
