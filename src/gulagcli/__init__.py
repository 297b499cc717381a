"""gulag: a timeline and fact lookup tool for the end of Stalin's Gulag."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # importlib.metadata costs tens of milliseconds to import; only `--version` pays for it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("gulag")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(name)
