"""`Dossier.extend` is all or nothing, whatever is raised inside it and wherever.

A `KeyboardInterrupt` is injected at the Nth line the dossier's modules run
(`claims.dossier`, and `claims._dossier_index`, which inserts and removes)
during the call (`sys.settrace`), for generated dossiers and batches: the
dossier, every lookup and every analysis answer, cached or not, must then be
those of a copy made before the call.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import claims.dossier
from claims import Claim, Dossier, IntegrityError, Stance
from claims import strategies as cs
from claims.analysis import contradictions, corroborations, current, silences
from support import examples

DOSSIER_MODULES = frozenset(
    {claims.dossier.__file__, importlib.import_module("claims._dossier_index").__file__}
)


class LineCounter:
    """A tracer counting the lines run in the dossier's modules; raises at line `at` if given."""

    def __init__(self, at: int | None = None) -> None:
        self.at = at
        self.lines = 0

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename in DOSSIER_MODULES:
            return self.line
        return None

    def line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.lines += 1
            if self.lines == self.at:
                raise KeyboardInterrupt
        return self.line


@contextmanager
def tracing(counter: LineCounter) -> Iterator[LineCounter]:
    before = sys.gettrace()
    sys.settrace(counter)
    try:
        yield counter
    finally:
        sys.settrace(before)


def lookups(d: Dossier, names: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the dossier answers without the analysis (`names`: actors to find)."""
    statements = {
        sp: {said: tuple(ids) for said, ids in by.items()} for sp, by in d.statements().items()
    }
    subjects = {c.proposition.subject for c in d.claims.values()}
    predicates = {c.proposition.predicate for c in d.claims.values()}
    return {
        "records": list(d.records()),
        "len": len(d),
        "positions": dict(d.positions),
        "statements": statements,
        "by": {a: (d.claims_by(a), d.claims_by(a, include_parts=True)) for a in d.actors},
        "parts": {a: d.parts(a) for a in d.actors},
        "about": {s: d.claims_about(s) for s in subjects},
        "with": {p: d.claims_with(p) for p in predicates},
        "links": {c: (d.links_from(c), d.links_to(c), d.status(c)) for c in d.claims},
        "names": {n: d.find_actors(n) for n in names},
        "reviews": {c: d.reviews_of(c) for c in d.claims},
    }


def answers(d: Dossier, *, warm_only: bool = False) -> dict[str, Any]:
    """The analysis answers; with `warm_only`, those made (and cached) before the call."""
    found: dict[str, Any] = {
        "contradictions": contradictions(d),
        "corroborations": dict(corroborations(d)),
    }
    if not warm_only:
        found["silences"] = silences(d)
        found["current"] = current(d)
    return found


def denials(d: Dossier, taken: set[str]) -> list[Claim]:
    """Claims denying what some claims of `d` assert, so the batch makes contradictions."""
    out = []
    for c in list(d.claims.values())[:3]:
        new_id = f"{c.id}.no"
        if c.stance is Stance.ASSERTS and new_id not in taken:
            out.append(attrs.evolve(c, id=new_id, stance=Stance.DENIES))
    return out


@settings(max_examples=examples(200))
@given(cs.dossiers(), st.data())
def test_an_interrupted_extend_leaves_the_dossier_and_its_answers_as_they_were(
    full: Dossier, data: st.DataObject
) -> None:
    records = list(full.records())
    split = data.draw(st.integers(0, len(records)), label="split")
    try:
        d = Dossier(records[:split])
    except IntegrityError:
        assume(False)
    batch = [*records[split:], *denials(d, set(full.claims))]
    copy = Dossier(d.records())
    rehearsal = Dossier(d.records())
    with tracing(LineCounter()) as counted:
        rehearsal.extend(batch)
    at = data.draw(st.integers(1, counted.lines), label="interrupted at line")

    warm = answers(d, warm_only=True)  # cached for this version
    version = d.version
    with tracing(LineCounter(at)), pytest.raises(KeyboardInterrupt):
        d.extend(batch)

    names = [n for a in full.actors.values() for n in (a.id, a.name, *a.aliases)]
    assert d == copy
    assert d.version == version
    assert lookups(d, names) == lookups(copy, names)
    assert answers(d, warm_only=True) == warm
    assert answers(d) == answers(copy)
    # And the same batch still goes in whole afterwards.
    d.extend(batch)
    copy.extend(batch)
    assert lookups(d, names) == lookups(copy, names)
    assert answers(d) == answers(copy)


@pytest.mark.parametrize("error", [KeyboardInterrupt, MemoryError, RuntimeError])
def test_any_exception_part_way_undoes_the_batch(
    error: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = Dossier([claims.Actor("a", "A")])
    prop = claims.Proposition(claims.ActorRef("a"), "is", claims.Text("x"))
    batch = [Claim(f"c{i}", "a", prop) for i in range(5)]
    before = lookups(d)
    inserted: list[object] = []
    tables = importlib.import_module("claims._dossier_index").Tables
    insert = tables.insert  # the step that fails

    def failing(self: Any, record: Any) -> None:
        if len(inserted) == 3:
            raise error
        inserted.append(record)
        insert(self, record)

    monkeypatch.setattr(tables, "insert", failing)
    with pytest.raises(error):
        d.extend(batch)
    assert inserted == batch[:3]
    assert lookups(d) == before
    assert d.version == 1
