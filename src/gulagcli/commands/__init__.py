"""The commands, grouped by what they are for; importing this package registers them."""

from . import browse, facts, lookup, validate  # noqa: F401
