"""`python -m gulagcli` and the `gulag` command.

The entry point lives here, not in cli.py, so that a Ctrl-C while the CLI's modules are still
being imported (the first tenth of a second) exits 130 like any other, without a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .quick import answer

        if sys.stdout is not None and (code := answer(sys.argv[1:])) is not None:
            sys.exit(code)
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        sys.exit(130)  # 128 + SIGINT, as ExitCode.INTERRUPTED says


if __name__ == "__main__":
    main()
