"""`search` ranks over postings (search.index) that the compiled store keeps ready-made.

The plain loader builds the same postings in memory, and both go through one ranking function;
these tests hold the ranking to a direct scorer over the documents (what search did before the
postings) and the compiled output to the plain loader's, byte for byte.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from gulagcli.cli import app
from gulagcli.compiled import open_store
from gulagcli.documents import Doc, documents
from gulagcli.models import Kind, Store
from gulagcli.search import expand, index, query_words, ranked
from gulagcli.store import bundled_path, load

from .conftest import MINI

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py)

QUERIES = [
    "amnesty", "amnest", "amnest strike", "KENGÍR", "Кенгир", "kenigr", "norilks", "deaths", "kengir deaths",
    "strikes", "uprisings", "go-slow", "1954", "camp", "the", "beria", "reference b", "zzzz", "a_b",
    "Ozerny Zaton", "ozerny zaton camp", "solzhenitsin", "prisoners released",
]
KINDS: list[tuple[Kind, ...]] = [(), (Kind.EVENT,), (Kind.FIGURE,), (Kind.PERSON, Kind.PLACE), (Kind.SOURCE,)]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("search")
    return {
        "bundled": bundled_path(), "mini": MINI,
        "generated": generate.write(300, seed=7, path=folder / "lean.json"),
        "rich": generate.write(200, seed=11, rich=True, path=folder / "rich.json"),
    }


def direct(docs: list[Doc], qwords: list[str], kinds: Iterable[Kind]) -> list[tuple[str, str, float]]:
    """Search as it was before the postings: expand over the documents' words, keep the documents
    holding every query word, score each field by weight x best quality, sort stably."""
    wanted = set(kinds)
    docs = [d for d in docs if not wanted or d.kind in wanted]
    vocab = {w for d in docs for _, ws in d.fields for w in ws}
    expansions = [expand(w, vocab) for w in qwords]
    hits = []
    for d in docs:
        held = frozenset().union(*(ws for _, ws in d.fields))
        if not all(not held.isdisjoint(exp) for exp in expansions):
            continue
        score = 0.0
        for exp in expansions:
            score += max((weight * max((exp[w] for w in ws if w in exp), default=0.0)
                          for weight, ws in d.fields), default=0.0)
        hits.append((d.kind.value, d.id, round(score, 2)))
    hits.sort(key=lambda h: -h[2])
    return hits


@pytest.mark.parametrize("name", ["bundled", "mini", "generated", "rich"])
def test_postings_rank_as_the_documents_do(name: str, stores: dict[str, Path]) -> None:
    store = load(stores[name], compiled=False)
    docs = list(documents(store))
    memory = index(docs)
    compiled = open_store(stores[name])
    assert compiled is not None
    stored = compiled.search_index()
    assert sorted(stored.vocabulary()) == sorted(memory.vocabulary())
    for text in QUERIES:
        qwords = query_words(text)
        for kinds in KINDS:
            expected = direct(docs, qwords, kinds)
            found = ranked(memory, qwords, kinds=kinds)
            assert [(docs[seq].kind.value, docs[seq].id, score) for seq, score in found] == expected, (text, kinds)
            assert ranked(stored, qwords, kinds=kinds) == found, (text, kinds)
            hits = stored.hits(found)
            assert [(h.kind, h.id, h.name) for h in hits] == [memory.docs[seq] for seq, _ in found]


@pytest.mark.parametrize("text", ["kokterek", "ust vymlag", "vymlag ust", "almaata", "solzhenitsyn kokterek"])
def test_compounds_rank_alike_in_memory_and_compiled(text: str, stores: dict[str, Path]) -> None:
    memory = index(documents(load(stores["bundled"], compiled=False)))
    compiled = open_store(stores["bundled"])
    assert compiled is not None
    qwords = query_words(text)
    assert ranked(compiled.search_index(), qwords) == ranked(memory, qwords)


def test_the_rich_store_finds_something_for_most_queries(stores: dict[str, Path]) -> None:
    """The comparisons above are not all between empty results."""
    store = load(stores["rich"], compiled=False)
    memory = index(documents(store))
    found = {text: len(ranked(memory, query_words(text))) for text in QUERIES}
    assert sum(1 for n in found.values() if n) >= len(QUERIES) // 2, found
    assert found["amnesty"] > 20 and found["Ozerny Zaton"] > 0


SEARCHES = [
    ["amnesty", "--json"], ["amnesty", "--format", "jsonl"], ["amnest", "strike", "--json"],
    ["KENGÍR", "--json"], ["Кенгир", "--json"], ["kenigr", "--json"], ["norilks", "--format", "jsonl"],
    ["deaths", "--json"], ["kengir", "deaths", "--kind", "figure", "--json"], ["uprisings", "--json"],
    ["beria", "--kind", "person", "--kind", "place", "--json"], ["reference", "b", "--kind", "source", "--json"],
    ["camp", "-n", "5", "--json"], ["the", "-n", "2", "--format", "jsonl"], ["1954", "--json"],
    ["Ozerny", "Zaton", "--json"], ["ozerny", "--kind", "place", "--format", "csv"], ["amnesty"],
    ["zzzz", "--json"], ["zzzz", "--format", "jsonl"], ["zzzz", "--format", "table"], ["zzzz"],
    ["kengir", "norilsk", "--kind", "event", "--format", "table"], ["!!!", "--json"], ["x" * 501, "--json"],
    ["amnesty", "--format", "csv", "--raw"], ["amnesty", "--format", "plain"],
]


def run(args: list[str], data: Path, *, compiled: bool) -> Result:
    return CliRunner().invoke(app, ["search", *args, "--data", str(data)],
                              env={"GULAG_COMPILED": "1" if compiled else "0"})


@pytest.mark.parametrize("args", SEARCHES, ids=lambda a: " ".join(a)[:40])
@pytest.mark.parametrize("name", ["bundled", "mini", "generated", "rich"])
def test_search_output_is_byte_identical_to_the_plain_loader(args: list[str], name: str,
                                                              stores: dict[str, Path]) -> None:
    plain, fast = run(args, stores[name], compiled=False), run(args, stores[name], compiled=True)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (plain.exit_code, plain.stdout, plain.stderr)


def test_json_hits_stream_without_building_the_store(
    gulag: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, stores: dict[str, Path]
) -> None:
    import gulagcli.compiled
    import gulagcli.store

    def refuse(*_: object, **__: object) -> Store:
        raise AssertionError("the whole store was loaded")

    expected = run(["amnesty", "--json"], stores["rich"], compiled=False).stdout
    monkeypatch.setattr(gulagcli.store, "load", refuse)  # the commands import it when they need it
    monkeypatch.setattr(gulagcli.compiled.Compiled, "store", refuse)
    result = run(["amnesty", "--json"], stores["rich"], compiled=True)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    hits = json.loads(result.stdout)
    assert hits and {"kind", "id", "name", "score"} <= set(hits[0])
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_every_kind_of_hit_is_spliced_like_the_plain_record(stores: dict[str, Path]) -> None:
    """Events (from the rendered records) and every other kind (stored hits, score replaced)."""
    seen: set[str] = set()
    for name in ("bundled", "mini"):
        for text in ("kengir", "beria", "reference", "amnesty", "slowdown", "1953"):
            plain = json.loads(run([text, "--json"], stores[name], compiled=False).stdout)
            fast = json.loads(run([text, "--json"], stores[name], compiled=True).stdout)
            assert fast == plain
            seen |= {h["kind"] for h in fast}
    assert seen == {k.value for k in Kind}


def test_documents_must_come_kind_by_kind() -> None:
    """The kind filter reads each kind's documents as one span of sequence numbers."""
    event, place = Doc(Kind.EVENT, "e", "E", ()), Doc(Kind.PLACE, "p", "P", ())
    assert index([event, event, place]).spans == {Kind.EVENT: range(0, 2), Kind.PLACE: range(2, 3)}
    with pytest.raises(ValueError, match="not together"):
        index([event, place, event])


