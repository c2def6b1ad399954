"""Deprecated: use `claims.jsonl`.

This module still gives the names it had, and warns when imported.
"""

from __future__ import annotations

import warnings

from .jsonl import dump_lines, iter_load, load_lines

__all__ = ["dump_lines", "iter_load", "load_lines"]

warnings.warn(
    "claims._jsonl is deprecated; use claims.jsonl",
    DeprecationWarning,
    stacklevel=2,
)
