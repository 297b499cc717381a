"""People (issue 13): every person has life dates, a role, a summary and sources, and the
officials, strike leaders and prisoner-writers the issue asks for can be looked up."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import Result

from gulagcli.sources import weak
from gulagcli.store import load

Gulag = Callable[..., Result]
STORE = load(None)

# People the sources found give no birth date for. The list
# may only shrink: a person added from now on needs life dates.
UNDATED = {"hein-dyck", "peter-dyck", "gerhard-dyck",
           "ivan-dolgikh"}  # the 1896 birth was his namesake's (Ivan Ivanovich, of Nazino), not the Gulag chief's


def show(gulag: Gulag, query: str) -> dict[str, Any]:
    result = gulag("show", query, "--json", data=None)
    assert result.exit_code == 0, result.output
    rec: dict[str, Any] = json.loads(result.stdout)
    return rec


def test_every_person_has_a_birth_date_role_summary_and_a_source_that_is_not_weak() -> None:
    for p in STORE.people.values():
        assert p.born is not None or p.id in UNDATED, p.id
        assert p.role.strip() and (p.summary or "").strip(), p.id
        assert p.sources and all(s in STORE.sources for s in p.sources), p.id
        assert not all(weak(STORE.sources[s]) for s in p.sources), p.id


def test_the_undated_list_only_names_people_still_undated() -> None:
    stale = {i for i in UNDATED if i in STORE.people and STORE.people[i].born is not None}
    assert not stale, f"remove from UNDATED: {sorted(stale)}"


def test_a_summary_is_one_sentence() -> None:
    for p in STORE.people.values():
        summary = p.summary or ""
        assert "\n" not in summary and summary.endswith("."), p.id
        assert summary.count(". ") == 0, f"{p.id}: one sentence, please"


@pytest.mark.parametrize(("query", "born", "needle"), [
    ("edward-buca", "1926-03-24", "strike committee"),          # Vorkuta 1953, mine 29
    ("viktor-bochkov", "1900-11-11", "Kengir"),                  # first MVD commission
    ("ivan-dolgikh", None, "Kengir"),                            # second MVD commission; life dates unknown
    ("mykhailo-soroka", "1911-03-27", "Kengir"),
    ("alexei-snegov", "1898", "Gulag"),                          # prisoner, then Gulag official
    ("walter-ciszek", "1904-11-04", "Norilsk"),
    ("brigitte-gerland", "1918-05-04", "Vorkuta"),
    ("iryna-senyk", "1926-06-08", "Ozerlag"),
])
def test_officials_strike_leaders_and_prisoners_can_be_shown(gulag: Gulag, query: str, born: str,
                                                             needle: str) -> None:
    rec = show(gulag, query)
    assert rec["kind"] == "person"
    assert (rec["born"] or {}).get("edtf") == born
    assert needle in rec["role"] + rec["summary"]
    assert rec["sources"], query


def test_the_gulag_chief_at_kengir_is_not_his_namesake_of_nazino(gulag: Gulag) -> None:
    # Ivan Ilyich Dolgikh headed the GULAG from 1951 and sat on the second Kengir commission;
    # Ivan Ivanovich Dolgikh (1896-1956), of the Nazino affair, is another man.
    rec = show(gulag, "ivan-dolgikh")
    assert rec["cyrillic"] == "Иван Ильич Долгих" and rec["born"] is None and rec["died"] is None
    assert any("namesake" in n["text"] for n in rec["notes"])


def test_people_are_found_by_their_cyrillic_and_other_spellings(gulag: Gulag) -> None:
    assert show(gulag, "Эдвард Антонович Буц")["id"] == "edward-buca"
    assert show(gulag, "Mykhaylo Soroka")["id"] == "mykhailo-soroka"


def test_where_sources_disagree_the_card_says_so() -> None:
    # The Chronicle of Current Events gives 17 June 1971 for Soroka's death; two encyclopedias 16 June.
    soroka = STORE.people["mykhailo-soroka"]
    assert soroka.died is not None and soroka.died.edtf == "1971-06-16"
    [death] = [n for n in soroka.notes if "17 June" in n.text]
    assert death.kind == "discrepancy" and {"cce-20-soroka-obituary", "eu-soroka"} <= set(death.sources)
    gerland = (STORE.people["brigitte-gerland"].summary or "").removesuffix(".")
    assert gerland.endswith("date her arrest to 1946, Deutschlandfunk to 1947") and "(October)" in gerland


def test_where_sources_disagree_on_a_life_the_person_says_who_gives_what(gulag: Gulag) -> None:
    rec = show(gulag, "vincentas-borisevicius")
    [note] = rec["notes"]
    assert note["kind"] == "discrepancy" and "18 November 1946" in note["text"] and "January 1947" in note["text"]
    assert set(note["sources"]) <= {s["id"] for s in rec["sources"]}
    table = gulag("show", "vincentas-borisevicius", "--format", "table", data=None, env={"COLUMNS": "100"}).stdout
    assert "notes" in table and "discrepancy: English Wikipedia, the Lithuanian genocide" in table
    assert all(isinstance(show(gulag, p)["notes"], list) for p in ("stalin", "serov"))  # every person has the field


def test_a_persons_note_must_cite_a_source_the_store_has(gulag: Gulag, tmp_path: Any) -> None:
    from tests.conftest import mini, write_store

    store = mini()
    store["people"][0]["notes"] = [{"kind": "discrepancy", "text": "Two birth years.", "sources": ["nowhere"]}]
    result = gulag("validate", str(write_store(tmp_path, store)), data=None)
    assert result.exit_code == 5
    assert "$.people[0].notes[0].sources[0]" in result.output and "nowhere" in result.output
