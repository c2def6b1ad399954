"""A question's answer written straight to Parquet by the engine, never held in Python."""

from __future__ import annotations

import importlib
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from ..exceptions import ClaimsError
from ._engines import writing
from ._questions import QUESTIONS


def write(
    question: str,
    tables: Any,
    out: str | os.PathLike[str],
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    **options: Any,
) -> int:
    """Answer `question` into the Parquet file `out`, written by the engine itself.

    The rows and columns are those the question's function returns, in
    its order; but the answer goes from the engine to the file without
    passing through Python, so an answer larger than memory can be written
    (DuckDB writes with ``COPY ... TO``, Spark with ``DataFrame.write``).
    DuckDB writes one file; Spark writes a directory of part files, one per
    partition, in order, which `pyarrow.parquet.read_table`, DuckDB and
    Spark read as one table. A local `out` is written beside itself first
    and put in place only when whole, so a failure leaves what was there.

    >>> import tempfile, claims, pyarrow.parquet as pq
    >>> from claims import parquet, sql
    >>> tables, out = tempfile.mkdtemp(), tempfile.mkdtemp()
    >>> _ = parquet.export(claims.load("seeds/baghdad-drone-strike.json"), tables)
    >>> sql.write("corroborations", tables, f"{out}/corroborations.parquet")
    41
    >>> pq.read_table(f"{out}/corroborations.parquet").num_rows
    41

    Args:
        question: A name in `claims.sql.QUESTIONS`, such as
            ``"corroborations"``.
        tables: As for `contradictions`.
        out: The Parquet file (a directory on Spark) to write, a local
            path or a URL the engine writes to; replaced if it exists.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.
        **options: The question's own keyword arguments, such as
            ``include_inactive``.

    Returns:
        The number of rows written.

    Raises:
        ClaimsError: An unknown question, `tables` cannot be read, the
            engine is missing, or `out` cannot be written.
    """
    if question not in QUESTIONS:
        raise ClaimsError(f"unknown question {question!r}: choose one of {', '.join(QUESTIONS)}")
    target = os.fspath(out)
    local = "://" not in target
    path = Path(target)
    if local and not path.parent.is_dir():
        raise ClaimsError(f"{target}: cannot write the answer: no directory {path.parent}")
    draft = str(path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.tmp") if local else target
    try:
        with writing(draft) as output:
            answer = QUESTIONS[question](tables, engine=engine, session=session, **options)
        _check(output.schema, answer.schema, target)
        if local:
            _replace(Path(draft), path)
    except BaseException as exc:
        if local:
            _remove(Path(draft))
        if isinstance(exc, OSError):
            raise ClaimsError(f"{target}: cannot write the answer: {exc.strerror or exc}") from exc
        raise
    return output.rows


def _check(written: Any, declared: Any, target: str) -> None:
    """Fail unless `written` has the names and types of `declared` (string kinds aside)."""
    got = [(f.name, _plain(f.type)) for f in written]
    want = [(f.name, _plain(f.type)) for f in declared]
    if got != want:
        raise ClaimsError(f"{target}: the engine wrote columns {got}, not the answer's {want}")


def _plain(kind: Any) -> str:
    """A type's name with string and list kinds alike and list fields unnamed."""
    pa = importlib.import_module("pyarrow")
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"list<{_plain(kind.value_type)}>"
    if pa.types.is_large_string(kind):
        return "string"
    return str(kind)


def _replace(draft: Path, path: Path) -> None:
    """Put `draft` at `path`, replacing a file or directory there."""
    if path.exists() and (draft.is_dir() or (path.is_dir() and not path.is_symlink())):
        old = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.old"
        path.rename(old)
        draft.rename(path)
        _remove(old)
    else:
        os.replace(draft, path)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
