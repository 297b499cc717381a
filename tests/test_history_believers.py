"""Additions of stop 48 to the thin last years: Khrushchev's campaign against religion (1958), the
Baptists' Initiative Group and the Pentecostals' trial (1961), the crackdown on "anti-Soviet elements"
after Novocherkassk (1962), Metropolitan Slipyj's exile (1953) and second arrest (1958), the counts of
Operation North side by side, a `religion` tag that gathers the churches' story from 1945 on, and
the wording of two events that still rest on one source.
Each test checks what a reader of `gulag show`, `gulag figures` or `gulag timeline --tag religion`
would check against the sources."""

from __future__ import annotations

import json

from .conftest import ids
from .test_history_fixes import RAW_SOURCES, STORE, Gulag, assert_dated_on_two_sources, notes_citing, notes_of, show

BELIEVERS = [
    "antireligious-campaign-1958", "noble-i-found-god-1959", "sladkevicius-banished-1959", "charnetsky-dies-1959",
    "ramanauskas-dies-1959", "kyiv-seminary-closed-1960", "vaivods-freed-1960", "kuroedov-replaces-karpov-1960",
    "fedotov-pentecostal-trial-1961", "leningrad-synagogue-trial-1961", "steponavicius-banished-1961",
    "baptist-initiative-group-1961", "afanasy-sakharov-dies-1962", "lukach-sleziuk-resentenced-1962",
    "matulionis-dies-1962", "cousins-khrushchev-slipyj-1962",
]


def test_the_religion_tag_follows_the_churches_from_the_greek_catholic_bishops_to_the_baptists(gulag: Gulag) -> None:
    assert STORE.tags["religion"].label == "Religion"
    story = ids(gulag("timeline", "--tag", "religion", "--json", data=None))
    assert story[0] == "ugcc-bishops-arrested-1945" and story[-len(BELIEVERS):] == BELIEVERS
    assert {"operation-north-1951", "svarinskas-ordained-in-camp-1954", "reinys-dies-vladimir"} <= set(story)
    late = ids(gulag("timeline", "--tag", "religion", "--from", "1958-06", "--json", data=None))
    assert late == ["bukowinski-rearrested-1958", "slipyj-rearrested-1958", *BELIEVERS]  # a year-long 1958 reaches June
    listed = gulag("tags", "--format", "plain", data=None).stdout.splitlines()
    assert listed[-1].split("\t")[::3] == ["religion", str(len(story))]


def test_the_campaign_of_1958_keeps_wikipedias_1959_beside_the_archival_date(gulag: Gulag) -> None:
    ident = "antireligious-campaign-1958"
    assert_dated_on_two_sources({ident: "1958-10-04"})
    [start] = notes_of(ident, "discrepancy")
    assert "1959" in start.text and "4 October 1958" in start.text
    assert {"wp-ussr-anti-religious-campaign", "geraskin-khrushchevskie-goneniya"} <= set(start.sources)
    [decrees] = notes_of(ident, "context")
    assert "16 October 1958" in decrees.text and "bogoslov-minsk-diocese-1959" in decrees.sources
    assert "RGANI" in RAW_SOURCES["geraskin-khrushchevskie-goneniya"]["note"]
    assert show(gulag, "Khrushchev's anti-religious campaign")["id"] == ident


def test_the_initiative_groups_letter_is_dated_by_two_sources_and_the_group_is_not_called_prisoners() -> None:
    ident = "baptist-initiative-group-1961"
    assert_dated_on_two_sources({ident: "1961-08-13"})
    group = STORE.by_id[ident]
    assert "Kryuchkov" in group.summary and "Prokofiev" in group.summary
    assert group.tags == ("religion",)  # not `resistance`, which the vocabulary keeps for prisoners
    day, forming = notes_of(ident, "context")  # the day the letter was handed in; when the group formed
    assert {"nashi-besedy", "wyoder-underground-baptists-50"} <= set(day.sources) and "1960s" in day.text
    assert "May 1960" in forming.text


def test_the_pentecostal_trial_claims_only_its_year_and_the_ten_years_have_two_sources() -> None:
    ident = "fedotov-pentecostal-trial-1961"
    assert_dated_on_two_sources({ident: "1961"})
    when, drezna = notes_of(ident, "uncertainty")
    assert "months" in when.text
    assert "19-26 April 1961" in drezna.text and "does not name" in drezna.text  # one unsigned account, kept apart
    assert {"cce-49-persecution-of-believers", "days4god-pobezhdayushchiy"} <= set(when.sources)
    assert "17 and 136" in (STORE.by_id[ident].description or "")


