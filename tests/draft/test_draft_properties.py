"""Properties of drafting that hold for every text."""

from __future__ import annotations

import itertools
import json

from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Actor, ActorKind, Source
from claims.draft import attributions, dossier
from claims.strategies import dossiers

_PIECES = st.sampled_from(
    [
        "The ministry said ", "“", "”", '"', ", he said. ", "according to Reuters, ",
        "officials told the AP that ", "declined to comment. ", "There was no comment from ",
        "the army", "\n", "\n\n", "LONDON (Reuters) - ", "It is alleged that ", "reportedly ",
        "the strike killed four people", ". ", ", which said ", "denied the claim", "it ",
        "Die Regierung sagte, ", "وقال المتحدث", "政府表示", " — ", ": ", "\xa0", "she said",
    ]
)  # fmt: skip
NEWSLIKE = st.lists(_PIECES | st.text(max_size=12), max_size=30).map("".join)
ANY_TEXT = st.text(max_size=400) | NEWSLIKE

AJ = Actor("aj", name="Al Jazeera", kind=ActorKind.MEDIA_OUTLET)
ARTICLE = Source("article", title="An article", publisher="aj")


@given(ANY_TEXT)
def test_offsets_slice_to_the_span_text(text: str) -> None:
    for a in attributions(text):
        for span in (a.speaker, a.cue, a.content, *a.via):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert 0.0 <= a.score <= 1.0


@given(ANY_TEXT)
def test_contents_never_overlap_and_come_in_text_order(text: str) -> None:
    found = attributions(text)
    contents = sorted((a.content.start, a.content.end) for a in found if a.content)
    for (_, end), (start, _) in itertools.pairwise(contents):
        assert end <= start
    cues = [a.cue.start for a in found]
    assert cues == sorted(cues)


@given(ANY_TEXT)
def test_silences_have_no_content_and_the_rest_do(text: str) -> None:
    for a in attributions(text):
        assert (a.content is None) is a.stance.is_silence


def test_never_raises_on_huge_or_unbalanced_text() -> None:
    huge = ("“The ministry said the strike killed four people, he said. " * 2000) + "“"
    found = attributions(huge)
    assert all(huge[a.cue.start : a.cue.end] == a.cue.text for a in found)
    assert attributions("") == ()
    assert attributions('”””“““"""') == ()


@given(ANY_TEXT)
def test_drafted_dossiers_pass_integrity_and_validation(text: str) -> None:
    d = dossier(text, source=ARTICLE, publisher=AJ)
    again = claims.loads(claims.dumps(d))  # what `claims validate` checks
    assert again == d
    assert claims.Dossier(d.records()) == d  # the integrity check, record by record
    drafted = [c for c in d.claims.values() if c.draft]
    assert len(drafted) == len(attributions(text))
    for c in drafted:
        for q in c.quotes:
            assert q.matches(text)


@given(dossiers(max_claims=5), NEWSLIKE)
def test_drafting_into_a_dossier_keeps_it_and_stays_valid(into: claims.Dossier, text: str) -> None:
    before = claims.dumps(into)
    d = dossier(text, source=ARTICLE, publisher=AJ, into=into)
    assert claims.dumps(into) == before
    assert claims.loads(claims.dumps(d)) == d
    for record in into.records():
        assert record in set(d.records())
    # Drafting keeps what needs a newer version of the format (reviews, identifiers).
    assert json.loads(claims.dumps(d))["schema_version"] >= json.loads(before)["schema_version"]
