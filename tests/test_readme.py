"""The README and the docs are real: each session runs and prints what the file shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .readme_sessions import README, ROOT, documents, run, sessions

TEXT = README.read_text(encoding="utf-8")
DOCS = {path.relative_to(ROOT).as_posix(): sessions(path.read_text(encoding="utf-8")) for path in documents()}
CASES = [(name, command, expected) for name, found in DOCS.items() for command, expected in found]
COMMANDS_DOC = ROOT / "docs" / "commands.md"


def test_the_readme_fits_on_a_few_screens_and_tours_the_main_commands() -> None:
    assert len(TEXT.splitlines()) <= 260
    commands = " ".join(c for c, _ in DOCS["README.md"])
    for needed in ("gulag timeline --from 1953 --to 1954", "gulag show", "gulag search", "gulag figures",
                   "gulag on", "gulag cite", "| jq"):
        assert needed in commands, needed


def test_the_readme_links_only_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", TEXT):
        assert (ROOT / target).exists(), target
    for path in documents():
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            assert (path.parent / target).exists(), (path.name, target)


def test_every_command_is_shown_running_somewhere_in_the_docs() -> None:
    from gulagcli.cli import COMMANDS

    ran = " ".join(c for found in DOCS.values() for c, _ in found)
    for name in COMMANDS:
        assert f"gulag {name}" in ran, name


@pytest.fixture(scope="module")
def workdirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One directory per file, as for a reader going through it in order."""
    return {name: tmp_path_factory.mktemp(re.sub(r"\W", "-", name)) for name in DOCS}


@pytest.mark.parametrize(("doc", "command", "expected"), CASES, ids=[f"{d}: {c}" for d, c, _ in CASES])
def test_session_output_is_real(doc: str, command: str, expected: str, workdirs: dict[str, Path]) -> None:
    assert run(command, workdirs[doc]) == expected, f"{doc} is stale: run `python tests/readme_sessions.py --update`"


@pytest.mark.parametrize(("doc", "command", "expected"), CASES, ids=[f"{d}: {c}" for d, c, _ in CASES])
def test_no_example_shows_a_tool_failing_where_it_means_to_show_data(doc: str, command: str, expected: str) -> None:
    """An example shows what a reader would get: a jq or shell error in it is a stale example
    recorded as it broke, not output (gulag's own documented errors are fine)."""
    for broken in ("jq: error", "Traceback", "command not found", "No such file or directory"):
        assert broken not in expected, (doc, command)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    block = re.search(r"<!-- test-command -->(.*?)<!-- /test-command -->", TEXT, re.S)
    assert block, "README must mark its test command"
    command = next(line for line in block.group(1).splitlines() if line.startswith(("python3", ".venv")))
    assert "pytest" in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and "bash -c \"$cmd\"" in ci


def test_commands_doc_documents_every_exit_code_command_and_option() -> None:
    import typer

    from gulagcli.cli import COMMANDS, app
    from gulagcli.errors import ExitCode

    text = COMMANDS_DOC.read_text(encoding="utf-8")
    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \| `{code.name}` \|", text, re.M), code
    group = typer.main.get_command(app)
    for name in COMMANDS:
        assert re.search(rf"^## `gulag {name}`|^## .*`gulag {name}`", text, re.M), name
        command = group.get_command(None, name)  # type: ignore[attr-defined]
        section = text.split(f"`gulag {name}`", 1)[1]
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help", "--data", "--format", "--json", "--no-color"):
                    assert opt in text, (name, opt)
        assert section


def test_no_console_block_is_left_without_a_prompt() -> None:
    """A ```console block is always run; one without `$ ` lines would silently test nothing."""
    for path in documents():
        for block in re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            assert block.startswith("$ "), (path.name, block[:60])


def test_no_session_output_depends_on_where_the_checkout_is() -> None:
    """A fresh clone anywhere must print the same: no absolute path of this checkout in an output."""
    for doc, command, expected in CASES:
        assert str(ROOT) not in expected, (doc, command)
