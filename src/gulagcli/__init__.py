"""gulag: a timeline and fact lookup tool for the end of Stalin's Gulag."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gulag")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
