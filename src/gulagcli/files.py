"""Writing output files: all or nothing, and never over a file the user did not say to replace.

What a target may be (docs/safety.md):

- ``-`` or ``/dev/stdout``: stdout, for every option that names an output file (callers check
  :func:`is_stdout`).
- A new name: created, through a temporary file in the same directory.
- An existing regular file: replaced atomically, only with ``--force``.
- A symlink: written through. The file it points to is replaced atomically (or created, for a
  dangling link); the link itself stays.
- A FIFO, a terminal or the null device (``/dev/stdout`` in a pipe or on a terminal,
  ``/dev/null``): written to directly, never replaced; no ``--force`` needed, as with ``>``.
- Anything else (a directory, a disk, another device, a socket): refused.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from .errors import OutputError, UsageError


def is_stdout(path: Path | str | None) -> bool:
    """``-o -``, ``-o /dev/stdout`` and no -o at all mean stdout (whatever stdout is: a pipe, a
    terminal, or a file the shell opened, which is then written, not replaced)."""
    return path is None or str(path) in ("-", "/dev/stdout")


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` (str as UTF-8) to ``path`` through a temporary file in the same directory.

    Readers see the old file or the whole new one, never a part: the data is written and synced
    to the temporary file, which is then renamed over ``path``. On any failure, including Ctrl-C,
    the temporary file is removed and ``path`` is left as it was. Without ``force`` an existing
    ``path`` is refused with :class:`OutputError`.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(path, info, payload)
        return
    path = _regular_target(path, info, force=force)
    directory = path.parent
    try:
        # A short prefix, so the temporary name fits where the target's name just fits.
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name[:64]}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(fh.fileno(), _mode_for(path))
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        _move(tmp, path, force=force)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


def check_target(path: Path, *, force: bool = False) -> None:
    """Refuse now what :func:`write_atomic` would refuse, so that a command writing several files
    writes none of them when one would be refused (``chart --svg A --png B`` with B there)."""
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _check_special(path, info)
    else:
        _regular_target(path, info, force=force)


def written_in_place(path: Path) -> bool:
    """True for a target written to directly rather than replaced: stdout, a FIFO, /dev/null.
    Such a write can fail in ways no check foresees (a FIFO nobody reads), so a command writing
    several files writes these first and the files it creates only if they went through."""
    if is_stdout(path):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _stat(path: Path) -> os.stat_result | None:
    """The target's status through symlinks, or None if there is nothing there yet."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    except ValueError:  # an embedded NUL
        raise OutputError(f"cannot write {path!r}: not a usable file name") from None


def _regular_target(path: Path, info: os.stat_result | None, *, force: bool) -> Path:
    """The file to replace or create for ``path`` (a symlink's target), or an error."""
    if info is not None and not force:
        raise OutputError(f"{path} already exists; use --force to overwrite it")
    if os.path.islink(path):
        # Written through: the file the link points to is what gets replaced (or created).
        path = Path(os.path.realpath(path))
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: there is no directory {path.parent}")
    return path


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def _writable_special(path: Path, info: os.stat_result) -> bool:
    if stat.S_ISFIFO(info.st_mode):
        return True
    if stat.S_ISCHR(info.st_mode):
        null = os.stat(os.devnull)
        return info.st_rdev == null.st_rdev
    return False


def _is_tty(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _check_special(path: Path, info: os.stat_result) -> None:
    """A target that is not a regular file: one that can be written to, or an error."""
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path} is a directory; give a file name")
    if stat.S_ISCHR(info.st_mode) and _is_tty(path):
        # Written past the output gate, a store's escape sequences (and a page's or picture's
        # bytes) would reach the terminal raw: printing there is what leaving out -o is for.
        raise UsageError(f"{path} is a terminal; leave out the output file to print here")
    if not _writable_special(path, info):
        raise OutputError(f"{path} is not a regular file (a device or socket); refusing to write to it")


def _write_special(path: Path, info: os.stat_result, payload: bytes) -> None:
    """A target that is not a regular file is written to, never replaced, or refused."""
    _check_special(path, info)
    try:
        # Non-blocking, so a FIFO nobody reads is an error rather than a hang.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"cannot write {path}: nothing is reading from it") from None
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # the reader had enough (`-o /dev/fd/1 | head`): quiet, as on stdout
            from .render.safe import WriteFailed

            raise WriteFailed(exc) from None
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        os.close(fd)


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
