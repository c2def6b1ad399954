"""Ctrl-C anywhere in opening or writing a store: a `KeyboardInterrupt`, and a sound store.

A `KeyboardInterrupt` is raised at each step, in turn, that the store's
functions run while a store is created (each bytecode) or a batch is written
(each line), with `sys.settrace`.
Only the interrupt may come out (an interrupt after the schema's COMMIT used
to be replaced by SQLite's "cannot rollback - no transaction is active"), and
the store must then open and hold all of the batch or none of it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import claims
from claims import store

STORE_PACKAGE = str(Path(store.__file__).parent)
CREATING = frozenset({"_create"})
WRITING = frozenset({"extend", "_write", "write_batches", "_one", "__enter__", "__exit__"})


class Interrupt:
    """A tracer raising `KeyboardInterrupt` at the `at`-th step run in `functions`.

    Only the functions of the store's modules named in `functions` are
    counted. A step is a line, or with `opcodes` a bytecode (Python runs a
    signal handler between two bytecodes, so this is where Ctrl-C can land).
    """

    def __init__(self, at: int, functions: frozenset[str], *, opcodes: bool) -> None:
        self.at = at
        self.functions = functions
        self.event = "opcode" if opcodes else "line"
        self.steps = 0

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        code = frame.f_code
        if code.co_filename.startswith(STORE_PACKAGE) and code.co_name in self.functions:
            frame.f_trace_opcodes = self.event == "opcode"
            return self.step
        return None

    def step(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == self.event:
            self.steps += 1
            if self.steps == self.at:
                raise KeyboardInterrupt
        return self.step


def interrupted(
    action: Callable[[], object], at: int, functions: frozenset[str], *, opcodes: bool
) -> bool:
    """Run `action`, interrupted at step `at` of `functions`; whether it was interrupted."""
    before = sys.gettrace()
    sys.settrace(Interrupt(at, functions, opcodes=opcodes))
    try:
        action()
    except KeyboardInterrupt:
        return True
    finally:
        sys.settrace(before)
    return False


def test_creating_a_store_interrupted_at_any_line(tmp_path: Path) -> None:
    at = 0
    while True:
        at += 1
        path = tmp_path / f"{at}.db"
        create = lambda: store.open(path).close()  # noqa: B023, E731 - run at once
        if not interrupted(create, at, CREATING, opcodes=True):
            break
        with store.open(path) as s:
            assert len(s) == 0
    assert at > 20  # it ran past the schema's creation


def batch(n: int) -> list[Any]:
    """A batch of fresh records (an actor, its claims, a link), tagged `n`."""
    said = claims.Proposition(claims.ActorRef(f"a{n}"), "said", claims.Text("so"))
    made = [claims.Claim(f"c{n}-{i}", f"a{n}", said) for i in range(5)]
    link = claims.Link(claims.LinkKind.SUPPORTS, made[1].id, made[0].id)
    return [claims.Actor(f"a{n}", f"A {n}"), *made, link]


def test_writing_a_batch_interrupted_at_any_line(tmp_path: Path) -> None:
    at = 0
    with store.open(tmp_path / "s.db") as s:
        while True:
            at += 1
            before = len(s)
            # By line: raised from a tracer amid the bytecodes of a `with` block's
            # exit, an exception skips the handlers around it (CPython 3.11),
            # which no signal does.
            if not interrupted(lambda: s.extend(batch(at)), at, WRITING, opcodes=False):  # noqa: B023
                break
            assert len(s) - before in (0, len(batch(at)))
            if len(s) > before:
                assert set(batch(at)) <= set(s.records())
        assert at > len(batch(at))
    with store.open(tmp_path / "s.db") as s:  # the store is whole and consistent
        assert len(s.dossier()) == len(s)
        s.extend(batch(0))  # and still takes a batch
