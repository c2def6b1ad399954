"""The text report's wrapping and its size on large dossiers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
import claims.views
from claims import (
    Actor,
    ActorKind,
    ActorRef,
    Claim,
    Event,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Source,
    Stance,
    When,
    strategies,
)
from claims._terminal import is_unsafe
from claims.views import terminal_safe
from claims.views._report import wrap
from support import SEED

DAY = When.day(2024, 1, 4)


@given(st.text(), st.integers(20, 120), st.sampled_from(["", "  ", "    "]))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int, indent: str) -> None:
    lines = wrap(text, width, indent)
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(line.split()) for line in lines) == "".join(terminal_safe(text).split())


def test_a_long_word_is_cut_across_lines_with_nothing_lost() -> None:
    # 1,000,000 characters with no space: quadratic wrapping took seconds here.
    word = "".join(chr(ord("a") + i % 26) for i in range(1_000_000))
    dossier = claims.Dossier(
        [
            Actor("a", word),
            Claim("c", "a", Proposition(ActorRef("a"), "said", claims.Text(word))),
        ]
    )
    text = claims.views.report(dossier, width=80, sections=["claims"])
    lines = text.splitlines()
    assert max(map(len, lines)) <= 80
    joined = "".join(line.strip() for line in lines)
    assert joined.count(word) == 3  # the name, then the subject and the object, whole


def synthetic(n: int) -> claims.Dossier:
    """`n` claims about `n // 10` events by 50 outlets: figures that disagree,
    silences, support links, a supersession every 100 claims."""
    records: list[object] = [Source("src", "Wire", published=DAY)]
    records += [Actor(f"a{i}", f"Outlet {i}", kind=ActorKind.MEDIA_OUTLET) for i in range(50)]
    records += [Event(f"e{i}", f"event {i}", when=DAY) for i in range(n // 10)]
    for i in range(n):
        event = EventRef(f"e{i // 10}")
        stance = Stance.NO_COMMENT if i % 10 == 9 else Stance.ASSERTS
        if i % 10 in (7, 8, 9):
            prop = Proposition(event, "carried_out_by", ActorRef(f"a{(i + 1) % 50}"))
        else:
            prop = Proposition(event, "casualties", Quantity(i % 4, unit="killed"))
        records.append(Claim(f"c{i}", f"a{i % 50}", prop, stance=stance, made=DAY))
        if i % 10 == 3:
            records.append(Link(LinkKind.SUPPORTS, f"c{i}", f"c{i - 1}", note="same wire"))
        if i % 100 == 50:
            records.append(Link(LinkKind.SUPERSEDES, f"c{i}", f"c{i - 50}"))
    return claims.Dossier(records)  # type: ignore[arg-type]


def test_the_default_report_has_a_bounded_number_of_lines() -> None:
    sizes = {}
    for n in (500, 6_000, 12_000):
        text = claims.views.report(synthetic(n), width=80)
        sizes[n] = len(text.splitlines())
        assert "to see them all: --section contradictions --limit 0" in " ".join(text.split())
        assert "To see them all: --section claims --limit 0" in text
    assert max(sizes.values()) < 2_000
    # Once every section is past its limit, more claims add no item: only a
    # count with more digits may wrap onto another line.
    assert abs(sizes[12_000] - sizes[6_000]) <= 3
    assert sizes[500] < sizes[6_000]


def test_filters_take_ids_names_aliases_and_text_subjects() -> None:
    d = claims.load(SEED)
    by_alias = claims.views.select(d, claimant=["Washington", "prime minister’s OFFICE"])
    assert by_alias.claimants == ("us", "iraq-pmo")
    text = claims.views.select(d, subject=["ap journalists"])
    assert text.subjects == (("Text", "AP journalists"),)
    report = claims.views.report(d, subject=["AP journalists"], sections=["claims"], ids=True)
    assert "id: ap-journalists-blocked" in report
    assert report.count("id: ") == 1
    event = claims.views.select(d, event=["the drone strike on the PMF headquarters in Baghdad"])
    assert event.events == ("strike",)


def test_an_ambiguous_name_is_refused_with_the_candidates() -> None:
    d = claims.Dossier([Actor("x1", "Ministry"), Actor("x2", "ministry")])
    with pytest.raises(claims.views.ReportError, match="ambiguous: x1, x2"):
        claims.views.select(d, claimant=["MINISTRY"])


@settings(max_examples=60, deadline=None)
@given(strategies.dossiers(), st.integers(20, 100), st.integers(0, 3), st.data())
def test_every_generated_dossier_reports_within_its_width_and_limit(
    dossier: claims.Dossier, width: int, limit: int, data: st.DataObject
) -> None:
    filters: dict[str, list[str]] = {}
    if dossier.actors and data.draw(st.booleans()):
        filters["claimant"] = [data.draw(st.sampled_from(sorted(dossier.actors)))]
    text = claims.views.report(dossier, width=width, limit=limit, ids=True, offsets=True, **filters)
    assert all(len(line) <= width for line in text.splitlines())
    assert not any(is_unsafe(c) for c in text if c != "\n")
    data_ = claims.views.report_json(dossier, limit=limit, **filters)
    for name, part in data_["sections"].items():
        if name != "claims" and limit:
            assert part["shown"] <= limit
            assert len(part["items"]) == part["shown"] <= part["total"]
    said = data_["sections"]["claims"]
    assert said["shown"] == sum(len(c["claims"]) for c in said["claimants"])
    if limit:
        assert said["shown"] <= limit


def test_an_origin_assessed_6_is_shown_with_why_it_is_not_counted() -> None:
    killed = Proposition(EventRef("strike"), "casualties", Quantity(3, unit="killed"))
    d = claims.Dossier(
        [
            Actor("outlet", "The Outlet", kind=ActorKind.MEDIA_OUTLET),
            Actor("channel", "A Channel", kind=ActorKind.MEDIA_OUTLET),
            Event("strike", "Strike", when=When.day(2024, 1, 4)),
            Claim("report", "outlet", killed),
            Claim(
                "footage",
                "channel",
                killed,
                assessment=claims.Assessment(credibility=claims.Credibility.CANNOT_BE_JUDGED),
            ),
        ]
    )
    why = "not counted: credibility 6 (truth cannot be judged)"
    text = claims.views.report(d, width=100)
    assert "1 independent origin counted, 1 not counted among 2 claims" in text
    assert f"      {why}\n" in text
    assert "suggested credibility" not in text
    page = claims.views.html(d)
    assert "1 independent origin counted, 1 not counted among 2 claims" in page
    assert f'<span class="muted">{why}</span>' in page
    assert f"; {why}" in claims.views.markdown(d)
    [verdict] = claims.views.report_json(d)["sections"]["corroboration"]["items"]
    assert [o["uncounted"] for o in verdict["origins"]] == [None, why.removeprefix("not counted: ")]
