"""`validate` confirms a valid store with a compiled validator, and asks jsonschema for the
messages otherwise: it must never call valid what jsonschema would not."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gulagcli.store import bundled_path, schema_path
from gulagcli.validate import _fast_valid, schema_problems

from .conftest import mini

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))


def _jsonschema_errors(raw: Any) -> list[str]:
    return [e.message for e in Draft202012Validator(SCHEMA).iter_errors(raw)]


def _set(path: list[Any], value: Any) -> Any:
    def damage(store: dict[str, Any]) -> None:
        node: Any = store
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    return damage


DAMAGE = {
    "extra field": _set(["events", 0, "bogus"], 1),
    "title a number": _set(["events", 0, "title"], 5),
    "empty title": _set(["events", 0, "title"], ""),
    "bad id": _set(["events", 0, "id"], "Not An Id"),
    "sources a string": _set(["events", 0, "sources"], "ref-a"),
    "note kind": _set(["events", 0, "notes"], [{"kind": "gossip", "text": "x"}]),
    "latitude": _set(["places", 0, "lat"], 123.0),
    "events an object": _set(["events"], {}),
    "meta a list": _set(["meta"], []),
    "figure value and range": _set(["figures", 0, "low"], 1),
    "unknown section": _set(["gossip"], []),
}


def test_valid_stores_pass_both_validators() -> None:
    for raw in (mini(), json.loads(bundled_path().read_text(encoding="utf-8"))):
        assert _jsonschema_errors(raw) == []
        assert _fast_valid(SCHEMA, raw)


@pytest.mark.parametrize("case", DAMAGE)
def test_a_store_jsonschema_rejects_is_never_confirmed_valid(case: str) -> None:
    raw = mini()
    DAMAGE[case](raw)
    assert _jsonschema_errors(raw)
    assert not _fast_valid(SCHEMA, raw)
    assert schema_problems(raw)  # and the problems come from jsonschema, in its words


def test_a_schema_with_keywords_it_cannot_check_goes_to_jsonschema() -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["unevaluatedProperties"] = False
    assert not _fast_valid(schema, mini())
    schema = copy.deepcopy(SCHEMA)
    schema["$defs"]["text"]["format"] = "email"
    assert not _fast_valid(schema, mini())


@pytest.mark.parametrize("case", ["valid", "title a number", "bad id"])
def test_the_schema_check_forked_aside_reports_what_the_check_in_process_reports(
    case: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large store's compiled schema check runs in a forked child beside the field checks;
    forced on a small store here, `validate` must report exactly what it reports without it."""
    from gulagcli import validate

    store = mini()
    if case != "valid":
        DAMAGE[case](store)
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    alone = validate.check_file(path)
    monkeypatch.setattr(validate, "PARALLEL_MIN_CHARS", 0)
    forked: list[Any] = []
    real = validate._confirm_aside
    monkeypatch.setattr(validate, "_confirm_aside", lambda raw: forked.append(raw) or real(raw))
    assert validate.check_file(path) == alone
    assert forked, "the forked path was not taken"
    assert (alone[1] == []) == (case == "valid")
