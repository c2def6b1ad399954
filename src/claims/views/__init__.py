"""Where analysts read the answers: a briefing, notebook views, tables, safe terminal text.

- `report`: the text report, findings first, then who claimed what, with
  filters (`select`), sections (`REPORT_SECTIONS`) and a limit per section;
  `report_json`: the same report as JSON-ready data; `subset`: the dossier of
  the claims a selection keeps, for the briefings;
- `html`: a self-contained HTML briefing (findings first, the claims and
  their quotes, the attribution graph and the timeline, filters in the
  page) that works offline and stays inert whatever the dossier's strings
  hold; `markdown`: the same briefing as Markdown, without the pictures;
- `summary`, `record_html`, `record_markdown`, `claim_html`,
  `claim_markdown`, `dossier_html`, `dossier_markdown`: short views for
  notebooks, which records, dossiers and answers display by themselves once
  this package is imported (``import claims`` imports it; `register` also
  installs them as IPython formatters);
- `to_arrow`, `to_pandas`, `to_polars`: the Parquet export's tables in
  memory, also the dossier's own methods (`Dossier.to_arrow`, ...);
- `terminal_safe`: text from a document with control and bidi characters
  made visible, for printing on a terminal.
"""

from __future__ import annotations

from .._terminal import terminal_safe
from ._html import SECTIONS, html
from ._markdown import markdown
from ._notebook import (
    RECORD_TYPES,
    claim_html,
    claim_markdown,
    dossier_html,
    dossier_markdown,
    record_html,
    record_markdown,
    register,
    summary,
)
from ._report import MIN_WIDTH, assessment_words, report
from ._report_json import report_json
from ._report_plan import DEFAULT_LIMIT, REPORT_SECTIONS, ReportError, Selection, select, subset
from ._tables import to_arrow, to_pandas, to_polars

__all__ = [
    "DEFAULT_LIMIT",
    "MIN_WIDTH",
    "RECORD_TYPES",
    "REPORT_SECTIONS",
    "SECTIONS",
    "ReportError",
    "Selection",
    "assessment_words",
    "claim_html",
    "claim_markdown",
    "dossier_html",
    "dossier_markdown",
    "html",
    "markdown",
    "record_html",
    "record_markdown",
    "register",
    "report",
    "report_json",
    "select",
    "subset",
    "summary",
    "terminal_safe",
    "to_arrow",
    "to_pandas",
    "to_polars",
]
