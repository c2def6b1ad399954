"""Registers `claims.strategies` with Hypothesis (the ``hypothesis`` entry point).

Hypothesis calls `_register` when it is first imported, which may be while
`claims.strategies` itself is being imported; so each strategy is looked up
only when Hypothesis first needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _lazy(name: str, *args: Any) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        from . import strategies

        factory = getattr(strategies, name)
        return factory(*(a() if callable(a) else a for a in args))

    return resolve


def _register() -> None:
    from hypothesis import strategies as st

    from . import _model
    from .dossier import Dossier
    from .vocabulary import Vocabulary

    def ids() -> Any:
        from .strategies import ids

        return ids()

    table: dict[type, Callable[[type], Any]] = {
        _model.Actor: _lazy("actors"),
        _model.Source: _lazy("sources"),
        _model.Event: _lazy("events"),
        _model.Claim: _lazy("claims"),
        _model.Link: _lazy("links"),
        _model.Review: _lazy("reviews"),
        _model.Quote: _lazy("quotes"),
        _model.Hop: _lazy("hops"),
        _model.Proposition: _lazy("propositions", ids, ids),
        _model.Quantity: _lazy("quantities"),
        _model.Place: _lazy("places"),
        _model.When: _lazy("whens"),
        _model.Assessment: _lazy("assessments"),
        Dossier: _lazy("dossiers"),
        Vocabulary: _lazy("vocabularies"),
    }
    for cls, resolve in table.items():
        st.register_type_strategy(cls, resolve)
