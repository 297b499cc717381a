"""docs/exports.md's sessions are real: each command runs and prints what the page shows.

``python -m tests.test_exports_doc --update`` rewrites the outputs from real runs.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readme_sessions import BLOCK, ROOT, run, sessions

DOC = ROOT / "docs" / "exports.md"


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """One directory for the whole page, as for a reader going through it in order."""
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


@pytest.mark.slow
@pytest.mark.parametrize(("command", "expected"), sessions(DOC.read_text(encoding="utf-8")),
                         ids=[c for c, _ in sessions(DOC.read_text(encoding="utf-8"))])
def test_exports_doc_session_output_is_real(command: str, expected: str, workdir: Path) -> None:
    stale = "docs/exports.md is stale: run `python -m tests.test_exports_doc --update`"
    assert run(command, workdir) == expected, stale


def test_the_readme_points_here() -> None:
    assert "docs/exports.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def update() -> None:
    text = DOC.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:

        def fill(match: re.Match[str]) -> str:
            parts = []
            for command, _ in sessions(match.group(0)):
                output = run(command, Path(tmp))
                parts.append(f"$ {command}" + (f"\n{output}" if output else ""))
            return "```console\n" + "\n".join(parts) + "\n```"

        DOC.write_text(BLOCK.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: python -m tests.test_exports_doc --update")
