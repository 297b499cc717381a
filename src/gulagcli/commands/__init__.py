"""The commands, grouped by what they are for; importing this package registers them."""

from . import browse, export, facts, lookup, validate  # noqa: F401
