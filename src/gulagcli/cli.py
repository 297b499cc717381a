"""The Typer layer: parse options, call the core, hand the result to one renderer.

Every GulagError is turned into its message on stderr and its exit code in one place,
:class:`GulagGroup.invoke`; commands never call ``sys.exit``.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import store as store_mod
from .edge import gated, report
from .errors import ExitCode, GulagError
from .render.emit import Output, make_output
from .render.output import DetailFormat, OutputFormat

EXIT_CODES_HELP = ", ".join(f"{code.value} {code.name.lower().replace('_', ' ')}" for code in ExitCode)


# Each command and the module under gulagcli.commands that defines it. A command's module is
# imported only when that command runs (or help lists them all), so `gulag show` does not pay
# for the chart, the exports or the validator at start-up.
COMMANDS = {
    "timeline": "browse", "search": "browse", "show": "lookup", "figures": "camps", "on": "facts",
    "places": "camps", "people": "facts", "terms": "facts", "tags": "facts", "cite": "facts",
    "about": "facts", "sources": "sources", "chart": "chart", "export": "export", "validate": "validate",
    "cache": "cache",
}


def command_app() -> typer.Typer:
    """The Typer a commands module registers its commands on."""
    return typer.Typer(rich_markup_mode="rich", add_completion=False, pretty_exceptions_enable=False)


@cache
def _module_command(module: str, name: str) -> Any:
    """The Click command ``name`` of a commands module, built alone: Typer would build every
    command of the module (its parameters, their types and help) to run one (~2 ms each)."""
    app_ = import_module(f"{__package__}.commands.{module}").app
    found: Any = None
    for info in app_.registered_commands:
        if (info.name or (info.callback.__name__.replace("_", "-") if info.callback else None)) == name:
            found = typer.main.get_command_from_info(info, pretty_exceptions_short=app_.pretty_exceptions_short,
                                                     rich_markup_mode=app_.rich_markup_mode)
            break
    else:  # a group of commands (`gulag cache`): Typer builds it whole
        command = typer.main.get_command(app_)
        found = command.get_command(None, name) if isinstance(command, TyperGroup) else command  # type: ignore[arg-type]
    if found is not None:
        found.help = unwrap_help(found.help or "")
    return found


def unwrap_help(text: str) -> str:
    """A docstring's paragraphs as single lines, so the terminal wraps them at its own width.

    Typer's rich help keeps the docstring's line breaks, which at any other width than the
    source's break sentences in the middle. Indented paragraphs (examples) keep their lines.
    """
    import inspect

    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(p if any(line.startswith(" ") for line in p.splitlines()) else " ".join(p.split())
                       for p in paragraphs)


class HelpOnStderr(TyperGroup):
    """A group run without a command (`gulag`, `gulag cache`) prints its help as a usage error
    does: on stderr, exit 2, so that stdout holds only what was asked for."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            import contextlib

            with contextlib.redirect_stdout(sys.stderr):  # Rich prints the help to "stdout"
                text = ctx.get_help()
            if text:
                sys.stderr.write(text + "\n")
            ctx.exit(ExitCode.USAGE)
        return super().parse_args(ctx, args)


