"""The SQLite store: exact round trips, the dossier's checks and answers, history, versions."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    ActorRef,
    Claim,
    IntegrityError,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    StatusKind,
    store,
)
from claims import strategies as cs
from claims.store import StoreError
from claims.store._context import StoredRecords
from support import examples


@pytest.fixture(scope="session")
def template(tmp_path_factory: Any) -> Path:
    path: Path = tmp_path_factory.mktemp("template") / "claims.db"
    store.open(path).close()
    return path


def fresh(tmp: Any, template: Path) -> store.Store:
    """A new empty store (a copy of one made once: creating the tables takes a while)."""
    path = tmp.mktemp("store") / "claims.db"
    shutil.copyfile(template, path)
    return store.open(path)


@settings(max_examples=examples(200))
@given(cs.dossiers())
def test_dossier_to_store_to_dossier_is_exact(
    tmp_path_factory: Any, template: Path, d: claims.Dossier
) -> None:
    with fresh(tmp_path_factory, template) as s:
        s.extend(d.records())
        again = s.dossier()
    assert again == d
    assert claims.dumps(again) == claims.dumps(d)


def integrity_problems(extend: Any, batch: list[Any]) -> tuple[claims.Problem, ...]:
    """The problems `extend(batch)` reports, or () if it succeeds."""
    try:
        extend(batch)
    except IntegrityError as exc:
        return exc.problems
    return ()


@settings(max_examples=examples(100))
@given(cs.dossiers(), st.data())
def test_two_batches_are_checked_exactly_as_the_dossier_checks_them(
    tmp_path_factory: Any, template: Path, d: claims.Dossier, data: st.DataObject
) -> None:
    records = list(d.records())
    cut = data.draw(st.integers(0, len(records)))
    first, second = records[:cut], records[cut:]
    # A second batch that repeats part of the first, or refers forward, fails.
    second = data.draw(st.sampled_from([second, records[: cut // 2] + second]))
    expected = claims.Dossier()
    with fresh(tmp_path_factory, template) as s:
        for batch in (first, second):
            problems = integrity_problems(expected.extend, batch)
            assert integrity_problems(s.extend, batch) == problems
            assert s.dossier() == expected


@settings(max_examples=examples(50))
@given(cs.dossiers(max_also=2))
def test_the_store_answers_as_the_dossier_does(
    tmp_path_factory: Any, template: Path, d: claims.Dossier
) -> None:
    with fresh(tmp_path_factory, template) as s:
        s.extend(d.records())
        for actor in d.actors:
            assert s.actor(actor) == d.actor(actor)
            assert s.parts(actor) == d.parts(actor)
            assert s.claims_by(actor) == d.claims_by(actor)
            assert s.claims_by(actor, include_parts=True) == d.claims_by(actor, include_parts=True)
            assert s.claims_about(actor) == d.claims_about(actor)
        for claim in d.claims.values():
            assert s.claim(claim.id) == claim
            assert s.get("claim", claim.id) == claim
            assert s.claims_about(claim.proposition.subject) == d.claims_about(
                claim.proposition.subject
            )
            assert s.claims_with(claim.proposition.predicate) == d.claims_with(
                claim.proposition.predicate
            )
            assert s.links_from(claim.id) == d.links_from(claim.id)
            assert s.links_to(claim.id) == d.links_to(claim.id)
            assert s.status(claim.id) == d.status(claim.id)
        assert s.links_of() == d.links
        for kind in LinkKind:
            assert s.links_of(kind) == tuple(x for x in d.links if x.kind is kind)
        for source in d.sources:
            assert s.source(source) == d.source(source)
        for event in d.events:
            assert s.event(event) == d.event(event)
        for review in d.reviews.values():
            assert s.review(review.id) == s.get("review", review.id) == review
        for claim in d.claims:
            assert s.reviews_of(claim) == d.reviews_of(claim)
        assert s.counts() == {
            "actors": len(d.actors),
            "sources": len(d.sources),
            "events": len(d.events),
            "claims": len(d.claims),
            "links": len(d.links),
            "reviews": len(d.reviews),
        }
        assert len(s) == len(d)


@settings(max_examples=examples(50))
@given(cs.dossiers())
def test_the_records_the_check_reads_are_the_stores(
    tmp_path_factory: Any, template: Path, d: claims.Dossier
) -> None:
    """The integrity check's view of a store holds what a dossier of the same records does."""
    with fresh(tmp_path_factory, template) as s:
        s.extend(d.records())
        db = sqlite3.connect(s.path)
        try:
            held = StoredRecords(db)
            assert dict(held.actors) == dict(d.actors)
            assert dict(held.sources) == dict(d.sources)
            assert dict(held.events) == dict(d.events)
            assert dict(held.claims) == dict(d.claims)
            assert dict(held.reviews) == dict(d.reviews)
            assert len(held.claims) == len(d.claims)
            for claim in d.claims:
                assert claim in held.claims
                assert held.links_from(claim) == d.links_from(claim)
            assert "no such id" not in held.actors
            assert held.claims.get("no such id") is None
            with pytest.raises(KeyError):
                held.events["no such id"]
        finally:
            db.close()


