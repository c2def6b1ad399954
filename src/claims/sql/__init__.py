"""The analyst's questions as SQL over the Parquet tables, on DuckDB or Spark.

For claims past one machine's memory: each question reads the tables
`claims.parquet` writes and gives the same answer as `claims.analysis`, as a
`pyarrow.Table`, or (`write`) straight into a Parquet file, for answers
larger than memory. DuckDB (embedded, the default) spills to disk; Spark runs
the same queries, transpiled with SQLGlot, in local mode or on a cluster.
Install with ``pip install 'claims[sql]'`` (DuckDB) or
``pip install 'claims[spark]'`` (PySpark); docs/scale.md shows both.

>>> import tempfile, claims
>>> from claims import parquet, sql
>>> out = tempfile.mkdtemp()
>>> _ = parquet.export(claims.load("seeds/baghdad-drone-strike.json"), out)
>>> sql.corroborations(out).column_names
['claim', 'count', 'origins', 'uncounted', 'partial']
"""

from __future__ import annotations

from ._engines import ENGINES, check_java, local_session
from ._output import write
from ._questions import (
    QUESTIONS,
    contradictions,
    corroborations,
    current,
    silences,
    timeline,
    uncertainties,
)

__all__ = [
    "ENGINES",
    "QUESTIONS",
    "check_java",
    "contradictions",
    "corroborations",
    "current",
    "local_session",
    "silences",
    "timeline",
    "uncertainties",
    "write",
]
