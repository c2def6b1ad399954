"""Parquet: a place's name and identifiers in their own columns, as the JSON has them."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

import claims
from claims import Place, parquet, strategies


def _ids(identifiers: tuple[claims.Identifier, ...]) -> list[dict[str, str]]:
    return [{"scheme": i.scheme, "value": i.value} for i in identifiers]


@settings(max_examples=40)
@given(strategies.dossiers(max_claims=6))
def test_a_place_is_written_in_its_columns(d: claims.Dossier) -> None:
    rows: list[dict[str, Any]] = parquet.tables(d)["claims"].to_pylist()
    for row in rows:
        obj = d.claim(row["id"]).proposition.object
        if isinstance(obj, Place):
            assert row["object_type"] == "place"
            assert row["object_text"] == obj.name
            assert row["object_identifiers"] == _ids(obj.identifiers)
            assert row["object_within"] == _ids(obj.within)
        else:
            assert row["object_identifiers"] is None
            assert row["object_within"] is None


def test_duckdb_finds_the_claims_placed_within_a_province(tmp_path: Any) -> None:
    import duckdb

    province = claims.Identifier("iso3166", "AF-NAN")
    d = claims.Dossier(
        [
            claims.Actor("council", "The district council"),
            claims.Event("strike", "the air strike"),
        ]
    )
    for cid, place in [
        ("in-district", Place("Tarn Vale", within=[province])),
        ("in-open", Place("open country")),
    ]:
        d.add(
            claims.Claim(
                cid, "council", claims.Proposition(claims.EventRef("strike"), "location", place)
            )
        )
    parquet.export(d, tmp_path)
    found = duckdb.sql(
        f"""
        SELECT id, object_text FROM '{tmp_path}/claims.parquet'
        WHERE list_contains(object_within, {{'scheme': 'iso3166', 'value': 'AF-NAN'}})
        """
    ).fetchall()
    assert found == [("in-district", "Tarn Vale")]
