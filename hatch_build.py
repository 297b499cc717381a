"""Hatchling build hook: compile the bundled store into the wheel (gulagcli/data/events.sqlite).

A fresh install then reads the compiled store from the start instead of compiling it into the
user's cache on first use. It is built by gulag's own compiler from src/ (which needs only the
standard library), from exactly the data/events.json the wheel ships. Editable installs skip
it: they read the repository's data/, compiled into the user cache when first used.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledStoreHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from gulagcli.compile import compile_into, read_source
        finally:
            sys.path.pop(0)
        source = root / "data" / "events.json"
        self._workdir = tempfile.mkdtemp(prefix="gulag-build-")
        out = Path(self._workdir) / "events.sqlite"
        raw, content = read_source(source)
        conn = sqlite3.connect(out)
        try:
            compile_into(conn, raw, source, content)
        finally:
            conn.close()
        build_data["force_include"][str(out)] = "gulagcli/data/events.sqlite"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        workdir = getattr(self, "_workdir", None)
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
