"""The analyst's questions as SQL, written once in DuckDB's dialect.

Each question is a few statements over the tables `claims.parquet` writes.
Claims are grouped by what they say (the smallest ``position`` of a
group names it; grouped by a hash of it, checked claim by claim, see
`Run.said`), so nothing is compared with everything:
pairs come from equi-joins inside a subject and predicate. The recursive
parts are SQL too: ``part_of`` closures and supersession chains (in
`_history`) are recursive common table expressions (they cannot loop), and
the connected components of affiliation blocs and of ``repeats`` merges are
iterated joins (min-label propagation), one statement per step until
nothing changes. Past the first grouping, claims are joined by their
position (an integer), not by their string ids.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..vocabulary import Vocabulary
from ._engines import Engine

OBJECT = (
    "object_type, object_id, object_text, object_value, object_lower, object_upper, "
    "object_lower_open, object_upper_open, object_unit, object_approximate, "
    "object_identifiers, object_within"  # a place's: two places of one name may differ
)
SAYS = f"subject_type, subject, predicate, {OBJECT}"
SAYING = tuple(k.strip() for k in SAYS.split(","))
"""The columns of `SAYS`, one by one."""
SILENT = ("declined_to_comment", "no_response", "no_comment")


def strings(values: Collection[str]) -> str:
    """A SQL list of string literals (``NULL`` when empty, which matches nothing)."""
    if not values:
        return "NULL"
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


COLLIDING = False
"""Whether `key` hashes everything alike (for tests: every check then fails)."""


def key(columns: list[str]) -> str:
    """A 64-bit hash of `columns` (null-aware, in order; on Spark ``xxhash64``).

    Equal values hash alike (DuckDB and Spark hash ``-0.0`` as ``0.0``);
    different values may too, rarely: whoever groups by a key checks.
    """
    if COLLIDING:
        return "CAST(0 AS BIGINT)"
    return f"HASH({', '.join(columns)})"


def same(columns: Collection[str], a: str, b: str) -> str:
    """A condition: rows `a` and `b` agree on every one of `columns`, nulls equal."""
    return " AND ".join(f"{a}.{k} IS NOT DISTINCT FROM {b}.{k}" for k in columns)


def differ(columns: Collection[str], a: str, b: str) -> str:
    """A condition: rows `a` and `b` differ on one of `columns` at least (not `same`)."""
    return " OR ".join(f"{a}.{k} IS DISTINCT FROM {b}.{k}" for k in columns)


def ordered(value: str, by: str = "pos") -> str:
    """An aggregate: the values of `value` as a list, in order of `by`."""
    return f"LIST_TRANSFORM(LIST_SORT(LIST(STRUCT_PACK(p := {by}, v := {value}))), lambda x: x.v)"


class Run:
    """One question's statements on one engine, with the names of its tables.

    Attributes:
        engine: The engine.
        names: The name in SQL of each table, given and made.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.names = dict(engine.names)
        self.steps = 0

    def sql(self, template: str) -> str:
        """`template` with ``{table}`` replaced by each table's name."""
        return template.format(**self.names)

    def create(self, name: str, template: str) -> None:
        """Run `template` into the temporary table `name` (see `Engine.create`)."""
        self.names[name] = self.engine.create(name, self.sql(template))

    def arrow(self, template: str) -> Any:
        """The result of `template` as Arrow: the answer (see `Engine.arrow`)."""
        return self.engine.arrow(self.sql(template))

    def lookup(self, template: str) -> Any:
        """The result of `template` as Arrow, on the way to the answer (`Engine.lookup`)."""
        return self.engine.lookup(self.sql(template))

    def scalar(self, template: str) -> Any:
        """The one value `template` returns."""
        return self.engine.scalar(self.sql(template))

    def canonical(self, vocabulary: Vocabulary) -> None:
        """``names_predicate`` and ``names_unit`` (name, canonical): names as `vocabulary` has them.

        Two small tables of the names the claims use that resolve to
        another, made by `Vocabulary` itself (so case, spacing and aliases
        resolve exactly as in `claims.analysis`); every question comparing
        through a vocabulary joins them where it reads the claims (the
        claims are not copied). Made once a run.
        """
        if "names_predicate" in self.names:
            return
        for name, column, canonical in (
            ("names_predicate", "predicate", vocabulary.canonical_predicate),
            ("names_unit", "object_unit", vocabulary.canonical_unit),
        ):
            used = self.lookup(
                f"SELECT DISTINCT {column} AS name FROM {{claims}} WHERE {column} IS NOT NULL"
            )
            pairs = [(n, canonical(n)) for n in used.column("name").to_pylist()]
            rows = ["(CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR))"]
            rows += [f"({strings([n])}, {strings([c])})" for n, c in sorted(pairs) if n != c]
            self.create(name, f"SELECT * FROM (VALUES {', '.join(rows)}) AS t(name, canonical)")
        self.defaults(vocabulary)

    def defaults(self, vocabulary: Vocabulary) -> None:
        """``names_default`` (name, unit): the unit a quantity without one is in, by predicate.

        The predicates the claims use, as written, that have a default unit
        (`Vocabulary.compared_unit`), with that unit's canonical name.
        """
        used = self.lookup("SELECT DISTINCT predicate AS name FROM {claims}")
        pairs = [(n, vocabulary.compared_unit(n, None)) for n in used.column("name").to_pylist()]
        rows = ["(CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR))"]
        rows += [f"({strings([n])}, {strings([u])})" for n, u in sorted(pairs) if u is not None]
        self.create("names_default", f"SELECT * FROM (VALUES {', '.join(rows)}) AS t(name, unit)")

    def compared(self, vocabulary: Vocabulary) -> str:
        """The claims with predicates and units as `vocabulary` resolves them, as a subquery.

        A quantity without a unit is in its predicate's default unit, if any.

        See `canonical`.
        """
        self.canonical(vocabulary)
        return f"""(
            SELECT c.position, c.id, c.claimant, c.stance, c.status, c.status_by,
                c.subject_type, c.subject, COALESCE(p.canonical, c.predicate) AS predicate,
                {", ".join("c." + k.strip() for k in OBJECT.split(",") if "unit" not in k)},
                COALESCE(u.canonical, c.object_unit,
                    CASE WHEN c.object_type = 'quantity' THEN d.unit END) AS object_unit,
                c.when_start_utc, c.when_end_utc, c.place, c.credibility
            FROM {{claims}} c
                LEFT JOIN {{names_predicate}} p ON p.name = c.predicate
                LEFT JOIN {{names_unit}} u ON u.name = c.object_unit
                LEFT JOIN {{names_default}} d ON d.name = c.predicate
        )"""

    def said(
        self, include_inactive: bool, *, vocabulary: Vocabulary | None = None, coarse: bool = True
    ) -> None:
        """``said``: every claim with the keys of what it says, and its interval.

        ``grp`` names the claims saying the same thing with the same stance
        (by the first one's position); with `coarse`, ``so`` those saying it
        with any stance, ``sp`` those on one subject and predicate and ``po``
        those giving the same object to one predicate. With a `vocabulary`,
        predicates and units are taken as it resolves them (see
        `canonical`); without, as written.

        The claims are grouped by a 64-bit hash of what they say (`key`),
        not by its fourteen columns, then each is compared with the first
        claim of its group: if any differs (two things said hashed alike),
        the groups are made again from the columns themselves (`exact_said`).
        """
        claims = "{claims}" if vocabulary is None else self.compared(vocabulary)
        h = key(["c." + k for k in SAYING])
        if coarse:
            # The coarser names are aggregations of the (fewer) groups.
            hs, hp = key(["c." + k for k in SAYING[:3]]), key(["c." + k for k in SAYING[2:]])
            keyed = f"""
                WITH stated AS (
                    SELECT {h} AS h, c.stance, MIN(c.position) AS grp,
                        ANY_VALUE({hs}) AS hs, ANY_VALUE({hp}) AS hp
                    FROM {claims} c GROUP BY {h}, c.stance
                )
                SELECT t.h, t.stance, t.grp, o.so, s.sp, p.po
                FROM stated t
                    JOIN (SELECT h, MIN(grp) AS so FROM stated GROUP BY h) o ON o.h = t.h
                    JOIN (SELECT hs, MIN(grp) AS sp FROM stated GROUP BY hs) s ON s.hs = t.hs
                    JOIN (SELECT hp, MIN(grp) AS po FROM stated GROUP BY hp) p ON p.hp = t.hp
            """
            named = "k.sp, k.so, k.po, k.grp"
        else:
            keyed = f"""
                SELECT {h} AS h, c.stance, MIN(c.position) AS grp
                FROM {claims} c GROUP BY {h}, c.stance
            """
            named = "k.grp"
        self.create("keyed", keyed)
        self.create(
            "said",
            f"""
            SELECT {self.carried(include_inactive, coarse=coarse)}, {named}
            FROM {claims} c
                JOIN {{keyed}} k ON k.h = {h} AND k.stance IS NOT DISTINCT FROM c.stance
            """,
        )

        # Each claim as the first of its group says (the stance is grouped
        # as it is); with `coarse`, as the first of its `so` says (then
        # `grp` is exact too), and each first of a `so` as the first claims
        # of its `sp` and `po` say. One join each, of only the first claims
        # (a third of the claims, or fewer) and the columns compared: one
        # join of all three cost twice the time at 10M claims.
        names = (
            [("so", SAYING), ("sp", SAYING[:3]), ("po", SAYING[2:])]
            if coarse
            else [("grp", SAYING)]
        )
        for name, keys in names:
            which = "" if name in ("so", "grp") else "x.pos = x.so AND "
            if self.scalar(
                f"""
                SELECT COUNT(*) FROM {{said}} x JOIN (
                    SELECT pos, {", ".join(keys)} FROM {{said}} WHERE pos = {name}
                ) f ON f.pos = x.{name}
                WHERE {which}x.pos <> x.{name} AND ({differ(keys, "x", "f")})
                """
            ):
                self.exact_said(claims, include_inactive, coarse=coarse)
                return

    def carried(self, include_inactive: bool, *, coarse: bool) -> str:
        """The columns of ``said`` of each claim ``c``: what the questions read of it.

        Every column carried is written once per claim.
        """
        live = "TRUE" if include_inactive else "c.status = 'active'"
        return f"""c.position AS pos, c.id, c.claimant, c.stance, {live} AS live,
            {", ".join("c." + k for k in SAYING)}, c.when_start_utc AS ws,
            c.when_end_utc AS we{"" if coarse else ", c.credibility"}"""

    def exact_said(self, claims: str, include_inactive: bool, *, coarse: bool) -> None:
        """``said`` as `said` makes it, grouped by the columns themselves (no hash).

        For when two things said hash alike: one aggregation names what
        each claim says with its stance, joined back once; the coarser names
        are aggregations of the groups.
        """
        columns = self.carried(include_inactive, coarse=coarse)
        if not coarse:
            self.create(
                "said",
                f"""
                WITH groups AS (
                    SELECT {SAYS}, stance, MIN(position) AS grp
                    FROM {claims} AS k GROUP BY {SAYS}, stance
                )
                SELECT {columns}, g.grp
                FROM {claims} c JOIN groups g ON {same([*SAYING, "stance"], "c", "g")}
                """,
            )
            return
        self.create(
            "said",
            f"""
            WITH stated AS (
                SELECT {SAYS}, stance, MIN(position) AS grp
                FROM {claims} AS k GROUP BY {SAYS}, stance
            ),
            groups AS (SELECT {SAYS}, MIN(grp) AS so FROM stated GROUP BY {SAYS}),
            sps AS (
                SELECT subject_type, subject, predicate, MIN(so) AS sp FROM groups
                GROUP BY subject_type, subject, predicate
            ),
            pos AS (
                SELECT predicate, {OBJECT}, MIN(so) AS po FROM groups GROUP BY predicate, {OBJECT}
            ),
            keyed AS (
                SELECT t.*, g.so, s.sp, o.po
                FROM stated t
                    JOIN groups g ON {same(SAYING, "t", "g")}
                    JOIN sps s ON {same(SAYING[:3], "t", "s")}
                    JOIN pos o ON {same(SAYING[2:], "t", "o")}
            )
            SELECT {columns}, g.sp, g.so, g.po, g.grp
            FROM {claims} c JOIN keyed g ON {same([*SAYING, "stance"], "c", "g")}
            """,
        )

    def joint(self) -> None:
        """``joint`` (pos, actor): the further claimants of joint statements (`Claim.also`).

        A joint statement is the claim of each of its claimants, as
        `claims.analysis` reads `Claim.claimants`; the first is ``claimant``.
        """
        self.create(
            "joint",
            """
            SELECT c.position AS pos, a.actor
            FROM (
                SELECT position, claimant, also FROM {claims} WHERE ARRAY_LENGTH(also) > 0
            ) c, UNNEST(c.also) AS a(actor)
            WHERE a.actor <> c.claimant
            """,
        )

    def components(self, name: str, edges: str) -> None:
        """Connected components: ``name`` (k, node, label), label the least node.

        `edges` is a table of (k, a, b), given both ways; k keeps graphs apart.
        Each step gives every node the least label among it and its
        neighbours, until no label changes.
        """
        self.create(name, f"SELECT DISTINCT k, a AS node, a AS label FROM {{{edges}}}")
        while True:
            self.steps += 1
            step = f"{name}_{self.steps}"
            self.create(
                step,
                f"""
                SELECT k, node, MIN(label) AS label FROM (
                    SELECT k, node, label FROM {{{name}}}
                    UNION ALL
                    SELECT e.k, e.a AS node, l.label
                    FROM {{{edges}}} e JOIN {{{name}}} l ON l.k = e.k AND l.node = e.b
                ) t GROUP BY k, node
                """,
            )
            changed = self.scalar(
                f"""
                SELECT COUNT(*) FROM {{{step}}} n JOIN {{{name}}} o
                    ON o.k = n.k AND o.node = n.node WHERE n.label <> o.label
                """
            )
            self.names[name] = self.names[step]
            if not changed:
                return

    def ties(self) -> None:
        """``roots`` (actor, root) and ``tie_pairs`` (a, b, since, until): who is tied.

        Parts of one whole share its ``part_of`` root. An affiliation of
        interest (not ``rival_of``, not former) ties the actors under its
        holder (through ``part_of``, the holder included) to those under
        the other actor, both ways, between ``since`` and ``until`` (nulls
        when not known): as `claims.analysis.ties` says, ties do not chain.
        """
        self.create(
            "ancestors",
            """
            WITH RECURSIVE up(actor, above, depth) AS (
                SELECT id, id, 0 FROM {actors}
                UNION ALL
                SELECT u.actor, a.part_of, u.depth + 1
                FROM up u JOIN {actors} a ON a.id = u.above
                WHERE a.part_of IS NOT NULL AND u.depth < 100000
            )
            SELECT DISTINCT actor, above FROM up
            """,
        )
        self.create(
            "roots",
            """
            SELECT u.actor, MIN(u.above) AS root FROM {ancestors} u
                JOIN {actors} a ON a.id = u.above
            WHERE a.part_of IS NULL OR a.part_of NOT IN (SELECT id FROM {actors})
            GROUP BY u.actor
            """,
        )
        self.create(
            "tie_pairs",
            """
            WITH held AS (
                SELECT a.id AS holder, f.actor AS other, f.since_utc AS since, f.until_utc AS until
                FROM {actors} a, UNNEST(a.affiliations) AS u(f)
                WHERE f.nature <> 'rival_of' AND NOT f.former
            )
            SELECT x.actor AS a, y.actor AS b, h.since, h.until
            FROM held h JOIN {ancestors} x ON x.above = h.holder
                JOIN {ancestors} y ON y.above = h.other
            UNION
            SELECT y.actor AS a, x.actor AS b, h.since, h.until
            FROM held h JOIN {ancestors} x ON x.above = h.holder
                JOIN {ancestors} y ON y.above = h.other
            """,
        )


