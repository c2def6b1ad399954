"""The package: version, public names, and what ships."""

from __future__ import annotations

import importlib.metadata

import claims


def test_installed_version_matches() -> None:
    assert claims.__version__ == importlib.metadata.version("claims")


def test_all_names_exist() -> None:
    assert len(set(claims.__all__)) == len(claims.__all__)
    for name in claims.__all__:
        assert hasattr(claims, name), name


def test_the_contract_names() -> None:
    for name in [
        "Actor",
        "Source",
        "Quote",
        "Claim",
        "Proposition",
        "Stance",
        "Assessment",
        "Dossier",
        "ClaimsError",
        "load",
        "dump",
        "loads",
        "dumps",
    ]:
        assert name in claims.__all__
    import claims.strategies as strategies

    assert callable(strategies.dossiers)
    assert callable(strategies.claims)


def test_every_error_class_is_a_claims_error() -> None:
    import claims.exceptions as exc

    for name in exc.__all__:
        obj = getattr(exc, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            assert issubclass(obj, claims.ClaimsError), name


def test_the_reference_page_names_every_public_name() -> None:
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "reference.md").read_text(encoding="utf-8")
    missing = [n for n in claims.__all__ if f"`{n}`" not in page and f"`{n}(" not in page]
    assert missing == []
