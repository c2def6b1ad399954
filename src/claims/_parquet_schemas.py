"""The Arrow schema of each table `claims.parquet` writes (`SCHEMAS`).

Built on first use, so importing `claims.parquet` does not need pyarrow;
`pyarrow_module` imports it or says how to install it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from .exceptions import ClaimsError

__all__ = ["SCHEMAS", "pyarrow_module", "schemas", "when_fields"]


def pyarrow_module() -> Any:
    """pyarrow (with pyarrow.parquet loaded); a `ClaimsError` saying how to install it."""
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ClaimsError(
            "the Parquet export needs pyarrow: pip install 'claims[parquet]'"
        ) from None
    return pyarrow


def when_fields(name: str) -> list[tuple[str, Any]]:
    """The columns of a `When` called `name`: as written, its offset, and in UTC."""
    pa = pyarrow_module()
    local, utc = pa.timestamp("us"), pa.timestamp("us", tz="UTC")
    return [
        (f"{name}_start", local),
        (f"{name}_end", local),
        (f"{name}_offset", pa.int32()),
        (f"{name}_precision", pa.string()),
        (f"{name}_start_utc", utc),
        (f"{name}_end_utc", utc),
        (f"{name}_words", pa.string()),
        (f"{name}_part", pa.string()),
    ]


def schemas() -> dict[str, Any]:
    """The Arrow schema of each table, by table name."""
    pa = pyarrow_module()
    ts = pa.timestamp("us", tz="UTC")
    s, i64, f64, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    identifiers = pa.list_(pa.struct([("scheme", s), ("value", s)]))
    return {
        "claims": pa.schema(
            [
                ("id", s),
                ("position", i64),
                ("claimant", s),
                ("stance", s),
                ("status", s),
                ("status_by", s),
                ("subject_type", s),
                ("subject", s),
                ("predicate", s),
                ("object_type", s),
                ("object_id", s),
                ("object_text", s),
                ("object_value", f64),
                ("object_lower", f64),
                ("object_upper", f64),
                ("object_lower_open", b),
                ("object_upper_open", b),
                ("object_unit", s),
                ("object_approximate", b),
                ("object_identifiers", identifiers),
                ("object_within", identifiers),
                *when_fields("when"),
                ("place", s),
                ("qualifiers", pa.list_(pa.struct([("name", s), ("value", s)]))),
                *when_fields("made"),
                ("reliability", s),
                ("credibility", pa.int8()),
                ("likelihood", s),
                ("confidence", s),
                ("probability", f64),
                ("rationale", s),
                ("assessor", s),
                ("assessed_at", ts),
                ("note", s),
                ("quotes", i64),
                ("hops", i64),
                ("json", s),
                ("also", pa.list_(s)),
                ("topic", s),
                ("reason", s),
                ("stated", b),
            ]
        ),
        "actors": pa.schema(
            [
                ("id", s),
                ("name", s),
                ("kind", s),
                ("part_of", s),
                ("aliases", pa.list_(s)),
                (
                    "affiliations",
                    pa.list_(
                        pa.struct(
                            [
                                ("actor", s),
                                ("note", s),
                                ("nature", s),
                                ("former", pa.bool_()),
                                ("since_utc", ts),
                                ("until_utc", ts),
                            ]
                        )
                    ),
                ),
                ("identifiers", identifiers),
            ]
        ),
        "sources": pa.schema(
            [
                ("id", s),
                ("title", s),
                ("publisher", s),
                ("url", s),
                *when_fields("published"),
                ("retrieved", ts),
                ("sha256", s),
                ("identifiers", identifiers),
            ]
        ),
        "events": pa.schema(
            [
                ("id", s),
                ("description", s),
                *when_fields("when"),
                ("place", s),
            ]
        ),
        "hops": pa.schema(
            [
                ("claim", s),
                ("position", i64),
                ("reporter", s),
                ("cue", s),
                ("source", s),
                ("quote_exact", s),
                ("quote_start", i64),
                ("quote_end", i64),
            ]
        ),
        "quotes": pa.schema(
            [
                ("claim", s),
                ("position", i64),
                ("source", s),
                ("exact", s),
                ("char_start", i64),
                ("char_end", i64),
                ("prefix", s),
                ("suffix", s),
            ]
        ),
        "links": pa.schema([("kind", s), ("claim", s), ("target", s), ("note", s)]),
        "reviews": pa.schema(
            [
                ("id", s),
                ("claim", s),
                ("reviewer", s),
                ("verdict", s),
                ("rating", f64),
                ("best", f64),
                ("worst", f64),
                ("url", s),
                *when_fields("published"),
                ("first_appearance", s),
                ("appearances", pa.list_(s)),
            ]
        ),
    }


class _Lazy:
    """`SCHEMAS`, built on first use so importing this module does not need pyarrow."""

    def __getitem__(self, table: str) -> Any:
        return schemas()[table]

    def __iter__(self) -> Iterator[str]:
        return iter(schemas())

    def keys(self) -> Iterable[str]:
        return schemas().keys()


SCHEMAS = _Lazy()
"""The Arrow schema of each table, by table name (``SCHEMAS["claims"]``)."""