def test_the_crackdown_of_1962_keeps_the_presidiums_day_and_the_kgb_order_apart(gulag: Gulag) -> None:
    ident = "anti-soviet-elements-crackdown-1962"
    assert_dated_on_two_sources({ident: "1962-07-19"})
    crackdown = STORE.by_id[ident]
    assert "28 July" in crackdown.summary and "400 servicemen" in (crackdown.description or "")
    [who] = notes_of(ident, "context")
    assert "Pikhoia" in who.text and "Khlobustov" in who.text and "bocharova-novocherkassk" in who.sources
    assert "could not register" in (crackdown.description or "")  # former prisoners barred from the south
    assert show(gulag, "KGB order No. 00175")["id"] == ident
    year = ids(gulag("timeline", "--from", "1962-06", "--to", "1962-07", "--json", data=None))
    between = year[year.index("novocherkassk-massacre") + 1:year.index(ident)]
    assert between == ["grossman-suslov-meeting-1962"]  # a July known only to its month sorts before the 19th


def test_the_perm36_museum_keeps_both_its_counts_of_the_mordovian_political_colonies() -> None:
    [counts] = [n for n in notes_of("political-prisoners-to-mordovia-1961", "discrepancy") if "Perm-36" in n.text[:20]]
    assert "five colonies" in counts.text and "nine camp divisions" in counts.text
    assert counts.sources == ("perm36-mordovian-camps", "perm36-political-prisoners-ussr")


def test_slipyjs_exile_and_second_arrest_keep_the_years_and_terms_each_source_gives(gulag: Gulag) -> None:
    assert_dated_on_two_sources({"slipyj-exiled-1953": "1953", "slipyj-rearrested-1958": "1958"})
    assert "Maklakovo" in STORE.by_id["slipyj-exiled-1953"].summary
    [terms] = notes_of("slipyj-rearrested-1958", "discrepancy")
    assert "19 June 1958" in terms.text and "1957" in terms.text  # the memoir's editors against Kyiv Memorial
    assert "seven years" in terms.text and "eight years" in terms.text
    [first] = [n for n in notes_of("ugcc-bishops-arrested-1945", "discrepancy") if "3 March 1946" in n.text]
    assert "summer of 1946" in first.text
    story = ids(gulag("timeline", "--tag", "religion", "--from", "1953", "--to", "1958", "--json", data=None))
    assert story.index("slipyj-exiled-1953") < story.index("slipyj-rearrested-1958")
    assert show(gulag, "Slipyj arrested")["id"] == "ugcc-bishops-arrested-1945"  # the 1945 arrest keeps that alias


def test_operation_norths_counts_stand_side_by_side_with_the_plan_kept_apart(gulag: Gulag) -> None:
    rows = json.loads(gulag("figures", "--about", "operation-north-1951", "--json", data=None).stdout)
    deported = {r["value"]: r["reported_by"] for r in rows if r["what"].endswith("deported")}
    assert set(deported) == {9389, 9793, 9825} and len(set(deported.values())) == 3
    [plan] = [r for r in rows if "planned" in r["what"]]
    assert plan["value"] == 8576 and "not a count" in plan["note"]
    settled = [(r["date"]["edtf"], r["value"]) for r in rows if "register" in r["what"]]
    assert sorted(settled) == [("1956-01-01", 6398), ("1959-01-01", 5107)]
    [stayed] = notes_citing("operation-north-1951", "wrsp-jehovahs-witnesses-russia")
    assert "1965" in stayed and "5,107" in stayed


def test_two_single_source_events_say_no_more_than_their_one_text() -> None:
    rechlag = STORE.by_id["rechlag-organisations-1951-1952"]
    assert rechlag.title.startswith("Rechlag's administration") and not rechlag.verified  # Applebaum's words
    courts = STORE.by_id["courts-decide-early-release-1955"]
    assert "a camp or prison sought" in courts.summary and "pleas" not in courts.summary


def test_slipyj_has_a_card_of_his_own_that_gathers_his_imprisonment(gulag: Gulag) -> None:
    card = show(gulag, "Йосиф Сліпий")
    assert card["id"] == "josyf-slipyj" and (card["born"]["edtf"], card["died"]["edtf"]) == ("1892-02-17", "1984-09-07")
    assert ids(gulag("timeline", "--person", "slipyj", "--json", data=None)) == [
        "ugcc-bishops-arrested-1945", "slipyj-exiled-1953", "slipyj-rearrested-1958", "cousins-khrushchev-slipyj-1962"]
