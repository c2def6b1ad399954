"""What the commands print of a document, made safe for a terminal.

Messages go through `claims.views.terminal_safe`; documents printed whole
(JSON on standard output, a graph's text) keep their format: `safe_json`
writes each control and bidi character inside a JSON string as a ``\\u``
escape, which reads back as the same string, and `safe_text` keeps a text's
own line breaks.
"""

from __future__ import annotations

import re

from .._terminal import BIDI_CONTROLS, terminal_safe

__all__ = ["safe_json", "safe_text"]

_IN_JSON = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]"
)
"""Every character that acts on a terminal but the line break (which JSON
text only holds between its tokens: inside a string it is always ``\\n``)."""


def safe_json(text: str) -> str:
    """JSON text with each control and bidi character written as a ``\\u`` escape.

    The JSON means the same: such characters can only be inside its strings.

    >>> safe_json('{"name": "\\u202eevil\\x1b"}')
    '{"name": "\\\\u202eevil\\\\u001b"}'
    """
    return _IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def safe_text(text: str) -> str:
    """Text printed whole (a graph, a review), its own line breaks kept."""
    return terminal_safe(text, keep="\n")
