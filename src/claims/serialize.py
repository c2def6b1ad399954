"""Deprecated: use `claims.json` (documents and single records).

The converter's functions moved to `claims.json` (``dump``, ``dumps``,
``load``, ``loads``, ``structure``, ``unstructure``, ``encode``,
``SCHEMA_VERSION``); this module still gives every public name it had, and
warns when imported.
"""

from __future__ import annotations

import warnings

from ._convert import (
    SCHEMA_VERSION,
    TAGS,
    converter,
    encode,
    make_converter,
    structure,
    unstructure,
)
from ._files import atomic_writer, write_atomic
from .json import dump, dumps, load, loads

__all__ = [
    "SCHEMA_VERSION",
    "TAGS",
    "atomic_writer",
    "converter",
    "dump",
    "dumps",
    "encode",
    "load",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
    "write_atomic",
]

warnings.warn(
    "claims.serialize is deprecated; use claims.json",
    DeprecationWarning,
    stacklevel=2,
)
