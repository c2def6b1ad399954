"""Text from a document made safe to print on a terminal.

A name, quote or key read from a document may hold escape sequences (ESC
``[2J`` clears the screen), BEL, NUL, carriage returns and newlines that forge
lines, or right-to-left overrides that make text read backwards. `terminal_safe`
writes each of them as a visible escape, so what is printed is what the
document holds, and nothing it holds acts on the terminal.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BIDI_CONTROLS", "is_unsafe", "terminal_safe"]

BIDI_CONTROLS: frozenset[str] = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""The bidirectional formatting characters: marks, embeddings, overrides, isolates."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_unsafe(char: str) -> bool:
    """Whether `char` acts on a terminal or on the text's direction.

    Control characters (C0, DEL, C1), line and paragraph separators, and the
    bidirectional formatting characters.

    >>> [is_unsafe(c) for c in "a\\x1b\\u202e\\u2028 "]
    [False, True, True, True, False]
    """
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS


def _visible(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")


def terminal_safe(text: str, *, keep: str = "") -> str:
    """`text` with every control and bidi character written as a visible escape.

    Args:
        text: Text from a document: a name, a quote, an id, an error's detail.
        keep: Characters to leave as they are (``"\\n"`` for text whose own
            lines should stay lines).

    Returns:
        The text, each unsafe character replaced by ``\\n``, ``\\x1b``,
        ``\\u202e`` and so on; text without one is returned unchanged.

    >>> terminal_safe("\\x1b[2J\\n  everything is fine: valid")
    '\\\\x1b[2J\\\\n  everything is fine: valid'
    >>> terminal_safe("Al Jazeera \\u202eevil")
    'Al Jazeera \\\\u202eevil'
    """
    if keep:
        return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _visible(m[0]), text)
    return _UNSAFE.sub(lambda m: _visible(m[0]), text)
