"""The dossier keeps referential integrity and answers lookups from indexes."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Dossier,
    EventRef,
    Hop,
    IntegrityError,
    Link,
    LinkKind,
    Proposition,
    Quote,
    Source,
    StatusKind,
    Text,
    UnknownIdError,
)
from claims import strategies as cs


def prop() -> Proposition:
    return Proposition(ActorRef("coalition"), "responsible_for", EventRef("strike"))


def small() -> Dossier:
    return Dossier(
        [
            Actor("iraq", "Iraq", kind=ActorKind.STATE),
            Actor("gov", "Government", kind=ActorKind.GOVERNMENT_BODY, part_of="iraq"),
            Actor("pmo", "PM's office", kind=ActorKind.GOVERNMENT_BODY, part_of="gov"),
            Actor("coalition", "Coalition", kind=ActorKind.COALITION),
            Actor("aj", "Al Jazeera", kind=ActorKind.MEDIA_OUTLET),
            Source("art", "Article", publisher="aj"),
            claims.Event("strike", "the strike"),
            Claim("c1", "pmo", prop(), chain=[Hop("aj", "said in a statement", source="art")]),
            Claim("c2", "gov", prop()),
        ]
    )


BAD_RECORDS = [
    (Claim("x", "nobody", prop()), "claim 'x'.claimant: 'nobody' is not a known actor"),
    (
        Claim("x", "aj", Proposition(ActorRef("ghost"), "p", Text("t"))),
        "claim 'x'.proposition.subject.id: 'ghost' is not a known actor",
    ),
    (
        Claim("x", "aj", Proposition(Text("t"), "p", EventRef("ghost"))),
        "claim 'x'.proposition.object.id: 'ghost' is not a known event",
    ),
    (
        Claim("x", "aj", prop(), quotes=[Quote("nowhere", "a", 0, 1)]),
        "claim 'x'.quotes[0].source: 'nowhere' is not a known source",
    ),
    (
        Claim("x", "aj", prop(), chain=[Hop("ghost", "reported")]),
        "claim 'x'.chain[0].reporter: 'ghost' is not a known actor",
    ),
    (Actor("iraq", "Iraq again"), "actor 'iraq'.id: actor id 'iraq' is already taken"),
    (Actor("x", "X", part_of="ghost"), "actor 'x'.part_of: 'ghost' is not a known actor"),
    (Source("s", "S", publisher="ghost"), "source 's'.publisher: 'ghost' is not a known actor"),
    (
        Link(LinkKind.SUPPORTS, "c1", "ghost"),
        "link 'c1' supports 'ghost'.target: 'ghost' is not a known claim",
    ),
    (
        Link(LinkKind.SUPERSEDES, "c1", "c2"),
        "link 'c1' supersedes 'c2': only a claim of the same claimant can supersede a claim: "
        "'c1' is by 'pmo', 'c2' by 'gov'",
    ),
]


@pytest.mark.parametrize(("record", "message"), BAD_RECORDS)
def test_a_failed_add_says_what_and_where_and_changes_nothing(
    record: claims.Record, message: str
) -> None:
    d = small()
    before = copy.deepcopy(d)
    with pytest.raises(IntegrityError) as info:
        d.add(record)
    assert [str(p) for p in info.value.problems] == [message]
    assert d == before
    assert claims.dumps(d) == claims.dumps(before)


def test_a_batch_lands_whole_or_not_at_all() -> None:
    d = small()
    good = Claim("c3", "aj", prop())
    with pytest.raises(IntegrityError) as info:
        d.extend([good, Claim("c4", "nobody", prop()), Claim("c5", "ghost", prop())])
    assert len(info.value.problems) == 2  # every problem, not just the first
    assert "c3" not in d.claims
    d.extend([good])
    assert d.claim("c3") == good


def test_references_may_point_forward_within_a_batch() -> None:
    d = Dossier()
    d.extend(
        [
            Claim("c", "a", Proposition(ActorRef("b"), "p", Text("t"))),
            Actor("a", "A"),
            Actor("b", "B"),
        ]
    )
    assert d.claim("c").claimant == "a"


def test_part_of_cycles_are_rejected() -> None:
    d = Dossier()
    with pytest.raises(IntegrityError, match="cycle"):
        d.extend([Actor("a", "A", part_of="b"), Actor("b", "B", part_of="a")])
    assert len(d) == 0


def test_supersession_cycles_are_rejected() -> None:
    d = small()
    d.add(Claim("c3", "pmo", prop()))
    d.add(Link(LinkKind.SUPERSEDES, "c3", "c1"))
    with pytest.raises(IntegrityError, match="cycle"):
        d.add(Link(LinkKind.RETRACTS, "c1", "c3"))


def test_duplicate_link_is_rejected() -> None:
    d = small()
    d.add(Link(LinkKind.SUPPORTS, "c2", "c1"))
    with pytest.raises(IntegrityError, match="already in the dossier"):
        d.add(Link(LinkKind.SUPPORTS, "c2", "c1", note="again"))


def test_adding_something_that_is_not_a_record() -> None:
    d = small()
    with pytest.raises(IntegrityError, match="cannot add a str"):
        d.add("claim")  # type: ignore[arg-type]


@given(cs.dossiers(), st.data())
def test_any_failed_add_leaves_any_dossier_as_it_was(d: Dossier, data: st.DataObject) -> None:
    before = claims.dumps(d)
    bad = data.draw(
        st.one_of(
            cs.claims(actor_ids=st.just("no-such-actor")),
            cs.actors(actor_ids=st.just("no-such-actor")).filter(
                lambda a: a.part_of is not None or bool(a.affiliations)
            ),
            cs.links(
                st.just("no-such-claim") | st.sampled_from([*d.claims, "no-such-claim"])
            ).filter(lambda link: "no-such-claim" in (link.claim, link.target)),
        )
    )
    good = data.draw(
        st.lists(cs.events(cs.ids().map("new-{}".format)), max_size=2, unique_by=lambda e: e.id)
    )
    with pytest.raises(IntegrityError):
        d.extend([*good, bad])
    assert claims.dumps(d) == before


def test_lookups_by_id() -> None:
    d = small()
    assert d.actor("iraq").name == "Iraq"
    assert d.source("art").publisher == "aj"
    assert d.event("strike").description == "the strike"
    with pytest.raises(UnknownIdError, match="no claim with id 'zz'") as info:
        d.claim("zz")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, claims.ClaimsError)


def test_claims_by_claimant_and_its_parts() -> None:
    d = small()
    assert [c.id for c in d.claims_by("gov")] == ["c2"]
    assert [c.id for c in d.claims_by("gov", include_parts=True)] == ["c1", "c2"]
    assert [c.id for c in d.claims_by("iraq", include_parts=True)] == ["c1", "c2"]
    assert d.parts("iraq") == ("gov", "pmo")
    with pytest.raises(UnknownIdError):
        d.claims_by("nobody")


@given(cs.dossiers())
def test_index_lookups_agree_with_a_scan(d: Dossier) -> None:
    for actor in d.actors:
        assert d.claims_by(actor) == tuple(c for c in d.claims.values() if actor in c.claimants)
        family = {actor, *d.parts(actor)}
        assert d.claims_by(actor, include_parts=True) == tuple(
            c for c in d.claims.values() if family.intersection(c.claimants)
        )
    for claim in d.claims.values():
        subject = claim.proposition.subject
        assert d.claims_about(subject) == tuple(
            c for c in d.claims.values() if c.proposition.subject == subject
        )
        predicate = claim.proposition.predicate
        assert d.claims_with(predicate) == tuple(
            c for c in d.claims.values() if c.proposition.predicate == predicate
        )
        assert d.links_to(claim.id) == tuple(link for link in d.links if link.target == claim.id)


def test_claims_about_a_subject_by_id(seed_path: Path) -> None:
    d = claims.load(seed_path)
    about_strike = {c.id for c in d.claims_about("strike")}
    assert {"aj-strike-targeted-pmf", "reuters-killed", "aj-casualties-unclear"} <= about_strike
    assert all(c.proposition.subject == EventRef("strike") for c in d.claims_about("strike"))


def test_status_follows_supersession_and_retraction() -> None:
    d = small()
    d.extend([Claim("c3", "pmo", prop()), Claim("c4", "pmo", prop())])
    assert d.status("c1").kind is StatusKind.ACTIVE
    d.add(Link(LinkKind.SUPERSEDES, "c3", "c1"))
    assert (d.status("c1").kind, d.status("c1").by) == (StatusKind.SUPERSEDED, "c3")
    d.add(Link(LinkKind.RETRACTS, "c4", "c1"))
    assert (d.status("c1").kind, d.status("c1").by) == (StatusKind.RETRACTED, "c4")


def test_equality_is_by_content_not_identity_or_order() -> None:
    a, b = small(), small()
    assert a == b
    assert a is not b
    records = list(small().records())
    assert Dossier(reversed(records)) == a
    b.add(Claim("c9", "aj", prop()))
    assert a != b
    assert a != "dossier"
    with pytest.raises(TypeError):
        hash(a)


def test_contents_are_read_only() -> None:
    d = small()
    with pytest.raises(TypeError):
        d.claims["x"] = d.claim("c1")  # type: ignore[index]


# --------------------------------------------------------------------------
# Reviews


def _reviewed() -> Dossier:
    return Dossier(
        [
            Actor("r", "Reuters"),
            Actor("ff", "Full Fact"),
            Source("s", "S"),
            Claim("c", "r", Proposition(Text("x"), "is", Text("y"))),
            claims.Review("rv", "c", "ff", "False", rating=1, best=5, worst=1, appearances=["s"]),
        ]
    )


def test_a_review_is_a_record_of_the_dossier() -> None:
    d = _reviewed()
    review = d.review("rv")
    assert dict(d.reviews) == {"rv": review}
    assert d.reviews_of("c") == (review,)
    assert d.reviews_of("nothing") == ()
    assert list(d.records())[-1] == review
    assert len(d) == 5
    assert repr(d) == "<Dossier: 2 actors, 1 source, 0 events, 1 claim, 0 links, 1 review>"
    with pytest.raises(UnknownIdError):
        d.review("nothing")
    other = Dossier(r for r in d.records() if not isinstance(r, claims.Review))
    assert other != d
    assert repr(other) == "<Dossier: 2 actors, 1 source, 0 events, 1 claim, 0 links>"


def test_a_review_must_name_a_claim_an_actor_and_sources_of_the_dossier() -> None:
    d = _reviewed()
    before = claims.dumps(d)
    bad = [
        claims.Review("rv", "c", "ff", "True"),
        claims.Review("rv2", "x", "y", "True", first_appearance="z", appearances=["s", "w"]),
    ]
    with pytest.raises(IntegrityError) as info:
        d.extend(bad)
    assert [str(p) for p in info.value.problems] == [
        "review 'rv'.id: review id 'rv' is already taken",
        "review 'rv2'.claim: 'x' is not a known claim",
        "review 'rv2'.reviewer: 'y' is not a known actor",
        "review 'rv2'.first_appearance: 'z' is not a known source",
        "review 'rv2'.appearances[1]: 'w' is not a known source",
    ]
    assert claims.dumps(d) == before


def test_a_review_may_come_in_the_same_batch_as_what_it_names() -> None:
    records = list(_reviewed().records())
    assert Dossier(reversed(records)) == _reviewed()


def test_a_rating_must_lie_within_its_scale_in_either_direction() -> None:
    assert claims.Review("r", "c", "a", "x", rating=2, best=1, worst=5).rating == 2
    with pytest.raises(
        claims.InvalidValueError, match=r"Review\.rating 0 lies outside its scale 5\.\.1"
    ):
        claims.Review("r", "c", "a", "x", rating=0, best=1, worst=5)
    with pytest.raises(claims.LoadError) as info:
        claims.loads(
            '{"schema_version": 3, "reviews": [{"id": "r", "claim": "c", "reviewer": "a",'
            ' "verdict": "x", "rating": 7, "best": 5, "worst": 1}]}'
        )
    assert [str(p) for p in info.value.problems] == [
        "reviews[0].rating: 7 lies outside its scale 1..5"
    ]
