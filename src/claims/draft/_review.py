"""The article with its drafted attributions marked, for review in a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from ._extract import attributions
from ._records import Attribution

__all__ = ["review"]


def review(text: str, found: Sequence[Attribution] | None = None) -> str:
    """The text with each attribution's parts marked, then a numbered list of them.

    Speakers are marked ``[n:who ...]``, cues ``{n: ...}`` and contents
    ``<n: ...>``, where ``n`` numbers the attribution in the list below the
    text.

    Args:
        text: The article.
        found: Its attributions (default: `attributions(text)`).

    Returns:
        The marked text, a blank line, and one line per attribution.

    >>> print(review("The ministry said the strike killed four people."))
    [1:who The ministry] {1: said} <1: the strike killed four people>.
    <BLANKLINE>
    1. The ministry | said | asserts | indirect | score 0.85
    """
    found = attributions(text) if found is None else found
    marks: list[tuple[int, int, str]] = []  # (offset, order, mark): closings first
    seen: set[tuple[int, int, str]] = set()
    for n, a in enumerate(found, 1):
        parts = (("[", f"{n}:who ", "]", a.speaker), ("{", f"{n}: ", "}", a.cue),
                 ("<", f"{n}: ", ">", a.content))  # fmt: skip
        for left, label, right, span in parts:
            if span is None or (span.start, span.end, left) in seen:
                continue
            seen.add((span.start, span.end, left))
            marks.append((span.start, 1, left + label))
            marks.append((span.end, 0, right))
    marks.sort(key=lambda m: (m[0], m[1]))
    out: list[str] = []
    at = 0
    for offset, _, mark in marks:
        out.append(text[at:offset])
        out.append(mark)
        at = offset
    out.append(text[at:])
    lines = ["".join(out).rstrip("\n"), ""]
    for n, a in enumerate(found, 1):
        who = a.speaker.text if a.speaker is not None else "(nobody named)"
        if a.speaker is not None and a.speaker_name != a.speaker.text:
            who += f" -> {a.speaker_name}"
        via = f" | via {', '.join(v.text for v in a.via)}" if a.via else ""
        kind = "silence" if a.content is None else "direct" if a.direct else "indirect"
        lines.append(
            f"{n}. {who} | {a.cue.text} | {a.stance.value} | {kind}{via} | score {a.score:.2f}"
        )
    return "\n".join(lines) + "\n"
