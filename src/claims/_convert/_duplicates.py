"""Duplicate keys in a JSON text, which orjson accepts (the last one wins).

A document that names a key twice is refused with the key's JSON path.
orjson cannot say whether a text had duplicates, so `duplicate_keys` first
compares counts, which costs a few percent of a load: every member of an
object ends its key with ``":``, so a text without duplicates has as many of
them as orjson's own compact rewrite of what it parsed. Only when the counts
differ, or the text writes a quote, a colon or a control character as a
``\\u00XX`` escape, or puts space between a key and its colon (where the
counts prove nothing), is the text parsed again with the standard library,
which sees every member.

>>> duplicate_keys(b'{"a": 1, "b": {"c": 2, "c": 3}}', {"a": 1, "b": {"c": 3}})
['b.c']
>>> duplicate_keys(b'{"a": ":", "b": 1}', {"a": ":", "b": 1})
[]
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from .._cut import cut

__all__ = ["duplicate_keys"]

_SPACED_COLON = re.compile(rb'"[ \t\r\n]+:')


class _Duplicated(dict[str, Any]):
    """An object that named some of its keys more than once."""

    twice: list[str]


def duplicate_keys(text: bytes, parsed: Any) -> list[str]:
    """The JSON paths of the keys `text` names twice in one object.

    Args:
        text: The JSON text.
        parsed: What orjson read from it.
    """
    # Each key ends in '":'; inside a string '":' comes only from an escaped
    # quote or a string starting with ':', which the rewrite writes alike (or
    # drops with a duplicate member), so equal counts mean no duplicates.
    if (
        b"\\u00" not in text
        and _SPACED_COLON.search(text) is None
        and text.count(b'":') == orjson.dumps(parsed).count(b'":')
    ):
        return []
    found: list[str] = []
    try:
        again = json.loads(text, object_pairs_hook=_pairs)
    except RecursionError:  # deeper than any document; the converter refuses it
        return []
    _walk(again, "", found)
    return found


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) == len(pairs):
        return made
    seen: set[str] = set()
    twice = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
    duplicated = _Duplicated(made)
    duplicated.twice = list(dict.fromkeys(twice))
    return duplicated


def _walk(value: Any, path: str, found: list[str]) -> None:
    stack = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _Duplicated):
                keys = (cut(k, quote=False) for k in node.twice)
                found.extend(f"{where}.{k}" if where else k for k in keys)
            items = ((cut(k, quote=False), v) for k, v in node.items())
            stack.extend((v, f"{where}.{k}" if where else k) for k, v in items)
        elif isinstance(node, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(node))
    found.sort()
