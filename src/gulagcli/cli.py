"""The Typer layer: parse options, call the core, hand the result to one renderer.

Every GulagError is turned into its message on stderr and its exit code in one place,
:class:`GulagGroup.invoke`; commands never call ``sys.exit``.
"""

from __future__ import annotations

import os
import sys
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
            name = ctx.invoked_subcommand or ""
            hint = f"gulag {name} --help".replace("  ", " ")
            sys.stderr.write(f"gulag: error: {exc.format_message()} (see `{hint}`)\n")
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # The reader went away (`gulag timeline | head -1`): stop quietly, and point stdout
            # at /dev/null so the interpreter's final flush does not complain either.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(ExitCode.OK) from None


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
