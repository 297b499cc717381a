"""What users install: the wheel in a fresh virtualenv, run from another directory, in real pipes."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("dist")
    subprocess.run(
        # --no-isolation: hatchling comes from the test extras, so building needs no network
        # (and works under any clock: the index's certificate is not involved).
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(base), str(ROOT)],
        check=True, capture_output=True, cwd=base,
    )
    [built] = base.glob("gulag-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """Build the wheel, install it (not editable) into a fresh virtualenv; return its `gulag`.

    The wheel goes into the new environment's own site-packages; its dependencies (Typer, Rich,
    ...) are the test environment's, reached through a path file, so nothing is downloaded.
    Path files inside that directory are not read, so the editable checkout never shadows it.
    """
    base = tmp_path_factory.mktemp("wheel")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    [site] = (env_dir / "lib").glob("python*/site-packages")
    (site / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True, cwd=base)
    return env_dir / "bin" / "gulag"


def run(
    gulag: Path, *args: str, cwd: Path, env_extra: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GULAG_DATA", "NO_COLOR", "FORCE_COLOR", "GULAG_COMPILED")}
    env["GULAG_CACHE_DIR"] = str(cwd / "cache")  # never the user's cache
    env.update(env_extra or {})
    return subprocess.run([str(gulag), *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=60, check=False, **kw)  # type: ignore[call-overload]


def test_the_installed_wheel_finds_its_bundled_store_from_any_directory(installed: Path, tmp_path: Path) -> None:
    result = run(installed, "timeline", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) >= 60
    source_store = json.loads((ROOT / "data" / "events.json").read_text(encoding="utf-8"))
    assert len(events) == len(source_store["events"])
    show = run(installed, "show", "kengir", "--json", cwd=tmp_path)
    assert json.loads(show.stdout)["id"] == "kengir-uprising"
    valid = run(installed, "validate", cwd=tmp_path)  # the schema ships in the wheel too
    assert valid.returncode == 0, valid.stderr
    version = run(installed, "--version", cwd=tmp_path)
    assert version.stdout.startswith("gulag ") and "unknown" not in version.stdout


def test_python_dash_m_works(installed: Path, tmp_path: Path) -> None:
    python = installed.parent / "python"
    result = subprocess.run([str(python), "-m", "gulagcli", "search", "amnesty", "--json"],
                            capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.parametrize(
    "pipeline",
    ["{g} timeline | head -1", "{g} timeline --json | head -c 100", "{g} timeline --format table | head -2",
     "{g} timeline --format csv | head -1", "{g} people | head -1"],
)
def test_closed_pipes_end_quietly(installed: Path, tmp_path: Path, pipeline: str) -> None:
    cmd = "set -o pipefail; " + pipeline.format(g=installed)
    result = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout


def test_closed_stdout_ends_quietly(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(f"{installed} timeline >&-", shell=True, capture_output=True, text=True,
                            cwd=tmp_path, check=False)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_ctrl_c_exits_130_without_a_traceback(installed: Path, tmp_path: Path) -> None:
    # A reader that never reads keeps the process alive, blocked writing (the export is larger
    # than a pipe's buffer), long enough to be interrupted mid-run.
    # SIGINT as at a terminal, whatever this test was started from (a shell's background job
    # inherits it ignored).
    proc = subprocess.Popen([str(installed), "export", "--format", "json"], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            encoding="utf-8", errors="replace",  # cut off mid-record: maybe mid-character
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout is not None and proc.stdout.read(1) == "["  # it has begun writing ...
    time.sleep(0.5)  # ... and is now blocked on the full pipe
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err


def test_shell_completion_offers_names_from_the_store(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "_GULAG_COMPLETE": "complete_bash", "COMP_WORDS": "gulag show kengi", "COMP_CWORD": "2"}
    env.pop("GULAG_DATA", None)
    result = subprocess.run([str(installed)], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kengir-uprising", "kengir-uprising-suppression", "kengir"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "gulag tim", "1"
    result = subprocess.run([str(installed)], capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.stdout.split() == ["timeline"]


def test_the_wheel_ships_the_compiled_bundled_store(wheel: Path) -> None:
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        shipped = zf.read("gulagcli/data/events.sqlite")
        store = zf.read("gulagcli/data/events.json")
    assert {"gulagcli/data/events.json", "gulagcli/data/events.sqlite"} <= names
    assert shipped.startswith(b"SQLite format 3\x00")
    assert hashlib.sha256(store).hexdigest().encode() in shipped  # compiled from the store it ships
    assert not any(n.endswith(".tmp") for n in names)


def test_the_installed_command_reads_the_shipped_compiled_store(installed: Path, tmp_path: Path) -> None:
    info = run(installed, "cache", "info", "--json", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    record = json.loads(info.stdout)
    assert record["compiled"].endswith("gulagcli/data/events.sqlite") and "site-packages" in record["compiled"]
    commands = (["timeline", "--json"], ["show", "kengir", "--json"], ["timeline", "--from", "1953", "--format", "csv"])
    for args in commands:
        result = run(installed, *args, cwd=tmp_path)
        assert result.returncode == 0 and result.stderr == ""
        plain = run(installed, *args, cwd=tmp_path, env_extra={"GULAG_COMPILED": "0"})
        assert result.stdout == plain.stdout
    # Nothing was compiled into the cache: the shipped file served every command.
    assert not list((tmp_path / "cache").glob("*.sqlite"))
