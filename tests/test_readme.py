"""The README's sessions are real: each command runs and prints what the README shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .readme_sessions import README, ROOT, run, sessions

TEXT = README.read_text(encoding="utf-8")
SESSIONS = sessions(TEXT)


def test_readme_has_sessions_for_the_main_commands() -> None:
    commands = " ".join(c for c, _ in SESSIONS)
    for needed in ("gulag timeline --from 1953 --to 1954", "gulag show kengir", "gulag search amnesty",
                   "| jq length", "gulag show place:norilsk", "gulag show beria", "gulag figures --about kengir",
                   "gulag on 06-26", "gulag cite kengir --style bibtex"):
        assert needed in commands, needed


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One directory for the whole README, as for a reader going through it in order."""
    return tmp_path_factory.mktemp("readme")


@pytest.mark.parametrize(("command", "expected"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_readme_session_output_is_real(command: str, expected: str, workdir: Path) -> None:
    assert run(command, workdir) == expected, "README is stale: run `python tests/readme_sessions.py --update`"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    block = re.search(r"<!-- test-command -->(.*?)<!-- /test-command -->", TEXT, re.S)
    assert block, "README must mark its test command"
    command = next(line for line in block.group(1).splitlines() if line.startswith(("python3", ".venv")))
    assert "pytest" in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and "bash -c \"$cmd\"" in ci


def test_readme_documents_every_exit_code_and_command() -> None:
    from gulagcli.cli import COMMANDS
    from gulagcli.errors import ExitCode

    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \| `{code.name}` \|", TEXT, re.M), code
    for name in COMMANDS:
        assert re.search(rf"^### `gulag {name}`", TEXT, re.M) or f"`gulag {name}`" in TEXT, name
