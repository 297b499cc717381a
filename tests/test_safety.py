"""Nothing gets through (issue 14): hostile stores, special files, and every byte that reaches a
terminal or a spreadsheet. Each test names the numbered problem of the issue it pins down.

Destructive tests work only on files, FIFOs and device nodes they made in their own temporary
directory; none aims -o, --force or --data at a system path.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from gulagcli import bulk
from gulagcli import store as store_module

from .conftest import DATA, mini, write_store
from .walk import strings

Gulag = Callable[..., Result]
HOSTILE = DATA / "hostile"
CASES = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[1]
ESC = "\x1b"
# What the fuzzing round put into text fields: OSC 52 (clipboard), OSC 8 (link), OSC 0 (title),
# CSI, CR, BS, a C1 CSI, DEL, and bidi/invisible characters.
PAYLOAD = "\x1b]52;c;aGk=\x07\x1b]8;;http://x\x1b\\L\x1b]0;T\x07\x1b[2J\r\x08\x9b31m\x7f\u202e\u2066\u200b\u200e\u061c\u2028"
RAW_CONTROLS = [ESC, "\x07", "\x08", "\x9b", "\x7f", "\u202e", "\u2066", "\u200b", "\u200e", "\u061c", "\u2028"]


def gulag_process(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.CompletedProcess[str]:
    """The real program in a child process (for pipes, devices and signals)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GULAG_DATA", "NO_COLOR", "COLUMNS")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "gulagcli", *args], capture_output=True, text=True,
                          errors="replace", env=full_env, timeout=60, check=False, **kw)


def _no_traceback(result: Result | subprocess.CompletedProcess[str]) -> None:
    err = result.stderr
    assert "Traceback" not in err and "Exception ignored" not in err, err


def hostile_store(tmp_path: Path, text: str = PAYLOAD) -> Path:
    """The mini store with ``text`` in every kind of text field that reaches an output."""
    store = mini()
    store["meta"]["title"] = f"Store {text}"
    for ev in store["events"]:
        ev["title"] = f"{ev['title']} {text}"
        ev["summary"] = f"{ev['summary']} {text}"
    for p in store["places"]:
        p["name"] = f"{p['name']} {text}"
    for s in store["sources"]:
        s["title"] = f"{s['title']} {text}"
    for f in store["figures"]:
        f["what"] = f"{f['what']} {text}"
    for t in store["tags"]:
        t["label"] = f"{t['label']} {text}"
    for who in store["people"]:
        who["name"] = f"{who['name']} {text}"
    for term in store["terms"]:
        term["definition"] = f"{term['definition']} {text}"
    store["places"].append({"id": "nowhere", "name": f"Nowhere {text}", "kind": "camp", "country": "X",
                            "sources": ["ref-a"]})
    store["events"][0]["places"] = [*store["events"][0].get("places", []), "nowhere"]
    return write_store(tmp_path, store)


def _raw(text: str) -> list[str]:
    return [c for c in RAW_CONTROLS if c in text]


