"""What the JSON grammar allows but a store must not hold: a lone surrogate escape, an integer
longer than Python turns into a number, nesting past what the decoders manage. Each is refused
in one line that says where it is, at the same place on every path that reads a store."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import DataError

MAX_DIGITS = 4300  # Python's own limit for turning digits into an int
MAX_DEPTH = 500  # a store is 5 deep; past this the decoders would run out of stack
_SURROGATE_HINT = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(rb"\\(?:\\|u[dD][89a-fA-F][0-9a-fA-F]{2})")
_DIGIT_MAP = bytes(0x31 if 0x30 <= b <= 0x39 else 0x30 for b in range(256))  # digit -> "1", else "0"
_LONG_RUN = b"1" * (MAX_DIGITS + 1)


def screen(raw: bytes, path: Path | str) -> None:
    """Refuse what json.loads would take (or choke on) but no store may hold: a lone surrogate
    escape (it cannot be printed or written as UTF-8) and an integer of over MAX_DIGITS digits.

    Works on the file's bytes, at C speed: the large-store path and the standard one call it
    on the same bytes, so they refuse the same stores with the same message.
    """
    if _SURROGATE_HINT.search(raw) and (at := _lone_surrogate(raw)) is not None:
        escape = raw[at:at + 6].decode("ascii", "replace")
        raise DataError(f"{path}: invalid JSON at {where(raw, at)}: a lone surrogate escape "
                        f"({escape}) is not a character")
    runs = raw.translate(_DIGIT_MAP)  # long digit runs become long runs of "1": found by find()
    at = runs.find(_LONG_RUN)
    while at >= 0:
        start = at
        while start > 0 and runs[start - 1] == 0x31:
            start -= 1
        end = runs.find(b"0", at)
        end = len(raw) if end < 0 else end
        before = raw[start - 1:start] if start else b""
        after = raw[end:end + 1]
        number = before not in (b".", b"e", b"E", b"+") and after not in (b".", b"e", b"E")
        if number and not _in_string(raw, start):
            raise DataError(f"{path}: invalid JSON at {where(raw, start)}: "
                            f"an integer of {end - start} digits (at most {MAX_DIGITS})")
        at = runs.find(_LONG_RUN, end)


def _lone_surrogate(raw: bytes) -> int | None:
    """Offset of the first \\uD800-\\uDFFF escape that is not half of a pair, or None."""
    pending = -1  # offset of a high surrogate waiting for its low half
    for m in _SURROGATE.finditer(raw):
        token = m.group()
        if token == b"\\\\":
            if pending >= 0:
                return pending
            continue
        high = token[3:4] in b"89abAB"
        if pending >= 0:
            if not high and m.start() == pending + 6:
                pending = -1
                continue
            return pending
        if high:
            pending = m.start()
        else:
            return m.start()
    return pending if pending >= 0 else None


def _in_string(raw: bytes, offset: int) -> bool:
    """Whether ``offset`` lies inside a JSON string (strings never span lines)."""
    line = raw[raw.rfind(b"\n", 0, offset) + 1:offset]
    inside, i = False, 0
    while i < len(line):
        c = line[i]
        if c == 0x5C and inside:  # a backslash escapes the next byte
            i += 2
            continue
        if c == 0x22:
            inside = not inside
        i += 1
    return inside


def too_deep(text: str, path: Path) -> DataError:
    """The error for a document nested past what the decoders manage, located at the first
    place it is nested more than MAX_DEPTH deep."""
    depth, inside, i, end = 0, False, 0, len(text)
    tokens = re.compile(r'[\[\]{}"\\]')
    while (m := tokens.search(text, i)) is not None:
        c, i = m.group(), m.end()
        if inside:
            if c == "\\":
                i += 1
            elif c == '"':
                inside = False
        elif c == '"':
            inside = True
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return DataError(f"{path}: invalid JSON at {where(text, m.start())}: "
                                 f"nested more than {MAX_DEPTH} deep")
        else:
            depth -= 1
        if i >= end:
            break
    return DataError(f"{path}: JSON nested too deeply to be a store")


def where(text: str | bytes, offset: int) -> str:
    """"line L column C" of an offset; C counts characters, also in bytes that are UTF-8."""
    if isinstance(text, bytes):
        start = text.rfind(b"\n", 0, offset) + 1
        line = text.count(b"\n", 0, offset) + 1
        column = len(text[start:offset].decode("utf-8", "replace")) + 1
        return f"line {line} column {column}"
    start = text.rfind("\n", 0, offset) + 1
    line = text.count("\n", 0, offset) + 1
    return f"line {line} column {offset - start + 1}"
