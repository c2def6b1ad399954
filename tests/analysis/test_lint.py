"""`claims.analysis.lint`: each check on a dossier written for it, properties, the seed."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import (
    Actor,
    ActorRef,
    Assessment,
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
    Stance,
    Text,
)
from claims import strategies as cst
from claims.analysis import Finding, Severity, lint
from claims.confidence import Likelihood
from claims.exceptions import UnknownIdError
from claims.vocabulary import DEFAULT, Predicate, Unit, ValueKind, Vocabulary

ARTICLE = "Reuters said four people were killed. The ministry said the blast was an accident."


def _base(*records: object) -> Dossier:
    d = Dossier(
        [
            Actor("reuters", "Reuters"),
            Actor("ministry", "Ministry of Health"),
            Source("article", "An article"),
            Event("blast", "the blast"),
        ]
    )
    d.extend(records)  # type: ignore[arg-type]
    return d


def _quote(words: str = "four people were killed") -> Quote:
    return Quote.find(ARTICLE, words, source="article")


def _claim(cid: str, predicate: str, value: claims.Value, **kw: object) -> Claim:
    kw.setdefault("quotes", [_quote()])
    return Claim(cid, "reuters", Proposition(EventRef("blast"), predicate, value), **kw)  # type: ignore[arg-type]


def _codes(findings: Iterable[Finding]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.severity.value, f.code, f.records) for f in findings]


def test_a_clean_dossier_has_no_finding() -> None:
    d = _base(_claim("toll", "killed", Quantity(4, unit="people")))
    assert lint(d) == ()
    assert lint(d, texts={"article": ARTICLE}) == ()


def test_an_unknown_predicate_with_its_nearest_names() -> None:
    d = _base(_claim("toll", "kiled", Quantity(4, unit="people")))
    (finding,) = lint(d)
    assert _codes([finding]) == [("warning", "unknown-predicate", ("toll",))]
    assert "'kiled' is not in the vocabulary" in finding.message
    assert finding.suggestion == "use 'killed', or add 'kiled' to the vocabulary"


def test_an_unknown_unit_with_the_unit_it_contains() -> None:
    d = _base(_claim("toll", "killed", Quantity(4, unit="PMF members killed")))
    (finding,) = lint(d)
    assert _codes([finding]) == [("warning", "unknown-unit", ("toll",))]
    assert finding.suggestion is not None
    assert finding.suggestion.startswith("use 'people'")


def test_two_names_of_one_predicate_and_one_unit() -> None:
    d = _base(
        _claim("a", "killed", Quantity(4, unit="people")),
        _claim("b", "Deaths", Quantity(9, unit="civilians")),
    )
    assert _codes(lint(d)) == [
        ("info", "duplicate-predicate", ("a", "b")),
        ("info", "duplicate-unit", ("a", "b")),
    ]
    assert "'killed' and 'Deaths' are names of one predicate, 'killed'" in lint(d)[0].message


def test_near_duplicate_unknown_predicates() -> None:
    d = _base(
        _claim("a", "security_presence", Text("intense")),
        _claim("b", "security presense", Text("heavy")),
    )
    codes = _codes(lint(d))
    assert ("warning", "near-predicate", ("a", "b")) in codes
    assert [c for c in codes if c[1] == "unknown-predicate"] == [
        ("warning", "unknown-predicate", ("a",)),
        ("warning", "unknown-predicate", ("b",)),
    ]


def test_distinct_unknown_predicates_are_not_near() -> None:
    d = _base(_claim("a", "faced", Text("x")), _claim("b", "raised", Text("y")))
    assert "near-predicate" not in {f.code for f in lint(d)}


def test_actors_sharing_a_name_or_nearly() -> None:
    d = Dossier(
        [
            Actor("moh", "Ministry of Health"),
            Actor("health", "The ministry of health"),
            Actor("reuters", "Reuters", aliases=["Reuters news agency"]),
            Actor("reuter", "Reuters news agncy"),
            Actor("iraq", "Iraq"),
            Actor("iran", "Iran"),
        ]
    )
    assert _codes(lint(d)) == [
        ("warning", "duplicate-actor", ("moh", "health")),
        ("warning", "duplicate-actor", ("reuters", "reuter")),
    ]


def test_free_text_on_a_single_valued_predicate() -> None:
    d = _base(_claim("where", "location", Text("near the border")))
    (finding,) = lint(d)
    assert _codes([finding]) == [("warning", "free-text", ("where",))]
    assert "'near the border'" in finding.message
    # Free text on a predicate with many values is fine.
    assert lint(_base(_claim("said", "characterised_as", Text("aggression")))) == ()


def test_a_value_of_the_wrong_kind() -> None:
    d = _base(
        _claim("count", "killed", ActorRef("reuters")),
        _claim("who", "targeted", Quantity(3)),
    )
    assert _codes(lint(d)) == [
        ("warning", "value-kind", ("count",)),
        ("warning", "value-kind", ("who",)),
    ]


def test_a_unit_of_another_dimension() -> None:
    d = _base(_claim("far", "killed", Quantity(4, unit="km")))
    assert _codes(lint(d)) == [("warning", "unit-dimension", ("far",))]


def test_a_claim_without_a_quote() -> None:
    d = _base(_claim("toll", "killed", Quantity(4, unit="people"), quotes=[]))
    assert _codes(lint(d)) == [("info", "no-quote", ("toll",))]


def test_quotes_against_the_source_text() -> None:
    d = _base(_claim("toll", "killed", Quantity(4, unit="people")))
    moved = "UPDATE: " + ARTICLE
    assert _codes(lint(d, texts={"article": moved})) == [("warning", "quote-moved", ("toll",))]
    gone = ARTICLE.replace("four", "five")
    (finding,) = lint(d, texts={"article": gone})
    assert _codes([finding]) == [("error", "quote-missing", ("toll",))]
    assert "quotes[0] of the claim: the words 'four people were killed'" in finding.message


def test_a_source_whose_text_changed() -> None:
    d = Dossier([Source("article", "An article", sha256=claims.fingerprint(ARTICLE))])
    assert lint(d, texts={"article": ARTICLE}) == ()
    assert _codes(lint(d, texts={"article": ARTICLE + " More."})) == [
        ("warning", "source-changed", ("article",))
    ]


def test_a_text_for_an_unknown_source_is_an_error() -> None:
    with pytest.raises(UnknownIdError):
        lint(_base(), texts={"nope": ARTICLE})


def _silence(**kw: object) -> Claim:
    prop = Proposition(ActorRef("ministry"), "responsible_for", EventRef("blast"))
    return Claim("quiet", "ministry", prop, stance=Stance.NO_COMMENT, quotes=[_quote()], **kw)  # type: ignore[arg-type]


def test_a_silence_that_answers_nothing() -> None:
    (finding,) = lint(_base(_silence()))
    assert _codes([finding]) == [("warning", "silence-without-accusation", ("quiet",))]
    assert "'ministry''s silence (no comment) answers no claim" in finding.message


def test_a_silence_on_an_accusation_answers_it() -> None:
    blames = Claim(
        "blames",
        "reuters",
        Proposition(ActorRef("ministry"), "behind", EventRef("blast")),
        quotes=[_quote()],
    )
    said = _claim("said", "said", Text("no comment"))
    # "behind" accuses through the vocabulary (an alias of responsible_for).
    d = _base(blames, attrs.evolve(_silence(), proposition=blames.proposition))
    assert "silence-without-accusation" not in {f.code for f in lint(d)}
    # A silence linked to the claim it answers.
    d = _base(said, _silence(), Link(LinkKind.RESPONDS_TO, "quiet", "said"))
    assert "silence-without-accusation" not in {f.code for f in lint(d)}


@pytest.mark.parametrize(
    ("likelihood", "probability", "fix"),
    [
        (Likelihood.LIKELY, 0.9, "use 'very likely', or a probability within 55-80%"),
        (Likelihood.UNLIKELY, 0.5, "use 'roughly even chance', or a probability within 20-45%"),
        (Likelihood.ALMOST_CERTAIN, 1.0, "a probability within 95-99%"),
    ],
)
def test_a_probability_outside_its_likelihood_band(
    likelihood: Likelihood, probability: float, fix: str
) -> None:
    belief = Assessment(likelihood=likelihood, probability=probability)
    d = _base(_claim("toll", "killed", Quantity(4, unit="people"), assessment=belief))
    (finding,) = lint(d)
    assert _codes([finding]) == [("error", "probability-band", ("toll",))]
    assert finding.suggestion == fix


@pytest.mark.parametrize("probability", [0.55, 0.7, 0.8])
def test_a_probability_within_its_band_is_fine(probability: float) -> None:
    belief = Assessment(likelihood=Likelihood.LIKELY, probability=probability)
    d = _base(_claim("toll", "killed", Quantity(4, unit="people"), assessment=belief))
    assert lint(d) == ()


def test_errors_come_first_then_warnings_then_info() -> None:
    belief = Assessment(likelihood=Likelihood.LIKELY, probability=0.1)
    d = _base(
        _claim("a", "kiled", Quantity(4, unit="people"), quotes=[]),
        _claim("b", "killed", Quantity(4, unit="people"), assessment=belief),
    )
    severities = [f.severity for f in lint(d)]
    assert severities == [Severity.ERROR, Severity.WARNING, Severity.INFO]


def test_a_vocabulary_of_ones_own() -> None:
    mine = Vocabulary(
        [Predicate("kiled", "killed", kind=ValueKind.QUANTITY)], [Unit("people", "people")]
    )
    d = _base(_claim("toll", "kiled", Quantity(4, unit="people")))
    assert lint(d, vocabulary=mine) == ()
    assert _codes(lint(d, vocabulary=Vocabulary())) == [
        ("warning", "unknown-predicate", ("toll",)),
        ("warning", "unknown-unit", ("toll",)),
    ]


def test_the_dossiers_own_vocabulary_is_the_default() -> None:
    mine = Vocabulary(
        [Predicate("kiled", "killed", kind=ValueKind.QUANTITY)], [Unit("people", "people")]
    )
    d = _base(_claim("toll", "kiled", Quantity(4, unit="people")))
    assert _codes(lint(d)) == [("warning", "unknown-predicate", ("toll",))]
    d.vocabulary = mine
    assert lint(d) == ()
    assert lint(d) == lint(Dossier(d.records(), vocabulary=mine))
    assert _codes(lint(d, vocabulary=Vocabulary())) == [
        ("warning", "unknown-predicate", ("toll",)),
        ("warning", "unknown-unit", ("toll",)),
    ]


def test_the_seed_lints_with_no_error(seed: Dossier, article: str) -> None:
    source = next(iter(seed.sources))
    findings = lint(seed, texts={source: article})
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    # Every quote of the seed is where it says, and every silence answers something.
    assert not {"quote-missing", "quote-moved", "no-quote", "silence-without-accusation"} & {
        f.code for f in findings
    }


# Properties, on dossiers from `claims.strategies`.


@st.composite
def dossiers_and_texts(draw: st.DrawFn) -> tuple[Dossier, dict[str, str]]:
    d = draw(cst.dossiers())
    texts = {sid: draw(st.text(max_size=60)) for sid in d.sources if draw(st.booleans())}
    return d, texts


@given(dossiers_and_texts())
def test_lint_never_raises_on_generated_dossiers(case: tuple[Dossier, dict[str, str]]) -> None:
    d, texts = case
    findings = lint(d, texts=texts)
    ids = {*d.claims, *d.actors, *d.sources}
    for f in findings:
        assert set(f.records) <= ids
        assert f.message


def _renamed(d: Dossier, rename: dict[str, str], units: dict[str, str]) -> Dossier:
    records = []
    for record in d.records():
        if isinstance(record, Claim):
            prop = record.proposition
            value = prop.object
            if isinstance(value, Quantity) and value.unit in units:
                value = attrs.evolve(value, unit=units[value.unit])
            prop = attrs.evolve(
                prop, predicate=rename.get(prop.predicate, prop.predicate), object=value
            )
            record = attrs.evolve(record, proposition=prop)
        records.append(record)
    return Dossier(records)


@st.composite
def renamings(draw: st.DrawFn) -> tuple[Dossier, Dossier]:
    """A dossier whose known predicates and units are renamed to other names of theirs."""
    d = draw(cst.dossiers())
    unit = draw(st.sampled_from(DEFAULT.units))
    # Give every quantity a unit of the vocabulary, written one way.
    records = []
    for record in d.records():
        if isinstance(record, Claim) and isinstance(record.proposition.object, Quantity):
            q = attrs.evolve(record.proposition.object, unit=unit.id)
            record = attrs.evolve(record, proposition=attrs.evolve(record.proposition, object=q))
        records.append(record)
    before = Dossier(records)
    used = {c.proposition.predicate for c in before.claims.values()}
    rename = {
        p: draw(st.sampled_from(known.names))
        for p in sorted(used)
        if (known := DEFAULT.predicate(p)) is not None
    }
    after = _renamed(before, rename, {unit.id: draw(st.sampled_from(unit.names))})
    return before, after


_ALIAS_CODES = {"duplicate-predicate", "duplicate-unit"}


@given(renamings())
def test_renaming_to_an_alias_changes_nothing_but_the_alias(case: tuple[Dossier, Dossier]) -> None:
    before, after = case
    unchanged = {
        (f.severity, f.code, f.records) for f in lint(before) if f.code not in _ALIAS_CODES
    }
    renamed = {(f.severity, f.code, f.records) for f in lint(after) if f.code not in _ALIAS_CODES}
    assert renamed == unchanged
    errors = [f for f in lint(after) if f.severity is Severity.ERROR]
    assert errors == [f for f in lint(before) if f.severity is Severity.ERROR]


def test_names_differing_only_in_digits_are_not_near() -> None:
    d = Dossier([Actor("b12", "Brigade 12"), Actor("b13", "Brigade 13"), Actor("b", "Brigade")])
    assert lint(d) == ()
    d = _base(
        _claim("a", "attacks_in_2023", Text("x")),
        _claim("b", "attacks_in_2024", Text("y")),
    )
    assert "near-predicate" not in {f.code for f in lint(d)}
