"""The edge of the process, without Typer: stdout and stderr behind the output gate, a failed
write to stdout, and a GulagError turned into its message and exit code.

The Typer layer (:mod:`gulagcli.cli`) and the answers given before Typer loads
(:mod:`gulagcli.quick`) both run through here, so they fail the same way.
"""

from __future__ import annotations

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
    sys.stdout, sys.stderr = GatedStream(out, stdout=True), GatedStream(err, always=True)
    try:
        try:
            result = run()
            sys.stdout.flush()
            return result
        except WriteFailed as exc:
            return write_failed(exc, out)
    finally:
        sys.stdout, sys.stderr = out, err


def forgiving(stream: Any) -> None:
    """A stream that cannot encode a character (PYTHONIOENCODING=ascii, a cp1252 console)
    writes it as a backslash escape instead of failing."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        utf = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf = False
    if not utf and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")


def write_failed(exc: Any, out: Any) -> ExitCode:
    """Stdout could not be written: quiet for a reader that went away (`gulag timeline | head
    -1`), one line and exit 1 for a full disk or an I/O error."""
    import errno

    # Point stdout at /dev/null so that the interpreter's final flush does not fail again.
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
    if exc.errno == errno.EPIPE:
        return ExitCode.OK
    sys.stderr.write(f"gulag: error: cannot write to standard output: {exc.strerror}\n")
    return ExitCode.FAILURE


def report(exc: GulagError) -> int:
    """The error's message (and what it could have meant) on stderr; returns its exit code."""
    from .render.safe import terminal

    sys.stderr.write(f"gulag: error: {terminal(exc.message)}\n")
    if isinstance(exc, NotFoundError) and exc.suggestions:
        sys.stderr.write(f"did you mean: {terminal(', '.join(exc.suggestions))}?\n")
    if isinstance(exc, AmbiguousError):
        for kind, ident, name in exc.candidates[:SHOWN_CANDIDATES]:
            sys.stderr.write(f"  {kind:<7} {terminal(ident):<32} {terminal(name)}\n")
        if (rest := len(exc.candidates) - SHOWN_CANDIDATES) > 0:
            sys.stderr.write(f"  ... and {rest} more\n")
    return exc.exit_code
