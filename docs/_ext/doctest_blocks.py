"""A Griffe extension for the API reference: doctest examples as code blocks.

The docstrings hold doctest examples (``>>>`` lines and their output) outside
any ``Examples:`` section, as plain text; Markdown would read them as
paragraphs, and an output such as ``['a', 'b']`` under a ``[...]`` line as a
link. This wraps each example in a fenced ``pycon`` block. ``mkdocs.yml``
loads it; the docstrings themselves stay as they are (Sybil runs them).
"""

from __future__ import annotations

from typing import Any

import griffe

_FENCE = "```"


def fence_doctests(text: str) -> str:
    """`text` with every doctest example wrapped in a fenced ``pycon`` block.

    An example starts at a ``>>>`` line and ends at a blank line; text already
    inside a fence is left as it is.
    """
    out: list[str] = []
    in_fence = in_example = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_example and not stripped:
            out.append(indent + _FENCE)
            in_example = False
        elif not in_example and not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + _FENCE + "pycon")
            in_example = True
        elif not in_example and stripped.startswith(_FENCE):
            in_fence = not in_fence
        out.append(line)
    if in_example:
        out.append(indent + _FENCE)
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fences the doctest examples of every docstring Griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite `obj`'s docstring, if it has one."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
