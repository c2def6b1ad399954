"""Corroboration as SQL: every claim's independent origins, with their reasons.

The claims of a group (those saying one thing, and those linked to it as
backing) are joined by edges (same claimant, same ``part_of`` root, a
shared relay or quote, repeat and reaction links, ties in force), and the connected
components are labelled by min-label propagation, one statement per step,
as `claims.analysis.corroboration.partition` partitions them in memory.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..analysis import UNCOUNTED_CREDIBILITY
from ..analysis.corroboration import credibility_reason
from ..confidence import Credibility
from ..vocabulary import Vocabulary
from ._queries import EMPTY, SAYING, Run, ordered, same, strings

__all__ = ["corroboration_origins"]


def corroboration_origins(
    run: Run,
    *,
    include_inactive: bool,
    vocabulary: Vocabulary,
    uncounted: Collection[Credibility] = UNCOUNTED_CREDIBILITY,
) -> Any:
    """Every claim's independent origins: (claim, count, origins, uncounted, partial).

    A ``supports`` link backs its target when the supporting claim states
    what the target says, predicates and units compared as `vocabulary`
    resolves them. ``count`` leaves out the origins whose every claim has a
    credibility of `uncounted`; ``uncounted`` is each origin's reason for
    that (null when it counts), as `claims.analysis.IndependentOrigin.uncounted`.
    ``partial`` lists the claims linked as ``supports`` that do not state
    what the claim says, in dossier order (`claims.analysis.Corroboration.partial`).
    """
    run.said(include_inactive, coarse=False)
    run.ties()
    live = "TRUE" if include_inactive else "b.status = 'active'"
    compared = run.compared(vocabulary)
    stated = same(["stance", *SAYING], "b", "t")
    run.create(
        "backers",
        f"""
        SELECT DISTINCT k.target, b.id, b.position AS pos
        FROM {{links}} k JOIN {compared} b ON b.id = k.claim
            LEFT JOIN {compared} t ON t.id = k.target
        WHERE ({live}) AND (k.kind = 'repeats' OR k.kind = 'supports' AND {stated})
        """,
    )
    # Whose answer is not simply its group's: inactive or backed by a link.
    run.create(
        "cases",
        """
        SELECT pos, id, claimant, credibility, stance IN ('asserts', 'denies') AS grouped,
            CASE WHEN stance IN ('asserts', 'denies') THEN grp END AS grp,
            NOT live OR id IN (SELECT target FROM {backers}) AS special, live
        FROM {said}
        """,
    )
    run.create(
        "members",
        """
        SELECT grp AS k, pos, id, claimant, credibility FROM {cases}
        WHERE grouped AND live
            AND grp IN (SELECT grp FROM {cases} WHERE grouped AND NOT special)
        UNION ALL
        SELECT * FROM (
            SELECT -pos - 1 AS k, pos, id, claimant, credibility FROM {cases}
            WHERE special OR NOT grouped
            UNION
            SELECT -s.pos - 1 AS k, m.pos, m.id, m.claimant, m.credibility
            FROM {cases} s JOIN {cases} m ON m.grp = s.grp
            WHERE s.grouped AND s.special AND m.live
            UNION
            SELECT -s.pos - 1 AS k, b.pos, c.id, c.claimant, c.credibility
            FROM {cases} s JOIN {backers} b ON b.target = s.id JOIN {cases} c ON c.pos = b.pos
            WHERE s.special
        ) t
        """,
    )
    # Each member once for each of its claimants (a joint statement is
    # each claimant's), with the root of the whole the claimant is part of.
    run.joint()
    run.create(
        "claimed",
        """
        SELECT m.k, m.pos, m.actor AS claimant, COALESCE(r.root, m.actor) AS root FROM (
            SELECT k, pos, claimant AS actor FROM {members}
            UNION ALL
            SELECT m.k, m.pos, j.actor FROM {members} m JOIN {joint} j ON j.pos = m.pos
        ) m LEFT JOIN {roots} r ON r.actor = m.actor
        """,
    )
    # A claim's time: when made, else its first quoted source's publication.
    run.create(
        "spans",
        """
        SELECT c.position AS pos, COALESCE(c.made_start_utc, p.s) AS s,
            COALESCE(c.made_end_utc, p.e) AS e
        FROM {claims} c LEFT JOIN (
            SELECT q.claim, MIN_BY(src.published_start_utc, q.position) AS s,
                MIN_BY(src.published_end_utc, q.position) AS e
            FROM {quotes} q JOIN {sources} src ON src.id = q.source
            WHERE src.published_start_utc IS NOT NULL
            GROUP BY q.claim
        ) p ON p.claim = c.id
        """,
    )
    # Relays: each hop's (reporter, source), but the outermost hop when its
    # reporter published its own source or a source the claim is quoted from.
    run.create(
        "relays",
        """
        WITH read AS (
            SELECT h.claim, src.publisher FROM {hops} h JOIN {sources} src ON src.id = h.source
            WHERE h.position = 0 AND src.publisher IS NOT NULL
            UNION
            SELECT q.claim, src.publisher FROM {quotes} q JOIN {sources} src ON src.id = q.source
            WHERE src.publisher IS NOT NULL
        )
        SELECT DISTINCT h.claim, h.reporter, h.source FROM {hops} h
            LEFT JOIN read r ON h.position = 0 AND r.claim = h.claim AND r.publisher = h.reporter
        WHERE h.position > 0 OR r.claim IS NULL
        """,
    )
    # Edges between claims of one group (both ways), each to the first
    # claim sharing a reason with it (found by aggregating the few shared
    # reasons: most are a claim's alone), or pair by pair for ties in time.
    firsts = " UNION ALL ".join(
        f"""
        SELECT s.k, s.pos AS a, f.b FROM {source} s JOIN (
            SELECT k, {", ".join(keys)}, MIN(pos) AS b FROM {source} t
            GROUP BY k, {", ".join(keys)} HAVING COUNT(*) > 1
        ) f ON f.k = s.k AND {same(keys, "f", "s")}
        """
        for keys, source in (
            (["claimant"], "{claimed}"),
            (["root"], "{claimed}"),
            (
                ["reporter", "source"],
                "(SELECT m.k, m.pos, r.reporter, r.source FROM {members} m "
                "JOIN {relays} r ON r.claim = m.id)",
            ),
            # The same words of the same source: one statement, two claims.
            (
                ["source", "exact", "char_start"],
                "(SELECT DISTINCT m.k, m.pos, q.source, q.exact, q.char_start FROM {members} m "
                "JOIN {quotes} q ON q.claim = m.id)",
            ),
        )
    )
    run.create(
        "origin_edges",
        f"""
        WITH one AS (
            {firsts}
            UNION ALL
            SELECT x.k, x.pos AS a, y.pos AS b
            FROM {{links}} r
                JOIN {{members}} x ON x.id = r.claim
                JOIN {{members}} y ON y.k = x.k AND y.id = r.target
            WHERE r.kind IN ('repeats', 'derives_from', 'endorses', 'reacts_to')
            UNION ALL
            SELECT x.k, x.pos AS a, y.pos AS b
            FROM {{claimed}} x JOIN {{tie_pairs}} t ON t.a = x.claimant
                JOIN {{claimed}} y ON y.k = x.k AND y.claimant = t.b
                LEFT JOIN {{spans}} sx ON sx.pos = x.pos
                LEFT JOIN {{spans}} sy ON sy.pos = y.pos
            WHERE NOT COALESCE(sx.e <= t.since, FALSE) AND NOT COALESCE(sx.s >= t.until, FALSE)
                AND NOT COALESCE(sy.e <= t.since, FALSE) AND NOT COALESCE(sy.s >= t.until, FALSE)
        )
        SELECT k, a, b FROM one WHERE a <> b
        UNION
        SELECT k, b AS a, a AS b FROM one WHERE a <> b
        """,
    )
    run.components("merged", "origin_edges")
    # An origin is not counted when each of its claims has a credibility of
    # `uncounted`; its reason names the credibilities found, in order.
    ranked = sorted(uncounted, key=lambda c: c.value)
    digits = ", ".join(str(c.value) for c in ranked) or "NULL"
    found = ", ".join(f"BOOL_OR(m.credibility = {c.value}) AS u{c.value}" for c in ranked)
    reasons = " ".join(
        "WHEN "
        + " AND ".join(f"{'' if c in subset else 'NOT '}u{c.value}" for c in ranked)
        + " THEN "
        + strings([credibility_reason(subset)])
        for subset in _subsets(ranked)
    )
    alone = " ".join(f"WHEN {c.value} THEN {strings([credibility_reason([c])])}" for c in ranked)
    alone = alone or "WHEN NULL THEN NULL"
    dropped = f"COALESCE(m.credibility IN ({digits}), FALSE)"
    # Supporters that do not state what they support: listed, not counted.
    run.create(
        "partial",
        f"""
        SELECT k.target, {ordered("b.id", "b.position")} AS ids
        FROM {{links}} k JOIN {compared} b ON b.id = k.claim
            LEFT JOIN {compared} t ON t.id = k.target
        WHERE ({live}) AND k.kind = 'supports' AND NOT ({stated})
        GROUP BY k.target
        """,
    )
    # Where no claims merge (most groups), each claim is an origin alone: one
    # sorted list of the claims gives the origins and their reasons. Only
    # the groups with merges are grouped twice.
    return run.arrow(
        f"""
        WITH merging AS (SELECT DISTINCT k FROM {{merged}}),
        alone AS (
            SELECT m.k, SUM(CASE WHEN {dropped} THEN 0 ELSE 1 END) AS count,
                LIST_SORT(LIST(STRUCT_PACK(
                    p := m.pos, v := m.id,
                    r := CASE WHEN {dropped} THEN CASE m.credibility {alone} END END
                ))) AS s
            FROM {{members}} m LEFT JOIN merging g ON g.k = m.k
            WHERE g.k IS NULL
            GROUP BY m.k
        ),
        origins AS (
            SELECT m.k, MIN(m.pos) AS first, {ordered("m.id", "m.pos")} AS claims,
                BOOL_AND({dropped}) AS dropped
                {", " + found if found else ""}
            FROM {{members}} m JOIN merging w ON w.k = m.k
                LEFT JOIN {{merged}} g ON g.k = m.k AND g.node = m.pos
            GROUP BY m.k, COALESCE(g.label, m.pos)
        ),
        reasons AS (
            SELECT k, first, claims, dropped,
                CASE WHEN dropped THEN CASE {reasons or "WHEN FALSE THEN NULL"} END END AS reason
            FROM origins
        ),
        answers AS (
            SELECT k, count, LIST_TRANSFORM(s, lambda x: [x.v]) AS origins,
                LIST_TRANSFORM(s, lambda x: x.r) AS uncounted
            FROM alone
            UNION ALL
            SELECT k, SUM(CASE WHEN dropped THEN 0 ELSE 1 END) AS count,
                {ordered("claims", "first")} AS origins,
                {ordered("reason", "first")} AS uncounted
            FROM reasons GROUP BY k
        )
        SELECT c.id AS claim, a.count, a.origins, a.uncounted,
            COALESCE(p.ids, {EMPTY}) AS partial
        FROM {{cases}} c JOIN answers a
            ON a.k = CASE WHEN c.special OR NOT c.grouped THEN -c.pos - 1 ELSE c.grp END
            LEFT JOIN {{partial}} p ON p.target = c.id
        ORDER BY c.pos
        """
    )


def _subsets(items: list[Credibility]) -> list[list[Credibility]]:
    """Every non-empty subset of `items`, each in the order of `items`."""
    return [[c for i, c in enumerate(items) if mask >> i & 1] for mask in range(1, 1 << len(items))]
