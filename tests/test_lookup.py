"""`gulag show` and `gulag search`: forgiving resolution, ambiguity, not found, ranking."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from gulagcli.errors import AmbiguousError, NotFoundError
from gulagcli.models import Kind
from gulagcli.resolve import resolve
from gulagcli.search import search
from gulagcli.store import load

from .conftest import MINI, ids, mini, write_store

Gulag = Callable[..., Result]


@pytest.mark.parametrize(
    "query",
    ["kengir", "Kengir uprising", "KENGIR UPRISING", "kengir-uprising", "kenigr", "kengir upr", "Kengír"],
)
def test_show_finds_the_event_by_id_alias_title_words_and_typos(gulag: Gulag, query: str) -> None:
    result = gulag("show", query, "--json")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert (rec["kind"], rec["id"]) == ("event", "kengir-uprising")


def test_show_prefers_the_event_and_names_the_place_under_see_also(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "kengir", "--json").stdout)
    assert rec["see_also"] == [{"kind": "place", "id": "kengir", "name": "Kengir"}]
    plain = gulag("show", "kengir").stdout
    assert "see also: place:kengir" in plain


@pytest.mark.parametrize("args", [["place:kengir"], ["kengir", "--kind", "place"], ["Кенгир", "-k", "place"]])
def test_a_kind_can_be_asked_for(gulag: Gulag, args: list[str]) -> None:
    rec = json.loads(gulag("show", *args, "--json").stdout)
    assert (rec["kind"], rec["id"]) == ("place", "kengir")
    assert rec["lat"] == 47.84 and rec["lon"] == 67.6161
    assert [e["id"] for e in rec["events"]] == ["kengir-uprising"]


def test_a_prefix_and_kind_that_disagree_are_a_usage_error(gulag: Gulag) -> None:
    result = gulag("show", "place:kengir", "--kind", "event")
    assert result.exit_code == 2 and result.stdout == ""
    assert "the prefix place: and --kind event ask for different kinds" in result.stderr
    assert gulag("show", "place:kengir", "--kind", "place", "--json").exit_code == 0


def test_event_card_has_dates_places_figures_notes_and_sources(gulag: Gulag) -> None:
    out = gulag("show", "stalin-death", "--format", "table", env={"COLUMNS": "200"}).stdout
    assert "5 Mar 1953  (day precision; EDTF 1953-03-05)" in out
    assert "Moscow (Russia)" in out
    assert "discrepancy: The panel gives 6 March" in out
    assert "[ref-a] Reference A, Encyclopedia, 2001 <https://example.org/a>" in out
    kengir = gulag("show", "kengir", "--format", "table", env={"COLUMNS": "200"}).stdout
    assert "37 people: prisoners killed (Soviet official count) [ref-a]" in kengir
    assert "c. 500–700 people: prisoners killed or wounded (survivors' accounts) [ref-b]" in kengir
    assert "Norilsk uprising (norilsk-uprising)" in kengir  # related events


@pytest.mark.parametrize("query", ["Кенгирское восстание", "Norilsk foo", "Kengir revolt"])
def test_a_word_the_name_lacks_is_not_a_typo(gulag: Gulag, tmp_path: Path, query: str) -> None:
    # Spelt close as a whole, but one word names another place: not the Norilsk uprising,
    # whatever the two titles share. A user who gets the wrong uprising with exit 0 is misled.
    store = mini()
    norilsk = next(e for e in store["events"] if e["id"] == "norilsk-uprising")
    norilsk["aliases"] = ["Norilsk", "Норильское восстание"]
    result = gulag("show", query, "--json", data=write_store(tmp_path, store))
    assert result.exit_code == 3, result.stdout
    assert result.stdout == "" and "nothing in the store matches" in result.stderr


def test_a_typo_in_each_word_still_finds_the_event(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "kengr uprsing", "--json").stdout)
    assert rec["id"] == "kengir-uprising"


@pytest.mark.parametrize(("query", "meant"), [
    ("marcenko", "anatoly-marchenko"), ("sneov", "alexei-snegov"), ("kuznetsv", "kapiton-kuznetsov"),
    ("khrushchevs secret speech", "secret-speech"), ("solzenitsyn", "solzhenitsyn"),
    # a compound split or joined elsewhere, within the typo rule as one word
    ("Ust-Vymlag", "ustvymlag"), ("Ust Vymlag", "ustvymlag"), ("almaata", "alma-ata"), ("kokterek", "kok-terek")])
def test_a_misspelt_name_finds_the_closest_spelling_not_another_that_is_merely_close(
        gulag: Gulag, query: str, meant: str) -> None:
    """"marcenko" is 94% Marchenko and 75% Malenkov: both pass the cutoff, and the closer one
    is meant; a wrong person with exit 0 misleads (Malenkov, Serov and Kuznetslag were shown)."""
    result = gulag("show", query, "--json", data=None)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == meant


@pytest.mark.parametrize(("command", "query"), [
    ("cite", "nabokov"), ("show", "trotsky"), ("show", "brodsky"), ("show", "sinyavsky"),
    ("show", "zinoviev"), ("figures --about", "nabokov")])
def test_a_name_the_store_lacks_is_not_answered_with_one_merely_spelt_alike(
        gulag: Gulag, command: str, query: str) -> None:
    """`cite grossman` printed Roman Rudenko's sources (before the store had Grossman) and `show
    trotsky` Tomsky ITL, exit 0: "grossman" held the letters of "roman" (77% alike). A typo is one
    slip in a short word, two in a long one; anything further is said, with suggestions."""
    result = gulag(*command.split(), query, data=None)
    assert result.exit_code == 3 and result.stdout == "", result.stdout
    assert f"nothing in the store matches {query!r}" in result.stderr or "no " in result.stderr


def test_typo_is_one_slip_in_a_short_word_two_in_a_long_one() -> None:
    from gulagcli.match import typo

    assert typo("kenigr", "kengir") and typo("kengr", "kengir") and typo("solzhenitsin", "solzhenitsyn")
    assert typo("solzenitsin", "solzhenitsyn")  # two slips in a long word
    assert not typo("grossman", "roman") and not typo("trotsky", "tomsky") and not typo("brodsky", "dubrovsky")


@pytest.mark.parametrize("query", ["Temlag", "PECHORLAG", "Primorlag"])
def test_a_camps_own_name_in_capitals_is_that_camp(gulag: Gulag, query: str) -> None:
    """A division also called Temlag is another place with that alias; the camp whose id is
    the name is meant, in any case, as for the lowercase id."""
    result = gulag("show", query, "--json", data=None)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == query.lower()


def test_show_marks_unverified_events(gulag: Gulag) -> None:
    assert "unverified: not yet confirmed by an independent reference" in gulag("show", "vague-event").stdout


def test_person_card_has_life_dates_and_events(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "beria", "--json").stdout)
    assert rec["kind"] == "person"
    assert (rec["born"]["edtf"], rec["died"]["edtf"]) == ("1899-03-29", "1953-12-23")
    assert [e["id"] for e in rec["events"]] == ["beria-amnesty"]
    assert "life: 29 Mar 1899 – 23 Dec 1953" in gulag("show", "beria").stdout


def test_a_persons_family_name_alone_names_the_person(gulag: Gulag) -> None:
    """`show sgovio`: Thomas Sgovio's card, though event titles name him too; two people of one
    family name are listed (exit 4), as any two equally good matches are."""
    rec = json.loads(gulag("show", "sgovio", "--json", data=None).stdout)
    assert (rec["kind"], rec["id"]) == ("person", "thomas-sgovio")
    assert "sgovio-exiled-1948" in [e["id"] for e in rec["events"]]
    both = gulag("show", "ginzburg", data=None)
    assert both.exit_code == 4 and "matches 2 people" in both.stderr
    assert "yevgenia-ginzburg" in both.stderr and "alexander-ginzburg" in both.stderr


def test_term_card(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "go-slow", "--json").stdout)
    assert (rec["kind"], rec["id"]) == ("term", "slowdown")
    assert rec["definition"] == "Working below quota on purpose."


def test_several_matches_are_listed_and_exit_4(gulag: Gulag) -> None:
    result = gulag("show", "uprising")
    assert result.exit_code == 4
    assert "'uprising' matches 2 events" in result.stderr
    assert "norilsk-uprising" in result.stderr and "kengir-uprising" in result.stderr
    assert result.stdout == ""


def test_nothing_found_suggests_and_exits_3(gulag: Gulag) -> None:
    result = gulag("show", "kengirrr uprisin")
    assert result.exit_code in (0, 3)  # a close typo is still found
    result = gulag("show", "stalinn death")
    assert result.exit_code == 0 and json.loads(gulag("show", "stalinn death", "--json").stdout)["id"] == "stalin-death"
    result = gulag("show", "zzzz")
    assert result.exit_code == 3
    assert result.stderr.startswith("gulag: error: nothing in the store matches 'zzzz'")
    result = gulag("show", "norilks")
    assert result.exit_code == 0
    result = gulag("show", "moskva")
    assert result.exit_code == 3
    assert "did you mean: moscow?" in result.stderr


def test_empty_query_is_a_usage_error(gulag: Gulag) -> None:
    result = gulag("show", "  ")
    assert result.exit_code == 2
    assert "empty query" in result.stderr


def test_core_resolution_without_the_runner() -> None:
    store = load(MINI)
    assert resolve(store, "beria").entity.kind is Kind.PERSON
    assert resolve(store, "Beria amnesty").entity.id == "beria-amnesty"
    with pytest.raises(AmbiguousError):
        resolve(store, "uprising")
    with pytest.raises(NotFoundError):
        resolve(store, "qqqq")


def test_search_ranks_title_matches_above_summary_matches(gulag: Gulag) -> None:
    got = ids(gulag("search", "kengir", "--kind", "event", "--json"))
    assert got == ["kengir-uprising"]
    got = ids(gulag("search", "prisoners", "--kind", "event", "--json"))
    assert set(got) == {"norilsk-uprising", "kengir-uprising", "beria-amnesty"}
    assert ids(gulag("search", "amnesty", "--kind", "event", "--json")) == ["beria-amnesty"]
    hits = json.loads(gulag("search", "amnest", "--json").stdout)
    assert hits[0]["id"] == "beria-amnesty" and hits[0]["score"] > 0


def test_search_title_outranks_place_and_summary() -> None:
    store = load(MINI)
    hits = search(store, "norilsk", kinds=[Kind.EVENT])
    assert [h.id for h in hits] == ["norilsk-uprising"]
    hits = search(store, "kengir camp")
    assert [(h.kind.value, h.id) for h in hits[:2]] == [("place", "kengir"), ("event", "kengir-uprising")]
    scores = [h.score for h in search(store, "uprising")]
    assert scores == sorted(scores, reverse=True)


def test_search_covers_every_kind_and_says_which(gulag: Gulag) -> None:
    hits = json.loads(gulag("search", "kengir", "--json").stdout)
    kinds = {(h["kind"], h["id"]) for h in hits}
    assert {("event", "kengir-uprising"), ("place", "kengir")} <= kinds
    assert ("figure", "kengir-killed-official") in kinds  # a figure of the Kengir uprising
    assert [h["kind"] for h in json.loads(gulag("search", "slowdown", "--json").stdout)] == ["term"]
    assert ("person", "beria") in {(h["kind"], h["id"]) for h in json.loads(gulag("search", "beria", "--json").stdout)}
    [source] = json.loads(gulag("search", "reference", "b", "--kind", "source", "--json").stdout)
    assert (source["kind"], source["id"], source["source_type"]) == ("source", "ref-b", "book")
    table = gulag("search", "kengir", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "event" in table and "place" in table and "figure" in table


@pytest.mark.parametrize(
    ("query", "expected"),
    [("kenigr", "kengir-uprising"),  # a typo, as `show kenigr` forgives it
     ("kengir deaths", "kengir-killed-official"),  # "deaths" finds "killed"
     ("deaths", "stalin-death"),  # and its own stem
     ("strikes", "norilsk-uprising"),  # inflection: the summary says "strike"
     ("go-slow", "slowdown")],
)
def test_search_forgives_typos_inflections_and_synonyms(gulag: Gulag, query: str, expected: str) -> None:
    assert expected in ids(gulag("search", *query.split(), "--json"))


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["kokterek"], "kok-terek"),  # written together: split into the two stored words
     (["almaata"], "alma-ata"),
     (["ust-vymlag"], "ustvymlag"),  # written apart: joined to the word beside it
     (["ust", "vymlag"], "ustvymlag")],
)
def test_search_reads_a_compound_written_together_or_apart(gulag: Gulag, words: list[str], expected: str) -> None:
    assert expected in ids(gulag("search", *words, "--json", data=None))
    assert expected == json.loads(gulag("show", " ".join(words), "--json", data=None).stdout)["id"]


def test_a_compound_fallback_still_needs_every_word(gulag: Gulag) -> None:
    assert ids(gulag("search", "solzhenitsyn", "kokterek", "--json", data=None))[0] == "solzhenitsyn-exile-kok-terek"
    assert ids(gulag("search", "kokterek", "zzzz", "--json", data=None)) == []
    assert ids(gulag("search", "zzzz", "qqqq", "--json", data=None)) == []
    # a word that finds nothing is not glued to a neighbour that then matches by a close spelling
    for words in (["amnesty", "zz"], ["zq", "amnesty"], ["kengir", "uprising", "zq"]):
        assert ids(gulag("search", *words, "--json", data=None)) == [], words
    # nor split into two common words ("in" + "at")
    for word in ("inat", "ofthe", "atby"):
        assert ids(gulag("search", word, "--json", data=None)) == [], word


@pytest.mark.parametrize("args", [["show", "moldovia"], ["show", "moldovia", "--json"], ["cite", "moldovia"],
                                  ["figures", "--about", "moldovia", "--json"]])
def test_a_name_taken_for_a_close_spelling_of_another_is_said_on_stderr(gulag: Gulag, args: list[str]) -> None:
    result = gulag(*args, data=None)
    assert result.exit_code == 0
    assert "no name in the store is 'moldovia'; taking the closest spelling, Moldova (place:moldova)" in result.stderr
    assert "moldovia" not in result.stdout


@pytest.mark.parametrize("query", ["moldova", "Moldavian SSR", "place:moldova", "operation south", "kokterek",
                                   "Ust Vymlag"])
def test_an_exact_or_partial_name_takes_no_note(gulag: Gulag, query: str) -> None:
    """A name written together or apart ("kokterek" for Kok-Terek) is the same name, not a close spelling."""
    result = gulag("show", query, "--json", data=None)
    assert result.exit_code == 0 and result.stderr == ""


def test_a_name_written_apart_never_outranks_a_name_as_written(gulag: Gulag) -> None:
    """'de-Stalinization' is the term of that name, not an event with the alias 'Destalinization'."""
    shown = json.loads(gulag("show", "de-Stalinization", "--json", data=None, env={"GULAG_COMPILED": "0"}).stdout)
    assert (shown["kind"], shown["id"]) == ("term", "de-stalinization")


def test_the_note_quotes_the_name_without_its_kind_prefix(gulag: Gulag) -> None:
    result = gulag("show", "place:kenigr", data=None)
    assert result.stderr.startswith("no name in the store is 'kenigr';"), result.stderr


def test_search_ranks_the_word_itself_above_its_relatives() -> None:
    store = load(MINI)
    [death, *_] = search(store, "death")
    assert death.id == "stalin-death"
    scores = {h.id: h.score for h in search(store, "kengir killed")}
    assert scores["kengir-killed-official"] > scores.get("kengir-uprising", 0)


def test_search_and_show_forgive_the_same_typos(gulag: Gulag) -> None:
    for typo in ("kenigr", "norilks"):
        shown = json.loads(gulag("show", typo, "--json").stdout)["id"]
        assert shown in ids(gulag("search", typo, "--json")), typo


def test_search_every_word_must_match(gulag: Gulag) -> None:
    assert ids(gulag("search", "kengir", "norilsk", "--kind", "event", "--json")) == []
    result = gulag("search", "kengir", "norilsk", "--kind", "event", "--format", "table")
    assert result.exit_code == 0 and "nothing in the store matches that search" in result.stderr


def test_search_kind_must_be_a_kind(gulag: Gulag) -> None:
    result = gulag("search", "kengir", "--kind", "camp")
    assert result.exit_code == 2 and "--kind" in result.stderr


def test_search_needs_words(gulag: Gulag) -> None:
    result = gulag("search", "!!!")
    assert result.exit_code == 2 and "'!!!' holds no word to look for" in result.stderr
    assert "empty search" in gulag("search", "  ").stderr


def test_search_in_the_bundled_store(gulag: Gulag) -> None:
    """The issue's own examples, on the store users get."""
    assert ids(gulag("search", "slowdown", "--json", data=None))[0] == "slowdown"
    assert "kengir-uprising" in ids(gulag("search", "kuznetsov", "--json", data=None))
    kengir_deaths = ids(gulag("search", "kengir", "deaths", "--json", data=None))
    assert kengir_deaths[0] == "kengir-uprising-suppression"
    assert "kengir-uprising-killed-official" in kengir_deaths
    assert "solzhenitsyn" in ids(gulag("search", "solzhenitsin", "--kind", "person", "--json", data=None))
    assert "zeks" in ids(gulag("search", "zek", "--kind", "term", "--json", data=None))


def test_common_words_beside_others_are_left_out_of_a_search(gulag: Gulag) -> None:
    from gulagcli.search import query_words

    assert query_words("The amnesty of 1953") == ["amnesty", "1953"]
    assert query_words("the of") == ["the", "of"]  # nothing else to search for: kept
    with_common = json.loads(gulag("search", "amnesty of the Beria", "--json").stdout)
    without = json.loads(gulag("search", "amnesty Beria", "--json").stdout)
    assert with_common == without and with_common


@pytest.mark.parametrize("compiled", ["1", "0"])
def test_show_of_a_figure_found_by_search_says_where_figures_are_listed(gulag: Gulag, compiled: str) -> None:
    """`search` lists figures by id, and `show figure:ID` then said "nothing in the store
    matches", as if the id were wrong."""
    hit = json.loads(gulag("search", "killed", "--kind", "figure", "--json").stdout)[0]
    result = gulag("show", f"figure:{hit['id']}", env={"GULAG_COMPILED": compiled})
    assert result.exit_code == 2 and result.stdout == ""
    assert "a figure is not looked up on its own; give the event, place, person or term" in result.stderr
    for argv in (["cite", f"figure:{hit['id']}"], ["figures", "--about", f"figure:{hit['id']}"]):
        assert "`gulag figures --about NAME` lists its figures" in gulag(*argv).stderr  # the same words
    assert len(result.stderr.splitlines()) == 1


def test_one_of_a_figures_people_is_a_person(gulag: Gulag, tmp_path: Path) -> None:
    """"1 people, per Russian Wikipedia infobox" (the Ekibastuz strike's dead)."""
    store = mini()
    store["figures"][0].update(value=1, unit="people")
    store["figures"][0].pop("low", None), store["figures"][0].pop("high", None)
    path = write_store(tmp_path, store)
    fig = store["figures"][0]
    assert f"1 person, per {fig['reported_by']}" in gulag("search", fig["id"], "--format", "plain", data=path).stdout
    assert "1 person: " in gulag("show", fig["event"], data=path).stdout
    table = gulag("figures", "--format", "table", data=path).stdout
    assert "1 person" in table and "1 people" not in table
