"""What a name resolves to: an entity's kind, id and display name.

Kept apart from :mod:`gulagcli.models` so that the answers read straight from the compiled
store (`show` by name, `timeline --json`) never define the store's record types at start-up.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from .match import fold


class Kind(str, Enum):
    """The kinds of entity a name can resolve to, in the order ``show`` prefers them."""

    EVENT = "event"
    PERSON = "person"
    PLACE = "place"
    TERM = "term"
    FIGURE = "figure"
    SOURCE = "source"


class Entity(NamedTuple):
    kind: Kind
    id: str
    name: str


class Resolution(NamedTuple):
    """What ``show`` found: the chosen entity and the others the name also fits."""

    entity: Entity
    see_also: tuple[Entity, ...]


def split_kind(query: str) -> tuple[Kind | None, str]:
    """``place:norilsk`` asks for a place; a query without a known prefix asks for anything."""
    prefix, sep, rest = query.partition(":")
    if sep:
        for kind in Kind:
            if fold(prefix) == kind.value:
                return kind, rest
    return None, query
