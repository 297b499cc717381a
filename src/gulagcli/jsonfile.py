"""Reading a store file: every way it can fail becomes a one-line DataError.

A large store is not decoded in one piece: :func:`top_level` walks the top-level object with
the standard library's own scanner (``raw_decode``) and hands the ``events`` array over one
record at a time, so a record can be checked, turned into a model and dropped before the next
is decoded. Peak memory is then the file's text and the models, not the text, the models and
a dict for every record at once. The values decoded are exactly those ``json.loads`` gives.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import DataError, UsageError
from .jsonscreen import screen, too_deep, where
from .store import MAX_BYTES

STREAMED = "events"  # the section handed over record by record
_WHITESPACE = " \t\n\r"
_AFTER_ITEM = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")  # the usual way from one record to the next


def read_text(path: Path, *, max_bytes: int = MAX_BYTES, env_var: str = "GULAG_DATA", hint: str = "") -> str:
    raw = read_bytes(path, max_bytes=max_bytes, env_var=env_var, hint=hint)
    text = utf8(raw, path)
    screen(raw, path)
    return text


# What a store path may be: only a regular file is read. A FIFO is opened without blocking
# (no writer need exist) and refused, like a device, before a single byte is read.
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_PATH_ERRNOS = {errno.ENAMETOOLONG: "a name in it is too long", errno.ENOTDIR: "a part of it is not a directory",
                errno.ELOOP: "it has too many levels of symbolic links"}


def check_store_file(path: Path, *, max_bytes: int = MAX_BYTES, env_var: str = "GULAG_DATA") -> None:
    """What :func:`read_bytes` says of ``path`` before reading it (missing, unreadable, not a
    regular file, too large), without reading it."""
    os.close(_opened(path, max_bytes=max_bytes, env_var=env_var, hint="")[0])


def _opened(path: Path, *, max_bytes: int, env_var: str, hint: str) -> tuple[int, os.stat_result]:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file; {hint or f'pass a store with --data or ${env_var}'}") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except ValueError:  # an embedded NUL
        raise UsageError(f"{path!r}: not a usable file name") from None
    except OSError as exc:
        if exc.errno in _PATH_ERRNOS:
            raise UsageError(f"{path}: not a usable path: {_PATH_ERRNOS[exc.errno]}") from None
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        for test, kind in _KINDS:
            if test(info.st_mode):
                os.close(fd)
                raise DataError(f"{path}: is {kind}, not a store file")
        if info.st_size > max_bytes:
            os.close(fd)
            raise DataError(f"{path}: {info.st_size} bytes is larger than the {max_bytes} a store may have")
    except OSError as exc:
        os.close(fd)
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return fd, info


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES, env_var: str = "GULAG_DATA", hint: str = "") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else is a DataError
    (a UsageError when the path itself cannot name a file). ``hint`` says how to name another
    file when this one is missing (by default: --data or ``env_var``)."""
    fd, info = _opened(path, max_bytes=max_bytes, env_var=env_var, hint=hint)
    try:
        with os.fdopen(fd, "rb") as fh:
            head = fh.read(_HEAD)
            first = head.lstrip(b" \t\r\n")[:1]
            if first and (first < b" " or first == b"\x7f"):
                # Not text from its first byte (a sparse or binary file): say so before reading it all.
                raise DataError(f"{path}: invalid JSON at line 1 column 1: not a JSON document")
            # Sized by the file (read(max_bytes) would reserve max_bytes at once); a file that
            # grows while it is read is read on, up to one byte past the limit.
            fh.seek(0)
            raw = fh.read(info.st_size + 1)
            if len(raw) > info.st_size:
                parts = [raw]
                while sum(map(len, parts)) <= max_bytes and (more := fh.read(1 << 20)):
                    parts.append(more)
                raw = b"".join(parts)
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except MemoryError:
        raise DataError(f"{path}: not enough memory to read it") from None
    if len(raw) > max_bytes:  # it grew while being read
        raise DataError(f"{path}: larger than the {max_bytes} bytes a store may have")
    return raw


_HEAD = 4096


def utf8(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 (bad byte at {where(raw, exc.start)})") from None
    except MemoryError:
        raise DataError(f"{path}: not enough memory to decode it") from None


def decode(text: str, path: Path) -> Any:
    """The whole document, as ``json.loads`` decodes it."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _invalid(exc, path) from None
    except RecursionError:
        raise too_deep(text, path) from None
    except ValueError as exc:  # an integer past Python's digit limit (screen() catches most)
        raise DataError(f"{path}: invalid JSON: {exc}") from None


def _invalid(exc: json.JSONDecodeError, path: Path) -> DataError:
    message = _REWORDED.get(exc.msg, exc.msg)
    return DataError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {message}")


# The json module's messages that end in "at" (the place is said before them) or give Python advice.
_REWORDED = {
    "Unterminated string starting at": "a string begins here and is never closed",
    "Invalid control character at": "a control character inside a string (write it escaped, e.g. \\n)",
    "Unexpected UTF-8 BOM (decode using utf-8-sig)":
        "the file begins with a byte-order mark; save it as UTF-8 without one",
}


def is_object(text: str) -> bool:
    return text.lstrip(_WHITESPACE)[:1] == "{"


def top_level(text: str, path: Path) -> Iterator[tuple[str, Any]]:
    """(key, value) for each member of the top-level object, in file order; the value of
    ``events``, when it is an array, is an iterator over its records, to be consumed before
    the next member is read. Syntax errors are reported as ``json.loads`` reports them."""
    scan = json.JSONDecoder().raw_decode
    end = len(text)

    def skip(i: int) -> int:
        while i < end and text[i] in _WHITESPACE:
            i += 1
        return i

    def value_at(i: int) -> tuple[Any, int]:
        try:
            return scan(text, i)
        except json.JSONDecodeError:
            decode(text, path)  # raises the standard message, as for the whole document
            raise
        except RecursionError:
            raise too_deep(text, path) from None

    def expect(i: int, chars: str) -> int:
        i = skip(i)
        if i >= end or text[i] not in chars:
            decode(text, path)  # raises the standard message for the first syntax error
            raise DataError(f"{path}: invalid JSON at offset {i}")  # unreachable in practice
        return i

    pos = [expect(0, "{") + 1]  # a cell the records iterator advances

    def records(i: int) -> Iterator[Any]:
        i = skip(i + 1)
        if i < end and text[i] == "]":
            pos[0] = i + 1
            return
        i = skip(i)
        while True:
            value, i = value_at(i)
            yield value
            if m := _AFTER_ITEM.match(text, i):
                i = m.end()
                continue
            i = expect(i, ",]")
            if text[i] == "]":
                pos[0] = i + 1
                return
            i = skip(i + 1)

    i = skip(pos[0])
    if i < end and text[i] == "}":
        pos[0] = i + 1
    else:
        while True:
            i = expect(pos[0], '"')
            key, i = value_at(i)
            i = expect(i, ":") + 1
            i = skip(i)
            if key == STREAMED and i < end and text[i] == "[":
                items = records(i)
                yield key, items
                for _ in items:  # whatever the consumer left unread
                    pass
            else:
                value, pos[0] = value_at(i)
                yield key, value
            i = expect(pos[0], ",}")
            pos[0] = i + 1
            if text[i] == "}":
                break
    if skip(pos[0]) != end:
        decode(text, path)  # "Extra data" where json.loads would say so
