"""Run the `$ gulag ...` sessions of the README and the docs as a user would, and compare the output.

Every ```console block of README.md, docs/*.md, CONTRIBUTING.md and bench/README.md is a session:
its `$ ` lines are run, in order, in one scratch directory per file, and what follows each is
what it prints. Commands meant to be read but not run (a benchmark, an install) go in ```sh
blocks, which are never run.

``python tests/readme_sessions.py --update`` rewrites the outputs from real runs;
tests/test_readme.py fails whenever a file and the tool disagree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
COLUMNS = "100"
# "N years ago" must not change with the calendar: sessions run on a fixed day.
TODAY = "2026-12-01"


def documents() -> list[Path]:
    """Every file whose sessions are run, README first."""
    candidates = [README, *sorted((ROOT / "docs").glob("*.md")), ROOT / "CONTRIBUTING.md", ROOT / "bench" / "README.md"]
    return [p for p in candidates if p.is_file()]


def sessions(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for every `$ ` line of every console block."""
    out = []
    for block in BLOCK.findall(text):
        current: str | None = None
        lines: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if current is not None:
                    out.append((current, "\n".join(lines)))
                current, lines = line[2:], []
            else:
                lines.append(line)
        if current is not None:
            out.append((current, "\n".join(lines)))
    return out


def run(command: str, cwd: Path) -> str:
    """The command's stdout and stderr as a terminal shows them (a pseudo-terminal, no colour)."""
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1",
           "COLUMNS": COLUMNS, "LINES": "50", "TERM": "xterm", "GULAG_TODAY": TODAY}
    env.pop("GULAG_DATA", None)
    env.pop("FORCE_COLOR", None)
    master, slave = os.openpty()
    proc = subprocess.Popen(["bash", "-c", command], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL,
                            cwd=cwd, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    drain(master, chunks)
    proc.wait(timeout=60)
    os.close(master)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in ANSI.sub("", text).splitlines()).rstrip("\n")


def drain(master: int, chunks: list[bytes]) -> None:
    """Read a pseudo-terminal until its last writer has closed it."""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            return
        if not data:
            return
        chunks.append(data)


def update(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:

        def fill(match: re.Match[str]) -> str:
            parts = []
            for command, _ in sessions(match.group(0)):
                output = run(command, Path(tmp))
                parts.append(f"$ {command}" + (f"\n{output}" if output else ""))
            return "```console\n" + "\n".join(parts) + "\n```"

        path.write_text(BLOCK.sub(fill, text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--update"]:
        for doc in [Path(p).resolve() for p in sys.argv[2:]] or documents():
            update(doc)
    else:
        sys.exit("usage: python tests/readme_sessions.py --update [FILE...]")
