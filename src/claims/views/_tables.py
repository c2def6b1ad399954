"""A dossier as tables in memory: Arrow, and pandas or Polars through Arrow.

The tables are exactly those `claims.parquet.export` writes (the same
names, columns and types), read back into memory. Importing this module
makes them the dossier's own methods too (`Dossier.to_arrow`, ...).
"""

from __future__ import annotations

import importlib
import tempfile
from typing import Any

from .. import parquet
from ..dossier import Dossier, install_tables
from ..exceptions import ClaimsError

__all__ = ["to_arrow", "to_pandas", "to_polars"]


def _module(name: str, extra: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ClaimsError(f"this view needs {name.split('.')[0]}: pip install {extra}") from None


def to_arrow(dossier: Dossier) -> dict[str, Any]:
    """A `pyarrow.Table` per record kind, with the columns of the Parquet export.

    Args:
        dossier: The dossier.

    Returns:
        The tables by name: ``actors``, ``sources``, ``events``, ``claims``,
        ``hops``, ``quotes``, ``links`` (see `claims.parquet`).

    Raises:
        ClaimsError: pyarrow is not installed.

    >>> import claims, claims.views
    >>> tables = claims.views.to_arrow(claims.load("seeds/baghdad-drone-strike.json"))
    >>> tables["claims"].num_rows, tables["actors"].column("name")[0].as_py()
    (41, 'Al Jazeera')
    """
    pq = _module("pyarrow.parquet", "'claims[views]'")
    # TODO(parquet): build the tables in memory once claims.parquet offers its rows.
    with tempfile.TemporaryDirectory(prefix="claims-arrow-") as tmp:
        files = parquet.export(dossier, tmp)
        return {name: pq.read_table(str(path), memory_map=False) for name, path in files.items()}


def to_pandas(dossier: Dossier) -> dict[str, Any]:
    """A `pandas.DataFrame` per record kind, through `to_arrow`.

    Raises:
        ClaimsError: pyarrow or pandas is not installed.
    """
    _module("pandas", "pandas")
    return {name: table.to_pandas() for name, table in to_arrow(dossier).items()}


def to_polars(dossier: Dossier) -> dict[str, Any]:
    """A `polars.DataFrame` per record kind, through `to_arrow`.

    Raises:
        ClaimsError: pyarrow or polars is not installed.
    """
    polars = _module("polars", "polars")
    return {name: polars.from_arrow(table) for name, table in to_arrow(dossier).items()}


install_tables(arrow=to_arrow, pandas=to_pandas, polars=to_polars)
