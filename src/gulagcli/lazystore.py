"""The whole :class:`Store` over a compiled file, each section decoded on first access.

Only commands that need the store's records (filters, cards built from several sections,
charts) come here; the narrow answers in :mod:`gulagcli.compiled` never define the models.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from .compiled import Compiled
from .models import Event, Figure, Meta, Person, Place, Source, Store, Tag, Term
from .store import collector_paused

_intern = sys.intern


def models(name: str, records: Iterator[dict[str, Any]]) -> dict[str, Any]:
    """A section's models, built from its checked records by the loader's own builders."""
    from .builders import _FAST, MAKERS, Problem, _Reader  # only when a section is read, not at start-up

    fast, make = _FAST.get(name), MAKERS[name]
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    with collector_paused(freeze=True):
        for i, rec in enumerate(records):
            model = fast(rec) if fast is not None else None
            if model is None:
                model = make(_Reader(rec, name, problems, i))
            out[_intern(model.id)] = model
    if problems:  # the file was compiled from a checked store: it cannot have any
        raise ValueError(f"compiled store {name}: {problems[0]}")
    return out


class LazyStore(Store):
    """A :class:`Store` whose sections are decoded from the compiled file on first access."""

    _compiled: Compiled

    @classmethod
    def over(cls, compiled: Compiled) -> LazyStore:
        meta = Meta(**json.loads(compiled.meta_value("meta") or "{}"))
        self = cls(meta, [], {}, {}, {}, {}, {}, {}, {}, str(compiled.path))
        self._compiled = compiled
        return self

    def _replace(self, /, **changes: Any) -> Store:  # type: ignore[override]
        """A plain :class:`Store` with every section read and ``changes`` made (a tuple's
        _replace would copy the empty placeholders, not the sections)."""
        return Store(*(getattr(self, name) for name in Store._fields))._replace(**changes)

    def _section(self, name: str) -> dict[str, Any]:
        return models(name, self._compiled.section(name))

    @cached_property
    def _events(self) -> tuple[list[Event], dict[str, Event]]:
        by_id: dict[str, Event] = self._section("events")
        from .check import CHRONOLOGICAL

        return sorted(by_id.values(), key=CHRONOLOGICAL), by_id

    @property
    def events(self) -> list[Event]:
        return self._events[0]

    @property
    def by_id(self) -> dict[str, Event]:
        return self._events[1]

    @cached_property
    def places(self) -> dict[str, Place]:
        return self._section("places")

    @cached_property
    def people(self) -> dict[str, Person]:
        return self._section("people")

    @cached_property
    def terms(self) -> dict[str, Term]:
        return self._section("terms")

    @cached_property
    def figures(self) -> dict[str, Figure]:
        return self._section("figures")

    @cached_property
    def sources(self) -> dict[str, Source]:
        return self._section("sources")

    @cached_property
    def tags(self) -> dict[str, Tag]:
        return self._section("tags")
