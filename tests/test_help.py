"""Every command explains itself: help with examples, -h as well as --help, a version."""

from __future__ import annotations

import itertools
import re
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
                "on", "cite", "about", "sources", "chart", "export", "cache"}
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


def _help(*args: str, columns: int = 100) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_help_offers_only_what_show_accepts() -> None:
    text = _help("show", columns=200)
    kinds = text.split("--kind", 1)[1].split("\n")[0]
    assert "KIND" in kinds and "event, person, place, term or source" in kinds and "figure" not in kinds
    assert "Output format: table, plain, json or jsonl." in text and "csv" not in text
    for kind in ("event", "person", "place", "term"):
        assert CliRunner().invoke(app, ["show", "kengir", "--kind", kind, "--json"]).exit_code in (0, 3, 4)


@pytest.mark.parametrize("name", ["timeline", "search", "show", "figures", "on"])
@pytest.mark.parametrize("columns", [60, 100, 160])
def test_help_paragraphs_wrap_at_the_terminal_not_at_the_source(name: str, columns: int) -> None:
    """A sentence continues on the next line only because the line is full."""
    lines = [line.strip() for line in _help(name, columns=columns).splitlines()]
    prose = [ln for ln in lines if ln and not ln.startswith(("│", "╭", "╰", "gulag ", "Usage:"))]
    for line, following in itertools.pairwise(prose):
        if line.endswith((".", ":", ")")) or not following or following[0].isupper():
            continue
        first_word = following.split()[0]
        assert len(line) + 1 + len(first_word) > columns - 4, f"broken early: {line!r} / {following!r}"


def test_unknown_command_suggests_the_nearest() -> None:
    result = CliRunner().invoke(app, ["timline"])
    assert result.exit_code == 2
    assert "No such command 'timline'. Did you mean 'timeline'?" in result.stderr
    assert "Did you mean" not in CliRunner().invoke(app, ["zzzzzz"]).stderr


def test_help_command_shows_a_command_s_help() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["help", "timeline"]).stdout == runner.invoke(app, ["timeline", "--help"]).stdout
    assert "Usage: gulag [OPTIONS] COMMAND" in CliRunner().invoke(app, ["help"]).stdout
    assert "Did you mean 'search'" in CliRunner().invoke(app, ["help", "serch"]).stderr
    # a subcommand too: every word names a command
    sub = runner.invoke(app, ["help", "cache", "info"]).stdout
    assert sub == runner.invoke(app, ["cache", "info", "--help"]).stdout
    # an option after `help` was dropped, exit 0 (`gulag help --bogus` printed the root help)
    for argv in (["help", "--bogus"], ["help", "timeline", "--json"]):
        wrong = runner.invoke(app, argv)
        assert wrong.exit_code == 2 and not wrong.stdout, argv
        assert "`gulag help` takes command names only" in wrong.stderr
    assert runner.invoke(app, ["help", "timeline", "-h"]).exit_code == 0
    # a word past a command that has no subcommands was dropped; `help help` was "no such command"
    extra = runner.invoke(app, ["help", "timeline", "extra"])
    assert extra.exit_code == 2 and not extra.stdout and "`gulag timeline` has no commands of its own" in extra.stderr
    assert runner.invoke(app, ["help", "help"]).stdout == runner.invoke(app, ["help"]).stdout
    assert runner.invoke(app, ["help", "help", "show"]).stdout == runner.invoke(app, ["show", "--help"]).stdout
    assert runner.invoke(app, ["help", "help", "help"]).stdout == runner.invoke(app, ["help"]).stdout
    deeper = runner.invoke(app, ["help", "cache", "info", "extra"])  # one level down too
    assert deeper.exit_code == 2 and "`gulag cache info` has no commands of its own" in deeper.stderr


@pytest.mark.parametrize("argv", [["--limit", "x" * 300], ["--format", "y" * 300], ["--" + "z" * 5000], ["w" * 5000],
                                  ["--limit", "a b " * 300], ["--limit", "'\"" * 100]])
def test_a_long_value_click_refuses_is_cut_in_its_message(argv: list[str]) -> None:
    """An unknown option or argument of 5,000 characters came back whole, in one 5 kB line."""
    result = CliRunner().invoke(app, ["timeline", *argv])
    assert result.exit_code == 2 and len(result.stderr) < 500 and "..." in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_cut_value_keeps_its_closing_quote() -> None:
    result = CliRunner().invoke(app, ["timeline", "--format", "y" * 300])
    assert f"'{'y' * 39}...' is not one of 'table'" in result.stderr


@pytest.mark.parametrize("command", [["timeline"], ["places"], ["figures"], ["search", "kengir"], ["on", "06-26"]])
def test_json_with_another_format_is_a_usage_error(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--json", "--format", "csv"])
    assert result.exit_code == 2
    assert "--json and --format csv ask for different formats" in result.stderr
    assert CliRunner().invoke(app, [*command, "--json", "--format", "json"]).exit_code == 0


@pytest.mark.parametrize("name", COMMANDS)
def test_square_brackets_in_help_are_shown_not_read_as_markup(name: str) -> None:
    """Help is drawn with Rich markup: a bracketed word written plainly ("gulag[charts]") would
    be taken for a style and vanish; the help escapes it, and it is shown."""
    command = typer.main.get_command(app).get_command(None, name)  # type: ignore[attr-defined]
    texts = [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
    wanted = {m.replace("\\[", "[") for text in texts for m in re.findall(r"\\?\[[^\]\s]+\]", text)}
    shown = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "400"}).stdout
    assert [token for token in sorted(wanted) if token not in shown] == []


