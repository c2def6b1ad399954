"""Files written atomically, and read with a `StorageError` on failure."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .exceptions import StorageError

__all__ = ["atomic_writer", "read_bytes", "reading", "write_atomic"]


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
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise _error("write", path, exc) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


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
