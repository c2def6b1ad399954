"""Bulk ingest into the SQLite store, and reading back, on a synthetic dossier.

Run with ``make bench`` or ``python benchmarks/bench_store.py [CLAIMS]``. Not
part of the test suite; see docs/benchmarks.md for the method and figures.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import claims
from claims import store

sys.path.insert(0, str(Path(__file__).parent))
from bench_analysis import synthetic


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="runs (default 5; median)")
    parser.add_argument("--batch", type=int, default=10_000, help="records per batch")
    args = parser.parse_args(argv)
    dossier = synthetic(args.claims)
    records = list(dossier.records())
    n = len(dossier.claims)
    ingest, one_batch, read, lookups = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            plans = (("batches", args.batch, ingest), ("one", len(records), one_batch))
            for label, size, out in plans:
                path = Path(tmp) / f"{label}-{run}.db"
                with store.open(path) as s:
                    t0 = time.perf_counter()
                    for start in range(0, len(records), size):
                        s.extend(records[start : start + size])
                    out.append(time.perf_counter() - t0)
            with store.open(Path(tmp) / f"batches-{run}.db") as s:
                t0 = time.perf_counter()
                again = s.dossier()
                read.append(time.perf_counter() - t0)
                assert again == dossier
                ids = list(dossier.claims)[:: max(1, n // 1000)]
                t0 = time.perf_counter()
                for cid in ids:
                    s.claim(cid)
                lookups.append((time.perf_counter() - t0) / len(ids))
            del again
            gc.collect()
        size = os.path.getsize(Path(tmp) / "batches-0.db")

    def rate(seconds: list[float]) -> str:
        return f"{n / statistics.median(seconds):>10,.0f} claims/s"

    print(
        f"# Store: {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; claims {claims.__version__}; "
        f"{n:,} claims, {len(records):,} records; medians of {args.runs} runs, GC on\n"
    )
    print("| store operation | rate |")
    print("|---|---:|")
    print(f"| bulk ingest, batches of {args.batch:,} records | {rate(ingest)} |")
    print(f"| bulk ingest, one batch | {rate(one_batch)} |")
    print(f"| read back the whole store as a dossier | {rate(read)} |")
    print(f"| one claim by id | {statistics.median(lookups) * 1e6:.0f} µs |")
    print(f"| file size | {size / n:.0f} bytes per claim |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
