"""What may reach a terminal, a JSON reader or a spreadsheet: the one place that decides.

- :func:`terminal` is the output gate. Every character that could steer a terminal or disguise
  text (C0 and C1 controls, DEL, bidirectional controls, invisible formatting characters, line
  and paragraph separators, lone surrogates) is shown as a visible escape (``\\x1b``,
  ``\\u202e``), never obeyed and never silently dropped. :class:`GatedStream` puts it in front
  of stdout and stderr for the whole run, so nothing written to a terminal bypasses it.
- :func:`json_safe` rewrites the same characters inside JSON text as ``\\uXXXX``: the JSON
  decodes to exactly the same strings and can still be printed safely.
- :func:`csv_cell` neutralises spreadsheet formulas as OWASP recommends.
- :func:`web_url` lets only ``http`` and ``https`` links through.

docs/safety.md states the contract.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import IO


def _lazy(source: str) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled when first used: these character classes take milliseconds to
    compile, which every start-up would pay, JSON in a pipe included, for text it never checks."""
    return cache(lambda: re.compile(source))


# Characters that must not reach a terminal raw. Zero-width (non-)joiners (U+200C, U+200D)
# stay: several scripts and emoji need them, and they cannot move the cursor or reorder text.
_C0 = "\x00-\x08\x0b-\x1f"  # C0 controls but tab and newline, which the callers decide on
_OTHERS = (
    "\x7f-\x9f"  # DEL and C1 (CSI, OSC, NEL...)
    "\u00ad\u061c\u180e"  # soft hyphen, Arabic letter mark, Mongolian vowel separator
    "\u200b\u200e\u200f"  # zero-width space, left-to-right and right-to-left marks
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # bidi embeddings, overrides, isolates; invisible operators
    "\ufeff\ufff9-\ufffb"  # zero-width no-break space (BOM); interlinear annotation
    "\ud800-\udfff"  # lone surrogates (a pair is never a str's code point)
    "\U000e0000-\U000e007f"  # tag characters
)
UNSAFE = _lazy(f"[{_C0}{_OTHERS}\t\n]")
_UNSAFE_KEEP_NL = _lazy(f"[{_C0}{_OTHERS}\t]")
_UNSAFE_KEEP_WS = _lazy(f"[{_C0}{_OTHERS}]")
# For whole documents on a terminal: a CR that ends a line (CSV and ICS use CRLF) is harmless.
_UNSAFE_DOC = _lazy(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHERS}]|\r(?!\n)")
# Colour and weight (Select Graphic Rendition) are the only escape sequences let through, and
# only in text the program itself styles (Rich, help); they cannot move the cursor, set a
# title, write the clipboard or make links. Data never carries one: it is escaped first.
_SGR = _lazy(r"\x1b\[[0-9;:]*m")


def _escape(m: re.Match[str]) -> str:
    n = ord(m.group())
    if n < 0x100:
        return f"\\x{n:02x}"
    if 0xDC80 <= n <= 0xDCFF:  # a byte that was not UTF-8 (an argument, a file name): the byte itself
        return f"\\x{n - 0xDC00:02x}"
    return f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def terminal(text: str, *, newlines: bool = False, tabs: bool = False) -> str:
    """``text`` safe to show on a terminal: unsafe characters become visible escapes.

    Newlines and tabs are escaped too unless asked for (a table cell must stay one line).
    """
    pattern = (_UNSAFE_KEEP_WS if tabs else _UNSAFE_KEEP_NL) if newlines else UNSAFE
    return pattern().sub(_escape, text)


# repr() of a byte that was not UTF-8 (Python reads it as U+DC80-U+DCFF) writes "\\udcff"; a
# backslash the user typed it doubles, so the escape is not preceded by an odd number of them.
_REPR_STRAY = _lazy(r"(?<!\\)((?:\\\\)*)\\udc([89a-f][0-9a-f])")


def message(text: str) -> str:
    """A message for stderr (often quoting what the user typed with repr), safe as
    :func:`terminal` makes it, a stray byte shown as the byte (``\\xff``) as everywhere."""
    return terminal(_REPR_STRAY().sub(r"\1\\x\2", text))


def terminal_styled(text: str) -> str:
    """Program-made text that may carry colour: SGR kept, every other control escaped."""
    if "\x1b" not in text:
        return _UNSAFE_DOC().sub(_escape, text)
    parts, last = [], 0
    for m in _SGR().finditer(text):
        parts.append(_UNSAFE_DOC().sub(_escape, text[last:m.start()]))
        parts.append(m.group())
        last = m.end()
    parts.append(_UNSAFE_DOC().sub(_escape, text[last:]))
    return "".join(parts)


def has_unsafe(text: str) -> bool:
    """True if ``text`` has a character :func:`terminal` would escape (tab and newline aside)."""
    return _UNSAFE_KEEP_WS().search(_SGR().sub("", text)) is not None


# --- JSON -----------------------------------------------------------------------------------

