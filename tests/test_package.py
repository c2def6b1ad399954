"""The package: version, public names, and what ships."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

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


def test_the_reference_is_generated_for_every_public_module(root: Path) -> None:
    """Each public module has a page whose body is its mkdocstrings directive,
    and the reference page renders the package itself, so every name in
    `claims.__all__` is documented from its docstring."""
    import pkgutil

    modules = pkgutil.iter_modules(claims.__path__)
    public = {f"claims.{m.name}" for m in modules if not m.name.startswith("_")}
    pages = {
        line.removeprefix("::: ").strip()
        for page in (root / "docs" / "api").glob("*.md")
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("::: ")
    }
    assert pages == public
    reference = (root / "docs" / "reference.md").read_text(encoding="utf-8")
    assert "\n::: claims\n" in reference
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (root / "docs" / "api").glob("*.md"):
        assert f"api/{page.name}" in nav, page.name
        assert f"(api/{page.name})" in reference, page.name


@pytest.mark.parametrize("page", ["README.md", "docs/reference.md"])
def test_the_command_lists_name_every_command(
    root: Path, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from claims.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    # The parser's subcommands, as its help lists them under COMMAND.
    commands = set(re.findall(r"^    (\w+) ", capsys.readouterr().out, flags=re.M))
    assert "report" in commands
    text = (root / page).read_text(encoding="utf-8")
    assert set(re.findall(r"^claims (\w+)", text, flags=re.M)) == commands
