"""`claims.draft.attributions`: each pattern of news attribution, on short texts."""

from __future__ import annotations

import pytest

from claims import Stance
from claims.draft import Attribution, Span, attributions


def one(text: str) -> Attribution:
    found = attributions(text)
    assert len(found) == 1, found
    return found[0]


def parts(a: Attribution) -> tuple[str | None, str, str | None]:
    return (
        a.speaker.text if a.speaker else None,
        a.cue.text,
        a.content.text if a.content else None,
    )


def test_indirect_speech() -> None:
    a = one("The mayor said the bridge would reopen in May.")
    assert parts(a) == ("The mayor", "said", "the bridge would reopen in May")
    assert a.stance is Stance.ASSERTS
    assert not a.direct
    assert a.via == ()


def test_indirect_speech_with_that_and_an_adverb() -> None:
    a = one("The union has also warned that strikes could spread.")
    assert parts(a) == ("The union", "warned", "strikes could spread")


def test_quote_then_tag() -> None:
    a = one("“We will rebuild the school,” the governor said.")
    assert parts(a) == ("the governor", "said", "We will rebuild the school")
    assert a.direct


def test_quote_then_inverted_tag() -> None:
    a = one("“Prices will fall,” said Dr. Lena Fox, an economist.")
    assert parts(a) == ("Dr. Lena Fox", "said", "Prices will fall")


def test_tag_then_quote() -> None:
    a = one("The coach told reporters: “We played badly tonight.”")
    assert (a.speaker and a.speaker.text, a.cue.text) == ("The coach", "told")
    assert a.content is not None
    assert a.content.text == "We played badly tonight"
    assert a.direct


def test_tag_inside_a_quote_continues_the_speaker() -> None:
    found = attributions("“The dam is safe,” he said. “Nobody needs to leave.”")
    assert [a.content.text for a in found if a.content] == [
        "The dam is safe",
        "Nobody needs to leave",
    ]
    assert {a.speaker.text for a in found if a.speaker} == {"he"}


def test_content_then_tag() -> None:
    a = one("The dam is safe, officials said on Monday.")
    assert parts(a)[0] == "officials"
    assert parts(a)[2] == "The dam is safe"


def test_according_to_after_and_before() -> None:
    a = one("Turnout was low, according to the election commission.")
    assert parts(a) == ("the election commission", "according to", "Turnout was low")
    b = one("According to the police, three men were arrested.")
    assert parts(b) == ("the police", "According to", "three men were arrested")


def test_told_a_news_agency_is_a_via() -> None:
    a = one("A senior official told Reuters that the talks had failed.")
    assert parts(a) == ("A senior official", "told", "the talks had failed")
    assert [v.text for v in a.via] == ["Reuters"]


def test_told_reporters_is_no_via() -> None:
    a = one("The minister told reporters the budget was balanced.")
    assert a.via == ()
    assert parts(a)[2] == "the budget was balanced"


def test_said_in_a_statement() -> None:
    a = one("The ministry said in a statement that the border was closed.")
    assert parts(a) == ("The ministry", "said in a statement", "the border was closed")


def test_in_a_statement_first() -> None:
    a = one("In a statement, the ministry said the border was closed.")
    assert parts(a) == ("the ministry", "said", "the border was closed")


def test_relative_clause_between_speaker_and_cue() -> None:
    a = one("Ana Ruiz, who chairs the committee, said the vote was fair.")
    assert parts(a) == ("Ana Ruiz", "said", "the vote was fair")


def test_accusation_and_denial() -> None:
    found = attributions(
        "The army accused the rebels of shelling the town. The rebels denied the charge."
    )
    assert [(parts(a), a.stance) for a in found] == [
        (("The army", "accused", "the rebels of shelling the town"), Stance.ASSERTS),
        (("The rebels", "denied", "the charge"), Stance.DENIES),
    ]


def test_rejected_and_dismissed_are_denials() -> None:
    assert one("The company rejected the report.").stance is Stance.DENIES
    assert one("The ministry dismissed the claims as lies.").stance is Stance.DENIES


