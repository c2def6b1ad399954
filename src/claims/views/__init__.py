"""Where analysts read the answers: an HTML briefing, Markdown, notebook views, tables.

- `html`: a self-contained HTML briefing (findings first, the claims and
  their quotes, the attribution graph and the timeline, filters), safe to
  open whatever the dossier's strings hold;
- `terminal_safe`: text from a document with control and bidi characters
  made visible, for printing on a terminal.
"""

from __future__ import annotations

from .._terminal import terminal_safe
from ._html import SECTIONS, html

__all__ = ["SECTIONS", "html", "terminal_safe"]
