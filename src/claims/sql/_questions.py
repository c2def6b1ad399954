"""One function per question, each returning a `pyarrow.Table`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from typing import Any

from ..analysis import FUNCTIONAL_PREDICATES, INVERSE_FUNCTIONAL_PREDICATES
from . import _queries
from ._engines import engine as _engine

APPROXIMATE_TOLERANCE = 0.25
"""How far an approximate quantity stretches, as `claims.analysis` has it."""


def _cast(table: Any, schema: Any) -> Any:
    """`table` with the column types of `schema` (engines differ in string and int kinds)."""
    return table.select(schema.names).cast(schema)


def _pa() -> Any:
    return importlib.import_module("pyarrow")


def _schema(*fields: tuple[str, Any]) -> Any:
    return _pa().schema(list(fields))


def contradictions(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = False,
    functional: Collection[str] = FUNCTIONAL_PREDICATES,
    inverse_functional: Collection[str] = INVERSE_FUNCTIONAL_PREDICATES,
    tolerance: float = APPROXIMATE_TOLERANCE,
) -> Any:
    """Every pair of claims that cannot both hold, as `claims.analysis.contradictions` finds them.

    Args:
        tables: A Parquet export directory (or a URL the engine reads), a
            mapping of table name to Arrow table, or a store path.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: The Spark session to use; a local one when not given.
        include_inactive: Also compare superseded and retracted claims.
        functional: Predicates with one value per subject.
        inverse_functional: Predicates with one subject per object.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Returns:
        Columns ``claim``, ``other`` (the claim added after ``claim``),
        ``reason`` (a `claims.analysis.ContradictionReason` value) and
        ``linked`` (an explicit ``contradicts`` link is recorded too), one
        row per pair, in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _queries.contradiction_pairs(
            _queries.Run(e),
            include_inactive=include_inactive,
            functional=functional,
            inverse_functional=inverse_functional,
            tolerance=tolerance,
        )
    schema = _schema(
        ("claim", pa.string()),
        ("other", pa.string()),
        ("reason", pa.string()),
        ("linked", pa.bool_()),
    )
    return _cast(found, schema)


def corroborations(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = False,
) -> Any:
    """Every claim's independent origins, as `claims.analysis.corroborations` gives them.

    Args:
        tables: A Parquet export directory (or a URL the engine reads), a
            mapping of table name to Arrow table, or a store path.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: The Spark session to use; a local one when not given.
        include_inactive: Also count superseded and retracted claims.

    Returns:
        Columns ``claim``, ``count`` (how many independent origins back it)
        and ``origins`` (the claims of each origin, in dossier order, origins
        in order of their first claim), one row per claim, in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _queries.corroboration_origins(_queries.Run(e), include_inactive=include_inactive)
    schema = _schema(
        ("claim", pa.string()),
        ("count", pa.int64()),
        ("origins", pa.list_(pa.list_(pa.string()))),
    )
    return _cast(found, schema)


QUESTIONS: dict[str, Callable[..., Any]] = {
    "contradictions": contradictions,
    "corroborations": corroborations,
}
"""Each question by name, as ``claims analyze --question`` takes it."""
