"""The compiled store changes nothing a user sees, and its cache is never trusted blindly.

The plain loader (GULAG_COMPILED=0) is the reference: every command's output through the
compiled store must be byte for byte what the plain path prints, on the bundled store, the mini
fixture and generated stores.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from gulagcli import cache
from gulagcli.cli import app
from gulagcli.compiled import open_store
from gulagcli.store import bundled_path, load

from .conftest import MINI, mini, write_store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py)

COMMANDS = [
    ["timeline", "--json"], ["timeline", "--format", "jsonl"], ["timeline", "--format", "csv"], ["timeline"],
    ["timeline", "--from", "1953", "--to", "1954", "--json"], ["timeline", "--from", "1956", "--format", "csv"],
    ["timeline", "--to", "1950", "--format", "plain"], ["timeline", "-r", "-n", "3", "--json"],
    ["timeline", "--from", "1960", "--to", "1950", "--json"], ["timeline", "--from", "2100", "--format", "csv"],
    ["timeline", "--from", "2100", "--json"], ["timeline", "--format", "table"],
    ["timeline", "--from", "1953", "--to", "1954", "--format", "table"],
    ["timeline", "-r", "-n", "3", "--format", "table"], ["timeline", "--from", "2100", "--format", "table"],
    ["show", "kengir", "--json"], ["show", "kengir"], ["show", "Kengir uprising", "--format", "plain"],
    ["show", "KENGÍR", "--json"], ["show", "place:kengir", "--json"], ["show", "beria", "--json"],
    ["show", "Кенгир", "--json"], ["show", "norilsk", "--kind", "place", "--json"], ["show", "xyzzy"],
    ["show", "kengir", "--kind", "figure"], ["show", "kokterek", "--json"], ["show", "ust vymlag"],
    ["show", "alma ata", "--kind", "place", "--json"], ["show", "amnesty", "--json"], ["show", "", "--json"],
    ["search", "amnesty", "--json"], ["search", "amnest", "strike"], ["search", "KENGÍR", "--format", "csv"],
    ["search", "Кенгир", "--json"], ["search", "", "--json"], ["search", "zzzz", "--json"],
    ["search", "the", "-n", "2"], ["search", "camp", "--json"], ["search", "a_b"], ["search", 'x"y'],
    ["search", "1954"], ["places", "--json"], ["people", "--format", "csv"], ["figures", "--json"],
    ["terms", "--json"], ["tags", "--json"], ["about", "--json"], ["chart", "--format", "plain"],
]


def invoke(args: list[str], data: Path, *, compiled: bool) -> Result:
    return CliRunner().invoke(app, [*args, "--data", str(data)], env={"GULAG_COMPILED": "1" if compiled else "0"})


def same_output(args: list[str], data: Path) -> None:
    plain, fast = invoke(args, data, compiled=False), invoke(args, data, compiled=True)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (plain.exit_code, plain.stdout, plain.stderr), args


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.write(300, seed=7, path=tmp_path_factory.mktemp("gen") / "store.json")


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("store", ["bundled", "mini", "generated"])
def test_every_output_is_byte_identical_to_the_plain_loader(args: list[str], store: str, generated: Path) -> None:
    data = {"bundled": bundled_path(), "mini": MINI, "generated": generated}[store]
    same_output(args, data)


def test_a_table_reads_only_the_fields_it_shows_and_the_whole_records_where_sqlite_cannot(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The table takes its columns out of the records in SQLite (a third of the time of decoding
    every record whole); an SQLite without JSON functions gets the whole records, and the same table."""
    from gulagcli.compiled import Compiled

    args = ["timeline", "--from", "1953", "--to", "1956", "--format", "table"]
    expected = invoke(args, bundled_path(), compiled=False).stdout
    listed: list[int] = []
    real = Compiled.listed

    def counted(self: Compiled, **kw: Any) -> Any:
        records = real(self, **kw)
        listed.append(len(records or []))
        return records

    monkeypatch.setattr(Compiled, "listed", counted)
    assert invoke(args, bundled_path(), compiled=True).stdout == expected and listed and listed[0] > 50
    events = Compiled._events

    def no_json(self: Compiled, columns: str, **kw: Any) -> Any:
        if "json_extract" in columns:
            raise sqlite3.OperationalError("no such function: json_extract")
        return events(self, columns, **kw)

    monkeypatch.setattr(Compiled, "_events", no_json)
    assert invoke(args, bundled_path(), compiled=True).stdout == expected


