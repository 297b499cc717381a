"""The edge of the process, without Typer: stdout and stderr behind the output gate, a failed
write to stdout, and a GulagError turned into its message and exit code.

The Typer layer (:mod:`gulagcli.cli`) and the answers given before Typer loads
(:mod:`gulagcli.quick`) both run through here, so they fail the same way.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

from .errors import AmbiguousError, ExitCode, GulagError, NotFoundError

T = TypeVar("T")

SHOWN_CANDIDATES = 10  # an ambiguous name lists this many candidates, then a count of the rest


def gated(run: Callable[[], T]) -> T | ExitCode:
    """``run()`` with everything written to stdout and stderr passing the output gate
    (render/safe.py), stdout flushed after it; a write to stdout that fails gives its exit code."""
    from .render.safe import GatedStream, WriteFailed

    out, err = sys.stdout, sys.stderr
    forgiving(out)
    forgiving(err)
    sink = whole_writes(out)
    sys.stdout, sys.stderr = GatedStream(sink, stdout=True), GatedStream(err, always=True)
    try:
        try:
            result = run()
            sys.stdout.flush()
            return result
        except WriteFailed as exc:
            return write_failed(exc, out)
    finally:
        if sink is not out:
            with suppress(OSError, ValueError):
                sink.flush()
        sys.stdout, sys.stderr = out, err


class _WholeWrites(io.RawIOBase):
    """Stdout's descriptor, written in full or not at all: the kernel may take only part of a
    large write (a file that reaches its size limit, a disk filling up) and Python's buffered
    writer then reports the shorter count, not an error; writing the rest raises the error."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            done += os.write(self.fd, view[done:])
        return done

    def close(self) -> None:  # the descriptor stays the interpreter's
        self.flush()
        super().close()


class ClosedStdout(io.TextIOBase):
    """Stdout when the process started without one (``>&-``): what is written there fails as a
    full disk does, one line and exit 1, instead of vanishing with exit 0."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "it is closed")


def whole_writes(out: Any) -> Any:
    """``out`` (a text stream on a real descriptor) rebuilt over :class:`_WholeWrites`, with its
    encoding and error handling; ``out`` itself where it has no descriptor (a test's capture)."""
    try:
        fd = out.fileno()
        out.flush()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return out
    if not isinstance(getattr(out, "buffer", None), (io.BufferedWriter, io.FileIO)):  # FileIO: PYTHONUNBUFFERED
        return out
    return io.TextIOWrapper(io.BufferedWriter(_WholeWrites(fd)), encoding=out.encoding, errors=out.errors,
                            line_buffering=out.line_buffering, write_through=getattr(out, "write_through", False))


def forgiving(stream: Any) -> None:
    """A stream that cannot encode a character (PYTHONIOENCODING=ascii, a cp1252 console)
    writes it as a JSON-style escape (``\\u00ab``) instead of failing: readable in text, and
    still valid inside a JSON string, where Python's own ``\\xab`` is not."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        utf = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf = False
    if not utf and hasattr(stream, "reconfigure"):
        try:
            codecs.lookup_error(ESCAPE)
        except LookupError:
            codecs.register_error(ESCAPE, _json_escape)
        stream.reconfigure(errors=ESCAPE)


ESCAPE = "gulag-json-escape"


def _json_escape(exc: UnicodeError) -> tuple[str, int]:
    """Each character the encoding lacks as ``\\uXXXX`` (a pair of them past U+FFFF)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start:exc.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


def write_failed(exc: Any, out: Any) -> ExitCode:
    """Stdout could not be written: quiet for a reader that went away (`gulag timeline | head
    -1`), one line and exit 1 for a full disk or an I/O error."""
    import errno

    from .render.safe import silence

    silence(out)  # so that the interpreter's final flush does not fail again
    if exc.errno == errno.EPIPE:
        return ExitCode.OK
    sys.stderr.write(f"gulag: error: cannot write to standard output: {exc.strerror}\n")
    return ExitCode.FAILURE


def report(exc: GulagError) -> int:
    """The error's message (and what it could have meant) on stderr; returns its exit code."""
    from .render.safe import message, terminal

    sys.stderr.write(f"gulag: error: {message(exc.message)}\n")
    if isinstance(exc, NotFoundError) and exc.suggestions:
        sys.stderr.write(f"did you mean: {terminal(', '.join(exc.suggestions))}?\n")
    if isinstance(exc, AmbiguousError):
        for kind, ident, name in exc.candidates[:SHOWN_CANDIDATES]:
            sys.stderr.write(f"  {kind:<7} {terminal(ident):<32} {terminal(name)}\n")
        if (rest := len(exc.candidates) - SHOWN_CANDIDATES) > 0:
            sys.stderr.write(f"  ... and {rest} more\n")
    return exc.exit_code
