"""Whatever makes a new dossier from another keeps the other's own vocabulary."""

from __future__ import annotations

import claims
from claims import draft, views
from claims.vocabulary import Predicate, Unit, Vocabulary
from support import SEED

MINE = Vocabulary([Predicate("security_presence", "security presence")], [Unit("people", "p")])


def _seed() -> claims.Dossier:
    return claims.Dossier(claims.load(SEED).records(), vocabulary=MINE)


def test_a_subset_for_a_report_keeps_the_vocabulary() -> None:
    seed = _seed()
    part = views.subset(seed, views.select(seed, claimant=["reuters"]))
    assert len(part.claims) < len(seed.claims)
    assert part.own_vocabulary == MINE


def test_a_draft_into_a_dossier_keeps_its_vocabulary() -> None:
    seed = _seed()
    source = claims.Source("later", title="A later article", publisher="al-jazeera")
    drafted = draft.dossier(
        "The ministry said the strike killed four people.",
        source=source,
        publisher=seed.actor("al-jazeera"),
        into=seed,
    )
    assert len(drafted.claims) > len(seed.claims)
    assert drafted.own_vocabulary == MINE
    alone = draft.dossier(
        "The ministry said so.", source=source, publisher=seed.actor("al-jazeera")
    )
    assert alone.own_vocabulary is None
