"""A progress bar on stderr for long commands, with no dependency.

>>> import io
>>> out = io.StringIO()
>>> bar = Bar("import", stream=out, enabled=True)
>>> bar(50, 200); bar(200, 200); bar.close()
>>> out.getvalue().rsplit("\\r", 1)[-1]
'import [##############################] 100% 200/200\\n'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Bar", "Progress"]

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a long operation runs (a `Bar` is one)."""


class Bar:
    """Draws ``label [#####.....] 45% 1,234/2,742`` in place, at most ten times a second.

    Call it as ``bar(done, total)`` (it fits `claims.store.Progress`), then `close`.

    Args:
        label: What is in progress.
        stream: Where to draw (default stderr).
        enabled: Draw at all; by default only when `stream` is a terminal.
        width: Characters in the bar.
    """

    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        width: int = 30,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.width = width
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (done < total and now - self._last < 0.1):
            return
        self._last = now
        share = done / total if total else 1.0
        filled = round(share * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {done:,}/{total:,}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """End the line the bar was drawn on."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
