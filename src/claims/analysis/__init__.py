"""The analyst's questions: origins, corroboration, contradictions, silences.

Each question is a function taking a `Dossier` first, one module per
question: `provenance`, `corroboration` (and `corroborations`, every claim
at once), `contradictions` (and `uncertainties`; `disputes`, the same
contradictions grouped by position), `silences`, `current` (and
`timeline`), and `quotes` (quotes against their sources' text).

Every answer explains itself: two claims merged into one origin carry the
reason they are not independent; two claims that cannot both hold carry the
reason why. Answers come from indexes built once per `Dossier.version` (the
first question after an add builds them), never from comparing every claim
with every other.

>>> from claims import Actor, ActorRef, Claim, Dossier, Proposition, Stance, Text
>>> from claims.analysis import contradictions
>>> said = Proposition(ActorRef("pmf"), "responsible_for", Text("the strike"))
>>> d = Dossier([Actor("pmf", "PMF"), Actor("us", "US officials")])
>>> d.extend([Claim("a", "us", said), Claim("b", "pmf", said, stance=Stance.DENIES)])
>>> [(c.first, c.second, c.reason.value) for c in contradictions(d)]
[('a', 'b', 'opposite_stances')]

The same questions as methods of the dossier (``d.contradictions()``) still
work, with a `DeprecationWarning`.
"""

from __future__ import annotations

from ..dossier import deprecated_method
from ._bulk import corroborations
from .contradictions import (
    APPROXIMATE_TOLERANCE,
    FUNCTIONAL_PREDICATES,
    INVERSE_FUNCTIONAL_PREDICATES,
    POSSIBLE_REASONS,
    SILENCING_LINKS,
    Contradiction,
    ContradictionReason,
    Uncertainty,
    contradictions,
    single_predicates,
    uncertainties,
)
from .corroboration import (
    UNCOUNTED_CREDIBILITY,
    Corroboration,
    CredibilitySuggestion,
    IndependentOrigin,
    Merge,
    Partial,
    corroboration,
    suggest_credibility,
)
from .current import (
    CurrentView,
    Moment,
    MomentKind,
    Replacement,
    StaleLink,
    current,
    timeline,
)
from .disputes import Disagreement, Dispute, Position, disputes
from .lint import Finding, Severity, lint
from .provenance import Origin, Provenance, origin, provenance
from .quotes import (
    QuoteCheck,
    QuoteReport,
    QuoteState,
    SourceCheck,
    SourceState,
    check_quote,
    check_source,
    reanchor,
    verify_quotes,
)
from .silences import ACCUSATION_PREDICATES, Silence, SilenceKind, silences
from .ties import MergeReason, Tie

__all__ = [
    "ACCUSATION_PREDICATES",
    "APPROXIMATE_TOLERANCE",
    "FUNCTIONAL_PREDICATES",
    "INVERSE_FUNCTIONAL_PREDICATES",
    "POSSIBLE_REASONS",
    "SILENCING_LINKS",
    "UNCOUNTED_CREDIBILITY",
    "Contradiction",
    "ContradictionReason",
    "Corroboration",
    "CredibilitySuggestion",
    "CurrentView",
    "Disagreement",
    "Dispute",
    "Finding",
    "IndependentOrigin",
    "Merge",
    "MergeReason",
    "Moment",
    "MomentKind",
    "Origin",
    "Partial",
    "Position",
    "Provenance",
    "QuoteCheck",
    "QuoteReport",
    "QuoteState",
    "Replacement",
    "Severity",
    "Silence",
    "SilenceKind",
    "SourceCheck",
    "SourceState",
    "StaleLink",
    "Tie",
    "Uncertainty",
    "check_quote",
    "check_source",
    "contradictions",
    "corroboration",
    "corroborations",
    "current",
    "disputes",
    "lint",
    "origin",
    "provenance",
    "reanchor",
    "silences",
    "single_predicates",
    "suggest_credibility",
    "timeline",
    "uncertainties",
    "verify_quotes",
]

# The dossier's old question methods, made from these functions (one
# signature each, so they cannot drift), each warning to call the function.
for _function in (
    provenance,
    corroboration,
    corroborations,
    suggest_credibility,
    contradictions,
    uncertainties,
    silences,
    current,
    timeline,
    verify_quotes,
):
    deprecated_method(
        _function, name=_function.__name__, replacement=f"claims.analysis.{_function.__name__}"
    )
del _function
