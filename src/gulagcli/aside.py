"""Work done on a second CPU: a forked child that runs beside this process.

Only the result crosses back: a yes or no (the exit status), or tables the child wrote into an
SQLite file of its own. The child writes nothing else, prints nothing, and leaves with
``os._exit``, so none of the parent's state (open files, buffers, the compiled store being
written) is touched twice. Where there is no fork, or it fails, the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

Fill = Callable[[sqlite3.Connection], None]

# From this much JSON, checking or compiling takes seconds, and the work a child does beside the
# process (validate's schema check, the compile's search index) takes about as long as the
# rest: worth a second CPU. bench/README.md gives what it gained.
MIN_SIZE = 8 * 1024 * 1024


def fork(work: Callable[[], bool]) -> int | None:
    """Run ``work`` in a forked child, which exits 0 if it returns true; the child's pid, or
    None where there is no fork."""
    if not hasattr(os, "fork"):
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: no output, no cleanup of the parent's state, just the verdict
        try:
            os._exit(0 if work() else 1)
        finally:
            os._exit(2)
    return pid


def succeeded(pid: int) -> bool:
    """Wait for a child; whether it exited with success."""
    try:
        _, status = os.waitpid(pid, 0)
    except OSError:
        return False
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


@contextlib.contextmanager
def tables_aside(folder: Path | None, schema: str, fill: Fill, tables: tuple[str, ...]) -> Iterator[Fill]:
    """A function that puts ``tables``, as ``fill`` writes them, into a database of ``schema``.

    Given a ``folder`` to write in, a forked child starts at once: it fills a database of its
    own there, and the function returned waits for it and copies the tables it made in (outside
    any open transaction). Without a folder or a fork, when the child fails, or when the first
    table cannot be written (``tables`` come in the order to try them), the function calls
    ``fill`` itself. However the block ends, the child is gone and its file removed.
    """
    if folder is None:
        yield fill
        return
    try:
        fd, side = tempfile.mkstemp(prefix=".gulag-", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError:
        yield fill
        return

    def work() -> bool:
        child = sqlite3.connect(side)
        child.executescript(schema)  # with the pragmas it is to be written under
        fill(child)
        child.close()
        return True

    pid = fork(work)

    def joined(conn: sqlite3.Connection) -> None:
        nonlocal pid
        done, pid = pid is not None and succeeded(pid), None
        if not done:
            return fill(conn)
        conn.execute("ATTACH DATABASE ? AS side", (side,))
        try:
            with conn:
                there = {name for (name,) in conn.execute("SELECT name FROM side.sqlite_master WHERE type = 'table'")}
                for table in tables:
                    if table in there:  # a row made here already (a default setting) gives way
                        conn.execute(f"INSERT OR REPLACE INTO main.{table} SELECT * FROM side.{table}")
        except sqlite3.OperationalError:  # a table this SQLite will not let us write: all made here
            fill(conn)  # (the first refused, nothing was written: without a journal, none undoes it)
        finally:
            conn.execute("DETACH DATABASE side")

    try:
        yield joined if pid is not None else fill
    finally:
        if pid is not None:  # the block failed before the join: stop the child
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            succeeded(pid)
        with contextlib.suppress(OSError):
            os.unlink(side)
