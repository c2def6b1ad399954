"""`claims schema`, `claims export --to stix|prov`, `claims graph`."""

from __future__ import annotations

import json
from pathlib import Path

import pydot
import pytest
import stix2
from prov.model import ProvDocument

import claims
from claims.cli import main
from claims.stix import EXTENSION_ID

pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated - use:DeprecationWarning")


def test_schema_prints_the_generated_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == claims.json_schema()


def test_export_to_stix_with_a_scale(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "stix", "--scale", "dni", str(seed_path)]) == 0
    bundle = json.loads(capsys.readouterr().out)
    parsed = stix2.parse(json.dumps(bundle), allow_custom=True)
    toll = next(
        o
        for o in parsed.objects
        if o.get("extensions", {}).get(EXTENSION_ID, {}).get("id") == "reuters-killed"
    )
    assert toll.confidence == 70


def test_export_to_stix_without_a_scale_leaves_confidence_out(
    seed_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "--to", "stix", str(seed_path)]) == 0
    bundle = json.loads(capsys.readouterr().out)
    assert not any("confidence" in o for o in bundle["objects"])


def test_export_to_prov_into_a_file(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "seed.prov.json"
    assert main(["export", "--to", "prov", str(seed_path), str(target)]) == 0
    doc = ProvDocument.deserialize(content=target.read_text(), format="json")
    assert len(doc.records) > len(claims.load(seed_path).actors)


def test_export_needs_a_target_without_to(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(seed_path)]) == 2
    assert "TARGET is needed" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_graph(root: Path, seed_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--format", fmt, str(seed_path)]) == 0
    out = capsys.readouterr().out
    if fmt == "dot":
        (graph,) = pydot.graph_from_dot_data(out)
        assert graph.get_name() == "claims"
    else:
        assert out == (root / "docs" / "interop" / "baghdad-drone-strike.mmd").read_text()


def test_graph_of_a_bad_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "actors": [{"id": 1}]}')
    assert main(["graph", str(bad)]) == 1


def test_graph_filters_and_aggregate(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claims.graph import mermaid

    seed = claims.load(seed_path)
    assert main(["graph", str(seed_path), "--claimant", "Iraqi Ministry of Foreign Affairs"]) == 0
    assert capsys.readouterr().out == mermaid(seed, claimant="iraq-mofa")
    assert main(["graph", str(seed_path), "--subject", "abu-taqwa", "--format", "dot"]) == 0
    (parsed,) = pydot.graph_from_dot_data(capsys.readouterr().out)
    claim_nodes = [n for n in parsed.get_nodes() if "rounded" in (n.get("style") or "")]
    assert len(claim_nodes) == len(seed.claims_about("abu-taqwa"))
    assert main(["graph", str(seed_path), "--aggregate"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("  %% aggregated: ")


def test_graph_of_an_unknown_claimant_fails_cleanly(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["graph", str(seed_path), "--claimant", "Nobody\x1b[2J"]) == 1
    err = capsys.readouterr().err
    assert "no actor is named 'Nobody\\x1b[2J'" in err
    assert "\x1b" not in err
