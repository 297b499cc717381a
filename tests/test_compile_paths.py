"""Every way of compiling a store writes the same compiled store.

A large store is checked by the msgspec loader (gulagcli.bulk) with its records cut from the
file, and its search postings are made by a forked child while the records render; a small one
goes through the field-by-field reader in one process. Which way was taken must never show.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gulagcli.store
from gulagcli import compile as compiling
from gulagcli import tables
from gulagcli.errors import DataError
from gulagcli.render.output import FloatFreeEncoder, encode_compact
from gulagcli.render.safe import GatedStream
from gulagcli.store import bundled_path

from .conftest import MINI
from .test_compiled import generate

# Each table, and the full-text index (its words' documents and fields, and its stored pages).
TABLES = ("meta", "events", "rendered", "cards", "names", "docs", "temp.postings", "fulltext_data", "fulltext_idx")


def tables_of(conn: sqlite3.Connection) -> dict[str, Any]:
    """Every table of a compiled store, records decoded (their text may differ between paths)."""
    conn.execute("CREATE VIRTUAL TABLE temp.postings USING fts5vocab(main, fulltext, instance)")
    found = {t: sorted(conn.execute(f"SELECT * FROM {t}")) for t in TABLES}
    found["records"] = [(s, n, i, json.loads(js)) for s, n, i, js in
                        conn.execute("SELECT * FROM records ORDER BY section, seq")]
    return found


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.write(200, seed=11, rich=True, path=tmp_path_factory.mktemp("rich") / "store.json")


def compiled(store: Path, folder: Path, name: str, *, bulk: bool, forked: bool,
             monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every table of the store compiled one way, records decoded (their text may differ)."""
    monkeypatch.setattr(gulagcli.store, "BULK_MIN_BYTES", 0 if bulk else 1 << 40)
    monkeypatch.setattr(compiling, "PARALLEL_MIN_BYTES", 0 if forked else 1 << 40)
    raw, content = compiling.read_source(store)
    conn = sqlite3.connect(folder / name)
    try:
        compiling.compile_into(conn, raw, store, content, aside=folder)
        return tables_of(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("which", ["bundled", "mini", "rich"])
def test_every_compile_path_writes_the_same_store(
    which: str, rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = {"bundled": bundled_path(), "mini": MINI, "rich": rich}[which]
    reference = compiled(store, tmp_path, "reader.sqlite", bulk=False, forked=False, monkeypatch=monkeypatch)
    assert compiled(store, tmp_path, "bulk.sqlite", bulk=True, forked=False, monkeypatch=monkeypatch) == reference
    assert compiled(store, tmp_path, "forked.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch) == reference
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bulk.sqlite", "forked.sqlite", "reader.sqlite"]


def test_when_the_child_fails_its_tables_are_made_here(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = compiled(rich, tmp_path, "reader.sqlite", bulk=False, forked=False, monkeypatch=monkeypatch)
    parent, make = os.getpid(), tables.cards

    def cards_failing_in_the_child(conn: sqlite3.Connection, store: Any) -> None:
        if os.getpid() != parent:
            raise MemoryError("the child ran out of memory")
        make(conn, store)

    monkeypatch.setattr(tables, "cards", cards_failing_in_the_child)
    assert compiled(rich, tmp_path, "forked.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch) == reference


def test_when_the_childs_tables_cannot_be_copied_they_are_made_here(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SQLite that refuses writes to the full-text index's own tables (a "defensive" build)
    refuses the first table copied from the child; nothing is copied, all is made here."""
    reference = compiled(rich, tmp_path, "reader.sqlite", bulk=False, forked=False, monkeypatch=monkeypatch)
    parent, make = os.getpid(), tables.names

    def names_beside_a_table_refused_here(conn: sqlite3.Connection, store: Any) -> None:
        if os.getpid() != parent:
            conn.execute("CREATE TABLE refused (x)")  # the parent's file has no such table to write
            conn.execute("INSERT INTO refused VALUES (1)")
        make(conn, store)

    monkeypatch.setattr(tables, "names", names_beside_a_table_refused_here)
    monkeypatch.setattr(compiling, "ASIDE", ("refused", *compiling.ASIDE))
    assert compiled(rich, tmp_path, "forked.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch) == reference


def test_a_failed_compile_stops_the_child_and_removes_its_file(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(tables, "hits", broken)  # made here, while the child makes the search
    with pytest.raises(RuntimeError, match="rendering failed"):
        compiled(rich, tmp_path, "broken.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch)
    assert [p.name for p in tmp_path.iterdir()] == ["broken.sqlite"]  # the child's file is gone
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # and so is the child: nothing left to wait for


@pytest.mark.parametrize("damage", ["a section given twice", "a byte that is not UTF-8", "a lone surrogate",
                                    "a huge number"])
def test_a_store_only_the_byte_scans_refuse_is_refused_alike_when_the_child_skips_them(
    damage: str, rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compile's child does not scan the bytes again (the process does, and the child's
    tables are used only if the process's checks pass): each store those scans refuse is refused
    with the plain loader's error on every path, and the child is gone with its file."""
    text = rich.read_text(encoding="utf-8")
    broken = tmp_path / "broken.json"
    if damage == "a section given twice":  # the same both times: only the scan for it refuses this
        tags = json.dumps(json.loads(text)["tags"])
        broken.write_text(text.rstrip().removesuffix("}") + f', "tags": {tags}}}', encoding="utf-8")
    elif damage == "a byte that is not UTF-8":
        broken.write_bytes(text.encode("utf-8").replace(b"Ozerny Zaton", b"Ozerny Zat\xffn"))
    elif damage == "a lone surrogate":
        broken.write_text(text.replace("Ozerny Zaton", "Ozerny Zat\\ud800n"), encoding="utf-8")
    else:
        broken.write_text(re.sub(r'"value": \d+', '"value": 1' + "0" * 5000, text, count=1), encoding="utf-8")
    assert broken.read_bytes() != rich.read_bytes()
    errors = []
    for name, bulk, forked in (("reader", False, False), ("bulk", True, False), ("forked", True, True)):
        with pytest.raises(DataError) as raised:
            compiled(broken, tmp_path, f"{name}.sqlite", bulk=bulk, forked=forked, monkeypatch=monkeypatch)
        errors.append((type(raised.value), str(raised.value)))
    assert errors[0] == errors[1] == errors[2], errors
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["broken.json", "bulk.sqlite", "forked.sqlite", "reader.sqlite"]  # no child's file
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


# JSON values as records hold them: no floats (an event's numbers are counts and years).
_TEXT = st.text(st.characters(exclude_categories=["Cs"]))
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=20)


def _text(row: str | bytes) -> str:
    """A compiled row as the reader gets it back from SQLite: text (bytes are stored as text)."""
    return row if isinstance(row, str) else row.decode()


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_the_float_free_encoder_writes_what_the_standard_one_writes(value: object) -> None:
    assert _text(FloatFreeEncoder().row(value)) == encode_compact(value)


def test_a_record_is_kept_as_msgspecs_bytes_unless_it_holds_a_character_to_escape() -> None:
    encoder = FloatFreeEncoder()
    clean, hostile = {"title": "Кенгир – 1954"}, {"title": "Kengir \u202e\x9b"}
    assert encoder.row(clean) == encode_compact(clean).encode()
    assert encoder.row(hostile) == encode_compact(hostile) and "\\u202e" in encode_compact(hostile)


def test_the_float_free_encoder_hands_what_msgspec_refuses_to_the_standard_one() -> None:
    encoder = FloatFreeEncoder()
    for value in ({"text": "half a pair \ud800"}, {"big": 2**70}, {1: "a key that is no string"}):
        assert _text(encoder.row(value)) == encode_compact(value)
        # a part msgspec refuses stays a part; a record holding it is remade without fragments
        assert _text(encoder.row({"sources": [encoder.fragment(value)]}, lambda v=value: {"sources": [v]})) \
            == encode_compact({"sources": [value]})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(_TEXT, _VALUES, max_size=3), max_size=4), _VALUES)
def test_a_record_holding_encoded_fragments_is_the_record_encoded_whole(parts: list[Any], rest: object) -> None:
    encoder = FloatFreeEncoder()
    assert _text(encoder.row({"rest": rest, "sources": [encoder.fragment(p) for p in parts]})) \
        == encode_compact({"rest": rest, "sources": parts})


def test_a_large_compile_shows_its_stages_on_a_terminal_and_nothing_in_a_pipe(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pty  # noqa: F401  (a POSIX terminal is what this test is about)

    monkeypatch.setattr(compiling, "PROGRESS_MIN_EVENTS", 0)  # as large as a bar needs
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "120")
    master, slave = os.openpty()
    os.set_blocking(master, False)
    tty = open(slave, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (closed below)
    monkeypatch.setattr("sys.stderr", GatedStream(tty, always=True))  # as every command runs
    try:
        compiled(rich, tmp_path, "shown.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch)
        tty.flush()
        screen = b""
        with contextlib.suppress(BlockingIOError):
            while chunk := os.read(master, 65536):
                screen += chunk
    finally:
        tty.close()
        os.close(slave)
        os.close(master)
    text = screen.decode("utf-8", errors="replace")
    for stage in ("events", "search hits", "names, cards and search index"):
        assert f"compiling the store: {stage}" in text
    assert "\x1b[?25h" in text and text.endswith("\x1b[2K")  # the cursor given back, the line cleared
    assert "\\x1b" not in text and "\\r" not in text  # drawn, not shown as escapes by the gate

    piped = tmp_path / "stderr.txt"
    with piped.open("w", encoding="utf-8") as file:
        monkeypatch.setattr("sys.stderr", GatedStream(file, always=True))
        compiled(rich, tmp_path, "piped.sqlite", bulk=True, forked=True, monkeypatch=monkeypatch)
    assert piped.read_text(encoding="utf-8") == ""


SRC = Path(__file__).resolve().parents[1] / "src"
_STDLIB_ONLY = """
import sqlite3, sys

class NotInstalled:  # pip's isolated build environment: the standard library and hatchling
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top not in sys.stdlib_module_names and top != "gulagcli":
            raise ImportError(f"{name} is not in the build environment")

sys.meta_path.insert(0, NotInstalled())
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from gulagcli.compile import compile_into, read_source

store = Path(sys.argv[2])
raw, content = read_source(store)
conn = sqlite3.connect(sys.argv[3])
compile_into(conn, raw, store, content)
conn.close()
"""


@pytest.mark.parametrize("which", ["bundled", "rich"])
def test_the_compiler_needs_only_the_standard_library(
    which: str, rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wheel's build hook (hatch_build.py) compiles the bundled store where pip builds the
    wheel, with the standard library alone: the compiler must work there and write the same."""
    import subprocess
    import sys

    store = {"bundled": bundled_path(), "rich": rich}[which]
    db = tmp_path / "stdlib.sqlite"
    subprocess.run([sys.executable, "-c", _STDLIB_ONLY, str(SRC), str(store), str(db)], check=True, timeout=300)
    reference = compiled(store, tmp_path, "reference.sqlite", bulk=True, forked=False, monkeypatch=monkeypatch)
    conn = sqlite3.connect(db)
    try:
        assert tables_of(conn) == reference
    finally:
        conn.close()
