"""Find, read and check a store, and build the indexed :class:`Store` the commands query."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import DataError

if TYPE_CHECKING:
    from .check import Problem
    from .compiled import Compiled
    from .models import Store

# The JSON reader (jsonfile) is imported where a store is read, not at start-up: the answers
# read from a compiled store never parse the JSON.
ENV_VAR = "GULAG_DATA"
MAX_BYTES = 2 * 1024**3  # a store past 2 GiB is refused before it is read into memory
BULK_MIN_BYTES = 4 * 1024 * 1024  # from here msgspec decodes faster than its import costs


def bundled_path() -> Path:
    """The store shipped in the wheel, or the repository's ``data/`` in a source checkout."""
    # Beside this module in an installed wheel; importlib.resources would say the same for a
    # package on disk, at the price of importing it (milliseconds of every start-up).
    packaged = Path(__file__).with_name("data") / "events.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "events.json"


def schema_path() -> Path:
    return bundled_path().with_name("schema.json")


def locate(data: Path | None) -> Path:
    """``--data`` wins, then ``$GULAG_DATA``, then the bundled store."""
    if data is not None:
        return data
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else bundled_path()


def read_json(path: Path) -> Any:
    """The whole store decoded at once (for `gulag validate`, which checks it as one document)."""
    from . import jsonfile

    return jsonfile.decode(jsonfile.read_text(path, max_bytes=MAX_BYTES, env_var=ENV_VAR), path)


def packaged_db(path: Path) -> Path | None:
    """The compiled file shipped in the wheel beside the bundled store (see hatch_build.py)."""
    packaged = Path(__file__).with_name("data") / "events.json"
    return packaged.with_suffix(".sqlite") if path == packaged else None


def load(data: Path | None = None, *, compiled: bool = True) -> Store:
    """Locate, read and check a store; raise DataError naming the first problems.

    The store is read through its compiled form (:mod:`gulagcli.compiled`), built on first use;
    ``compiled=False`` (or ``GULAG_COMPILED=0``) reads the JSON directly: the reference path.
    """
    path = locate(data)
    if compiled and (db := open_compiled(path)) is not None:
        return db.store()
    return load_plain(path)


def open_compiled(path: Path, *, build: bool = True) -> Compiled | None:
    from .compiled import open_store

    return open_store(path, build=build)


@contextmanager
def collector_paused(*, freeze: bool) -> Iterator[None]:
    """The cyclic garbage collector off while a store's records are built: they are tuples,
    dicts and strings with no cycles, and the collector would walk the millions of them again
    and again while nothing it could free exists yet (a third of `validate`'s time on a rich
    100,000-event store). ``freeze``: what was built lives as long as the process, so the
    collector never walks it afterwards either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def load_plain(path: Path) -> Store:
    with collector_paused(freeze=True):
        return _read_and_check(path)


def _read_and_check(path: Path) -> Store:
    # The checks are imported here, not at start-up: a compiled store has passed them already.
    from . import jsonfile, jsonscreen
    from .check import build

    try:
        if _size(path) >= BULK_MIN_BYTES and (bulk := _bulk()) is not None:
            # The bytes are handed over, not kept here, so they are freed once decoded.
            built: Store | None = bulk.build(jsonfile.read_bytes(path, max_bytes=MAX_BYTES), path=str(path))
            if built is not None:
                return built
        raw = jsonfile.read_bytes(path, max_bytes=MAX_BYTES, env_var=ENV_VAR)
        text = jsonfile.utf8(raw, path)
        jsonscreen.screen(raw, path)
        del raw
        members: Any = jsonfile.top_level(text, path) if jsonfile.is_object(text) else jsonfile.decode(text, path)
        store, problems = build(members, path=str(path))
        del text
    except MemoryError:
        raise DataError(f"{path}: not enough memory to load this store") from None
    if problems:
        raise invalid(path, problems)
    assert store is not None
    return store


def invalid(path: Path, problems: list[Problem]) -> DataError:
    import shlex  # a name with a space is quoted, so that the command can be pasted

    command = f"gulag validate {shlex.quote(str(path))}"
    more = f" (and {len(problems) - 1} more; run `{command}`)" if len(problems) > 1 else ""
    return DataError(f"{path}: invalid store: {problems[0]}{more}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _bulk() -> ModuleType | None:
    """The msgspec loader for large stores, when msgspec is installed."""
    try:
        from . import bulk
    except ImportError:
        return None
    return bulk


__all__ = ["bundled_path", "invalid", "load", "load_plain", "locate", "read_json", "schema_path"]
