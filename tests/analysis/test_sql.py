"""claims.sql on DuckDB gives exactly the in-memory answers of claims.analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import analysis, parquet, serialize
from claims import sql as csql
from claims import strategies as cs
from support import SEED


@st.composite
def crowded(draw: st.DrawFn) -> claims.Dossier:
    """Generated dossiers whose claims say few different things, so they meet.

    Claims of `claims.strategies.dossiers` (with their chains, parts,
    affiliations, supersessions, retractions and links) get their
    proposition from a small pool: two subjects, predicates that are
    functional, inverse functional, accusing or plain, objects among a few
    actors, texts, unknowns, nones and bounded or approximate quantities,
    and a few times and places.
    """
    d = draw(cs.dossiers(max_actors=5, max_claims=12, max_links=8))
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
            | small_quantities(),
            min_size=1,
            max_size=6,
        )
    )
    predicates = st.sampled_from(["caused_by", "responsible_for", "blamed_for", "killed"])
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
            r = attrs.evolve(r, proposition=p, stance=draw(stances))
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
        unit=draw(st.sampled_from([None, "killed"])),
    )


def expected_contradictions(d: claims.Dossier) -> list[tuple[str, str, str, bool]]:
    return [(c.first, c.second, c.reason.value, c.linked) for c in analysis.contradictions(d)]


def expected_corroborations(d: claims.Dossier) -> dict[str, tuple[int, list[list[str]]]]:
    return {
        cid: (found.count, [list(o.claims) for o in found.origins])
        for cid, found in analysis.corroborations(d).items()
    }


def expected_uncertainties(d: claims.Dossier) -> list[tuple[Any, ...]]:
    return [
        (u.claim, serialize.TAGS[type(u.subject)], term(u.subject), u.predicate, list(u.known))
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
        )
        for m in analysis.timeline(d)
    ]


def term(subject: Any) -> str:
    return str(subject.value if isinstance(subject, claims.Text) else subject.id)


def rows(table: Any) -> list[tuple[Any, ...]]:
    return [tuple(r.values()) for r in table.to_pylist()]


def by_claim(table: Any) -> dict[str, tuple[int, list[list[str]]]]:
    return {r["claim"]: (r["count"], r["origins"]) for r in table.to_pylist()}


@settings(max_examples=200)
@given(crowded())
def test_duckdb_answers_as_the_dossier_does(d: claims.Dossier) -> None:
    tables = parquet.tables(d)
    assert rows(csql.contradictions(tables)) == expected_contradictions(d)
    assert by_claim(csql.corroborations(tables)) == expected_corroborations(d)
    assert rows(csql.silences(tables)) == expected_silences(d)
    assert rows(csql.current(tables)) == expected_current(d)
    assert rows(csql.uncertainties(tables)) == expected_uncertainties(d)
    assert rows(csql.timeline(tables)) == expected_timeline(d)


def test_the_seed_from_a_parquet_export(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    assert rows(csql.contradictions(tmp_path)) == expected_contradictions(seed)
    assert by_claim(csql.corroborations(tmp_path)) == expected_corroborations(seed)
    assert rows(csql.silences(tmp_path)) == expected_silences(seed)
    assert rows(csql.current(tmp_path)) == expected_current(seed)
    assert rows(csql.uncertainties(tmp_path)) == expected_uncertainties(seed)
    assert rows(csql.timeline(tmp_path)) == expected_timeline(seed)


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    with pytest.raises(claims.ClaimsError, match="unknown engine 'sqlite'"):
        csql.contradictions(tmp_path, engine="sqlite")


def test_a_directory_without_an_export_is_refused(tmp_path: Path) -> None:
    with pytest.raises(claims.ClaimsError, match="not a Parquet export"):
        csql.corroborations(tmp_path)


def test_the_command_writes_the_answer_as_jsonl_and_parquet(tmp_path: Path) -> None:
    import orjson
    import pyarrow.parquet as pq

    from claims.cli import main

    seed = claims.load(SEED)
    parquet.export(seed, tmp_path / "pq")
    out = tmp_path / "c.jsonl"
    assert (
        main(["analyze", str(tmp_path / "pq"), "--question", "corroborations", "-o", str(out)]) == 0
    )
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    found = {r["claim"]: (r["count"], r["origins"]) for r in lines}
    assert found == expected_corroborations(seed)
    out = tmp_path / "c.parquet"
    argv = ["analyze", str(tmp_path / "pq"), "--question", "contradictions", "-o", str(out)]
    assert main(argv) == 0
    assert rows(pq.read_table(out)) == expected_contradictions(seed)


def test_the_command_refuses_an_output_it_cannot_write(tmp_path: Path) -> None:
    from claims.cli import main

    parquet.export(claims.load(SEED), tmp_path)
    argv = ["analyze", str(tmp_path), "--question", "contradictions", "-o", "out.csv"]
    assert main(argv) == 2
    assert main(["analyze", str(tmp_path / "nothing"), "--question", "contradictions"]) == 1


def test_a_store_is_analyzed_through_an_export(tmp_path: Path) -> None:
    from claims import store

    seed = claims.load(SEED)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
    assert by_claim(csql.corroborations(tmp_path / "s.db")) == expected_corroborations(seed)
    assert list((tmp_path).iterdir()) == [tmp_path / "s.db"]
