"""Attributions while they are built, their nesting, and the records they become."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .._model import Stance
from ._records import Attribution, Span

__all__ = ["Draft", "cut", "nest", "records"]

_WORD = re.compile(r"[A-Za-z][\w’'&-]*")


@attrs.define
class Draft:
    """An attribution while it is being built."""

    speaker: tuple[int, int] | None
    name: str
    cue: tuple[int, int]
    content: tuple[int, int] | None
    stance: Stance
    score: float
    via: list[tuple[int, int]] = attrs.field(factory=list)
    continues: bool = False


def nest(drafts: list[Draft], text: str) -> list[Draft]:
    """Nest the attributions found inside another's content; drop what still overlaps."""
    drafts.sort(key=lambda d: d.cue[0])
    for outer in drafts:
        if outer.content is None:
            continue
        for inner in drafts:
            if inner is outer or outer.content is None:
                continue
            s, e = outer.content
            if not (s <= inner.cue[0] and inner.cue[1] <= e):
                continue
            if (
                inner.content is not None
                and (inner.content[0] <= outer.cue[0] and outer.cue[1] <= inner.content[1])
                and not (outer.content[1] <= outer.cue[0])
            ):
                # each holds the other's cue: the tag after its content is the outer
                if inner.speaker is not None and s < inner.speaker[0] < e:
                    outer.content = cut(text, s, inner.speaker[0])
                continue
            if not inner.continues and inner.name == outer.name:
                inner.content, inner.speaker = None, None  # the same speaker's own words
                inner.stance = Stance.ASSERTS
                continue
            begin = inner.cue[0]
            if inner.speaker is not None and s <= inner.speaker[0] < begin:
                begin = inner.speaker[0]
            if inner.content is not None and s <= inner.content[0] < begin:
                # the inner content comes first: "P, officials said" inside the outer
                begin = inner.content[0]
            if not inner.continues and outer.speaker is not None and inner.name != outer.name:
                inner.via = [*outer.via, outer.speaker, *inner.via]
            stop = begin
            while stop > s and (text[stop - 1].isspace() or text[stop - 1] in ",;:—–-"):
                stop -= 1
            joined = re.search(r"\s*\b(?:and|but|that|while)$", text[s:stop])
            if joined is not None:
                stop = s + joined.start()
            outer.content = (s, stop) if stop - s > 0 and _WORD.search(text, s, stop) else None
            if outer.content is None:
                outer.speaker = None  # marks the outer for removal
    kept = [d for d in drafts if d.content is not None or (d.stance.is_silence and d.speaker)]
    kept = [d for d in kept if not (d.content is None and not d.stance.is_silence)]
    # What still overlaps: the surer one stays.
    out: list[Draft] = []
    for d in sorted(kept, key=lambda d: -d.score):
        if d.content is not None and any(
            o.content is not None and o.content[0] < d.content[1] and d.content[0] < o.content[1]
            for o in out
        ):
            continue
        out.append(d)
    out.sort(key=lambda d: (d.cue[0], d.content[0] if d.content else -1))
    return out


def cut(text: str, s: int, e: int) -> tuple[int, int] | None:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return (s, e) if e > s and _WORD.search(text, s, e) else None


def _distinct(text: str, via: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The intermediaries, each named once (a dateline's wire and "told Reuters")."""
    seen: set[str] = set()
    out = []
    for v in via:
        key = text[v[0] : v[1]].lower().removeprefix("the ")
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _span(text: str, at: tuple[int, int]) -> Span:
    return Span(at[0], at[1], text[at[0] : at[1]])


def records(text: str, drafts: list[Draft]) -> Iterator[Attribution]:
    for d in drafts:
        yield Attribution(
            None if d.speaker is None else _span(text, d.speaker),
            speaker_name=d.name or "unnamed sources",
            cue=_span(text, d.cue),
            content=None if d.content is None else _span(text, d.content),
            stance=d.stance,
            via=tuple(_span(text, v) for v in _distinct(text, d.via)),
            direct=d.content is not None
            and (
                (d.content[0] > 0 and text[d.content[0] - 1] in '“"«')
                or text[d.content[0] : d.content[0] + 1] in ("“", '"')
            ),
            score=round(min(1.0, max(0.0, d.score)), 3),
        )