EMPTY = "CAST([] AS VARCHAR[])"


def uncertainty_rows(run: Run, *, include_inactive: bool, vocabulary: Vocabulary) -> Any:
    """Claims that a value is unknown, with the known values beside them.

    Predicates are compared, and named, as `vocabulary` resolves them.
    """
    run.said(include_inactive, vocabulary=vocabulary)
    return run.arrow(
        f"""
        SELECT u.id AS claim, u.subject_type, u.subject, u.predicate,
            COALESCE(k.known, {EMPTY}) AS known
        FROM {{said}} u LEFT JOIN (
            SELECT sp, {ordered("id")} AS known FROM {{said}}
            WHERE live AND stance = 'asserts' AND object_type NOT IN ('unknown', 'no_value')
            GROUP BY sp
        ) k ON k.sp = u.sp
        WHERE u.live AND u.stance = 'asserts' AND u.object_type = 'unknown'
        ORDER BY u.pos
        """
    )


def silence_rows(run: Run, *, include_inactive: bool, accusations: Collection[str]) -> Any:
    """Reported silences, then unanswered accusations."""
    run.said(include_inactive)
    run.create(
        "up",
        """
        WITH RECURSIVE up(actor, whole, depth) AS (
            SELECT id, id, 0 FROM {actors}
            UNION ALL
            SELECT u.actor, a.part_of, u.depth + 1
            FROM up u JOIN {actors} a ON a.id = u.whole
            WHERE a.part_of IS NOT NULL AND u.depth < 100000
        )
        SELECT DISTINCT actor, whole FROM up
        """,
    )
    # Each claim with the actors its claimants are (or are part of) among
    # those accused: a claim is the accused's own when any claimant is.
    run.joint()
    run.create(
        "belongs",
        f"""
        SELECT DISTINCT w.id, u.whole FROM (
            SELECT id, claimant AS actor FROM {{said}}
            UNION ALL
            SELECT s.id, j.actor FROM {{joint}} j JOIN {{said}} s ON s.pos = j.pos
        ) w JOIN {{up}} u ON u.actor = w.actor
        WHERE u.whole IN (
            SELECT subject FROM {{claims}}
            WHERE subject_type = 'actor' AND predicate IN ({strings(accusations)})
        )
        """,
    )
    silent = f"({strings(SILENT)})"
    accusing = f"({strings(accusations)})"
    return run.arrow(
        f"""
        WITH silences AS (
            SELECT * FROM {{said}} WHERE live AND stance IN {silent}
        ),
        topical AS (
            SELECT s.* FROM silences s JOIN {{claims}} k ON k.id = s.id WHERE NOT k.stated
        ),
        answered AS (
            SELECT k.claim AS sid, t.pos, t.id FROM {{links}} k
                JOIN {{said}} t ON t.id = k.target
            WHERE k.kind = 'responds_to' AND t.live
            UNION
            SELECT s.id AS sid, c.pos, c.id
            FROM silences s JOIN {{said}} c ON c.so = s.so
                LEFT JOIN {{belongs}} o ON o.id = c.id AND o.whole = s.subject
            WHERE s.subject_type = 'actor' AND s.predicate IN {accusing}
                AND s.id NOT IN (SELECT id FROM topical)
                AND c.stance = 'asserts' AND c.live AND o.id IS NULL
            UNION
            SELECT s.id AS sid, c.pos, c.id
            FROM topical s
                JOIN {{belongs}} w ON w.id = s.id
                JOIN {{said}} c ON c.subject_type = 'actor' AND c.subject = w.whole
                LEFT JOIN {{belongs}} o ON o.id = c.id AND o.whole = c.subject
            WHERE c.predicate IN {accusing} AND c.stance = 'asserts' AND c.live
                AND o.id IS NULL
        ),
        reported AS (
            SELECT 0 AS part, s.pos AS first, s.claimant AS actor, 'reported' AS kind,
                s.id AS claim, s.stance, COALESCE(a.ids, {EMPTY}) AS accusations
            FROM silences s LEFT JOIN (
                SELECT sid, {ordered("id")} AS ids FROM answered GROUP BY sid
            ) a ON a.sid = s.id
        ),
        accused AS (
            SELECT * FROM {{said}}
            WHERE live AND subject_type = 'actor' AND predicate IN {accusing}
        ),
        owned AS (
            SELECT DISTINCT c.so FROM accused c
                JOIN {{belongs}} o ON o.id = c.id AND o.whole = c.subject
            UNION
            SELECT DISTINCT c.so FROM accused c
                JOIN {{links}} k ON k.target = c.id AND k.kind = 'denies'
                JOIN {{said}} d ON d.id = k.claim AND d.live
                JOIN {{belongs}} o ON o.id = d.id AND o.whole = c.subject
            UNION
            SELECT DISTINCT c.so FROM accused c
                JOIN {{belongs}} o ON o.whole = c.subject
                JOIN topical t ON t.id = o.id
        ),
        unanswered AS (
            SELECT 1 AS part, MIN(pos) AS first, subject AS actor, 'unanswered' AS kind,
                CAST(NULL AS VARCHAR) AS claim, CAST(NULL AS VARCHAR) AS stance,
                {ordered("id")} AS accusations
            FROM accused
            WHERE stance = 'asserts' AND so NOT IN (SELECT so FROM owned)
            GROUP BY so, subject
        )
        SELECT actor, kind, claim, stance, accusations FROM (
            SELECT * FROM reported UNION ALL SELECT * FROM unanswered
        ) t
        ORDER BY part, first
        """
    )
