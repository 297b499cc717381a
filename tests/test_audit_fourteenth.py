"""The fourteenth round of the audit: glossary terms that rested on one source or on Wikipedia alone,
checked against sources they did not cite; new terms for words the timeline uses; and new events for
the years the timeline was thinnest in, each dated by two independent sources and then rechecked by a
helper told to break them."""

from __future__ import annotations

from .test_history_fixes import STORE, notes_of


def test_thin_terms_have_an_independent_source_and_say_no_more_than_it() -> None:
    terms = STORE.terms
    for ident in ("amnesty-1953", "special-council", "kgb", "zeks", "de-stalinization", "forest-brothers"):
        assert len(terms[ident].sources) >= 2, ident
        assert not all(s.startswith("wp-") for s in terms[ident].sources), ident
    amnesty = terms["amnesty-1953"].definition  # "the largest" rested on Wikipedia alone
    assert "largest" not in amnesty and "more than five years for counter-revolutionary crimes" in amnesty
    assert "1 September 1953" in terms["special-council"].definition
    assert "13 March 1954" in terms["kgb"].definition
    assert "most likely" in terms["zeks"].definition  # the canal origin is a linguist's best guess
    assert "jobs" not in terms["suki"].definition  # Wikipedia's example, found nowhere else
    assert "chiefly from the Soviet reconquest of 1944" in terms["forest-brothers"].definition


def test_the_1948_exile_decree_was_repealed_without_freeing_everyone_at_once() -> None:
    [repeal] = [n for n in notes_of("repeaters-rearrests", "context") if "10 March 1956" in n.text]
    assert "29 April 1964" in repeal.text
    assert "5 February 1960" in (STORE.by_id["mvd-ussr-abolished"].description or "")
