"""The in-memory answers of claims.analysis as rows, to check claims.sql against."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pyarrow.parquet as pq
from hypothesis import strategies as st

import claims
from claims import analysis
from claims import strategies as cs
from claims._convert import TAGS


@st.composite
def crowded(draw: st.DrawFn) -> claims.Dossier:
    """Generated dossiers whose claims say few different things, so they meet.

    Claims of `claims.strategies.dossiers` (with their chains, parts,
    affiliations, supersessions, retractions, links and joint statements of
    up to three claimants) get their
    proposition from a small pool: two subjects, predicates that are
    functional, inverse functional, accusing or plain (some by an alias of
    another), quantities in units some of which are aliases of one, objects among a few
    actors, texts, unknowns, nones, bounded or approximate quantities and
    places (some the same place, some within another), and a few times and
    places.
    """
    d = draw(cs.dossiers(max_actors=5, max_claims=12, max_links=8, max_also=2))
    actor_ids = sorted(d.actors)
    refs = st.sampled_from(actor_ids).map(claims.ActorRef)
    texts = st.builds(claims.Text, st.sampled_from("ab"))
    subjects = draw(st.lists(refs | texts, min_size=1, max_size=2))
    objects = draw(
        st.lists(
            refs
            | st.builds(claims.Text, st.sampled_from("xy"))
            | st.builds(claims.Unknown, st.sampled_from([None, "unclear"]))
            | st.builds(claims.NoValue)
            | small_quantities()
            | small_quantities()
            | cs.places(),
            min_size=1,
            max_size=6,
        )
    )
    predicates = st.sampled_from(
        [
            *("caused_by", "responsible_for", "blamed_for", "killed"),
            *("cause", "perpetrated", "carried out", "deaths", "Dead"),
            *("location", "took place in"),
        ]
    )
    whens = draw(st.lists(st.none() | cs.whens(), min_size=1, max_size=2))
    places = st.sampled_from([None, None, "Baghdad", "Basra"])
    records: list[Any] = []
    for r in d.records():
        if isinstance(r, claims.Claim):
            p = attrs.evolve(
                r.proposition,
                subject=draw(st.sampled_from(subjects)),
                predicate=draw(predicates),
                object=draw(st.sampled_from(objects)),
                when=draw(st.sampled_from(whens)),
                where=draw(places),
            )
            r = attrs.evolve(r, proposition=p, stance=draw(stances), topic=None, reason=None)
            if draw(st.integers(0, 5)) == 0:  # a silence on a topic alone
                r = attrs.evolve(r, proposition=None, stance=claims.Stance.NO_COMMENT, topic="t")
        records.append(r)
    return claims.Dossier(records)


stances = st.sampled_from(
    [claims.Stance.ASSERTS] * 4 + [claims.Stance.DENIES, claims.Stance.NO_COMMENT]
)


@st.composite
def small_quantities(draw: st.DrawFn) -> Any:
    """Quantities of small numbers, so that their intervals touch and overlap."""
    q = draw(cs.quantities())
    n = st.integers(0, 12)
    lo, hi = sorted([draw(n), draw(n)])
    bounded = draw(st.booleans())
    return attrs.evolve(
        q,
        value=None if bounded else draw(n),
        lower=lo if bounded else None,
        upper=hi if bounded else None,
        lower_open=bounded and lo < hi and q.lower_open,
        upper_open=bounded and lo < hi and q.upper_open,
        unit=draw(st.sampled_from([None, "killed", "people", "persons", "Civilians"])),
    )


def expected_contradictions(d: claims.Dossier) -> list[tuple[str, str, str, bool]]:
    return [(c.first, c.second, c.reason.value, c.linked) for c in analysis.contradictions(d)]


Corroborated = tuple[int, list[list[str]], list[str | None], list[str]]
"""A claim's corroboration as `claims.sql` gives it: count, origins, uncounted, partial."""


def expected_corroborations(d: claims.Dossier) -> dict[str, Corroborated]:
    return {
        cid: (
            found.count,
            [list(o.claims) for o in found.origins],
            [o.uncounted for o in found.origins],
            [p.claim for p in found.partial],
        )
        for cid, found in analysis.corroborations(d).items()
    }


