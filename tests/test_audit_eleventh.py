"""The eleventh round of the audit: a random sample of 24 events (seed 20261206) checked against
sources they do not cite. Each fix is pinned to what the independent source says: a disputed day
or manner of death is kept beside the store's with who says which, a count gets its exact figure
beside the rounded one, and a title or summary says no more than its sources."""

from __future__ import annotations

from .test_history_fixes import STORE, figures_of, notes_citing, notes_of


def test_shukhevychs_death_keeps_both_accounts_and_the_summary_takes_neither() -> None:
    event = STORE.by_id["shukhevych-killed"]
    assert "killed in the raid" in event.summary and "break out" not in event.summary
    [how] = notes_of("shukhevych-killed", "discrepancy")
    assert "sergeant" in how.text and "shot himself" in how.text
    assert set(how.sources) == {"vedeneev-shapoval-taina-gibeli", "unn-shukhevych-2012"}


def test_the_krasnov_trials_six_are_named_and_the_day_of_death_keeps_both_readings() -> None:
    event = STORE.by_id["cossack-leaders-hanged-1947"]
    assert event.date.edtf == "1947-01-16" and "Cossack leaders" not in event.title and "Pannwitz" in event.title
    [day] = notes_citing("cossack-leaders-hanged-1947", "gse-krasnov")
    assert "17 January 1947" in day and "16 January" in day and "Pravda" in day


def test_the_leningrad_affair_dates_follow_the_burial_record_and_voznesenskys_removal() -> None:
    executions = STORE.by_id["leningrad-affair-executions"]
    assert executions.date.edtf == "1950-09-30/1950-10-01" and "closed" not in executions.summary
    [burial] = notes_citing("leningrad-affair-executions", "sidorovsky-leningrad-affair-2020")
    assert "4 a.m. on 1 October 1950" in burial and "six bodies" in burial
    assert "former Gosplan chief Voznesensky" in STORE.by_id["leningrad-affair-arrests"].summary


def test_operation_osen_has_its_exact_count_beside_more_than_sixteen_thousand() -> None:
    counts = {f.value: f.reported_by for f in figures_of("operation-osen-1951").values()}
    assert counts[16150] == "the Kaišiadorys museum's encyclopedia" and 16000 in counts


def test_links_name_what_the_events_are_about() -> None:
    assert "khabarovsk" not in STORE.by_id["magadan-oblast-formed-1953"].places  # the krai, not the city
    assert "povtorniki" not in STORE.by_id["shumuk-rearrested"].terms  # a new charge, not the old one again
    assert "truecrime-vlasov" in STORE.by_id["vlasov-hanged"].sources  # its notes cite it


def test_summaries_say_no_more_than_their_sources() -> None:
    assert "for his verse" not in STORE.by_id["chichibabin-freed-1951"].summary  # the charge was agitation
    assert "excusing" not in STORE.by_id["cult-of-personality-resolution"].summary
    assert notes_citing("cult-of-personality-resolution", "magyarkronologia-1956-06-30")  # kept, as its reading
    assert "Presidential Library's account" in (STORE.by_id["kgb-created"].description or "")
    [seven] = [n for n in STORE.by_id["steplag-leaders-executed"].notes if "seven men" in n.text]
    assert seven.kind == "context"  # six shot and Kuznetsov spared are the same seven sentences
