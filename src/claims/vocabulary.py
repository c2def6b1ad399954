"""The vocabulary: predicates and units, with the names they go by.

A `Vocabulary` holds `Predicate` records (what a proposition can state: the
kind of value it takes, whether it is single-valued, whether it accuses its
subject, its Wikidata property) and `Unit` records (what a quantity counts
or measures, and its dimension). Any name of a record (its id, label or an
alias) finds it, whatever its case, spacing or Unicode form; names are
resolved when claims are compared, never rewritten in the records.

`DEFAULT` covers the news an analyst tracks: casualties, responsibility,
cause, place and time, ties between actors, statements and denials.

>>> from claims.vocabulary import DEFAULT
>>> DEFAULT.canonical_predicate("Deaths"), DEFAULT.predicate("deaths").wikidata
('killed', 'P1120')
>>> DEFAULT.canonical_unit("civilians")
'people'
>>> DEFAULT.nearest("wonded")
('wounded', 'wounded_in')

A vocabulary is data: `Vocabulary.to_json` writes it, `Vocabulary.from_json`
reads one back, so an analyst can keep their own.
"""

from __future__ import annotations

from ._vocabulary import DEFAULT, Predicate, Unit, ValueKind, Vocabulary, name_key

__all__ = ["DEFAULT", "Predicate", "Unit", "ValueKind", "Vocabulary", "name_key"]
