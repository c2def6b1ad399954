"""Escaping for the views: every string from a dossier passes through here."""

from __future__ import annotations

import html

from .._terminal import terminal_safe

__all__ = ["attr", "markdown", "text"]

_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~&")


def text(value: str) -> str:
    """`value` as HTML text or attribute content: markup escaped, controls visible.

    >>> text('<script>alert("x")</script>\\u202e')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\\\\u202e'
    """
    return html.escape(terminal_safe(value, keep="\n\t"), quote=True)


def attr(value: str) -> str:
    """`value` for a double-quoted attribute: as `text`, newlines and tabs visible too."""
    return html.escape(terminal_safe(value), quote=True)


def markdown(value: str) -> str:
    """`value` as Markdown inline text that renders as exactly those words.

    Markdown punctuation is backslash-escaped (so ``<b>`` and ``[x](javascript:)``
    stay text) and controls, newlines included, are made visible.

    >>> markdown("*bold* <b>[x](javascript:alert(1))</b>")
    '\\\\*bold\\\\* \\\\<b\\\\>\\\\[x\\\\](javascript:alert(1))\\\\</b\\\\>'
    """
    safe = terminal_safe(value)
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in safe)
