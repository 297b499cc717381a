"""One error family for the whole core; the CLI turns each into its exit code."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit statuses, documented in the README and in ``gulag --help``."""

    OK = 0  # success, including an empty listing
    FAILURE = 1  # could not write output (file exists without --force, unwritable path)
    USAGE = 2  # bad arguments: unparseable or ambiguous dates, --from after --to, unknown format
    NOT_FOUND = 3  # a lookup, or a --place/--person/--tag filter, matched nothing
    AMBIGUOUS = 4  # a lookup matched several entities equally well
    DATA = 5  # the store is missing, unreadable or invalid
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class GulagError(Exception):
    """Base of every error the core raises; ``message`` is one line a user can act on."""

    exit_code: ExitCode = ExitCode.FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(GulagError):
    exit_code = ExitCode.USAGE


class NotFoundError(GulagError):
    exit_code = ExitCode.NOT_FOUND

    def __init__(self, message: str, *, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


class AmbiguousError(GulagError):
    exit_code = ExitCode.AMBIGUOUS

    def __init__(self, message: str, *, candidates: tuple[tuple[str, str, str], ...]) -> None:
        super().__init__(message)
        # (kind, id, name) of every candidate, best first
        self.candidates = candidates


class DataError(GulagError):
    exit_code = ExitCode.DATA


class OutputError(GulagError):
    exit_code = ExitCode.FAILURE


def given_flags(pairs: Iterable[tuple[str, object]]) -> tuple[str, bool]:
    """The flags of ``pairs`` (flag, value) that were given, named as a sentence names them
    ("--raw, --bom and --kind"; "" for none), and whether there are several: for the one-line
    refusal of options that do not apply, which a usage error says rather than ignores."""
    given = [flag for flag, value in pairs if value]
    named = ", ".join(given[:-1]) + " and " + given[-1] if len(given) > 1 else "".join(given)
    return named, len(given) > 1