def expected_uncertainties(d: claims.Dossier) -> list[tuple[Any, ...]]:
    return [
        (u.claim, TAGS[type(u.subject)], term(u.subject), u.predicate, list(u.known))
        for u in analysis.uncertainties(d)
    ]


def expected_current(d: claims.Dossier) -> list[tuple[Any, ...]]:
    replaced = {r.claim: r for r in analysis.current(d).replaced}
    found: list[tuple[Any, ...]] = []
    for cid in d.claims:
        r = replaced.get(cid)
        if r is None:
            found.append((cid, "active", None, cid, [cid]))
        else:
            found.append((cid, r.status.kind.value, r.status.by, r.current, list(r.path)))
    return found


def expected_silences(d: claims.Dossier) -> list[tuple[Any, ...]]:
    return [
        (s.actor, s.kind.value, s.claim, s.stance and s.stance.value, list(s.accusations))
        for s in analysis.silences(d)
    ]


def expected_timeline(d: claims.Dossier) -> list[tuple[Any, ...]]:
    return [
        (
            m.claim,
            m.kind.value,
            m.actor,
            m.source,
            m.when.at.replace(tzinfo=None),
            m.when.at.utcoffset().total_seconds(),
            m.when.precision.value,
            m.approximate,
        )
        for m in analysis.timeline(d)
    ]


def term(subject: Any) -> str:
    return str(subject.value if isinstance(subject, claims.Text) else subject.id)


def rows(table: Any) -> list[tuple[Any, ...]]:
    return [tuple(r.values()) for r in table.to_pylist()]


