"""The import graph of `claims`: dependencies point one way, with no cycle.

Every import statement counts: at module level, under ``TYPE_CHECKING`` and
inside functions alike, so a cycle cannot hide behind any of them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import claims

PACKAGE = Path(claims.__file__).parent


def _modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["claims", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package_of(name: str) -> str:
    """The package a module's relative imports start from."""
    is_package = MODULES[name].name == "__init__.py"
    return name if is_package else name.rpartition(".")[0]


def _targets(name: str, tree: ast.AST) -> Iterator[str]:
    """The modules of `claims` that module `name` imports, anywhere in it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(name).split(".")
                base = base[: len(base) - (node.level - 1)]
                if node.module:
                    base += node.module.split(".")
                module = ".".join(base)
            else:
                module = node.module or ""
            yield module
            for alias in node.names:
                yield f"{module}.{alias.name}"  # `from . import store` imports a module


def _edges(name: str) -> set[str]:
    """What importing `name` runs first: each module it imports, and their packages."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    edges = set()
    own = {name.rsplit(".", i)[0] for i in range(name.count(".") + 1)}
    for target in _targets(name, tree):
        if target not in MODULES:
            continue
        parts = target.split(".")
        for i in range(1, len(parts) + 1):
            step = ".".join(parts[:i])
            if step in MODULES and step not in own and step != name:
                edges.add(step)
    return edges


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph`, as the modules along it, or ``None``."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found is not None:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found is not None:
                return found
    return None


def test_the_reader_sees_every_kind_of_import() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import store\n"
        "from .analysis import contradictions\n"
        "if TYPE_CHECKING:\n"
        "    from .dossier import Dossier\n"
        "def f():\n"
        "    from .serialize import dumps\n"
        "    import claims.graph\n"
    )
    found = set(_targets("claims.prov", ast.parse(source)))
    assert {
        "claims.store",
        "claims.analysis",
        "claims.dossier",
        "claims.serialize",
        "claims.graph",
    } <= found


def test_a_cycle_is_found() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_import_graph_has_no_cycle() -> None:
    graph = {name: _edges(name) for name in MODULES}
    assert graph["claims.analysis.contradictions"] >= {"claims.dossier"}
    assert _cycle(graph) is None


def test_the_dossier_imports_nothing_of_the_analysis() -> None:
    graph = {name: _edges(name) for name in MODULES}
    seen, todo = set(), ["claims.dossier"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += graph[name]
    assert not {n for n in seen if n.startswith("claims.analysis")}