# --- 2, 4, 5, 10, 11, 15: one hostile corpus through loading, the large-store path and validate --


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_store_is_refused_by_loading(gulag: Gulag, case: str) -> None:
    expected = CASES[case]
    result = gulag("timeline", data=HOSTILE / f"{case}.json")
    assert result.exit_code == expected["exit"], result.output
    assert expected["message"] in result.stderr
    assert result.stderr.count("\n") == 1  # one line
    _no_traceback(result)


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_store_is_refused_the_same_on_the_large_store_path(
    gulag: Gulag, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BULK_MIN_BYTES", 0)  # every store goes through msgspec first
    monkeypatch.setenv("GULAG_COMPILED", "0")  # the plain loader's large-store path, not the compiled one
    calls: list[int] = []
    original = bulk.build
    monkeypatch.setattr(bulk, "build", lambda raw, path: calls.append(len(raw)) or original(raw, path=path))
    expected = CASES[case]
    result = gulag("timeline", data=HOSTILE / f"{case}.json")
    assert result.exit_code == expected["exit"], result.output
    assert expected["message"] in result.stderr
    _no_traceback(result)
    if case != "binary-zeros":  # refused from its first byte, before any decoder
        assert calls, "the large-store path was not taken"


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_store_is_refused_by_validate(gulag: Gulag, case: str) -> None:
    expected = CASES[case]
    result = gulag("validate", str(HOSTILE / f"{case}.json"), data=None)
    assert result.exit_code == expected["exit"], result.output
    assert expected["validate"] in result.stdout + result.stderr
    _no_traceback(result)


def test_an_out_of_range_latitude_is_reported_once(gulag: Gulag) -> None:
    result = gulag("validate", str(HOSTILE / "latitude-out-of-range.json"), data=None)
    assert result.stdout.count("$.places[0].lat") == 1, result.stdout


def test_validate_and_loading_agree_on_a_key_given_twice(gulag: Gulag) -> None:
    for args in (["timeline"], ["validate", str(HOSTILE / "duplicate-events-key.json")]):
        data = HOSTILE / "duplicate-events-key.json" if args == ["timeline"] else None
        result = gulag(*args, data=data)
        assert result.exit_code == 5
        assert "appears twice in the store" in result.stdout + result.stderr


def test_a_large_store_with_a_repeated_section_is_refused(tmp_path: Path) -> None:
    """Over 4 MB msgspec decodes; it must not keep the last of two "events" silently."""
    store = mini()
    store["meta"]["description"] = "x" * (store_module.BULK_MIN_BYTES + 10)
    text = json.dumps(store, indent=2).replace('"events": [', '"events": [], "events": [', 1)
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store_module.DataError, match="appears twice"):
        store_module.load(path)


def _without_terms() -> dict[str, Any]:
    store = mini()
    del store["terms"]
    for ev in store["events"]:
        ev.pop("terms", None)
        ev["people"] = ev.get("people", [])  # an empty list of ids in records, as in real stores
    return store


@pytest.mark.parametrize(("name", "edit"), [
    ("an empty copy first", lambda t: t.replace("{", '{"places": [], ', 1)),
    ("an empty copy last", lambda t: t[:t.rindex("}")] + ', "places": []}'),
    ("two empty copies", lambda t: t.replace("{", '{"terms": [], "terms": [], ', 1)),
])
def test_a_large_store_with_an_empty_copy_of_a_section_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, edit: Callable[[str], str]) -> None:
    """A section written `[]` reads like a record's empty list: msgspec kept the last copy, so
    a large store loaded its places (or none of them) where validate and a small store refuse."""
    monkeypatch.setattr(store_module, "BULK_MIN_BYTES", 0)
    monkeypatch.setenv("GULAG_COMPILED", "0")
    text = edit(json.dumps(_without_terms(), indent=2))
    assert bulk.build(text.encode(), path="x") is None, name
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store_module.DataError, match="appears twice"):
        store_module.load(path)


def test_a_large_store_with_one_empty_section_and_empty_lists_in_records_still_loads_fast() -> None:
    text = json.dumps(_without_terms(), indent=2).replace("{", '{"terms": [], ', 1)
    built = bulk.build(text.encode(), path="x")
    assert built is not None and not built.terms and len(built.events) == len(mini()["events"])


# --- 2, 12: special files, over-size files and unusable paths as the store ---------------------


def _refused(gulag: Gulag, path: Path, message: str, code: int = 5) -> None:
    started = time.monotonic()
    result = gulag("timeline", data=path)
    assert time.monotonic() - started < 5
    assert result.exit_code == code, result.output
    assert message in result.stderr
    _no_traceback(result)


def test_a_fifo_with_no_writer_is_refused_at_once(gulag: Gulag, tmp_path: Path) -> None:
    fifo = tmp_path / "store.fifo"
    os.mkfifo(fifo)
    _refused(gulag, fifo, "is a FIFO, not a store file")


