"""Write the hostile corpus: one store per case, each the mini store with one thing wrong.

    python tests/data/hostile/make.py

cases.json lists every store with the exit code and the message (a part of the stderr line)
that loading, the large-store path and `gulag validate` must all give for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
MINI = json.loads((HERE.parent / "mini.json").read_text(encoding="utf-8"))


def dumps(store: dict[str, Any]) -> str:
    return json.dumps(store, ensure_ascii=False, indent=2) + "\n"


def with_text(replace: str, by: str) -> bytes:
    """The mini store's text with one literal replacement (for what json.dumps cannot write)."""
    text = dumps(MINI)
    assert replace in text, replace
    return text.replace(replace, by, 1).encode("utf-8")


def changed(path: str, value: Any) -> bytes:
    store = json.loads(json.dumps(MINI))
    *parents, last = path.split(".")
    node: Any = store
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    node[int(last) if last.isdigit() else last] = value
    return dumps(store).encode("utf-8")


TITLE = '"title": "Death of Stalin"'
FIGURE_VALUE = '"value": 37'
# name: (the store's bytes, exit code, message); VALIDATE has validate's words where the JSON
# Schema says it first (validate reports a shape problem once, in the schema's words).
CASES: dict[str, tuple[bytes, int, str]] = {
    "lone-surrogate-in-title": (with_text(TITLE, '"title": "Death of \\ud800Stalin"'), 5,
                                "a lone surrogate escape (\\ud800) is not a character"),
    "lone-low-surrogate": (with_text(TITLE, '"title": "Death \\udc00 of Stalin"'), 5, "a lone surrogate escape"),
    "huge-integer-in-unknown-key": (with_text(TITLE, TITLE + ', "x": ' + "9" * 5000), 5,
                                    "an integer of 5000 digits (at most 4300)"),
    "huge-integer-as-figure-value": (with_text(FIGURE_VALUE, '"value": ' + "1" * 4301), 5,
                                     "an integer of 4301 digits"),
    "deep-nesting-in-unknown-key": (with_text(TITLE, TITLE + ', "x": ' + "[" * 5000 + "]" * 5000), 5,
                                    "nested more than 500 deep"),
    "invalid-utf8-in-unknown-key": (with_text(TITLE, TITLE + ', "x": "\x00"').replace(b"\\u0000", b"\xff")
                                    .replace(b"\x00", b"\xff"), 5, "not UTF-8 (bad byte at line"),
    "duplicate-events-key": (with_text('"events": [', '"events": [], "events": ['), 5,
                             "$.events: appears twice in the store"),
    "javascript-link": (changed("sources.1.url", "javascript:alert(document.cookie)"), 5,
                        "must be an http or https link"),
    "data-link": (changed("sources.1.url", "data:text/html,<script>alert(1)</script>"), 5,
                  "must be an http or https link"),
    "fractional-figure-value": (with_text(FIGURE_VALUE, '"value": 1.5'), 5, "must be a whole number, not 1.5"),
    "infinite-figure-value": (with_text(FIGURE_VALUE, '"value": 1e999'), 5,
                              "must be a finite number, not infinity"),
    "nan-figure-value": (with_text(FIGURE_VALUE, '"value": NaN'), 5, "must be a finite number, not NaN"),
    "latitude-out-of-range": (changed("places.0.lat", 123), 5, "123 is not a latitude"),
    "binary-zeros": (b"\x00" * 5000, 5, "line 1 column 1: not a JSON document"),
    # Found by the store-mutation fuzzing: the large-store path did not check these references.
    "dangling-place-source": (changed("places.1.sources", ["nope"]), 5, "no source with id 'nope'"),
}
# What `validate` says where it is not the loader's message (it says a problem both find in the
# loader's words).
VALIDATE = {
    "duplicate-events-key": "$.events\t\tappears twice in the store",
}


def main() -> None:
    manifest = {}
    for name, (content, code, message) in CASES.items():
        (HERE / f"{name}.json").write_bytes(content)
        manifest[name] = {"exit": code, "message": message, "validate": VALIDATE.get(name, message)}
    (HERE / "cases.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
