"""Shared fixtures: a runner that invokes the app the way a user types, and fixture stores."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from gulagcli.cli import app

# Property tests check as many examples as before, but a busy machine (2 cores, 8 jobs) must not
# fail them for being slow: no per-example deadline, no health check on generation speed.
settings.register_profile("gulag", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gulag")

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.json"


@pytest.fixture(scope="session")
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, _cache_dir: Path) -> None:
    """Tests see neither the developer's GULAG_DATA nor their colour settings, and compile
    stores into a temporary cache, never the user's."""
    for var in ("GULAG_DATA", "GULAG_TODAY", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "GULAG_COMPILED"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GULAG_CACHE_DIR", str(_cache_dir))


@pytest.fixture
def gulag() -> Callable[..., Result]:
    """``gulag("timeline", "--from", "1953")`` runs the command on the mini fixture store."""
    runner = CliRunner()

    def invoke(*args: str, data: Path | None = MINI, env: dict[str, str] | None = None) -> Result:
        argv = list(args)
        if data is not None:
            argv += ["--data", str(data)]
        return runner.invoke(app, argv, env=env)

    return invoke


def ids(result: Result) -> list[str]:
    """Ids from a command's JSON output (an array of records)."""
    assert result.exit_code == 0, result.output
    return [r["id"] for r in json.loads(result.stdout)]


def write_store(tmp_path: Path, store: Any, name: str = "store.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    return path


def mini() -> dict[str, Any]:
    """A fresh copy of the mini store to break in a test."""
    return json.loads(MINI.read_text(encoding="utf-8"))


def page_data(text: str) -> dict[str, Any]:
    """The data the classroom page (`export -f html`) carries, as its script reads it."""
    start = text.index('<script type="application/json" id="gulag-data">') + len(
        '<script type="application/json" id="gulag-data">')
    data: dict[str, Any] = json.loads(text[start:text.index("</script>", start)])
    return data