def test_unknown_ids_are_unknown_id_errors(tmp_path: Path) -> None:
    with store.open(tmp_path / "s.db") as s:
        for kind in ("actor", "source", "event", "claim"):
            with pytest.raises(claims.UnknownIdError, match=f"no {kind} with id 'x'"):
                s.get(kind, "x")
        with pytest.raises(claims.UnknownIdError):
            s.claims_by("x")
        with pytest.raises(claims.ClaimsError, match="kind 'planet' is not one of"):
            s.get("planet", "x")


def test_a_failed_batch_leaves_the_store_as_it_was(seed_path: Path, tmp_path: Path) -> None:
    seed = claims.load(seed_path)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
        before = s.dossier()
        bad = [
            Actor("new", "New"),
            Claim("new-claim", "nobody", Proposition(ActorRef("new"), "said", Quantity(1))),
        ]
        with pytest.raises(IntegrityError) as info:
            s.extend(bad)
        assert [str(p) for p in info.value.problems] == [
            "claim 'new-claim'.claimant: 'nobody' is not a known actor"
        ]
        with pytest.raises(IntegrityError, match="already taken"):
            s.add(next(iter(seed.claims.values())))
        with pytest.raises(IntegrityError, match="cannot add a str to a store"):
            s.extend(["not a record"])  # type: ignore[arg-type]
        assert s.dossier() == before


def test_history_keeps_superseded_and_retracted_claims_with_when_and_why(tmp_path: Path) -> None:
    start = datetime.now(UTC)
    prop = Proposition(ActorRef("moh"), "reports_dead", Quantity(4))
    with store.open(tmp_path / "s.db") as s:
        s.extend([Actor("moh", "Ministry of Health"), Claim("toll-1", "moh", prop)])
        s.add(Claim("toll-2", "moh", prop), note="evening update")
        s.add(Link(LinkKind.SUPERSEDES, "toll-2", "toll-1", note="revised toll"))
        middle = datetime.now(UTC)
        s.add(Claim("retraction", "moh", prop))
        s.add(Link(LinkKind.RETRACTS, "retraction", "toll-1", note="withdrawn"))
        history = s.history("toll-1")
        assert [(c.status, c.by, c.note) for c in history] == [
            (StatusKind.ACTIVE, None, None),
            (StatusKind.SUPERSEDED, "toll-2", "revised toll"),
            (StatusKind.RETRACTED, "retraction", "withdrawn"),
        ]
        assert all(start <= c.at <= datetime.now(UTC) for c in history)
        assert [c.at for c in history] == sorted(c.at for c in history)
        assert s.status("toll-1").kind is StatusKind.RETRACTED
        assert s.status("toll-1", as_of=middle).kind is StatusKind.SUPERSEDED
        with pytest.raises(claims.UnknownIdError):
            s.status("toll-1", as_of=start - timedelta(days=1))
        # The superseded claim is still there, whole.
        assert s.claim("toll-1") == Claim("toll-1", "moh", prop)
        with pytest.raises(IntegrityError, match="supersession/retraction cycle"):
            s.add(Link(LinkKind.SUPERSEDES, "toll-1", "toll-2"))


