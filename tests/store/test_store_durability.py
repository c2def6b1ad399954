"""The store under crashes and concurrency: writers killed with SIGKILL, readers beside writers."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import claims
from claims import Actor, ActorRef, store

BATCH = 400  # claims per batch; each batch also carries one link

WRITER = """
import sys
from claims import Claim, Link, LinkKind, Proposition, ActorRef, Quantity, store

path, tag, batches = sys.argv[1], sys.argv[2], int(sys.argv[3])
prop = Proposition(ActorRef("a"), "reports_dead", Quantity(4))
with store.open(path) as s:
    n = 0
    while batches < 0 or n < batches:
        ids = [f"{tag}-{n}-{i}" for i in range({batch})]
        s.extend(
            [Claim(i, "a", prop) for i in ids] + [Link(LinkKind.SUPPORTS, ids[0], ids[1])],
            note=f"{tag} batch {n}",
        )
        n += 1
        if n == 1:
            print("ready", flush=True)
""".replace("{batch}", str(BATCH))


def writer(path: Path, tag: str, batches: int = -1) -> subprocess.Popen[str]:
    """A process adding `batches` batches (-1: until killed); says "ready" after the first."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(batches)],
        stdout=subprocess.PIPE if batches < 0 else subprocess.DEVNULL,
        text=True,
    )


def new_store(path: Path) -> None:
    with store.open(path) as s:
        s.add(Actor("a", "A"))


def check_whole_batches(path: Path, *, load: bool = True) -> int:
    """The store is sound and holds only whole batches; returns how many claims."""
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    landed: Counter[int] = Counter()
    for table in ("actors", "claims", "links"):
        landed.update(dict(db.execute(f"SELECT batch, count(*) FROM {table} GROUP BY batch")))
    announced = dict(db.execute("SELECT id, records FROM batches"))
    assert landed == announced
    db.close()
    with store.open(path) as s:
        counts = s.counts()
        assert counts["claims"] % BATCH == 0
        assert counts["links"] == counts["claims"] // BATCH
        if load:
            d = s.dossier()  # checks the referential integrity of everything
            assert len(d.claims) == counts["claims"]
        return counts["claims"]


def test_a_writer_killed_mid_ingest_leaves_only_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    new_store(path)
    rng = random.Random(6)
    total = 0
    rounds = 10
    for round_ in range(rounds):
        proc = writer(path, f"r{round_}")
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # Let it write a few more batches, then kill it wherever it is.
        proc.stdout.close()
        try:
            proc.wait(timeout=rng.uniform(0.01, 0.15))
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
        claims_now = check_whole_batches(path, load=round_ == rounds - 1)
        assert claims_now >= total + BATCH  # the first batch of each round landed
        total = claims_now


def test_readers_see_whole_batches_while_a_writer_works(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    new_store(path)
    batches = 12
    proc = writer(path, "w", batches)
    seen = set()
    with store.open(path) as s:
        while proc.poll() is None:
            counts = s.counts()  # one read transaction: one committed state
            assert counts["claims"] % BATCH == 0
            assert counts["links"] == counts["claims"] // BATCH
            seen.add(counts["claims"])
        d = s.dossier()
    assert proc.returncode == 0
    assert len(d.claims) == batches * BATCH
    assert max(seen) <= batches * BATCH


def test_a_snapshot_stays_the_same_while_a_writer_commits(tmp_path: Path) -> None:
    path = tmp_path / "snapshot.db"
    new_store(path)
    with store.open(path) as reader, store.open(path) as other:
        records = reader.records()
        first = next(records)  # the read transaction is open from here on
        other.add(
            claims.Claim("late", "a", claims.Proposition(ActorRef("a"), "said", claims.Text("x")))
        )
        rest = list(records)
        assert [first, *rest] == [Actor("a", "A")]
        assert len(reader.dossier().claims) == 1


def test_two_writers_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    new_store(path)
    procs = [writer(path, tag, 5) for tag in ("x", "y")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert check_whole_batches(path) == 2 * 5 * BATCH
