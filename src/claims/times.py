"""Times in the text's own words: "late on Monday", "last month", "two days after".

`when_from_words` reads a phrase of English news to a `claims.When` with the
precision the words carry, resolved against a reference time (as a rule the
publication time of the source the words are quoted from) and keeping the
words; with no reference the time is unresolved (its words and precision
kept, ``at`` None). It never guesses: words outside its grammar raise
`claims.TimeWordsError`. `find_time_words` finds the phrases it reads in a
text (the drafter uses it).

>>> from claims import When
>>> from claims.times import when_from_words
>>> str(when_from_words("on Wednesday evening", reference=When.day(2024, 1, 10)))
'2024-01-10 evening'
"""

from __future__ import annotations

from ._timewords import find_time_words, when_from_words

__all__ = ["find_time_words", "when_from_words"]
