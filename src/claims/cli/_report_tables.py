"""``claims report TABLES``: the findings of a Parquet export, computed by an engine.

For claims past one machine's memory: the contradictions, corroborations,
silences and current view come from `claims.sql` (DuckDB, or Spark with
``--engine spark``), never from a dossier in memory, and are printed as text
or JSON.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from .._files import write_atomic
from .._terminal import terminal_safe
from ..exceptions import ClaimsError

__all__ = ["add_arguments", "is_tables", "report_tables", "wanted"]


def add_arguments(report: argparse.ArgumentParser) -> None:
    """Add ``--engine`` to the report command."""
    from ..sql import ENGINES

    report.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="compute the findings with this SQL engine (default duckdb for a Parquet export)",
    )


def is_tables(path: str) -> bool:
    """Whether `path` is a Parquet export: a directory with ``claims.parquet``, or a URL."""
    return "://" in path or (Path(path) / "claims.parquet").is_file()


def wanted(args: argparse.Namespace) -> bool:
    """Whether ``claims report`` should compute its findings with an engine."""
    return is_tables(args.file) or getattr(args, "engine", None) is not None


def findings(tables: Any, *, engine: str) -> dict[str, Any]:
    """Each finding of `tables` as rows: counts, contradictions, corroborations, silences, current.

    Only the corroborations with two origins or more or a partial
    supporter (a ``supports`` link from a claim that does not state what
    it supports) and the claims that were replaced are kept; ``counts``
    has the totals (``corroborated``: two origins or more).

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    from .. import sql

    pc = importlib.import_module("pyarrow.compute")

    contradictions = sql.contradictions(tables, engine=engine).to_pylist()
    # Only the rows shown become Python objects: one per claim would not fit.
    corroborations = sql.corroborations(tables, engine=engine)
    shown = (pc.field("count") >= 2) | (pc.list_value_length(pc.field("partial")) > 0)
    corroborated = corroborations.filter(shown).to_pylist()
    silences = sql.silences(tables, engine=engine).to_pylist()
    current = sql.current(tables, engine=engine)
    replaced = current.filter(pc.field("status") != "active").to_pylist()
    counts = {
        "claims": current.num_rows,
        "contradictions": len(contradictions),
        "corroborated": sum(r["count"] >= 2 for r in corroborated),
        "silences": len(silences),
        "replaced": len(replaced),
    }
    return {
        "counts": counts,
        "contradictions": contradictions,
        "corroborations": corroborated,
        "silences": silences,
        "current": replaced,
    }


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def render(found: dict[str, Any], *, title: str) -> str:
    """`found` (as `findings` gives it) as text, every document string made safe."""
    return "".join(line + "\n" for line in _lines(found, title=title))


def _lines(found: dict[str, Any], *, title: str) -> Iterator[str]:
    safe = terminal_safe
    counts = found["counts"]
    yield f"Findings: {safe(title)}"
    yield (
        f"{_plural(counts['claims'], 'claim')}, "
        f"{_plural(counts['contradictions'], 'contradiction')}, "
        f"{counts['corroborated']:,} corroborated, "
        f"{_plural(counts['silences'], 'silence')}, "
        f"{counts['replaced']:,} replaced"
    )
    if found["contradictions"]:
        yield ""
        yield "Contradictions"
        for r in found["contradictions"]:
            linked = " (linked)" if r["linked"] else ""
            yield f"- {safe(r['claim'])} × {safe(r['other'])}: {safe(r['reason'])}{linked}"
    if found["corroborations"]:
        yield ""
        yield "Corroborations"
        for r in found["corroborations"]:
            origins = "; ".join(
                ", ".join(safe(c) for c in o) + (f" (not counted: {why})" if why else "")
                for o, why in zip(r["origins"], r["uncounted"], strict=True)
            )
            many = _plural(r["count"], "independent origin")
            line = f"- {safe(r['claim'])}: {many}: {origins}"
            if r["partial"]:
                partly = ", ".join(safe(c) for c in r["partial"])
                line += f"; supported in part by {partly} (not counted: not the same statement)"
            yield line
    if found["silences"]:
        yield ""
        yield "Silences"
        for r in found["silences"]:
            if r["kind"] == "reported":
                yield f"- {safe(r['actor'])}: {safe(r['stance'])} ({safe(r['claim'])})"
            else:
                accused = ", ".join(safe(c) for c in r["accusations"])
                yield f"- {safe(r['actor'])}: accusations unanswered: {accused}"
    if found["current"]:
        yield ""
        yield "Replaced"
        for r in found["current"]:
            now = "nothing" if r["current"] is None else safe(r["current"])
            yield (
                f"- {safe(r['claim'])}: {safe(r['status'])} by {safe(r['status_by'])}; "
                f"current: {now}"
            )


def _source(path: str) -> Any:
    """What `claims.sql` reads for `path`: the path itself, or a document's tables."""
    if is_tables(path) or not os.path.isfile(path):
        return path
    with open(path, "rb") as f:
        if f.read(16) == b"SQLite format 3\x00":
            return path
    from .. import load, parquet

    return parquet.tables(load(path))


def report_tables(args: argparse.Namespace) -> int:
    """``claims report TABLES``: the engine's findings on standard output or in a file."""
    engine = args.engine or "duckdb"
    if args.format not in ("text", "json"):
        print(
            f"claims report: --format {args.format} needs the dossier in memory; "
            "an engine's report is text or json",
            file=sys.stderr,
        )
        return 2
    try:
        found = findings(_source(args.file), engine=engine)
    except (ClaimsError, OSError) as exc:
        print(f"claims report: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    if args.format == "json":
        data = orjson.dumps(found, option=orjson.OPT_INDENT_2) + b"\n"
    else:
        data = render(found, title=args.file).encode("utf-8")
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        write_atomic(Path(args.output), data)
    except (ClaimsError, OSError) as exc:
        print(f"claims report: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
    return 0
