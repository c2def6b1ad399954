"""`Store.update`: changed records replace the stored ones, identical ones are skipped."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import Actor, ActorRef, Claim, IntegrityError, Link, LinkKind, Proposition, Text, store
from claims import strategies as cs
from support import examples


@pytest.fixture(scope="session")
def template(tmp_path_factory: Any) -> Path:
    path: Path = tmp_path_factory.mktemp("template") / "claims.db"
    store.open(path).close()
    return path


def fresh(tmp: Any, template: Path) -> store.Store:
    path = tmp.mktemp("store") / "claims.db"
    shutil.copyfile(template, path)
    return store.open(path)


def _noted(claim: Claim) -> Claim:
    return attrs.evolve(claim, note=(claim.note or "") + " (revised)")


@settings(max_examples=examples(50))
@given(cs.dossiers(), st.data())
def test_an_update_replaces_what_changed_and_skips_the_rest(
    tmp_path_factory: Any, template: Path, d: claims.Dossier, data: st.DataObject
) -> None:
    ids = sorted(d.claims)
    changed = set(data.draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
    new = claims.Dossier(
        _noted(r) if isinstance(r, Claim) and r.id in changed else r for r in d.records()
    )
    with fresh(tmp_path_factory, template) as s:
        s.extend(d.records(), note="first")
        arrived = {cid: s.history(cid)[0].at for cid in ids}
        assert s.update(d.records()) == store.Updated(0, 0, len(d))
        result = s.update(new.records(), note="second")
        assert result == store.Updated(0, len(changed), len(d) - len(changed))
        assert s.dossier() == new  # each record in its place, with its new content
        for cid in ids:
            kept = s.revisions("claim", cid)
            assert [r.record for r in kept] == ([d.claim(cid)] if cid in changed else [])
            assert all(r.note == "second" for r in kept)
            assert s.history(cid)[0].at == arrived[cid]  # when it first arrived is kept


def _small(tmp_path: Path) -> tuple[store.Store, list[Any]]:
    records = [
        Actor("a", "A"),
        Actor("b", "B"),
        Claim("c1", "a", Proposition(ActorRef("a"), "said", Text("x"))),
        Claim("c2", "a", Proposition(ActorRef("a"), "said", Text("y"))),
        Link(LinkKind.SUPERSEDES, "c2", "c1", note="revised"),
    ]
    s = store.open(tmp_path / "s.db")
    s.extend(records)
    return s, records


def test_new_records_are_added_and_a_changed_link_note_is_an_update(tmp_path: Path) -> None:
    s, records = _small(tmp_path)
    with s:
        link = Link(LinkKind.SUPERSEDES, "c2", "c1", note="corrected")
        actor = Actor("c", "C")
        result = s.update([*records[:4], link, actor], note="again")
        assert result == store.Updated(added=1, updated=1, unchanged=4)
        assert s.links_of() == (link,)
        assert s.actor("c") == actor
        assert s.history("c1")[-1].note == "corrected"


def test_an_update_that_breaks_a_supersession_fails_whole(tmp_path: Path) -> None:
    s, records = _small(tmp_path)
    with s:
        before = claims.dumps(s.dossier())
        moved = attrs.evolve(records[3], claimant="b")
        with pytest.raises(IntegrityError, match="both must stay claims of one claimant"):
            s.update([Actor("d", "D"), moved])
        assert claims.dumps(s.dossier()) == before
        assert s.revisions("claim", "c2") == ()
        both = [attrs.evolve(r, claimant="b") for r in records[2:4]]
        assert s.update(both) == store.Updated(0, 2, 0)  # both ends move together


def test_an_update_that_makes_a_part_of_cycle_or_a_dangling_reference_fails_whole(
    tmp_path: Path,
) -> None:
    s, _ = _small(tmp_path)
    with s:
        s.update([Actor("a", "A", part_of="b")])
        before = claims.dumps(s.dossier())
        with pytest.raises(IntegrityError, match="part_of makes a cycle"):
            s.update([Actor("b", "B", part_of="a")])
        with pytest.raises(IntegrityError, match="'nobody' is not a known actor"):
            s.update([Claim("c1", "nobody", Proposition(ActorRef("a"), "said", Text("x")))])
        assert claims.dumps(s.dossier()) == before
        assert [r.record for r in s.revisions("actor", "a")] == [Actor("a", "A")]


def test_batches_land_in_one_transaction_each_seeing_the_ones_before(tmp_path: Path) -> None:
    s, records = _small(tmp_path)
    with s:
        before = claims.dumps(s.dossier())
        said = Proposition(ActorRef("a"), "said", Text("z"))
        good = ([Actor("e", "E")], "first")
        uses_first = ([Claim("c3", "e", said)], "second")
        clash = ([Actor("e", "E again")], "third")
        with pytest.raises(IntegrityError, match="actor id 'e' is already taken"):
            s.extend_batches([good, uses_first, clash])
        assert claims.dumps(s.dossier()) == before
        done = s.extend_batches([good, uses_first, ([*records[:2], Actor("a2", "A2")], "third")],
                                update=True)  # fmt: skip
        assert done == [store.Updated(1, 0, 0), store.Updated(1, 0, 0), store.Updated(1, 0, 2)]
        assert s.claim("c3").claimant == "e"


def test_a_changed_review_is_an_update_and_one_naming_nothing_fails_whole(tmp_path: Path) -> None:
    s, _ = _small(tmp_path)
    with s:
        review = claims.Review("r", "c1", "b", "False")
        s.extend([review])
        revised = attrs.evolve(review, verdict="Misleading")
        assert s.update([revised]) == store.Updated(added=0, updated=1, unchanged=0)
        assert s.review("r") == revised
        assert [r.record for r in s.revisions("review", "r")] == [review]
        before = claims.dumps(s.dossier())
        with pytest.raises(IntegrityError, match="'nothing' is not a known claim"):
            s.update([attrs.evolve(revised, claim="nothing")])
        assert claims.dumps(s.dossier()) == before