class GulagGroup(HelpOnStderr):
    """Loads commands lazily, and translates errors raised anywhere below into a one-line
    message and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """`gulag help timeline` is `gulag timeline --help`; `gulag help` is `gulag --help`."""
        if args and args[0] == "help":
            # `gulag help cache info` is `gulag cache info --help`: every word names a command.
            words = list(itertools.takewhile(lambda a: not a.startswith("-"), args[1:]))
            if stray := [a for a in args[1 + len(words):] if a not in ("-h", "--help")]:
                ctx.fail(f"`gulag help` takes command names only, not {stray[0]!r}")
            words = list(itertools.dropwhile(lambda w: w == "help", words))  # `gulag help help` is `gulag help`
            self._no_stray_words(ctx, words)
            args = [*words, "--help"]
        return super().parse_args(ctx, args)

    def _no_stray_words(self, ctx: Any, words: list[str]) -> None:
        """`help timeline extra` and `help cache info extra` showed the help of the command
        before the stray word: a word past a command that has no commands of its own is refused."""
        command: Any = self
        for depth, word in enumerate(words):
            if not isinstance(command, TyperGroup):
                path = " ".join(words[:depth])
                ctx.fail(f"`gulag {path}` has no commands of its own; `gulag help {path}` shows its help")
            command = command.get_command(ctx, word)
            if command is None:
                return  # an unknown command: resolve_command names the ones spelt like it

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command names the commands spelt like it (`gulag timline`)."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            from .match import similar

            close = [c for c, _ in similar(name, COMMANDS, cutoff=60, limit=3)]
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module = COMMANDS.get(cmd_name)
        return _module_command(module, cmd_name) if module else None

    def invoke(self, ctx: Any) -> Any:
        from typer._click import exceptions as click_exc

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except GulagError as exc:
            _report(exc)
        except click_exc.ClickException as exc:
            _usage_error(exc, ctx.invoked_subcommand)

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any,
    ) -> Any:
        """Errors in the options before the command (`gulag --bogus`) get the same one line, and
        everything written to stdout and stderr passes the output gate (render/safe.py)."""
        code = gated(lambda: self._main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra))
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def _main(
        self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None,
        standalone_mode: bool, windows_expand_args: bool, **extra: Any,
    ) -> Any:
        from typer._click import exceptions as click_exc

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click_exc.ClickException as exc:
            try:
                _usage_error(exc, None)
            except typer.Exit as stop:
                return stop.exit_code
        except typer.Abort:
            return ExitCode.INTERRUPTED


def _usage_error(exc: Any, command: str | None) -> NoReturn:
    """A Click usage error as one line, whitespace folded (Click lists choices on new lines)."""
    from .render.safe import message as said

    path = getattr(getattr(exc, "ctx", None), "command_path", None)  # "gulag cache info": the deepest command
    hint = f"{path} --help" if path else f"gulag {command} --help" if command else "gulag --help"
    message = " ".join(exc.format_message().split())  # `gulag` alone prints its help here
    message = message.replace("is not a valid int range.", "is not a whole number.")  # Click's type's name
    # A long value Click repeats back (`--limit xxx...`, an unknown option or argument) is cut,
    # so that the line stays a line.
    message = _LONG_WORD.sub(_cut, message)
    if len(message) > _MAX_MESSAGE:
        message = message[:_MAX_MESSAGE] + "..."
    if message:
        sys.stderr.write(f"gulag: error: {said(message)} (see `{hint}`)\n")
    raise typer.Exit(exc.exit_code)


_LONG_WORD = re.compile(r"\S{61,}")
_CLOSING = re.compile(r"['\"]?[.,:;)]*$")  # what closes a quoted value: kept after the cut


def _cut(word: re.Match[str]) -> str:
    """A long word's first 40 characters and its closing quote: `'xxx...'`, not `'xxx...`."""
    closing = _CLOSING.search(word[0])
    return f"{word[0][:40]}...{closing[0] if closing else ''}"
_MAX_MESSAGE = 400


def _report(exc: GulagError) -> NoReturn:
    raise typer.Exit(report(exc))


app = typer.Typer(
    cls=GulagGroup,
    name="gulag",
    help=(
        "Timeline and fact lookup for the end of Stalin's Gulag, 1945-1962.\n\n"
        "Examples:\n\n"
        "  gulag timeline --from 1953 --to 1954\n\n"
        "  gulag show kengir\n\n"
        "  gulag search amnesty --json\n\n"
        "  gulag help timeline\n\n"
        f"Exit codes: {EXIT_CODES_HELP}."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"gulag {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Timeline and fact lookup for the end of Stalin's Gulag."""


# --- options every command shares -----------------------------------------------------------

def store_path(value: str) -> Path:
    """``--data`` as typed: an empty one is a usage error (pathlib would make it ".", a directory)."""
    if not value.strip():
        raise typer.BadParameter("is empty; give a store file")
    return Path(value)


DataOpt = Annotated[
    Path | None,
    typer.Option("--data", "-d", metavar="FILE", show_default=False, readable=False, parser=store_path,
                 help=f"Use this store instead of the bundled one (default: ${store_mod.ENV_VAR}, "
                      "then the bundled store)."),
]
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", show_default=False, case_sensitive=False, metavar="FORMAT",
                 help="Output format: table, plain, json, jsonl or csv. Default: table on a terminal, "
                      "plain (tab-separated) when piped."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (NO_COLOR=1 does the same).")]
RawOpt = Annotated[bool, typer.Option(
    "--raw", help="CSV: cells exactly as stored; without it a cell starting with = + - @ tab or CR "
                  "gets a leading ' so that spreadsheets do not run it as a formula (docs/safety.md).")]
BomOpt = Annotated[bool, typer.Option(
    "--bom", help="CSV: start with a UTF-8 byte order mark, for spreadsheets that need one.")]


DetailFormatOpt = Annotated[
    DetailFormat | None,
    typer.Option("--format", "-f", show_default=False, case_sensitive=False, metavar="FORMAT",
                 help="Output format: table, plain, json or jsonl. Default: table on a terminal, "
                      "plain (label: value lines) when piped."),
]


def output(fmt: OutputFormat | DetailFormat | None, as_json: bool, no_color: bool, *, raw: bool = False,
           bom: bool = False) -> Output:
    """Where a command writes (:func:`gulagcli.render.emit.make_output`)."""
    return make_output(fmt.value if fmt is not None else None, as_json, no_color, raw=raw, bom=bom)


def main(argv: list[str] | None = None) -> None:
    if sys.stdout is None:  # started with stdout closed (`gulag timeline >&-`): nowhere to write
        from .edge import ClosedStdout

        sys.stdout = ClosedStdout()  # writing to it is one line and exit 1; -o FILE still works
    app(args=argv, prog_name="gulag")
