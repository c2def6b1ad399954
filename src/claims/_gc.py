"""Pausing the cyclic garbage collector around bulk work."""

from __future__ import annotations

import gc

__all__ = ["no_gc"]


class no_gc:  # lower case: used like a function, ``with no_gc():``
    """Pause the cyclic garbage collector while many acyclic records are made.

    Records, their JSON dicts and the analysis' answers form no reference
    cycles; collecting while millions of them are made only rescans them.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()
