"""The two commands scripts run most, answered before Typer is imported (issue 10, start-up).

``gulag show REF --json`` and ``gulag timeline --json`` (with ``--from``/``--to``) are answered
here when the compiled store holds the answer ready: an exact id, name or alias, or the whole
timeline or a date range. Importing Typer and Click and building the command is most of a
bare Typer app's start-up; these forms skip it. Any other argument list, and any question the
compiled store does not answer directly, returns None before anything is written, and the
Typer layer takes it as usual. The same functions write the answer on both paths, through the
same gate (:func:`gulagcli.edge.gated`), and tests/test_quick.py holds the two to the same bytes,
messages and exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .edge import gated, report
from .errors import ExitCode, GulagError

if TYPE_CHECKING:
    from .render.emit import Output

COMPLETE_VAR = "_GULAG_COMPLETE"  # Click's shell completion: the Typer layer answers it


def answer(argv: Sequence[str]) -> int | None:
    """The exit code of the command in ``argv`` if answered here; None: not a form answered here."""
    run = _recognise(list(argv))
    if run is None or COMPLETE_VAR in os.environ:
        return None

    def attempt() -> int | None:
        try:
            return run()
        except GulagError as exc:
            return report(exc)

    code = gated(attempt)
    return None if code is None else int(code)


def _recognise(argv: list[str]) -> Callable[[], int | None] | None:
    if argv[:1] == ["show"] and len(argv) == 3 and "--json" in argv[1:]:
        query = argv[2] if argv[1] == "--json" else argv[1]
        if query.startswith("-"):
            return None
        return lambda: _show(query)
    if argv[:1] == ["timeline"] and "--json" in argv:
        bounds = _options(argv[1:], ("--from", "--to"))
        if bounds is None:
            return None
        return lambda: _timeline(bounds.get("--from"), bounds.get("--to"))
    return None


def _options(args: list[str], names: tuple[str, ...]) -> dict[str, str] | None:
    """``--json`` once and each of ``names`` at most once with a value (``--to 1954`` or
    ``--to=1954``); None for anything else."""
    found: dict[str, str] = {}
    flags = 0
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if arg == "--json":
            flags += 1
        elif name in names and name not in found and eq:
            found[name] = value
        elif arg in names and arg not in found and i + 1 < len(args):
            found[arg] = args[i + 1]
            i += 1
        else:
            return None
        i += 1
    return found if flags == 1 else None


def _json_output() -> Output:
    from .render.emit import Output
    from .render.output import OutputFormat

    return Output(OutputFormat.JSON)


def _show(query: str) -> int | None:
    from .commands.fast import exact, print_found
    from .entity import Resolution

    found = exact(query, None, None)
    if found is None:
        return None
    entity, others, text = found
    print_found(_json_output(), Resolution(entity, others), text)
    return ExitCode.OK


def _timeline(since: str | None, until: str | None) -> int | None:
    from .commands.fast import timeline

    done = timeline(_json_output(), None, since=since, until=until, limit=None, reverse=False)
    return ExitCode.OK if done else None
