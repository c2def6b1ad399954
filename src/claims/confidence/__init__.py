"""The four dimensions of belief, kept apart, and their published conversions.

An analyst's judgement of a claim has four separate dimensions that are never
merged into one number:

- `Reliability` of the source (Admiralty code, A to F);
- `Credibility` of the information (Admiralty code, 1 to 6);
- `Likelihood` that it is true (ICD 203 words of estimative probability);
- `AnalyticConfidence` in the judgement (low, moderate, high).

Each member carries its official label and a one-line description.

Each dimension converts to other tables exactly as they are published, and
the caller always names the table, because the tables disagree:

- ICD 203 numeric bands: `Likelihood.band` and `likelihood_for`;
- the STIX 2.1 ``confidence`` integer (Appendix A, "Confidence Scales"):
  `to_stix` and `from_stix` with a `StixScale` (the tables are in
  `claims.confidence.stix`);
- the MISP ``admiralty-scale`` and ``estimative-language`` taxonomies:
  `to_misp_tag`, `from_misp_tag` and `misp_numerical_value` (in
  `claims.confidence.misp`).

Every name is importable from `claims.confidence` itself.

Admiralty ratings are written the way analysts write them:

>>> parse_rating("b2")
(<Reliability.B: 'B'>, <Credibility.PROBABLY_TRUE: 2>)
>>> format_rating(Reliability.B, Credibility.PROBABLY_TRUE)
'B2'
"""

from __future__ import annotations

from ._scales import (
    AnalyticConfidence,
    Credibility,
    Likelihood,
    Reliability,
    format_rating,
    likelihood_for,
    parse_rating,
)
from .misp import from_misp_tag, misp_numerical_value, to_misp_tag
from .stix import NoneLowMedHigh, StixRow, StixScale, Wep, from_stix, to_stix

__all__ = [
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
