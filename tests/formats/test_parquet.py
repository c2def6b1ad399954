"""The Parquet export, read back with DuckDB."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest
from hypothesis import given, settings

import claims
from claims import json as claims_json
from claims import parquet, store
from claims import strategies as cs
from claims._convert import TAGS
from support import examples


def sql(query: str, directory: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    for table in parquet.SCHEMAS:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM '{directory}/{table}.parquet'")
    rows = con.execute(query).fetchall()
    con.close()
    return rows


def test_duckdb_answers_who_claimed_what(seed_path: Path, tmp_path: Path) -> None:
    seed = claims.load(seed_path)
    files = parquet.export(seed, tmp_path)
    assert set(files) == set(parquet.SCHEMAS)
    rows = sql(
        """
        SELECT a.id, c.id, c.stance, c.predicate, c.status
        FROM claims c JOIN actors a ON a.id = c.claimant
        ORDER BY a.id, c.id
        """,
        tmp_path,
    )
    expected = sorted(
        (actor, c.id, c.stance.value, c.proposition.predicate, seed.status(c.id).kind.value)
        for actor in seed.actors
        for c in seed.claims_by(actor)
    )
    assert rows == expected
    # Who relayed Reuters' figures, from the hops table.
    relayed = sql(
        """
        SELECT DISTINCT h.reporter FROM hops h JOIN claims c ON c.id = h.claim
        WHERE c.claimant = 'reuters' ORDER BY 1
        """,
        tmp_path,
    )
    assert relayed == sorted({(h.reporter,) for c in seed.claims_by("reuters") for h in c.chain})


@settings(max_examples=examples(40))
@given(cs.dossiers())
def test_every_table_holds_every_record(tmp_path_factory: Any, d: claims.Dossier) -> None:
    out = tmp_path_factory.mktemp("parquet")
    parquet.export(d, out)
    counts = sql(
        "SELECT (SELECT count(*) FROM actors), (SELECT count(*) FROM sources), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM claims), "
        "(SELECT count(*) FROM links), (SELECT count(*) FROM hops), (SELECT count(*) FROM quotes)",
        out,
    )
    assert counts == [
        (
            len(d.actors),
            len(d.sources),
            len(d.events),
            len(d.claims),
            len(d.links),
            sum(len(c.chain) for c in d.claims.values()),
            sum(len(c.quotes) for c in d.claims.values()),
        )
    ]
    rows = sql("SELECT id, json, status, status_by, subject, object_type FROM claims", out)
    for cid, text, status, by, subject, object_type in rows:
        claim = d.claim(cid)
        assert claims_json.structure(orjson.loads(text), claims.Claim) == claim
        assert (status, by) == (d.status(cid).kind.value, d.status(cid).by)
        term = claim.proposition.subject
        assert subject == (term.value if isinstance(term, claims.Text) else term.id)
        assert object_type == TAGS[type(claim.proposition.object)]
    reviews = sql("SELECT id, claim, reviewer, verdict, rating, appearances FROM reviews", out)
    assert {row[0]: row[1:] for row in reviews} == {
        r.id: (r.claim, r.reviewer, r.verdict, r.rating, list(r.appearances))
        for r in d.reviews.values()
    }


def test_a_store_exports_as_its_dossier_does(seed_path: Path, tmp_path: Path) -> None:
    seed = claims.load(seed_path)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
        parquet.export(s, tmp_path / "from-store")
    parquet.export(seed, tmp_path / "from-dossier")
    for table in parquet.SCHEMAS:
        a = sql(f"SELECT * FROM {table}", tmp_path / "from-store")
        b = sql(f"SELECT * FROM {table}", tmp_path / "from-dossier")
        assert a == b, table


def test_without_pyarrow_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(claims.ClaimsError, match=r"pip install 'claims\[parquet\]'"):
        parquet.export(claims.Dossier(), tmp_path)


@settings(max_examples=40)
@given(cs.dossiers())
def test_times_read_back_as_written_in_their_own_offset(
    tmp_path_factory: Any, d: claims.Dossier
) -> None:
    out = tmp_path_factory.mktemp("parquet")
    parquet.export(d, out)
    rows = sql(
        "SELECT id, made_start, made_end, made_offset, made_precision, made_start_utc, "
        "made_start::DATE, when_start, when_offset FROM claims",
        out,
    )
    for cid, start, end, offset, precision, utc, day, when_start, when_offset in rows:
        claim = d.claim(cid)
        made, when = claim.made, claim.proposition.when
        if made is None:
            assert (start, end, offset, precision, utc) == (None,) * 5
        elif not made.resolved:  # only its words and precision
            assert (start, end, offset, precision, utc) == (
                None,
                None,
                None,
                made.precision.value,
                None,
            )
        else:
            assert start == made.at.replace(tzinfo=None)
            assert day == made.at.date()
            assert end == made.end.replace(tzinfo=None)
            assert offset == made.at.utcoffset().total_seconds()
            assert precision == made.precision.value
            assert utc == made.at
        if when is None or not when.resolved:
            assert (when_start, when_offset) == (None, None)
        else:
            assert when_start == when.at.replace(tzinfo=None)
            assert when_offset == when.at.utcoffset().total_seconds()


def test_the_seeds_days_are_the_days_the_article_gave(seed_path: Path, tmp_path: Path) -> None:
    parquet.export(claims.load(seed_path), tmp_path)
    days = sql(
        "SELECT made_start::DATE, count(*) FROM claims WHERE made_precision = 'day' GROUP BY 1",
        tmp_path,
    )
    assert [(str(day), n) for day, n in days] == [("2024-01-04", 35)]


def test_no_column_is_a_reserved_word() -> None:
    reserved = {"where", "end", "start", "order", "group", "select", "from", "when"}
    for table in parquet.SCHEMAS:
        assert not set(parquet.SCHEMAS[table].names) & reserved, table
