"""Errors raised by `claims`.

Every error the library raises is a `ClaimsError`. Errors about a bad value
also subclass the built-in `ValueError` or `TypeError`, an unknown id is a
`KeyError`, and a file or store that cannot be read or written is an
`OSError`, so code that already catches those keeps working:

```text
Exception
 └── ClaimsError
      ├── InvalidValueError   (also ValueError)   a record's field out of bounds
      ├── InvalidTypeError    (also TypeError)    a record's field of the wrong type
      ├── UnknownIdError      (also KeyError)     a lookup by id found nothing
      ├── NameLookupError     (also KeyError)     a lookup by name found none, or several
      ├── TimeWordsError      (also ValueError)   words of time that cannot be read
      ├── UnresolvedTimeError (also ValueError)   a time known only by its words has no start
      ├── StorageError        (also OSError)      a file could not be read or written
      │    └── StoreError                         a store could not be opened, read or written
      ├── IntegrityError                          records would break referential integrity
      └── LoadError                               a document is not a valid dossier
```
"""

from __future__ import annotations

import os
from typing import Any

import attrs

from ._cut import cut

__all__ = [
    "ClaimsError",
    "IntegrityError",
    "InvalidTypeError",
    "InvalidValueError",
    "LoadError",
    "NameLookupError",
    "Problem",
    "StorageError",
    "StoreError",
    "TimeWordsError",
    "UnknownIdError",
    "UnresolvedTimeError",
]


class ClaimsError(Exception):
    """Base class of every error raised by `claims`."""


class _FieldError(ClaimsError):
    """An error about one field of a record.

    Attributes:
        field: The record's field at fault, when a field's validator raised.
        detail: What is wrong with that field's value, without the field's name.
    """

    def __init__(
        self, message: str, *, field: str | None = None, detail: str | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.detail = detail


class InvalidValueError(_FieldError, ValueError):
    """A record was built with a value outside its bounds."""


class InvalidTypeError(_FieldError, TypeError):
    """A record was built with a value of the wrong type."""


class TimeWordsError(ClaimsError, ValueError):
    """Words of time that `claims.times.when_from_words` cannot read (it never guesses).

    Attributes:
        words: The words given.
    """

    def __init__(self, words: str, reason: str) -> None:
        super().__init__(f"cannot read the time {cut(words)}: {reason}")
        self.words = words


class UnresolvedTimeError(ClaimsError, ValueError):
    """A time known only by its words has no start or end (`claims.When.resolved`)."""


class StorageError(ClaimsError, OSError):
    """A file could not be read or written (an `OSError` too)."""


class StoreError(StorageError):
    """A store (`claims.store`) could not be opened, read or written.

    Also an `OSError`, as every `StorageError` is; its message starts with
    the store's file.

    Attributes:
        path: The store's file.
    """

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from the path and message, so it survives pickling.
        return (type(self), (self.path, str(self)[len(self.path) + 2 :]))


class UnknownIdError(ClaimsError, KeyError):
    """A lookup by id found nothing.

    Attributes:
        id: The id that was looked up.
        kind: What was looked up (``"actor"``, ``"claim"``, ...).
    """

    def __init__(self, kind: str, id: str) -> None:
        super().__init__(f"no {kind} with id {cut(id)}")
        self.kind = kind
        self.id = id

    def __str__(self) -> str:
        return str(self.args[0])


class NameLookupError(ClaimsError, KeyError):
    """A lookup by name found no record, or more than one.

    Attributes:
        kind: What was looked up (``"actor"``).
        name: The name that was looked up.
        matches: The ids of the records it names (empty when none).
    """

    def __init__(self, kind: str, name: str, matches: tuple[str, ...] = ()) -> None:
        if matches:
            ids = ", ".join(repr(m) for m in matches[:5]) + (", …" if len(matches) > 5 else "")
            message = f"{name!r} names {len(matches)} {kind}s ({ids}); look one up by id"
        else:
            message = f"no {kind} is named {name!r} (by name, alias or id)"
        super().__init__(message)
        self.kind = kind
        self.name = name
        self.matches = matches

    def __str__(self) -> str:
        return str(self.args[0])


@attrs.frozen
class Problem:
    """One thing wrong with a document or a batch of records.

    Attributes:
        path: Where the problem is: a JSON path such as
            ``claims[3].assessment.reliability``, or a record id.
        message: What is wrong, in words.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class _ProblemsError(ClaimsError):
    """An error that carries every problem found, not just the first."""

    headline = "invalid input"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{self.headline} ({count} {noun}):\n{lines}")


class IntegrityError(_ProblemsError):
    """Adding records would break the dossier's referential integrity.

    The dossier is left exactly as it was before the failed call.

    Attributes:
        problems: Every problem found, each with the id of the record at fault.
    """

    headline = "the records were not added"


class LoadError(_ProblemsError):
    """A document could not be read as a dossier.

    Attributes:
        problems: Every problem found, each with its JSON path.
    """

    headline = "not a valid claims document"
