"""Times in words on a small article: dated claims, an approximate place, version 4."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claims
from claims import (
    Actor,
    ActorKind,
    Claim,
    PartOfDay,
    Precision,
    Proposition,
    Quote,
    Source,
    Text,
    When,
    analysis,
)
from claims.cli import main

ARTICLE = (
    "Blast at the port\n\n"
    "Kessa Maritime said late on Monday that a storage valve had failed. "
    "The port authority said on Tuesday that 12 workers were wounded. "
    "The interior ministry said on Wednesday evening that it had opened an investigation."
)
WEDNESDAY = When.day(2024, 1, 10)
WORDS = {
    "kessa": "late on Monday",
    "port": "on Tuesday",
    "ministry": "on Wednesday evening",
}


def modelled(*, published: When | None, reference: When | None = None) -> claims.Dossier:
    """The article modelled by hand, each claim's time read from its words.

    The words are read against `reference`, by default the publication.
    """
    reference = reference or published
    d = claims.Dossier()
    d.add(Actor("news", "Harbour News", kind=ActorKind.MEDIA_OUTLET))
    for actor in WORDS:
        d.add(Actor(actor, actor.title(), kind=ActorKind.OTHER))
    d.add(Source("article", "Blast at the port", publisher="news", published=published))
    for actor, words in WORDS.items():
        start = ARTICLE.index(words)
        made = claims.when_from_words(words, reference=reference)
        quote = Quote("article", exact=words, start=start, end=start + len(words))
        proposition = Proposition(Text("the port"), "said", Text("something"))
        d.add(Claim(f"{actor}-said", actor, proposition, quotes=[quote], made=made))
    return d


def test_the_article_s_claims_are_dated_and_the_timeline_is_not_empty() -> None:
    d = modelled(published=WEDNESDAY)
    made = {c.claimant: c.made for c in d.claims.values()}
    assert made == {
        "kessa": When(
            When.day(2024, 1, 8).at, Precision.DAY, part=PartOfDay.LATE, words="late on Monday"
        ),
        "port": When(When.day(2024, 1, 9).at, Precision.DAY, words="on Tuesday"),
        "ministry": When(
            WEDNESDAY.at, Precision.DAY, part=PartOfDay.EVENING, words="on Wednesday evening"
        ),
    }
    moments = analysis.timeline(d)
    assert [(m.actor, str(m.when), m.approximate) for m in moments] == [
        ("kessa", "2024-01-08 late", False),
        ("port", "2024-01-09", False),
        ("ministry", "2024-01-10 evening", False),
    ]


def test_unresolved_times_are_placed_at_the_source_s_publication_marked_approximate() -> None:
    assert analysis.timeline(modelled(published=None)) == ()
    # Recorded with no reference, in an article whose publication is known.
    d = modelled(published=WEDNESDAY, reference=When.month(2024, 1))
    assert all(not c.made.resolved for c in d.claims.values() if c.made is not None)
    moments = analysis.timeline(d)
    assert [(m.actor, m.when, m.approximate) for m in moments] == [
        ("kessa", WEDNESDAY, True),
        ("port", WEDNESDAY, True),
        ("ministry", WEDNESDAY, True),
    ]


def test_the_drafter_resolves_the_article_s_days_against_its_publication() -> None:
    publisher = Actor("news", "Harbour News", kind=ActorKind.MEDIA_OUTLET)
    source = Source("article", "Blast at the port", publisher="news", published=WEDNESDAY)
    d = claims.draft.dossier(ARTICLE, source=source, publisher=publisher)
    made = sorted((str(c.made), c.made.words) for c in d.claims.values() if c.made is not None)
    assert made == [
        ("2024-01-08 late", "late on Monday"),
        ("2024-01-09", "on Tuesday"),
        ("2024-01-10 evening", "on Wednesday evening"),
    ]


def test_the_drafter_keeps_the_words_when_the_article_has_no_date() -> None:
    publisher = Actor("news", "Harbour News", kind=ActorKind.MEDIA_OUTLET)
    source = Source("article", "Blast at the port", publisher="news")
    d = claims.draft.dossier(ARTICLE, source=source, publisher=publisher)
    made = sorted(c.made.words for c in d.claims.values() if c.made is not None)
    assert made == ["late on Monday", "on Tuesday", "on Wednesday evening"]
    assert all(not c.made.resolved for c in d.claims.values() if c.made is not None)


def test_a_document_with_times_in_words_is_version_4_and_round_trips() -> None:
    d = modelled(published=WEDNESDAY)
    text = claims.dumps(d)
    assert json.loads(text)["schema_version"] == 4
    assert claims.dumps(claims.loads(text)) == text
    unresolved = modelled(published=None)
    again = claims.loads(claims.dumps(unresolved))
    assert list(again.claims.values()) == list(unresolved.claims.values())


def test_the_command_marks_an_approximate_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = modelled(published=WEDNESDAY, reference=When.month(2024, 1))
    path = tmp_path / "d.json"
    claims.dump(d, path)
    assert main(["timeline", str(path)]) == 0
    out = capsys.readouterr().out
    assert "~2024-01-10  day    made     " in out
    assert "'late on Monday'" in out
    assert "~ a time given only in words" in out
    assert main(["timeline", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(m["kind"], m["approximate"]) for m in data["moments"]][:2] == [
        ("made", True),
        ("made", True),
    ]


def test_times_only_in_words_never_hide_a_contradiction() -> None:
    d = modelled(published=WEDNESDAY)
    on_monday = When.unresolved("on Monday", Precision.DAY)
    for cid, count in (("twelve", 12), ("nine", 9)):
        proposition = Proposition(
            Text("the blast"), "killed", claims.Quantity(count), when=on_monday
        )
        d.add(Claim(cid, "port" if count == 12 else "ministry", proposition))
    pairs = {(c.first, c.second) for c in analysis.contradictions(d)}
    assert ("twelve", "nine") in pairs or ("nine", "twelve") in pairs


def test_the_exports_take_a_claim_made_at_an_unresolved_time() -> None:
    d = modelled(published=None)
    from claims import stix

    bundle = stix.to_stix_bundle(d, scale=None)
    assert stix.from_stix_bundle(bundle).dossier.claims == d.claims
    from claims import misp

    event = misp.to_event(d)
    assert "creation-date" not in event.to_json()


@pytest.mark.parametrize(
    "record",
    [
        claims.Event("e", "the blast", when=When.unresolved("on Monday", Precision.DAY)),
        Source("s", "t", published=When(WEDNESDAY.at, Precision.DAY, part=PartOfDay.EVENING)),
        claims.Event("e", "the blast", when=When(WEDNESDAY.at, Precision.DAY, words="today")),
    ],
)
def test_json_lines_with_a_time_in_words_is_version_4(tmp_path: Path, record: object) -> None:
    d = claims.Dossier()
    d.add(record)  # type: ignore[arg-type]
    path = tmp_path / "d.jsonl"
    claims.dump_lines(d, path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == '{"schema_version":4}'
    assert list(claims.load_lines(path).records()) == list(d.records())


def test_the_briefing_s_timeline_marks_an_approximate_time() -> None:
    d = modelled(published=WEDNESDAY, reference=When.month(2024, 1))
    page = claims.views.html(d)
    assert "~2024-01-10 made: " in page
    assert "~2024" not in claims.views.html(modelled(published=WEDNESDAY))


def test_parquet_keeps_the_words_and_part_of_a_time() -> None:
    from claims import parquet

    rows = parquet.tables(modelled(published=None))["claims"].to_pylist()
    assert [
        (r["made_words"], r["made_part"], r["made_precision"], r["made_start"]) for r in rows
    ] == [
        ("late on Monday", "late", "day", None),
        ("on Tuesday", None, "day", None),
        ("on Wednesday evening", "evening", "day", None),
    ]


def test_claimreview_writes_the_date_and_names_what_it_leaves_out() -> None:
    from claims import claimreview

    d = modelled(published=WEDNESDAY)
    d.add(claims.Review("r", "kessa-said", "news", "False"))
    d.add(claims.Review("r2", "port-said", "news", "False"))
    d2 = modelled(published=None)
    d2.add(claims.Review("r", "kessa-said", "news", "False"))
    done = claimreview.export(d)
    made = {n["itemReviewed"]["datePublished"] for n in done.document}
    assert made == {"2024-01-08", "2024-01-09"}
    assert (
        "claim 'kessa-said'.made: the words of the time and its part of the day are not written"
        in done.lost
    )
    unresolved = claimreview.export(d2)
    assert "datePublished" not in unresolved.document[0]["itemReviewed"]
    assert any("an unresolved time is not written" in lost for lost in unresolved.lost)
