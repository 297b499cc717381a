"""Glossary terms carry notes as events, places and people do: where sources disagree on a fact
of a definition, or it rests on one source, a note says each side and who gives it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from tests.conftest import mini, write_store

Gulag = Callable[..., Result]
NOTE = {"kind": "discrepancy", "text": "Reference B dates the word to the 1930s.", "sources": ["ref-b"]}


def _noted(tmp_path: Path, note: dict[str, Any] = NOTE) -> Path:
    store = mini()
    [term] = store["terms"]
    term["sources"] = [*term["sources"], *note.get("sources", [])]
    term["notes"] = [note]
    return write_store(tmp_path, store)


def test_show_term_json_gives_its_notes_after_the_definition(gulag: Gulag, tmp_path: Path) -> None:
    rec = json.loads(gulag("show", "slowdown", "--json", data=_noted(tmp_path)).stdout)
    assert list(rec)[list(rec).index("definition") + 1] == "notes"
    assert rec["notes"] == [NOTE]
    plain = json.loads(gulag("show", "slowdown", "--json").stdout)
    assert plain["notes"] == []  # the field is always there


def test_the_term_card_prints_each_note_with_its_kind_and_sources(gulag: Gulag, tmp_path: Path) -> None:
    card = gulag("show", "slowdown", data=_noted(tmp_path)).stdout
    assert "discrepancy: Reference B dates the word to the 1930s. [ref-b]" in " ".join(card.split())
    assert "notes" not in gulag("show", "slowdown").stdout  # no empty row for a term without notes


def test_a_source_cited_only_by_a_terms_note_counts_as_cited_and_is_cited(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    [term] = store["terms"]
    term["notes"] = [NOTE]  # ref-b is in the note only
    path = write_store(tmp_path, store)
    rec = json.loads(gulag("sources", "ref-b", "--json", data=path).stdout)
    assert {"kind": "note", "id": "slowdown", "name": NOTE["text"]} in rec["cited_by"]
    assert "Reference B" in gulag("cite", "slowdown", data=path).stdout


def test_a_terms_note_citing_no_source_in_the_store_is_a_validation_problem(gulag: Gulag, tmp_path: Path) -> None:
    path = _noted(tmp_path, {"kind": "context", "text": "x", "sources": ["nowhere"]})
    done = gulag("validate", "--json", data=path)
    assert done.exit_code == 5, done.output
    paths = [p["path"] for p in json.loads(done.stdout)]
    assert any(p.startswith("$.terms[0].notes[0].sources") for p in paths), paths


def test_a_terms_note_of_an_unknown_kind_is_refused_with_one_line(gulag: Gulag, tmp_path: Path) -> None:
    path = _noted(tmp_path, {"kind": "rumour", "text": "x", "sources": ["ref-b"]})
    done = gulag("show", "slowdown", data=path)
    assert done.exit_code == 5 and "Traceback" not in done.output
    [line] = done.stderr.splitlines()
    assert "$.terms[0].notes[0].kind (slowdown): must be one of discrepancy, uncertainty, context" in line


def test_compiled_and_plain_loaders_give_the_same_term_with_notes(gulag: Gulag, tmp_path: Path) -> None:
    path = _noted(tmp_path)
    compiled = gulag("show", "slowdown", "--json", data=path).stdout
    plain = gulag("show", "slowdown", "--json", data=path, env={"GULAG_COMPILED": "0"}).stdout
    assert compiled == plain and json.loads(compiled)["notes"] == [NOTE]
