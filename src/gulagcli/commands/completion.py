"""Shell completion for names: read the store only when the shell asks, never fail loudly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..models import Store

# (value to complete, name it matches by, help the shell shows beside it)
Choices = Callable[["Store"], Iterable[tuple[str, str, str]]]


def _store(ctx: typer.Context) -> Store | None:
    from ..store import load

    data = ctx.params.get("data") if ctx is not None else None
    try:
        return load(Path(data) if data else None)
    except Exception:  # completion must never print a traceback into the shell
        return None


def _complete(ctx: typer.Context, incomplete: str, choices: Choices) -> list[tuple[str, str]]:
    """Values whose id or name starts with the last item of a comma list, with their help."""
    from ..match import fold

    store = _store(ctx)
    if store is None:
        return []
    head, _, last = incomplete.rpartition(",")
    prefix = head + "," if head else ""
    want = fold(last)

    def typed(ident: str) -> str:
        # The shell keeps only values that start with what was typed, case and all: "Keng"
        # completes to "Kengir", which every command reads as "kengir".
        return last + ident[len(last):] if ident.lower().startswith(last.lower()) else ident

    return [(prefix + typed(ident), help_) for ident, name, help_ in choices(store)
            if fold(ident).startswith(want) or fold(name).startswith(want)]


def complete_place(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _complete(ctx, incomplete, lambda s: ((p.id, p.name, p.name) for p in s.places.values()))


def complete_person(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _complete(ctx, incomplete, lambda s: ((p.id, p.name, p.name) for p in s.people.values()))


def complete_tag(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _complete(ctx, incomplete, lambda s: ((t.id, t.label, t.label) for t in s.tags.values()))


def complete_name(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Any event, person, place or term, for `show`, `cite` and `figures --about`; after a kind
    prefix (``place:nor``), entities of that kind, the prefix kept (sources too: ``source:``)."""
    from ..models import Kind
    from ..query import split_kind
    from ..resolve import entities

    if "," in incomplete:
        return []
    kind, rest = split_kind(incomplete)
    if kind is None:
        return _complete(ctx, incomplete,
                         lambda s: ((e.id, e.name, f"{e.kind.value}: {e.name}") for e, _ in entities(s)))
    prefix = incomplete[:len(incomplete) - len(rest)]

    def of_kind(s: Store) -> Iterable[tuple[str, str, str]]:
        if kind is Kind.SOURCE:
            return ((i, src.title, src.title) for i, src in s.sources.items())
        return ((e.id, e.name, e.name) for e, _ in entities(s) if e.kind is kind)

    return [(prefix + value, help_) for value, help_ in _complete(ctx, rest, of_kind)]
