"""The audit of December 2026, in rounds: each fix pinned to the wording its sources support.

A claim the sources do not make is gone or attributed, and where they disagree the note says who
says what."""

from __future__ import annotations

from .test_audit_fixes import EVENTS, PEOPLE, RAW, STORE, noted, notes


def test_fourth_round_the_unverified_events_say_what_their_one_text_says() -> None:
    kuznetsov = EVENTS["kuznetsov-released"]
    assert "August 1955" in kuznetsov["summary"] and "after writing" not in kuznetsov["summary"]
    assert noted("kuznetsov-released", "first two days after his arrest", "applebaum-gulag-kengir-aftermath")
    courts = EVENTS["courts-decide-early-release-1955"]
    assert "camp requests" not in courts["summary"]  # the decree names camps, colonies and prisons alike
    assert "parole" in courts["summary"] and "cut term" in courts["summary"]  # and sentence reductions
    assert noted("courts-decide-early-release-1955", "autonomous-oblast courts", "constitutions-decree-1955-04-21")
    assert not any(STORE.by_id[i].verified for i in ("kuznetsov-released", "courts-decide-early-release-1955"))


def test_fourth_round_events_keep_to_their_decrees_and_cards() -> None:
    ban = EVENTS["lithuania-return-ban-1957"]
    assert "'banditry'" in ban["summary"] and "up to five years" in ban["description"]
    [card] = notes("solzhenitsyn-to-ekibastuz-1950")
    assert "delivered to Karaganda on 18 August 1950" in str(card["text"])
    assert "read through a helper" not in str(card["text"])
    assert noted("vodorazdellag-formed-1952", "1,142", "mem-vodorazdellag")
    assert "wp-ru-vodorazdelny-lag" in EVENTS["vodorazdellag-formed-1952"]["sources"]
    assert "less than two years later" in EVENTS["luglag-formed-1949"]["summary"]
    assert "led to" not in EVENTS["dubovka-transport"]["description"]
    assert "state publisher" not in EVENTS["shalamov-offers-kolyma-tales-1962"]["summary"]
    assert "Soviet captivity" in EVENTS["konoe-dies-in-captivity"]["summary"]
    assert "first lieutenant" in PEOPLE["fumitaka-konoe"]["summary"]
    assert "30,000 were allowed" not in EVENTS["gomulka-repatriation-talks"]["summary"]


def test_fourth_round_terms_are_no_stronger_than_their_sources() -> None:
    terms = {t["id"]: t["definition"] for t in RAW["terms"]}
    assert "formally founded" not in terms["upa"] and "1947" in terms["upa"]
    assert "was needed for" not in terms["rehabilitation"]
    assert "general, intensified, strict and special" in terms["corrective-labour-colony"]
    assert "some 80 camps" not in terms["dalstroy"]
    assert terms["slowdown"].count("Some historians") == 1


def test_fourth_round_dates_in_dispute_are_noted_where_they_are_told() -> None:
    assert noted("ugcc-bishops-arrested-1945", "17 January 1947", "maslij-khomyshyn-case")
    [bishop] = PEOPLE["vincentas-borisevicius"]["notes"]
    assert "28 August 1946" in bishop["text"] and "rescuers-borisevicius" in bishop["sources"]


def test_fifth_round_each_event_says_who_did_what_as_its_sources_do() -> None:
    assert "Presidium majority" in EVENTS["anti-party-group"]["summary"]
    assert noted("anti-party-group", "Pervukhin and Saburov", "russianlife-anti-party-almost-coup")
    assert "shot that night" in EVENTS["tukhachevsky-case-annulled-1957"]["description"]
    assert "the case that had opened the army purge" in EVENTS["tukhachevsky-case-annulled-1957"]["summary"]
    assert "Smith ties" in EVENTS["anti-soviet-agitation-surge-1957"]["summary"]
    assert "cannot leave the region" in EVENTS["shalamov-release"]["summary"]
    assert "Zhirnov writes" in EVENTS["anti-parasite-decree-1961"]["summary"]
    assert "Party's Central Committee" in EVENTS["kgb-created"]["description"]
    kuk = EVENTS["kuk-released-open-letter"]
    assert "amnestied" not in kuk["title"] + kuk["summary"] and "moscow" not in kuk["places"]
    assert "amnestied in 1960 after" not in PEOPLE["vasyl-kuk"]["summary"]


def test_fifth_round_people_cards_follow_their_sources() -> None:
    assert "'joined'" in PEOPLE["shepilov"]["summary"] and "Wikipedia" not in PEOPLE["shepilov"]["summary"]
    assert "(at mine 29 in the archival record)" in PEOPLE["maslennikov"]["summary"]
    assert "22 June 1873" in str(PEOPLE["teofilius-matulionis"]["notes"])
    assert "wrote her memoir twice" in PEOPLE["dalia-grinkeviciute"]["summary"]


def test_fifth_round_figures_name_who_gives_the_number() -> None:
    revised = STORE.figures["review-commissions-created-sentences-revised-lavinskaya"]
    assert revised.value == 153502 and revised.reported_by.startswith("Polit.ru's introduction")
    assert "14,338" in (revised.note or "")
    assert "note 67" in STORE.figures["review-commissions-1956-political-prisoners-1956-official"].reported_by


