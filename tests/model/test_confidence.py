"""The four scales against their published tables, and the properties of the conversions.

Sources, as named in the test ids:

- "STIX 2.1 App. A": OASIS "STIX Version 2.1", Appendix A "Confidence
  Scales", its five tables (None/Low/Med/High, 0-10 Scale, Admiralty
  Credibility, WEP, DNI Scale), copied here by hand, row by row.
- "MISP": the MISP taxonomies ``admiralty-scale`` and
  ``estimative-language``, version 5 each, read from
  tests/data/misp-taxonomies (CC0 / BSD 2-clause, see LICENSE.md there).
- "ICD 203": Intelligence Community Directive 203, Analytic Standards
  (2 January 2015), its table of expressions of likelihood.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claims
from claims import Assessment, ClaimsError, InvalidTypeError, InvalidValueError
from claims import json as claims_json
from claims import strategies as cs
from claims.confidence import (
    AnalyticConfidence,
    Credibility,
    Likelihood,
    NoneLowMedHigh,
    Reliability,
    StixScale,
    Wep,
    format_rating,
    from_misp_tag,
    from_stix,
    likelihood_for,
    misp_numerical_value,
    parse_rating,
    to_misp_tag,
    to_stix,
)
from support import DATA

MISP_DIR = DATA / "misp-taxonomies"

# --------------------------------------------------------------------------
# STIX 2.1, Appendix A "Confidence Scales": (label as printed, STIX
# Confidence Value, Ranges of Values). None stands for "Not Specified"/"N/A".
# The "Not Specified" rows of four tables are pinned separately below.

StixTable = list[tuple[str, int | None, tuple[int, int] | None]]

STIX_APPENDIX_A: dict[StixScale, tuple[str, StixTable]] = {
    StixScale.NONE_LOW_MED_HIGH: (
        "None/Low/Med/High",
        [
            ("None", 0, (0, 0)),
            ("Low", 15, (1, 29)),
            ("Med", 50, (30, 69)),
            ("High", 85, (70, 100)),
        ],
    ),
    StixScale.ZERO_TEN: (
        "0-10 Scale",
        [
            ("0", 0, (0, 4)),
            ("1", 10, (5, 14)),
            ("2", 20, (15, 24)),
            ("3", 30, (25, 34)),
            ("4", 40, (35, 44)),
            ("5", 50, (45, 54)),
            ("6", 60, (55, 64)),
            ("7", 70, (65, 74)),
            ("8", 80, (75, 84)),
            ("9", 90, (85, 94)),
            ("10", 100, (95, 100)),
        ],
    ),
    StixScale.ADMIRALTY_CREDIBILITY: (
        "Admiralty Credibility",
        [
            ("6 - Truth cannot be judged", None, None),
            ("5 - Improbable", 10, (0, 19)),
            ("4 - Doubtful", 30, (20, 39)),
            ("3 - Possibly True", 50, (40, 59)),
            ("2 - Probably True", 70, (60, 79)),
            ("1 - Confirmed by other sources", 90, (80, 100)),
        ],
    ),
    StixScale.WEP: (
        "WEP",
        [
            ("Impossible", 0, (0, 0)),
            ("Highly Unlikely/Almost Certainly Not", 10, (1, 19)),
            ("Unlikely/Probably Not", 30, (20, 39)),
            ("Even Chance", 50, (40, 59)),
            ("Likely/Probable", 70, (60, 79)),
            ("Highly likely/Almost Certain", 90, (80, 99)),
            ("Certain", 100, (100, 100)),
        ],
    ),
    StixScale.DNI: (
        "DNI Scale",
        [
            ("Almost No Chance / Remote", 5, (0, 9)),
            ("Very Unlikely / Highly Improbable", 15, (10, 19)),
            ("Unlikely / Improbable", 30, (20, 39)),
            ("Roughly Even Chance / Roughly Even Odds", 50, (40, 59)),
            ("Likely / Probable", 70, (60, 79)),
            ("Very Likely / Highly Probable", 85, (80, 89)),
            ("Almost Certain / Nearly Certain", 95, (90, 100)),
        ],
    ),
}

# Which claims value each printed label is: written out here, not derived.
STIX_LABEL_MEANS: dict[StixScale, dict[str, Any]] = {
    StixScale.NONE_LOW_MED_HIGH: {
        "None": NoneLowMedHigh.NONE,
        "Low": NoneLowMedHigh.LOW,
        "Med": NoneLowMedHigh.MED,
        "High": NoneLowMedHigh.HIGH,
    },
    StixScale.ZERO_TEN: {str(n): n for n in range(11)},
    StixScale.ADMIRALTY_CREDIBILITY: {
        "6 - Truth cannot be judged": Credibility.CANNOT_BE_JUDGED,
        "5 - Improbable": Credibility.IMPROBABLE,
        "4 - Doubtful": Credibility.DOUBTFUL,
        "3 - Possibly True": Credibility.POSSIBLY_TRUE,
        "2 - Probably True": Credibility.PROBABLY_TRUE,
        "1 - Confirmed by other sources": Credibility.CONFIRMED,
    },
    StixScale.WEP: {
        "Impossible": Wep.IMPOSSIBLE,
        "Highly Unlikely/Almost Certainly Not": Wep.HIGHLY_UNLIKELY,
        "Unlikely/Probably Not": Wep.UNLIKELY,
        "Even Chance": Wep.EVEN_CHANCE,
        "Likely/Probable": Wep.LIKELY,
        "Highly likely/Almost Certain": Wep.HIGHLY_LIKELY,
        "Certain": Wep.CERTAIN,
    },
    StixScale.DNI: {
        "Almost No Chance / Remote": Likelihood.ALMOST_NO_CHANCE,
        "Very Unlikely / Highly Improbable": Likelihood.VERY_UNLIKELY,
        "Unlikely / Improbable": Likelihood.UNLIKELY,
        "Roughly Even Chance / Roughly Even Odds": Likelihood.ROUGHLY_EVEN_CHANCE,
        "Likely / Probable": Likelihood.LIKELY,
        "Very Likely / Highly Probable": Likelihood.VERY_LIKELY,
        "Almost Certain / Nearly Certain": Likelihood.ALMOST_CERTAIN,
    },
}

STIX_ROWS = [
    pytest.param(scale, text, value, bounds, id=f"STIX 2.1 App. A {title}: {text}")
    for scale, (title, rows) in STIX_APPENDIX_A.items()
    for text, value, bounds in rows
]

# From least to most belief, as each scale's words say (Credibility runs 5
# "improbable" up to 1 "confirmed"; 6 "cannot be judged" is off the scale).
ORDER: dict[StixScale, list[Any]] = {
    StixScale.NONE_LOW_MED_HIGH: list(NoneLowMedHigh),
    StixScale.ZERO_TEN: list(range(11)),
    StixScale.ADMIRALTY_CREDIBILITY: [Credibility(n) for n in (5, 4, 3, 2, 1)],
    StixScale.WEP: list(Wep),
    StixScale.DNI: list(Likelihood),
}

# ICD 203, expressions of likelihood: term, synonym, band in percent.
ICD_203 = [
    (Likelihood.ALMOST_NO_CHANCE, "almost no chance", "remote", (1, 5)),
    (Likelihood.VERY_UNLIKELY, "very unlikely", "highly improbable", (5, 20)),
    (Likelihood.UNLIKELY, "unlikely", "improbable", (20, 45)),
    (Likelihood.ROUGHLY_EVEN_CHANCE, "roughly even chance", "roughly even odds", (45, 55)),
    (Likelihood.LIKELY, "likely", "probable", (55, 80)),
    (Likelihood.VERY_LIKELY, "very likely", "highly probable", (80, 95)),
    (Likelihood.ALMOST_CERTAIN, "almost certain", "nearly certain", (95, 99)),
]

scales = st.sampled_from(StixScale)
labelled = scales.flatmap(lambda s: st.tuples(st.just(s), st.sampled_from(s.labels)))
dimension_members = st.sampled_from([*Reliability, *Credibility, *Likelihood, *AnalyticConfidence])


# --------------------------------------------------------------------------
# STIX 2.1 Appendix A, row by row


@pytest.mark.parametrize(("scale", "text", "value", "bounds"), STIX_ROWS)
def test_stix_row(
    scale: StixScale, text: str, value: int | None, bounds: tuple[int, int] | None
) -> None:
    label = STIX_LABEL_MEANS[scale][text]
    assert to_stix(label, scale) == value
    row = next(r for r in scale.rows if r.text == text)
    assert (row.label, row.value) == (label, value)
    if bounds is None:
        assert (row.low, row.high) == (None, None)
        return
    low, high = bounds
    assert (row.low, row.high) == (low, high)
    assert from_stix(low, scale) == label
    assert from_stix(high, scale) == label
    assert from_stix((low + high) // 2, scale) == label
    if low > 0:
        assert from_stix(low - 1, scale) != label
    if high < 100:
        assert from_stix(high + 1, scale) != label


@pytest.mark.parametrize(
    ("scale", "title"),
    [pytest.param(s, t, id=f"STIX 2.1 App. A {t}") for s, (t, _) in STIX_APPENDIX_A.items()],
)
def test_stix_tables_have_exactly_the_published_rows(scale: StixScale, title: str) -> None:
    assert scale.title == title
    published = STIX_APPENDIX_A[scale][1]
    assert [(r.text, r.value) for r in scale.rows] == [(t, v) for t, v, _ in published]
    assert scale.labels == tuple(STIX_LABEL_MEANS[scale][t] for t, _, _ in published)


@pytest.mark.parametrize(
    "scale",
    [
        pytest.param(s, id=f"STIX 2.1 App. A {STIX_APPENDIX_A[s][0]}: Not Specified")
        for s in (StixScale.NONE_LOW_MED_HIGH, StixScale.ZERO_TEN, StixScale.WEP, StixScale.DNI)
    ],
)
def test_stix_not_specified_rows(scale: StixScale) -> None:
    # "Not Specified" <-> "Not Specified": no label, no confidence property.
    assert to_stix(None, scale) is None
    assert from_stix(None, scale) is None


def test_stix_admiralty_6_has_no_stix_value() -> None:
    # STIX 2.1 App. A Admiralty Credibility: "6 - Truth cannot be judged" is
    # "Not Specified", i.e. the confidence property is left out; never a number.
    assert to_stix(Credibility.CANNOT_BE_JUDGED, StixScale.ADMIRALTY_CREDIBILITY) is None
    assert from_stix(None, StixScale.ADMIRALTY_CREDIBILITY) is Credibility.CANNOT_BE_JUDGED
    assert all(
        from_stix(n, StixScale.ADMIRALTY_CREDIBILITY) is not Credibility.CANNOT_BE_JUDGED
        for n in range(101)
    )


def test_wep_and_none_low_med_high_labels_are_the_printed_words() -> None:
    # STIX 2.1 App. A WEP and None/Low/Med/High tables.
    assert [w.label for w in Wep] == [t for t, _, _ in STIX_APPENDIX_A[StixScale.WEP][1]]
    assert [x.label for x in NoneLowMedHigh] == ["None", "Low", "Med", "High"]


# --------------------------------------------------------------------------
# STIX properties


@given(labelled)
def test_stix_label_number_label_is_identity(case: tuple[StixScale, Any]) -> None:
    scale, label = case
    assert from_stix(to_stix(label, scale), scale) == label


@given(scales, st.integers(0, 100))
def test_every_stix_integer_has_exactly_one_label(scale: StixScale, number: int) -> None:
    holders = [
        r
        for r in scale.rows
        if r.low is not None and r.high is not None and r.low <= number <= r.high
    ]
    assert len(holders) == 1
    assert from_stix(number, scale) == holders[0].label


@pytest.mark.parametrize("scale", list(StixScale), ids=lambda s: s.title)
def test_stix_ranges_partition_0_to_100(scale: StixScale) -> None:
    covered = sorted(
        n
        for r in scale.rows
        if r.low is not None and r.high is not None
        for n in range(r.low, r.high + 1)
    )
    assert covered == list(range(101))


@given(scales, st.integers(0, 100), st.integers(0, 100))
def test_from_stix_is_monotonic(scale: StixScale, a: int, b: int) -> None:
    a, b = min(a, b), max(a, b)
    order = ORDER[scale]
    assert order.index(from_stix(a, scale)) <= order.index(from_stix(b, scale))


@pytest.mark.parametrize("scale", list(StixScale), ids=lambda s: s.title)
def test_to_stix_is_strictly_increasing(scale: StixScale) -> None:
    values = [to_stix(label, scale) for label in ORDER[scale]]
    assert all(isinstance(v, int) for v in values)
    assert values == sorted(set(values))  # type: ignore[type-var]


@given(st.integers().filter(lambda n: not 0 <= n <= 100), scales)
def test_from_stix_rejects_numbers_outside_0_100(number: int, scale: StixScale) -> None:
    with pytest.raises(InvalidValueError, match="0 to 100"):
        from_stix(number, scale)


@pytest.mark.parametrize("bad", [50.0, "50", True, [50]])
def test_from_stix_rejects_non_integers(bad: Any) -> None:
    with pytest.raises(InvalidTypeError, match="integer"):
        from_stix(bad, StixScale.DNI)


@pytest.mark.parametrize(
    ("value", "scale"),
    [
        (Likelihood.LIKELY, StixScale.ADMIRALTY_CREDIBILITY),
        (Credibility.CONFIRMED, StixScale.DNI),
        (Likelihood.LIKELY, StixScale.WEP),  # no published table links the two
        (Wep.LIKELY, StixScale.DNI),
        (AnalyticConfidence.MODERATE, StixScale.NONE_LOW_MED_HIGH),
        (Credibility.CONFIRMED, StixScale.ZERO_TEN),
        (True, StixScale.ZERO_TEN),
        ("High", StixScale.NONE_LOW_MED_HIGH),
    ],
)
def test_to_stix_refuses_labels_of_another_scale(value: Any, scale: StixScale) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape(scale.title)):
        to_stix(value, scale)


@pytest.mark.parametrize("number", [-1, 11, 100])
def test_to_stix_zero_ten_range(number: int) -> None:
    with pytest.raises(InvalidValueError):
        to_stix(number, StixScale.ZERO_TEN)


@pytest.mark.parametrize("scale", ["dni", None, 3])
def test_the_scale_must_be_named(scale: Any) -> None:
    with pytest.raises(InvalidTypeError, match=re.escape("StixScale.DNI")):
        to_stix(Likelihood.LIKELY, scale)
    with pytest.raises(InvalidTypeError, match=re.escape("StixScale.DNI")):
        from_stix(70, scale)


# --------------------------------------------------------------------------
# ICD 203


@pytest.mark.parametrize(
    ("term", "label", "synonym", "percent"),
    [pytest.param(*row, id=f"ICD 203: {row[1]}") for row in ICD_203],
)
def test_icd_203_row(term: Likelihood, label: str, synonym: str, percent: tuple[int, int]) -> None:
    assert term.label == label
    assert term.synonym == synonym
    assert term.percent == percent
    assert term.band == (percent[0] / 100, percent[1] / 100)
    assert term.description == f"{label} / {synonym}: {percent[0]:02d}-{percent[1]:02d}%"


def test_icd_203_bands_cover_1_to_99_without_gaps_or_overlaps() -> None:
    bands = [term.band for term in Likelihood]
    assert bands[0][0] == 0.01
    assert bands[-1][1] == 0.99
    for (_, high), (low, _) in itertools.pairwise(bands):
        assert high == low
    assert all(low < high for low, high in bands)


@given(st.floats(0.01, 0.99))
def test_likelihood_for_picks_the_one_half_open_band(p: float) -> None:
    term = likelihood_for(p)
    low, high = term.band
    assert low <= p < high or (term is Likelihood.ALMOST_CERTAIN and p == high)
    others = [t for t in Likelihood if t is not term and t.band[0] <= p < t.band[1]]
    assert others == []


@pytest.mark.parametrize(
    ("edge", "term"),
    [
        (0.01, Likelihood.ALMOST_NO_CHANCE),
        (0.05, Likelihood.VERY_UNLIKELY),
        (0.20, Likelihood.UNLIKELY),
        (0.45, Likelihood.ROUGHLY_EVEN_CHANCE),
        (0.55, Likelihood.LIKELY),
        (0.80, Likelihood.VERY_LIKELY),
        (0.95, Likelihood.ALMOST_CERTAIN),
        (0.99, Likelihood.ALMOST_CERTAIN),
    ],
)
def test_shared_edges_go_to_the_band_above(edge: float, term: Likelihood) -> None:
    assert likelihood_for(edge) is term


@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_likelihood_for_is_monotonic(p: float, q: float) -> None:
    p, q = min(p, q), max(p, q)
    order = list(Likelihood)
    assert order.index(likelihood_for(p)) <= order.index(likelihood_for(q))


@given(st.floats(allow_nan=True).filter(lambda p: not 0.01 <= p <= 0.99))
def test_likelihood_for_outside_icd_203(p: float) -> None:
    with pytest.raises(InvalidValueError, match="ICD 203"):
        likelihood_for(p)


@pytest.mark.parametrize("bad", ["0.5", None, True])
def test_likelihood_for_needs_a_number(bad: Any) -> None:
    with pytest.raises(InvalidTypeError):
        likelihood_for(bad)


def test_dni_and_icd_203_disagree_and_neither_is_a_default() -> None:
    # STIX 2.1 App. A DNI Scale reads 57 as "Roughly Even Chance" (40-59);
    # ICD 203 puts 57 % in "likely" (55-80 %). Both answers are available,
    # each under its own name.
    assert from_stix(57, StixScale.DNI) is Likelihood.ROUGHLY_EVEN_CHANCE
    assert likelihood_for(0.57) is Likelihood.LIKELY


# --------------------------------------------------------------------------
# MISP taxonomies


def _misp(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((MISP_DIR / name / "machinetag.json").read_text("utf-8"))
    assert data["namespace"] == name
    assert data["version"] == 5
    return data


def _misp_entries() -> list[Any]:
    out = []
    for name in ("admiralty-scale", "estimative-language"):
        for block in _misp(name)["values"]:
            for entry in block["entry"]:
                tag = f'{name}:{block["predicate"]}="{entry["value"]}"'
                out.append(pytest.param(tag, entry, id=f"MISP {name} v5 {tag.split(':')[1]}"))
    return out


MISP_ENTRIES = _misp_entries()
# Published typing slips, corrected in claims' own text.
MISP_TYPOS = {"co mpetency": "competency", "logical ;": "logical;", "even change": "even chance"}


def _fix(text: str) -> str:
    for wrong, right in MISP_TYPOS.items():
        text = text.replace(wrong, right)
    return text


@pytest.mark.parametrize(("tag", "entry"), MISP_ENTRIES)
def test_misp_entry(tag: str, entry: dict[str, Any]) -> None:
    if tag == 'admiralty-scale:source-reliability="g"':
        # "Deliberatly deceptive" is MISP's addition, not an Admiralty code.
        with pytest.raises(InvalidValueError, match="deliberately deceptive"):
            from_misp_tag(tag)
        return
    member = from_misp_tag(tag)
    assert to_misp_tag(member) == tag
    assert misp_numerical_value(member) == entry["numerical_value"]
    if isinstance(member, (Reliability, Credibility)):
        assert member.label == entry["expanded"]
        assert member.description == _fix(entry["description"])
    elif isinstance(member, AnalyticConfidence):
        assert member.label == entry["expanded"].lower()
        assert _fix(entry["description"]).startswith(member.description)
    else:
        # "Almost certain(ly) - nearly certain - 95-99%" (ICD 203 wording)
        words, synonym, band = (p.strip() for p in _fix(entry["expanded"]).split(" - "))
        words = re.sub(r"\(\w+\)", "", words).strip().lower()
        synonym = re.sub(r"\s*\(\w+\)", "", synonym).lower()
        assert (member.label, member.synonym) == (words, synonym)
        assert band == "{:02d}-{:02d}%".format(*member.percent)


def test_every_member_has_exactly_one_misp_tag() -> None:
    tags = [p.values[0] for p in MISP_ENTRIES]
    members = [*Reliability, *Credibility, *Likelihood, *AnalyticConfidence]
    assert sorted(to_misp_tag(m) for m in members) == sorted(
        t for t in tags if t != 'admiralty-scale:source-reliability="g"'
    )


def test_misp_and_stix_disagree_on_cannot_be_judged() -> None:
    # MISP admiralty-scale v5 information-credibility="6": numerical_value 50;
    # STIX 2.1 App. A Admiralty Credibility: "6 - Truth cannot be judged" has none.
    assert misp_numerical_value(Credibility.CANNOT_BE_JUDGED) == 50
    assert to_stix(Credibility.CANNOT_BE_JUDGED, StixScale.ADMIRALTY_CREDIBILITY) is None


@given(dimension_members)
def test_misp_tag_round_trip(member: Any) -> None:
    assert from_misp_tag(to_misp_tag(member)) is member
    assert from_misp_tag(f"  {to_misp_tag(member).upper()} ") is member


@pytest.mark.parametrize(
    "tag",
    [
        "admiralty-scale:source-reliability=b",
        'admiralty-scale:source-reliability="z"',
        'admiralty-scale:information-credibility="7"',
        'estimative-language:likelihood-probability="probable"',
        'tlp:amber="x"',
        "",
    ],
)
def test_from_misp_tag_rejects_other_tags(tag: str) -> None:
    with pytest.raises(InvalidValueError):
        from_misp_tag(tag)


@pytest.mark.parametrize("bad", [None, 3, NoneLowMedHigh.HIGH, Wep.LIKELY, "b"])
def test_misp_needs_a_dimension(bad: Any) -> None:
    with pytest.raises(InvalidTypeError):
        to_misp_tag(bad)
    with pytest.raises(InvalidTypeError):
        misp_numerical_value(bad)


# --------------------------------------------------------------------------
# Admiralty ratings


@st.composite
def written_ratings(draw: st.DrawFn) -> tuple[str, Reliability, Credibility]:
    r = draw(st.sampled_from(Reliability))
    c = draw(st.sampled_from(Credibility))
    letter = draw(st.sampled_from([r.value, r.value.lower()]))
    gaps = draw(st.lists(st.sampled_from([" ", "\t", ""]), min_size=3, max_size=3))
    return f"{gaps[0]}{letter}{gaps[1]}{c.value}{gaps[2]}", r, c


@given(written_ratings())
def test_parse_rating_tolerates_case_and_spaces(case: tuple[str, Reliability, Credibility]) -> None:
    text, r, c = case
    assert parse_rating(text) == (r, c)
    assert format_rating(*parse_rating(text)) == f"{r.value}{c.value}"


@given(st.sampled_from(Reliability), st.sampled_from(Credibility))
def test_rating_round_trip(r: Reliability, c: Credibility) -> None:
    assert parse_rating(format_rating(r, c)) == (r, c)


@given(st.text(max_size=6))
def test_parse_rating_rejects_anything_else(text: str) -> None:
    squeezed = "".join(text.split()).upper()
    if re.fullmatch(r"[A-F][1-6]", squeezed):
        assert parse_rating(text) == (Reliability(squeezed[0]), Credibility(int(squeezed[1])))
    else:
        with pytest.raises(InvalidValueError, match="not an Admiralty rating"):
            parse_rating(text)


@pytest.mark.parametrize("text", ["B", "2", "B2B", "2B", "B0", "B7", "G2", "B-2", "B２"])
def test_parse_rating_examples(text: str) -> None:
    with pytest.raises(InvalidValueError, match="such as 'B2'"):
        parse_rating(text)


def test_parse_and_format_rating_types() -> None:
    with pytest.raises(InvalidTypeError):
        parse_rating(2)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        format_rating("B", Credibility.PROBABLY_TRUE)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        format_rating(Reliability.B, 2)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Assessment


def test_every_error_here_is_a_claims_error() -> None:
    for call in (
        lambda: parse_rating("Z9"),
        lambda: from_stix(101, StixScale.WEP),
        lambda: to_stix(Likelihood.LIKELY, "dni"),  # type: ignore[call-overload]
        lambda: from_misp_tag("nope"),
        lambda: likelihood_for(1.0),
    ):
        with pytest.raises(ClaimsError):
            call()


@given(written_ratings(), st.sampled_from(Likelihood), st.sampled_from(AnalyticConfidence))
def test_assessment_from_rating(
    case: tuple[str, Reliability, Credibility], lik: Likelihood, conf: AnalyticConfidence
) -> None:
    text, r, c = case
    a = Assessment.from_rating(text, likelihood=lik, confidence=conf, rationale="why")
    assert a == Assessment(
        reliability=r, credibility=c, likelihood=lik, confidence=conf, rationale="why"
    )
    assert a.notation() == f"{r.value}{c.value}, {lik.label}, {conf.label} confidence"


def test_assessment_from_rating_rejects_a_bad_rating() -> None:
    with pytest.raises(InvalidValueError, match="Admiralty rating"):
        Assessment.from_rating("B9")


def test_assessment_serialises_by_code() -> None:
    a = Assessment.from_rating(
        "B2", likelihood=Likelihood.LIKELY, confidence=AnalyticConfidence.MODERATE
    )
    assert claims_json.unstructure(a) == {
        "reliability": "B",
        "credibility": 2,
        "likelihood": "likely",
        "confidence": "moderate",
    }


@given(cs.assessments())
def test_assessment_json_round_trip(a: Assessment) -> None:
    data = json.loads(json.dumps(claims_json.unstructure(a)))
    assert claims_json.structure(data, Assessment) == a


@given(cs.dossiers())
def test_dossier_json_round_trip_keeps_assessments(d: claims.Dossier) -> None:
    back = claims.loads(claims.dumps(d))
    assert back == d
    assert [c.assessment for c in back.claims.values()] == [c.assessment for c in d.claims.values()]


def test_seed_report_shows_assessments_in_analyst_notation_and_words(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from claims.cli import main
    from claims.confidence import Credibility, Reliability

    def words(label: str) -> str:
        return label[0].lower() + label[1:]

    raw = json.loads(seed_path.read_text("utf-8"))
    expected = set()
    for c in raw["claims"]:
        a = c.get("assessment")
        if a and {"reliability", "credibility", "likelihood", "confidence"} <= a.keys():
            reliability = words(Reliability(a["reliability"]).label)
            credibility = words(Credibility(a["credibility"]).label)
            expected.add(
                f"{a['reliability']}{a['credibility']} (source {reliability}, "
                f"information {credibility}), "
                f"{a['likelihood'].replace('_', ' ')}, {a['confidence']} confidence"
            )
    assert expected, "the seed dossier has fully rated assessments"
    assert main(["report", str(seed_path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for notation in expected:
        assert f"assessed: {notation}" in out


def test_the_package_exports_the_names_it_always_has() -> None:
    import claims.confidence as confidence
    from claims.confidence import misp, stix

    assert sorted(confidence.__all__) == [
        "AnalyticConfidence",
        "Credibility",
        "Likelihood",
        "NoneLowMedHigh",
        "Reliability",
        "StixRow",
        "StixScale",
        "Wep",
        "format_rating",
        "from_misp_tag",
        "from_stix",
        "likelihood_for",
        "misp_numerical_value",
        "parse_rating",
        "to_misp_tag",
        "to_stix",
    ]
    for name in confidence.__all__:
        assert getattr(confidence, name) is not None, name
    for name in stix.__all__:
        assert getattr(confidence, name) is getattr(stix, name), name
    for name in misp.__all__:
        if name != "Dimension":
            assert getattr(confidence, name) is getattr(misp, name), name
    assert stix.StixScale.DNI.labels == tuple(Likelihood)
    doubtful = 'admiralty-scale:information-credibility="4"'
    assert misp.to_misp_tag(Credibility.DOUBTFUL) == doubtful