# json.dumps already escapes C0; these are the rest, which it writes raw with ensure_ascii=False.
_JSON_UNSAFE = _lazy(f"[{_OTHERS}]")


def _json_escape(m: re.Match[str]) -> str:
    n = ord(m.group())
    if n < 0x10000:
        return f"\\u{n:04x}"
    n -= 0x10000
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


def json_safe(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every unsafe character as a
    ``\\uXXXX`` escape. Outside strings JSON has none of them, so the value is unchanged."""
    if dumped.isascii() and "\x7f" not in dumped:  # a scan in C: DEL is the only unsafe ASCII
        return dumped
    return _JSON_UNSAFE().sub(_json_escape, dumped)


# The same characters as _JSON_UNSAFE, as the UTF-8 they are written in (the lone surrogates
# too, which a strict encoder never writes). tests/test_safety.py holds the two to every code point.
_JSON_UNSAFE_UTF8 = cache(lambda: re.compile(
    rb"\xc2[\x80-\x9f\xad]|\xd8\x9c|\xe1\xa0\x8e|\xe2\x80[\x8b\x8e\x8f\xa8-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xaf]"
    rb"|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]|\xf3\xa0[\x80\x81]|\xed[\xa0-\xbf]"))


def json_unsafe_utf8(data: bytes) -> bool:
    """Whether :func:`json_safe` would change the UTF-8 JSON ``data`` once decoded: checked on
    the bytes, for JSON written as bytes (the compiled store's records) and kept as bytes."""
    if b"\x7f" in data:
        return True
    return not data.isascii() and _JSON_UNSAFE_UTF8().search(data) is not None


# --- CSV ------------------------------------------------------------------------------------

# OWASP "CSV Injection": a cell a spreadsheet may run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = _lazy(r"[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def csv_cell(value: str, *, raw: bool = False) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading ``'``.

    Plain numbers (``-5``, ``+1.5``) are left alone: they are not formulas. ``raw`` keeps
    every cell exactly, for programs that read the CSV.
    """
    if raw or not value.startswith(FORMULA_START) or _NUMBER().fullmatch(value):
        return value
    return "'" + value


# --- links ----------------------------------------------------------------------------------

_WEB = _lazy(r"(?i)https?://\S")


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http or https link without control characters, else None."""
    if url is None or not _WEB().match(url) or UNSAFE().search(url):
        return None
    return url


# --- the gate on stdout and stderr ----------------------------------------------------------


def silence(stream: IO[str]) -> None:
    """Point ``stream``'s file descriptor at /dev/null, so that later writes to it and the
    interpreter's final flush succeed, quietly."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


class GatedStream(io.TextIOBase):
    """A text stream that passes everything written to a terminal through :func:`terminal_styled`.

    ``always`` gates even when the stream is not a terminal (stderr: messages are for people).
    Writes to a pipe or file are otherwise exact, so JSON, CSV and ICS stay byte for byte.
    """

    def __init__(self, raw: IO[str], *, always: bool = False, stdout: bool = False) -> None:
        super().__init__()
        self.raw, self.stdout = raw, stdout
        try:
            tty = raw.isatty()
        except (AttributeError, ValueError):
            tty = False
        self.gated = tty or always

    def write(self, text: str) -> int:
        try:
            self.raw.write(terminal_styled(text) if self.gated else text)
        except OSError as exc:
            self._failed(exc)
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:  # type: ignore[override]
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.raw.flush()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        """Stdout that cannot be written is the command's failure (:class:`WriteFailed`); stderr
        that cannot be (a reader gone, `2>&1 | head -1`) only loses messages: they go to
        /dev/null from then on, and the exit code stays the command's own."""
        if self.stdout:
            raise WriteFailed(exc) from None
        silence(self.raw)

    def binary(self) -> BytesGate | None:
        """The byte stream underneath, flushed, for output that needs no gate (not a terminal)
        and is UTF-8 already; None when the text must pass the gate or the encoding differs."""
        sink = getattr(self.raw, "buffer", None)
        if self.gated or sink is None or (getattr(self.raw, "encoding", "") or "").lower().replace("-", "") != "utf8":
            return None
        self.flush()
        return BytesGate(sink)

    def isatty(self) -> bool:
        try:
            return self.raw.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.raw, "errors", None)

    @property
    def buffer(self) -> object:
        return getattr(self.raw, "buffer", None)


class BytesGate:
    """The byte stream under stdout, failing as stdout does (:class:`WriteFailed`: a reader that
    went away ends quietly, a full disk is one line and exit 1)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, data: bytes) -> int:
        try:
            return self.raw.write(data)
        except OSError as exc:
            raise WriteFailed(exc) from None

    def flush(self) -> None:
        try:
            self.raw.flush()
        except OSError as exc:
            raise WriteFailed(exc) from None


class WriteFailed(Exception):
    """Writing to stdout failed (a closed pipe, a full disk, an I/O error)."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.strerror or str(exc))
        self.errno = exc.errno
        self.strerror = exc.strerror or str(exc)
