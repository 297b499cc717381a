"""Sources: the policy on originals and copies, the `sources` command, and citations that
reference managers read (CSL-JSON through citeproc-py, BibTeX through bibtexparser)."""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from typer.testing import Result

from gulagcli.models import Name, ReadAt, Source
from gulagcli.sources import COPY_HOSTS, copy_without_original, host, names_original, weak
from gulagcli.store import bundled_path, load

from .conftest import mini, write_store

Gulag = Callable[..., Result]
STORE = load(None)


def facts(store: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every fact with the sources it rests on: events, their notes, places, people, terms, figures."""
    out = []
    for ev in store.events:
        out.append(("event", ev.id, ev.sources))
        out += [("note", f"{ev.id}#{i}", n.sources) for i, n in enumerate(ev.notes) if n.sources]
    for kind, section in (("place", store.places), ("person", store.people), ("term", store.terms),
                          ("figure", store.figures)):
        out += [(kind, x.id, x.sources) for x in section.values() if x.sources]
    return out


# --- the policy, on the shipped store ----------------------------------------------------


def test_classifier_tells_originals_from_copies_and_weak_pages() -> None:
    book_read_at_copy = Source("a", "Gulag: A History", "book", authors=(Name("Applebaum", "Anne"),),
                               read_at=ReadAt("https://user.bibliboba.online/books/gulag/p/281", "copy"))
    unnamed_copy = Source("b", "Online book page", "book", read_at=ReadAt("https://readli.net/x", "copy"))
    mirror = Source("c", "Gulag", "encyclopedia", url="https://wikimili.com/en/Gulag")
    forum = Source("d", "Repost of a table", "web", url="https://polit.reactor.cc/tag/x")
    assert names_original(book_read_at_copy) and not weak(book_read_at_copy)
    assert copy_without_original(unnamed_copy) and weak(unnamed_copy)
    assert copy_without_original(mirror) and not weak(mirror)
    assert weak(forum)


def test_at_most_five_percent_of_sources_are_copies_with_no_named_original() -> None:
    copies = [s.id for s in STORE.sources.values() if copy_without_original(s)]
    assert len(copies) <= 0.05 * len(STORE.sources), copies


def test_a_copy_is_never_the_cited_link_of_a_work_whose_author_or_publisher_is_known() -> None:
    # Cite the original: where the store names who wrote or published a work, the copy it was
    # read at goes under read_at, and the link (if any) is the original's.
    cited_copies = [s.id for s in STORE.sources.values()
                    if host(s.url) in COPY_HOSTS and (s.authors or s.publisher)]
    assert cited_copies == []


def test_no_fact_rests_only_on_a_forum_snippet_spam_page_or_unidentified_copy() -> None:
    only_weak = [(kind, ident) for kind, ident, srcs in facts(STORE)
                 if all(weak(STORE.sources[s]) for s in srcs if s in STORE.sources)]
    assert only_weak == []


def test_the_sources_the_review_named_are_replaced() -> None:
    for gone in ("reactor-gulag-mortality", "naturasigorta-fifteen-ministers-instead-of-one",
                 "enow-gulag-closed-snippet", "taian-adenauer-returns-to-cologne"):
        assert gone not in STORE.sources
    mvd = STORE.by_id["mvd-ussr-abolished"]
    assert all(not weak(STORE.sources[s]) for s in mvd.sources)


def test_at_least_ninety_percent_of_sources_are_dated_and_access_dates_are_real_days() -> None:
    dated = [s for s in STORE.sources.values() if s.issued or s.accessed]
    assert len(dated) >= 0.9 * len(STORE.sources)
    for s in STORE.sources.values():
        if s.accessed:
            # The store was compiled from these pages from 28 November 2026 on: no access
            # date can be earlier, or later than the day the test runs.
            assert "2026-11-28" <= s.accessed <= date.today().isoformat(), s.id


def test_every_source_has_the_structured_shape() -> None:
    raw = json.loads(Path(STORE.path).read_text(encoding="utf-8"))
    for rec in raw["sources"]:
        assert "author" not in rec and "year" not in rec, rec["id"]
        for name in rec.get("authors", []):
            assert set(name) in ({"family"}, {"family", "given"}, {"literal"}), rec["id"]


# --- the sources command and show source:ID ------------------------------------------------


def test_sources_lists_every_source_with_its_use(gulag: Gulag) -> None:
    recs = json.loads(gulag("sources", "--json", data=None).stdout)
    assert len(recs) == len(STORE.sources)
    exhibit = next(r for r in recs if r["id"] == "exhibit")
    assert exhibit["kind"] == "exhibit" and exhibit["cited_by"] > 10
    books = json.loads(gulag("sources", "--kind", "book", "--json", data=None).stdout)
    assert books and {r["kind"] for r in books} == {"book"}


def test_show_source_exhibit_lists_the_facts_that_cite_it(gulag: Gulag) -> None:
    result = gulag("show", "source:exhibit", "--format", "plain", data=None)
    assert result.exit_code == 0, result.output
    assert "The End of Stalin's Gulag" in result.stdout
    assert "event kengir-uprising" in result.stdout
    same = json.loads(gulag("sources", "exhibit", "--json", data=None).stdout)
    assert same["kind"] == "exhibit" and {"kind": "event", "id": "kengir-uprising"}.items() <= next(
        c for c in same["cited_by"] if c["id"] == "kengir-uprising").items()


def test_a_source_id_alone_shows_the_source_when_nothing_else_has_that_name(gulag: Gulag) -> None:
    # `gulag show exhibit` said "nothing in the store matches 'exhibit'"; only `source:exhibit` worked.
    for query in ("exhibit", "WP-Kengir-Uprising"):
        rec = json.loads(gulag("show", query, "--json", data=None).stdout)
        assert (rec["kind"], rec["id"]) == ("source", query.lower())
    assert "The End of Stalin's Gulag" in gulag("cite", "exhibit", data=None).stdout
    # An entity's own name still comes first, and a source's title alone needs the prefix.
    assert json.loads(gulag("show", "kengir", "--json", data=None).stdout)["kind"] == "event"
    assert gulag("show", "Gulag: A History", data=None).exit_code == 3


def test_a_source_cited_only_by_a_camps_history_or_a_persons_note_counts_as_cited(gulag: Gulag, tmp_path: Path) -> None:
    """`sources ustr-nizhnedonlag` said "cited by: nothing in the store" though Nizhnedonlag's
    history cites it, and `cite place:nizhnedonlag` left it out; so for a person's note. The
    bundled store now cites that page for a count too, so a copy cites it in the history alone."""
    raw = json.loads(bundled_path().read_text(encoding="utf-8"))
    for record in raw["places"] + raw["figures"]:
        record["sources"] = [s for s in record["sources"] if s != "ustr-nizhnedonlag"]
    store = tmp_path / "store.json"
    store.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    for source, kind, ident in (("ustr-nizhnedonlag", "history", "nizhnedonlag"),
                                ("wp-en-ivan-dolgikh", "note", "ivan-dolgikh")):
        rec = json.loads(gulag("sources", source, "--json", data=store).stdout)
        assert {(c["kind"], c["id"]) for c in rec["cited_by"]} == {(kind, ident)}
        listed = {r["id"]: r for r in json.loads(gulag("sources", "--json", data=store).stdout)}
        assert listed[source]["cited_by"] == 1
    assert "bystrov.ustrcr.cz/tabory/1709" in gulag("cite", "place:nizhnedonlag", data=store).stdout
    assert "Ivan_Ivanovich_Dolgikh" in gulag("cite", "ivan-dolgikh", data=store).stdout
    uncited = [r["id"] for r in json.loads(gulag("sources", "--json", data=None).stdout) if not r["cited_by"]]
    assert not uncited, uncited


def test_show_says_it_shows_a_source_and_keeps_its_own_kind_as_source_type(gulag: Gulag) -> None:
    # docs/json.md: `show` puts what it shows first, as for every other kind and as search does.
    rec = json.loads(gulag("show", "source:exhibit", "--json", data=None).stdout)
    assert (rec["kind"], rec["id"], rec["source_type"]) == ("source", "exhibit", "exhibit")
    assert list(rec)[-2:] == ["source_type", "see_also"]


def test_a_source_read_at_a_copy_shows_both(gulag: Gulag) -> None:
    rec = json.loads(gulag("show", "source:applebaum-gulag-thieves", "--json", data=None).stdout)
    assert rec["authors"] == [{"family": "Applebaum", "given": "Anne"}]
    assert rec["read_at"]["url"].startswith("https://user.bibliboba.online/")
    assert rec["copy_without_original"] is False


def test_unknown_source_is_one_line_and_exit_3(gulag: Gulag) -> None:
    result = gulag("sources", "no-such-source-anywhere", data=None)
    assert result.exit_code == 3
    assert "Traceback" not in result.output


# --- validate warns about undated or authorless sources -------------------------------------


def test_validate_warns_but_passes_on_a_book_without_author_or_date(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["sources"].append({"id": "bare-book", "kind": "book", "title": "A Book"})
    result = gulag("validate", str(write_store(tmp_path, store)), data=None)
    assert result.exit_code == 0, result.output
    assert "bare-book" in result.stderr and "needs an author" in result.stderr
    assert "needs a date issued or accessed" in result.stderr


def test_validate_warns_about_an_article_that_does_not_name_its_periodical(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["sources"].append({"id": "loose-article", "kind": "article-magazine", "title": "An Article",
                             "accessed": "2026-12-07"})
    result = gulag("validate", str(write_store(tmp_path, store)), data=None)
    assert result.exit_code == 0, result.output
    assert "loose-article" in result.stderr and "needs the periodical it appeared in" in result.stderr


def test_validate_rejects_a_malformed_author(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    store["sources"].append({"id": "bad-author", "kind": "web", "title": "T", "authors": [{"given": "Only"}]})
    result = gulag("validate", str(write_store(tmp_path, store)), data=None)
    assert result.exit_code == 5


# --- citations --------------------------------------------------------------------------------


def _render(items: list[dict[str, Any]]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py notes CSL fields its styles do not print
        source = CiteProcJSON(items)
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bib = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        return [str(entry) for entry in bib.bibliography()]


def test_cite_kengir_renders_through_citeproc_with_authors_containers_and_years(gulag: Gulag) -> None:
    items = json.loads(gulag("cite", "kengir", "--style", "csl-json", data=None).stdout)
    barnes = next(i for i in items if i["id"] == "barnes-kengir-2005")
    assert barnes["author"] == [{"family": "Barnes", "given": "Steven A."}]
    assert barnes["container-title"] == "Slavic Review" and barnes["issued"] == {"date-parts": [[2005]]}
    assert barnes["accessed"] == {"date-parts": [[2026, 12, 2]]} and barnes["language"] == "en"
    rendered = _render(items)
    [entry] = [e for e in rendered if "Barnes" in e]
    assert "Slavic Review" in entry and "2005" in entry
    assert any("Wikipedia" in e and "Accessed" in e for e in rendered)


def test_cite_all_bibtex_parses_with_unique_keys_and_biblatex_fields(gulag: Gulag) -> None:
    result = gulag("cite", "--all", "--style", "bibtex", data=None)
    assert result.exit_code == 0, result.output
    library = bibtexparser.parse_string(result.stdout)
    assert library.failed_blocks == []  # a duplicate key would be a failed block
    keys = [e.key for e in library.entries]
    assert len(keys) == len(set(keys)) == len(STORE.sources)
    entries = {e.key: e for e in library.entries}
    article = entries["alexopoulos-amnesty-1945"]
    assert article.entry_type == "article"
    assert article.fields_dict["journal"].value == "{Slavic Review}" or \
        article.fields_dict["journal"].value == "Slavic Review"
    assert article.fields_dict["year"].value == "2005"
    web = entries["wp-kengir-uprising"]
    assert web.entry_type == "online" and web.fields_dict["urldate"].value == "2026-11-28"
    for entry in library.entries:
        if entry.entry_type == "article":
            assert "journal" in entry.fields_dict, entry.key


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (apt-get install biber)")
def test_cite_all_bibtex_passes_bibers_data_model(gulag: Gulag, tmp_path: Path) -> None:
    bib = tmp_path / "gulag.bib"
    bib.write_text(gulag("cite", "--all", "--style", "bibtex", data=None).stdout, encoding="utf-8")
    run = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file=out.bib", bib.name],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    log = run.stdout + run.stderr
    assert "ERROR" not in log
    # Every field, value and entry type is one biber's data model accepts, every article has its
    # journal and every @online its url. What it may still miss is an author or a date the source
    # itself does not give (an unsigned newspaper article, an undated web page): never guessed.
    problems = [line for line in log.splitlines() if "WARN" in line and "Datamodel" in line
                and ("Missing mandatory field" not in line or "journaltitle" in line or "'url" in line)]
    assert problems == []
    assert "Missing mandatory field 'journaltitle'" not in log


def test_cite_needs_a_query_or_all(gulag: Gulag) -> None:
    assert gulag("cite", data=None).exit_code == 2
    assert gulag("cite", "kengir", "--all", data=None).exit_code == 2


@pytest.mark.parametrize("style", ["text", "bibtex", "csl-json"])
def test_cite_still_reads_old_author_and_year_fields(gulag: Gulag, style: str) -> None:
    # The mini fixture store keeps the old shape: a literal author string and a year number.
    result = gulag("cite", "kengir", "--style", style)
    assert result.exit_code == 0, result.output
    assert "Jane Historian" in result.stdout


def test_a_title_with_quotation_marks_is_quoted_once_with_the_inner_marks_made_single() -> None:
    from gulagcli.render.cite import _quoted

    assert _quoted("“In a Manner Befitting Soviet Citizens”: An Uprising") \
        == "“‘In a Manner Befitting Soviet Citizens’: An Uprising”"
    assert _quoted('The "Bitch Wars" and "suki"') == "“The ‘Bitch Wars’ and ‘suki’”"
    assert _quoted("Kengir uprising") == "“Kengir uprising”"


def test_a_title_quoting_in_its_own_language_keeps_its_pairs_whole() -> None:
    """Polish and German open a quotation low („); its closing mark is not an English one to nest."""
    from gulagcli.render.cite import _quoted

    assert _quoted("etap przygotowawczy operacji „Zachód” w dokumentach MGB") \
        == "“etap przygotowawczy operacji „Zachód” w dokumentach MGB”"
    assert _quoted("Das „Lager“ und “Gulag”") == "“Das „Lager“ und ‘Gulag’”"


def test_cite_of_operation_west_shows_the_polish_title_with_its_quotes_paired(gulag: Gulag) -> None:
    result = gulag("cite", "operation-west", data=None)
    assert result.exit_code == 0, result.output
    assert "Andrij Kohut. “Mechanizm inicjujący zbrodnię – etap przygotowawczy operacji „Zachód” w dokumentach MGB”" \
        in result.stdout


def test_cite_of_kengir_shows_barnes_title_with_nested_quotes(gulag: Gulag) -> None:
    result = gulag("cite", "kengir", data=None)
    assert result.exit_code == 0, result.output
    assert "“‘In a Manner Befitting Soviet Citizens’: An Uprising in the Post-Stalin Gulag”" in result.stdout
    assert "““" not in result.stdout and "””" not in result.stdout


def test_a_copy_read_at_without_a_publisher_is_named_once_without_a_gap() -> None:
    """A user's store may leave out what a copy is (the bundled store always says)."""
    from gulagcli.render.cite import text_citation

    unnamed = Source("b", "Anna Barkova", "encyclopedia", container="Wikipedia",
                     read_at=ReadAt("http://theinfolist.com/x", None))
    assert text_citation(unnamed).endswith("Read at: http://theinfolist.com/x")
    assert "Read at:  " not in text_citation(unnamed)


def test_a_japanese_authors_name_is_written_family_name_first(gulag: Gulag) -> None:
    """Names in Chinese characters or kana keep their own order, unspaced; BibTeX keeps
    "Family, Given", and Latin and Cyrillic names are unchanged."""
    assert Name("石田", "三郎").display() == "石田三郎"
    assert Name("石田", "三郎").inverted() == "石田, 三郎"
    assert Name("Козлов", "Владимир").display() == "Владимир Козлов"
    result = gulag("show", "ishida-muteiko-no-teiko-1958", "--json", data=None)
    assert json.loads(result.stdout)["author"] == "石田三郎"


@pytest.mark.parametrize("style", ["text", "bibtex", "csl-json"])
def test_cite_one_source_by_its_id(gulag: Gulag, style: str) -> None:
    result = gulag("cite", "source:exhibit", "--style", style, data=None)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Growing Resistance" in result.stdout


def test_cite_refuses_a_query_and_all_together_saying_so(gulag: Gulag) -> None:
    result = gulag("cite", "kengir", "--all", data=None)
    assert result.exit_code == 2 and "or --all, not both" in result.stderr


@pytest.mark.parametrize(("flags", "said"), [
    (["--raw"], "--raw applies to the listing of sources, not to one source"),
    (["--kind", "book", "--bom"], "--bom and --kind apply to the listing of sources, not to one source")])
def test_listing_options_with_one_source_are_refused_in_words_that_fit(gulag: Gulag, flags: list[str],
                                                                        said: str) -> None:
    """`sources exhibit --raw` suggested --format csv, which one source refuses in turn."""
    result = gulag("sources", "exhibit", *flags, data=None)
    assert result.exit_code == 2 and result.stderr == f"gulag: error: {said}\n"


def test_every_copy_in_the_bundled_store_says_what_it_is() -> None:
    """Where a source was read at a copy (a mirror, a machine translation, an unofficial copy of a
    book), the store says which: a reader judging the citation needs to know."""
    unnamed = [s.id for s in STORE.sources.values() if s.read_at is not None and not s.read_at.publisher]
    assert unnamed == []


def test_no_two_sources_point_at_the_same_page() -> None:
    """One page, one source: addresses that differ only in scheme, "www.", a trailing slash or
    letter case (German Wikipedia's "Oserlag" and "OserLag") were one article cited twice."""
    raw = json.loads(bundled_path().read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for source in raw["sources"]:
        if url := source.get("url"):
            page = url.split("://")[-1].removeprefix("www.").rstrip("/").lower()
            assert page not in seen, (source["id"], seen.get(page))
            seen[page] = source["id"]
