"""What claims.sql reads: an export missing tables that have no rows."""

from __future__ import annotations

from pathlib import Path

import claims
from claims import parquet
from claims import sql as csql
from sql_support import by_claim, expected_corroborations, expected_timeline, rows


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
