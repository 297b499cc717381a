"""`python -m gulagcli` and the `gulag` command.

The entry point lives here, not in cli.py, so that a Ctrl-C while the CLI's modules are still
being imported (the first tenth of a second) exits 130 like any other, without a traceback.
"""

from __future__ import annotations

import sys


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP (a closed terminal, `kill`) end gulag as Ctrl-C does: by an exception,
    so a half-written output's temporary file is removed on the way out, not left beside it.
    A signal the parent chose to ignore (`nohup`) stays ignored."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, stop)


def main(argv: list[str] | None = None) -> None:
    """Run gulag on ``argv`` (by default the command line) and exit with its code: answered before
    Typer loads where :mod:`gulagcli.quick` can, by the Typer layer otherwise."""
    args = sys.argv[1:] if argv is None else argv
    if sys.stderr is None:  # started with stderr closed (`2>&-`): messages go nowhere, exit codes stay
        import os

        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the whole run)
    stop_on_signals()
    try:
        from .render.term import bound_columns, fold_help_words, no_color_everywhere

        bound_columns()
        no_color_everywhere(args)
        fold_help_words(args)
        from .quick import answer

        if sys.stdout is not None and (code := answer(args)) is not None:
            sys.exit(code)
        from .cli import main as run

        run(args)
    except KeyboardInterrupt:
        sys.exit(130)  # 128 + SIGINT, as ExitCode.INTERRUPTED says


if __name__ == "__main__":
    main()
