"""The shipped store, record by record: schema, integrity, sources, dates, and the exhibit's facts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from edtf import parse_edtf as edtf_parse
from edtf import struct_time_to_date
from typer.testing import Result

from gulagcli.dates import parse_edtf
from gulagcli.store import bundled_path, load
from gulagcli.validate import validate_file

from . import exhibit
from .walk import strings

Gulag = Callable[..., Result]
STORE = load(None)
RAW = json.loads(bundled_path().read_text(encoding="utf-8"))


def test_bundled_store_is_valid_against_schema_and_integrity_rules() -> None:
    _, problems = validate_file(bundled_path())
    assert [str(p) for p in problems] == []


def test_store_tells_the_whole_arc_with_enough_events() -> None:
    assert len(STORE.events) >= 60
    years = {e.date.start.year for e in STORE.events}
    assert min(years) <= 1945 and max(years) >= 1962
    for span in range(1945, 1963, 3):  # no three-year gap in the story
        assert years & set(range(span, span + 3)), f"no event starts in {span}-{span + 2}"


def test_every_event_and_figure_is_sourced_and_every_source_is_citable() -> None:
    for ev in STORE.events:
        assert ev.sources, ev.id
        if ev.verified:
            assert set(ev.sources) - {"exhibit"}, f"{ev.id} is verified but cites only the exhibit"
    for fig in STORE.figures.values():
        assert fig.sources, fig.id
    for src in STORE.sources.values():
        # A printed original may have no URL: then it names its publisher and year, or the copy
        # it was read at.
        printed = src.kind in {"book", "chapter", "article-journal"} and src.publisher and src.issued
        assert src.url or src.read_at or printed or src.kind == "exhibit", src.id
        if src.url:
            assert re.match(r"https?://[^\s]+$", src.url), src.id


def _our_texts() -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for ev in STORE.events:
        texts += [(ev.id, ev.summary), (ev.id, ev.description or "")] + [(ev.id, n.text) for n in ev.notes]
    texts += [(t.id, t.definition) for t in STORE.terms.values()]
    return texts


def test_summaries_are_one_line_in_our_own_words() -> None:
    """No eight words in a row from the exhibit, checked against its fingerprint in tests/data/."""
    for ev in STORE.events:
        assert "\n" not in ev.summary and len(ev.summary) <= 160, ev.id
    prints = exhibit.load_fingerprint()
    assert len(prints) > 500, "the exhibit's fingerprint is missing or truncated"
    for ident, text in _our_texts():
        found = exhibit.copied(text, prints)
        assert not found, f"{ident} copies the exhibit: {found[0]!r}"


def test_the_fingerprint_catches_eight_copied_words_and_nothing_shorter() -> None:
    prints = exhibit.fingerprint("The guards left the zone and the prisoners ran the camp for forty days.")
    assert exhibit.copied("We read that THE GUARDS LEFT THE ZONE AND THE PRISONERS took over.", prints)
    assert not exhibit.copied("the guards left the zone and the wardens stayed", prints)
    assert all(len(p) == 16 for p in exhibit.load_fingerprint())


@pytest.mark.skipif(not exhibit.EXHIBIT.exists(), reason="the exhibit text is not beside this checkout")
def test_own_words_against_the_exhibit_text_itself() -> None:
    """Where ../shared is there (CI), check against the text too, and that the fingerprint is current."""
    text = exhibit.EXHIBIT.read_text(encoding="utf-8")
    assert exhibit.fingerprint(text) == exhibit.load_fingerprint(), "run `python tests/exhibit.py --update`"
    runs = set(exhibit.runs(text))
    sentence = " ".join(exhibit.runs(text)[len(runs) // 2].split())
    assert exhibit.copied(f"As we read it, {sentence}, they said.", exhibit.load_fingerprint())
    for ident, ours in _our_texts():
        copied = [r for r in exhibit.runs(ours) if r in runs]
        assert not copied, f"{ident} copies the exhibit: {copied[0]!r}"


@pytest.mark.parametrize("field", ["date"])
def test_every_stored_date_agrees_with_the_edtf_package(field: str) -> None:
    dates = [e.date.edtf for e in STORE.events]
    dates += [d.edtf for p in STORE.people.values() for d in (p.born, p.died) if d]
    dates += [f.date.edtf for f in STORE.figures.values() if f.date]
    for text in dates:
        ours, theirs = parse_edtf(text), edtf_parse(text)
        assert ours.start == struct_time_to_date(theirs.lower_strict()), text
        assert ours.end == struct_time_to_date(theirs.upper_strict()), text


def test_ids_are_unique_across_kinds() -> None:
    seen: set[str] = set()
    for section in ("sources", "places", "people", "terms", "events", "figures"):
        for rec in RAW[section]:
            assert rec["id"] not in seen, rec["id"]
            seen.add(rec["id"])


def test_each_work_is_one_source_record() -> None:
    """A work recorded twice (once at http, once at https) would be cited and counted as two."""
    seen: dict[str, str] = {}
    for rec in RAW["sources"]:
        if url := rec.get("url"):
            key = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
            assert key not in seen, f"{rec['id']} and {seen[key]} are the same work"
            seen[key] = rec["id"]


def test_stalin_died_on_5_march_and_the_exhibits_6_march_is_noted(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "death of stalin", "--json", data=None).stdout)
    assert rec["date"]["edtf"] == "1953-03-05"
    notes = [n["text"] for n in rec["notes"] if n["kind"] == "discrepancy"]
    assert any("6 March" in n or "March 6" in n for n in notes), notes
    assert "exhibit" in {s["id"] for s in rec["sources"]} | {s for n in rec["notes"] for s in n["sources"]}


# The exhibit's facts, in our words, and a command that must retrieve each. Each entry is
# (what the exhibit tells, the command, text that must appear in the JSON it prints).
EXHIBIT_FACTS = [
    ("Stalin's death in March 1953", ["show", "stalin-death"], "1953-03-05"),
    ("Beria counted about 2.6 million prisoners", ["figures", "--about", "beria amnesty proposal"], "2600000"),
    ("Beria proposed freeing about one million", ["figures", "--about", "beria amnesty proposal"], "1000000"),
    ("The amnesty decree of 27 March 1953", ["show", "beria-amnesty"], "1953-03-27"),
    ("Beria signed over 50,000 death warrants", ["figures"], "50000"),
    ("Beria arrested in June 1953", ["show", "beria-arrest"], "1953-06-26"),
    ("Beria executed six months later", ["show", "beria-execution"], "1953-12-23"),
    ("Norilsk strike of about 16,400 prisoners", ["figures", "--about", "norilsk uprising"], "16400"),
    ("The Norilsk strike lasted late May to early August 1953", ["show", "norilsk-uprising"], "1953-08-04"),
    ("The slowdown as a form of resistance", ["show", "slowdown"], "slowdown"),
    ("Kengir uprising in central Kazakhstan", ["show", "place:kengir"], "Kazakhstan"),
    ("Kengir lasted 40 days", ["figures", "--about", "kengir"], "\"value\":40"),
    ("500-700 killed at Kengir, per the exhibit and survivors", ["figures", "--about", "kengir"], "\"low\":500"),
    ("The official Kengir toll", ["figures", "--about", "kengir"], "\"value\":37"),
    ("Kengir crushed with tanks on 26 June 1954", ["on", "06-26"], "kengir-uprising"),
    ("The Dubovka transport", ["search", "Dubovka"], "dubovka"),
    ("Solzhenitsyn wrote of the Kengir rising", ["show", "solzhenitsyn"], "Solzhenitsyn"),
    ("Thieves used against politicals", ["show", "term:thieves"], "thieves"),
    ("The red hats", ["show", "red hats"], "red-hats"),
    ("Sixty thieves brought to Vorkuta", ["figures", "--about", "red hats vs thieves"], "\"value\":60"),
    ("Vorkuta", ["show", "place:vorkuta"], "Vorkuta"),
    ("German prisoners at Ozerlag", ["show", "place:ozerlag"], "Ozerlag"),
    ("85,000 German war convicts", ["figures"], "85000"),
    ("Several million German POWs", ["search", "German"], "German"),
    ("Adenauer in Moscow, September 1955", ["show", "adenauer-moscow-visit"], "1955-09-08"),
    ("15,000 Germans released", ["figures"], "15000"),
    ("The last Germans came home in 1956", ["search", "German", "prisoners"], "1956-01-14"),
    ("Hein, Peter and Gerhard Dyck", ["people"], "gerhard-dyck"),
    ("German war convicts", ["show", "war convicts"], "war-convicts"),
    ("De-Stalinization", ["show", "term:de-stalinization"], "de-stalinization"),
]


@pytest.mark.parametrize(("fact", "args", "needle"), EXHIBIT_FACTS, ids=[f[0] for f in EXHIBIT_FACTS])
def test_each_fact_of_the_exhibit_is_retrievable(gulag: Gulag, fact: str, args: list[str], needle: str) -> None:
    result = gulag(*args, "--json", data=None)
    assert result.exit_code == 0, result.output
    compact = json.dumps(json.loads(result.stdout), ensure_ascii=False, separators=(",", ":"))
    assert needle in compact, f"{fact}: {needle!r} not in `gulag {' '.join(args)}`"


def test_discrepancies_keep_both_sides_with_who_says_what() -> None:
    discrepancies = [(e.id, n) for e in STORE.events for n in e.notes if n.kind == "discrepancy"]
    assert len(discrepancies) >= 5
    for ident, note in discrepancies:
        assert note.text.strip(), ident
    kengir = [f for f in STORE.figures.values() if f.event and "kengir" in f.event and "killed" in f.what]
    reporters = {f.reported_by for f in kengir}
    assert len(reporters) >= 2, reporters


def test_every_city_where_events_happened_has_its_point_from_geonames() -> None:
    """The classroom page's map left out the events of cities without a point (Vladimir,
    Leningrad, Karaganda): 96 of 211 events. Each city now has GeoNames' point for its town."""
    import json

    from gulagcli.store import bundled_path

    raw = json.loads(bundled_path().read_text(encoding="utf-8"))
    cities = [p for p in raw["places"] if p["kind"] == "city"]
    assert [p["id"] for p in cities if p.get("lat") is None] == []
    assert sum("geonames" in p["sources"] for p in cities) >= 35  # five had their points from other sources
    where = {p["id"]: (p["lat"], p["lon"]) for p in cities}
    assert abs(where["vladimir"][0] - 56.14) < 0.05 and abs(where["vladimir"][1] - 40.40) < 0.05
    assert abs(where["friedland"][0] - 51.42) < 0.05  # Lower Saxony's, not Mecklenburg's


def test_no_word_mixes_latin_and_cyrillic_letters() -> None:
    """A Latin C or O typed inside a Cyrillic name looks right and matches nothing: the map's
    'Cоликамоздорлаг' (Latin C) could not be found by its Cyrillic name."""
    mixed = [w for s in strings(RAW) for w in re.findall(r"\w+", s)
             if re.search("[A-Za-z]", w) and re.search("[А-Яа-яЁё]", w)]
    assert mixed == []
