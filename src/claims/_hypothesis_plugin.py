"""Registers `claims.strategies` with Hypothesis (the ``hypothesis`` entry point)."""

from __future__ import annotations


def _register() -> None:
    from hypothesis import strategies as st

    from . import _model
    from . import strategies as s
    from .dossier import Dossier

    st.register_type_strategy(_model.Actor, s.actors())
    st.register_type_strategy(_model.Source, s.sources())
    st.register_type_strategy(_model.Event, s.events())
    st.register_type_strategy(_model.Claim, s.claims())
    st.register_type_strategy(_model.Link, s.links())
    st.register_type_strategy(_model.Quote, s.quotes())
    st.register_type_strategy(_model.Hop, s.hops())
    st.register_type_strategy(_model.Proposition, s.propositions(s.ids(), s.ids()))
    st.register_type_strategy(_model.Quantity, s.quantities())
    st.register_type_strategy(_model.When, s.whens())
    st.register_type_strategy(_model.Assessment, s.assessments())
    st.register_type_strategy(Dossier, s.dossiers())