def by_row(found: list[tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Rows of corroborations, (claim, count, origins, uncounted), by claim."""
    return {claim: tuple(rest) for claim, *rest in found}


def by_claim(table: Any) -> dict[str, Corroborated]:
    return {
        r["claim"]: (r["count"], r["origins"], r["uncounted"], r["partial"])
        for r in table.to_pylist()
    }


ENUMS = frozenset(
    {
        "stance",
        "status",
        "subject_type",
        "object_type",
        "kind",
        "when_precision",
        "made_precision",
        "published_precision",
        "reliability",
        "likelihood",
        "confidence",
    }
)
"""Columns holding a fixed vocabulary, kept as they are when dossiers are batched."""

SPREAD = 1_000_000
"""How far apart the positions of two batched dossiers' claims start."""


def mark(n: int) -> str:
    """What the strings of the `n`-th batched dossier start with."""
    return f"{n:03d}~"


def batched(dossiers: list[claims.Dossier]) -> dict[str, Any]:
    """One table set holding several dossiers that cannot meet in any question.

    Every string of the `n`-th dossier but its vocabulary (ids, subjects,
    predicates, objects, units, places) starts with `mark(n)`, and its
    claims' positions start at ``n * SPREAD``: no subject, predicate or
    object is shared between dossiers, and each keeps its own order. The
    questions' predicate sets must be given marked too (`marked`).
    """
    from claims import parquet

    parts = [parquet.tables(d) for d in dossiers]
    return {
        name: pa_concat(
            [_marked_table(part[name], mark(n), n * SPREAD) for n, part in enumerate(parts)]
        )
        for name in parts[0]
    }


def marked(values: Any, n: int) -> set[str]:
    """`values` as each of `n` batched dossiers spells them."""
    return {mark(i) + v for i in range(n) for v in values}


def marked_vocabulary(vocabulary: Any, n: int) -> Any:
    """`vocabulary` as each of `n` batched dossiers spells its names."""
    from claims.vocabulary import Vocabulary

    def names(record: Any, i: int) -> dict[str, Any]:
        return {
            "id": mark(i) + record.id,
            "label": mark(i) + record.label,
            "aliases": tuple(mark(i) + a for a in record.aliases),
        }

    def unit(predicate: Any, i: int) -> dict[str, Any]:
        return {} if predicate.unit is None else {"unit": mark(i) + predicate.unit}

    return Vocabulary(
        [
            attrs.evolve(p, **names(p, i), **unit(p, i))
            for i in range(n)
            for p in vocabulary.predicates
        ],
        [attrs.evolve(u, **names(u, i)) for i in range(n) for u in vocabulary.units],
    )


def pa_concat(tables: list[Any]) -> Any:
    import pyarrow as pa

    return pa.concat_tables(tables)


def _marked_table(table: Any, prefix: str, offset: int) -> Any:
    import pyarrow as pa

    def walk(key: str, value: Any) -> Any:
        if isinstance(value, str):
            return value if key in ENUMS else prefix + value
        if isinstance(value, list):
            return [walk(key, v) for v in value]
        if isinstance(value, dict):
            return {k: walk(k, v) for k, v in value.items()}
        return value

    found = [{k: walk(k, v) for k, v in row.items()} for row in table.to_pylist()]
    if "subject" in table.column_names:
        for row in found:
            row["position"] += offset
    return pa.Table.from_pylist(found, schema=table.schema)


def unbatched(table: Any, n: int) -> list[list[tuple[Any, ...]]]:
    """The rows of a batched answer, split back by dossier, with the marks removed.

    A row belongs to the dossier whose mark its first column carries.
    """
    found: list[list[tuple[Any, ...]]] = [[] for _ in range(n)]

    def strip(value: Any, prefix: str) -> Any:
        if isinstance(value, str):
            return value.removeprefix(prefix)
        if isinstance(value, list):
            return [strip(v, prefix) for v in value]
        return value

    for row in rows(table):
        i = int(row[0][:3])
        found[i].append(tuple(strip(v, mark(i)) for v in row))
    return found


def check_batch(dossiers: list[claims.Dossier], **engine: Any) -> None:
    """Assert that every question, on `dossiers` batched, answers as each dossier does."""
    from claims import sql as csql

    n = len(dossiers)
    tables = batched(dossiers)
    vocabulary = marked_vocabulary(dossiers[0].vocabulary, n)
    found = csql.contradictions(tables, **engine, vocabulary=vocabulary)
    assert unbatched(found, n) == [expected_contradictions(d) for d in dossiers]
    found = csql.corroborations(tables, **engine, vocabulary=vocabulary)
    assert [by_row(part) for part in unbatched(found, n)] == [
        expected_corroborations(d) for d in dossiers
    ]
    found = csql.silences(tables, **engine, vocabulary=vocabulary)
    assert unbatched(found, n) == [expected_silences(d) for d in dossiers]
    found = csql.uncertainties(tables, **engine, vocabulary=vocabulary)
    assert unbatched(found, n) == [expected_uncertainties(d) for d in dossiers]
    for question, expected in [
        (csql.current, expected_current),
        (csql.timeline, expected_timeline),
    ]:
        assert unbatched(question(tables, **engine), n) == [expected(d) for d in dossiers]


def same_content(written: Any, answer: Any) -> None:
    """`written` (read back from Parquet) holds `answer`: names, kinds of column, rows, order."""
    assert written.column_names == answer.column_names
    assert [_kind(f.type) for f in written.schema] == [_kind(f.type) for f in answer.schema]
    assert written.cast(answer.schema).equals(answer)


def _kind(kind: Any) -> Any:
    """A column type, with Parquet's one string kind and unnamed list items."""
    import pyarrow as pa

    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return ("list", _kind(kind.value_type))
    return "string" if pa.types.is_large_string(kind) else str(kind)


LATER = {
    "claims": ["object_identifiers", "object_within", "when_words", "when_part"],
    "events": ["when_words", "when_part"],
    "sources": ["published_words", "published_part"],
}
"""Columns added to the export after it was first written: an older export has
none of them. The seed uses none (no places; its times have no words)."""


def older_export(source: Path, to: Path) -> None:
    """A copy of the export `source` in `to`, without the `LATER` columns."""
    to.mkdir()
    for path in source.glob("*.parquet"):
        table = pq.read_table(path)
        gone = [c for c in LATER.get(path.stem, []) if c in table.column_names]
        pq.write_table(table.drop_columns(gone), to / path.name)
