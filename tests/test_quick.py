"""`show REF --json` and `timeline --json` are answered before Typer loads (gulagcli/quick.py).

Whatever form a user types, the answer must be the one the Typer layer gives: the same bytes on
stdout, the same messages on stderr, the same exit code. Each case runs both ways, as
`python -m gulagcli` (the quick answer where it applies) and through `gulagcli.cli.main` alone.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import MINI, mini, write_store

TYPER_ONLY = "import sys\nfrom gulagcli.cli import main\nmain()"


def both(argv: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess[bytes], ...]:
    runs = ([sys.executable, "-m", "gulagcli", *argv], [sys.executable, "-c", TYPER_ONLY, *argv])
    return tuple(subprocess.run(cmd, capture_output=True, env=env, timeout=120, check=False) for cmd in runs)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("GULAG_DATA", "GULAG_COMPILED", "NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    clean["GULAG_CACHE_DIR"] = str(tmp_path / "cache")
    return clean


FORMS = [
    ["show", "kengir", "--json"], ["show", "--json", "kengir"], ["show", "Карлаг", "--json"],
    ["show", "place:norilsk", "--json"], ["show", "vorkuta", "--json"], ["show", "Kengir uprising", "--json"],
    ["show", "kengr", "--json"],  # not exact: the Typer layer resolves it
    ["show", "nothing-of-the-sort", "--json"], ["show", "", "--json"], ["show", "--json", "--json"],
    ["show", "kengir"], ["show", "kengir", "-f", "table"], ["show", "kengir", "--format=JSONL"],
    ["show", "kengir", "--no-color", "-f", "plain"], ["show", "kengir", "--format", "csv"],
    ["show", "kengir", "--json", "--format", "plain"], ["show", "kengir", "karlag"], ["show"],
    ["show", "kengir", "--kind", "event"], ["show", "kengir", "--data", ""],
    ["show", "kengir", "-d", "/nonexistent"],
    ["timeline"], ["timeline", "--json"], ["timeline", "--from", "1953", "--json"],
    ["timeline", "--json", "--to=1954-06"],
    ["timeline", "--from", "March 1953", "--to", "1953", "--json"],
    ["timeline", "--from", "1955", "--to", "1953", "--json"],
    ["timeline", "--from", "05/03/1953", "--json"], ["timeline", "--from", "soon", "--json"],
    ["timeline", "--from", "--json"], ["timeline", "--json", "--json"], ["timeline", "--from=", "--json"],
    ["timeline", "--from", "1953", "--from", "1954", "--json"],
    ["timeline", "-f", "table"], ["timeline", "--format", "CSV", "-r", "-n", "3"],
    ["timeline", "-f", "jsonl", "--limit=5"],
    ["timeline", "--no-color", "--format", "table", "--reverse"], ["timeline", "-f", "xml"], ["timeline", "-n", "0"],
    ["timeline", "-n", "x"], ["timeline", "-n", "10000001"], ["timeline", "--json", "-f", "csv"],
    ["timeline", "-n5"], ["timeline", "-rn", "2"], ["timeline", "extra"], ["timeline", "--", "--json"],
    ["timeline", "--place", "kengir", "--json"], ["timeline", "--format"], ["timeline", "--help"],
    ["timeline", "--json=1"], ["timeline", "-f=json"], ["show", "a=b", "--json"], ["show", "-", "--json"],
    ["timeline", "--from", "1990"], ["timeline", "--from", "1990", "-f", "csv"],  # nothing: the note on stderr
]


@pytest.mark.parametrize("argv", FORMS, ids=" ".join)
def test_the_quick_answer_is_the_typer_layers_answer(argv: list[str], env: dict[str, str]) -> None:
    quick, typer_only = both(argv, env)
    assert (quick.returncode, quick.stdout, quick.stderr) == (typer_only.returncode, typer_only.stdout,
                                                             typer_only.stderr)
    assert b"Traceback" not in quick.stderr


@pytest.mark.parametrize("argv", [["show", "Kengir", "--json"], ["timeline", "--from", "1953", "--json"],
                                  ["timeline", "-f", "plain"], ["show", "nowhere", "--json"]], ids=" ".join)
def test_a_users_store_is_answered_the_same(argv: list[str], env: dict[str, str], tmp_path: Path) -> None:
    """From GULAG_DATA and from --data: a good store, one that fails its checks, one not there."""
    broken = mini()
    broken["events"][0]["date"] = "not a date"
    for store in (MINI, write_store(tmp_path, broken), tmp_path / "missing.json"):
        for args, extra in ((argv, {"GULAG_DATA": str(store)}), ([*argv, "--data", str(store)], {})):
            quick, typer_only = both(args, {**env, **extra})
            assert (quick.returncode, quick.stdout, quick.stderr) == (
                typer_only.returncode, typer_only.stdout, typer_only.stderr), (store, args)


def imports(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "gulagcli", *argv], capture_output=True,
                          text=True, env=env, timeout=120, check=True)
    return done.stderr


@pytest.mark.parametrize("argv", [["show", "kengir", "--json"], ["timeline", "--json"], ["timeline"],
                                  ["timeline", "--from", "1953", "--to", "1954", "--json"],
                                  ["timeline", "-f", "table", "-n", "5"], ["show", "Карлаг", "-f", "plain"]],
                         ids=" ".join)
def test_the_forms_people_and_scripts_run_most_never_import_typer(argv: list[str], env: dict[str, str]) -> None:
    imports(argv, env)  # compiled now, as on every run but the first
    assert "typer" not in imports(argv, env)


def test_every_other_form_goes_through_typer(env: dict[str, str]) -> None:
    assert "typer" in imports(["show", "kengir", "--json", "--kind", "event"], env)
    assert "typer" in imports(["timeline", "--json", "--tag", "strike"], env)
    assert "typer" in imports(["show", "kengr"], env)  # not an exact name: resolved by the Typer layer


# --- any argument list, in this process ---------------------------------------------------------

DATES = ["1953", "1954-06", "March 1953", "05/03/1953", "1955/1953", "soon", "", "26.06.1954"]
PHRASES = st.one_of(
    st.sampled_from([["--json"], ["--reverse"], ["-r"], ["--no-color"], ["--data", str(MINI)], ["-d", "/nonexistent"]]),
    st.tuples(st.sampled_from(["--from", "--to"]), st.sampled_from(DATES)).map(list),
    st.tuples(st.sampled_from(["-f", "--format"]), st.sampled_from(["json", "JSONL", "table", "plain", "csv", "xml"])
              ).map(list),
    st.tuples(st.sampled_from(["-n", "--limit"]), st.sampled_from(["3", "0", "x", "10000001"])).map(list),
    st.sampled_from(["kengir", "Карлаг", "beria", "kengr", "amnesty-1953", "Kengir uprising", "", "-"]).map(
        lambda ref: [ref]),
    st.sampled_from([["--"], ["--kind", "event"], ["--tag", "strike"], ["-h"], ["--to=1953"], ["--format=CSV"],
                     ["--limit=2"], ["--json=1"]]),  # what the quick path leaves to Typer, and a few it takes
)


def captured(run: Callable[[], object]) -> tuple[object, bytes, bytes]:
    """What ``run`` writes to stdout and stderr (byte streams underneath, not terminals), and its
    exit code."""
    saved = sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    streams = [io.TextIOWrapper(raw, encoding="utf-8", newline="\n", write_through=True) for raw in (out, err)]
    sys.stdout, sys.stderr = streams
    try:
        run()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    finally:
        sys.stdout, sys.stderr = saved
        for stream in streams:
            stream.flush()
            stream.detach()  # the bytes stay readable
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["show", "timeline"]), st.lists(PHRASES, max_size=5))
def test_any_argument_list_gets_the_typer_layers_answer(command: str, phrases: list[list[str]]) -> None:
    from gulagcli.__main__ import main as entry_point
    from gulagcli.cli import main as typer_layer

    argv = [command, *(token for phrase in phrases for token in phrase)]
    assert captured(lambda: entry_point(argv)) == captured(lambda: typer_layer(argv)), argv