def test_export_help_lists_one_format_per_line() -> None:
    shown = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "100"}).stdout
    lines = [line.strip(" │") for line in shown.splitlines()]
    for fmt in ("timelinejs", "ics", "geojson", "csv", "json", "html"):
        assert any(line.startswith(f"{fmt} ") for line in lines), fmt


@pytest.mark.parametrize("name", ["timeline", "people", "show", "search"])
def test_option_values_are_named_without_breaking_a_word_at_80_columns(name: str) -> None:
    text = _help(name, columns=80)
    assert " FORMAT " in text and "<table|" not in text and "<int range>" not in text and "<event|" not in text


@pytest.mark.parametrize("name", [*COMMANDS, "cache info", "cache clear"])
def test_examples_are_indented_alike_in_every_help(name: str) -> None:
    shown = _help(*name.split(), columns=120)
    examples = shown.split("Examples:", 1)[1].split("╭", 1)[0]
    lines = [line for line in examples.splitlines() if line.strip().startswith("gulag ")]
    assert lines and all(line.startswith("   gulag ") for line in lines), lines


def test_a_usage_error_in_a_subcommand_points_to_that_subcommands_help(gulag: Gulag) -> None:
    result = gulag("cache", "info", "--format", "plain", data=None)
    assert result.exit_code == 2
    assert result.stderr == "gulag: error: No such option: --format (see `gulag cache info --help`)\n"
    assert "(see `gulag show --help`)" in gulag("show", data=None).stderr


@pytest.mark.parametrize(("columns", "width"), [("99999999999999999999", 1000), ("2147483648", 1000), ("20", 40)])
def test_help_keeps_columns_within_the_documented_40_to_1000(columns: str, width: int) -> None:
    """COLUMNS=99999999999999999999 gave an OverflowError traceback, 2147483648 about 2 GB of
    help, and 20 a help 20 columns wide; every output keeps COLUMNS within 40..1000."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": columns}
    done = subprocess.run([sys.executable, "-m", "gulagcli", "--help"], capture_output=True, text=True, env=env,
                          timeout=60, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) == width


def test_help_on_a_dumb_terminal_takes_the_width_columns_gives() -> None:
    """TERM=dumb COLUMNS=60 drew --help 80 wide on a terminal: Rich takes COLUMNS there only
    with LINES beside it."""
    import os
    import subprocess
    import sys

    from .readme_sessions import ANSI, drain

    env = {k: v for k, v in os.environ.items() if k != "LINES"} | {"TERM": "dumb", "COLUMNS": "60"}
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "gulagcli", "show", "--help"], stdout=slave, stderr=slave,
                            stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    drain(master, chunks)
    proc.wait(timeout=60)
    os.close(master)
    lines = ANSI.sub("", b"".join(chunks).decode("utf-8")).splitlines()
    assert proc.returncode == 0 and max(len(line.rstrip("\r")) for line in lines) == 60


@pytest.mark.parametrize("columns", ["40", "60"])
def test_narrow_help_folds_long_words_instead_of_cutting_them(columns: str) -> None:
    """At 40 columns Typer's option tables cut "--reverse" to "--rever…" and "1954-06-26" to
    "1954-06-…", and at 60 "(docs/safety.md)" lost its end: the help of every command is
    whole at any width (no help text has a "…" of its own)."""
    import os
    import subprocess
    import sys

    from gulagcli.cli import COMMANDS

    env = {**os.environ, "COLUMNS": columns}
    for argv in (["--help"], *([name, "--help"] for name in COMMANDS), ["help", "timeline"]):
        done = subprocess.run([sys.executable, "-m", "gulagcli", *argv], capture_output=True, text=True,
                              env=env, timeout=60, check=False)
        assert done.returncode == 0 and "…" not in done.stdout, (argv, done.stdout)
        assert max(len(line) for line in done.stdout.splitlines()) <= int(columns)


def test_no_color_takes_the_colours_out_of_help_too() -> None:
    """`--help --no-color` kept its colours: Click prints help before it reads other options."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"FORCE_COLOR": "1"}

    def sgr(*argv: str) -> set[str]:
        done = subprocess.run([sys.executable, "-m", "gulagcli", *argv], capture_output=True, text=True, env=env,
                              timeout=60, check=True)
        return set(re.findall(r"\x1b\[([0-9;]*)m", done.stdout))

    colours = re.compile(r"(^|;)(3[0-7]|38|9[0-7])(;|$)")
    assert any(colours.search(code) for code in sgr("timeline", "--help"))
    plain = sgr("timeline", "--help", "--no-color")
    assert plain and not any(colours.search(code) for code in plain)  # bold and dim stay, as NO_COLOR keeps them


@pytest.mark.parametrize("argv", [[], ["cache"]])
def test_a_group_without_its_command_prints_help_on_stderr_as_a_usage_error(argv: list[str]) -> None:
    """`gulag` and `gulag cache` alone printed their help on stdout with exit 2: a usage error's
    text belongs on stderr, and stdout to what was asked for (`gulag $CMD | jq`)."""
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"Usage: gulag {' '.join(argv)}".rstrip() in result.stderr
    asked = CliRunner().invoke(app, [*argv, "--help"])
    assert asked.exit_code == 0 and "Usage: gulag" in asked.stdout and asked.stderr == ""

