"""Files written atomically, and read with a `StorageError` on failure.

A file is written to a temporary file beside it, named
``.NAME.PID-RANDOM.tmp`` after the target and the writing process, and
renamed over the target once complete. A writer killed before the rename
leaves that file behind; the next write to the same target removes it
(`sweep`), once its writer is gone or it is older than `STALE_AFTER`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .exceptions import StorageError

__all__ = [
    "STALE_AFTER",
    "atomic_writer",
    "read_bytes",
    "reading",
    "release",
    "sweep",
    "temp_beside",
    "write_atomic",
]

STALE_AFTER = 24 * 3600.0
"""Seconds after which a temporary file is taken as left over, whatever wrote it."""

_WRITING: set[str] = set()
"""The temporary files this process is writing now (never swept)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, or leave it untouched.

    Raises:
        StorageError: The file could not be written.
    """
    with atomic_writer(path) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` only once the block ends without error.

    The bytes go to a temporary file beside `path`, which is flushed to disk
    and keeps `path`'s permissions; if the block or the write fails, the
    temporary file is removed and `path` is left exactly as it was.

    Raises:
        StorageError: The file could not be written.
    """
    tmp_name: str | None = None
    replaced = False
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        sweep(path)
        fd, tmp_name = _mkstemp(path)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        replaced = True
    except OSError as exc:
        raise _error("write", path, exc) from exc
    finally:
        if tmp_name is not None:
            release(Path(tmp_name), remove=not replaced)


def temp_beside(path: Path) -> Path:
    """A new, empty temporary file beside `path`, for a writer that renames it into place.

    Leftovers of earlier writers to `path` are swept first. Call `release`
    once the file is renamed or given up.

    Raises:
        OSError: The file could not be made.
    """
    sweep(path)
    fd, name = _mkstemp(path)
    os.close(fd)
    return Path(name)


def release(temp: Path, *, remove: bool) -> None:
    """Done with a temporary file of `temp_beside`: removed if `remove` (and it can be)."""
    _WRITING.discard(str(temp))
    if remove:
        with contextlib.suppress(OSError):
            temp.unlink()


def _mkstemp(path: Path) -> tuple[int, str]:
    fd, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp"
    )
    _WRITING.add(name)
    return fd, name


def sweep(path: Path) -> list[Path]:
    """Remove the temporary files beside `path` that earlier writers left.

    A temporary file of `path` (``.NAME.PID-RANDOM.tmp``, or
    ``.NAME.RANDOM.tmp`` as earlier releases named them) is removed if the
    process that wrote it is gone, or if it has not changed for
    `STALE_AFTER` seconds. Files this process is writing are kept. Whatever
    cannot be removed is left.

    Returns:
        The files removed.
    """
    prefix, now, removed = f".{path.name}.", time.time(), []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        full = os.path.join(path.parent, name)
        if full in _WRITING:
            continue
        pid, dash, rest = name[len(prefix) : -len(".tmp")].partition("-")
        try:
            stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if not stale and dash and pid.isdigit() and rest:
                stale = int(pid) == os.getpid() or not _alive(int(pid))
            if stale and entry.is_file(follow_symlinks=False):
                os.unlink(full)
                removed.append(Path(full))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    """Whether process `pid` exists (on Windows, where this cannot be asked: yes)."""
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would end it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours to signal
        return True
    return True


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The content of the file at `path`.

    Raises:
        StorageError: The file could not be read.
    """
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise _error("read", path, exc) from exc


@contextlib.contextmanager
def reading(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """The file at `path`, open to read bytes; failing to open or read it is a `StorageError`.

    Raises:
        StorageError: The file could not be opened or read.
    """
    try:
        with Path(path).open("rb") as f:
            yield f
    except StorageError:
        raise
    except OSError as exc:
        raise _error("read", path, exc) from exc


def _error(verb: str, path: str | os.PathLike[str], exc: OSError) -> StorageError:
    return StorageError(exc.errno, f"cannot {verb} {path}: {exc.strerror}", str(path))
