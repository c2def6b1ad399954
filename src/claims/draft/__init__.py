"""Drafting claims from a news text: who said what, by which words, via whom.

`attributions` reads a text and returns every attribution it finds, as spans
of the text; `dossier` turns them into draft records of the model for an
analyst to accept, edit or drop.
"""

from __future__ import annotations

from ._extract import attributions
from ._records import Attribution, Span

__all__ = ["Attribution", "Span", "attributions"]
