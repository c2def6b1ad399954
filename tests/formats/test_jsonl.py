"""JSON Lines: streaming reads, line-numbered errors, atomic writes."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings

import claims
from claims import strategies

_TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def actor_line(i: int) -> bytes:
    return orjson.dumps({"actor": {"id": f"a{i}", "name": f"Actor {i}"}}) + b"\n"


def write(path: Path, *lines: bytes | str) -> Path:
    path.write_bytes(b"".join(x.encode() if isinstance(x, str) else x for x in lines))
    return path


@_TMP
@given(strategies.dossiers())
def test_round_trip_through_json_lines(tmp_path: Path, dossier: claims.Dossier) -> None:
    path = tmp_path / "d.jsonl"
    count = claims.dump_lines(dossier, path)
    assert count == len(dossier)
    assert list(claims.iter_load(path)) == list(dossier.records())
    assert claims.load_lines(path) == dossier


def test_the_file_is_a_header_then_one_record_per_line(tmp_path: Path) -> None:
    d = claims.Dossier([claims.Actor("r", "Reuters", kind=claims.ActorKind.NEWS_AGENCY)])
    claims.dump_lines(d, tmp_path / "d.jsonl")
    lines = (tmp_path / "d.jsonl").read_text().splitlines()
    assert lines == [
        '{"schema_version":2}',
        '{"actor":{"id":"r","name":"Reuters","kind":"news_agency"}}',
    ]


def review_dossier() -> claims.Dossier:
    return claims.Dossier(
        [
            claims.Actor("r", "Reuters"),
            claims.Actor("ff", "Full Fact"),
            claims.Claim("c", "r", claims.Proposition(claims.Text("x"), "is", claims.Text("y"))),
            claims.Review("rv", "c", "ff", "False"),
        ]
    )


def test_a_file_with_reviews_has_the_header_of_version_3(tmp_path: Path) -> None:
    d = review_dossier()
    claims.dump_lines(d, tmp_path / "d.jsonl")
    lines = (tmp_path / "d.jsonl").read_text().splitlines()
    assert lines[0] == '{"schema_version":3}'
    assert lines[-1] == '{"review":{"id":"rv","claim":"c","reviewer":"ff","verdict":"False"}}'
    assert claims.load_lines(tmp_path / "d.jsonl") == d


def test_records_from_an_iterable_get_the_header_their_reviews_need(tmp_path: Path) -> None:
    records = list(review_dossier().records())
    claims.dump_lines(iter(records), tmp_path / "with.jsonl")
    claims.dump_lines(iter(records[:-1]), tmp_path / "without.jsonl")
    assert (tmp_path / "with.jsonl").read_text().splitlines()[0] == '{"schema_version":3}'
    assert (tmp_path / "without.jsonl").read_text().splitlines()[0] == '{"schema_version":2}'
    assert list(claims.iter_load(tmp_path / "with.jsonl")) == records


def test_a_bad_line_is_reported_by_number_after_the_good_ones(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.jsonl",
        '{"schema_version": 2}\n',
        actor_line(1),
        "\n",
        actor_line(2),
        '{"actor": {"id": "a3", "name": 7}}\n',
        actor_line(4),
    )
    seen: list[claims.Record] = []
    with pytest.raises(claims.LoadError) as info:
        seen.extend(claims.iter_load(path))
    assert [a.id for a in seen if isinstance(a, claims.Actor)] == ["a1", "a2"]
    assert [str(p) for p in info.value.problems] == [
        "line 5: actor.name: must be a string, not an integer"
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (['{"schema_version": 2}\n', "{oops\n"], "line 2: not valid JSON"),
        (['{"schema_version": 2}\n', '{"person": {}}\n'], "line 2: must be an object with one key"),
        (['{"schema_version": 2}\n', "[1]\n"], "line 2: must be an object, not a list"),
        (['{"schema_version": 2, "x": 1}\n'], "line 1: must be the header"),
        (['{"actor": {"id": "a", "name": "A"}}\n'], "line 1: must be the header"),
        (['{"schema_version": 5}\n'], "line 1: schema_version: 5 is newer than this release"),
        (['{"schema_version": "2"}\n'], "line 1: schema_version: must be an integer"),
        ([], "line 1: needs a header"),
    ],
)
def test_bad_files_say_which_line(tmp_path: Path, lines: list[str], expected: str) -> None:
    path = write(tmp_path / "d.jsonl", *lines)
    with pytest.raises(claims.LoadError) as info:
        list(claims.iter_load(path))
    assert str(info.value.problems[0]).startswith(expected)


def test_version_1_lines_are_migrated(tmp_path: Path) -> None:
    claim = {
        "id": "c",
        "claimant": "a1",
        "proposition": {
            "subject": {"type": "text", "value": "the strike"},
            "predicate": "claimed_by",
            "object": {"type": "none", "note": "no group has claimed responsibility"},
        },
    }
    path = write(
        tmp_path / "d.jsonl",
        '{"schema_version": 1}\n',
        actor_line(1),
        orjson.dumps({"claim": claim}),
    )
    d = claims.load_lines(path)
    assert d.claim("c").proposition.object == claims.NoValue("no group has claimed responsibility")


def test_load_lines_checks_integrity_across_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.jsonl",
        '{"schema_version": 2}\n',
        orjson.dumps({"source": {"id": "s", "title": "T", "publisher": "nobody"}}),
    )
    assert len(list(claims.iter_load(path))) == 1
    with pytest.raises(claims.LoadError, match="'nobody' is not a known actor"):
        claims.load_lines(path)


def test_reading_streams_in_constant_memory(tmp_path: Path) -> None:
    small = write(tmp_path / "small.jsonl", '{"schema_version": 2}\n', *map(actor_line, range(500)))
    big = write(tmp_path / "big.jsonl", '{"schema_version": 2}\n', *map(actor_line, range(50_000)))

    def peak(path: Path) -> int:
        tracemalloc.start()
        try:
            count = sum(1 for _ in claims.iter_load(path))
            return tracemalloc.get_traced_memory()[1] if count else 0
        finally:
            tracemalloc.stop()

    # A hundred times the records, and the peak stays within a small margin.
    assert peak(big) < peak(small) + 64_000
    assert big.stat().st_size > 2_000_000


def test_dump_lines_streams_any_iterable(tmp_path: Path) -> None:
    def generate() -> claims.Record:
        yield from (claims.Actor(f"a{i}", f"Actor {i}") for i in range(3))

    assert claims.dump_lines(generate(), tmp_path / "g.jsonl") == 3
    assert [r.id for r in claims.iter_load(tmp_path / "g.jsonl")] == ["a0", "a1", "a2"]  # type: ignore[union-attr]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    claims.dump_lines([claims.Actor("old", "Old")], path)
    before = path.read_bytes()

    def broken() -> object:
        yield claims.Actor("new", "New")
        yield "not a record"

    with pytest.raises(claims.ClaimsError, match="item 1 is a str"):
        claims.dump_lines(broken(), path)  # type: ignore[arg-type]
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["d.jsonl"]


def test_an_unwritable_place_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(claims.StorageError, match="cannot write"):
        claims.dump_lines([], tmp_path / "missing" / "d.jsonl")
    with pytest.raises(claims.StorageError, match="cannot read"):
        list(claims.iter_load(tmp_path / "missing.jsonl"))
