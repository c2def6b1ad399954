"""The vocabulary of predicates and units, and the default one (see `claims.vocabulary`)."""

from __future__ import annotations

from ._default import DEFAULT
from ._records import Predicate, Unit, ValueKind, Vocabulary, name_key

__all__ = ["DEFAULT", "Predicate", "Unit", "ValueKind", "Vocabulary", "name_key"]
