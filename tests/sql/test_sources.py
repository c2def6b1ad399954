"""What claims.sql reads: an export missing tables that have no rows."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

import claims
from claims import parquet
from claims import sql as csql
from claims.exceptions import ClaimsError
from sql_support import (
    LATER,
    by_claim,
    expected_corroborations,
    expected_timeline,
    older_export,
    rows,
)
from support import SEED


def test_an_export_without_its_empty_tables_is_read_as_if_they_were_there(
    tmp_path: Path,
) -> None:
    """Tables written by other tools may hold only claims, actors and links."""
    said = claims.Proposition(claims.EventRef("e"), "killed", claims.Quantity(3))
    d = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Actor("b", "B"),
            claims.Event("e", "E"),
            claims.Claim("1", "a", said),
            claims.Claim("2", "b", said),
            claims.Link(claims.LinkKind.REPEATS, "2", "1"),
        ]
    )
    parquet.export(d, tmp_path)
    for name in ("sources", "events", "hops", "quotes", "reviews"):
        (tmp_path / f"{name}.parquet").unlink()
    assert by_claim(csql.corroborations(tmp_path)) == expected_corroborations(d)
    assert rows(csql.timeline(tmp_path)) == expected_timeline(d)


def _answers(tables: object) -> list[object]:
    return [
        rows(csql.contradictions(tables)),
        by_claim(csql.corroborations(tables)),
        rows(csql.silences(tables)),
        rows(csql.uncertainties(tables)),
        rows(csql.current(tables)),
        rows(csql.timeline(tables)),
    ]


def test_an_older_export_without_later_columns_answers_the_same(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    assert not [c for c in seed.claims.values() if isinstance(c.proposition.object, claims.Place)]
    parquet.export(seed, tmp_path / "now")
    older_export(tmp_path / "now", tmp_path / "old")
    assert "object_within" not in pq.read_schema(tmp_path / "old" / "claims.parquet").names
    assert _answers(tmp_path / "old") == _answers(tmp_path / "now")
    assert by_claim(csql.corroborations(tmp_path / "old")) == expected_corroborations(seed)


def test_arrow_tables_without_later_columns_answer_the_same(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    tables = parquet.tables(seed)
    older = {
        name: table.drop_columns([c for c in LATER.get(name, []) if c in table.column_names])
        for name, table in tables.items()
    }
    assert _answers(older) == _answers(tables)


@pytest.mark.parametrize(
    ("table", "column"), [("claims", "stance"), ("links", "target"), ("hops", "reporter")]
)
def test_a_table_without_a_key_column_is_an_error_naming_it(
    tmp_path: Path, table: str, column: str
) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    path = tmp_path / f"{table}.parquet"
    pq.write_table(pq.read_table(path).drop_columns([column]), path)
    with pytest.raises(ClaimsError, match=rf"{table}\.parquet: no column '{column}'"):
        csql.corroborations(tmp_path)
    tables = {
        name: pq.read_table(tmp_path / f"{name}.parquet") for name in ("claims", "links", "hops")
    }
    with pytest.raises(ClaimsError, match=rf"the {table} table given: no column '{column}'"):
        csql.contradictions(tables)


def test_a_file_that_is_not_parquet_is_an_error_naming_it(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    (tmp_path / "links.parquet").write_text("kind,claim,target\n", encoding="utf-8")
    with pytest.raises(ClaimsError, match=r"links\.parquet: cannot read it as Parquet"):
        csql.contradictions(tmp_path)
