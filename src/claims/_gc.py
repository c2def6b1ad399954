"""Pausing the cyclic garbage collector during bulk work."""

from __future__ import annotations

import gc

__all__ = ["no_gc"]


class no_gc:
    """Pause the cyclic garbage collector while many acyclic records are made.

    Records and their JSON dicts form no reference cycles; collecting while
    a bulk load or dump makes millions of them only rescans them. Nested uses
    are fine: the collector is turned back on only by the use that turned it
    off.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()
