"""Ctrl-C during a write is a `KeyboardInterrupt`, never a crash of the interpreter.

orjson reads an enum member's value by calling back into Python; an exception
raised there by a signal handler used to crash the process (a segmentation
fault). The writers now hand orjson nothing that needs Python to be written.
"""

from __future__ import annotations

import enum
import json
import subprocess
import sys
from datetime import datetime, timezone
from typing import Any

from hypothesis import given, settings

import claims
from claims import _convert
from claims import strategies as cs
from support import SEED, examples, nodes

CHILD = """
import json, os, random, signal, sys, tempfile, threading, time
import attrs, claims
from claims import store

seed, rounds_dumps, rounds_extend, seed_path = (
    int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
# Python's own SIGINT handler, even when started with SIGINT ignored (as a
# background job of a shell without job control is).
signal.signal(signal.SIGINT, signal.default_int_handler)
base = claims.load(seed_path)
records = [r for r in base.records() if not isinstance(r, (claims.Claim, claims.Link))]
for i in range(500):  # about 20,000 claims
    records += [attrs.evolve(c, id=f"{c.id}~{i}") for c in base.claims.values()]
dossier = claims.Dossier(records)
tmp = tempfile.mkdtemp()
rng = random.Random(seed)
pid = os.getpid()


def run(what, n):
    if what == "dumps":
        claims.dumps(dossier)
        return True
    path = os.path.join(tmp, f"{n}.db")
    try:
        with store.open(path) as s:
            s.extend(dossier.records())
    finally:
        # A batch lands whole or not at all.
        with store.open(path) as s:
            assert s.counts()["claims"] in (0, len(dossier.claims))
        os.remove(path)


seen = {"claims": len(dossier.claims)}
for what, rounds in (("dumps", rounds_dumps), ("extend", rounds_extend)):
    started = time.perf_counter()
    run(what, -1)
    took = time.perf_counter() - started
    interrupted = 0
    for n in range(rounds):
        timer = threading.Timer(rng.uniform(0, took), os.kill, (pid, signal.SIGINT))
        try:
            try:
                timer.start()
                run(what, n)
                timer.join()
            except KeyboardInterrupt:
                interrupted += 1
            timer.join()
        except KeyboardInterrupt:
            interrupted += 1
    seen[what] = interrupted
print(json.dumps(seen))
"""


def interrupt(seed: int, dumps: int, extend: int) -> dict[str, int]:
    """Run `dumps` and `Store.extend` of ~20,000 claims, each SIGINT-ed at a random moment."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(seed), str(dumps), str(extend), str(SEED)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
    seen: dict[str, int] = json.loads(proc.stdout)
    return seen


def test_interrupting_dumps_and_store_extend_never_crashes() -> None:
    seen = interrupt(seed=15, dumps=25, extend=8)
    # Every SIGINT was a KeyboardInterrupt in the process, which went on.
    assert seen == {"claims": 20_500, "dumps": 25, "extend": 8}


@settings(max_examples=examples(100))
@given(cs.dossiers())
def test_orjson_is_handed_only_what_it_writes_without_python(d: claims.Dossier) -> None:
    for record in d.records():
        for path, value in nodes(_convert.to_builtins(record)):
            assert not isinstance(value, enum.Enum), path
            assert type(value) in _NATIVE, (path, type(value))
            if type(value) is datetime:
                assert type(value.tzinfo) is timezone, path


_NATIVE: frozenset[Any] = frozenset({dict, list, str, int, float, bool, type(None), datetime})
