"""The MISP ``admiralty-scale`` and ``estimative-language`` taxonomies.

Each member of the four scales has a MISP machine tag and a numerical value:

>>> to_misp_tag(Reliability.B)
'admiralty-scale:source-reliability="b"'
>>> from_misp_tag('admiralty-scale:source-reliability="b"')
<Reliability.B: 'B'>
"""

from __future__ import annotations

import re

from ..exceptions import InvalidTypeError, InvalidValueError
from ._scales import AnalyticConfidence, Credibility, Likelihood, Reliability

__all__ = ["Dimension", "from_misp_tag", "misp_numerical_value", "to_misp_tag"]

Dimension = Reliability | Credibility | Likelihood | AnalyticConfidence

# (namespace, predicate) of each dimension in the MISP taxonomies.
_MISP_PREDICATES: dict[type, tuple[str, str]] = {
    Reliability: ("admiralty-scale", "source-reliability"),
    Credibility: ("admiralty-scale", "information-credibility"),
    Likelihood: ("estimative-language", "likelihood-probability"),
    AnalyticConfidence: ("estimative-language", "confidence-in-analytic-judgment"),
}

# MISP admiralty-scale (version 5) and estimative-language (version 5):
# each member's tag value and numerical_value.
_MISP_VALUES: dict[Dimension, tuple[str, int]] = {
    Reliability.A: ("a", 100),
    Reliability.B: ("b", 75),
    Reliability.C: ("c", 50),
    Reliability.D: ("d", 25),
    Reliability.E: ("e", 0),
    Reliability.F: ("f", 50),
    Credibility.CONFIRMED: ("1", 100),
    Credibility.PROBABLY_TRUE: ("2", 75),
    Credibility.POSSIBLY_TRUE: ("3", 50),
    Credibility.DOUBTFUL: ("4", 25),
    Credibility.IMPROBABLE: ("5", 0),
    Credibility.CANNOT_BE_JUDGED: ("6", 50),
    Likelihood.ALMOST_NO_CHANCE: ("almost-no-chance", 0),
    Likelihood.VERY_UNLIKELY: ("very-unlikely", 5),
    Likelihood.UNLIKELY: ("unlikely", 20),
    Likelihood.ROUGHLY_EVEN_CHANCE: ("roughly-even-chance", 45),
    Likelihood.LIKELY: ("likely", 55),
    Likelihood.VERY_LIKELY: ("very-likely", 80),
    Likelihood.ALMOST_CERTAIN: ("almost-certain", 95),
    AnalyticConfidence.LOW: ("low", 0),
    AnalyticConfidence.MODERATE: ("moderate", 55),
    AnalyticConfidence.HIGH: ("high", 95),
}

# Tag values the MISP taxonomies have and claims does not record.
_MISP_UNSUPPORTED = {
    ("admiralty-scale", "source-reliability", "g"): (
        "MISP's 'g' (deliberately deceptive) is not an Admiralty reliability code; "
        "claims records A to F"
    ),
}

_MISP_BY_TAG: dict[tuple[str, str, str], Dimension] = {
    (*_MISP_PREDICATES[type(member)], value): member for member, (value, _) in _MISP_VALUES.items()
}

_MISP_TAG = re.compile(r'([a-z0-9-]+):([a-z0-9-]+)="([^"]*)"', re.IGNORECASE)


def _check_dimension(value: object) -> Dimension:
    if not isinstance(value, (Reliability, Credibility, Likelihood, AnalyticConfidence)):
        raise InvalidTypeError(
            "expected a Reliability, Credibility, Likelihood or AnalyticConfidence, "
            f"not {value!r:.40}"
        )
    return value


def to_misp_tag(value: Dimension) -> str:
    """The MISP machine tag for `value`.

    Reliability and credibility use the ``admiralty-scale`` taxonomy,
    likelihood and analytic confidence the ``estimative-language`` one.

    Args:
        value: A member of one of the four dimensions.

    Raises:
        InvalidTypeError: `value` is not such a member.

    >>> to_misp_tag(Reliability.B)
    'admiralty-scale:source-reliability="b"'
    >>> to_misp_tag(Likelihood.ROUGHLY_EVEN_CHANCE)
    'estimative-language:likelihood-probability="roughly-even-chance"'
    """
    member = _check_dimension(value)
    namespace, predicate = _MISP_PREDICATES[type(member)]
    return f'{namespace}:{predicate}="{_MISP_VALUES[member][0]}"'


def from_misp_tag(tag: str) -> Dimension:
    """The member of one of the four dimensions that a MISP machine tag names.

    Spaces around the tag and the case of its letters are ignored.

    Args:
        tag: A tag such as ``admiralty-scale:information-credibility="2"``.

    Raises:
        InvalidTypeError: `tag` is not a string.
        InvalidValueError: It is not a tag of the ``admiralty-scale`` or
            ``estimative-language`` taxonomy that `claims` records.

    >>> from_misp_tag('admiralty-scale:information-credibility="2"')
    <Credibility.PROBABLY_TRUE: 2>
    """
    if not isinstance(tag, str):
        raise InvalidTypeError(f"a MISP tag must be a string, not {type(tag).__name__}")
    match = _MISP_TAG.fullmatch(tag.strip())
    if match is None:
        raise InvalidValueError(
            f"{tag!r:.80} is not a MISP machine tag; write it like "
            'admiralty-scale:source-reliability="b"'
        )
    key = (match[1].lower(), match[2].lower(), match[3].strip().lower())
    if key in _MISP_UNSUPPORTED:
        raise InvalidValueError(_MISP_UNSUPPORTED[key])
    try:
        return _MISP_BY_TAG[key]
    except KeyError:
        known = ", ".join(f"{ns}:{p}" for ns, p in _MISP_PREDICATES.values())
        raise InvalidValueError(
            f"{tag.strip()!r:.80} is not a value of the MISP predicates {known}"
        ) from None


def misp_numerical_value(value: Dimension) -> int:
    """The ``numerical_value`` the MISP taxonomy gives `value`'s tag.

    These are MISP's numbers, not STIX's: MISP gives "reliability cannot be
    judged" and "truth cannot be judged" the value 50, and ICD 203 terms the
    lower edge of their band. They do not convert back: several tags share a
    number.

    Args:
        value: A member of one of the four dimensions.

    Raises:
        InvalidTypeError: `value` is not such a member.

    >>> misp_numerical_value(Credibility.CANNOT_BE_JUDGED)
    50
    """
    return _MISP_VALUES[_check_dimension(value)][1]
