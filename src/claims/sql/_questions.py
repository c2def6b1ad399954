"""One function per question, each returning a `pyarrow.Table`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from typing import Any

from ..vocabulary import DEFAULT, Vocabulary
from . import _contradictions, _history, _origins, _queries
from ._engines import Engine
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


def _vocabulary(given: Vocabulary | None, engine: Engine) -> Vocabulary:
    """`given`, else the one the export carries, else `claims.vocabulary.DEFAULT`."""
    if given is not None:
        return given
    return engine.vocabulary if engine.vocabulary is not None else DEFAULT


def contradictions(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = False,
    vocabulary: Vocabulary | None = None,
    functional: Collection[str] = (),
    inverse_functional: Collection[str] = (),
    tolerance: float = APPROXIMATE_TOLERANCE,
) -> Any:
    """Every pair of claims that cannot both hold, as `claims.analysis.contradictions` finds them.

    Args:
        tables: A Parquet export directory (or a URL the engine reads), a
            mapping of table name to Arrow table, or a store path.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: For Spark, the session to use (a local one when not
            given); for DuckDB, a connection whose settings to use (such as
            ``memory_limit`` or ``temp_directory``; a new one when not given).
        include_inactive: Also compare superseded and retracted claims.
        vocabulary: The vocabulary the claims are compared through (their
            dossier's, as `claims.Dossier.vocabulary`); by default the one
            a local export carries (its ``vocabulary.json``, see
            `claims.parquet.vocabulary`), else `claims.vocabulary.DEFAULT`.
        functional: Predicates held single-valued besides the vocabulary's.
        inverse_functional: Predicates held single-subject besides the
            vocabulary's.
        tolerance: How far an approximate quantity stretches, as a fraction.

    Returns:
        Columns ``claim``, ``other`` (the claim added after ``claim``),
        ``reason`` (a `claims.analysis.ContradictionReason` value; only
        ``different_texts`` and ``different_places`` are possible
        contradictions) and
        ``linked`` (an explicit ``contradicts`` link is recorded too), one
        row per pair, in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _contradictions.contradiction_pairs(
            _queries.Run(e),
            include_inactive=include_inactive,
            vocabulary=_vocabulary(vocabulary, e),
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
    vocabulary: Vocabulary | None = None,
) -> Any:
    """Every claim's independent origins, as `claims.analysis.corroborations` gives them.

    Args:
        tables: A Parquet export directory (or a URL the engine reads), a
            mapping of table name to Arrow table, or a store path.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.
        include_inactive: Also count superseded and retracted claims.
        vocabulary: As for `contradictions`: a supporting claim backs
            another when it states the same, predicates and units compared
            through it.

    Returns:
        Columns ``claim``, ``count`` (how many independent origins back it,
        not counting those whose every claim is assessed credibility 5 or
        6), ``origins`` (the claims of each origin, in dossier order, origins
        in order of their first claim) and ``uncounted`` (for each origin,
        why it is not counted, such as ``"credibility 6 (truth cannot be
        judged)"``, or null), and ``partial`` (the claims linked as
        ``supports`` that do not state what it says, in dossier order:
        listed, not counted), one row per claim, in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _origins.corroboration_origins(
            _queries.Run(e),
            include_inactive=include_inactive,
            vocabulary=_vocabulary(vocabulary, e),
        )
    schema = _schema(
        ("claim", pa.string()),
        ("count", pa.int64()),
        ("origins", pa.list_(pa.list_(pa.string()))),
        ("uncounted", pa.list_(pa.string())),
        ("partial", pa.list_(pa.string())),
    )
    return _cast(found, schema)


def uncertainties(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = False,
    vocabulary: Vocabulary | None = None,
) -> Any:
    """Claims that a value is not known, as `claims.analysis.uncertainties` finds them.

    Args:
        tables: As for `contradictions`.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.
        include_inactive: Also superseded and retracted claims.
        vocabulary: As for `contradictions`.

    Returns:
        Columns ``claim``, ``subject_type``, ``subject``, ``predicate`` (its canonical name) and
        ``known`` (the claims giving a known value for the same subject and
        predicate), in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _queries.uncertainty_rows(
            _queries.Run(e),
            include_inactive=include_inactive,
            vocabulary=_vocabulary(vocabulary, e),
        )
    schema = _schema(
        ("claim", pa.string()),
        ("subject_type", pa.string()),
        ("subject", pa.string()),
        ("predicate", pa.string()),
        ("known", pa.list_(pa.string())),
    )
    return _cast(found, schema)


def current(tables: Any, *, engine: str = "duckdb", session: Any | None = None) -> Any:
    """Where each claim's supersession chain leads, as `claims.analysis.current` says.

    Args:
        tables: As for `contradictions`.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.

    Returns:
        Columns ``claim``, ``status``, ``status_by``, ``current`` (the
        active claim at the end of its chain, itself when active, null when
        the chain ends in a retraction) and ``path`` (the claims passed
        through, ending with the retracting claim where there is one), one
        row per claim, in dossier order.

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _history.current_rows(_queries.Run(e))
    schema = _schema(
        ("claim", pa.string()),
        ("status", pa.string()),
        ("status_by", pa.string()),
        ("current", pa.string()),
        ("path", pa.list_(pa.string())),
    )
    return _cast(found, schema)


def silences(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = False,
    accusations: Collection[str] | None = None,
    vocabulary: Vocabulary | None = None,
) -> Any:
    """Reported silences, then unanswered accusations, as `claims.analysis.silences`.

    A joint statement (`Claim.also`) is each of its claimants': it answers
    for, and is owned by, any of them, as in `claims.analysis.silences`.

    Args:
        tables: As for `contradictions`.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.
        include_inactive: Also superseded and retracted claims.
        accusations: The predicates that accuse their subject, as written;
            by default those `vocabulary` marks as accusations.
        vocabulary: The vocabulary that says which predicates accuse
            (as for `contradictions`).

    Returns:
        Columns ``actor`` (who is silent), ``kind`` (``reported`` or
        ``unanswered``), ``claim`` and ``stance`` (the claim reporting the
        silence; null for an unanswered accusation) and ``accusations`` (the
        claims not answered, in dossier order).

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        run = _queries.Run(e)
        if accusations is None:
            known = _vocabulary(vocabulary, e)
            predicates = run.lookup("SELECT DISTINCT predicate FROM {claims}")
            accusations = {
                p for p in predicates.column("predicate").to_pylist() if known.is_accusation(p)
            }
        found = _queries.silence_rows(
            run, include_inactive=include_inactive, accusations=accusations
        )
    schema = _schema(
        ("actor", pa.string()),
        ("kind", pa.string()),
        ("claim", pa.string()),
        ("stance", pa.string()),
        ("accusations", pa.list_(pa.string())),
    )
    return _cast(found, schema)


def timeline(
    tables: Any,
    *,
    engine: str = "duckdb",
    session: Any | None = None,
    include_inactive: bool = True,
) -> Any:
    """When each claim was made and reported, in the order of `claims.analysis.timeline`.

    Args:
        tables: As for `contradictions`.
        engine: ``"duckdb"`` (embedded) or ``"spark"``.
        session: As for `contradictions`.
        include_inactive: Also superseded and retracted claims.

    Returns:
        Columns ``claim``, ``kind`` (``made`` or ``reported``), ``actor``
        (the claimant or the reporter), ``source`` (reported only), and the
        time as written: ``start``, ``utc_offset`` (seconds) and
        ``precision``; ordered by the end of each period, the narrower first.
        ``approximate`` marks a claim made at a time known only in words
        never resolved, placed at its source's publication
        (`claims.analysis.Moment.approximate`).

    Raises:
        ClaimsError: `tables` cannot be read, or the engine is missing.
    """
    pa = _pa()
    with _engine(tables, engine, session) as e:
        found = _history.timeline_rows(_queries.Run(e), include_inactive=include_inactive)
    schema = _schema(
        ("claim", pa.string()),
        ("kind", pa.string()),
        ("actor", pa.string()),
        ("source", pa.string()),
        ("start", pa.timestamp("us")),
        ("utc_offset", pa.int32()),
        ("precision", pa.string()),
        ("approximate", pa.bool_()),
    )
    return _cast(found, schema)


QUESTIONS: dict[str, Callable[..., Any]] = {
    "contradictions": contradictions,
    "corroborations": corroborations,
    "silences": silences,
    "current": current,
    "uncertainties": uncertainties,
    "timeline": timeline,
}
"""Each question by name, as ``claims analyze --question`` takes it."""
