"""Fast paths give exactly what the plain paths give: events, dates, whole stores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gulagcli import bulk
from gulagcli.builders import NOTE_KINDS, Problem, _event, _Reader
from gulagcli.check import build
from gulagcli.dates import parse_edtf, parse_general
from gulagcli.errors import DataError
from gulagcli.fast import event_fast
from gulagcli.jsonfile import top_level
from gulagcli.store import bundled_path, load

from .conftest import MINI

ROOT = Path(__file__).resolve().parents[1]

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31))


@given(DAYS, DAYS)
def test_plain_days_and_day_intervals_parse_the_same_either_way(a: date, b: date) -> None:
    for text in (a.isoformat(), f"{min(a, b).isoformat()}/{max(a, b).isoformat()}"):
        assert parse_edtf(text) == parse_general(text)


def test_impossible_plain_days_still_fail() -> None:
    for text in ("1953-02-29", "1953-13-01", "1953-02-30/1953-03-01", "1953-03-02/1953-03-01"):
        try:
            parse_edtf(text)
        except ValueError:
            continue
        raise AssertionError(text)


IDS = st.sampled_from(["a", "b-c", "place-1", "src-2"])
TEXTS = st.sampled_from(["Title", " leading", "x ", "", "  ", "\t", "Кенгир"])
ODD = st.one_of(st.none(), st.integers(), st.booleans(), st.just({}), st.just([]), TEXTS)
LISTS = st.one_of(st.lists(IDS, max_size=3), st.lists(st.one_of(IDS, ODD), max_size=3), ODD)
NOTES = st.one_of(
    st.none(), st.just([]), ODD,
    st.lists(st.fixed_dictionaries(
        {"kind": st.one_of(st.sampled_from(NOTE_KINDS), ODD), "text": st.one_of(TEXTS, ODD)},
        optional={"sources": LISTS}), max_size=2),
)
EVENTS = st.fixed_dictionaries(
    {"id": st.one_of(IDS, ODD), "title": st.one_of(TEXTS, ODD), "summary": st.one_of(TEXTS, ODD),
     "date": st.one_of(st.sampled_from(["1953-03-05", "1954-05~", "1953-02-30", "195X", "1953/1952",
                                        "1953-05-26/1953-08-04", "nonsense"]), ODD),
     "sources": LISTS},
    optional={"aliases": LISTS, "places": LISTS, "people": LISTS, "terms": LISTS, "tags": LISTS,
              "related": LISTS, "description": st.one_of(TEXTS, ODD), "verified": st.one_of(st.booleans(), ODD),
              "notes": NOTES},
)


@settings(max_examples=1500)
@given(EVENTS)
def test_fast_event_is_the_readers_event_or_nothing(rec: dict[str, Any]) -> None:
    problems: list[Problem] = []
    slow = _event(_Reader(rec, "events", problems, 0))
    fast = event_fast(rec)
    if fast is not None:
        assert fast == slow
        assert problems == []
    elif not problems and isinstance(rec.get("id"), str) and rec["id"].strip() and rec.get("sources"):
        # A record the reader takes without a word (and that has the source every event needs)
        raise AssertionError(f"a record the reader accepts took the slow path: {rec}")


def test_a_well_formed_event_takes_the_fast_path() -> None:
    rec = {"id": "e", "title": "T", "date": "1953-03-05", "summary": "S", "sources": ["s"], "places": ["p"],
           "notes": [{"kind": "context", "text": "N", "sources": ["s"]}], "verified": False}
    fast = event_fast(rec)
    assert fast is not None and fast == _event(_Reader(rec, "events", [], 0))


# --- large stores through msgspec -----------------------------------------------------------

def _standard(text: str) -> Any:
    store, problems = build(top_level(text, Path("s.json")), path="s.json")
    return store if not problems else None


def test_bulk_builds_the_same_store_as_the_standard_path(tmp_path: Path) -> None:
    generator = _generator()
    for n in (0, 1, 300):
        path = generator.write(n, path=tmp_path / f"store-{n}.json")
        raw = path.read_bytes()
        expected = _standard(raw.decode("utf-8"))
        assert expected is not None
        assert bulk.build(raw, path="s.json") == expected
    for path in (MINI, bundled_path()):
        raw = path.read_bytes()
        assert bulk.build(raw, path="s.json") == _standard(raw.decode("utf-8"))


def test_load_takes_the_bulk_path_for_large_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gulagcli.store as store_module

    calls: list[int] = []
    original = bulk.build
    monkeypatch.setattr(bulk, "build", lambda raw, path: calls.append(len(raw)) or original(raw, path=path))
    monkeypatch.setattr(store_module, "BULK_MIN_BYTES", 1000)
    assert load(MINI, compiled=False).events == load(MINI).events
    assert calls, "the mini store is over the lowered threshold and must go through msgspec"
    broken = json.loads(MINI.read_text(encoding="utf-8"))
    broken["events"][0]["date"] = "1953-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataError, match="Feb 1953 has no day 30"):
        load(bad, compiled=False)  # msgspec declines; the standard path names the problem


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_bulk_declines_or_agrees_on_damaged_stores(data: st.DataObject) -> None:
    store = json.loads(MINI.read_text(encoding="utf-8"))
    section = data.draw(st.sampled_from(["events", "figures"]))
    record = data.draw(st.integers(min_value=0, max_value=len(store[section]) - 1))
    field = data.draw(st.sampled_from(sorted(store[section][record])))
    store[section][record][field] = data.draw(st.one_of(ODD, LISTS, st.just("1953-02-30"), st.just(["nowhere"])))
    text = json.dumps(store)
    built = bulk.build(text.encode(), path="s.json")
    assert built is None or built == _standard(text)


def _generator() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fold_by_definition(text: str) -> str:
    """Case folded, NFKD-decomposed, every combining mark dropped (and the prime of
    transliteration), character by character; a capital A-Z the decomposition brought back
    ("𝙰" to "A") lowered."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c.lower() if "A" <= c <= "Z" else c for c in decomposed if not unicodedata.combining(c))
    return kept.replace("ʹ", "").strip()


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_folding_by_translation_table_is_folding_by_definition(text: str) -> None:
    from gulagcli.match import fold

    assert fold(text) == _fold_by_definition(text)


def test_folding_keeps_letters_and_drops_accents() -> None:
    from gulagcli.match import fold

    assert fold("Kengír") == "kengir"
    assert fold("Карлаг") == "карлаг"
    assert fold("Solženicyn") == "solzenicyn"
    assert fold("Ёлка") == "елка"
