"""Every document that loads exports to every format and reads in every command.

The generated dossiers (`claims.strategies`) include the edges the model
allows: times in the first days of year 2 and the last of year 9998 with any
offset, quote offsets near 2**53, odd ids (controls, markup, separators)
and text of any Unicode. Nothing may raise anything but a `ClaimsError`.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from prov.model import ProvDocument

import claims
from claims import analysis, graph, jsonl, parquet, prov, stix, strategies, views
from claims.claimreview import to_claimreview
from claims.cli import main
from claims.confidence import StixScale
from claims.misp import to_event
from claims.sql import QUESTIONS
from exchange_support import mutations, without_reviews

EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(*argv: str) -> tuple[int, str, str]:
    """`claims ARGV` in this process: its status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def export_everywhere(dossier: claims.Dossier, tmp: Path) -> None:
    """Every exporter of the library on `dossier`."""
    assert claims.loads(claims.dumps(dossier)) == dossier
    jsonl.dump_lines(dossier, tmp / "d.jsonl")
    assert jsonl.load_lines(tmp / "d.jsonl") == dossier
    for scale in (None, StixScale.DNI, StixScale.ADMIRALTY_CREDIBILITY):
        bundle = stix.to_stix_bundle(dossier, scale=scale)
        json.dumps(bundle, ensure_ascii=False)
    # STIX leaves the reviews out, and says so (claims.stix.left_out).
    assert stix.from_stix_bundle(bundle).dossier == without_reviews(dossier)
    # PROV-N through the prov library (PROV-XML cannot hold every character
    # of a text: tests/formats/test_prov.py checks it on XML-safe texts).
    document = ProvDocument.deserialize(content=json.dumps(prov.to_prov(dossier)), format="json")
    document.serialize(format="provn")
    to_event(dossier).to_json()
    json.dumps(to_claimreview(dossier))
    parquet.export(dossier, tmp / "tables")
    parquet.tables(dossier)
    graph.mermaid(dossier)
    graph.dot(dossier)
    views.html(dossier)
    views.markdown(dossier)


def read_everywhere(dossier: claims.Dossier, tmp: Path, *, analyze: bool = False) -> None:
    """Every command that reads a document, on `dossier` written to a file.

    With `analyze`, also every question of ``claims analyze`` on its Parquet
    export (DuckDB: slower, so only for the hand-made edges).
    """
    path = tmp / "d.json"
    claims.dump(dossier, path)
    assert run("validate", str(path))[0] == 0
    commands = [
        ["report", str(path)],
        ["report", str(path), "--current", "--width", "40"],
        ["report", str(path), "--format", "markdown"],
        ["report", str(path), "--format", "html", "-o", str(tmp / "r.html")],
        ["graph", str(path)],
        ["graph", str(path), "--format", "dot"],
        ["export", str(path), str(tmp / "out.json")],
        ["export", str(path), str(tmp / "pq"), "--format", "parquet"],
        ["export", str(path), "--to", "stix", "--scale", "dni"],
        ["export", str(path), "--to", "prov"],
        ["export", str(path), "--to", "misp"],
        ["import", str(tmp / "s.db"), str(path)],
        ["report", str(tmp / "s.db")],
        ["validate", str(tmp / "s.db")],
    ]
    if analyze:
        commands += [
            ["analyze", str(tmp / "pq"), "--question", question, "-o", str(tmp / "a.jsonl")]
            for question in sorted(QUESTIONS)
        ]
    for argv in commands:
        status, _, err = run(*argv)
        assert status == 0, (argv, err)


# Values a mutation may put anywhere: junk, and the edges the model allows.
EDGE_VALUES = st.sampled_from(
    [
        None,
        "",
        "x",
        "\u202e\x1b[2J\x00",
        0,
        2**53,
        2**53 - 1,
        "0002-01-01T00:00:00+23:59",
        "9998-12-31T23:59:59-23:59",
        "9998-12-31T23:59:59.999999+00:00",
        [],
        {},
    ]
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    """A generated document with one to three values replaced or removed."""
    document = orjson.loads(claims.dumps(draw(strategies.dossiers())))
    return orjson.dumps(draw(mutations(document, junk=EDGE_VALUES)))


@EXAMPLES
@given(mutated_documents())
def test_every_mutated_document_that_loads_exports_and_reads_everywhere(text: bytes) -> None:
    try:
        dossier = claims.loads(text)
    except claims.LoadError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        export_everywhere(dossier, Path(tmp))
        read_everywhere(dossier, Path(tmp))


@EXAMPLES
@given(strategies.dossiers())
def test_every_exporter_and_command_takes_every_generated_dossier(
    dossier: claims.Dossier,
) -> None:
    # MISP refuses a name its trimming empties (tests/exchange/test_misp.py).
    assume(all(a.name.strip().strip("\x00") for a in dossier.actors.values()))
    with tempfile.TemporaryDirectory() as tmp:
        export_everywhere(dossier, Path(tmp))
        read_everywhere(dossier, Path(tmp))


EDGES = [
    # The last second, day and year allowed, at both ends of the offsets.
    claims.When(datetime(9998, 12, 31, 23, 59, 59, tzinfo=timezone(-timedelta(hours=23)))),
    claims.When.day(9998, 12, 31, tz=timezone(timedelta(hours=-12))),
    claims.When.year(9998, tz=timezone(timedelta(hours=-12))),
    claims.When.year(2, tz=timezone(timedelta(hours=23, minutes=59))),
]


@pytest.mark.parametrize("when", EDGES, ids=str)
def test_opposing_claims_at_the_edges_of_time_read_in_every_command(when: claims.When) -> None:
    far = claims.Quote("s", "words", 2**53 - 5, 2**53)
    said = claims.Proposition(claims.Text("x"), "killed", claims.Text("y"), when=when)
    dossier = claims.Dossier(
        [
            claims.Actor("a", "A"),
            claims.Source("s", "S", published=when, retrieved=when.at),
            claims.Claim("c1", "a", said, stance=claims.Stance.ASSERTS, made=when),
            claims.Claim("c2", "a", said, stance=claims.Stance.DENIES, made=when, quotes=[far]),
        ]
    )
    assert len(analysis.contradictions(dossier)) == 1
    with tempfile.TemporaryDirectory() as tmp:
        export_everywhere(dossier, Path(tmp))
        read_everywhere(dossier, Path(tmp), analyze=True)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: claims.When.year(1, tz=timezone(timedelta(hours=5))), "years 2 to 9998"),
        (lambda: claims.When(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)), "years 2 to 9998"),
        (lambda: claims.Quote("s", "abc", 2**63, 2**63 + 3), r"between 0 and 9007199254740992"),
        (
            lambda: claims.When(datetime(2024, 1, 4, tzinfo=timezone(timedelta(seconds=30)))),
            "whole minutes",
        ),
    ],
)
def test_times_and_offsets_no_command_could_handle_are_refused(make: object, message: str) -> None:
    with pytest.raises(claims.InvalidValueError, match=message):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    "document",
    [
        {"sources": [{"id": "s", "title": "t", "retrieved": "0001-01-01T00:00:00+05:00"}]},
        {"sources": [{"id": "s", "title": "t", "published": {"at": "9999-12-31T23:59:59Z"}}]},
    ],
)
def test_documents_with_such_values_fail_validate_instead_of_crashing_later(
    document: dict[str, object], tmp_path: Path
) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"schema_version": 2, **document}))
    status, _, err = run("validate", str(path))
    assert status == 1
    assert "years 2 to 9998" in err