def test_fifth_round_small_precisions_hold() -> None:
    assert "repeated or extended absence" in EVENTS["labour-decrees-repealed-1956"]["summary"]
    assert "Special Council's ruling" in EVENTS["mandelstam-1938-case-annulled-1956"]["summary"]
    assert "Komarov" in EVENTS["pospelov-commission-created"]["description"]
    assert "from 1948 Dubravlag" in EVENTS["gagen-torn-rearrested"]["summary"]
    assert "continuous" not in str(notes("razgon-released"))


def test_sixth_round_events_claim_no_more_than_their_sources() -> None:
    assert "20 years of hard labour" in EVENTS["exile-in-perpetuity-1948"]["summary"]
    assert noted("exile-in-perpetuity-1948", "ten years' imprisonment", "checheninfo-specposelenie-1948-1949")
    assert "mine No. 40" in EVENTS["vorkuta-strike-1955"]["summary"]
    assert noted("marchenko-sentenced-treason", "five months", "marchenko-my-testimony-1969")
    assert "return in June" in EVENTS["work-credits-restored-1948"]["summary"]
    assert "met or beat the norm" in EVENTS["work-credits-restored-1948"]["description"]
    assert "25 December 1958" in EVENTS["rsfsr-criminal-code-in-force"]["summary"]
    assert EVENTS["black-sea-coast-deportation-1949"]["title"].endswith("is ordered")
    assert "officially the last for a time" in EVENTS["austrian-prisoners-last-transport-1955"]["summary"]
    assert "camp book" not in EVENTS["kravchenko-trial"]["summary"]
    assert "POWs" not in EVENTS["volga-don-canal-opened"]["summary"]
    assert "provides for freeing" in EVENTS["soviet-japanese-declaration"]["title"]
    assert "post office and found to contain manuscripts" in str(notes("barkova-reconvicted-1957"))
    assert "'terrorist' herself" in PEOPLE["olga-adamova-sliozberg"]["summary"]


def test_seventh_round_dates_and_counts_follow_their_sources() -> None:
    rossi = EVENTS["rossi-leaves-for-poland"]
    assert rossi["summary"].startswith("Freed from prison in 1956") and "provisionally" not in rossi["summary"]
    assert noted("rossi-leaves-for-poland", "Samarkand in 1959-1961", "wp-ru-jacques-rossi")
    south = EVENTS["operation-south-1949"]
    assert "33,000-36,000" in south["summary"] and "40,000" not in south["summary"]
    assert noted("operation-south-1949", "9 July 1949", "timpul-casu-operatiunea-iug")
    glavcom = [f for f in STORE.figures.values()
               if f.event == "operation-south-1949" and f.sources == ("glavcom-operation-yug",)]
    assert {f.reported_by for f in glavcom} == {"a report of 8 July 1949 quoted by Glavcom"}
    assert "237,412 people's cases" in EVENTS["rudenko-review-report-1955"]["summary"]
    assert "Kipnis has her flown" in EVENTS["zhemchuzhina-exile-kustanai"]["summary"]
    assert "annul" not in EVENTS["special-council-abolished"]["description"]
    assert "renamed again in 1959" not in EVENTS["camps-to-colonies-reform"]["description"]
    assert "It has been called the first" in EVENTS["operation-west"]["description"]
    assert "led to the dissolution" not in EVENTS["camp-regime-reform-1954"]["description"]


def test_seventh_round_places_and_orders_are_no_surer_than_their_sources() -> None:
    assert "Budapest" not in EVENTS["wallenberg-arrested"]["title"]  # arrested on 19 January, after he left the city
    assert "by Wikipedia's account under MVD order No. 020" in EVENTS["gulag-administration-abolished"]["description"]


def test_eighth_round_no_figure_or_manuscript_without_a_source() -> None:
    assert "about twenty (official)" not in str(notes("tbilisi-march-1956"))
    assert "Rose of the World" not in EVENTS["daniil-andreyev-released"]["summary"]
    vestnik = next(s for s in RAW["sources"] if s["id"] == "romanov-vestnik-andreev")
    assert vestnik["issued"] == "2011" and "romanov-daniil-andreev" in vestnik["note"]


def test_eighth_round_roles_and_places_as_the_sources_give_them() -> None:
    assert EVENTS["klimovich-gorlag-4th-division"]["title"].startswith("Klimovich among the leaders")
    assert "Hungarian" not in EVENTS["krasnopevtsev-group-arrested"]["summary"]
    assert "Tashkent" in EVENTS["solzhenitsyn-exile-kok-terek"]["summary"]
    assert "Liberian" not in EVENTS["semiramis-arrives-barcelona"]["summary"]
    assert "probably poisoned" not in str(notes("wallenberg-reported-dead"))


def test_eighth_round_counts_say_no_more_than_their_numbers() -> None:
    assert "Higher than Beria's note" in (STORE.figures["beria-amnesty-proposal-inmates-exhibit"].note or "")
    assert "fewer than half of the cases reviewed were revised" in EVENTS["review-commissions-created"]["description"]
    revised = STORE.figures["review-commissions-created-sentences-revised-lavinskaya"]
    rehabilitated = STORE.figures["review-commissions-created-rehabilitated-lavinskaya"]
    assert revised.reported_by == rehabilitated.reported_by
    assert STORE.by_id["rokotov-faibishenko-executed"].date.edtf == "1961"
    assert "a large part of the prisoners" in EVENTS["beria-amnesty-proposal"]["description"]
