"""Writing output files: all or nothing, and never over a file the user did not say to replace."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` (str as UTF-8) to ``path`` through a temporary file in the same directory.

    Readers see the old file or the whole new one, never a part: the data is written and synced
    to the temporary file, which is then renamed over ``path``. On any failure, including Ctrl-C,
    the temporary file is removed and ``path`` is left as it was. Without ``force`` an existing
    ``path`` is refused with :class:`OutputError`.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent
    if path.is_dir():
        raise OutputError(f"{path} is a directory; give a file name")
    if not force and path.exists():
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if not directory.is_dir():
        raise OutputError(f"cannot write {path}: there is no directory {directory}")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(fh.fileno(), _mode_for(path))
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        _move(tmp, path, force=force)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


def _move(tmp: str, path: Path, *, force: bool) -> None:
    if force:
        os.replace(tmp, path)
        return
    # A hard link fails if ``path`` appeared since the check above, where a rename would
    # silently replace it. Filesystems without hard links fall back to the checked rename.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(f"{path} already exists; use --force to overwrite it") from None
    except OSError:
        if path.exists():
            raise OutputError(f"{path} already exists; use --force to overwrite it") from None
        os.replace(tmp, path)


def _mode_for(path: Path) -> int:
    """The existing file's permissions when replacing it, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
