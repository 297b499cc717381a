"""`python -m gulagcli` and the `gulag` command.

The entry point lives here, not in cli.py, so that a Ctrl-C while the CLI's modules are still
being imported (the first tenth of a second) exits 130 like any other, without a traceback.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run gulag on ``argv`` (by default the command line) and exit with its code: answered before
    Typer loads where :mod:`gulagcli.quick` can, by the Typer layer otherwise."""
    args = sys.argv[1:] if argv is None else argv
    try:
        from .quick import answer

        if sys.stdout is not None and (code := answer(args)) is not None:
            sys.exit(code)
        from .cli import main as run

        run(args)
    except KeyboardInterrupt:
        sys.exit(130)  # 128 + SIGINT, as ExitCode.INTERRUPTED says


if __name__ == "__main__":
    main()
