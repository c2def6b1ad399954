"""Deprecated: the quote checker is now `claims.analysis.quotes`.

Importing this module warns; its names are those of `claims.analysis.quotes`
(also re-exported by `claims.analysis`).
"""

from __future__ import annotations

import warnings

from .analysis.quotes import (
    QuoteCheck,
    QuoteReport,
    QuoteState,
    SourceCheck,
    SourceState,
    check_quote,
    check_source,
    reanchor,
    verify_quotes,
)

__all__ = [
    "QuoteCheck",
    "QuoteReport",
    "QuoteState",
    "SourceCheck",
    "SourceState",
    "check_quote",
    "check_source",
    "reanchor",
    "verify_quotes",
]

warnings.warn(
    "claims.provenance is deprecated; import the quote checker from claims.analysis.quotes "
    "(or claims.analysis)",
    DeprecationWarning,
    stacklevel=2,
)
