"""`cache info` and `cache clear`: where the compiled stores are, and how big."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from .. import cache
from ..cli import DataOpt, HelpOnStderr, command_app
from ..render.output import is_terminal, write_json
from ..render.safe import message

app = command_app()
group = typer.Typer(
    name="cache", cls=HelpOnStderr, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help=(
        "Where gulag keeps the compiled (SQLite) form of each store it reads, and how big it is.\n\n"
        "A store is compiled on first use and again whenever its content or gulag changes. The "
        "directory is $GULAG_CACHE_DIR, else the user cache directory (~/.cache/gulag on Linux); "
        "`cache clear` empties it. GULAG_COMPILED=0 reads the JSON directly.\n\n"
        "Examples:\n\n"
        "  gulag cache info\n\n"
        "  gulag cache info --json"
    ),
)
app.add_typer(group)


def _files(n: int) -> str:
    return f"{n} file{'' if n == 1 else 's'}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


@group.command()
def info(
    data: DataOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON (see docs/json.md).")] = False,
) -> None:
    """Say where the cache is, what it holds, and which compiled file serves a store.

    A store's compiled form is an SQLite file built from its JSON on first use, and rebuilt
    when the JSON or gulag changes. This command only looks: it builds nothing.

    Examples:

      gulag cache info --data my-store.json
    """
    from ..jsonfile import check_store_file
    from ..store import ENV_VAR, MAX_BYTES, locate, open_compiled

    path = locate(data)
    check_store_file(path, max_bytes=MAX_BYTES, env_var=ENV_VAR)  # a missing store is exit 5, as everywhere
    db = open_compiled(path, build=False)
    files, listed = cache.entries(), cache.readable()  # unlisted: null, not a made-up 0
    direct = not cache.enabled()  # GULAG_COMPILED=0: never compiled
    state = ("compiled" if db else "read-directly" if direct else "not-yet" if cache.writable()
             else "in-memory")  # every command then compiles it anew
    record: dict[str, Any] = {
        "directory": str(cache.cache_dir()), "files": len(files) if listed else None,
        "bytes": sum(size for _, size in files) if listed else None,
        "store": str(path), "compiled": str(db.origin) if db and db.origin else None,
        "in_memory": state == "in-memory", "state": state,
    }
    if as_json:
        out = typer.get_text_stream("stdout")
        write_json(record, out, pretty=is_terminal(out))  # indented on a terminal, as every --json
        return
    where = record["compiled"] or {
        "read-directly": "not compiled (read directly)",
        "in-memory": "in memory, by every command (the cache cannot be written)",
        "not-yet": "not yet (it is compiled when a command first reads it)"}[state]
    holds = (f"{_files(record['files'])}, {_size(record['bytes'])}" if listed
             else "unknown (the directory cannot be read)")
    # Paths as they are, any control character shown as an escape (typer.echo would drop some).
    for label, value in (("cache", record["directory"]), ("holds", holds), ("store", record["store"]),
                         ("compiled", where)):
        sys.stdout.write(message(f"{label + ':':<9} {value}") + "\n")


@group.command()
def clear() -> None:
    """Remove every compiled store from the cache; each is rebuilt when next needed.

    Only gulag's own files go; nothing else in the directory is touched.

    Examples:

      gulag cache clear
    """
    gone = cache.clear()
    said = f"removed {_files(len(gone))} ({_size(sum(size for _, size in gone))}) from {cache.cache_dir()}"
    sys.stderr.write(message(said) + "\n")
