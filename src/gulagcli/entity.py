"""What a name resolves to: an entity's kind, id and display name.

Kept apart from :mod:`gulagcli.models` so that the answers read straight from the compiled
store (`show` by name, `timeline --json`) never define the store's record types at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from .errors import AmbiguousError, UsageError
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
    """What ``show`` found: the chosen entity and the others the name also fits, and whether
    only a close spelling of the name was found (``kenigr`` for Kengir)."""

    entity: Entity
    see_also: tuple[Entity, ...]
    close: bool = False

    def notice(self, text: str) -> str | None:
        """What a person is told on stderr when the name they gave was taken for another's:
        a real word one slip from a stored name ("mordovia", "berman") is not that name."""
        if not self.close:
            return None
        e, asked = self.entity, split_kind(text)[1]  # the name, without a `place:` prefix
        return f"no name in the store is {asked!r}; taking the closest spelling, {e.name} ({e.kind.value}:{e.id})"


def split_kind(query: str) -> tuple[Kind | None, str]:
    """``place:norilsk`` asks for a place; a query without a known prefix asks for anything."""
    prefix, sep, rest = query.partition(":")
    if sep:
        for kind in Kind:
            if fold(prefix) == kind.value:
                return kind, rest
    return None, query


def asked_kind(query: str, kind: Kind | None) -> tuple[Kind | None, str]:
    """The kind a `show` query asks for, by ``--kind`` or a ``place:`` prefix, and its text.
    The two saying different kinds is a usage error, not one of them silently winning."""
    prefixed, text = split_kind(query)
    if Kind.FIGURE in (kind, prefixed):  # search finds figures, but a figure is shown among its kin
        raise UsageError("a figure is not looked up on its own; give the event, place, person or term it "
                         "belongs to (`gulag figures --about NAME` lists its figures)")
    if kind is not None and prefixed is not None and kind is not prefixed:
        raise UsageError(f"the prefix {prefixed.value}: and --kind {kind.value} ask for different kinds; "
                         "give one of them")
    return kind or prefixed, text


_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


def choose(tier: list[Entity], text: str) -> Resolution:
    """The entity a tier of equally good matches for ``text`` means, and the rest as see-also.

    Events are preferred to people, people to places, places to terms; two of the preferred
    kind are ambiguous, unless one has ``text`` as its id. Used by the resolver and by the
    compiled store's exact-name answer, so both choose alike.
    """
    tier = sorted(tier, key=lambda e: _KIND_ORDER[e.kind])
    best = [e for e in tier if e.kind is tier[0].kind]
    # Among entities of one kind, an exact id is unambiguous even where another has that word as
    # an alias (the special camp "gorlag" and the later Gorodskoe division, also called Gorlag).
    best = [e for e in best if e.id == text.strip().casefold()] or best  # ids are lower case
    if len(best) > 1:
        raise AmbiguousError(
            f"{text!r} matches {count_kinds(tier)}; use an id",
            candidates=tuple((e.kind.value, e.id, e.name) for e in tier),
        )
    return Resolution(best[0], tuple(e for e in tier if e is not best[0]))


def plural(n: int, noun: str) -> str:
    """"1 event", "5 events", "2 people"."""
    irregular = {"person": "people", "unverified event": "unverified events"}
    return f"{n} {noun if n == 1 else irregular.get(noun, noun + 's')}"


def count_kinds(found: Sequence[Entity]) -> str:
    """"5 events and 1 term": every entity listed, counted by kind in the order listed."""
    counts: dict[str, int] = {}
    for e in found:
        counts[e.kind.value] = counts.get(e.kind.value, 0) + 1
    parts = [plural(n, kind) for kind, n in counts.items()]
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]
