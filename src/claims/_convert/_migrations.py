"""Schema versions: the one version check, and upgrades of older documents.

`check_version` is the gate every reader of the format passes (documents,
JSON Lines headers, the store's records). Each upgrade step is a function
registered with `migration` for the version it upgrades *from*; it takes the
plain JSON data of a document of that version and returns the data of the
next version, without changing its argument. `migrate` chains the steps. A
step only rewrites what it recognises and leaves anything malformed as it
is, for the loader to report with its path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._cut import cut
from ..exceptions import ClaimsError, LoadError, Problem

__all__ = [
    "OLDEST_WRITTEN",
    "REVIEWS_SINCE",
    "SCHEMA_VERSION",
    "Step",
    "check_version",
    "migrate",
    "migration",
    "steps",
    "version_for",
]

SCHEMA_VERSION = 4
"""The newest version of the document format, which this release reads and writes.

Older documents are upgraded on load by the steps registered here: version 2
tags an explicit none (`NoValue`) ``"no_value"`` where version 1 wrote
``"none"``, which read like the absence of a value rather than a claim that
there is none; version 3 adds fact-checkers' reviews (`Review`), a section
a version 2 document does not have; version 4 adds fields and members that
older releases refuse (see `claims._convert.version_of`) and the dossier's
own vocabulary (a ``vocabulary`` section), and nothing a version 3 document
has changes meaning. A later change to the form of a vocabulary is a new
version whose step rewrites that section.
"""

REVIEWS_SINCE = 3
"""The first version whose documents can hold reviews."""

OLDEST_WRITTEN = REVIEWS_SINCE - 1
"""The oldest version this release writes: a dossier that needs nothing newer."""


def version_for(*, reviews: bool, newer: bool = False) -> int:
    """The version to write a document in: the oldest that holds what it has.

    A dossier without reviews is written as version 2, byte for byte as
    releases before reviews wrote it (and as they still read it); one with
    reviews as version 3; one using anything added in version 4 (`newer`)
    as `SCHEMA_VERSION`.

    >>> version_for(reviews=False), version_for(reviews=True)
    (2, 3)
    >>> version_for(reviews=False, newer=True)
    4
    """
    if newer:
        return SCHEMA_VERSION
    return REVIEWS_SINCE if reviews else OLDEST_WRITTEN


Step = Callable[[dict[str, Any]], dict[str, Any]]
"""One upgrade: the data of a version-N document to that of version N + 1."""

_STEPS: dict[int, Step] = {}


def check_version(version: object, where: str) -> int:
    """The schema version of what is being read, if this release reads it.

    Args:
        version: The ``schema_version`` found.
        where: The path to report a problem at (``"schema_version"``,
            ``"line 1: schema_version"``).

    Returns:
        The version, at least 1 and at most `SCHEMA_VERSION`; an older one
        is upgraded with `migrate`.

    Raises:
        LoadError: It is not an integer, not a version of the format, or
            newer than this release reads.
    """
    if type(version) is not int:
        raise LoadError([Problem(where, f"must be an integer, not {cut(version)}")])
    if version > SCHEMA_VERSION:
        raise LoadError(
            [
                Problem(
                    where,
                    f"{version} is newer than this release of claims reads "
                    f"({SCHEMA_VERSION}); upgrade claims to read it",
                )
            ]
        )
    if version < 1:
        raise LoadError([Problem(where, f"{version} is not a version of the format")])
    return version


def migration(from_version: int) -> Callable[[Step], Step]:
    """Register the step that upgrades documents of `from_version`.

    Args:
        from_version: The version the step reads; it writes the next one.

    Raises:
        ClaimsError: A step from that version is already registered.
    """

    def register(step: Step) -> Step:
        if from_version in _STEPS:
            raise ClaimsError(
                f"a migration from schema version {from_version} is already registered"
            )
        _STEPS[from_version] = step
        return step

    return register


def steps() -> dict[int, Step]:
    """The registered steps, by the version each upgrades from."""
    return dict(_STEPS)


def migrate(data: dict[str, Any], *, to: int) -> dict[str, Any]:
    """Upgrade the data of a document to version `to`, step by step.

    Args:
        data: A document whose integer ``schema_version`` is at most `to`.
        to: The version wanted.

    Raises:
        LoadError: No step is registered for one of the versions on the way.
    """
    version: int = data["schema_version"]
    while version < to:
        step = _STEPS.get(version)
        if step is None:
            raise LoadError(
                [
                    Problem(
                        "schema_version",
                        f"no migration from version {version} to {version + 1} is registered",
                    )
                ]
            )
        data = {**step(data), "schema_version": version + 1}
        version += 1
    return data


# --------------------------------------------------------------------------
# The steps


@migration(from_version=1)
def _tag_no_value(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 tagged an explicit none ``"none"``; version 2 tags it ``"no_value"``."""
    claims = data.get("claims")
    if type(claims) is not list:
        return data
    return {**data, "claims": [_claim_v2(claim) for claim in claims]}


def _claim_v2(claim: Any) -> Any:
    if type(claim) is not dict or type(claim.get("proposition")) is not dict:
        return claim
    value = claim["proposition"].get("object")
    if type(value) is not dict or value.get("type") != "none":
        return claim
    return {
        **claim,
        "proposition": {**claim["proposition"], "object": {**value, "type": "no_value"}},
    }


@migration(from_version=2)
def _no_reviews(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds a ``reviews`` section; a version 2 document has none to change."""
    return data


@migration(from_version=3)
def _nothing_renamed(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 only adds optional fields and members; a version 3 document reads as it is."""
    return data
