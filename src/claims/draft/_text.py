"""The structure of a news text: paragraphs, quotations and sentences, by offsets."""

from __future__ import annotations

import re

__all__ = ["MASK", "masked", "paragraphs", "quotes", "sentences", "words"]


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


MASK = "\x01"
"""What stands in for a quotation's characters when looking for cues outside quotes."""

_PARAGRAPH = re.compile(r"[^\n\r]+")
_MARK = re.compile(r"''|``|[“”\"«»„]")
_OPENERS = "“«„"
_CLOSERS = "”»"
_BREAK = re.compile(r"[.!?]+(?:''|[”\"’)\]])*(?=\s+(?:''|``|[“\"‘(\[])?[A-Z0-9])")
_ABBREVIATIONS = words(
    "mr mrs ms dr sen rep gov gen lt col sgt st jr sr inc corp co no jan feb mar apr aug sept "
    "sep oct nov dec vs etc u.s u.n u.k a.m p.m d.c calif fla ill mass mich minn pa va wash "
    "prof rev gens reps sens ft mt"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of `text`, each a paragraph, as (start, end)."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of a paragraph, marks included, as (start, end).

    Curly marks pair opener with closer; straight marks (and the doubled
    apostrophes some newspapers print, ``''``) alternate. A quotation
    left open runs to the end of its paragraph (as a quote continued in the
    next paragraph is written).
    """
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARK.finditer(text, start, end):
        mark, at = m.group(), m.start()
        if opened is None:
            if mark not in _CLOSERS:
                opened = at
        elif (
            mark in _CLOSERS
            or (mark == '"' and text[opened] == '"')
            or (mark == '"' and text[opened] in _OPENERS)
            or (mark == "''" and text[opened] in "'`")
        ):
            found.append((opened, m.end()))
            opened = None
    if opened is not None and end - opened > 1:
        found.append((opened, end))
    return found


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span's characters replaced by `MASK` (same length)."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for s, e in spans:
        parts.append(text[at:s])
        parts.append(MASK * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def sentences(
    text: str, start: int, end: int, inside: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences of a paragraph, never broken inside a quotation."""
    out: list[tuple[int, int]] = []
    at = start
    for m in _BREAK.finditer(text, start, end):
        cut = m.end()
        if any(s < cut < e for s, e in inside):
            continue
        word = re.search(r"([\w.]+)[.!?]*[”\"’)\]]*$", text[max(at, cut - 12) : cut])
        if word is not None and text[m.start()] == ".":
            w = word.group(1).rstrip(".").lower()
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        out.append((at, cut))
        at = cut
        while at < end and text[at].isspace():
            at += 1
    if at < end:
        out.append((at, end))
    return out
