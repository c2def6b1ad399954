"""Strings from documents, cut short for error messages.

A message quotes the id, key or value at fault, but a document may hold an
id of millions of characters. `cut` keeps the first `LIMIT` characters and
says how many more there were, so a message stays a line long:

>>> cut("reuters")
"'reuters'"
>>> len(cut("x" * 3_000_000)), cut("x" * 3_000_000)[-19:]
(99, "x'…(2,999,920 more)")
>>> cut("x" * 100, quote=False)[-12:]
'xx…(20 more)'
>>> cut([1] * 1000)
'[1, 1, 1, 1, 1, 1, 1, 1, ·]'
"""

from __future__ import annotations

import reprlib

__all__ = ["LIMIT", "cut"]

LIMIT = 80
"""How many characters of a document's string a message quotes."""

_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = LIMIT + 8
_REPR.maxother = LIMIT + 8
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 8
_REPR.fillvalue = "·"


def cut(value: object, *, quote: bool = True, limit: int = LIMIT) -> str:
    """`value` for a message: its repr (or, with ``quote=False``, a string as it is), cut short.

    At most `limit` characters of a string are kept, followed by
    ``…(N more)`` with the number left out; a list or object is shown in
    part, as `reprlib` does, and cut the same way.

    Args:
        value: A string, or any JSON value, from a document.
        quote: Show a string as its repr (quoted, escapes made visible).
        limit: How many characters to keep.
    """
    if isinstance(value, str):
        more = len(value) - limit
        kept = value[:limit] if more > 0 else value
        shown = repr(kept) if quote else kept
        return f"{shown}…({more:,} more)" if more > 0 else shown
    shown = _REPR.repr(value)
    more = len(shown) - limit
    return f"{shown[:limit]}…({more:,} more)" if more > 0 else shown
