"""``claims analyze TABLES``: a question on DuckDB or Spark, past memory.

TABLES is a Parquet export directory (``claims export SRC DIR --format
parquet``), a URL the engine reads, a store, or a claims JSON document or
JSON Lines file (read into memory first). The answer goes to
``-o OUT.parquet`` (written by the engine itself, so it is never held in
memory here; on Spark a directory of part files), ``-o OUT.jsonl``, or as
JSON Lines to standard output.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from .. import views
from .._terminal import terminal_safe
from .._words import plural
from ..exceptions import ClaimsError
from ..store import is_store
from ._load import load_or_report
from ._output import safe_json


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``analyze`` command to the subparsers `commands`; return its parser."""
    from ..sql import ENGINES, QUESTIONS

    parser: argparse.ArgumentParser = commands.add_parser(
        "analyze", help="answer a question with SQL on DuckDB or Spark, past memory"
    )
    parser.add_argument(
        "tables",
        metavar="TABLES",
        help="a Parquet export directory or URL, a store, or a JSON document or JSON Lines",
    )
    parser.add_argument("--question", required=True, choices=sorted(QUESTIONS))
    parser.add_argument("--engine", choices=ENGINES, default="duckdb", help="default duckdb")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="OUT.parquet (written by the engine; a directory on Spark) or OUT.jsonl; "
        "default standard output",
    )
    parser.set_defaults(run=analyze)
    return parser


def analyze(args: argparse.Namespace) -> int:
    """Run ``claims analyze``; returns the exit status."""
    from ..sql import QUESTIONS, write

    output = args.output
    if output is not None and not output.endswith((".parquet", ".jsonl")):
        print(
            f"claims analyze: {terminal_safe(output)}: the output must end in .parquet or .jsonl",
            file=sys.stderr,
        )
        return 2
    tables: Any = args.tables
    if Path(tables).is_file() and not is_store(tables):  # a JSON document or JSON Lines
        dossier = load_or_report(tables)
        if dossier is None:
            return 1
        tables = views.to_arrow(dossier)
    print(f"{args.question} on {args.engine}: {terminal_safe(args.tables)} ...", file=sys.stderr)
    started = time.perf_counter()
    try:
        if output is not None and output.endswith(".parquet"):
            rows = write(args.question, tables, output, engine=args.engine)
        else:
            table = QUESTIONS[args.question](tables, engine=args.engine)
            rows = table.num_rows
    except ClaimsError as exc:
        print(f"claims analyze: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    try:
        if output is None:
            _lines(table, sys.stdout.buffer, safe=True)
            sys.stdout.flush()
        elif not output.endswith(".parquet"):
            with open(output, "wb") as f:
                _lines(table, f)
    except OSError as exc:
        print(
            f"claims analyze: cannot write {terminal_safe(output)}: {exc.strerror}", file=sys.stderr
        )
        return 1
    where = "" if output is None else f" written to {terminal_safe(output)}"
    print(f"{args.question}: {plural(rows, 'row')} in {took:.2f} s{where}", file=sys.stderr)
    return 0


def _lines(table: Any, out: Any, *, safe: bool = False) -> None:
    """Write `table` as JSON Lines; `safe`: for a terminal (`safe_json`)."""
    for batch in table.to_batches(max_chunksize=10_000):
        for row in batch.to_pylist():
            line = orjson.dumps(row)
            if safe:
                line = safe_json(line.decode("utf-8")).encode("utf-8")
            out.write(line + b"\n")
