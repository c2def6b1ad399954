"""Drafting claims from a news text: who said what, by which words, via whom.

`attributions` reads a text and returns every attribution it finds, as spans
of the text; `dossier` turns them into draft records of the model (claims
whose proposition is "the speaker said these words", predicate `SAID`) for an
analyst to accept, edit or drop; `review` marks them up for a terminal;
`compare` measures the drafts against an analyst's dossier of the same text.
"""

from __future__ import annotations

from ._compare import Comparison, compare
from ._dossier import SAID, UNNAMED, accept, dossier, name_key
from ._extract import attributions
from ._records import Attribution, Span
from ._review import review

__all__ = [
    "SAID",
    "UNNAMED",
    "Attribution",
    "Comparison",
    "Span",
    "accept",
    "attributions",
    "compare",
    "dossier",
    "name_key",
    "review",
]
