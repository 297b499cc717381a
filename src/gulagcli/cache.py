"""Where compiled stores live, what they are keyed on, and when one may be trusted.

A compiled store (:mod:`gulagcli.compiled`) is an SQLite file derived from a store's JSON. It is
used only when all of these hold, and rebuilt otherwise; it is never executed (no pickle):

- it is an SQLite file with gulag's application id, the current layout (:data:`FORMAT`) and
  the mark a finished compile leaves, and its size is what its header says (not truncated);
- its ``content`` is the SHA-256 of the JSON's bytes now. Hashing is skipped only when a small
  stamp file says these very bytes were hashed before at this exact (device, inode, size,
  mtime, ctime); a change that restores the mtime still moves the ctime.

A user store's compiled file is named after the store's real path and the code reading it
(:func:`code_key`: every module's size and mtime, so an upgrade or an edit rebuilds). The
bundled store's may be shipped beside it in the wheel (``events.sqlite``, built by hatch_build.py).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import sys
import time
from functools import cache
from pathlib import Path

FORMAT = 7  # the layout of the compiled file; bump it when compiled.py writes something new
APP_ID = 0x67756C67  # "gulg", in the SQLite header: a foreign database is never read as ours
ENV_DIR = "GULAG_CACHE_DIR"
ENV_SWITCH = "GULAG_COMPILED"  # "0": read the JSON directly, as the reference path does
SUFFIX = ".sqlite"
RACY_NS = 2_000_000_000  # a file changed this recently may change again within one timestamp

_warned: list[str] = []


def enabled() -> bool:
    """False for GULAG_COMPILED=0 (or false, no, off, in any case), as such switches are written."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def cache_dir() -> Path:
    """``$GULAG_CACHE_DIR``, else the platform's user cache directory (XDG on Linux)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "gulag"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "gulag" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else home / ".cache") / "gulag"


@cache
def code_key() -> str:
    """Changes whenever any module of gulag changes (size or mtime): a new version, an edit."""
    pkg = Path(__file__).parent
    parts = [f"format {FORMAT}"]
    for sub in ("", "render", "commands"):
        with contextlib.suppress(OSError), os.scandir(pkg / sub) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    parts.append(f"{sub}/{entry.name} {st.st_size} {st.st_mtime_ns}")
    return _name("\n".join(sorted(parts)))


def _name(text: str) -> str:
    """A short name for a text. Not a security boundary: two texts with one name only make
    their compiled files replace each other (the content check rebuilds), never mix them up.
    zlib rather than hashlib, whose import costs milliseconds on every start."""
    import zlib

    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data) & 0xFFFF:04x}"


def source_name(path: Path) -> str:
    """The store's real path as the compiled file records it: text SQLite can hold, a name
    that is not UTF-8 (a byte 0xff) written with a backslash escape."""
    return os.fsencode(os.path.realpath(path)).decode("utf-8", "backslashreplace")


def signature(st: os.stat_result) -> str:
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def is_regular(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode)


def cache_file(source: Path) -> Path:
    """The compiled file of a user store: one per real path and version of the code."""
    return cache_dir() / f"{_name(f'{os.path.realpath(source)}{chr(0)}{code_key()}')}{SUFFIX}"


def stamp_file(db: Path) -> Path:
    """Beside a cached file; for a shipped one (read-only), in the cache directory."""
    if db.parent == cache_dir():
        return db.with_suffix(".stamp")
    return cache_dir() / f"{_name(os.path.realpath(db))}.stamp"


def digest(data: bytes) -> str:
    """The content key: SHA-256 of the store's bytes (imported only when a store is hashed)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def open_trusted(db: Path) -> sqlite3.Connection | None:
    """The compiled file opened read-only, or None when it is missing, foreign, unfinished or
    truncated. The content hash is checked by the caller."""
    try:
        size = db.stat().st_size
        uri = str(db).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
        conn = sqlite3.connect(f"file:{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return None
    try:
        app_id, layout, pages, page_size = (
            conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("application_id", "user_version", "page_count", "page_size"))
        if app_id != APP_ID or layout != FORMAT or pages * page_size != size:
            raise sqlite3.DatabaseError("not a finished gulag compiled store")
        row = conn.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
        if row is None or row[0] != "yes":
            raise sqlite3.DatabaseError("unfinished")
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def content_of(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'content'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def stamped(db: Path, sig: str, content: str) -> bool:
    try:
        # bytes, then decoded: opening the file as ASCII text would import a codec module
        return stamp_file(db).read_bytes().decode("ascii") == f"{sig} {content}"
    except (OSError, UnicodeDecodeError):
        return False


def stamp(db: Path, st: os.stat_result, content: str) -> None:
    """Remember that the file with this stat signature hashed to ``content`` (best effort)."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return  # it could change again within the same timestamp: hash it next time too
    target = stamp_file(db)
    with contextlib.suppress(OSError):
        write_atomic(target, f"{signature(st)} {content}".encode("ascii"))


def write_atomic(target: Path, data: bytes) -> None:
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".gulag-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def warn_once(message: str) -> None:
    if message not in _warned:
        _warned.append(message)
        from .render.safe import message as shown  # a folder name may hold any byte

        sys.stderr.write(f"gulag: warning: {shown(message)}\n")


def readable() -> bool:
    """Whether the cache directory's contents can be listed (True where it does not exist yet)."""
    folder = cache_dir()
    return not folder.exists() or os.access(folder, os.R_OK | os.X_OK)


def writable() -> bool:
    """Whether a compiled file could be written: the directory, or the nearest existing folder
    above it, takes new files (a guess: `build_file` finds out for certain)."""
    folder = cache_dir()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def _ours(name: str) -> bool:
    """A name gulag gives its files: a compiled store or its stamp (:func:`_name`: 20 hex digits)
    or a temporary file being written (".gulag-….tmp"). Anything else in the directory (a
    user's own "notes.stamp" in a shared $GULAG_CACHE_DIR) is not gulag's to count or remove."""
    stem, dot, suffix = name.rpartition(".")
    if dot and f".{suffix}" in (SUFFIX, ".stamp"):
        return len(stem) == 20 and all(c in "0123456789abcdef" for c in stem)
    return name.startswith(".gulag-") and name.endswith(".tmp")


def entries() -> list[tuple[Path, int]]:
    """Every file gulag keeps in its cache directory, with its size (its own names only)."""
    out = []
    with contextlib.suppress(OSError), os.scandir(cache_dir()) as found:
        for entry in found:
            if entry.is_file(follow_symlinks=False) and _ours(entry.name):
                with contextlib.suppress(OSError):
                    out.append((Path(entry.path), entry.stat(follow_symlinks=False).st_size))
    return sorted(out)


def prune(current: Path, source: str) -> None:
    """Remove the compiled files an older gulag made of the same store (best effort)."""
    for path, _ in entries():
        if path == current or path.suffix != SUFFIX:
            continue
        conn = open_trusted(path)
        if conn is None:
            continue  # another version's layout, or being written: not ours to judge
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'source'").fetchone()
        except sqlite3.Error:
            row = None
        finally:
            conn.close()
        if row is not None and row[0] == source:
            for stale in (path, path.with_suffix(".stamp")):
                with contextlib.suppress(OSError):
                    stale.unlink()


def clear() -> list[tuple[Path, int]]:
    """Remove gulag's files from the cache directory (nothing else in it); return what went."""
    gone = []
    for path, size in entries():
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            gone.append((path, size))
    return gone
