"""claims.sql on DuckDB answers as claims.analysis does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import parquet
from claims import sql as csql
from claims.vocabulary import Predicate, Vocabulary
from sql_support import (
    by_claim,
    check_batch,
    crowded,
    expected_contradictions,
    expected_corroborations,
    expected_current,
    expected_silences,
    expected_timeline,
    expected_uncertainties,
    rows,
)
from support import SEED

pytestmark = pytest.mark.engines


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


@settings(max_examples=10)
@given(st.lists(crowded(), min_size=1, max_size=6))
def test_batched_dossiers_answer_each_as_alone(ds: list[claims.Dossier]) -> None:
    """The batching the Spark tests use keeps every dossier's answers its own."""
    check_batch(ds)


def test_the_seed_from_a_parquet_export(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    assert rows(csql.contradictions(tmp_path)) == expected_contradictions(seed)
    assert by_claim(csql.corroborations(tmp_path)) == expected_corroborations(seed)
    assert rows(csql.silences(tmp_path)) == expected_silences(seed)
    assert rows(csql.current(tmp_path)) == expected_current(seed)
    assert rows(csql.uncertainties(tmp_path)) == expected_uncertainties(seed)
    assert rows(csql.timeline(tmp_path)) == expected_timeline(seed)


def test_the_vocabulary_cases_answer_as_in_memory() -> None:
    """Tolls in other words, texts with and without a silencing link, places, a where."""
    blast = claims.EventRef("blast")

    def said(cid: str, who: str, predicate: str, obj: Any, **kw: Any) -> claims.Claim:
        return claims.Claim(cid, who, claims.Proposition(blast, predicate, obj, **kw))

    records: list[Any] = [
        claims.Actor("ministry", "Ministry"),
        claims.Actor("hospital", "Hospital"),
        claims.Event("blast", "the blast"),
        said("twelve", "hospital", "killed", claims.Quantity(12, unit="people"), where="port"),
        said("nine", "ministry", "Deaths", claims.Quantity(9, unit="dead"), where="harbour"),
        said("eight", "ministry", "fatalities", claims.Quantity(8, unit="persons")),
        said("unclear", "ministry", "death toll", claims.Unknown()),
        said("accident", "ministry", "cause", claims.Text("an accident")),
        said("valve", "ministry", "caused by", claims.Text("a failure in a valve")),
        said("drone", "hospital", "cause", claims.Text("a drone")),
        said("district", "ministry", "location", claims.Text("the district")),
        said("terrain", "hospital", "place", claims.Text("open terrain")),
        claims.Link(claims.LinkKind.SUPPORTS, "valve", "accident"),
        claims.Link(claims.LinkKind.EQUIVALENT, "terrain", "drone"),
        claims.Link(claims.LinkKind.CONTRADICTS, "district", "terrain"),
    ]
    d = claims.Dossier(records)
    tables = parquet.tables(d)
    found = rows(csql.contradictions(tables))
    assert found == expected_contradictions(d)
    assert ("accident", "valve") not in {(c, o) for c, o, _, _ in found}
    assert {r for _, _, r, _ in found} == {"disjoint_quantities", "different_texts"}
    assert rows(csql.uncertainties(tables)) == expected_uncertainties(d)
    own = Vocabulary([Predicate("cause", "cause", ["caused by"])], [])
    d.vocabulary = own
    assert rows(csql.contradictions(tables, vocabulary=own)) == expected_contradictions(d)
    assert rows(csql.uncertainties(tables, vocabulary=own)) == expected_uncertainties(d)


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
    found = {r["claim"]: (r["count"], r["origins"], r["uncounted"], r["partial"]) for r in lines}
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
    # No export is left behind; only SQLite's own -wal and -shm, which a
    # read-only reader of a WAL store leaves (docs/reliability.md).
    left = {p.name for p in tmp_path.iterdir()}
    assert left - {"s.db-wal", "s.db-shm"} == {"s.db"}


def test_a_duckdb_connection_lends_its_settings_and_keeps_nothing(tmp_path: Path) -> None:
    import duckdb

    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    con = duckdb.connect(config={"memory_limit": "500MB", "threads": 1})
    con.sql("CREATE TABLE claims AS SELECT 1 AS mine")
    lent = []

    class Lender:
        def cursor(self) -> duckdb.DuckDBPyConnection:
            lent.append(con.cursor())
            return lent[-1]

    found = csql.corroborations(tmp_path, session=Lender())
    assert len(lent) == 1
    assert by_claim(found) == expected_corroborations(seed)
    assert rows(csql.contradictions(tmp_path, session=con)) == expected_contradictions(seed)
    assert con.sql("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall() == [("claims",)]
    assert con.sql("SELECT * FROM claims").fetchall() == [(1,)]
    assert con.sql("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchall() == [(0,)]


def _independence_cases() -> list[claims.Dossier]:
    """Small dossiers for relays, reactions, partial support and ties in time."""
    from claims import (
        Actor,
        ActorRef,
        Affiliation,
        Claim,
        Event,
        EventRef,
        Hop,
        Link,
        LinkKind,
        Proposition,
        Quantity,
        Quote,
        Source,
        Text,
        TieNature,
        Unknown,
        When,
    )

    toll = Proposition(EventRef("e"), "killed", Quantity(16, unit="civilians"))
    alias = Proposition(EventRef("e"), "deaths", Quantity(16, unit="people"))
    vague = Proposition(EventRef("e"), "killed", Unknown("no figure"))
    said = Proposition(ActorRef("d"), "mistreated", Text("artists"))
    actors = [Actor(x, x.upper()) for x in "abcd"]
    wire = Hop("d", "reported")
    read = Hop("a", "reported", source="s")
    quote = Quote("s", "sixteen", 0, 7)
    cases = [
        [Claim("1", "a", toll, chain=[wire]), Claim("2", "b", toll, chain=[wire])],
        [
            Source("s", "S", publisher="a"),
            Claim("1", "b", toll, chain=[read], quotes=[quote]),
            Claim("2", "c", toll, chain=[read], quotes=[quote]),
            Claim("3", "d", toll, chain=[Hop("c", "said"), read], quotes=[quote]),
            Claim("4", "b", toll, chain=[Hop("c", "said")]),
        ],
        [
            Claim("1", "a", said),
            Claim("2", "b", said),
            Claim("3", "c", said),
            Link(LinkKind.REACTS_TO, "2", "1"),
            Link(LinkKind.ENDORSES, "3", "2"),
        ],
        [
            Claim("1", "a", toll),
            Claim("2", "b", vague),
            Claim("3", "c", alias),
            Link(LinkKind.SUPPORTS, "2", "1"),
            Link(LinkKind.SUPPORTS, "3", "1"),
        ],
    ]
    found = [claims.Dossier([*actors, Event("e", "E"), *c]) for c in cases]
    ties = [
        Affiliation("b", nature=TieNature.MEMBER_OF, former=True),
        Affiliation("b", nature=TieNature.RIVAL_OF),
        Affiliation("b", nature=TieNature.OWNED_BY, until=When.year(2020)),
        Affiliation("b", nature=TieNature.CLOSE_TO, since=When.year(2022)),
    ]
    for tie in ties:
        tied = [
            Actor("a", "A", affiliations=[tie]),
            Actor("b", "B", affiliations=[Affiliation("c")]),
            Actor("c", "C"),
            Actor("d", "D", part_of="b"),
            Claim("1", "a", said, made=When.year(2019)),
            Claim("2", "b", said, made=When.year(2023)),
            Claim("3", "c", said),
            Claim("4", "d", said),
            Claim("5", "a", said, made=When.year(2024)),
        ]
        found.append(claims.Dossier(tied))
    return found


def test_relays_reactions_partial_support_and_ties_in_sql() -> None:
    for d in _independence_cases():
        assert by_claim(csql.corroborations(parquet.tables(d))) == expected_corroborations(d)
