"""The two engines the questions run on, behind one small interface.

Every query is written once, in DuckDB's dialect; on Spark it is transpiled
with SQLGlot first. An engine registers the tables, runs a statement into a
named temporary table (each step of an iterated join), and hands results
back as Arrow.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Collection, Iterator, Mapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..exceptions import ClaimsError
from ..vocabulary import Vocabulary

TABLES = ("claims", "actors", "sources", "events", "hops", "quotes", "links")
"""The tables `claims.parquet` writes."""

ENGINES = ("duckdb", "spark")
"""The engines a question can run on."""

KEYS = {
    "claims": (
        "id", "position", "claimant", "stance", "subject_type", "subject", "predicate",
        "object_type",
    ),
    "actors": ("id",),
    "sources": ("id",),
    "events": ("id",),
    "hops": ("claim", "position", "reporter"),
    "quotes": ("claim", "position", "source"),
    "links": ("kind", "claim", "target"),
}  # fmt: skip
"""The columns without which a table cannot be read. Any other column of
`claims.parquet.SCHEMAS` a table lacks (an export written before the column
existed, or by another tool) is read as nulls."""


def lacking(table: str, columns: Collection[str], where: str) -> list[str]:
    """The columns of `table`'s schema that a source with `columns` lacks, in schema order.

    Raises:
        ClaimsError: The source lacks one of the table's `KEYS`; `where`
            names it.
    """
    from ..parquet import SCHEMAS

    have = set(columns)
    keys = [c for c in KEYS[table] if c not in have]
    if keys:
        raise ClaimsError(
            f"{where}: no column {', '.join(map(repr, keys))}: not a {table} table "
            "as claims.parquet writes it"
        )
    return [n for n in SCHEMAS[table].names if n not in have]


def completed(table: str, source: Any) -> Any:
    """The Arrow table `source` with any column of `table`'s schema it lacks, as nulls."""
    from ..parquet import SCHEMAS

    pa = importlib.import_module("pyarrow")
    schema = SCHEMAS[table]
    for name in lacking(table, source.schema.names, f"the {table} table given"):
        field = schema.field(name)
        source = source.append_column(field, pa.nulls(source.num_rows, field.type))
    return source


