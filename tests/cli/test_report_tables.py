"""``claims report TABLES``: the findings of a Parquet export, computed by DuckDB."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import orjson
from hypothesis import given, settings

import claims
from claims import analysis, parquet, store
from claims._terminal import is_unsafe
from claims.cli import main
from sql_support import crowded
from support import SEED
from views_support import hostile_dossier


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def _json(argv: list[str]) -> dict[str, object]:
    status, out, err = _run(["report", *argv, "--format", "json"])
    assert (status, err) == (0, "")
    found: dict[str, object] = orjson.loads(out)
    return found


def _expected(d: claims.Dossier) -> dict[str, object]:
    """The findings as claims.analysis gives them in memory, in the report's rows."""
    contradictions = analysis.contradictions(d)
    corroborated = {
        k: v for k, v in analysis.corroborations(d).items() if v.count >= 2 or v.partial
    }
    silences = analysis.silences(d)
    replaced = analysis.current(d).replaced
    return {
        "counts": {
            "claims": len(d.claims),
            "contradictions": len(contradictions),
            "corroborated": sum(v.count >= 2 for v in corroborated.values()),
            "silences": len(silences),
            "replaced": len(replaced),
        },
        "contradictions": [
            {"claim": c.first, "other": c.second, "reason": c.reason.value, "linked": c.linked}
            for c in contradictions
        ],
        "corroborations": [
            {
                "claim": k,
                "count": v.count,
                "origins": [list(o.claims) for o in v.origins],
                "uncounted": [o.uncounted for o in v.origins],
                "partial": [p.claim for p in v.partial],
            }
            for k, v in corroborated.items()
        ],
        "silences": [
            {
                "actor": s.actor,
                "kind": s.kind.value,
                "claim": s.claim,
                "stance": s.stance and s.stance.value,
                "accusations": list(s.accusations),
            }
            for s in silences
        ],
        "current": sorted(
            [
                {
                    "claim": r.claim,
                    "status": r.status.kind.value,
                    "status_by": r.status.by,
                    "current": r.current,
                    "path": list(r.path),
                }
                for r in replaced
            ],
            key=lambda r: list(d.claims).index(str(r["claim"])),
        ),
    }


def test_the_seed_export_reports_what_the_dossier_finds(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    parquet.export(seed, tmp_path)
    assert _json([str(tmp_path)]) == _expected(seed)


@settings(max_examples=20)
@given(crowded())
def test_generated_exports_report_what_the_dossier_finds(d: claims.Dossier) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parquet.export(d, tmp)
        assert _json([tmp]) == _expected(d)


def test_the_text_report_of_the_seed_export(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    status, out, err = _run(["report", str(tmp_path)])
    assert (status, err) == (0, "")
    lines = out.splitlines()
    # Al-Nujaba TV's footage (the strike hit the headquarters) does not
    # state that the strike targeted the PMF: no claim is corroborated, and
    # the footage is listed as partial support, not counted.
    assert lines[1] == "41 claims, 0 contradictions, 0 corroborated, 4 silences, 0 replaced"
    at = lines.index("Corroborations")
    assert lines[at + 1] == (
        "- aj-strike-targeted-pmf: 1 independent origin: aj-strike-targeted-pmf; "
        "supported in part by nujaba-footage (not counted: not the same statement)"
    )
    assert lines[at + 2] == ""
    assert "- us-officials: no_comment (us-officials-no-comment)" in lines
    assert (
        "- coalition: accusations unanswered: gov-blames-coalition, pmo-coalition-responsible"
        in lines
    )
    assert "Contradictions" not in lines


def test_a_store_and_a_document_report_through_the_engine(tmp_path: Path) -> None:
    seed = claims.load(SEED)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
    expected = _expected(seed)
    assert _json([str(tmp_path / "s.db"), "--engine", "duckdb"]) == expected
    assert _json([str(SEED), "--engine", "duckdb"]) == expected


def test_the_report_is_written_to_a_file(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path / "pq")
    out = tmp_path / "findings.txt"
    status, printed, _ = _run(["report", str(tmp_path / "pq"), "-o", str(out)])
    assert (status, printed) == (0, "")
    assert out.read_text(encoding="utf-8") == _run(["report", str(tmp_path / "pq")])[1]


def test_a_format_the_engine_cannot_give_is_refused(tmp_path: Path) -> None:
    parquet.export(claims.load(SEED), tmp_path)
    status, out, err = _run(["report", str(tmp_path), "--format", "html"])
    assert (status, out) == (2, "")
    assert "text or json" in err


def test_a_missing_export_is_an_error(tmp_path: Path) -> None:
    status, out, err = _run(["report", str(tmp_path / "nothing"), "--engine", "duckdb"])
    assert (status, out) == (1, "")
    assert "nothing" in err


def test_the_text_report_of_a_hostile_export_is_safe(tmp_path: Path) -> None:
    dossier, _ = hostile_dossier()
    parquet.export(dossier, tmp_path)
    status, out, _ = _run(["report", str(tmp_path)])
    assert status == 0
    assert not {c for c in out if c != "\n" and is_unsafe(c)}
