"""Type aliases to annotate code that uses `claims`.

- `Subject`: what a proposition is about (an `ActorRef`, an `EventRef` or
  a `Text`);
- `Value`: the object of a proposition, known (an `ActorRef`, `EventRef`,
  `Text`, `Quantity` or `Place`), `Unknown` or `NoValue`.

>>> from claims import ActorRef, Proposition, Text
>>> from claims.typing import Subject, Value
>>> def about(subject: Subject, value: Value) -> Proposition:
...     return Proposition(subject, "responsible_for", value)
>>> about(ActorRef("coalition"), Text("the strike")).predicate
'responsible_for'
"""

from __future__ import annotations

from ._model import Subject, Value

__all__ = ["Subject", "Value"]
