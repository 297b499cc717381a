"""The streaming reader decodes exactly what json.loads decodes, and fails where it fails."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gulagcli.check import build
from gulagcli.errors import DataError
from gulagcli.jsonfile import _REWORDED, decode, top_level
from gulagcli.store import load

from .conftest import MINI

P = Path("store.json")


def streamed(text: str) -> dict[str, Any]:
    out = {}
    for key, value in top_level(text, P):
        out[key] = list(value) if isinstance(value, Iterator) else value
    return out


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
DOCUMENTS = st.dictionaries(
    st.sampled_from(["meta", "sources", "events", "figures", "x", "événements"]),
    st.one_of(JSON_VALUES, st.lists(JSON_VALUES, max_size=5)),
    max_size=5,
)


@settings(max_examples=300)
@given(DOCUMENTS, st.sampled_from([None, 0, 2]), st.sampled_from([",", ", ", " ,\n "]))
def test_streaming_equals_json_loads(doc: dict[str, Any], indent: int | None, sep: str) -> None:
    text = json.dumps(doc, indent=indent, separators=(sep, ": ") if indent is None else None, ensure_ascii=False)
    assert streamed(text) == json.loads(text)


@settings(max_examples=300)
@given(DOCUMENTS, st.data())
def test_damaged_documents_fail_as_json_loads_fails(doc: dict[str, Any], data: st.DataObject) -> None:
    text = json.dumps(doc, indent=1)
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    junk = data.draw(st.sampled_from(["", ",", "]", "}", "{", '"', "x", " 1"]))
    damaged = text[:cut] + junk + text[cut + 1 :]
    try:
        expected: Any = json.loads(damaged)
    except json.JSONDecodeError as exc:
        with pytest.raises(DataError) as caught:
            streamed(damaged)
        assert f"line {exc.lineno} column {exc.colno}: {_REWORDED.get(exc.msg, exc.msg)}" in caught.value.message
        return
    if isinstance(expected, dict):
        assert streamed(damaged) == expected


def test_the_mini_store_builds_the_same_either_way() -> None:
    text = MINI.read_text(encoding="utf-8")
    whole, problems_a = build(decode(text, MINI))
    parts, problems_b = build(top_level(text, MINI))
    assert problems_a == problems_b == []
    assert whole == parts == load(MINI, compiled=False)._replace(path="")
    assert whole is not None and [e.id for e in whole.events] == [e.id for e in load(MINI).events]


def test_problems_are_the_same_either_way(tmp_path: Path) -> None:
    store = json.loads(MINI.read_text(encoding="utf-8"))
    store["events"][0]["date"] = "1953-02-30"
    store["events"][2]["id"] = "stalin-death"
    store["figures"][0]["event"] = "nowhere"
    text = json.dumps(store)
    assert build(decode(text, P))[1] == build(top_level(text, P))[1]
    assert len(build(top_level(text, P))[1]) == 5  # the duplicate's figures lose their event too


@pytest.mark.parametrize(("text", "message"), [
    ('{"events": [] } x', "Extra data"),
    ('{"events": [{"a": 1} {"b": 2}]}', "Expecting ',' delimiter"),
    ('{"events": [1,]}', "Expecting value"),
    ('{"events" [1]}', "Expecting ':' delimiter"),
    ("{", "Expecting property name enclosed in double quotes"),
    # the json module's own words end in "at" or give Python's advice ("decode using utf-8-sig")
    ('{"meta": {"title": "x', "column 20: a string begins here and is never closed$"),
    ('{"meta": {"title": "x\ty"}}', "column 22: a control character inside a string"),
    ('\ufeff{"meta": {}}', "column 1: the file begins with a byte-order mark; save it as UTF-8 without one$"),
])
def test_syntax_errors_name_line_and_column(text: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        streamed(text)
