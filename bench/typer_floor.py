"""The framework floor: the smallest two-command Typer app, timed beside `gulag`.

A Typer app with a single command collapses into that command, so this one has two, like any
real CLI. It imports nothing but Typer, does no I/O beyond one line of output, and so measures
what starting the interpreter, importing Typer and dispatching one command costs.

    python bench/typer_floor.py hello world
    python bench/typer_floor.py bye --formal
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer()


@app.command()
def hello(name: Annotated[str, typer.Argument(help="Who to greet.")] = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


@app.command()
def bye(formal: Annotated[bool, typer.Option("--formal", help="Be formal.")] = False) -> None:
    """Say goodbye."""
    print("goodbye" if formal else "bye")


if __name__ == "__main__":
    app()
