"""Reading a store file: every way it can fail becomes a one-line DataError.

A large store is not decoded in one piece: :func:`top_level` walks the top-level object with
the standard library's own scanner (``raw_decode``) and hands the ``events`` array over one
record at a time, so a record can be checked, turned into a model and dropped before the next
is decoded. Peak memory is then the file's text and the models, not the text, the models and
a dict for every record at once. The values decoded are exactly those ``json.loads`` gives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import DataError

MAX_BYTES = 2 * 1024**3  # a store past 2 GiB is refused before it is read into memory
STREAMED = "events"  # the section handed over record by record
_WHITESPACE = " \t\n\r"
_AFTER_ITEM = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")  # the usual way from one record to the next


def read_text(path: Path, *, max_bytes: int = MAX_BYTES, env_var: str = "GULAG_DATA") -> str:
    return utf8(read_bytes(path, max_bytes=max_bytes, env_var=env_var), path)


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES, env_var: str = "GULAG_DATA") -> bytes:
    try:
        if path.is_dir():
            raise DataError(f"{path}: is a directory, not a store file")
        size = path.stat().st_size
        if size > max_bytes:
            raise DataError(f"{path}: {size} bytes is larger than the {max_bytes} a store may have")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file; pass a store with --data or ${env_var}") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return raw


def utf8(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 (bad byte at offset {exc.start})") from None


def decode(text: str, path: Path) -> Any:
    """The whole document, as ``json.loads`` decodes it."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _invalid(exc, path) from None
    except RecursionError:
        raise DataError(f"{path}: JSON nested too deeply to be a store") from None


def _invalid(exc: json.JSONDecodeError, path: Path) -> DataError:
    return DataError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")


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
            raise DataError(f"{path}: JSON nested too deeply to be a store") from None

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
