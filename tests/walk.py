"""Helpers the tests share for walking decoded JSON."""

from __future__ import annotations

from typing import Any


def strings(node: Any) -> list[str]:
    """Every string value in a decoded JSON document (keys left out), depth first."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return []
