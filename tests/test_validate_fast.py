"""`validate` confirms a valid store with a compiled validator, and asks jsonschema for the
messages otherwise: it must never call valid what jsonschema would not."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from gulagcli.check import build
from gulagcli.store import bundled_path, schema_path
from gulagcli.validate import _fast_valid, schema_problems, validate_file

from .conftest import MINI, mini

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
    "last event's title a number": _set(["events", -1, "title"], 5),
    "last event's bad id": _set(["events", -1, "id"], "Not An Id"),
    "last event's sources repeated": _set(["events", -1, "sources"], ["ref-a", "ref-a"]),
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


@pytest.mark.parametrize("case", ["valid", "title a number", "bad id", "last event's bad id"])
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
    monkeypatch.setattr(validate, "_confirm_aside", lambda raw, schema: forked.append(raw) or real(raw, schema))
    checked_here: list[object] = []
    fast_valid = validate._fast_valid
    monkeypatch.setattr(validate, "_fast_valid",
                        lambda schema, raw: checked_here.append(raw) or fast_valid(schema, raw))
    assert validate.check_file(path) == alone
    assert forked, "the forked path was not taken"
    assert (alone[1] == []) == (case == "valid")
    # The child has checked the whole store but the last events: this process checks those,
    # and never the whole store a second time, even when it goes on to jsonschema's messages.
    assert not any(isinstance(raw, dict) for raw in checked_here), "the store was checked twice"


@pytest.mark.parametrize("case", ["valid", *DAMAGE])
def test_the_split_check_passes_exactly_when_the_whole_store_does(case: str) -> None:
    """A large store's events are checked in two parts, on two CPUs; together the parts must
    pass exactly when the whole does, wherever the damage is."""
    from gulagcli.validate import _split

    raw = mini()
    if case != "valid":
        DAMAGE[case](raw)
    head, rest = _split(SCHEMA, raw)
    if isinstance(raw.get("events"), list):
        assert head is not raw and len(head["events"]) < len(raw["events"]), "the events were not split"
    assert (_fast_valid(SCHEMA, head) and rest()) == (case == "valid") == (_jsonschema_errors(raw) == [])


@pytest.mark.parametrize("change", ["events need one", "root has allOf", "events not an array"])
def test_the_events_are_not_split_where_the_schema_asks_more_of_the_list(change: str) -> None:
    """A part of a list cannot be checked against a rule on the whole list (minItems here), nor
    the events apart from a root rule that could reach them: the store is then checked whole."""
    from gulagcli.validate import _split

    schema = copy.deepcopy(SCHEMA)
    if change == "events need one":
        schema["properties"]["events"]["minItems"] = 1
    elif change == "root has allOf":
        schema["allOf"] = [{"required": ["events"]}]
    else:
        schema["properties"]["events"]["type"] = "object"
    raw = mini()
    head, rest = _split(schema, raw)
    assert head is raw
    assert rest()


def test_validate_takes_the_store_with_data_as_every_command_does(tmp_path: Path) -> None:
    """`validate --data FILE` said "No such option"; FILE and --data together are one too many."""
    from typer.testing import CliRunner

    from gulagcli.cli import app

    runner = CliRunner()
    store = tmp_path / "s.json"
    store.write_bytes(MINI.read_bytes())
    done = runner.invoke(app, ["validate", "--data", str(store)])
    assert done.exit_code == 0 and f"{store}: valid" in done.stderr
    both = runner.invoke(app, ["validate", str(store), "--data", str(store)])
    assert both.exit_code == 2 and "once: as FILE or with --data" in both.stderr


def test_a_problem_covers_those_inside_its_record_not_those_of_a_record_numbered_alike() -> None:
    from gulagcli.check import Problem
    from gulagcli.validate import _covered

    seen = {("$.events[1]", "beria-amnesty")}
    assert _covered(Problem("$.events[1].date", "x", "beria-amnesty"), seen)
    assert _covered(Problem("$.events", "x", None), seen)
    assert not _covered(Problem("$.events[10].date", "x", "kengir"), seen)  # was taken as inside [1]


def test_a_missing_field_is_said_at_the_field_in_the_loaders_words(tmp_path: Path) -> None:
    """validate said "'summary' is a required property" at $.events[0], where every other
    command says "$.events[0].summary (stalin-death): is missing"."""
    store = json.loads(MINI.read_text(encoding="utf-8"))
    del store["events"][0]["summary"]
    del store["places"][1]["country"]
    del store["meta"]["version"]
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    found = [(p.path, p.record, p.message) for p in validate_file(path)[1]]
    assert found == [("$.events[0].summary", "stalin-death", "is missing"), ("$.meta.version", None, "is missing"),
                     ("$.places[1].country", "norilsk", "is missing")]


def test_a_missing_field_beside_an_unknown_key_is_still_said(tmp_path: Path) -> None:
    """The schema's whole-record problem (an unknown key) hid the missing fields the loader
    found inside that record, or anywhere in the store for an unknown top-level key."""
    store = json.loads(MINI.read_text(encoding="utf-8"))
    store["bogus"] = 1
    del store["events"][0]["summary"]
    store["events"][1]["bogus"] = 1
    del store["events"][1]["title"]
    store["events"][1]["places"] = ["nowhere"]
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    found = [(p.path, p.message) for p in validate_file(path)[1]]
    assert found == [("$", "Additional properties are not allowed ('bogus' was unexpected)"),
                     ("$.events[0].summary", "is missing"),
                     ("$.events[1]", "Additional properties are not allowed ('bogus' was unexpected)"),
                     ("$.events[1].places[0]", "no place with id 'nowhere'"),
                     ("$.events[1].title", "is missing")]


def test_a_record_in_no_allowed_form_is_said_in_the_loaders_words_once(tmp_path: Path) -> None:
    """A figure with a value and a range printed jsonschema's "{'id': 'both', ...} is not valid
    under any of the given schemas": the record as a Python dict. The loader's reason is said
    instead, once; where the loader has no words for it, neither is the record quoted."""
    store = json.loads(MINI.read_text(encoding="utf-8"))
    figure = store["figures"][0]
    store["figures"] += [{**figure, "id": "both", "low": 1, "high": 9},
                         {**figure, "id": "words", "value": "many"}]
    store["sources"][0]["authors"] = [{"family": "B", "literal": "C"}]
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    found = [(p.path, p.record, p.message) for p in validate_file(path)[1]]
    assert found == [("$.figures[3].value", "both", "give a value or a low-high range, not both"),
                     ("$.figures[4].value", "words", "must be a number, not a string"),
                     ("$.sources[0].authors[0]", "exhibit",
                      "must be {family, given} or {literal}, with non-empty strings")]
    # a schema of our own whose alternatives the loader does not check: said, not quoted
    schema = {"type": "object", "properties": {"meta": {"oneOf": [{"required": ["title"]}, {"required": ["x"]}]}}}
    assert [p.message for p in schema_problems({"meta": {"title": "t", "x": 1}}, schema=schema)] == [
        "matches more than one of the forms data/schema.json allows here; it must match one"]
    assert [p.message for p in schema_problems({"meta": {}}, schema=schema)] == [
        "matches none of the forms data/schema.json allows here"]


def test_a_null_or_a_wrong_type_is_said_in_json_words_once(tmp_path: Path) -> None:
    """A null said "None is not of type 'array'" (Python's name for JSON's null), a null title
    "is missing" though it was there, and a string of sources was said twice, the second time
    wrongly: "needs at least one source"."""
    store = json.loads(MINI.read_text(encoding="utf-8"))
    store["events"][0]["title"] = None
    store["events"][1]["places"] = None
    store["events"][2]["sources"] = "exhibit"
    store["meta"]["title"] = None
    path = tmp_path / "store.json"
    path.write_text(json.dumps(store), encoding="utf-8")
    found = [(p.path, p.message) for p in validate_file(path)[1]]
    assert found == [("$.events[0].title", "must be a string, not null"),
                     ("$.events[1].places", "must be a list, not null"),
                     ("$.events[2].sources", "must be a list of strings, not a string"),
                     ("$.meta.title", "must be a string, not null")]
    assert [p.message for p in schema_problems({"x": True}, schema={"properties": {"x": {"type": ["integer", "null"]}}})
            ] == ["must be a whole number or null, not a boolean"]


def test_the_schema_and_the_loader_take_ascii_digits_only_in_dates() -> None:
    """JSON Schema's \\d is ASCII in ECMA-262 but any digit in Python's re: data/schema.json says
    [0-9], so that every validator reads it alike, and the loader agrees."""
    store = json.loads(MINI.read_text(encoding="utf-8"))
    store["sources"][0]["accessed"] = "٢٠٢٦-12-02"
    store["events"][0]["date"] = "١٩٥٣"
    paths = {p.path for p in schema_problems(store)}
    assert {"$.sources[0].accessed", "$.events[0].date"} <= paths
    _, problems = build(store, path="store.json")
    assert {"$.sources[0].accessed", "$.events[0].date"} <= {p.path for p in problems}
