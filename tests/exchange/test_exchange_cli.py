"""`claims export --to misp|stix` and `claims import --from stix|misp`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claims
from claims.cli import main
from claims.misp import from_event

SEED = str(Path(__file__).resolve().parents[2] / "seeds" / "baghdad-drone-strike.json")


def stored(path: Path) -> claims.Dossier:
    with claims.store.open(path, create=False) as s:
        return s.dossier()


def test_export_to_misp_prints_the_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "misp", SEED]) == 0
    assert from_event(json.loads(capsys.readouterr().out)).dossier == claims.load(SEED)


def test_two_stix_exports_print_the_same_bundle(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "stix", "--scale", "dni", SEED]) == 0
    first = capsys.readouterr().out
    assert main(["export", "--to", "stix", "--scale", "dni", SEED]) == 0
    assert capsys.readouterr().out == first


@pytest.mark.parametrize("fmt", ["stix", "misp"])
def test_import_from_an_exchange_format_into_a_store(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / f"seed.{fmt}.json"
    assert main(["export", "--to", fmt, SEED, str(exported)]) == 0
    store = tmp_path / "store.db"
    assert main(["import", "--from", fmt, str(store), str(exported)]) == 0
    assert "records added" in capsys.readouterr().out
    assert stored(store) == claims.load(SEED)


def test_import_lists_what_plain_stix_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--to", "stix", "--scale", "dni", SEED]) == 0
    bundle = json.loads(capsys.readouterr().out)
    for obj in bundle["objects"]:
        obj.pop("extensions", None)
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(bundle))
    store = tmp_path / "store.db"
    assert main(["import", "--from", "stix", "--scale", "dni", str(store), str(plain)]) == 0
    err = capsys.readouterr().err
    assert "left out: note--" in err
    assert "read as plain STIX" in err
    assert len(stored(store).claims) == len(claims.load(SEED).claims)


def test_import_of_a_file_that_is_no_bundle_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "report"}')
    assert main(["import", "--from", "stix", str(tmp_path / "s.db"), str(bad)]) == 1
    assert "is not a STIX bundle" in capsys.readouterr().err


FEED = Path(__file__).resolve().parents[1] / "data" / "claimreview" / "feed.json"


def test_a_claimreview_feed_imports_into_a_store_and_exports_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store.db"
    assert main(["import", "--from", "claimreview", str(store), str(FEED)]) == 0
    out, err = capsys.readouterr()
    assert "records added" in out
    assert "left out" not in err  # the feed says nothing ClaimReview cannot hold
    imported = stored(store)
    assert imported.reviews
    exported = tmp_path / "reviews.jsonld"
    assert main(["export", "--to", "claimreview", str(store), str(exported)]) == 0
    assert "left out" not in capsys.readouterr().err
    again = claims.claimreview.from_claimreview(json.loads(exported.read_text()))
    assert again.dossier == imported
    assert again.lost == ()


def test_exports_list_on_stderr_what_their_format_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = claims.load(SEED)
    seed.add(claims.Review("r", "reuters-killed", "reuters", "Unproven"))
    reviewed = tmp_path / "reviewed.json"
    claims.dump(seed, reviewed)
    for fmt in ("stix", "misp"):
        assert main(["export", "--to", fmt, str(reviewed)]) == 0
        err = capsys.readouterr().err
        assert f"{fmt} export: left out: review 'r'" in err
    assert main(["export", "--to", "claimreview", str(reviewed)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["@type"] == "ClaimReview"
    assert "claimreview export: left out: " in captured.err  # the claims no review names
