"""The seed dossier models every statement of the article, each quote verified."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import claims
from claims import ActorRef, EventRef, Quantity, Stance, Unknown


@pytest.fixture(scope="module")
def dossier(seed_path: Path) -> claims.Dossier:
    return claims.load(seed_path)


def all_quotes(d: claims.Dossier) -> list[claims.Quote]:
    quotes = [q for c in d.claims.values() for q in c.quotes]
    quotes += [h.quote for c in d.claims.values() for h in c.chain if h.quote is not None]
    return quotes


def test_the_article_is_the_shared_one(root: Path, article: str) -> None:
    shared = root.parent / "shared" / "seeds" / "000_722b12ae6f7ab902.txt"
    if shared.exists():  # beside the checkout in development and CI
        assert shared.read_text(encoding="utf-8") == article


def test_the_source_fingerprint_matches_the_article(article: str, dossier: claims.Dossier) -> None:
    assert dossier.source("aj-article").sha256 == claims.fingerprint(article)


def test_every_claim_has_a_quote(dossier: claims.Dossier) -> None:
    assert [c.id for c in dossier.claims.values() if not c.quotes] == []


def test_every_quote_points_at_its_exact_text(article: str, dossier: claims.Dossier) -> None:
    quotes = all_quotes(dossier)
    assert len(quotes) > 40
    for q in quotes:
        assert q.source == "aj-article"
        assert article[q.start : q.end] == q.exact, q
        assert article[: q.start].endswith(q.prefix), q
        assert article[q.end :].startswith(q.suffix), q


def sentences(text: str) -> list[tuple[int, int, str]]:
    """Every sentence (or headline, caption, credit line) with its offsets."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        for s in re.finditer(r"\S.*?(?:[.!?][”’]?(?=\s|$)|$)", line.group()):
            start = line.start() + s.start()
            out.append((start, start + len(s.group()), s.group()))
    return out


def test_every_statement_of_the_article_is_quoted_by_a_claim(
    article: str, dossier: claims.Dossier
) -> None:
    """Each sentence is mostly covered by claim quotes, so no statement is left out."""
    claim_quotes = [q for c in dossier.claims.values() for q in c.quotes]
    found = sentences(article)
    assert len(found) == 20  # headline, subheading, two captions, 15 sentences, credit
    thin = []
    for start, end, text in found:
        quoted = sum(
            1 for i in range(start, end) if any(q.start <= i < q.end for q in claim_quotes)
        )
        if quoted / (end - start) < 0.55:
            thin.append((round(quoted / (end - start), 2), text))
    assert thin == []


def test_the_script_reproduces_the_committed_json_byte_for_byte(
    seed_path: Path, seeds_dir: Path
) -> None:
    spec = importlib.util.spec_from_file_location("build_seed", seeds_dir / "build_seed.py")
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert claims.dumps(module.build()) == seed_path.read_text(encoding="utf-8")


def test_the_script_uses_only_the_public_api(seeds_dir: Path) -> None:
    tree = ast.parse((seeds_dir / "build_seed.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claims"):
            assert node.module == "claims", node.module
            assert all(alias.name in claims.__all__ for alias in node.names)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "claims"
        ):
            assert node.attr in claims.__all__, node.attr


def test_the_hard_statements(dossier: claims.Dossier) -> None:
    # An office's accusation, relayed by a news outlet.
    pmo = dossier.claim("pmo-coalition-responsible")
    assert pmo.claimant == "iraq-pmo"
    assert dossier.actor("iraq-pmo").part_of == "iraq-gov"
    assert [h.reporter for h in pmo.chain] == ["al-jazeera"]
    assert pmo.chain[0].cue == "said in a statement"
    assert pmo.proposition.subject == ActorRef("coalition")
    assert pmo.proposition.object == EventRef("strike")
    # Casualty figures reported by Reuters, while the total is not clear.
    killed = dossier.claim("reuters-killed")
    assert killed.claimant == "reuters"
    assert killed.proposition.object == Quantity(4, unit="PMF members killed")
    assert dossier.claim("reuters-wounded").proposition.object == Quantity(
        6, unit="PMF members wounded"
    )
    unclear = dossier.claim("aj-casualties-unclear").proposition
    assert isinstance(unclear.object, Unknown)
    assert unclear.subject == killed.proposition.subject
    assert unclear.predicate == killed.proposition.predicate
    # A group's stated motives and aims.
    motives = dossier.claims_by("islamic-resistance-in-iraq")
    assert {c.proposition.predicate for c in motives} == {"motive", "aim"}
    # No immediate comment from US officials, on the accusation itself.
    silence = dossier.claim("us-officials-no-comment")
    assert silence.stance is Stance.NO_COMMENT
    assert silence.proposition == pmo.proposition
    assert dossier.actor("us-officials").kind is claims.ActorKind.UNNAMED_COLLECTIVE
    # Al-Nujaba TV, considered close to the PMF.
    nujaba = dossier.actor("nujaba-tv")
    assert [(a.actor, a.note) for a in nujaba.affiliations] == [("pmf", "considered close to")]


def test_times_claim_no_more_precision_than_the_text(dossier: claims.Dossier) -> None:
    assert dossier.event("strike").when == claims.When.day(
        2024,
        1,
        4,
        tz=dossier.event("strike").when.at.tzinfo,  # type: ignore[union-attr]
    )
    raids = dossier.event("us-raids-december").when
    assert raids is not None
    assert raids.precision is claims.Precision.MONTH  # "last month"
