"""`claims.analysis` as the API: its names, its cache, and the deprecated spellings.

The questions are functions taking the dossier first. The dossier's old
question methods and the old `claims.provenance` module still work, with a
`DeprecationWarning`, and the methods take exactly the functions' parameters.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import sys
import weakref
from typing import Any

import pytest

import claims
from claims import Dossier, UnknownIdError, analysis
from claims.analysis import quotes
from support import SEED, SEEDS

ARTICLE = (SEEDS / "000_722b12ae6f7ab902.txt").read_text(encoding="utf-8")

DEPRECATED = (
    "provenance",
    "corroboration",
    "corroborations",
    "suggest_credibility",
    "contradictions",
    "uncertainties",
    "silences",
    "current",
    "timeline",
    "verify_quotes",
)
"""The dossier's question methods, each now a deprecated spelling of a function."""

ARGUMENTS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "provenance": (("aj-strike-targeted-pmf",), {}),
    "corroboration": (("reuters-killed",), {"include_inactive": True}),
    "corroborations": ((), {"include_inactive": True}),
    "suggest_credibility": (("aj-strike-targeted-pmf",), {}),
    "contradictions": ((), {"tolerance": 0.5, "functional": {"casualties"}}),
    "uncertainties": ((), {"include_inactive": True}),
    "silences": ((), {"accusations": {"responsible_for"}}),
    "current": ((), {}),
    "timeline": ((), {"include_inactive": False}),
    "verify_quotes": (({"aj-article": ARTICLE},), {}),
}
"""Arguments to ask each question with, keyword ones included."""

OLD_NAMES = (
    "ACCUSATION_PREDICATES",
    "APPROXIMATE_TOLERANCE",
    "FUNCTIONAL_PREDICATES",
    "INVERSE_FUNCTIONAL_PREDICATES",
    "Contradiction",
    "ContradictionReason",
    "Corroboration",
    "CredibilitySuggestion",
    "CurrentView",
    "IndependentOrigin",
    "Merge",
    "MergeReason",
    "Moment",
    "MomentKind",
    "Origin",
    "Provenance",
    "Replacement",
    "Silence",
    "SilenceKind",
    "StaleLink",
    "Tie",
    "Uncertainty",
    "contradictions",
    "corroboration",
    "corroborations",
    "current",
    "origin",
    "provenance",
    "silences",
    "suggest_credibility",
    "timeline",
    "uncertainties",
)
"""The public names `claims.analysis` had as a single module."""


@pytest.fixture(scope="module")
def seed() -> Dossier:
    return claims.load(SEED)


def test_every_old_name_is_still_there() -> None:
    assert len(set(analysis.__all__)) == len(analysis.__all__)
    for name in analysis.__all__:
        assert hasattr(analysis, name), name
    assert set(OLD_NAMES) <= set(analysis.__all__)
    assert set(quotes.__all__) <= set(analysis.__all__)


@pytest.mark.parametrize("name", DEPRECATED)
def test_a_deprecated_method_takes_the_functions_parameters(name: str) -> None:
    function = inspect.signature(getattr(analysis, name))
    method = inspect.signature(getattr(Dossier, name))
    first, *rest = method.parameters.values()
    assert first.name == "self"
    assert first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert rest == list(function.parameters.values())[1:]
    assert method.return_annotation == function.return_annotation


@pytest.mark.parametrize("name", DEPRECATED)
def test_a_deprecated_method_warns_and_answers_as_the_function(name: str, seed: Dossier) -> None:
    args, kwargs = ARGUMENTS[name]
    with pytest.warns(DeprecationWarning, match=rf"call claims\.analysis\.{name}\(dossier"):
        found = getattr(seed, name)(*args, **kwargs)
    assert found == getattr(analysis, name)(seed, *args, **kwargs)


def test_a_deprecated_method_refuses_what_the_function_refuses(seed: Dossier) -> None:
    with pytest.warns(DeprecationWarning, match="contradictions"), pytest.raises(TypeError):
        seed.contradictions(nonsense=True)  # type: ignore[attr-defined]
    with pytest.warns(DeprecationWarning, match="corroboration"), pytest.raises(UnknownIdError):
        seed.corroboration("no such claim")  # type: ignore[attr-defined]


def test_the_old_quote_module_warns_and_holds_the_same_names() -> None:
    sys.modules.pop("claims.provenance", None)
    with pytest.warns(DeprecationWarning, match=r"claims\.analysis\.quotes"):
        old = importlib.import_module("claims.provenance")
    assert old.__all__ == quotes.__all__
    for name in old.__all__:
        assert getattr(old, name) is getattr(quotes, name)


def test_answers_are_kept_until_the_dossier_changes() -> None:
    d = claims.load(SEED)
    first, every = analysis.current(d), analysis.corroborations(d)
    assert analysis.current(d) is first
    assert analysis.corroborations(d) is every
    version = d.version
    d.add(claims.Actor("someone-new", "Someone new"))
    assert d.version != version
    assert analysis.current(d) == first
    assert analysis.current(d) is not first
    assert analysis.corroborations(d) is not every


def test_a_failed_add_keeps_the_version() -> None:
    d = claims.load(SEED)
    version = d.version
    with pytest.raises(claims.IntegrityError):
        d.add(claims.Actor("x", "X", part_of="nobody"))
    assert d.version == version


def test_the_cache_does_not_keep_a_dossier_alive() -> None:
    d = claims.load(SEED)
    every = analysis.corroborations(d)
    analysis.contradictions(d)
    analysis.provenance(d, "reuters-killed")
    expected = dict(every.items())
    gone = weakref.ref(d)
    del d
    gc.collect()
    assert gone() is None
    assert dict(every.items()) == expected  # a mapping outlives its dossier
