"""The ``claims draft`` command: draft the attributions of a news text as claims."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from .._describe import describe
from .._model import Actor, ActorKind, Source, fingerprint
from .._terminal import terminal_safe
from .._words import plural
from ..dossier import Dossier
from ..draft import compare, dossier, name_key, review
from ..exceptions import ClaimsError
from ..json import dump, dumps
from ._load import load_or_report, say_error
from ._output import safe_json, safe_text

__all__ = ["add_parser", "run"]

_SOURCE_LINE = re.compile(r"^Source:\s*(?P<p>.+?)(?:\s+and\s+news\s+agencies)?\s*$", re.MULTILINE)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``draft`` to the subcommands of the ``claims`` parser.

    Args:
        subparsers: What ``ArgumentParser.add_subparsers`` returned.

    Returns:
        The ``draft`` parser.
    """
    draft: argparse.ArgumentParser = subparsers.add_parser(
        "draft", help="draft the attributions of a news text as claims for review"
    )
    draft.add_argument("article", metavar="ARTICLE", help="the article, a UTF-8 text file")
    draft.add_argument(
        "--show", action="store_true", help="print the article with each attribution marked"
    )
    draft.add_argument("--into", metavar="DOSSIER", help="match actors of (and add to) a dossier")
    draft.add_argument(
        "--source-id", metavar="ID", help="the article's source id (default: file name)"
    )
    draft.add_argument(
        "--publisher",
        metavar="NAME",
        help="who published it (default: the article's 'Source:' line, else 'publisher')",
    )
    draft.add_argument("--url", metavar="URL", help="where the article was published")
    draft.add_argument("-o", "--output", metavar="OUT.json", help="write here (default: stdout)")
    draft.add_argument(
        "--compare",
        metavar="DOSSIER",
        help="with -o: say which attributed claims of DOSSIER (the analyst's dossier of "
        "the same article, with the same source id) the drafts found and missed",
    )
    draft.set_defaults(run=run)
    return draft


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"


def _publisher(name: str, known: dict[str, Actor]) -> Actor:
    keys = name_key(name)
    for actor in known.values():
        if any(keys & name_key(n) for n in (actor.name, *actor.aliases)) or actor.id == name:
            return actor
    return Actor(_slug(name), name=name, kind=ActorKind.MEDIA_OUTLET, draft=True)


def run(args: argparse.Namespace) -> int:
    """Run ``claims draft``; returns the exit status."""
    path = Path(args.article)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        said = f"{path}: cannot read the article: {exc}"
        print(terminal_safe(said), file=sys.stderr)
        return 1
    if args.show:
        sys.stdout.write(safe_text(review(text)))
        return 0
    into = None
    if args.into:
        into = load_or_report(args.into)
        if into is None:
            return 1
    found = _SOURCE_LINE.search(text)
    name = args.publisher or (found.group("p") if found else "publisher")
    publisher = _publisher(name, dict(into.actors) if into is not None else {})
    title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    source_id = args.source_id or _slug(path.stem)
    if into is not None and source_id in into.sources:
        source = into.source(source_id)
    else:
        source = Source(
            source_id, title=title, publisher=publisher.id, url=args.url, sha256=fingerprint(text)
        )
    try:
        drafted = dossier(text, source=source, publisher=publisher, into=into)
        if args.output:
            dump(drafted, args.output)
        else:
            sys.stdout.write(safe_json(dumps(drafted)) + "\n")
    except ClaimsError as exc:
        say_error(str(path), exc)
        return 1
    if args.output:
        n = sum(1 for c in drafted.claims.values() if c.draft)
        said = f"{plural(n, 'drafted claim')} from {terminal_safe(str(path))}"
        print(f"{terminal_safe(args.output)}: {said}", file=sys.stderr)
    if args.compare:
        return _compare(drafted, args.compare, source_id)
    return 0


def _compare(drafted: Dossier, path: str, source_id: str) -> int:
    reference = load_or_report(path)
    if reference is None:
        return 1
    try:
        result = compare(drafted, reference, source=source_id)
    except ClaimsError as exc:
        say_error(path, exc)
        return 1
    total = len(result.found) + len(result.missed)
    found = f"{len(result.found):,} of {plural(total, 'attributed claim')} drafted"
    lines = [f"against {path}: {found}"]
    for ref, draft in result.found:
        lines.append(f"  found   {ref} <- {draft}: {describe(drafted.claim(draft), drafted)}")
    for ref in result.missed:
        lines.append(f"  missed  {ref}: {describe(reference.claim(ref), reference)}")
    for draft in result.extra:
        lines.append(f"  extra   {draft}: {describe(drafted.claim(draft), drafted)}")
    for line in lines:
        print(terminal_safe(line))
    return 0
