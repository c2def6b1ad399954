"""claims: who claimed what, how we know, and how much to believe it.

Importing it also imports `claims.views`, so that records, dossiers and the
analysis answers display as short HTML and Markdown in notebooks.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from . import analysis, draft, store, times, views
from ._describe import describe
from ._model import (
    Actor,
    ActorKind,
    ActorRef,
    Affiliation,
    Assessment,
    Claim,
    Event,
    EventRef,
    Hop,
    Identifier,
    Link,
    LinkKind,
    NoValue,
    PartOfDay,
    Place,
    Precision,
    Proposition,
    Qualifier,
    Quantity,
    Quote,
    Review,
    Source,
    Stance,
    Status,
    StatusKind,
    Subject,
    Text,
    TieNature,
    Unknown,
    Value,
    When,
    fingerprint,
    topic_proposition,
)
from ._schema import json_schema
from .confidence import AnalyticConfidence, Credibility, Likelihood, Reliability
from .dossier import Dossier, Record
from .exceptions import (
    ClaimsError,
    IntegrityError,
    InvalidTypeError,
    InvalidValueError,
    LoadError,
    NameLookupError,
    Problem,
    StorageError,
    StoreError,
    TimeWordsError,
    UnknownIdError,
    UnresolvedTimeError,
)
from .json import SCHEMA_VERSION, dump, dumps, load, loads
from .jsonl import dump_lines, iter_load, load_lines
from .times import when_from_words

try:
    __version__ = version("claims")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ActorRef",
    "Affiliation",
    "AnalyticConfidence",
    "Assessment",
    "Claim",
    "ClaimsError",
    "Credibility",
    "Dossier",
    "Event",
    "EventRef",
    "Hop",
    "Identifier",
    "IntegrityError",
    "InvalidTypeError",
    "InvalidValueError",
    "Likelihood",
    "Link",
    "LinkKind",
    "LoadError",
    "NameLookupError",
    "NoValue",
    "PartOfDay",
    "Place",
    "Precision",
    "Problem",
    "Proposition",
    "Qualifier",
    "Quantity",
    "Quote",
    "Record",
    "Reliability",
    "Review",
    "Source",
    "Stance",
    "Status",
    "StatusKind",
    "StorageError",
    "StoreError",
    "Subject",
    "Text",
    "TieNature",
    "TimeWordsError",
    "Unknown",
    "UnknownIdError",
    "UnresolvedTimeError",
    "Value",
    "When",
    "__version__",
    "analysis",
    "describe",
    "draft",
    "dump",
    "dump_lines",
    "dumps",
    "fingerprint",
    "iter_load",
    "json_schema",
    "load",
    "load_lines",
    "loads",
    "store",
    "times",
    "topic_proposition",
    "views",
    "when_from_words",
]


def __getattr__(name: str) -> Any:
    if name == "serialize":  # deprecated; importing it warns
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
