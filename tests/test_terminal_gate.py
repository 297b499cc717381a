"""The output gate on a real pseudo-terminal: random control, bidi and invisible characters in
every text field, through every command and format, and none reaches the terminal raw.

The commands run in this process, through the entry point (so `show` and `timeline` are answered
before Typer loads, as installed), with stdout and stderr on the slave side of a pty (so that
``isatty()`` is true and Rich draws tables and colour); a thread drains the master side.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gulagcli.__main__ import main as gulag

from .readme_sessions import drain
from .test_safety import hostile_store

# Written independently of gulagcli.render.safe, so the test does not grade its own homework.
CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
BIDI_AND_INVISIBLE = ["\u061c", "\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b",
                      "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff",
                      "\U000e0041"]
# On a terminal: SGR colour sequences are Rich's own; the pty turns "\n" into "\r\n".
SGR = re.compile(r"\x1b\[[0-9;:]*m")
FORBIDDEN = re.compile("[" + "".join(re.escape(c) for c in CONTROLS if c not in "\n\t")
                       + "".join(BIDI_AND_INVISIBLE) + "]")

COMMANDS = [
    ["timeline"], ["timeline", "-f", "plain"], ["timeline", "--json"], ["timeline", "-f", "jsonl"],
    ["timeline", "-f", "csv"], ["timeline", "-f", "csv", "--raw"], ["search", "stalin"],
    ["show", "stalin-death"], ["show", "stalin-death", "-f", "plain"], ["show", "stalin-death", "--json"],
    ["show", "place:nowhere"], ["show", "kengir"], ["figures"], ["figures", "-f", "csv"], ["places"],
    ["people"], ["terms"], ["tags"], ["on", "03-05"], ["cite", "kengir-uprising"],
    ["cite", "kengir-uprising", "--style", "bibtex"], ["cite", "kengir-uprising", "--style", "csl-json"],
    ["about"], ["chart"], ["chart", "--by", "place"], ["export", "-f", "timelinejs"], ["export", "-f", "ics"],
    ["export", "-f", "geojson"], ["export", "-f", "csv"], ["export", "-f", "csv", "--raw"],
    ["export", "-f", "json"], ["show", "nowhere-at-all"],
]


def on_pty(args: list[str]) -> str:
    """What ``gulag args`` puts on a terminal, stdout and stderr together."""
    master, slave = os.openpty()
    chunks: list[bytes] = []
    reader = threading.Thread(target=drain, args=(master, chunks))
    reader.start()
    tty = open(slave, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 (closed below)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = tty
    try:
        gulag(args)  # as the installed command: answered before Typer loads where it can
    except SystemExit:
        pass
    finally:
        sys.stdout, sys.stderr = saved
        tty.close()
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return b"".join(chunks).decode("utf-8", errors="replace")


def raw_controls(screen: str) -> list[str]:
    return sorted({repr(c) for c in FORBIDDEN.findall(re.sub(r"\r+\n", "\n", SGR.sub("", screen)))})


@pytest.fixture
def terminal_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("FORCE_COLOR", "1")


@pytest.mark.usefixtures("terminal_env")
def test_the_pty_harness_sees_what_a_terminal_sees() -> None:
    """The harness itself: a table on the pty is drawn with colour, so a raw ESC would show."""
    with tempfile.TemporaryDirectory() as tmp:
        screen = on_pty(["timeline", "--data", str(hostile_store(Path(tmp), "\x1b]0;x\x07"))])
    assert "\x1b[" in screen  # Rich's colour: this is a terminal
    assert "\\x1b]0;x\\x07" in screen  # the data's escape, shown
    assert raw_controls(screen) == []


@pytest.mark.usefixtures("terminal_env")
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
@given(st.text(alphabet=st.sampled_from([*CONTROLS, *BIDI_AND_INVISIBLE, "a", " ", "[", "]", ";", "\\"]),
               min_size=1, max_size=16))
def test_no_control_or_bidi_character_reaches_the_terminal_raw(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = hostile_store(Path(tmp), "x" + text)
        for args in COMMANDS:
            screen = on_pty([*args, "--data", str(path)])
            assert raw_controls(screen) == [], (args, text, screen[:400])
        # An error message that echoes a path: the name itself is hostile.
        screen = on_pty(["timeline", "--data", str(Path(tmp) / ("x" + text.replace("\x00", "") .replace("/", "")))])
        assert raw_controls(screen) == [], ("missing store", text, screen)


@pytest.mark.parametrize("args", [["timeline", "--format", "csv"], ["export", "--format", "csv"],
                                  ["export", "--format", "ics"], ["places", "--format", "csv"]])
def test_a_records_colour_codes_are_shown_not_obeyed_in_csv_and_ics_on_a_terminal(
        args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate keeps SGR for the program's own colours; CSV and ICS have none, so an SGR in a
    record (ESC[8m hides the text after it) is the data's, and is shown as an escape."""
    import json

    from .conftest import MINI

    store = json.loads(MINI.read_text(encoding="utf-8"))
    store["events"][0]["title"] = "Death \x1b[8mHIDDEN\x1b[0m"
    store["places"][0]["name"] = "Moscow \x1b[31mred"
    path = tmp_path / "sgr.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    screen = on_pty([*args, "--data", str(path)])
    assert "\x1b[8m" not in screen and "\x1b[31m" not in screen, screen[:300]
    assert "\\x1b[8mHIDDEN" in screen or "\\x1b[31mred" in screen


def test_a_file_name_with_an_escape_is_shown_not_obeyed_in_every_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors showed `\\x1b[31m` for a name that holds an escape; "wrote ... to", "saved ... to",
    "... was not written", the cache warning, `cache info` and `cache clear` wrote the raw byte
    (`ESC[8m` hides the rest of the line), or in a pipe dropped it, naming a path that is not there."""
    import importlib.util

    from typer.testing import CliRunner

    from gulagcli.cli import app

    from .conftest import MINI

    runner = CliRunner()
    env = {"GULAG_CACHE_DIR": str(tmp_path / "cache\x1b[31m")}
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "\x1b[31mred.json"
    odd.write_bytes(MINI.read_bytes())
    runs = [runner.invoke(app, ["export", "--format", "csv", "-n", "1", "-o", "\x1b[33mout.csv", "--data", str(MINI)],
                          env=env),
            runner.invoke(app, ["cache", "info", "--data", str(odd)], env=env),
            runner.invoke(app, ["cache", "clear"], env=env)]
    if importlib.util.find_spec("matplotlib"):
        runs.append(runner.invoke(app, ["chart", "--svg", "\x1b[8mnone.svg", "--from", "1990", "--data", str(MINI)],
                                  env=env))
    for result in runs:
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout + result.stderr, result.output
        assert "\\x1b[" in result.stdout + result.stderr, result.output
