"""The integrity rules in one place: references, kinds, labels and the status rule."""

from __future__ import annotations

import re
from typing import Any, get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from claims import Dossier, Link, LinkKind, Record, StatusKind
from claims import strategies as cst
from claims._integrity import KINDS, check, label, references, status_of


def _at(record: Any, path: str) -> Any:
    """The value at `path` (``.chain[0].quote.source``) of `record`."""
    value = record
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        value = getattr(value, name) if name else value[int(index)]
    return value


@settings(max_examples=30)
@given(cst.dossiers(max_claims=8, max_links=6))
def test_each_reference_names_a_record_held_of_its_kind(dossier: Dossier) -> None:
    held = {
        "actor": dossier.actors,
        "source": dossier.sources,
        "event": dossier.events,
        "claim": dossier.claims,
    }
    for record in dossier.records():
        for path, kind, id in references(record):
            assert _at(record, path) == id
            assert id in held[kind]


@settings(max_examples=30)
@given(cst.dossiers(max_claims=8, max_links=6))
def test_a_dossier_passes_its_own_check_and_refuses_itself_again(dossier: Dossier) -> None:
    records = list(dossier.records())
    assert check(Dossier(), records) == []
    found = check(dossier, records)
    assert len(found) == len(records)
    assert [i for i, _, _ in found] == list(range(len(records)))


def test_every_kind_of_record_has_a_kind_and_a_label() -> None:
    assert set(KINDS) == set(get_args(Record))
    assert label(Link(LinkKind.SUPPORTS, "a", "b")) == "link 'a' supports 'b'"
    assert label(object()) == "object"


@given(st.lists(st.sampled_from(list(LinkKind)), max_size=6))
def test_a_retraction_outweighs_a_supersession(kinds: list[LinkKind]) -> None:
    links = [Link(kind, f"c{i}", "target") for i, kind in enumerate(kinds)]
    status = status_of(links)
    retracting = [x.claim for x in links if x.kind is LinkKind.RETRACTS]
    superseding = [x.claim for x in links if x.kind is LinkKind.SUPERSEDES]
    if retracting:
        assert (status.kind, status.by) == (StatusKind.RETRACTED, retracting[0])
    elif superseding:
        assert (status.kind, status.by) == (StatusKind.SUPERSEDED, superseding[0])
    else:
        assert (status.kind, status.by) == (StatusKind.ACTIVE, None)
