"""The report shows partial support: a supporter that does not state what it supports."""

from __future__ import annotations

import pytest

import claims
import claims.views
from claims import (
    Actor,
    ActorKind,
    Claim,
    Dossier,
    Event,
    EventRef,
    Link,
    LinkKind,
    Proposition,
    Quantity,
    Quote,
    Source,
    Text,
    Unknown,
)

ARTICLE = (
    "Sixteen patients died in the fire at St Aldric hospital, the Coastal Post "
    "reported. The regional health office confirmed deaths but gave no figure. "
    "A union official said twelve had died. Firefighters said the fire spread "
    "from the laundry."
)

FIRE = EventRef("fire")


def _quote(words: str) -> Quote:
    start = ARTICLE.index(words)
    return Quote("article", words, start, start + len(words))


def _dossier(*more: claims.Record) -> Dossier:
    """The Coastal Post's toll, and the health office confirming deaths without a figure."""
    return Dossier(
        [
            Source("article", title="Hospital fire"),
            Actor("post", "The Coastal Post", kind=ActorKind.MEDIA_OUTLET),
            Actor("office", "Regional health office", kind=ActorKind.HEALTH_AUTHORITY),
            Actor("union", "Nurses' union", kind=ActorKind.TRADE_UNION),
            Actor("brigade", "Fire brigade", kind=ActorKind.GOVERNMENT_BODY),
            Event("fire", "the fire at St Aldric hospital"),
            Claim(
                "post-toll",
                "post",
                Proposition(FIRE, "killed", Quantity(16, unit="patients")),
                quotes=[_quote("Sixteen patients died")],
            ),
            Claim(
                "office-deaths",
                "office",
                Proposition(FIRE, "deaths", Unknown("no figure given")),
                quotes=[_quote("confirmed deaths but gave no figure")],
            ),
            Link(LinkKind.SUPPORTS, "office-deaths", "post-toll"),
            *more,
        ]
    )


def _section(text: str, name: str) -> str:
    after = text[text.index(f"{name}\n") :]
    end = after.find("\n\n")
    return " ".join((after if end < 0 else after[:end]).split())


def test_the_text_report_shows_support_without_the_figure() -> None:
    text = _section(claims.views.report(_dossier()), "CORROBORATION")
    assert "killed 16 patients: 1 independent origin among 1 claim" in text
    assert (
        "also supported, without the figure, by Regional health office: not counted "
        "(says unknown (no figure given), not 16 patients)"
    ) in text
    assert "[office-deaths]" in _section(claims.views.report(_dossier(), ids=True), "CORROBORATION")
    summary = _section(claims.views.report(_dossier()), "SUMMARY")
    assert "1 corroboration verdict" in summary


def test_markdown_html_and_json_show_it_too() -> None:
    d = _dossier()
    markdown = claims.views.markdown(d)
    assert (
        "  - also supported, without the figure, by Regional health office: not counted" in markdown
    )
    assert "- 1 other claim has no support beyond itself" in markdown
    page = claims.views.html(d)
    assert '<p class="muted">1 other claim has no support beyond itself.</p>' in page
    verdict = page[page.index('<li class="verdict"') :]
    verdict = verdict[: verdict.index("</ul></li>")]
    assert "also supported, without the figure, by <a " in verdict
    assert ">Regional health office</a>: not counted" in verdict
    data = claims.views.report_json(d)["sections"]["corroboration"]
    [item] = data["items"]
    assert item["claims"] == ["post-toll"]
    assert item["independent_origins"] == 1
    [partly] = item["partial"]
    assert partly["claim"] == "office-deaths"
    assert partly["supports"] == "post-toll"
    assert partly["how"] == "without the figure"
    assert partly["words"].startswith("also supported, without the figure, by Regional")


@pytest.mark.parametrize(
    ("value", "predicate", "how", "reason"),
    [
        (Quantity(12, unit="people"), "killed", "with another figure", "not 16 patients"),
        (Text("many"), "dead", "without the figure", "says “many”, not 16 patients"),
    ],
)
def test_other_partial_support_in_words(
    value: claims.Value, predicate: str, how: str, reason: str
) -> None:
    other = Claim("union-says", "union", Proposition(FIRE, predicate, value))
    d = _dossier(other, Link(LinkKind.SUPPORTS, "union-says", "post-toll"))
    text = _section(claims.views.report(d), "CORROBORATION")
    assert f"also supported, {how}, by Nurses' union: not counted" in text
    assert reason in text


def test_support_in_part_of_what_is_not_a_figure() -> None:
    cause = Proposition(FIRE, "has_cause", Text("a fault in a dryer"))
    where = Proposition(FIRE, "started_in", Text("the laundry"))
    d = _dossier(
        Claim("post-cause", "post", cause),
        Claim("brigade-where", "brigade", where, quotes=[_quote("spread from the laundry")]),
        Link(LinkKind.SUPPORTS, "brigade-where", "post-cause"),
    )
    text = _section(claims.views.report(d), "CORROBORATION")
    assert "also supported, in part, by Fire brigade: not counted" in text
    assert "says started_in, not has_cause" in text


def test_a_supporter_that_states_it_is_an_origin_not_partial() -> None:
    full = Claim("union-toll", "union", Proposition(FIRE, "deaths", Quantity(16, unit="patients")))
    d = _dossier(full, Link(LinkKind.SUPPORTS, "union-toll", "post-toll"))
    text = _section(claims.views.report(d), "CORROBORATION")
    assert "2 independent origins among 2 claims" in text
    assert "also supported, without the figure, by Regional health office" in text
    assert "by Nurses' union: not counted" not in text


def test_a_claim_with_no_support_at_all_is_not_a_verdict() -> None:
    d = Dossier([r for r in _dossier().records() if not isinstance(r, Link)])
    text = _section(claims.views.report(d, sections=["corroboration"]), "CORROBORATION")
    assert "none: no claim is backed by another" in text
    assert "also supported" not in text


def test_selecting_the_partial_supporter_shows_the_claim_it_supports() -> None:
    d = _dossier()
    text = claims.views.report(d, claimant=["Regional health office"])
    assert "also supported, without the figure" in " ".join(text.split())
    part = claims.views.subset(d, claims.views.select(d, claimant=["Regional health office"]))
    assert set(part.claims) == {"post-toll", "office-deaths"}
    assert "also supported, without the figure" in claims.views.markdown(part)
