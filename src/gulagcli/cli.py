"""The Typer layer: parse options, call the core, hand the result to one renderer.

Every GulagError is turned into its message on stderr and its exit code in one place,
:class:`GulagGroup.invoke`; commands never call ``sys.exit``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import store as store_mod
from .errors import AmbiguousError, ExitCode, GulagError, NotFoundError
from .render.emit import Output
from .render.output import OutputFormat, resolve_format

EXIT_CODES_HELP = ", ".join(f"{code.value} {code.name.lower().replace('_', ' ')}" for code in ExitCode)


# Each command and the module under gulagcli.commands that defines it. A command's module is
# imported only when that command runs (or help lists them all), so `gulag show` does not pay
# for the chart, the exports or the validator at start-up.
COMMANDS = {
    "timeline": "browse", "search": "browse", "show": "lookup", "figures": "facts", "on": "facts",
    "places": "facts", "people": "facts", "terms": "facts", "tags": "facts", "cite": "facts",
    "about": "facts", "chart": "export", "export": "export", "validate": "validate",
    "cache": "cache",
}


def command_app() -> typer.Typer:
    """The Typer a commands module registers its commands on."""
    return typer.Typer(rich_markup_mode="rich", add_completion=False, pretty_exceptions_enable=False)


@cache
def _module_command(module: str, name: str) -> Any:
    app_ = import_module(f"{__package__}.commands.{module}").app
    command = typer.main.get_command(app_)
    return command.get_command(None, name) if isinstance(command, TyperGroup) else command  # type: ignore[arg-type]


class GulagGroup(TyperGroup):
    """Loads commands lazily, and translates errors raised anywhere below into a one-line
    message and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

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
        except BrokenPipeError:
            # The reader went away (`gulag timeline | head -1`): stop quietly, and point stdout
            # at /dev/null so the interpreter's final flush does not complain either.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(ExitCode.OK) from None


    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any,
    ) -> Any:
        """Errors in the options before the command (`gulag --bogus`) get the same one line."""
        from typer._click import exceptions as click_exc

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click_exc.ClickException as exc:
            try:
                _usage_error(exc, None)
            except typer.Exit as stop:
                sys.exit(stop.exit_code)
        except typer.Abort:
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _usage_error(exc: Any, command: str | None) -> NoReturn:
    """A Click usage error as one line, whitespace folded (Click lists choices on new lines)."""
    hint = f"gulag {command} --help" if command else "gulag --help"
    message = " ".join(exc.format_message().split())  # `gulag` alone prints its help here
    if message:
        sys.stderr.write(f"gulag: error: {message} (see `{hint}`)\n")
    raise typer.Exit(exc.exit_code)


def _report(exc: GulagError) -> NoReturn:
    sys.stderr.write(f"gulag: error: {exc.message}\n")
    if isinstance(exc, NotFoundError) and exc.suggestions:
        sys.stderr.write(f"did you mean: {', '.join(exc.suggestions)}?\n")
    if isinstance(exc, AmbiguousError):
        for kind, ident, name in exc.candidates:
            sys.stderr.write(f"  {kind:<7} {ident:<32} {name}\n")
    raise typer.Exit(exc.exit_code)


app = typer.Typer(
    cls=GulagGroup,
    name="gulag",
    help=(
        "Timeline and fact lookup for the end of Stalin's Gulag, 1945-1962.\n\n"
        "Examples:\n\n"
        "  gulag timeline --from 1953 --to 1954\n\n"
        "  gulag show kengir\n\n"
        "  gulag search amnesty --json\n\n"
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

DataOpt = Annotated[
    Path | None,
    typer.Option("--data", "-d", metavar="FILE", show_default=False,
                 help=f"Use this store instead of the bundled one (default: ${store_mod.ENV_VAR}, "
                      "then the bundled store)."),
]
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", show_default=False, case_sensitive=False,
                 help="Output format. Default: table on a terminal, plain (tab-separated) when piped."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (NO_COLOR=1 does the same).")]


def output(fmt: OutputFormat | None, as_json: bool, no_color: bool) -> Output:
    return Output(resolve_format(fmt, as_json), no_color=no_color)



def main() -> None:
    if sys.stdout is None:  # started with stdout closed (`gulag timeline >&-`): nowhere to write
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (lives as long as the process)
    app(prog_name="gulag")