def test_only_the_first_supersession_and_the_first_retraction_change_the_status(
    tmp_path: Path,
) -> None:
    prop = Proposition(ActorRef("moh"), "reports_dead", Quantity(4))
    with store.open(tmp_path / "s.db") as s:
        s.extend([Actor("moh", "Ministry of Health"), Claim("toll-1", "moh", prop)])
        s.extend([Claim(c, "moh", prop) for c in ("toll-2", "toll-3", "r-1", "r-2")])
        s.add(Link(LinkKind.SUPERSEDES, "toll-2", "toll-1", note="first"))
        s.add(Link(LinkKind.SUPERSEDES, "toll-3", "toll-1", note="second"))
        s.add(Link(LinkKind.RETRACTS, "r-1", "toll-1", note="withdrawn"))
        s.add(Link(LinkKind.RETRACTS, "r-2", "toll-1", note="again"))
        assert [(c.status, c.by, c.note) for c in s.history("toll-1")] == [
            (StatusKind.ACTIVE, None, None),
            (StatusKind.SUPERSEDED, "toll-2", "first"),
            (StatusKind.RETRACTED, "r-1", "withdrawn"),
        ]
        assert s.status("toll-1") == claims.Status(StatusKind.RETRACTED, by="r-1")
        assert s.status("toll-2") == claims.Status(StatusKind.ACTIVE)


def test_import_and_export_files(seed_path: Path, tmp_path: Path) -> None:
    seed = claims.load(seed_path)
    with store.open(tmp_path / "s.db") as s:
        seen: list[tuple[int, int]] = []
        added = s.import_file(seed_path, progress=lambda done, total: seen.append((done, total)))
        assert added == len(seed)
        assert seen[-1] == (len(seed), len(seed))
        assert s.export_file(tmp_path / "out.json") == len(seed)
    assert claims.load(tmp_path / "out.json") == seed
    assert (tmp_path / "out.json").read_text() == claims.dumps(seed)


def test_reopening_keeps_everything(seed_path: Path, tmp_path: Path) -> None:
    seed = claims.load(seed_path)
    with store.open(tmp_path / "s.db") as s:
        s.extend(seed.records())
    with store.open(tmp_path / "s.db", create=False) as s:
        assert s.dossier() == seed
        assert "claims" in repr(s)
    assert store.is_store(tmp_path / "s.db")
    assert not store.is_store(seed_path)
    assert not store.is_store(tmp_path / "missing.db")


def test_wal_mode_and_versions_are_stored(tmp_path: Path) -> None:
    store.open(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta == {
        "store_format": str(store.STORE_FORMAT),
        "schema_version": str(claims.SCHEMA_VERSION),
    }
    db.close()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("store_format", "99", "store format 99 is newer than this release"),
        ("schema_version", "99", "schema version 99, newer than this release"),
        ("schema_version", "0", "schema version 0 is not a version"),
        ("store_format", "0", "no store format version"),
    ],
)
def test_versions_are_checked_on_open(tmp_path: Path, key: str, value: str, message: str) -> None:
    path = tmp_path / "s.db"
    store.open(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match=message):
        store.open(path)


def test_what_is_not_a_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        store.open(tmp_path / "missing.db", create=False)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a claims store"):
        store.open(other)
    text = tmp_path / "text.db"
    text.write_text("x" * 5000)
    with pytest.raises(StoreError, match="not a claims store"):
        store.open(text)
    assert issubclass(StoreError, claims.ClaimsError)


def test_the_store_error_is_the_storage_error_of_stores(tmp_path: Path) -> None:
    assert StoreError is claims.StoreError is claims.exceptions.StoreError
    assert issubclass(StoreError, claims.StorageError)
    assert issubclass(StoreError, OSError)
    missing = tmp_path / "missing.db"
    with pytest.raises(OSError, match="no such store") as info:
        store.open(missing, create=False)
    error = info.value
    assert isinstance(error, StoreError)
    assert error.path == str(missing)
    assert str(error) == f"{missing}: no such store"
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.path) == (StoreError, str(error), error.path)


