"""Temporary files of killed writers are swept by the next write to the same target.

`dump`, `dump_lines` and the Parquet export write beside their target and
rename into place; a writer killed before the rename leaves its temporary
file. The next write to the same target removes such files once their
writer is gone (or they are a day old), and never a live writer's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import claims
from claims import jsonl, parquet
from support import SEED

Write = Callable[[claims.Dossier, Path], object]

WRITERS: dict[str, tuple[Write, str]] = {
    "dump": (claims.dump, "d.json"),
    "dump_lines": (jsonl.dump_lines, "d.jsonl"),
    "parquet": (lambda d, p: parquet.export(d, p.parent), "claims.parquet"),
}

KILLED = """
import os, signal, sys
import claims
from claims import jsonl, parquet

what, target = sys.argv[1], sys.argv[2]
d = claims.load(sys.argv[3])


def die(*args):
    os.kill(os.getpid(), signal.SIGKILL)


# Killed with the whole file written, just before it would be renamed into place.
if what == "parquet":
    os.replace = die
    parquet.export(d, os.path.dirname(target))
else:
    os.fsync = die
    (claims.dump if what == "dump" else jsonl.dump_lines)(d, target)
"""


@pytest.fixture
def gone_pid() -> int:
    """The id of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The id of a process that is running (another writer)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield proc.pid
    finally:
        proc.kill()
        proc.wait()


def temporaries(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir() if p.name.endswith(".tmp")}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_files_of_killed_writers_are_swept_by_the_next_write(tmp_path: Path, writer: str) -> None:
    write, name = WRITERS[writer]
    target = tmp_path / name
    for _ in range(3):
        proc = subprocess.run(
            [sys.executable, "-c", KILLED, writer, str(target), str(SEED)],
            capture_output=True,
            check=False,
        )
        assert proc.returncode == -9, proc.stderr
        # Each killed writer swept those before it: the leftovers do not grow.
        assert len(temporaries(tmp_path)) == (
            len(list(parquet.SCHEMAS)) if writer == "parquet" else 1
        )
    assert not target.exists()
    seed = claims.load(SEED)
    write(seed, target)
    assert temporaries(tmp_path) == set()
    assert target.exists()
    if writer == "dump":
        assert claims.load(target) == seed


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_only_leftovers_are_swept(
    tmp_path: Path, writer: str, gone_pid: int, live_pid: int
) -> None:
    write, name = WRITERS[writer]
    target = tmp_path / name
    day_ago = time.time() - 25 * 3600
    files = {
        # Left by writers that are gone, or by this process's id in an earlier life.
        f".{name}.{gone_pid}-k1dzq8ws.tmp": ("swept", None),
        f".{name}.{os.getpid()}-3a_b9x0q.tmp": ("swept", None),
        # As earlier releases named them: swept once a day old.
        f".{name}.u7f3k2p0.tmp": ("swept", day_ago),
        f".{name}.m2n8c4v1.tmp": ("kept", None),
        # Another process is writing it.
        f".{name}.{live_pid}-q9w8e7r6.tmp": ("kept", None),
        # Not a temporary file of this target.
        f".other.{name}.{gone_pid}-k1dzq8ws.tmp": ("kept", None),
        f"{name}.{gone_pid}-k1dzq8ws.tmp": ("kept", None),
        f".{name}.bak": ("kept", None),
    }
    for file, (_, mtime) in files.items():
        (tmp_path / file).write_bytes(b"partial")
        if mtime is not None:
            os.utime(tmp_path / file, (mtime, mtime))
    write(claims.load(SEED), target)
    kept = {f for f, (fate, _) in files.items() if fate == "kept"}
    assert {p.name for p in tmp_path.iterdir()} & set(files) == kept
    assert target.exists()