def test_blamed() -> None:
    a = one("The governor blamed the storm for the outage.")
    assert parts(a) == ("The governor", "blamed", "the storm for the outage")


def test_participle_continues_the_speaker() -> None:
    found = attributions("The ministry condemned the raid, calling it a crime.")
    assert [parts(a) for a in found] == [
        ("The ministry", "condemned", "the raid"),
        ("The ministry", "calling", "it a crime"),
    ]


def test_confirmation() -> None:
    a = one("The hospital confirmed that two patients had died.")
    assert parts(a) == ("The hospital", "confirmed", "two patients had died")
    assert a.stance is Stance.ASSERTS


@pytest.mark.parametrize(
    ("text", "speaker", "stance"),
    [
        ("The embassy declined to comment.", "The embassy", Stance.DECLINED_TO_COMMENT),
        (
            "The company did not respond to a request for comment.",
            "The company",
            Stance.NO_RESPONSE,
        ),
        ("Local officials could not be reached for comment.", "Local officials",
         Stance.NO_RESPONSE),
        ("There was no immediate comment from the army.", "the army", Stance.NO_COMMENT),
        ("The palace had no immediate comment.", "The palace", Stance.NO_COMMENT),
    ],
)  # fmt: skip
def test_silences(text: str, speaker: str, stance: Stance) -> None:
    a = one(text)
    assert a.speaker is not None
    assert a.speaker.text == speaker
    assert a.stance is stance
    assert a.content is None


def test_hedges_are_unclear_and_name_nobody() -> None:
    a = one("The factory was reportedly closed last year.")
    assert a.stance is Stance.UNCLEAR
    assert a.speaker is None
    assert a.cue.text == "reportedly"
    b = one("It is alleged that the count was rigged.")
    assert b.stance is Stance.UNCLEAR
    assert b.content is not None
    assert b.content.text == "the count was rigged"


def test_nested_attribution_carries_the_chain() -> None:
    a = one("A diplomat told Reuters that officials said the talks were over.")
    assert parts(a) == ("officials", "said", "the talks were over")
    assert [v.text for v in a.via] == ["Reuters", "A diplomat"]


def test_dateline_wire_is_outermost() -> None:
    found = attributions("LONDON (Reuters) - The bank said rates would rise.")
    assert [(parts(a), [v.text for v in a.via]) for a in found] == [
        (("The bank", "said", "rates would rise"), ["Reuters"])
    ]


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    found = attributions("Maria Lopez said the plan was ready.\n“It will work,” she said.")
    assert [(a.speaker.text if a.speaker else None, a.speaker_name) for a in found] == [
        ("Maria Lopez", "Maria Lopez"),
        ("she", "Maria Lopez"),
    ]


def test_which_resolves_to_the_phrase_before_it() -> None:
    found = attributions(
        "Roads were closed, according to the AP, which said its reporter was stopped."
    )
    assert [(a.speaker_name, parts(a)[2]) for a in found] == [
        ("the AP", "Roads were closed"),
        ("the AP", "its reporter was stopped"),
    ]


def test_short_reference_resolves_by_its_head() -> None:
    found = attributions(
        "The Ministry of Health said cases rose.\nThe ministry said clinics were full."
    )
    assert [a.speaker_name for a in found] == ["The Ministry of Health"] * 2


def test_photo_credits_and_source_lines_draft_nothing() -> None:
    assert attributions("A street in Kano [Musa Ibrahim/AFP]\n\nSource: News agencies") == ()


def test_nouns_are_not_cues() -> None:
    assert attributions("The report was long. Her claims were many.") == ()


def test_spans_reject_a_wrong_length() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        Span(0, 3, "ab")


def test_attributions_needs_a_str() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        attributions(b"bytes")  # type: ignore[arg-type]


def test_a_short_reference_finds_the_name_the_text_gave() -> None:
    found = attributions(
        "A coalition of farmers, calling itself the Green Valley Alliance, blocked roads.\n"
        "The coalition said prices were too low."
    )
    assert [(a.speaker and a.speaker.text, a.speaker_name) for a in found] == [
        ("The coalition", "Green Valley Alliance")
    ]
