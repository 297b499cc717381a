"""Strict tooling is part of the test suite: mypy --strict on src/, ruff on src/ and tests/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "argv", [["mypy", "src"], ["ruff", "check", "src", "tests", "bench"]], ids=["mypy", "ruff"]
)
def test_static_checks_pass(argv: list[str]) -> None:
    result = subprocess.run([str(BIN / argv[0]), *argv[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
