"""Runs every example in docs/, the README and the docstrings of src/ as a test."""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser
from sybil.sybil import SybilCollection

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE
_MARKDOWN = [PythonCodeBlockParser(doctest_optionflags=_FLAGS)]

pytest_collect_file = SybilCollection(
    [
        Sybil(parsers=_MARKDOWN, patterns=["*.md"], path="docs"),
        Sybil(parsers=_MARKDOWN, patterns=["README.md"], path=".", excludes=[".venv/*"]),
        Sybil(parsers=[DocTestParser(optionflags=_FLAGS)], patterns=["*.py"], path="src"),
    ]
).pytest()
