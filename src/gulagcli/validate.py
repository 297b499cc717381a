"""Full validation of a store: its JSON Schema, then the integrity rules of :mod:`store`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import jsonfile
from .aside import MIN_SIZE
from .builders import kind_of
from .check import Problem, build
from .store import ENV_VAR, MAX_BYTES, collector_paused, locate, schema_path

# Keywords fastjsonschema checks exactly as jsonschema does. A schema using any other keyword
# (a 2020-12 one such as unevaluatedProperties, or "format", which jsonschema only annotates)
# is checked by jsonschema alone.
_FAST_KEYWORDS = frozenset({
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties", "items",
    "additionalProperties", "pattern", "enum", "const", "allOf", "anyOf", "oneOf", "not", "minimum", "maximum",
    "minItems", "maxItems", "minLength", "maxLength", "uniqueItems", "examples", "default", "$comment",
})


def _keywords(schema: object, found: set[str]) -> set[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values() if isinstance(value, dict) else ():
                    _keywords(sub, found)
            elif key not in ("enum", "const", "examples", "default", "required"):
                _keywords(value, found)
    elif isinstance(schema, list):
        for item in schema:
            _keywords(item, found)
    return found


def _fast_valid(schema: dict[str, object], raw: object) -> bool:
    """True when a compiled validator confirms the store is valid; False means "ask jsonschema"
    (for its messages, or because the schema needs it)."""
    if not _keywords(schema, set()) <= _FAST_KEYWORDS:
        return False
    try:
        import fastjsonschema

        draft7 = {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}
        fastjsonschema.compile(draft7)(raw)
    except Exception:  # invalid, or a schema it cannot compile: jsonschema decides
        return False
    return True


def schema_problems(raw: object, *, fast: bool | None = None, schema: dict[str, Any] | None = None) -> list[Problem]:
    """Every place the store departs from data/schema.json, as JSON paths. ``fast`` is what a
    compiled validator already said of it: True, valid (none, without looking); False, not
    confirmed (straight to jsonschema for the messages); None, not asked yet."""
    if fast:
        return []
    schema = schema or read_schema()
    if fast is None and _fast_valid(schema, raw):
        return []
    from jsonschema import Draft202012Validator  # heavy: imported only to validate

    validator = Draft202012Validator(schema)
    out = []
    for err in sorted(validator.iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path]):
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        record = _record_id(raw, list(err.absolute_path))
        message = err.message
        if err.validator == "required" and (field := _MISSING.fullmatch(message)):
            # at the field, in the loader's words, as every other command says it
            path, message = f"{path}.{field[1]}", "is missing"
        elif err.validator == "type":
            # "None is not of type 'string'" is Python's name for JSON's null
            wanted = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
            message = f"must be {' or '.join(_TYPES.get(str(t), str(t)) for t in wanted)}, not {kind_of(err.instance)}"
        elif err.validator in ("oneOf", "anyOf", "not"):
            # jsonschema's words quote the whole record as a Python dict ("{'id': ...} is not
            # valid under any of the given schemas"): said as what is wrong with it instead
            message = _ONE_OF_MANY if "is valid under each of" in message else _FORMS[str(err.validator)]
        out.append(Problem(path, message, record))
    return out


_TYPES = {"string": "a string", "array": "a list", "object": "an object", "integer": "a whole number",
          "number": "a number", "boolean": "true or false", "null": "null"}
_MISSING = re.compile(r"'([A-Za-z_]\w*)' is a required property")
_FORMS = {"oneOf": "matches none of the forms data/schema.json allows here",
          "anyOf": "matches none of the forms data/schema.json allows here",
          "not": "has a form data/schema.json does not allow here"}
_ONE_OF_MANY = "matches more than one of the forms data/schema.json allows here; it must match one"
# Said of a whole record or field: where the loader says within it what is wrong, only that is said.
_VAGUE = frozenset({*_FORMS.values(), _ONE_OF_MANY})


def read_schema() -> dict[str, Any]:
    """data/schema.json."""
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


def _record_id(raw: object, path: list[object]) -> str | None:
    node = raw
    found = None
    for step in path[:2]:
        try:
            node = node[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return found
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def validate_file(file: Path | None) -> tuple[Path, list[Problem]]:
    """All problems of a store: schema ones first, then integrity ones the schema cannot see."""
    path, problems, _ = check_file(file)
    return path, problems


def check_file(file: Path | None) -> tuple[Path, list[Problem], list[Problem]]:
    """Problems as :func:`validate_file` finds them, and warnings that do not fail a store:
    sources whose kind needs a date or an author they lack."""
    from .sources import warnings

    path = locate(file)
    text = jsonfile.read_text(path, max_bytes=MAX_BYTES, env_var=ENV_VAR,
                              hint=f"give the store to check as FILE or in ${ENV_VAR}")
    with collector_paused(freeze=False):
        raw = jsonfile.decode(text, path)
        schema = read_schema()
        confirm = _confirm_aside(raw, schema) if len(text) >= PARALLEL_MIN_CHARS else None
        try:
            # Built from the members in file order, as loading does, so a key given twice is
            # reported here too (a decoded dict would keep only the last).
            members = jsonfile.top_level(text, path) if jsonfile.is_object(text) else raw
            store, built = build(members, path=str(path))
        finally:
            valid = confirm is not None and confirm()  # the child is always waited for
        problems = schema_problems(raw, fast=valid if confirm is not None else None, schema=schema)
        # Still paused: switched back on with millions of objects alive, the collector would
        # walk them all at once (0.6 s on the rich 100,000-event store).
        found = warnings(store.sources) if store is not None else []
        notes = [Problem(f"$.sources[{_index(raw, ident)}]", message, ident) for ident, message in found]
        # A problem both found at one place is said once, in the loader's words, which every
        # other command prints ("is empty", not "should be non-empty" and "does not match");
        # one the schema found about a whole record or list is not repeated in the loader's.
        said = {(p.path, p.record) for p in built}
        problems = [p for p in problems if p.message not in _VAGUE
                    or not any(b.record == p.record and _within(b.path, p.path) for b in built)]
        both = {(p.path, p.record) for p in problems} & said
        problems = [p for p in problems if (p.path, p.record) not in said]
        seen = {(p.path, p.record) for p in problems}
        # The loader's words for what both found, even within a whole record the schema faults
        # (an unknown key beside a missing field: both are said).
        problems += [p for p in built if p.integrity or (p.path, p.record) in both or not _covered(p, seen)]
        # By path, items of a list in number order, so that each record's problems stay together.
        problems.sort(key=lambda p: _place_in_file(p.path))
    return path, problems, notes


def _place_in_file(path: str) -> list[tuple[int, str]]:
    """``$.events[10].date`` as a key that sorts $.events[2] before $.events[10]."""
    return [(0, "") if not part else (1, part) if not part.isdigit() else (0, f"{int(part):012d}")
            for part in re.split(r"[.\[\]]+", path)]


def _index(raw: object, ident: str) -> int:
    items = raw.get("sources", []) if isinstance(raw, dict) else []
    return next((i for i, rec in enumerate(items) if isinstance(rec, dict) and rec.get("id") == ident), -1)


def _covered(problem: Problem, seen: set[tuple[str, str | None]]) -> bool:
    """Whether a problem lies within one already seen, or holds one: $.events[1] holds
    $.events[1].date, not $.events[10]."""
    return any(_within(problem.path, path) or _within(path, problem.path) for path, _ in seen)


def _within(path: str, outer: str) -> bool:
    return path == outer or (path.startswith(outer) and path[len(outer)] in ".[")


# From here the compiled schema check runs in a forked child beside the field-by-field checks
# (aside.py): on two CPUs, `validate` of the rich 100,000-event store went from 3.27x to 2.50x
# a `jq empty` of it.
PARALLEL_MIN_CHARS = MIN_SIZE


def _confirm_aside(raw: object, schema: dict[str, Any]) -> Callable[[], bool] | None:
    """Start the compiled validator on ``raw`` in a forked child; the function returned waits
    for it and says whether it confirmed the store valid. None where there is no fork (or it
    fails): the caller checks in this process, as for a small store. Only the yes/no leaves the
    child; the messages of an invalid store are always made here, by jsonschema.

    The child checks all but the last events (:func:`_split`); the function returned checks
    those here, where the field checks have finished first, so both CPUs end together."""
    from .aside import fork, succeeded

    head, rest = _split(schema, raw)
    pid = fork(lambda: _fast_valid(schema, head))
    if pid is None:
        return None

    def confirmed() -> bool:
        here = rest()
        return succeeded(pid) and here

    return confirmed


# The child's share of the events: it checks the other sections too, while this process first
# runs the field checks (bench/README.md gives the timings it was balanced on).
CHILD_SHARE = 0.85
_OBJECT_ONLY = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "type", "required",
                          "properties", "additionalProperties"})


def _split(schema: dict[str, Any], raw: object) -> tuple[object, Callable[[], bool]]:
    """``raw`` with only the first events, and a check of the others against the events' item
    schema: both pass exactly when ``raw`` passes. That holds while the schema asks nothing of
    the events list but its items and nothing of the root that an array would meet; otherwise
    ``raw`` whole and a check that passes."""
    props = schema.get("properties")
    events_schema = props.get("events") if isinstance(props, dict) else None
    if not (isinstance(raw, dict) and isinstance(events := raw.get("events"), list) and len(events) > 1
            and schema.get("type") == "object" and set(schema) <= _OBJECT_ONLY
            and isinstance(events_schema, dict) and set(events_schema) == {"type", "items"}
            and events_schema["type"] == "array"):
        return raw, lambda: True
    cut = int(len(events) * CHILD_SHARE)
    # The root's object keywords pass any array, so the rest is checked with every $defs and
    # $id as they are (its references resolve alike).
    rest_schema = {**schema, "type": "array", "items": events_schema["items"]}
    return {**raw, "events": events[:cut]}, lambda: _fast_valid(rest_schema, events[cut:])