@pytest.mark.parametrize("args", [["timeline", "--json"], ["search", "amnesty", "--format", "jsonl"],
                                  ["show", "event-7", "--json"], ["figures", "--json"]], ids=" ".join)
def test_large_stores_read_by_msgspec_print_the_same_too(
    args: list[str], generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gulagcli.store

    monkeypatch.setattr(gulagcli.store, "BULK_MIN_BYTES", 0)  # the plain path as for a large store
    same_output(args, generated)
    plain = load(generated, compiled=False)
    assert list(plain.figures) == list(load(generated).figures)  # file order, both ways


def test_the_compiled_store_holds_the_plain_loaders_models(generated: Path) -> None:
    for path in (bundled_path(), MINI, generated):
        plain, fast = load(path, compiled=False), load(path)
        for section in ("meta", "events", "by_id", "places", "people", "terms", "figures", "sources", "tags"):
            assert getattr(fast, section) == getattr(plain, section), section
        assert list(fast.by_id) == list(plain.by_id)


def test_timeline_and_show_answer_without_building_the_store(
    gulag: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    gulag("timeline", "--json")  # compiled now
    import gulagcli.store

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the whole store was loaded")

    monkeypatch.setattr(gulagcli.store, "load", refuse)  # the commands import it when they need it
    assert gulag("timeline", "--from", "1953", "--to", "1954", "--json").exit_code == 0
    assert gulag("timeline", "--format", "csv").exit_code == 0
    assert "Kengir uprising" in gulag("timeline", "--from", "1954", "--to", "1954", "--format", "table").stdout
    # (search --json neither: see tests/test_search_index.py.)
    result = gulag("show", "Kengir", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "kengir-uprising"


def test_a_changed_store_is_recompiled_even_with_its_old_size_and_mtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)  # stamp at once, as for a store edited long ago
    store = mini()
    path = write_store(tmp_path, store)
    first = invoke(["show", "stalin-death", "--json"], path, compiled=True)
    assert json.loads(first.stdout)["title"] == "Death of Stalin"
    before = os.stat(path)
    db = cache.cache_file(path)
    assert cache.stamp_file(db).is_file()
    [death] = [e for e in store["events"] if e["id"] == "stalin-death"]
    death["title"] = "Death of Stalix"  # same length: same size
    write_store(tmp_path, store)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    second = invoke(["show", "stalin-death", "--json"], path, compiled=True)
    assert json.loads(second.stdout)["title"] == "Death of Stalix"
    assert cache.content_of(sqlite3.connect(db)) == cache.digest(path.read_bytes())


def test_a_new_version_of_gulag_replaces_its_old_compiled_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_store(tmp_path, mini())
    old = open_store(path)
    assert old is not None and old.origin is not None
    old.conn.close()
    monkeypatch.setattr(cache, "code_key", lambda: "a-later-version")
    new = open_store(path)
    assert new is not None and new.origin is not None and new.origin != old.origin
    assert not old.origin.exists()


def test_an_unchanged_store_is_not_recompiled(tmp_path: Path) -> None:
    path = write_store(tmp_path, mini())
    first = open_store(path)
    assert first is not None and first.origin is not None
    mtime = first.origin.stat().st_mtime_ns
    second = open_store(path)
    assert second is not None and second.origin == first.origin
    assert first.origin.stat().st_mtime_ns == mtime


def _garbage(db: Path) -> None:
    db.write_bytes(b"\x80\x04\x95 not a database, and certainly not to be unpickled" * 100)


def _truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _foreign(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('complete', 'yes')")
    conn.commit()
    conn.close()


def _unfinished(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM meta WHERE key = 'complete'")
    conn.commit()
    conn.close()


def _other_store(db: Path) -> None:
    """A well-formed compiled file of different content (as after a lost race)."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = 'f00d' WHERE key = 'content'")
    conn.commit()
    conn.close()
    for stamp in db.parent.glob("*.stamp"):
        stamp.unlink()


@pytest.mark.parametrize("damage", [_garbage, _truncated, _foreign, _unfinished, _other_store])
def test_a_damaged_or_foreign_cache_file_is_rebuilt_not_trusted(tmp_path: Path, damage: Callable[[Path], None]) -> None:
    path = write_store(tmp_path, mini())
    expected = invoke(["timeline", "--json"], path, compiled=False).stdout
    compiled = open_store(path)
    assert compiled is not None and compiled.origin is not None
    damage(compiled.origin)
    result = invoke(["timeline", "--json"], path, compiled=True)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == expected
    assert cache.open_trusted(compiled.origin) is not None  # rebuilt in place


def test_a_cache_file_missing_a_card_is_no_traceback(tmp_path: Path) -> None:
    """A compiled file that is well formed but lost rows (edited behind gulag's back) crashed
    `show` with KeyError; the plain path answers instead."""
    path = write_store(tmp_path, mini())
    expected = invoke(["show", "kengir-uprising", "--json"], path, compiled=False).stdout
    compiled = open_store(path)
    assert compiled is not None and compiled.origin is not None
    conn = sqlite3.connect(compiled.origin)
    conn.execute("DELETE FROM rendered")
    conn.execute("DELETE FROM cards")
    conn.commit()
    conn.close()
    for query in ("kengir-uprising", "place:kengir"):
        result = invoke(["show", query, "--json"], path, compiled=True)
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert invoke(["show", "kengir-uprising", "--json"], path, compiled=True).stdout == expected


def test_an_invalid_store_is_never_compiled(tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["places"] = ["nowhere"]
    path = write_store(tmp_path, store)
    plain, fast = invoke(["timeline"], path, compiled=False), invoke(["timeline"], path, compiled=True)
    assert fast.exit_code == plain.exit_code == 5
    assert fast.stderr == plain.stderr
    assert not cache.cache_file(path).exists()


def test_an_unusable_cache_directory_falls_back_to_memory_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("GULAG_CACHE_DIR", str(blocker / "cache"))
    expected = invoke(["timeline", "--json"], MINI, compiled=False).stdout
    code = "from gulagcli.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "timeline", "--json", "--data", str(MINI)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout == expected
    assert result.stderr.count("warning") == 1 and "cannot write the cache" in result.stderr
    assert not (blocker / "cache").exists()


def _python_for_nobody() -> tuple[list[str], dict[str, str]] | None:
    """An interpreter the user nobody may run with gulag importable: this one, or the system's
    of the same version given this environment's packages (root's own may be unreadable)."""
    import sysconfig

    here = {"PYTHONPATH": os.pathsep.join([str(ROOT / "src"), sysconfig.get_paths()["purelib"]])}
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for python, env in ((sys.executable, {}), (f"/usr/bin/python{version}", here)):
        try:
            ok = subprocess.run(["runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()),
                                 python, "-c", "import gulagcli.cli"], capture_output=True, check=False)
        except OSError:
            return None
        if ok.returncode == 0:
            return [python], env
    return None


NOBODY = _python_for_nobody() if os.geteuid() == 0 else None


@pytest.mark.skipif(NOBODY is None, reason="needs root, and an interpreter the user nobody may run")
def test_a_read_only_cache_directory_still_works() -> None:
    assert NOBODY is not None
    python, python_env = NOBODY
    base = Path(tempfile.mkdtemp(prefix="gulag-ro-"))  # /tmp: the user nobody must reach it
    try:
        (base / "cache").mkdir()
        os.chmod(base, 0o755)
        os.chmod(base / "cache", 0o755)  # root's: nobody may not write there
        store = base / "store.json"
        store.write_bytes(MINI.read_bytes())
        os.chmod(store, 0o644)
        env = {"PATH": "/usr/bin:/bin", "GULAG_CACHE_DIR": str(base / "cache"), "HOME": str(base), **python_env}
        argv = ["runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()), *python,
                "-m", "gulagcli", "timeline", "--json", "--data", str(store)]
        result = subprocess.run(argv, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout == invoke(["timeline", "--json"], MINI, compiled=False).stdout
        assert result.stderr.count("warning") == 1 and "cannot write the cache" in result.stderr
        assert list((base / "cache").iterdir()) == []
        info = subprocess.run([*argv[:argv.index("timeline")], "cache", "info", "--json", "--data", str(store)],
                              capture_output=True, text=True, check=False)
        assert info.returncode == 0 and info.stderr == "", info.stderr
        assert json.loads(info.stdout)["state"] == "in-memory" and json.loads(info.stdout)["in_memory"] is True
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.skipif(NOBODY is None, reason="needs root, and an interpreter the user nobody may run")
def test_cache_info_does_not_count_what_it_cannot_read() -> None:
    assert NOBODY is not None
    python, python_env = NOBODY
    base = Path(tempfile.mkdtemp(prefix="gulag-locked-cache-"))
    try:
        os.chmod(base, 0o755)
        (base / "cache").mkdir(mode=0o700)  # root's, and closed to nobody
        (base / "cache" / "x.sqlite").write_bytes(b"")
        env = {"PATH": "/usr/bin:/bin", "GULAG_CACHE_DIR": str(base / "cache"), "HOME": str(base), **python_env}
        argv = ["runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()), *python,
                "-m", "gulagcli", "cache", "info"]
        shown = subprocess.run(argv, capture_output=True, text=True, check=False)
        assert shown.returncode == 0, shown.stderr
        assert "holds:    unknown (the directory cannot be read)" in shown.stdout
        as_json = subprocess.run([*argv, "--json"], capture_output=True, text=True, check=False)
        assert (json.loads(as_json.stdout)["files"], json.loads(as_json.stdout)["bytes"]) == (None, None)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_concurrent_first_use_is_safe(tmp_path: Path, generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "GULAG_CACHE_DIR": str(cache_dir)}
    argv = [sys.executable, "-m", "gulagcli", "timeline", "--json", "--data", str(generated)]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(6)]
    outputs = [p.communicate(timeout=120) for p in procs]
    expected = invoke(["timeline", "--json"], generated, compiled=False).stdout.encode()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert out == expected and err == b""
    files = sorted(p.name for p in cache_dir.iterdir())
    assert [f for f in files if f.endswith(".tmp")] == []
    assert len([f for f in files if f.endswith(".sqlite")]) == 1


def test_a_pipe_is_refused_not_compiled(tmp_path: Path) -> None:
    # A FIFO is not a store file (issue 14: one with no writer would block forever): refused
    # at once, and nothing is compiled from it.
    result = subprocess.run([sys.executable, "-m", "gulagcli", "timeline", "--json", "--data", "/dev/stdin"],
                            input=MINI.read_bytes(), capture_output=True, check=False,
                            env={**os.environ, "GULAG_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 5 and b"is a FIFO" in result.stderr
    assert not (tmp_path / "cache").exists()


def test_cache_info_and_clear(gulag: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GULAG_CACHE_DIR", str(tmp_path / "c"))
    store = tmp_path / "store.json"
    store.write_bytes(MINI.read_bytes())
    monkeypatch.setattr(cache, "RACY_NS", 0)  # a store just written is stamped too
    before = gulag("cache", "info", data=store)  # it only looks: a large store is not compiled to answer
    assert before.exit_code == 0, before.output
    assert "compiled: not yet (it is compiled when a command first reads it)" in before.stdout
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())
    assert gulag("timeline", "--json", data=store).exit_code == 0
    info = gulag("cache", "info", "--json", data=store)
    assert info.exit_code == 0, info.output
    record = json.loads(info.stdout)
    assert record["directory"] == str(tmp_path / "c") and record["files"] >= 1 and record["bytes"] > 0
    assert record["compiled"] and Path(record["compiled"]).is_file()
    assert (record["state"], record["in_memory"]) == ("compiled", False)
    # Looking writes nothing, not even the stamp that remembers a file's hash (it wrote one, so a
    # cache just cleared was said to hold 1 file)
    for stamp in (tmp_path / "c").glob("*.stamp"):
        stamp.unlink()
    again = sorted((tmp_path / "c").iterdir())
    assert json.loads(gulag("cache", "info", "--json", data=store).stdout)["state"] == "compiled"
    assert sorted((tmp_path / "c").iterdir()) == again
    missing = gulag("cache", "info", data=tmp_path / "nope.json")
    assert missing.exit_code == 5 and "nope.json: no such file" in missing.stderr
    for off in ("0", "false", "No", " off "):  # GULAG_COMPILED=false was taken as on
        direct = gulag("cache", "info", "--json", data=store, env={"GULAG_COMPILED": off})
        assert (json.loads(direct.stdout)["state"], json.loads(direct.stdout)["compiled"]) == ("read-directly", None)
    # A shared cache directory keeps a user's own files, even with gulag's suffixes.
    theirs = ["keep.txt", "my-database.sqlite", "notes.stamp", "draft.tmp", "0123456789abcdef012.sqlite"]
    for name in theirs:
        (tmp_path / "c" / name).write_text("not ours")
    ours = json.loads(gulag("cache", "info", "--json", data=store).stdout)["files"]
    cleared = gulag("cache", "clear", data=None)
    assert cleared.exit_code == 0 and cleared.stdout == ""
    assert f"removed {ours} file" in cleared.stderr
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == sorted(theirs)


@pytest.mark.parametrize("argv", [["show", "kengir", "--json"], ["show", "kokterek", "--json"], ["timeline", "--json"],
                                  ["timeline", "--reverse", "--format", "jsonl"], ["timeline", "--format", "csv"],
                                  ["timeline", "-n", "5"]])
def test_answers_from_the_compiled_store_define_no_models_and_parse_no_json(argv: list[str], tmp_path: Path) -> None:
    """Start-up (issue 10): `show` of a name and the streamed timeline read ready records; the
    store's record types, its JSON reader, the date parser and the resolver are never imported."""
    import subprocess
    import sys

    probe = ("import sys\nfrom gulagcli.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = ('gulagcli.models', 'gulagcli.jsonfile', 'gulagcli.dates', 'gulagcli.query',"
             " 'gulagcli.resolve', 'rich')\n"
             "sys.stderr.write(repr(sorted(m for m in heavy if m in sys.modules)))")
    env = {k: v for k, v in os.environ.items() if k not in ("GULAG_DATA", "GULAG_COMPILED")}
    env["GULAG_CACHE_DIR"] = str(tmp_path)
    subprocess.run([sys.executable, "-m", "gulagcli", "timeline", "-n", "1"], env=env, capture_output=True,
                   timeout=120, check=True)  # compiled now, as on every run but the first
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, env=env,
                          timeout=60, check=False)
    assert done.stderr.endswith("[]"), done.stderr


def test_show_of_every_named_entity_is_byte_identical_to_the_plain_loader() -> None:
    """`show NAME --json` in a pipe writes the compiled store's ready record with its kind and
    see-also around it; that must be what encoding the plain path's record gives, for every
    place, person (by name and by family name alone) and term of the bundled store and every
    tenth event (also with see-also)."""
    store = json.loads(bundled_path().read_text(encoding="utf-8"))
    names = [p["id"] for p in store["places"]] + [p["name"] for p in store["people"]]
    names += [t["term"] for t in store["terms"]] + [e["title"] for e in store["events"][::10]]
    names += [p["name"].split()[-1] for p in store["people"]]  # a family name alone names its person
    for name in names:
        same_output(["show", name, "--json"], bundled_path())
    same_output(["show", "Kengir", "--format", "jsonl"], bundled_path())