def test_records_of_an_older_schema_version_are_upgraded_on_open(
    seed_path: Path, tmp_path: Path
) -> None:
    none_claimed = Claim(
        "none-claimed",
        "reuters",
        Proposition(claims.EventRef("strike"), "claimed_by", claims.NoValue("no group has")),
    )
    seed = claims.Dossier([*claims.load(seed_path).records(), none_claimed])
    path = tmp_path / "old.db"
    with store.open(path) as s:
        s.extend(seed.records())
    # Make it a store written by the release before: version 1 tagged "none".
    db = sqlite3.connect(path)
    db.execute('UPDATE claims SET json = replace(json, \'"type":"no_value"\', \'"type":"none"\')')
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    assert db.execute("SELECT count(*) FROM claims WHERE json LIKE '%\"none\"%'").fetchone()[0]
    db.close()
    with store.open(path) as s:
        assert s.dossier() == seed
    db = sqlite3.connect(path)
    assert dict(db.execute("SELECT key, value FROM meta"))["schema_version"] == str(
        claims.SCHEMA_VERSION
    )
    assert not db.execute("SELECT count(*) FROM claims WHERE json LIKE '%\"none\"%'").fetchone()[0]
    db.close()


def _store_from_before_reviews(seed: claims.Dossier, path: Path) -> None:
    """A store as the release before reviews wrote it: version 2, no table of reviews."""
    with store.open(path) as s:
        s.extend(seed.records())
    db = sqlite3.connect(path)
    db.execute("DROP TABLE reviews")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    db.close()


def test_a_store_from_before_reviews_reads_read_only_as_it_is(
    seed_path: Path, tmp_path: Path
) -> None:
    seed = claims.load(seed_path)
    path = tmp_path / "v2.db"
    _store_from_before_reviews(seed, path)
    before = path.read_bytes()
    with store.open(path, read_only=True) as s:
        assert s.dossier() == seed
        assert list(s.records()) == list(seed.records())
        assert s.reviews_of("reuters-killed") == ()
    assert path.read_bytes() == before


def test_a_store_from_before_reviews_gets_their_table_on_open(
    seed_path: Path, tmp_path: Path
) -> None:
    seed = claims.load(seed_path)
    path = tmp_path / "v2.db"
    _store_from_before_reviews(seed, path)
    review = claims.Review("r", "reuters-killed", "reuters", "Unproven", appearances=["aj-article"])
    with store.open(path) as s:
        assert s.dossier() == seed
        s.add(review)
        assert s.review("r") == review
        assert s.dossier().reviews_of("reuters-killed") == (review,)
    db = sqlite3.connect(path)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(claims.SCHEMA_VERSION)
    db.close()


def test_a_review_must_name_what_the_store_holds(seed_path: Path, tmp_path: Path) -> None:
    with store.open(tmp_path / "s.db") as s:
        s.extend(claims.load(seed_path).records())
        s.add(claims.Review("r", "reuters-killed", "reuters", "False"))
        with pytest.raises(claims.IntegrityError) as info:
            s.extend(
                [
                    claims.Review("r", "reuters-killed", "reuters", "False"),
                    claims.Review("r2", "nothing", "nobody", "False", first_appearance="x"),
                ]
            )
        assert [str(p) for p in info.value.problems] == [
            "review 'r'.id: review id 'r' is already taken",
            "review 'r2'.claim: 'nothing' is not a known claim",
            "review 'r2'.reviewer: 'nobody' is not a known actor",
            "review 'r2'.first_appearance: 'x' is not a known source",
        ]
        assert s.counts()["reviews"] == 1


def test_text_json_cannot_carry_is_a_claims_error_and_the_store_is_unchanged(
    tmp_path: Path,
) -> None:
    with store.open(tmp_path / "s.db") as s:
        s.add(claims.Actor("a", "A"))
        with pytest.raises(claims.ClaimsError, match=r"cannot write actor 'b' as JSON"):
            s.extend([claims.Actor("b", "lone \ud800 surrogate")])
        assert [a.id for a in s.dossier().actors.values()] == ["a"]
