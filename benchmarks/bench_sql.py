"""Time claims.sql on synthetic Parquet tables of 1M, 10M (and 100M) claims.

Run with ``make bench`` (or ``python benchmarks/bench_sql.py 1000000 --spark
--memory``). Not part of the test suite; docs/scale.md gives the figures.
Past 10M claims (``--parquet-above``; for Spark past 1M,
``--spark-parquet-above``) the engine writes each answer to Parquet
(`claims.sql.write`), so no answer is held in Python.

The tables are written straight from SQL (DuckDB's ``range``, hashes for
randomness): no Python object per claim. Their shape follows
benchmarks/bench_analysis.py: about ten claims per event, by some 1 in 200
actors (states with ministries, armed groups with affiliated outlets, news
agencies); casualty counts (mostly agreeing, some approximate, disjoint or
unknown), attributions of responsibility (some competing, some denied, some
silences), characterisations; about 4 links per 100 claims. Each question
runs in a fresh process, so the peak memory is its own (for Spark, the
Python driver plus the JVM). CPU seconds are those of the process (every
DuckDB thread; for Spark, only the Python driver, not the JVM): on a
shared machine they say more than the wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from claims.parquet import SCHEMAS

HERE = Path(__file__).parent
QUESTIONS = ("contradictions", "corroborations")


def actors(n_claims: int) -> pa.Table:
    """The actors: per group of nine, a state, three ministries, an armed group, its TV,
    two outlets and an agency."""
    rows: list[dict[str, object]] = []
    for i in range(max(4, n_claims // 2000)):
        state, group = f"state-{i}", f"group-{i}"
        rows.append({"id": state, "part_of": None, "affiliations": []})
        rows += [
            {"id": f"{state}-ministry-{j}", "part_of": state, "affiliations": []} for j in range(3)
        ]
        rows.append(
            {"id": group, "part_of": None, "affiliations": [{"actor": state, "note": "backed by"}]}
        )
        rows.append(
            {
                "id": f"{group}-tv",
                "part_of": None,
                "affiliations": [{"actor": group, "note": "considered close to"}],
            }
        )
        rows += [{"id": f"outlet-{i}-{j}", "part_of": None, "affiliations": []} for j in range(2)]
        rows.append({"id": f"agency-{i}", "part_of": None, "affiliations": []})
    schema = SCHEMAS["actors"]
    full = [{name: row.get(name) for name in schema.names} for row in rows]
    for row in full:
        row["kind"], row["name"], row["aliases"] = "organisation", row["id"], []
    return pa.Table.from_pylist(full, schema=schema)


def generate(n: int, directory: Path) -> None:
    """Write claims, actors and links tables of `n` claims into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.sql("SET preserve_insertion_order = true")
    con.sql("SET enable_progress_bar = false")
    groups = max(4, n // 2000)
    events = max(1, n // 10)
    table = actors(n)
    pq.write_table(table, directory / "actors.parquet")
    con.register("actor_rows", table)
    con.sql("""
        CREATE TABLE speakers AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM actor_rows
        WHERE id NOT LIKE 'state-%' OR id LIKE '%ministry%'
    """)
    speakers = con.sql("SELECT count(*) FROM speakers").fetchall()[0][0]
    claims_out = pq.ParquetWriter(directory / "claims.parquet", SCHEMAS["claims"])
    links_out = pq.ParquetWriter(directory / "links.parquet", SCHEMAS["links"])
    try:
        for start in range(0, n, CHUNK):
            stop = min(n, start + CHUNK)
            con.sql(_rows(start, stop, n, events, speakers))
            claims = con.sql(_claims(groups)).to_arrow_table()
            claims_out.write_table(_conform(claims, "claims"), row_group_size=100_000)
            links = con.sql(LINKS).to_arrow_table()
            links_out.write_table(_conform(links, "links"))
            del claims, links
    finally:
        claims_out.close()
        links_out.close()
        con.close()
    for name in SCHEMAS:
        if not (directory / f"{name}.parquet").is_file():
            pq.write_table(SCHEMAS[name].empty_table(), directory / f"{name}.parquet")


CHUNK = 2_000_000
"""Claims made and written at a time: memory stays bounded whatever the size."""

UNIFORM = "((hash(i, {s}) % 1000000) / 1000000.0)"


def _rows(start: int, stop: int, n: int, events: int, speakers: int) -> str:
    """``raw``: claims `start` to `stop` with their random draws.

    A claim whose draw ``lr`` falls in [0.035, 0.04) is superseded by a later
    claim within a thousand (``sby``), found from the claim itself, so no
    chunk needs another.
    """
    u = UNIFORM
    return f"""
        CREATE OR REPLACE TEMP TABLE raw AS
        SELECT b.*, s.id AS claimant, 5 + e % 17 AS toll,
            CASE WHEN lr >= 0.035 AND lr < 0.04 AND i + step < {n} THEN i + step END AS sby
        FROM (
            SELECT i, (hash(i, 1) % {events})::BIGINT AS e,
                (hash(i, 2) % {speakers})::BIGINT AS sp, {u.format(s=3)} AS roll,
                {u.format(s=4)} AS r, {u.format(s=5)} AS r2, {u.format(s=6)} AS lr,
                (hash(i, 7) % greatest(i, 1))::BIGINT AS back,
                (1 + hash(i, 8) % 1000)::BIGINT AS step
            FROM range({start}, {stop}) t(i)
        ) b JOIN speakers s ON s.k = b.sp
        ORDER BY i
    """


LINKS = """
    SELECT 'c' || i AS claim, kind, 'c' || target AS target FROM (
        SELECT i, CASE WHEN lr < 0.02 THEN 'supports' WHEN lr < 0.03 THEN 'repeats'
            ELSE 'contradicts' END AS kind, back AS target
        FROM raw WHERE i > 0 AND lr < 0.035
        UNION ALL
        SELECT sby, 'supersedes', i FROM raw WHERE sby IS NOT NULL
    ) ORDER BY i, kind
"""


def _claims(groups: int) -> str:
    """The claims of ``raw``, columns as `claims.parquet` has them (the rest null)."""
    return f"""
        SELECT i AS position, 'c' || i AS id, claimant,
            CASE WHEN roll >= 0.45 AND roll < 0.75 AND r2 < 0.05 THEN 'denies'
                 WHEN roll >= 0.45 AND roll < 0.75 AND r2 < 0.08 THEN 'no_comment'
                 ELSE 'asserts' END AS stance,
            CASE WHEN sby IS NULL THEN 'active' ELSE 'superseded' END AS status,
            'c' || sby AS status_by,
            CASE WHEN roll < 0.45 OR roll >= 0.75 THEN 'event' ELSE 'actor' END
                AS subject_type,
            CASE WHEN roll < 0.45 OR roll >= 0.75 THEN 'e' || e
                 ELSE 'group-' || ((e + (r2 < 0.1)::INT) % {groups}) END AS subject,
            CASE WHEN roll < 0.45 THEN 'casualties' WHEN roll < 0.75 THEN 'responsible_for'
                 ELSE 'characterised_as' END AS predicate,
            CASE WHEN roll < 0.45 AND r >= 0.93 AND r < 0.97 THEN 'unknown'
                 WHEN roll < 0.45 THEN 'quantity' WHEN roll < 0.75 THEN 'event'
                 ELSE 'text' END AS object_type,
            CASE WHEN roll >= 0.45 AND roll < 0.75 THEN 'e' || e END AS object_id,
            CASE WHEN roll >= 0.75
                 THEN ['aggression', 'escalation', 'terrorism'][(1 + e % 3)::BIGINT]
                 WHEN roll < 0.45 AND r >= 0.93 AND r < 0.97
                 THEN 'not immediately clear' END AS object_text,
            CASE WHEN roll >= 0.45 OR (r >= 0.88 AND r < 0.97) THEN NULL
                 WHEN r < 0.80 THEN toll WHEN r < 0.88 THEN toll + (r2 < 0.5)::INT * 2 - 1
                 ELSE (toll + 9) % 40 END::DOUBLE AS object_value,
            CASE WHEN roll < 0.45 AND r >= 0.88 AND r < 0.93 THEN 2.0 END::DOUBLE
                AS object_lower,
            CASE WHEN roll < 0.45 AND r < 0.97 THEN FALSE END AS object_lower_open,
            CASE WHEN roll < 0.45 AND r < 0.97 THEN FALSE END AS object_upper_open,
            CASE WHEN roll < 0.45 AND r < 0.97 THEN 'killed' END AS object_unit,
            CASE WHEN roll < 0.45 AND r < 0.97 THEN r >= 0.80 AND r < 0.93 END
                AS object_approximate
        FROM raw ORDER BY i
    """


def _conform(table: pa.Table, name: str) -> pa.Table:
    """`table` with every column of `claims.parquet`'s table `name`, the missing ones null."""
    schema = SCHEMAS[name]
    columns = [
        table.column(f.name).cast(f.type)
        if f.name in table.column_names
        else pa.nulls(table.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _peak_kb() -> int:
    """Peak resident memory of this process and its descendants (the JVM), in KB."""
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += int(status.split("VmHWM:")[1].split()[0])
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError):
            continue
    return total


def one(question: str, directory: str, engine: str, limit: str, output: str, config: str) -> None:
    """Run one question (in this fresh process) and print its time and memory as JSON.

    DuckDB gets `limit` as its memory limit and spills past it into a
    directory beside the tables. With an `output` path, the engine writes
    the answer there as Parquet (`claims.sql.write`) instead of returning
    it as Arrow. `config` is more DuckDB settings, as JSON.
    """
    from claims import sql

    session = None
    if engine == "spark":
        session = sql.local_session()  # the session's start is not the question's time
    else:
        # As the engine's own connection has it (claims.sql._engines.DuckDB).
        settings = {"preserve_insertion_order": False, **json.loads(config)}
        if limit:
            settings |= {"memory_limit": limit, "temp_directory": str(Path(directory) / "spill")}
        session = duckdb.connect(config=settings) if settings else None
    started, cpu = time.perf_counter(), time.process_time()
    if output:
        rows = sql.write(question, directory, output, engine=engine, session=session)
    else:
        rows = getattr(sql, question)(directory, engine=engine, session=session).num_rows
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": took, "cpu": cpu, "rows": rows, "peak_kb": _peak_kb()}))


def in_memory(n: int) -> None:
    """The in-memory engine on the same recipe (benchmarks/bench_analysis.py), in this process."""
    sys.path.insert(0, str(HERE))
    from bench_analysis import synthetic

    from claims import analysis

    out: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    d = synthetic(n)
    out["build"], out["build cpu"] = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    analysis.contradictions(d)
    out["contradictions"] = time.perf_counter() - started
    out["contradictions cpu"] = time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    sum(c.count for c in analysis.corroborations(d).values())
    out["corroborations"] = time.perf_counter() - started
    out["corroborations cpu"] = time.process_time() - cpu
    out["peak_kb"] = _peak_kb()
    print(json.dumps(out))


def _child(*args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    done = subprocess.run(
        [sys.executable, "-W", "ignore", __file__, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        sys.exit(f"bench_sql.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 10_000_000])
    parser.add_argument(
        "--spark", action="store_true", help="also Spark local mode, up to --spark-max claims"
    )
    parser.add_argument(
        "--spark-max",
        type=int,
        default=10_000_000,
        help="the largest size Spark runs at (default 10M; about 12 minutes there on 2 cores)",
    )
    parser.add_argument("--memory", action="store_true", help="also the in-memory engine at 1M")
    parser.add_argument(
        "--memory-limit",
        default="3GB",
        help="DuckDB's memory limit, past which it spills to disk ('' for its default)",
    )
    parser.add_argument(
        "--parquet-above",
        type=int,
        default=10_000_000,
        help="past this many claims, the engine writes each answer to Parquet "
        "(claims.sql.write) instead of returning it as Arrow (default 10M; 0: always)",
    )
    parser.add_argument(
        "--spark-parquet-above",
        type=int,
        default=1_000_000,
        help="the same for Spark (default 1M: its local driver, 4 GB, cannot hold 10M "
        "rows of corroborations as Arrow)",
    )
    parser.add_argument(
        "--tables",
        metavar="DIR",
        help="keep the tables in DIR/<claims> and reuse them when there (default: a "
        "temporary directory, removed afterwards)",
    )
    parser.add_argument(
        "--questions", nargs="+", choices=QUESTIONS, default=list(QUESTIONS), help="the questions"
    )
    parser.add_argument(
        "--duckdb",
        nargs="+",
        default=[],
        metavar="KEY=VALUE",
        help="more DuckDB settings, such as threads=1 or preserve_insertion_order=false",
    )
    parser.add_argument("--one", nargs=6, help=argparse.SUPPRESS)
    parser.add_argument("--in-memory", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        one(*args.one)
        return 0
    if args.in_memory:
        in_memory(args.in_memory)
        return 0
    print(
        f"{'claims':>12} {'engine':<9} {'question':<15} {'seconds':>9} {'CPU s':>9} "
        f"{'peak MB':>9} rows"
    )
    for n in args.sizes:
        with contextlib.ExitStack() as stack:
            if args.tables:
                tmp = str(Path(args.tables) / str(n))
            else:
                tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="claims-bench-"))
            if not (Path(tmp) / "claims.parquet").is_file():
                started = time.perf_counter()
                generate(n, Path(tmp))
                took = time.perf_counter() - started
                print(f"{n:>12,} {'(write)':<9} {'tables':<15} {took:9.1f}", flush=True)
            answers = stack.enter_context(tempfile.TemporaryDirectory(prefix="claims-answers-"))
            engines = ["duckdb"] + (["spark"] if args.spark and n <= args.spark_max else [])
            for engine in engines:
                for q in args.questions:
                    above = args.spark_parquet_above if engine == "spark" else args.parquet_above
                    out = f"{answers}/{engine}-{q}.parquet" if n > above else ""
                    config = json.dumps(dict(kv.split("=", 1) for kv in args.duckdb))
                    r = _child("--one", q, tmp, engine, args.memory_limit, out, config)
                    to = " (to Parquet)" if out else ""
                    print(
                        f"{n:>12,} {engine:<9} {q:<15} {r['seconds']:9.1f} {r['cpu']:9.1f} "
                        f"{r['peak_kb'] / 1024:9.0f} {int(r['rows']):,}{to}",
                        flush=True,
                    )
        if args.memory and n <= 1_000_000:
            r = _child("--in-memory", str(n))
            for q in ("build", *QUESTIONS):
                print(
                    f"{n:>12,} {'memory':<9} {q:<15} {r[q]:9.1f} {r[q + ' cpu']:9.1f} "
                    f"{r['peak_kb'] / 1024:9.0f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
