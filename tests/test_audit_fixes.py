"""The fact-check audit of the merged store, each fix pinned: the corrected fact and the source it rests on."""

from __future__ import annotations

import json
import re
from collections import Counter

from gulagcli.store import bundled_path, load

STORE = load(None)
RAW = json.loads(bundled_path().read_text(encoding="utf-8"))
EVENTS = {e["id"]: e for e in RAW["events"]}
PEOPLE = {p["id"]: p for p in RAW["people"]}


def notes(event_id: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = EVENTS[event_id].get("notes", [])
    return found


def noted(event_id: str, text: str, source: str) -> bool:
    return any(text in str(n["text"]) and source in n["sources"] for n in notes(event_id))  # type: ignore[operator]


def test_operation_north_attributes_both_counts_and_the_two_day_round_up() -> None:
    e = EVENTS["operation-north-1951"]
    assert "9,389" in e["summary"] and "9,793" in e["summary"]
    assert "by the archival count" not in e["summary"]
    assert noted("operation-north-1951", "end on 2 April", "wp-operation-north")
    assert noted("operation-north-1951", "Krasnoyarsk Territory is named only by", "1951deport-why")
    assert "1951deport-results" not in e["sources"]


def test_escape_decree_repeal_says_yearly_reporting_let_settlers_travel_anywhere() -> None:
    text = EVENTS["escape-decree-repealed-1954"]["description"]
    assert "within Kazakhstan or Kirghizia" in text and "any part of the country" in text


def test_krasnopevtsev_group_records_ten_versus_nine_men() -> None:
    assert noted("krasnopevtsev-group-arrested", "at least ten", "medvedev-khrushchev-p161")
    assert noted("krasnopevtsev-group-arrested", "nine men", "ogonyok-krasnopevtsev-2012")


def test_pimenov_arrest_is_dated_and_his_term_is_six_years() -> None:
    e = EVENTS["pimenov-group-arrested"]
    assert e["date"] == "1957-03-25"
    assert "six-year sentence" in e["summary"] and "long terms" not in e["summary"]  # then ten at the retrial
    assert "cce-15-3-pimenov" in e["sources"]


def test_kengir_trial_and_executions_agree_on_seven_death_sentences() -> None:
    assert "seven to death by one appeal's count" in EVENTS["steplag-commission-trial"]["summary"]
    for event_id in ("steplag-commission-trial", "steplag-leaders-executed"):
        assert noted(event_id, "Applebaum counts six executed", "millit-kuznetsov-file-7")


def test_sluchenkov_death_date_names_both_sources() -> None:
    p = PEOPLE["gleb-sluchenkov"]
    assert p["died"] == "1956-09-12"
    assert "18 September" in p["summary"] and "novgaz-kengir-executions-2016" in p["sources"]


def test_john_noble_says_who_says_never_charged_and_who_says_sentenced() -> None:
    p = PEOPLE["john-noble"]
    assert "never charged, say" in p["summary"] and "15 years" in p["summary"]
    assert "nyt-noble-obituary-2007" in p["sources"] and "infoplease-noble" not in p["sources"]
    assert noted("john-noble-released", "tried in 1950", "nyt-noble-obituary-2007")


def test_gagen_torn_separates_camp_term_and_exile() -> None:
    summary = PEOPLE["nina-gagen-torn"]["summary"]
    assert "1947-1952" in summary and "freed in 1954" in summary and "1936" in summary
    assert "amnestied" not in summary  # the amnesty is Wikipedia's word alone (twenty-third round)


def test_duplicate_events_were_merged_into_the_existing_records() -> None:
    for gone in ("beria-trial", "herleshausen-first-returnees", "vorkuta-mine-29-shooting"):
        assert gone not in STORE.by_id
        assert f'"{gone}"' not in json.dumps(RAW), f"dangling reference to {gone}"
    beria = EVENTS["beria-execution"]
    assert "Konev" in beria["description"] and "nikolai-shvernik" in beria["people"]
    assert "leites-bernaut-ritual-of-liquidation" in beria["sources"]
    pows = EVENTS["last-german-pows-return"]
    assert "602" in pows["description"] and "herleshausen" in pows["places"]
    assert "lagis-herleshausen-1955-10-09" in pows["sources"]


def test_no_two_events_share_a_title_or_a_title_and_date() -> None:
    titles = Counter(e.title.casefold() for e in STORE.events)
    assert not [t for t, n in titles.items() if n > 1]
    pairs = Counter((e.title.casefold(), e.date.edtf) for e in STORE.events)
    assert not [p for p, n in pairs.items() if n > 1]


def test_uprisings_name_their_leaders_and_link_their_phases() -> None:
    assert {"kapiton-kuznetsov", "gleb-sluchenkov", "sergei-yegorov"} <= set(EVENTS["kengir-uprising"]["people"])
    assert {"steplag-commission-trial", "steplag-leaders-executed"} <= set(EVENTS["kengir-uprising"]["related"])
    assert {"yevhen-hrytsiak", "danylo-shumuk", "grigory-klimovich"} <= set(EVENTS["norilsk-uprising"]["people"])
    assert "gorlag-suppression-1953" in EVENTS["norilsk-uprising"]["related"]
    assert {"edward-buca", "homer-cox", "joseph-scholmer"} <= set(EVENTS["vorkuta-uprising"]["people"])
    assert {"mikhail-ryumin", "semyon-ignatiev"} <= set(EVENTS["doctors-plot"]["people"])
    assert "grozny-riots-1958" in EVENTS["restoration-deported-nations"]["related"]


def test_the_1957_anti_party_group_and_the_security_chiefs_have_life_dates() -> None:
    expected = {
        "molotov": ("1890-03-09", "1986-11-08", "wp-en-vyacheslav-molotov"),
        "kaganovich": ("1893-11-22", "1991-07-25", "wp-en-lazar-kaganovich"),
        "shepilov": ("1905-11-05", "1995-08-18", "wp-en-dmitri-shepilov"),
        "serov": ("1905-08-25", "1990-07-01", "wp-ru-ivan-serov"),
        "maslennikov": ("1900-09-16", "1954-04-16", "wp-en-ivan-maslennikov"),
    }
    for pid, (born, died, source) in expected.items():
        p = PEOPLE[pid]
        assert (p["born"], p["died"]) == (born, died), pid
        assert source in p["sources"], pid


def test_no_two_sources_share_a_url_and_no_reference_points_at_a_merged_one() -> None:
    """An address (the original's or the copy read) belongs to one record: a page read twice is one
    record cited twice, not two records a reader would count as two sources."""
    urls = Counter(u for s in RAW["sources"] for u in {s.get("url"), (s.get("read_at") or {}).get("url")} if u)
    assert not [u for u, n in urls.items() if n > 1]
    merged = ("wikizero-kengir-uprising", "clevergeek-ekibastuz-strike", "academickids-shalamov",
              "liquisearch-gulag", "inventaire-gulag", "wp-vorkuta-uprising-ipfs", "piglix-vorkuta-gulag",
              "academickids-anti-party-group", "kazenc-steplag", "memorial-de-ozerlag")
    text = json.dumps(RAW)
    assert not [m for m in merged if f'"{m}"' in text]
    kengir = STORE.sources["wp-kengir-uprising"]
    assert kengir.read_at is not None and "wikizero.org" in kengir.read_at.url


def test_the_special_camps_were_reorganised_before_during_and_after_kengir_not_after_it() -> None:
    """Dallag's step (8 April 1954) came before the Kengir uprising, Rechlag's (26 May) during it."""
    e = EVENTS["special-camps-reorganized"]
    assert "After Kengir" not in e["summary"] and "post-Kengir" not in e["description"]
    assert "before, during and after Kengir" in e["summary"]
    assert noted("special-camps-reorganized", "8 April 1954", "mem-dallag")
    assert EVENTS["kengir-uprising"]["date"].startswith("1954-05")


def test_work_credit_share_and_kruglovs_colonies_read_as_their_sources_give_them() -> None:
    credits = EVENTS["work-credits-restored-1948"]
    assert "more than 27 per cent" in credits["description"] and "helper" not in credits["description"]
    assert "sidorov-vaninsky-port-p137" in credits["sources"]
    assert "798 colonies and camp subdivisions" in EVENTS["gulag-returned-to-mvd"]["description"]


def test_voznesenskys_fall_came_weeks_after_the_leningrad_affair_began_not_first() -> None:
    e = EVENTS["voznesensky-removed"]
    assert "first step" not in e["summary"] and "weeks after the Leningrad leaders" in e["summary"]
    assert noted("voznesensky-removed", "15 February 1949", "druzhinin-ideologiya-i-filologiya-1")


def test_priboi_gives_vesna_the_dates_and_counts_the_vesna_event_gives() -> None:
    assert "Operation Vesna of May 1948" in EVENTS["operation-priboi"]["description"]
    assert "40,000-49,000" in EVENTS["operation-priboi"]["description"]
    vesna = EVENTS["operation-vesna"]
    assert "40,000-49,000" in vesna["summary"] and vesna["date"] == "1948-05-22/1948-05-23"  # two days


def test_zemaitis_was_taken_with_sleeping_gas_and_shalamov_was_released_not_at_his_terms_end() -> None:
    zemaitis = EVENTS["zemaitis-captured"]
    assert "sleeping gas" in zemaitis["summary"] and "grenade" not in zemaitis["summary"]
    assert "Beria" not in zemaitis["summary"] and "partizanai-trimoniene-zemaitis-capture" in zemaitis["sources"]
    assert "is released" in EVENTS["shalamov-release"]["summary"]
    assert "finishes his term" not in EVENTS["shalamov-release"]["summary"]


def test_the_1954_to_1956_review_counts_are_one_account_not_two_that_disagree() -> None:
    """14,338 rehabilitated of 337,183 reviewed is Novaya gazeta's 4.2 per cent: no discrepancy."""
    note = next(n for n in notes("review-commissions-1956") if "337,183" in str(n["text"]))
    assert note["kind"] == "context" and "153,502" in str(note["text"])
    counts = sorted(int(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+", str(note["text"])))
    assert counts == [14338, 153502, 337183]  # rehabilitated, revised, reviewed
    assert "4.2 per cent" in str(note["text"]) and int(1000 * counts[0] / counts[2]) == 42  # 4.25%


def test_third_round_of_the_audit_each_fix_as_its_source_gives_it() -> None:
    scholmer = EVENTS["scholmer-returns-germany"]
    assert "April 1949" in scholmer["summary"] and "three and a half years in Soviet hands" not in scholmer["summary"]
    assert noted("scholmer-returns-germany", "July 1950", "workuta-de-scholmer")
    assert "Presidium" in EVENTS["theft-decrees-1947"]["summary"]
    assert "pravda-1947-06-05-theft-decrees" in EVENTS["theft-decrees-1947"]["sources"]  # the decrees as printed
    for event_id in ("steplag-mass-arrests-1954", "steplag-leaders-executed"):
        assert "applebaum-gulag-kengir-aftermath" in EVENTS[event_id]["sources"] + [
            s for n in notes(event_id) for s in n["sources"]]  # type: ignore[attr-defined]
    assert PEOPLE["victor-herman"]["role"].startswith("American in the USSR 1931-1976")
    assert "from the winter of 1940-41" in PEOPLE["gustaw-herling-grudzinski"]["role"]  # via Leningrad, Vologda

