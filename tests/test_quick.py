"""`show REF --json` and `timeline --json` are answered before Typer loads (gulagcli/quick.py).

Whatever form a user types, the answer must be the one the Typer layer gives: the same bytes on
stdout, the same messages on stderr, the same exit code. Each case runs both ways, as
`python -m gulagcli` (the quick answer where it applies) and through `gulagcli.cli.main` alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
