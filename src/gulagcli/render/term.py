"""What Rich's Console would decide about stdout, decided the same way without importing Rich.

rich.console reads the environment when a Console is built: FORCE_COLOR, TTY_COMPATIBLE,
NO_COLOR, TERM, COLUMNS, LINES and the terminal's size. :func:`stdout_view` repeats those
rules (Rich 13.8 to 15) for a Console made as :func:`~.emit.make_console` makes it, and
answers None where Rich would look further (Windows consoles, Jupyter, IDLE, a proxied
stdout, an encoding that is not UTF-8 and would turn the box into ASCII), so the caller
lets Rich decide there.
"""

from __future__ import annotations

import builtins
import itertools
import os
import sys
from collections.abc import Mapping
from typing import Any, NamedTuple

MAX_WIDTH = 1000  # the widest any output is laid out, from --width or COLUMNS
MIN_WIDTH = 40  # the narrowest: COLUMNS=0 would lay out nothing at all, and a card drops its values


def bound_columns(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """COLUMNS within MIN_WIDTH..MAX_WIDTH for everything that reads it, --help's layout too:
    a huge one overflowed or laid out gigabytes of blanks, a tiny one a help 20 columns wide.
    Rich and Click take only digits, as here; anything else they ignore, and so is it left."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and not MIN_WIDTH <= int(columns) <= MAX_WIDTH:
        environ["COLUMNS"] = str(min(max(int(columns), MIN_WIDTH), MAX_WIDTH))
    if columns.isdigit() and environ.get("TERM") == "dumb" and not environ.get("LINES", "").isdigit():
        # On a dumb terminal Rich takes COLUMNS only with LINES beside it and draws --help 80 wide;
        # 25 is the height it assumes there.
        environ["LINES"] = "25"


def no_color_everywhere(args: list[str], environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """``--no-color`` (before any ``--``) acts as NO_COLOR, for --help too, which Click prints
    before it reads any other option."""
    if "--no-color" in itertools.takewhile(lambda a: a != "--", args):
        environ["NO_COLOR"] = "1"


def fold_help_words(args: list[str]) -> None:
    """On the way to --help: Typer's option tables cut a word longer than its column with "…"
    (at 40 columns, "--rever…" and "1954-06-…"); folded onto the next line instead, none of the
    help is lost. Typer 0.28 (pinned in pyproject.toml) makes its tables from rich_utils.Table."""
    asked = list(itertools.takewhile(lambda a: a != "--", args))
    if not ({"--help", "-h"} & set(asked) or asked[:1] == ["help"] or not args):
        return
    from rich.columns import Columns
    from rich.table import Table
    from rich.text import Text
    from typer import rich_utils

    class FoldingTable(Table):  # the option's names
        def add_row(self, *cells: Any, **options: Any) -> None:
            super().add_row(*cells, **options)
            for column in self.columns:
                column.overflow = "fold"

    class FoldingColumns(Columns):  # an option's help, its default and "[required]"
        def __init__(self, renderables: Any = None, *rest: Any, **options: Any) -> None:
            for item in renderables or ():
                if isinstance(item, Text):
                    item.overflow = "fold"
            super().__init__(renderables, *rest, **options)

    if getattr(rich_utils, "Table", None) is Table:  # once
        setattr(rich_utils, "Table", FoldingTable)  # noqa: B010 (neither is exported by name)
        setattr(rich_utils, "Columns", FoldingColumns)  # noqa: B010


class Ink(NamedTuple):
    """How Rich's Console would colour: ``sgr`` False writes no escapes at all (not a
    terminal, TERM=dumb); ``colours`` False keeps bold and dim but drops colours (NO_COLOR,
    --no-color)."""

    sgr: bool
    colours: bool


PLAIN = Ink(sgr=False, colours=False)


class View(NamedTuple):
    width: int
    ink: Ink


def _std_fds() -> tuple[int, int, int]:
    """rich.console._STD_STREAMS: the file descriptors of the original stdin, stdout, stderr."""
    fds = []
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            fds.append(stream.fileno())  # type: ignore[union-attr]
        except Exception:  # Rich falls back on any failure the same way
            fds.append(default)
    return fds[0], fds[1], fds[2]


def _is_terminal(environ: Mapping[str, str]) -> bool:
    """Console.is_terminal for sys.stdout."""
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return False if isatty is None else bool(isatty())
    except ValueError:
        return False


def _width(environ: Mapping[str, str], *, dumb: bool) -> int:
    """Console.width, held between MIN_WIDTH and MAX_WIDTH as make_console holds it."""
    columns, lines = environ.get("COLUMNS"), environ.get("LINES")
    fixed = int(columns) if columns is not None and columns.isdigit() else None
    if fixed is not None and lines is not None and lines.isdigit():
        width = fixed
    elif dumb:  # Rich says 80 unless LINES is set too; make_console takes COLUMNS alone as well
        width = fixed if fixed is not None else 80
    else:
        measured = None
        for fd in _std_fds():
            try:
                measured = os.get_terminal_size(fd).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        width = fixed if fixed is not None else (measured or 80)
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def stdout_view(*, no_color: bool = False, environ: Mapping[str, str] | None = None) -> View | None:
    """The width and colouring Rich would use on stdout, or None where Rich must decide."""
    env = os.environ if environ is None else environ
    stdout = sys.stdout
    # Rich 13 (still allowed by pyproject) reads an empty FORCE_COLOR or NO_COLOR as set and
    # ignores TTY_COMPATIBLE; Rich 14 and later do not: there, Rich decides.
    if env.get("FORCE_COLOR") == "" or env.get("NO_COLOR") == "" or "TTY_COMPATIBLE" in env:
        return None
    if (sys.platform == "win32" or hasattr(builtins, "get_ipython") or stdout is None
            or hasattr(stdout, "rich_proxied_file")
            or getattr(sys.stdin, "__module__", "").startswith("idlelib")):
        return None
    encoding = (getattr(stdout, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    terminal = _is_terminal(env)
    dumb = terminal and env.get("TERM", "").lower() in ("dumb", "unknown")
    colours = not no_color and env.get("NO_COLOR", "") == ""
    return View(_width(env, dumb=dumb), Ink(sgr=terminal and not dumb, colours=colours))
