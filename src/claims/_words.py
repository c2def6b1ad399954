"""Small rules of wording shared from the model up: plurals, shortening, short reprs.

They import nothing from the rest of the package, so the records' own
``__repr__`` can use them as well as the dossier, the views and the graph.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import attrs

__all__ = ["REPR_LIMIT", "plural", "short_repr", "shorten", "verb_for"]

REPR_LIMIT = 40
"""How many characters of a string a record's repr shows."""


def plural(n: int, word: str) -> str:
    """``"1 claim"``, ``"2 claims"``, ``"1,200 claims"``."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


_PLURAL_VERBS = {"asserts": "assert", "denies": "deny", "says": "say"}


def verb_for(n: int, phrase: str) -> str:
    """A verb phrase in the third person singular, agreeing with `n` subjects.

    Only its first word changes, and only a present tense does:

    >>> verb_for(2, "asserts")
    'assert'
    >>> verb_for(2, "says it is unclear whether")
    'say it is unclear whether'
    >>> verb_for(2, "declined to comment on"), verb_for(1, "denies")
    ('declined to comment on', 'denies')
    """
    if n == 1:
        return phrase
    first, _, rest = phrase.partition(" ")
    first = _PLURAL_VERBS.get(first, first)
    return f"{first} {rest}" if rest else first


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in ``…`` when cut.

    >>> shorten("four PMF members were killed", 12)
    'four PMF me…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value: object) -> str:
    if isinstance(value, str):
        return repr(shorten(value, REPR_LIMIT))
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        if len(value) > 2:
            return f"({_short(value[0])}, … {len(value):,} in all)"
        return "(" + ", ".join(map(_short, value)) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def short_repr(record: Any) -> str:
    """A record's repr with only what it sets: fields at their default are left out.

    Strings are cut to `REPR_LIMIT` characters, enums are shown by value,
    tuples of more than two by their first element and their length, and
    fields declared ``repr=False`` never. Nested records show their own
    short repr.

    >>> import claims
    >>> claims.Actor("reuters", "Reuters", kind=claims.ActorKind.NEWS_AGENCY)
    Actor(id='reuters', name='Reuters', kind=news_agency)
    """
    parts = []
    for field in attrs.fields(type(record)):
        if not field.repr:
            continue
        value = getattr(record, field.name)
        if field.default is not attrs.NOTHING and value == field.default:
            continue
        parts.append(f"{field.name}={_short(value)}")
    return f"{type(record).__name__}({', '.join(parts)})"
