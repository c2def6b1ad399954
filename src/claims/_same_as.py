"""Identifiers as schema.org ``sameAs`` URLs, and back (for `claims.claimreview`)."""

from __future__ import annotations

from ._model import Identifier

__all__ = ["SAME_AS", "identifier_of", "identifiers_lost", "same_as"]

SAME_AS = {
    "wikidata": "https://www.wikidata.org/entity/",
    "isni": "https://isni.org/isni/",
    "orcid": "https://orcid.org/",
    "viaf": "https://viaf.org/viaf/",
}
"""The URL prefix of each scheme whose ids have one."""


def same_as(identifier: Identifier) -> str | None:
    """The sameAs URL of `identifier`, or None where its scheme has no URL."""
    if identifier.scheme == "url":
        return identifier.value
    prefix = SAME_AS.get(identifier.scheme)
    return None if prefix is None else prefix + identifier.value


def identifier_of(url: str) -> Identifier:
    """The identifier a sameAs URL names (`same_as` backwards)."""
    for scheme, prefix in SAME_AS.items():
        if url.startswith(prefix):
            return Identifier(scheme, url[len(prefix) :])
    return Identifier("url", url)


def identifiers_lost(name: str, identifiers: tuple[Identifier, ...]) -> list[str]:
    """What of `identifiers` (of the record labelled `name`) sameAs cannot hold."""
    lost = []
    for i, identifier in enumerate(identifiers):
        url = same_as(identifier)
        if url is None:
            lost.append(f"{name}.identifiers: [{i}] not written: {identifier.scheme} has no URL")
        elif identifier_of(url) != identifier:
            lost.append(f"{name}.identifiers: [{i}] read back as {identifier_of(url).scheme}")
    return lost