def test_a_directory_is_refused(gulag: Gulag, tmp_path: Path) -> None:
    _refused(gulag, tmp_path, "is a directory, not a store file")


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
@pytest.mark.parametrize(("name", "like"), [("zero", "/dev/zero"), ("full", "/dev/full")])
def test_a_device_is_refused_before_a_byte_is_read(
    gulag: Gulag, tmp_path: Path, name: str, like: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    node = tmp_path / name
    os.mknod(node, 0o600 | stat.S_IFCHR, os.stat(like).st_rdev)  # the same device, in our own directory
    _refused(gulag, node, "is a character device, not a store file")
    monkeypatch.setenv("GULAG_DATA", str(node))
    result = gulag("timeline", data=None)
    assert result.exit_code == 5 and "character device" in result.stderr


def test_an_over_size_file_is_refused_before_it_is_read(gulag: Gulag, tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.json"
    with sparse.open("wb") as fh:
        fh.truncate(store_module.MAX_BYTES + 1)  # sparse: no disk used
    _refused(gulag, sparse, f"is larger than the {store_module.MAX_BYTES}")


def test_a_sparse_file_of_zeros_fails_at_its_first_byte(gulag: Gulag, tmp_path: Path) -> None:
    sparse = tmp_path / "zeros.json"
    with sparse.open("wb") as fh:
        fh.truncate(store_module.MAX_BYTES - 1)
    _refused(gulag, sparse, "invalid JSON at line 1 column 1: not a JSON document")


def test_a_file_name_longer_than_the_system_allows_is_a_path_problem(gulag: Gulag, tmp_path: Path) -> None:
    _refused(gulag, tmp_path / ("a" * 300), "not a usable path: a name in it is too long", code=2)


def test_a_path_with_control_characters_is_echoed_escaped(gulag: Gulag, tmp_path: Path) -> None:
    result = gulag("timeline", data=tmp_path / f"x{ESC}]52;c;aGk={chr(7)}y")
    assert result.exit_code == 5
    assert ESC not in result.stderr and "\\x1b]52;c;aGk=\\x07y" in result.stderr


# --- 1: the output gate -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["timeline", "--json"], ["timeline", "-f", "jsonl"], ["show", "stalin-death", "--json"],
    ["cite", "kengir-uprising", "--style", "csl-json"], ["export", "-f", "timelinejs"],
    ["export", "-f", "geojson"], ["export", "-f", "json"], ["figures", "--json"], ["places", "--json"],
])
def test_json_escapes_c1_del_bidi_and_invisible_characters_and_stays_exact(
    gulag: Gulag, tmp_path: Path, args: list[str]
) -> None:
    result = gulag(*args, data=hostile_store(tmp_path))
    assert result.exit_code == 0, result.output
    assert not _raw(result.stdout), _raw(result.stdout)
    assert "\\u009b" in result.stdout and "\\u202e" in result.stdout
    doc = json.loads(result.stdout.splitlines()[0] if "jsonl" in args else result.stdout)
    assert any(PAYLOAD in text for text in strings(doc))  # decodes to exactly the stored text


