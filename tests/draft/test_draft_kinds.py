"""The kinds of actor `claims.draft.dossier` gives the speakers it finds."""

from __future__ import annotations

import pytest

import claims
from claims import ActorKind
from claims.draft import dossier

AJ = claims.Actor("aj", name="Al Jazeera", kind=ActorKind.MEDIA_OUTLET)
ARTICLE = claims.Source("a1", title="A strike", publisher="aj")


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("A senior official", ActorKind.UNNAMED_INDIVIDUAL),
        ("A spokesperson for the army", ActorKind.UNNAMED_INDIVIDUAL),
        ("The Health Ministry", ActorKind.HEALTH_AUTHORITY),
        ("The United Nations", ActorKind.INTERNATIONAL_ORGANISATION),
        ("The Supreme Court", ActorKind.COURT),
        ("The police", ActorKind.SECURITY_SERVICE),
        ("The Labour Party", ActorKind.POLITICAL_PARTY),
        ("The dockworkers' union", ActorKind.TRADE_UNION),
        ("Amnesty International", ActorKind.NON_GOVERNMENTAL_ORGANISATION),
        ("The Catholic Church", ActorKind.RELIGIOUS_BODY),
        ("Kessa Maritime Ltd", ActorKind.COMPANY),
        ("US officials", ActorKind.UNNAMED_COLLECTIVE),
        ("The ministry", ActorKind.GOVERNMENT_BODY),
    ],
)
def test_a_speaker_gets_the_kind_its_words_name(speaker: str, kind: ActorKind) -> None:
    d = dossier(f"{speaker} said the strike killed four people.", source=ARTICLE, publisher=AJ)
    (claim,) = d.claims.values()
    assert d.actor(claim.claimant).kind is kind
