"""Contradictions as SQL: every pair of claims that cannot both hold.

Pairs come from equi-joins of the claims' groups (`Run.said`) inside one
subject and predicate (or predicate and object), as
`claims.analysis.contradictions` finds them in memory.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..analysis import SILENCING_LINKS, single_predicates
from ..vocabulary import Vocabulary
from ._queries import Run, strings

__all__ = ["contradiction_pairs", "place_pairs"]


def contradiction_pairs(
    run: Run,
    *,
    include_inactive: bool,
    vocabulary: Vocabulary,
    functional: Collection[str],
    inverse_functional: Collection[str],
    tolerance: float,
) -> Any:
    """Every pair of claims that cannot both hold: (claim, other, reason, linked).

    Predicates and units are compared as `vocabulary` resolves them; the
    single-valued and single-subject predicates are the vocabulary's and
    `functional` and `inverse_functional` (by canonical name). Two
    different values of which one is text, or two subjects of which one is,
    are only a possible contradiction (``different_texts``), dropped when
    an ``equivalent`` or ``supports`` link joins the two claims.
    """
    one_value, one_subject = single_predicates(vocabulary, functional, inverse_functional)
    run.said(include_inactive, vocabulary=vocabulary)
    tol = f"CAST({float(tolerance)!r} AS DOUBLE)"
    one = "CAST(1 AS DOUBLE)"
    run.create(
        "asserted",
        f"""
        SELECT pos, so, sp, po, subject_type, predicate, object_type, object_unit,
            CASE WHEN approx THEN lo0 - GREATEST({one}, {tol} * ABS(lo0)) ELSE lo0 END AS lo,
            CASE WHEN approx AND lo0 IS NOT NULL THEN FALSE ELSE lo_open0 END AS lo_open,
            CASE WHEN approx THEN hi0 + GREATEST({one}, {tol} * ABS(hi0)) ELSE hi0 END AS hi,
            CASE WHEN approx AND hi0 IS NOT NULL THEN FALSE ELSE hi_open0 END AS hi_open
        FROM (
            SELECT *, COALESCE(object_approximate, FALSE) AS approx,
                CASE WHEN object_lower IS NULL AND object_upper IS NULL
                    THEN object_value ELSE object_lower END AS lo0,
                CASE WHEN object_lower IS NULL AND object_upper IS NULL
                    THEN FALSE ELSE object_lower_open END AS lo_open0,
                CASE WHEN object_lower IS NULL AND object_upper IS NULL
                    THEN object_value ELSE object_upper END AS hi0,
                CASE WHEN object_lower IS NULL AND object_upper IS NULL
                    THEN FALSE ELSE object_upper_open END AS hi_open0
            FROM {{said}} WHERE live AND stance = 'asserts'
        ) t
        """,
    )
    known = "('actor', 'event', 'text', 'quantity', 'place')"
    plain = "('actor', 'event', 'text')"
    places = place_pairs(run, one_value)
    return run.arrow(
        f"""
        WITH pairs AS (
            SELECT x.pos AS p1, y.pos AS p2, 1 AS rank
            FROM {{asserted}} x JOIN {{said}} y ON y.so = x.so
            WHERE y.live AND y.stance = 'denies'
            UNION ALL
            SELECT x.pos, y.pos, 2 FROM {{asserted}} x JOIN {{asserted}} y ON y.sp = x.sp
            WHERE x.object_type = 'no_value' AND y.object_type IN {known}
            UNION ALL
            SELECT x.pos, y.pos, 3 FROM {{asserted}} x JOIN {{asserted}} y ON y.sp = x.sp
            WHERE x.object_type = 'quantity' AND y.object_type = 'quantity'
                AND x.object_unit IS NOT DISTINCT FROM y.object_unit
                AND (x.hi < y.lo OR (x.hi = y.lo AND (x.hi_open OR y.lo_open)))
            UNION ALL
            SELECT x.pos, y.pos,
                CASE WHEN x.object_type = 'text' OR y.object_type = 'text' THEN 7 ELSE 4 END
            FROM {{asserted}} x JOIN {{asserted}} y ON y.sp = x.sp
            WHERE x.so < y.so AND x.predicate IN ({strings(one_value)})
                AND x.object_type IN {plain} AND y.object_type IN {plain}
            UNION ALL
            SELECT x.pos, y.pos,
                CASE WHEN x.subject_type = 'text' OR y.subject_type = 'text' THEN 7 ELSE 5 END
            FROM {{asserted}} x JOIN {{asserted}} y ON y.po = x.po
            WHERE x.sp < y.sp AND x.predicate IN ({strings(one_subject)})
                AND x.object_type IN {known}
            {places}
        ),
        silenced AS (
            SELECT DISTINCT LEAST(x.pos, y.pos) AS lo, GREATEST(x.pos, y.pos) AS hi
            FROM {{links}} k
                JOIN {{said}} x ON x.id = k.claim
                JOIN {{said}} y ON y.id = k.target
            WHERE k.kind IN ({strings([k.value for k in SILENCING_LINKS])})
        ),
        found AS (
            SELECT LEAST(p1, p2) AS lo, GREATEST(p1, p2) AS hi, MIN(rank) AS rank
            FROM pairs p
                JOIN {{said}} x ON x.pos = p.p1
                JOIN {{said}} y ON y.pos = p.p2
                LEFT JOIN silenced s ON s.lo = LEAST(p1, p2) AND s.hi = GREATEST(p1, p2)
            WHERE p1 <> p2
                AND (x.ws IS NULL OR y.ws IS NULL OR (x.we > y.ws AND y.we > x.ws))
                AND NOT (p.rank IN (7, 8) AND s.lo IS NOT NULL)
            GROUP BY LEAST(p1, p2), GREATEST(p1, p2)
        ),
        linked AS (
            SELECT DISTINCT LEAST(x.pos, y.pos) AS lo, GREATEST(x.pos, y.pos) AS hi
            FROM {{links}} k
                JOIN {{said}} x ON x.id = k.claim
                JOIN {{said}} y ON y.id = k.target
            WHERE k.kind = 'contradicts' AND x.live AND y.live
        ),
        every AS (
            SELECT COALESCE(f.lo, l.lo) AS lo, COALESCE(f.hi, l.hi) AS hi,
                COALESCE(f.rank, 6) AS rank, l.lo IS NOT NULL AS linked
            FROM found f FULL OUTER JOIN linked l ON l.lo = f.lo AND l.hi = f.hi
        )
        SELECT x.id AS claim, y.id AS other,
            CASE e.rank
                WHEN 1 THEN 'opposite_stances' WHEN 2 THEN 'no_value'
                WHEN 3 THEN 'disjoint_quantities' WHEN 6 THEN 'linked'
                WHEN 7 THEN 'different_texts' WHEN 8 THEN 'different_places'
                ELSE 'different_values' END AS reason,
            e.linked AS linked
        FROM every e JOIN {{said}} x ON x.pos = e.lo JOIN {{said}} y ON y.pos = e.hi
        ORDER BY e.lo, e.hi
        """
    )


def place_pairs(run: Run, one_value: Collection[str]) -> str:
    """The pairs of claims `claims.analysis._places` decides, as more branches of ``pairs``.

    Makes ``place_ids`` (each group's place identifiers: so, sp, scheme,
    value, and whether it is one the place is within) and ``same_place``
    (groups whose places are one place, or one within the other, both
    ways: s1, s2, one). Gives the branches: a place asserted and the same
    place under another name denied (rank 1); two values of a
    single-valued predicate, one a place, that no identifier joins (rank
    8, ``different_places``, possible).
    """
    run.create(
        "place_ids",
        """
        SELECT DISTINCT so, sp, i.scheme AS scheme, i.value AS value, within FROM (
            SELECT so, sp, UNNEST(object_identifiers) AS i, FALSE AS within
            FROM {said} WHERE object_type = 'place'
            UNION ALL
            SELECT so, sp, UNNEST(object_within) AS i, TRUE AS within
            FROM {said} WHERE object_type = 'place'
        ) t
        """,
    )
    run.create(
        "same_place",
        """
        SELECT DISTINCT a.so AS s1, b.so AS s2, NOT a.within AS one
        FROM {place_ids} a JOIN {place_ids} b
            ON b.sp = a.sp AND b.scheme = a.scheme AND b.value = a.value AND b.so <> a.so
        WHERE NOT b.within
        UNION
        SELECT DISTINCT b.so, a.so, NOT a.within
        FROM {place_ids} a JOIN {place_ids} b
            ON b.sp = a.sp AND b.scheme = a.scheme AND b.value = a.value AND b.so <> a.so
        WHERE NOT b.within
        """,
    )
    return f"""
            UNION ALL
            SELECT x.pos, y.pos, 1 FROM {{asserted}} x JOIN {{said}} y ON y.sp = x.sp
                JOIN {{same_place}} m ON m.s1 = x.so AND m.s2 = y.so AND m.one
            WHERE y.live AND y.stance = 'denies'
            UNION ALL
            SELECT x.pos, y.pos, 8 FROM {{asserted}} x JOIN {{asserted}} y ON y.sp = x.sp
                LEFT JOIN {{same_place}} m ON m.s1 = x.so AND m.s2 = y.so
            WHERE x.so < y.so AND x.predicate IN ({strings(one_value)})
                AND (x.object_type = 'place' OR y.object_type = 'place')
                AND x.object_type IN ('actor', 'event', 'text', 'place')
                AND y.object_type IN ('actor', 'event', 'text', 'place')
                AND m.s1 IS NULL"""
