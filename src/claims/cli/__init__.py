"""The ``claims`` command: ``claims report FILE``, ``claims validate FILE`` and more.

The commands, by group (one module each; this one holds the parser):

- reading: ``report`` and ``validate``;
- the store: ``import``, and ``export`` to a JSON document or Parquet tables;
- other tools' formats: ``export --to stix|prov``, ``schema`` and ``graph``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import _analyze, _draft, _exchange, _interop, _report, _report_tables, _store, _views
from ._load import progress_flag
from ._report import render_report

__all__ = ["main", "render_report", "run"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims", description="Who claimed what, how we know, and how much to believe it."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="who claimed what, grouped by claimant")
    report.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    report.add_argument("--width", type=int, default=80, help="widest line (default 80)")
    report.add_argument(
        "--current",
        action="store_true",
        help="only the current view: no superseded or retracted claims",
    )
    _views.add_report_arguments(report)
    _report_tables.add_arguments(report)
    report.set_defaults(run=_report.report)

    validate = commands.add_parser(
        "validate", help="exit 0 if FILE is valid, else list every error with its JSON path"
    )
    validate.add_argument("file", metavar="FILE", help="a claims JSON document or store")
    validate.set_defaults(run=_report.validate)

    imp = commands.add_parser(
        "import", help="add the records of JSON documents to a store (one batch per file)"
    )
    imp.add_argument("store", metavar="STORE", help="the store (created if missing)")
    imp.add_argument("files", metavar="FILE", nargs="+", help="claims JSON documents")
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
        choices=("stix", "prov", "misp"),
        help="a STIX 2.1 bundle, a W3C PROV-JSON document or a MISP event",
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
    draw.set_defaults(run=_interop.graph)

    _analyze.add_parser(commands)
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
