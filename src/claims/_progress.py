"""A progress bar on stderr for long commands, drawn by tqdm.

The bar shows how far, how fast and how long is left, and is cut to the
width it is given (the terminal's, by default), so redrawing it in place
never wraps into a trail of lines:

>>> import io
>>> out = io.StringIO()
>>> bar = Bar("import", stream=out, enabled=True, width=60)
>>> bar(50, 200); bar(200, 200); bar.close()
>>> last = out.getvalue().rstrip("\\n").rsplit("\\r", 1)[-1]
>>> last.startswith("import: 100%") and "200/200 [" in last and len(last) <= 60
True
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm

from ._terminal import terminal_safe

__all__ = ["Bar", "Progress"]

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs (a `Bar` is one)."""


_RIGHT = 60
"""Columns kept for what follows the label.

As in ``: 100%|█| 76,000/76,000 [00:01<00:00, 51.2k records/s]``.
"""


class _Tqdm(tqdm):  # type: ignore[type-arg]
    """tqdm without its monitor thread: our bars are redrawn by the work itself."""

    monitor_interval = 0


class Bar:
    """Draws ``label:  45%|████▌     | 1,234/2,742 [00:02<00:03, 510 records/s]`` in place.

    Call it as ``bar(done, total)`` (it fits `Progress`), then `close`. It is
    redrawn at most ten times a second, and never wider than `width`.

    Args:
        label: What is in progress (shown with its control characters made
            visible, and its start cut when the line has no room for it).
        stream: Where to draw (default stderr).
        enabled: Draw at all; by default only when `stream` is a terminal.
        width: The widest line; by default the terminal's width, followed as
            it changes (80 columns when it cannot be known).
    """

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        width: int | None = None,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.width = width
        self._bar: _Tqdm | None = None

    def _start(self, total: int) -> _Tqdm:
        follow = self.width is None and self.stream.isatty()
        width = self.width or shutil.get_terminal_size((80, 24)).columns
        label = terminal_safe(self.label)
        room = max(width - _RIGHT, 8)  # the count, the times and the rate keep their place
        if len(label) > room:
            label = "…" + label[len(label) - room + 1 :]
        return _Tqdm(
            total=total,
            desc=label,
            file=self.stream,
            ncols=None if follow else width,
            dynamic_ncols=follow,
            unit=" records",
            unit_scale=True,  # the rate as "51.2k records/s"; the counts in full
            bar_format="{l_bar}{bar}| {n:,}/{total:,} [{elapsed}<{remaining}, {rate_fmt}]",
            mininterval=0.1,
            leave=True,
        )

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = self._start(total)
        if self._bar.total != total:
            self._bar.total = total
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        """End the line the bar was drawn on."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