_TEXT_CHARS = st.sampled_from([*"abzAZ09_ .,;:-'()/?!†–—…’«»№éçßøĳАБВжщЯёЇ", "ʹ", "\u0301", "\u00a0", "\t", "\n",
                               "Kengír", "Карлаг", "ﬁ", "Ⅻ", "²", "\u200b", "\x1f"])


@settings(max_examples=300)
@given(text=st.one_of(st.text(), st.lists(_TEXT_CHARS, max_size=20).map("".join)))
def test_words_are_what_a_word_pattern_finds_in_the_folded_text(text: str) -> None:
    """`words` splits in C; it must find exactly the words ``\\w+`` finds in the folded text,
    which is what every name, filter and search has always been matched on."""
    import re

    from gulagcli.match import fold, words

    assert words(text) == re.findall(r"\w+", fold(text))


@pytest.mark.parametrize("compiled", ["1", "0"])
def test_a_place_hit_carries_the_peak_places_gives(compiled: str) -> None:
    """Every place hit said "peak": null, though `places --json` gave the camp's largest count."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "GULAG_COMPILED": compiled}
    env.pop("GULAG_DATA", None)

    def run(*argv: str) -> list[dict[str, object]]:
        done = subprocess.run([sys.executable, "-m", "gulagcli", *argv], capture_output=True, text=True,
                              env=env, timeout=120, check=True)
        return list(json.loads(done.stdout))

    peaks = {p["id"]: p["peak"] for p in run("places", "--json")}
    hits = run("search", "camp", "--kind", "place", "--json")
    assert len(hits) > 300 and sum(h["peak"] is not None for h in hits) > 300
    assert all(h["peak"] == peaks[h["id"]] for h in hits)


@settings(max_examples=300)
@given(text=st.one_of(st.text(), st.lists(_TEXT_CHARS, max_size=20).map("".join)))
@example(text="ℌilbert ℕ_1 Kengír")  # capitals that only the decomposition brings back
def test_the_full_text_index_splits_a_text_into_the_words_search_finds_in_it(text: str) -> None:
    """The compiled store's index (SQLite's FTS5) is given each field's folded words; its own
    tokenizer must find exactly those words, or the two paths would find different things."""
    import sqlite3

    from gulagcli.compiled import FULL_TEXT_COLUMNS
    from gulagcli.match import folded_text, words
    from gulagcli.tables import full_text

    conn = sqlite3.connect(":memory:")
    assert full_text(conn)
    conn.execute("INSERT INTO fulltext (rowid, name) VALUES (1, ?)", (folded_text(text),))
    conn.execute("CREATE VIRTUAL TABLE temp.found USING fts5vocab(main, fulltext, instance)")
    found = {(term, col) for term, doc, col, _ in conn.execute("SELECT * FROM temp.found")}
    assert found == {(w, FULL_TEXT_COLUMNS[0]) for w in words(text)}


def test_a_long_word_is_indexed_whole(stores: dict[str, Path], tmp_path: Path) -> None:
    """A word far longer than any natural one (or a search) is indexed whole, and a search
    for its beginning finds it on both paths."""
    store = json.loads(stores["mini"].read_text(encoding="utf-8"))
    long_word = "kengir" * 5000
    store["events"][0]["description"] = f"before {long_word} after"
    data = tmp_path / "long.json"
    data.write_text(json.dumps(store), encoding="utf-8")
    args = [long_word[:480], "--json"]
    plain, fast = run(args, data, compiled=False), run(args, data, compiled=True)
    assert (fast.exit_code, fast.stdout) == (plain.exit_code, plain.stdout)
    assert [hit["id"] for hit in json.loads(fast.stdout)] == [store["events"][0]["id"]]
    compiled = open_store(data)
    assert compiled is not None and (index := compiled.search_index()) is not None
    assert long_word in index.vocabulary() and len(index.postings(long_word)) == 1


def test_without_fts5_a_compiled_store_is_searched_in_memory_alike(
    stores: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SQLite built without FTS5 compiles the store without its index, and `search` then
    ranks in memory over the compiled records: the same output."""
    from gulagcli import tables

    monkeypatch.setenv("GULAG_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(tables, "full_text", lambda conn: False)
    for args in (["amnesty", "--json"], ["kengir", "deaths", "--format", "jsonl"], ["zzzz", "--json"]):
        plain, fast = run(args, stores["rich"], compiled=False), run(args, stores["rich"], compiled=True)
        assert (fast.exit_code, fast.stdout, fast.stderr) == (plain.exit_code, plain.stdout, plain.stderr)
    compiled = open_store(stores["rich"])
    assert compiled is not None and compiled.origin is not None and compiled.origin.parent == tmp_path
    assert compiled.meta_value("vocabulary") is None and compiled.search_index() is None
