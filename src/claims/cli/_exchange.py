"""``claims import`` options, and other tools' documents (STIX, MISP, ClaimReview) as dossiers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..dossier import Dossier
from ..exceptions import ClaimsError
from ._interop import SCALES

__all__ = ["add_import_options", "convert"]


def add_import_options(command: argparse.ArgumentParser) -> None:
    """The ``--from``, ``--scale`` and ``--update`` options of ``claims import``."""
    command.add_argument(
        "--from",
        dest="from_format",
        choices=("stix", "misp", "claimreview"),
        help="the FILEs are STIX 2.1 bundles, MISP events or schema.org ClaimReview "
        "JSON-LD (a feed, or an HTML page holding it), not claims documents; "
        "what they cannot express is listed on stderr",
    )
    command.add_argument(
        "--scale",
        choices=(*SCALES, "none"),
        default="none",
        help="read a STIX confidence without the claims extension as a likelihood (dni) "
        "or a credibility (admiralty-credibility); default none: listed as not read",
    )
    command.add_argument(
        "--update",
        action="store_true",
        help="records the store holds with other content are replaced (the old version "
        "is kept in its history), identical ones skipped; prints added, updated, unchanged",
    )


def convert(path: str, fmt: str, scale_name: str) -> tuple[Dossier, tuple[str, ...]]:
    """The dossier in a STIX bundle, MISP event or ClaimReview, and what it could not express.

    Args:
        path: The file.
        fmt: ``"stix"``, ``"misp"`` or ``"claimreview"``.
        scale_name: How to read a STIX confidence (a ``--scale`` choice).

    Raises:
        LoadError: It is not a valid document of that format.
        ClaimsError: It cannot be read as JSON.
    """
    if fmt == "claimreview":  # JSON, or an HTML page with JSON-LD in it
        from ..claimreview import from_claimreview

        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise ClaimsError(f"cannot read it: {exc}") from None
        reviews = from_claimreview(text)
        return reviews.dossier, reviews.lost
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ClaimsError(f"cannot read it as JSON: {exc}") from None
    if fmt == "stix":
        from ..confidence import StixScale
        from ..stix import from_stix_bundle

        scale = StixScale[SCALES[scale_name]] if scale_name != "none" else None
        stix = from_stix_bundle(data, scale=scale)
        return stix.dossier, stix.lost
    from ..misp import from_event

    misp = from_event(data)
    return misp.dossier, misp.lost
