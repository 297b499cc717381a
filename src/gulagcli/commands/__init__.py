"""The commands, one module per group; gulagcli.cli.COMMANDS says which module has which."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..entity import Kind, Resolution
    from ..models import Store


def resolved(store: Store, query: str, *, kind: Kind | None = None) -> Resolution:
    """What ``query`` names (:func:`gulagcli.resolve.resolve`), with a note on stderr when only a
    close spelling was found, so that "mordovia" taken for Moldova never passes unseen."""
    from ..render.emit import note
    from ..resolve import resolve

    found = resolve(store, query, kind=kind)
    note(found.notice(query))
    return found
