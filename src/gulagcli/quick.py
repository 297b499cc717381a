"""`show` and `timeline` answered before Typer is imported (issue 10, start-up).

Importing Typer and Click and building a command is most of a bare Typer app's start-up. The
commands people and scripts run most, `gulag show REF` and `gulag timeline` with the options in
:data:`GRAMMARS`, are answered here when the compiled store holds the answer ready (an exact id,
name or alias; the whole timeline or a date range). Any other argument list, and any question
the compiled store does not answer directly, returns None before anything is written, and the
Typer layer takes it as usual; so do option values Click would refuse, for Click's message. The
same functions write the answer on both paths, through the same gate (:func:`edge.gated`), and
tests/test_quick.py holds the two to the same bytes, messages and exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from .edge import gated, report
from .errors import ExitCode, GulagError
from .render.output import MAX_LIMIT, DetailFormat, OutputFormat

COMPLETE_VAR = "_GULAG_COMPLETE"  # Click's shell completion: the Typer layer answers it

LISTING_FORMATS = tuple(f.value for f in OutputFormat)
DETAIL_FORMATS = tuple(f.value for f in DetailFormat)


class Grammar(NamedTuple):
    """The options a command is answered here with: flags, options taking a value (long name
    first, then its short one), and how many arguments."""

    flags: dict[str, str]
    valued: dict[str, str]
    arguments: int


GRAMMARS = {
    "show": Grammar({"--json": "--json", "--no-color": "--no-color"},
                    {"--format": "--format", "-f": "--format", "--data": "--data", "-d": "--data"}, 1),
    "timeline": Grammar(
        {"--json": "--json", "--no-color": "--no-color", "--reverse": "--reverse", "-r": "--reverse"},
        {"--format": "--format", "-f": "--format", "--from": "--from", "--to": "--to", "--limit": "--limit",
         "-n": "--limit", "--data": "--data", "-d": "--data"}, 0),
}


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
    grammar = GRAMMARS.get(argv[0]) if argv else None
    parsed = _parse(argv[1:], grammar) if grammar is not None else None
    if parsed is None:
        return None
    options, arguments = parsed
    as_json, no_color = "--json" in options, "--no-color" in options
    fmt, data = options.get("--format"), options.get("--data")
    if data == "":  # Click makes a path of it; the Typer layer says what is wrong with it
        return None
    store = Path(data) if data is not None else None
    if argv[0] == "show":
        if fmt is not None and fmt not in DETAIL_FORMATS:
            return None
        return lambda: _show(arguments[0], store, fmt, as_json, no_color)
    limit = options.get("--limit")
    if (fmt is not None and fmt not in LISTING_FORMATS) or (limit is not None and not _in_range(limit)):
        return None
    since, until, reverse = options.get("--from"), options.get("--to"), "--reverse" in options
    return lambda: _timeline(store, fmt, as_json, no_color, since, until, int(limit) if limit else None, reverse)


def _parse(args: list[str], grammar: Grammar) -> tuple[dict[str, str], list[str]] | None:
    """Options by their long names (a flag's value is empty) and the arguments; None for anything
    the grammar does not have, an option given twice, or a value Click would read differently."""
    options: dict[str, str] = {}
    arguments: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        long = grammar.valued.get(name if eq and name.startswith("--") else arg)  # --to=1954 or --to 1954
        if arg in grammar.flags:
            options[grammar.flags[arg]] = ""
        elif long is not None and long not in options and (eq or i + 1 < len(args)):
            if not eq:
                i += 1
                value = args[i]
            options[long] = value.lower() if long == "--format" else value  # Click's choice ignores case
        elif not arg.startswith("-") or arg == "-":
            arguments.append(arg)
        else:
            return None
        i += 1
    if len(arguments) != grammar.arguments or not options.get("--format", "").isascii():
        return None
    return options, arguments


def _in_range(text: str) -> bool:
    return text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_LIMIT


def _show(query: str, data: Path | None, fmt: str | None, as_json: bool, no_color: bool) -> int | None:
    from .commands.fast import exact, print_found
    from .entity import Resolution
    from .render.emit import make_output

    out = make_output(fmt, as_json, no_color)
    found = exact(query, None, data)
    if found is None:
        return None
    entity, others, text = found
    print_found(out, Resolution(entity, others), text)
    return ExitCode.OK


def _timeline(data: Path | None, fmt: str | None, as_json: bool, no_color: bool, since: str | None, until: str | None,
              limit: int | None, reverse: bool) -> int | None:
    from .commands.fast import timeline
    from .render.emit import make_output

    out = make_output(fmt, as_json, no_color)
    done = timeline(out, data, since=since, until=until, limit=limit, reverse=reverse)
    return ExitCode.OK if done else None