def _module(name: str, extra: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ClaimsError(
            f"claims.sql on {extra} needs {name}: pip install 'claims[{extra}]'"
        ) from None


class Output:
    """Where a question writes its answer instead of returning it: a Parquet path.

    The engine fills in `rows` and `schema` once it has written the answer.

    Attributes:
        path: The Parquet file (DuckDB) or directory of part files (Spark)
            to write, a local path or a URL the engine writes to.
        rows: How many rows were written.
        schema: The Arrow schema of what was written.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.rows = 0
        self.schema: Any = None


_OUTPUT: ContextVar[Output | None] = ContextVar("claims_sql_output", default=None)


@contextlib.contextmanager
def writing(path: str) -> Iterator[Output]:
    """Within this block, the engines write each answer to `path` (see `Engine.arrow`)."""
    output = Output(path)
    token = _OUTPUT.set(output)
    try:
        yield output
    finally:
        _OUTPUT.reset(token)


class Engine:
    """One connection of an engine, with the question's tables registered.

    Attributes:
        names: The name each table has in the engine's SQL, by table name.
        output: Where the answer goes instead of back as Arrow, if anywhere.
        vocabulary: The vocabulary the export carries (its
            ``vocabulary.json``), if any.
    """

    names: dict[str, str]
    output: Output | None = None
    vocabulary: Vocabulary | None = None

    def create(self, name: str, query: str) -> str:
        """Run `query` into a temporary table, computed now; return its name in SQL.

        Every step is computed once and kept (on Spark, a local checkpoint):
        a step read by several later ones is not computed again for each,
        and plans do not grow with the steps of an iteration.
        """
        raise NotImplementedError

    def arrow(self, query: str) -> Any:
        """The result of `query` (a question's answer) as a `pyarrow.Table`.

        With an `output`, the engine writes the result there as Parquet
        instead, in the query's order, and returns an empty table of the
        written schema; the answer never passes through Python.
        """
        raise NotImplementedError

    def scalar(self, query: str) -> Any:
        """The one value `query` returns."""
        raise NotImplementedError

    def lookup(self, query: str) -> Any:
        """The result of `query` as a `pyarrow.Table`, never written to `output`.

        For what a question reads on the way to its answer (the names its
        claims use), which is not the answer.
        """
        output, self.output = self.output, None
        try:
            return self.arrow(query)
        finally:
            self.output = output

    def close(self) -> None:
        """Drop what was made for the question."""


class DuckDB(Engine):
    """An embedded DuckDB connection of its own, in memory, spilling to disk.

    Given a connection, the question runs in a cursor of it: the same
    database and settings (memory limit, threads, where to spill), and
    temporary tables of its own, dropped with the cursor.
    """

    def __init__(self, tables: Mapping[str, Any], session: Any | None = None) -> None:
        duckdb = _module("duckdb", "sql")
        # Its own connection need not keep rows in the order they were made
        # (every answer has its ORDER BY): at 1M claims that saved about a
        # tenth of the CPU time. A lent connection keeps its settings.
        own = {"preserve_insertion_order": False}
        self.con = duckdb.connect(config=own) if session is None else session.cursor()
        self.names = {}
        for table, source in tables.items():
            if isinstance(source, str):
                self.con.sql(f"CREATE TEMP VIEW {table} AS {self._read(table, source)}")
            else:
                self.con.register(table, source)
            self.names[table] = table

    def _read(self, table: str, path: str) -> str:
        """A query of the Parquet file `path`, any column it lacks read as nulls (`lacking`)."""
        duckdb = _module("duckdb", "sql")
        read = f"SELECT * FROM read_parquet({_literal(path)})"
        try:
            columns = [row[0] for row in self.con.sql(f"DESCRIBE {read}").fetchall()]
        except duckdb.Error as exc:
            raise ClaimsError(f"{path}: cannot read it as Parquet: {exc}") from exc
        if not lacking(table, columns, path):
            return read
        from ..parquet import SCHEMAS

        self.con.register(f"{table}_schema", SCHEMAS[table].empty_table())
        return f"SELECT * FROM {table}_schema UNION ALL BY NAME {read}"

    def create(self, name: str, query: str) -> str:
        self.con.sql(f"CREATE OR REPLACE TEMP TABLE {name} AS {query}")
        return name

    def arrow(self, query: str) -> Any:
        if self.output is None:
            return self.con.sql(query).to_arrow_table()
        # SUM gives HUGEINT, which Arrow gets as a decimal and Parquet as a
        # double: written as BIGINT, as the answer's schema has it.
        found = self.con.sql(query)
        columns = ", ".join(
            f"CAST({_name(c)} AS BIGINT) AS {_name(c)}" if t.id == "hugeint" else _name(c)
            for c, t in zip(found.columns, found.types, strict=True)
        )
        final = f"SELECT {columns} FROM ({query}) answer"
        with self._in_order():
            done = self.con.execute(
                f"COPY ({final}) TO {_literal(self.output.path)} (FORMAT PARQUET)"
            ).fetchall()
        self.output.rows = int(done[0][0])
        empty = self.con.sql(f"SELECT * FROM ({final}) answer LIMIT 0").to_arrow_table()
        self.output.schema = empty.schema
        return empty

    @contextlib.contextmanager
    def _in_order(self) -> Iterator[None]:
        """Rows written in the order of the query (a setting of the whole database)."""
        setting = "SELECT current_setting('preserve_insertion_order')"
        if self.con.sql(setting).fetchall()[0][0]:
            yield
            return
        self.con.sql("SET preserve_insertion_order = true")
        try:
            yield
        finally:
            self.con.sql("SET preserve_insertion_order = false")

    def scalar(self, query: str) -> Any:
        rows = self.con.sql(query).fetchall()
        return rows[0][0] if rows else None

    def close(self) -> None:
        self.con.close()


@lru_cache(maxsize=512)
def to_spark(query: str) -> str:
    """`query`, written for DuckDB, in Spark SQL."""
    sqlglot = _module("sqlglot", "spark")
    tree = sqlglot.parse_one(query, read="duckdb").transform(_spark_hash)
    return str(tree.sql(dialect="spark"))


def _spark_hash(node: Any) -> Any:
    """DuckDB's 64-bit ``HASH(a, b)`` as Spark's ``XXHASH64(a, a IS NULL, b, b IS NULL)``.

    Spark's ``HASH`` has 32 bits, and its hashes skip nulls (so ``(1, NULL)``
    and ``(NULL, 1)`` would hash alike): each value is followed by whether
    it is null.
    """
    exp = importlib.import_module("sqlglot.expressions")
    if not isinstance(node, exp.Anonymous) or str(node.this).upper() != "HASH":
        return node
    values = [
        v for e in node.expressions for v in (e, exp.Is(this=e.copy(), expression=exp.Null()))
    ]
    return exp.Anonymous(this="XXHASH64", expressions=values)


class Spark(Engine):
    """A Spark session (given, or a local one), with temporary views of this question."""

    def __init__(self, tables: Mapping[str, Any], session: Any | None) -> None:
        self.session = session if session is not None else local_session()
        self.prefix = f"claims_{uuid.uuid4().hex[:12]}_"
        self.views: list[str] = []
        self.names = {}
        for table, source in tables.items():
            if isinstance(source, str):
                frame = self._read(table, source)
            else:
                frame = self.session.createDataFrame(_without_empty_batches(source))
            self.names[table] = self._view(table, frame)

    def _read(self, table: str, path: str) -> Any:
        """The Parquet file `path`, any column it lacks read as nulls (`lacking`)."""
        errors = _module("pyspark.errors", "spark")
        try:
            frame = self.session.read.parquet(path)
        except errors.PySparkException as exc:
            raise ClaimsError(f"{path}: cannot read it as Parquet: {exc}") from exc
        if not lacking(table, frame.columns, path):
            return frame
        from ..parquet import SCHEMAS

        empty = self.session.createDataFrame(SCHEMAS[table].empty_table())
        return empty.unionByName(frame, allowMissingColumns=True)

    def _view(self, name: str, frame: Any) -> str:
        view = self.prefix + name
        frame.createOrReplaceTempView(view)
        self.views.append(view)
        return view

    def create(self, name: str, query: str) -> str:
        return self._view(name, self.session.sql(to_spark(query)).localCheckpoint())

    def arrow(self, query: str) -> Any:
        frame = self.session.sql(to_spark(query))
        if self.output is None:
            return frame.toArrow()
        # Spark's timestamps are instants; the answer's are UTC wall times
        # without a zone, as `toArrow` and the cast to the answer give them.
        zone = self.session.conf.get("spark.sql.session.timeZone")
        self.session.conf.set("spark.sql.session.timeZone", "UTC")
        try:
            for field in frame.schema.fields:
                if field.dataType.typeName() == "timestamp":
                    frame = frame.withColumn(field.name, frame[field.name].cast("timestamp_ntz"))
            # One part file per partition, numbered in the order of the query.
            frame.write.mode("overwrite").parquet(self.output.path)
        finally:
            self.session.conf.set("spark.sql.session.timeZone", zone)
        written = self.session.read.parquet(self.output.path)
        self.output.rows = written.count()
        empty = written.limit(0).toArrow()
        self.output.schema = empty.schema
        return empty

    def scalar(self, query: str) -> Any:
        row = self.session.sql(to_spark(query)).first()
        return None if row is None else row[0]

    def close(self) -> None:
        for view in self.views:
            self.session.catalog.dropTempView(view)


def _without_empty_batches(table: Any) -> Any:
    """`table` without its empty record batches, and with no column sliced.

    PySpark's ``createDataFrame`` drops every row after an empty batch of an
    Arrow table (as ``pyarrow.concat_tables`` leaves after an empty table),
    fails on a table with no batch at all, and fails on a sliced column
    (one with an offset) of lists of structs with nulls ("Null bitmap with
    offsets slice not supported"): such a table is copied whole.
    """
    batches = [b for b in table.to_batches() if b.num_rows]
    if not batches:
        return table.schema.empty_table()
    whole = type(table).from_batches(batches, schema=table.schema)
    if any(chunk.offset for column in whole.columns for chunk in column.chunks):
        whole = whole.combine_chunks().take(list(range(whole.num_rows)))
    return whole


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _name(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def check_java() -> None:
    """Fail with a clear error when no Java runtime is found for Spark.

    Raises:
        ClaimsError: ``java -version`` cannot be run.
    """
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if java is None:
        raise ClaimsError(
            "Spark needs Java 17 or later and no `java` was found: install a JRE "
            "(e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
        )
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ClaimsError(
            f"Spark needs Java 17 or later, and `{java} -version` failed: {exc}"
        ) from exc


_SESSION: list[Any] = []


def local_session() -> Any:
    """A local Spark session for this process, made on first use and then reused.

    Raises:
        ClaimsError: PySpark is not installed, or Java is missing.
    """
    sql = _module("pyspark.sql", "spark")
    if _SESSION:
        return _SESSION[0]
    active = sql.SparkSession.getActiveSession()
    if active is not None:
        _SESSION.append(active)
        return active
    check_java()
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("claims")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # Local mode does all its work in the driver. At 1M claims, with 2 GB
        # and Spark's broadcast joins (tables estimated under 10 MB are
        # copied whole to every task), a broadcast ran out of memory: only
        # tables under 1 MB (the vocabulary's names, a few actors) are
        # broadcast; larger joins sort and merge, which spill.
        .config("spark.driver.memory", "4g")
        .config("spark.sql.autoBroadcastJoinThreshold", "1m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    _SESSION.append(session)
    return session


def _is_store(path: Path) -> bool:
    if not path.is_file():
        return False
    with path.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


@contextlib.contextmanager
def sources(tables: Any) -> Iterator[dict[str, Any]]:
    """Each table's source: a Parquet path or URL, or an Arrow table.

    A SQLite store is exported to Parquet in a temporary directory first,
    removed afterwards.

    Raises:
        ClaimsError: `tables` is none of a directory or URL of an export, a
            mapping of Arrow tables, or a store.
    """
    if isinstance(tables, Mapping):
        from ..parquet import SCHEMAS

        yield {
            name: completed(name, tables[name]) if name in tables else SCHEMAS[name].empty_table()
            for name in TABLES
        }
        return
    if not isinstance(tables, (str, os.PathLike)):
        raise ClaimsError(
            f"tables must be a Parquet export directory or URL, a mapping of Arrow tables "
            f"or a store path, not {type(tables).__name__}"
        )
    text = os.fspath(tables)
    if "://" in text:
        yield {name: f"{text.rstrip('/')}/{name}.parquet" for name in TABLES}
        return
    path = Path(text)
    if _is_store(path):
        from .. import parquet, store

        with tempfile.TemporaryDirectory(prefix="claims-sql-") as tmp:
            try:
                with store.open(path, read_only=True) as s:
                    parquet.export(s, tmp)
            except sqlite3.Error as exc:
                raise ClaimsError(f"{path}: cannot read the store: {exc}") from exc
            yield {name: str(Path(tmp) / f"{name}.parquet") for name in TABLES}
        return
    if not path.is_dir() or not (path / "claims.parquet").is_file():
        raise ClaimsError(
            f"{path}: not a Parquet export (no claims.parquet; write one with "
            "`claims export FILE DIR --format parquet`) and not a store"
        )
    from ..parquet import SCHEMAS

    # A table an export leaves out (one written by other tools) is empty.
    yield {
        name: str(path / f"{name}.parquet")
        if (path / f"{name}.parquet").is_file()
        else SCHEMAS[name].empty_table()
        for name in TABLES
    }


def carried(found: Mapping[str, Any]) -> Vocabulary | None:
    """The vocabulary of a local export (its ``vocabulary.json``; a store's own), if any.

    Arrow tables and exports at a URL carry none that is read here: their
    vocabulary is given to the question.
    """
    claims = found.get("claims")
    if not isinstance(claims, str) or "://" in claims:
        return None
    from ..parquet import vocabulary

    return vocabulary(Path(claims).parent)


@contextlib.contextmanager
def engine(tables: Any, name: str, session: Any | None) -> Iterator[Engine]:
    """An engine `name` with `tables` registered, closed afterwards.

    Raises:
        ClaimsError: An unknown engine, or one whose library is missing.
    """
    if name not in ENGINES:
        raise ClaimsError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    with sources(tables) as found:
        made: Engine = DuckDB(found, session) if name == "duckdb" else Spark(found, session)
        made.output = _OUTPUT.get()
        made.vocabulary = carried(found)
        try:
            yield made
        finally:
            made.close()
