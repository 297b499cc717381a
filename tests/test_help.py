"""Every command explains itself: help with examples, -h as well as --help, a version."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from gulagcli.cli import COMMANDS as REGISTRY
from gulagcli.cli import app

Gulag = Callable[..., Result]
COMMANDS = sorted(REGISTRY)


def test_all_commands_are_registered() -> None:
    expected = {"timeline", "search", "show", "validate", "places", "people", "terms", "tags", "figures",
                "on", "cite", "about", "chart", "export", "cache"}
    assert expected == set(COMMANDS)
    group = typer.main.get_command(app)
    for name in COMMANDS:  # every name loads a command of that name from its module
        command = group.get_command(None, name)  # type: ignore[attr-defined]
        assert command is not None and command.name == name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples(name: str) -> None:
    result = CliRunner().invoke(app, [name, "-h"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.stdout
    assert f"gulag {name}" in result.stdout or name in ("on",)


def _examples(name: str) -> list[list[str]]:
    command = typer.main.get_command(app).get_command(None, name)  # type: ignore[attr-defined]
    doc = command.help or ""
    lines = [ln.strip() for ln in doc.split("Examples:", 1)[1].splitlines() if ln.strip().startswith("gulag ")]
    lines = [ln for ln in lines if "my-store.json" not in ln]  # needs a file of the reader's own
    return [shlex.split(ln.split("|")[0].split(">")[0])[1:] for ln in lines]


@pytest.mark.parametrize(
    "argv", [argv for name in COMMANDS for argv in _examples(name)], ids=lambda a: " ".join(a)
)
def test_every_help_example_runs_on_the_bundled_store(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, (argv, result.output)
    assert result.stdout or list(tmp_path.iterdir())


def test_root_help_lists_exit_codes_and_version() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 ambiguous, 5 data, 130 interrupted" in result.stdout
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("gulag ")
