"""A fingerprint of the exhibit panel's text, so the "own words" test runs on a bare clone.

The exhibit (``shared/sources/000_5d6c3799ccc8af1d.txt`` beside the checkout) is not ours to
ship. What we keep under tests/data/ is the set of its word 8-grams, each hashed and cut to
8 bytes: enough to tell whether a sentence of ours copies eight words in a row from it, not
enough to read it back. ``python tests/exhibit.py --update`` rewrites the fingerprint from
the text when it is there.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXHIBIT = ROOT.parent / "shared" / "sources" / "000_5d6c3799ccc8af1d.txt"
FINGERPRINT = ROOT / "tests" / "data" / "exhibit-8grams.txt"
N = 8
_WORD = re.compile(r"[a-z0-9']+")


def runs(text: str, n: int = N) -> list[str]:
    """Every run of ``n`` words, lower-cased, in order."""
    tw = _WORD.findall(text.lower())
    return [" ".join(tw[i : i + n]) for i in range(len(tw) - n + 1)]


def digest(run: str) -> str:
    return hashlib.blake2b(run.encode("utf-8"), digest_size=8, person=b"gulag-exhibit").hexdigest()


def fingerprint(text: str) -> set[str]:
    return {digest(r) for r in runs(text)}


def load_fingerprint() -> set[str]:
    lines = FINGERPRINT.read_text(encoding="ascii").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def copied(text: str, prints: set[str]) -> list[str]:
    """The runs of ``text`` that the fingerprinted text also has."""
    return [r for r in runs(text) if digest(r) in prints]


def update() -> None:
    prints = sorted(fingerprint(EXHIBIT.read_text(encoding="utf-8")))
    header = f"# blake2b-64 of each {N}-word run of {EXHIBIT.name}; written by tests/exhibit.py --update\n"
    FINGERPRINT.write_text(header + "\n".join(prints) + "\n", encoding="ascii")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: python tests/exhibit.py --update")