def test_the_utf8_check_finds_exactly_the_characters_json_safe_escapes() -> None:
    """The compiled store keeps records as msgspec's UTF-8 bytes unless the bytes check finds a
    character json_safe would escape: the two must agree on every code point."""
    from gulagcli.render.safe import json_safe, json_unsafe_utf8

    disagree = [hex(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF
                and (json_safe(chr(cp)) != chr(cp)) != json_unsafe_utf8(chr(cp).encode())]
    assert disagree == []
    assert json_unsafe_utf8("Kengir \u202e".encode()) and not json_unsafe_utf8("Кенгир – 1954".encode())


@pytest.mark.parametrize("args", [
    ["timeline", "-f", "plain"], ["show", "stalin-death", "-f", "plain"], ["cite", "kengir-uprising"],
    ["cite", "kengir-uprising", "--style", "bibtex"], ["figures", "-f", "table"], ["timeline", "-f", "table"],
    ["about", "-f", "table"], ["places", "-f", "plain"], ["tags", "-f", "table"],
])
def test_human_formats_show_controls_as_visible_escapes(gulag: Gulag, tmp_path: Path, args: list[str]) -> None:
    result = gulag(*args, data=hostile_store(tmp_path), env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    assert not _raw(result.stdout), _raw(result.stdout)
    # BibTeX writes the escape's backslash as LaTeX does (\textbackslash{}), so the .bib compiles.
    shown = result.stdout.replace("\\textbackslash{}", "\\")
    assert "\\x1b]52;c;aGk=\\x07" in shown or "\\x1b]52;c;aGk" in shown.replace("\n", "")


def test_the_figures_table_title_is_escaped(gulag: Gulag, tmp_path: Path) -> None:
    result = gulag("figures", "--about", "kengir", "-f", "table", data=hostile_store(tmp_path),
                   env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "Figures about Kengir" in result.stdout and ESC not in result.stdout


def test_ambiguous_matches_are_escaped_and_truncated_with_a_count(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    base = store["events"][0]
    store["events"] += [{**base, "id": f"twin-{i}", "title": f"Twin event {PAYLOAD}"} for i in range(40)]
    result = gulag("show", "twin event", data=write_store(tmp_path, store))
    assert result.exit_code == 4
    assert not _raw(result.stderr)
    assert "  ... and 30 more" in result.stderr
    assert result.stderr.count("twin-") == 10


def test_the_geojson_note_is_escaped(gulag: Gulag, tmp_path: Path) -> None:
    # The export names what it wrote, unlocated places included, on stderr: escaped there.
    result = gulag("export", "-f", "geojson", "-o", str(tmp_path / "out.geojson"), data=hostile_store(tmp_path))
    assert result.exit_code == 0
    assert "without a location" in result.stderr and not _raw(result.stderr)


# --- 6: CSV is safe to open in a spreadsheet ---------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "\tTAB", "\rCR"]


def _formula_store(tmp_path: Path) -> Path:
    store = mini()
    for ev, formula in zip(store["events"], FORMULAS, strict=False):
        ev["title"] = formula
    store["figures"][0]["what"] = "=1+1"
    return write_store(tmp_path, store)


@pytest.mark.parametrize("args", [["timeline", "-f", "csv"], ["export", "-f", "csv"], ["search", "*", "-f", "csv"]])
def test_csv_cells_that_start_a_formula_are_neutralised(gulag: Gulag, tmp_path: Path, args: list[str]) -> None:
    if args[0] == "search":
        args = ["timeline", "-f", "csv", "--reverse"]
    result = gulag(*args, data=_formula_store(tmp_path))
    assert result.exit_code == 0, result.output
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and not c.lstrip("-").replace(".", "").isdigit()]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells and "'@SUM(1+1)" in cells and "'\tTAB" in cells


def test_csv_of_figures_is_neutralised_and_numbers_stay_numbers(gulag: Gulag, tmp_path: Path) -> None:
    result = gulag("figures", "-f", "csv", data=_formula_store(tmp_path))
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert "'=1+1" in cells and "=1+1" not in cells


def test_raw_keeps_csv_exact_and_bom_marks_utf8(gulag: Gulag, tmp_path: Path) -> None:
    path = _formula_store(tmp_path)
    raw = gulag("timeline", "-f", "csv", "--raw", data=path)
    cells = [c for row in csv.reader(io.StringIO(raw.stdout)) for c in row]
    assert "=HYPERLINK(\"http://x\",\"y\")" in cells and "\tTAB" in cells
    bom = gulag("export", "-f", "csv", "--bom", data=path)
    assert bom.stdout.startswith("\ufeff") and not raw.stdout.startswith("\ufeff")



@pytest.mark.parametrize("argv", [["timeline", "--bom"], ["timeline", "--json", "--raw"],
                                  ["places", "-f", "jsonl", "--bom"], ["search", "kengir", "--raw", "--bom"],
                                  ["export", "-f", "ics", "--bom"]])
def test_raw_and_bom_with_another_format_are_said_not_ignored(gulag: Gulag, argv: list[str]) -> None:
    result = gulag(*argv, data=None)
    assert result.exit_code == 2 and not result.stdout
    assert "only to CSV; add --format csv" in result.stderr and len(result.stderr.splitlines()) == 1

# --- 7: links -----------------------------------------------------------------------------------


def test_only_http_links_reach_the_timelinejs_export() -> None:
    from gulagcli.render.safe import web_url

    assert web_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:x", "vbscript:x", "//evil", "http://a\x1b]8"):
        assert web_url(bad) is None


# --- 3, 15: writing files -----------------------------------------------------------------------


def test_a_symlink_target_is_written_through(gulag: Gulag, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    result = gulag("export", "-f", "csv", "-o", str(link), "--force")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("date,")


def test_a_dangling_symlink_creates_the_file_it_names(gulag: Gulag, tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    result = gulag("export", "-f", "csv", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and (tmp_path / "new.csv").read_text(encoding="utf-8").startswith("date,")


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_a_device_node_target_is_written_to_and_never_replaced(gulag: Gulag, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.stat(os.devnull).st_rdev)
    for extra in ([], ["--force"]):
        result = gulag("export", "-f", "csv", "-o", str(null), *extra)
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(null.lstat().st_mode)
    zero = tmp_path / "zero"
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.stat("/dev/zero").st_rdev)
    result = gulag("export", "-f", "csv", "-o", str(zero), "--force")
    assert result.exit_code == 1 and "not a regular file" in result.stderr
    assert stat.S_ISCHR(zero.lstat().st_mode)


def test_a_symlink_to_a_device_is_not_replaced(gulag: Gulag, tmp_path: Path) -> None:
    """`export -o /dev/stdin --force` replaced the system's /dev/stdin link; here, a link of our own."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "stdin"
    link.symlink_to(fifo)
    result = gulag("export", "-f", "csv", "-o", str(link), "--force")
    assert result.exit_code == 1 and "nothing is reading from it" in result.stderr
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_target_with_a_reader_is_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    time.sleep(0.2)
    result = gulag_process("export", "-f", "csv", "-o", str(fifo), "--data", str(DATA / "mini.json"), cwd=tmp_path)
    out, _ = reader.communicate(timeout=10)
    assert result.returncode == 0, result.stderr
    assert out.startswith("date,") and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_fifo_target_whose_reader_stops_early_is_quiet_as_stdout_is(tmp_path: Path) -> None:
    """`export -o /dev/fd/1 | head` said "cannot write /dev/fd/1: Broken pipe", exit 1, where the
    same pipe on stdout is quiet, exit 0; nor may it say it wrote what nobody read."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["head", "-c", "10", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    result = gulag_process("export", "-f", "json", "-o", str(fifo), "--force", cwd=tmp_path)  # 0.7 MB
    reader.communicate(timeout=10)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_fifo_reader_that_stops_early_does_not_lose_the_other_picture(tmp_path: Path) -> None:
    """`chart --svg FIFO --png FILE`: the FIFO's reader quitting ended the run before the PNG."""
    pytest.importorskip("matplotlib")
    fifo, png = tmp_path / "fifo", tmp_path / "chart.png"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["head", "-c", "10", str(fifo)], stdout=subprocess.PIPE)
    time.sleep(0.2)
    result = gulag_process("chart", "--svg", str(fifo), "--png", str(png), cwd=tmp_path)
    reader.communicate(timeout=10)
    assert result.returncode == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG") and f"to {png}" in result.stderr


def test_a_fifo_nobody_reads_leaves_no_other_picture_behind(gulag: Gulag, tmp_path: Path) -> None:
    """`chart --svg FILE --png FIFO` with no reader wrote FILE, then failed on the FIFO."""
    pytest.importorskip("matplotlib")
    fifo, svg = tmp_path / "fifo", tmp_path / "chart.svg"
    os.mkfifo(fifo)
    result = gulag("chart", "--svg", str(svg), "--png", str(fifo))
    assert result.exit_code == 1 and "nothing is reading from it" in result.stderr
    assert not svg.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_dev_stdout_and_dash_mean_stdout(tmp_path: Path) -> None:
    mini_store = str(DATA / "mini.json")
    for target in ("-", "/dev/stdout"):
        result = gulag_process("export", "-f", "csv", "-o", target, "--data", mini_store, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("date,")
    svg = gulag_process("chart", "--svg", "-", "--data", mini_store, cwd=tmp_path)
    assert svg.returncode == 0, svg.stderr
    assert "<svg" in svg.stdout[:400] and not (tmp_path / "-").exists()


def test_an_output_file_name_that_is_too_long_is_one_line(gulag: Gulag, tmp_path: Path) -> None:
    result = gulag("export", "-f", "csv", "-o", str(tmp_path / ("a" * 300)))
    assert result.exit_code == 1 and "the file name is too long" in result.stderr
    _no_traceback(result)


def test_a_name_that_just_fits_still_gets_its_temporary_file(gulag: Gulag, tmp_path: Path) -> None:
    target = tmp_path / ("b" * 250)
    assert gulag("export", "-f", "csv", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("date,")


# --- 9, 12: stdout that cannot be written --------------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
@pytest.mark.parametrize("args", [["timeline"], ["timeline", "--json"], ["timeline", "-f", "jsonl"], ["show", "kengir"],
                                  ["show", "kengir", "--json"],
                                  ["chart"], ["chart", "--svg", "-"], ["chart", "--png", "-"],
                                  ["cite", "kengir"], ["export", "-f", "json"]])
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(tmp_path: Path, args: list[str]) -> None:
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.stat("/dev/full").st_rdev)
    with full.open("w") as out:
        result = subprocess.run([sys.executable, "-m", "gulagcli", *args], stdout=out, stderr=subprocess.PIPE,
                                text=True, timeout=60, check=False, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "gulag: error: cannot write to standard output: No space left on device\n"


def limited() -> None:
    """Files this process writes stop at 10 kB (ulimit -f): the kernel then takes part of a write."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (10_240, 10_240))


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("args", [["export", "-f", "csv"], ["export", "-f", "html"], ["timeline", "-f", "jsonl"],
                                  ["cite", "--all", "--style", "bibtex"], ["chart", "--svg", "-"],
                                  ["show", "kengir", "--json"], ["timeline", "--json"]])
def test_output_cut_short_by_a_file_size_limit_is_one_line_and_exit_1(tmp_path: Path, args: list[str],
                                                                       unbuffered: str) -> None:
    """The kernel takes only part of a large write when the file reaches its size limit (or the
    disk fills): the rest is written or the error said, never a cut file and exit 0."""
    with (tmp_path / "out").open("wb") as out:
        result = subprocess.run([sys.executable, "-m", "gulagcli", *args], stdout=out, stderr=subprocess.PIPE,
                                text=True, timeout=120, check=False, cwd=tmp_path, preexec_fn=limited,
                                env={**os.environ, "PYTHONUNBUFFERED": unbuffered,
                                     "GULAG_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 1, result.stderr
    assert result.stderr.endswith("gulag: error: cannot write to standard output: File too large\n")
    assert "Traceback" not in result.stderr


def test_a_cache_the_disk_cannot_take_compiles_in_memory_with_one_warning(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "gulagcli", "show", "kengir", "--data", str(DATA / "mini.json"), "--json"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
                            preexec_fn=limited, env={**os.environ, "GULAG_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0 and json.loads(result.stdout)["id"] == "kengir-uprising"
    assert result.stderr.count("warning") == 1 and "compiling in memory for this run" in result.stderr
    assert not [p for p in (tmp_path / "cache").iterdir() if p.suffix in (".tmp", ".sqlite")]


def test_a_closed_stdout_is_one_line_and_exit_1_unless_nothing_goes_there(tmp_path: Path) -> None:
    for command, code in (("timeline", 1), ("timeline --json", 1), ("--help", 1),
                          (f"export -f csv -o {tmp_path / 'x.csv'}", 0)):
        result = subprocess.run(f"{sys.executable} -m gulagcli {command} >&-", shell=True, executable="/bin/bash",
                                capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
        assert result.returncode == code, (command, result.stderr)
        if code:
            assert result.stderr == "gulag: error: cannot write to standard output: it is closed\n", command
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("date,")


def test_a_closed_stderr_keeps_each_exit_code(tmp_path: Path) -> None:
    """With stderr closed (`2>&-`) every error exited 1, a valid store's `validate` too: the
    message had nowhere to go. Now it goes nowhere and the code is the documented one."""
    for command, code in (("timeline --place kenigr", 3), ("validate", 0), ("timeline --from 1999-02-30", 2),
                          ("show kengir --json", 0)):
        result = subprocess.run(f"{sys.executable} -m gulagcli {command} 2>&-", shell=True, executable="/bin/bash",
                                capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
        assert result.returncode == code, (command, result.stdout)


@pytest.mark.parametrize(("command", "code"), [
    (["show", "zzzzqq"], 3), (["timeline", "--from", "bogus"], 2), (["bogus"], 2), (["show", "moldovia"], 0),
    (["search", "zzzz"], 0), (["validate"], 0)])
def test_a_stderr_whose_reader_has_gone_keeps_each_exit_code(tmp_path: Path, command: list[str], code: int) -> None:
    """Stderr a pipe nobody reads (`2>&1 | true` after the reader quits): every message exited 1."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([sys.executable, "-m", "gulagcli", *command], stderr=write, stdout=subprocess.PIPE,
                                timeout=60, check=False, cwd=tmp_path)
    finally:
        os.close(write)
    assert result.returncode == code, command


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    for command in ("timeline", "timeline --json", "--help", "export -f json"):
        result = subprocess.run(f"{sys.executable} -m gulagcli {command} | head -c1 >/dev/null; "
                                "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash",
                                capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path)
        assert result.stdout.strip() == "0", (command, result.stderr)
        assert result.stderr == "", (command, result.stderr)


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_narrow_output_encoding_is_no_traceback(tmp_path: Path, encoding: str) -> None:
    for args in (["show", "kengir"], ["timeline"], ["places", "--json"], ["timeline", "-f", "csv"],
                 ["search", "kengir", "--json"], ["show", "kengir", "--json"]):
        result = gulag_process(*args, env={"PYTHONIOENCODING": encoding}, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        _no_traceback(result)
        if "--json" in args:  # an escape for what the encoding lacks that JSON reads: "\u00ab", not "\xab"
            assert json.loads(result.stdout), args


@pytest.mark.parametrize(("argv", "module"), [(["timeline"], "sqlite3"), (["timeline", "--tag", "strike"], "typer")])
def test_ctrl_c_while_starting_up_exits_130_without_a_traceback(tmp_path: Path, argv: list[str], module: str) -> None:
    """Ctrl-C in the first tenth of a second lands while the CLI's modules are imported; here it
    is made to land there every time: while the compiled store's reader is imported for an answer
    given before Typer loads, and while Typer is being imported for the others."""
    code = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kw):\n"
        f"    if name == {module!r}:\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kw)\n"
        "builtins.__import__ = interrupted\n"
        f"sys.argv = ['gulag', *{argv!r}]\n"
        "from gulagcli.__main__ import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            check=False, cwd=tmp_path)
    assert result.returncode == 130
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr, result.stderr


# --- 8, 13, 14, 15: smaller problems -----------------------------------------------------------


def test_ics_export_of_the_last_day_9999_12_31(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["date"] = "9999-12-31"
    result = gulag("export", "-f", "ics", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "DTSTART;VALUE=DATE:99991231" in result.stdout and "DURATION:P1D" in result.stdout


@pytest.mark.parametrize(("columns", "expected"), [("100000", 1000), ("10", 40)])
def test_columns_is_clamped_as_width_is(gulag: Gulag, columns: str, expected: int) -> None:
    started = time.monotonic()
    result = gulag("chart", env={"COLUMNS": columns})
    assert time.monotonic() - started < 5
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) == expected
    assert "█" in result.stdout or "◆" in result.stdout  # bars are drawn


def test_a_huge_search_is_refused_at_once(gulag: Gulag) -> None:
    started = time.monotonic()
    result = gulag("search", "gulag " * 20_000)
    assert time.monotonic() - started < 2
    assert result.exit_code == 2 and "at most 500" in result.stderr


def test_a_huge_name_is_refused(gulag: Gulag) -> None:
    for args in (["show", "x" * 5000], ["timeline", "--place", "x" * 5000], ["cite", "y" * 300]):
        result = gulag(*args)
        assert result.exit_code == 2 and "at most 200" in result.stderr, args


@pytest.mark.parametrize("option", ["--place", "--person", "--tag"])
@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_filter_is_refused_the_same_blank_or_not(gulag: Gulag, option: str, value: str) -> None:
    result = gulag("timeline", option, value)
    assert result.exit_code == 2 and "is empty" in result.stderr


def test_about_does_not_claim_coverage_from_year_1_for_an_open_start(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["events"][0]["date"] = "../1953-03-05"
    result = gulag("about", "--json", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["covers"]["from"] != "0001-01-01"


def test_ics_export_of_a_store_title_with_a_line_break(gulag: Gulag, tmp_path: Path) -> None:
    """Found by the terminal property test: icalendar refused the raw line break."""
    store = mini()
    store["meta"]["title"] = "Two\nlines\r\nhere"
    result = gulag("export", "-f", "ics", data=write_store(tmp_path, store))
    assert result.exit_code == 0, result.output
    assert "X-WR-CALNAME:Two lines here" in result.stdout


def test_too_little_memory_is_one_line_and_exit_5(tmp_path: Path) -> None:
    """Under `ulimit -v` a big store ended in a MemoryError traceback."""
    import resource

    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.write(b'{"events": [')
        fh.truncate(1_900_000_000)  # sparse: no disk used, but reading it needs the memory

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_200_000_000, 1_200_000_000))

    result = subprocess.run([sys.executable, "-m", "gulagcli", "timeline", "--data", str(big)],
                            capture_output=True, text=True, timeout=60, check=False, preexec_fn=limit)
    assert result.returncode == 5, result.stderr
    assert result.stderr == f"gulag: error: {big}: not enough memory to read it\n"


def test_a_terminate_signal_while_writing_leaves_no_temporary_file(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """`kill` or a closed terminal (SIGTERM, SIGHUP) ends gulag as Ctrl-C does: the temporary
    file of an -o being written is removed, and the target is never half there."""
    import signal

    from gulagcli.__main__ import stop_on_signals
    from gulagcli.files import write_atomic

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for sig in saved:
            signal.signal(sig, signal.SIG_DFL)
        stop_on_signals()
        real_fsync = os.fsync
        for sig in saved:

            def killed(fd: int, sig: int = sig) -> None:
                os.kill(os.getpid(), sig)  # arrives while the temporary file is being written
                real_fsync(fd)

            monkeypatch.setattr(os, "fsync", killed)
            with pytest.raises(SystemExit) as stopped:
                write_atomic(tmp_path / "page.html", "x" * 100_000)
            assert stopped.value.code == 128 + sig
            assert list(tmp_path.iterdir()) == []
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
