"""The seed article drafted, against the seed dossier's attributed claims; the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claims
from claims import Stance, analysis
from claims.cli import main
from claims.draft import SAID, accept, attributions, compare, dossier
from support import SEEDS

ARTICLE = SEEDS / "000_722b12ae6f7ab902.txt"
SEED = SEEDS / "baghdad-drone-strike.json"
TEXT = ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> claims.Dossier:
    return claims.load(SEED)


@pytest.fixture(scope="module")
def drafted(seed: claims.Dossier) -> claims.Dossier:
    return dossier(
        TEXT, source=seed.source("aj-article"), publisher=seed.actor("al-jazeera"), into=seed
    )


def drafts(d: claims.Dossier) -> list[claims.Claim]:
    return [c for c in d.claims.values() if c.draft]


def test_every_attributed_claim_of_the_seed_is_drafted(
    seed: claims.Dossier, drafted: claims.Dossier
) -> None:
    # The seed's claims made by someone other than the publisher, each with the
    # words its quote anchors: a draft of the same claimant must cover them.
    attributed = [c for c in seed.claims.values() if c.claimant != "al-jazeera"]
    assert {c.claimant for c in attributed} == {
        "iraq-gov", "reuters", "iraq-pmo", "iraq-mofa", "nujaba-tv", "us-officials", "ap",
        "islamic-resistance-in-iraq",
    }  # fmt: skip
    by_claimant: dict[str, list[claims.Claim]] = {}
    for c in drafts(drafted):
        by_claimant.setdefault(c.claimant, []).append(c)
    missing = []
    for c in attributed:
        spans = [(q.start, q.end) for q in c.quotes if q.source == "aj-article"]
        found = [
            d
            for d in by_claimant.get(c.claimant, [])
            if d.stance is c.stance
            and any(s < d.quotes[0].end and d.quotes[0].start < e for s, e in spans)
        ]
        if not found:
            missing.append(c.id)
    assert missing == []


def test_the_group_s_motives_are_drafted(drafted: claims.Dossier) -> None:
    [motive] = [c for c in drafts(drafted) if "retaliation for Washington" in c.quotes[0].exact]
    assert "push US forces out of Iraq" in motive.quotes[0].exact
    # "The group" is the one "calling itself the Islamic Resistance in Iraq".
    assert motive.claimant == "islamic-resistance-in-iraq"


def test_chains_and_stances(drafted: claims.Dossier) -> None:
    by_words = {c.quotes[0].exact[:30]: c for c in drafts(drafted)}
    reuters = by_words["four PMF members were killed a"]
    assert reuters.claimant == "reuters"
    assert [(h.reporter, h.cue) for h in reuters.chain] == [("al-jazeera", "reported")]
    pmo = by_words["The Iraqi armed forces hold th"]
    assert [(h.reporter, h.cue) for h in pmo.chain] == [("al-jazeera", "said in a statement")]
    [silence] = [c for c in drafts(drafted) if c.stance.is_silence]
    assert (silence.claimant, silence.stance) == ("us-officials", Stance.NO_COMMENT)
    ap = [c for c in drafts(drafted) if c.claimant == "ap"]
    assert [h.cue for c in ap for h in c.chain] == ["according to", "said"]


def test_drafts_are_honest_to_the_analysis(drafted: claims.Dossier, seed: claims.Dossier) -> None:
    assert all(c.proposition.predicate == SAID for c in drafts(drafted))
    assert analysis.contradictions(drafted) == analysis.contradictions(seed)
    silent = [s.actor for s in analysis.silences(drafted)]
    assert silent.count("us-officials") == 2  # the seed's silence and the drafted one


def test_the_same_words_in_two_articles_are_one_origin() -> None:
    aj = claims.Actor("aj", name="Al Jazeera", kind=claims.ActorKind.MEDIA_OUTLET)
    bbc = claims.Actor("bbc", name="BBC", kind=claims.ActorKind.MEDIA_OUTLET)
    text = "The ministry said the dam had failed."
    one = dossier(text, source=claims.Source("a", title="A", publisher="aj"), publisher=aj)
    both = dossier(
        text, source=claims.Source("b", title="B", publisher="bbc"), publisher=bbc, into=one
    )
    first = drafts(both)[0]
    found = analysis.corroboration(both, first.id)
    # Both reports carry the ministry's own words: one origin, never two.
    assert found.count == 1
    assert found.origins[0].claims == ("a-draft-1", "b-draft-1")


def test_accepting_clears_the_mark(drafted: claims.Dossier) -> None:
    claim = drafts(drafted)[0]
    assert not accept(claim).draft
    assert "draft" not in json.loads(claims.dumps(claims.Dossier([
        *drafted.actors.values(), *drafted.sources.values(), *drafted.events.values(),
        accept(claim),
    ])))["claims"][0]  # fmt: skip


def test_seed_json_is_unchanged_by_the_draft_fields(seed: claims.Dossier) -> None:
    assert (
        claims.dumps(seed) + "\n" == SEED.read_text(encoding="utf-8")
        or claims.loads(SEED.read_text(encoding="utf-8")) == seed
    )
    assert '"draft"' not in SEED.read_text(encoding="utf-8")


def test_the_command_drafts_and_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafted.json"
    assert main(["draft", str(ARTICLE), "--into", str(SEED), "--source-id", "aj-article",
                 "-o", str(out)]) == 0  # fmt: skip
    assert main(["validate", str(out)]) == 0
    d = claims.load(out)
    assert len(drafts(d)) == len(attributions(TEXT))
    fresh = tmp_path / "fresh.json"
    assert main(["draft", str(ARTICLE), "--url", "https://example.org/a", "-o", str(fresh)]) == 0
    d = claims.load(fresh)
    [source] = d.sources.values()
    assert source.url == "https://example.org/a"
    assert d.actor(source.publisher or "").name == "Al Jazeera"  # from the "Source:" line


def test_the_command_shows_the_review(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "--show", str(ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert "{10: There was no immediate comment from} [10:who US officials]" in out
    assert "which -> The Associated Press news agency | said | asserts" in out


def test_the_command_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read the article" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2, "actors": [{"id": 1}]}')
    assert main(["draft", str(ARTICLE), "--into", str(bad)]) == 1
    assert "not a valid claims document" in capsys.readouterr().err


def test_compare_finds_every_attributed_claim_of_the_seed_by_name(seed: claims.Dossier) -> None:
    # Drafted without the seed's actors: claimants are matched by their names.
    alone = dossier(TEXT, source=seed.source("aj-article"), publisher=seed.actor("al-jazeera"))
    result = compare(alone, seed, source="aj-article")
    attributed = {
        c.id
        for c in seed.claims.values()
        if c.claimant != "al-jazeera" and any(q.source == "aj-article" for q in c.quotes)
    }
    assert result.missed == ()
    assert {ref for ref, _ in result.found} == attributed
    assert result.recall == 1.0
    drafts = {c.id for c in alone.claims.values() if c.draft}
    assert set(result.extra) <= drafts
    assert not set(result.extra) & {d for _, d in result.found}


def test_compare_reports_what_a_draft_missed(seed: claims.Dossier) -> None:
    alone = dossier(TEXT, source=seed.source("aj-article"), publisher=seed.actor("al-jazeera"))
    # Drop the drafts of the foreign ministry: its two claims are missed.
    fewer = claims.Dossier(
        r
        for r in alone.records()
        if not (isinstance(r, claims.Claim) and "foreign ministry" in alone.actor(r.claimant).name)
    )
    result = compare(fewer, seed, source="aj-article")
    assert set(result.missed) == {"mofa-aggression", "mofa-reserves-right"}
    assert 0 < result.recall < 1


def test_the_command_compares_with_a_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafted.json"
    args = [str(ARTICLE), "--source-id", "aj-article", "--publisher", "Al Jazeera"]
    assert main(["draft", *args, "-o", str(out), "--compare", str(SEED)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"against {SEED}: 14 of 14 attributed claims drafted\n")
    assert "  missed" not in printed
