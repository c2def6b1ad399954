"""The current view and the timeline as SQL: supersession chains and times of claims."""

from __future__ import annotations

from typing import Any

from ._queries import Run, ordered

__all__ = ["current_rows", "timeline_rows"]


def current_rows(run: Run) -> Any:
    """Every claim, its status, and where its supersession chain leads."""
    run.create(
        "walk",
        """
        WITH RECURSIVE walk(claim, pos, step, node, status, sby) AS (
            SELECT id, position, 0, id, status, status_by FROM {claims}
            UNION ALL
            SELECT w.claim, w.pos, w.step + 1, c.id, c.status, c.status_by
            FROM walk w JOIN {claims} c ON c.id = w.sby
            WHERE w.status = 'superseded' AND w.step < 100000
        )
        SELECT * FROM walk
        """,
    )
    return run.arrow(
        f"""
        WITH path AS (
            SELECT claim, step, node FROM {{walk}}
            UNION ALL
            SELECT claim, step + 1, sby FROM {{walk}} WHERE status = 'retracted'
        ),
        ends AS (
            SELECT claim, CASE WHEN status = 'retracted' THEN NULL ELSE node END AS current
            FROM {{walk}} WHERE status <> 'superseded'
        )
        SELECT c.id AS claim, c.status, c.status_by, e.current, p.path
        FROM {{claims}} c
            LEFT JOIN ends e ON e.claim = c.id
            JOIN (
                SELECT claim, {ordered("node", "step")} AS path FROM path GROUP BY claim
            ) p ON p.claim = c.id
        ORDER BY c.position
        """
    )


def timeline_rows(run: Run, *, include_inactive: bool) -> Any:
    """When each claim was made and reported, ordered by the end of each period.

    A claim made at a time left unresolved (words only) is placed at the
    publication of the source it is quoted from (its first quote's, else its
    chain's first), marked ``approximate``.
    """
    live = "TRUE" if include_inactive else "c.status = 'active'"
    return run.arrow(
        f"""
        WITH quoted AS (
            SELECT c.id AS claim, COALESCE(q.source, h.source) AS source
            FROM {{claims}} c
                LEFT JOIN {{quotes}} q ON q.claim = c.id AND q.position = 0
                LEFT JOIN (
                    SELECT claim, source,
                        ROW_NUMBER() OVER (PARTITION BY claim ORDER BY position) AS n
                    FROM {{hops}} WHERE source IS NOT NULL
                ) h ON h.claim = c.id AND h.n = 1
            WHERE c.made_start IS NULL AND c.made_precision IS NOT NULL
        ),
        moments AS (
            SELECT c.position AS pos, 0 AS seq, 'made' AS kind, c.id AS claim,
                c.claimant AS actor, CAST(NULL AS VARCHAR) AS source,
                c.made_start AS start, c.made_offset AS utc_offset,
                c.made_precision AS precision, c.made_start_utc AS start_utc,
                c.made_end_utc AS end_utc, FALSE AS approximate
            FROM {{claims}} c WHERE c.made_start IS NOT NULL AND {live}
            UNION ALL
            SELECT c.position, 0, 'made', c.id, c.claimant, CAST(NULL AS VARCHAR),
                s.published_start, s.published_offset, s.published_precision,
                s.published_start_utc, s.published_end_utc, TRUE
            FROM quoted u
                JOIN {{claims}} c ON c.id = u.claim
                JOIN {{sources}} s ON s.id = u.source
            WHERE s.published_start IS NOT NULL AND {live}
            UNION ALL
            SELECT c.position, h.first + 1, 'reported', c.id, h.reporter, h.source,
                s.published_start, s.published_offset, s.published_precision,
                s.published_start_utc, s.published_end_utc, FALSE
            FROM (
                SELECT claim, reporter, source, MIN(position) AS first FROM {{hops}}
                WHERE source IS NOT NULL GROUP BY claim, reporter, source
            ) h
                JOIN {{claims}} c ON c.id = h.claim
                JOIN {{sources}} s ON s.id = h.source
            WHERE s.published_start IS NOT NULL AND {live}
        )
        SELECT claim, kind, actor, source, start, utc_offset, precision, approximate
        FROM moments
        ORDER BY end_utc, start_utc DESC, pos, seq
        """
    )
