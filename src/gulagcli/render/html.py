"""One HTML page for the classroom: timeline, map and search in a single file that works offline.

The drawing is Plotly's (plotly.min.js as the `plotly` Python package ships it, inlined); the
page's own script (page.js) filters and shows cards; the map's land is Natural Earth
(outlines.json, public domain). Store text reaches the page only as JSON inside a
``<script type="application/json">`` whose ``<``, ``>`` and ``&`` are escaped, and the page puts
it into the document as text, never as markup, so nothing in a store can run as script.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ..camps import NEVER_OPEN, counts_by_place
from ..dates import display, open_end, open_start
from ..errors import GulagError
from ..models import Event, Note, Source, Store, Term
from .details import CAMP_TYPES
from .output import UNORGANISED, UNVERIFIED
from .plot import OTHER, stable_colours
from .safe import terminal
from .spans import known_bounds, operation

# Nothing may be fetched: inline script and style only (plotly.js needs eval for some traces).
CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:")
EXTRA = "charts"  # pip install 'gulag[charts]' brings plotly and matplotlib
_HERE = resources.files(__package__)


def plotly_js() -> str:
    """The plotly.js bundle the installed `plotly` package ships."""
    try:
        import plotly  # type: ignore[import-untyped]
    except ImportError:
        raise GulagError(f"the html export needs plotly: pip install 'gulag[{EXTRA}]'") from None
    return (resources.files(plotly) / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no "</script>", "<!--" or line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _who(s: Source) -> str:
    """The authors, or the publisher where the source names none."""
    return ", ".join(a.display() for a in s.authors) or s.publisher or ""


def _event(store: Store, ev: Event) -> dict[str, Any]:
    start, end = known_bounds(ev.date)
    d = ev.date
    places = [p for pid in ev.places if (p := store.places.get(pid))]
    return {
        "id": ev.id, "title": ev.title, "date": display(d.edtf), "start": start.isoformat(),
        "end": end.isoformat(),
        # How far a c. or ? date may reach, drawn pale as in the chart's pictures; "" for an open
        # end, which runs to the edge of the axis.
        "reach_start": "" if open_start(d) else min(d.earliest, start).isoformat(),
        "reach_end": "" if open_end(d) else max(d.latest, end).isoformat(),
        "vague": not d.interval and d.precision.value != "day",
        "fuzzy": d.approximate or d.uncertain, "summary": ev.summary,
        "description": ev.description or "", "verified": ev.verified,
        "tags": list(ev.tags), "places": [p.id for p in places], "place_names": [p.name for p in places],
        # Other names the search finds the event by, as the command line's does: the places'
        # alternates and Cyrillic, and the people's names.
        "also": " ".join(n for p in places for n in (*p.names, p.cyrillic) if n)
                + " " + " ".join(n for pid in ev.people if (who := store.people.get(pid))
                                 for n in (who.name, *who.aliases, who.cyrillic) if n),
        "points": [[p.lon, p.lat] for p in places if p.lat is not None and p.lon is not None],
        "terms": [tid for tid in ev.terms if tid in store.terms],  # defined once, in the page's "terms"
        "notes": _notes(ev.notes),
        # The event's sources, then any a note cites that the event does not.
        "sources": [{"title": s.title, "url": s.url or "", "who": _who(s)}
                    for sid in dict.fromkeys([*ev.sources, *(i for n in ev.notes for i in n.sources)])
                    if (s := store.sources.get(sid))],
    }


def _notes(notes: tuple[Note, ...]) -> list[dict[str, str]]:
    """Notes as a card shows them: kind and text (the sources are listed with the event's)."""
    return [{"kind": n.kind, "text": n.text} for n in notes]


def _term(t: Term) -> dict[str, Any]:
    return {"term": t.term, "definition": t.definition, "notes": _notes(t.notes)}


def _place(store: Store, pid: str, yearly: list[list[str]]) -> dict[str, Any]:
    p = store.places[pid]
    opened, closed = operation(p.dates)
    return {"id": p.id, "name": p.name, "kind": p.kind, "type": CAMP_TYPES.get(p.camp_type or "", p.kind),
            "country": p.country, "summary": p.summary or "", "lon": p.lon, "lat": p.lat,
            "opened": opened, "closed": closed, "counts": yearly,
            "organised": UNORGANISED.get(p.organised or ""), "never_open": p.organised in NEVER_OPEN}


def counted(store: Store) -> dict[str, list[list[str]]]:
    """Each place's prisoner counts as the card lists them: [date, number], every one (a year
    may have several: 1 January and a later day), "c." before an approximate one."""
    return {pid: [[display(f.date.edtf), ("c. " if f.approximate else "") + f"{f.value:,}"]
                  for f in figs if f.date is not None and f.value is not None]
            for pid, figs in counts_by_place(store).items()}


def _reach(store: Store, named: list[str], events: Sequence[Event]) -> dict[str, list[str]]:
    from ..query import PlaceNames, places_reached

    names = PlaceNames(store)
    at = {pid for ev in events for pid in ev.places}
    out = {}
    for pid in named:
        reached = (places_reached(store, [pid], names) or set()) & at
        if reached - {pid}:
            out[pid] = sorted(reached)
    return out


def page_data(store: Store, events: Sequence[Event], *, every_place: bool) -> dict[str, Any]:
    named = list(store.places) if every_place else list(dict.fromkeys(
        pid for ev in events for pid in ev.places if pid in store.places))
    yearly = counted(store)
    outlines = json.loads((_HERE / "outlines.json").read_text(encoding="utf-8"))
    shown: dict[str, Any] = visible({
        "title": store.meta.name, "description": store.meta.description or "", "version": store.meta.version,
        "unverified": f"† {UNVERIFIED.capitalize()}.",  # the card's words for the marker, as every output's
        "tags": {t.id: t.label for t in store.tags.values()},
        # Each tag's colour as the chart's pictures give it (render/plot.py), so a tag looks the same
        # on the page and in an SVG; the tags past the palette's length are drawn as "other".
        "colours": stable_colours(list(store.tags), list(store.tags)),
        "other_colour": OTHER,
        "events": [_event(store, ev) for ev in events],
        "places": [_place(store, pid, yearly.get(pid, [])) for pid in named],
        # The glossary terms the events name, each once: the card gives their definitions and notes.
        "terms": {tid: _term(store.terms[tid]) for tid in dict.fromkeys(
            tid for ev in events for tid in ev.terms if tid in store.terms)},
        # The places the Place filter keeps events of, as `--place ID` does (a country keeps
        # every place in it, a camp its divisions), where that is more than the place itself.
        "reach": _reach(store, named, events),
    })
    return shown | {"outlines": outlines["rings"], "outline_source": outlines["source"]}


def visible(value: Any) -> Any:
    """Store text as the page shows it: a control, bidi or invisible character is a visible
    escape, as on a terminal (render/safe.py), so a right-to-left override in a title cannot
    reverse the text after it. Lists and mappings are walked; numbers pass unchanged."""
    if isinstance(value, str):
        return terminal(value, newlines=True, tabs=True)
    if isinstance(value, list):
        return [visible(v) for v in value]
    if isinstance(value, dict):
        return {k: visible(v) for k, v in value.items()}
    return value


def html_page(store: Store, events: Sequence[Event], *, every_place: bool) -> tuple[str, int]:
    """The page, and how many places it maps or lists."""
    data = page_data(store, events, every_place=every_place)
    library = plotly_js().replace("</script", "<\\/script")  # it has none; never let one end the tag
    style = (_HERE / "page.css").read_text(encoding="utf-8")
    script = (_HERE / "page.js").read_text(encoding="utf-8")
    title = html.escape(data["title"])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><p id="description">{html.escape(data["description"])}</p></header>
<section id="controls" aria-label="Filters">
<label>Search <input id="search" type="search" placeholder="title, summary, place"></label>
<label>Tag <select id="tag"><option value="">all tags</option></select></label>
<label>Place <select id="place"><option value="">all places</option></select></label>
<label>Map year <input id="year" type="range" min="1945" max="1962" value="1953">
<output id="year-label">all years</output></label>
<label><input id="all-years" type="checkbox" checked> all years</label>
<span id="count" role="status"></span>
</section>
<main>
<section id="timeline-box"><h2>Timeline</h2><div id="timeline"></div></section>
<aside id="card" hidden></aside>
<section id="map-box"><h2>Map</h2><div id="map"></div></section>
<section id="list-box"><h2>Events</h2><ol id="events"></ol></section>
</main>
<footer>Source: {title}{f", store version {html.escape(data['version'])}" if data["version"] else ""}.
Drawn with plotly.js; map outlines from Natural Earth (public domain).</footer>
<script type="application/json" id="gulag-data">{script_json(data)}</script>
<script>{library}</script>
<script>{script}</script>
</body>
</html>
"""
    return page, len(data["places"])
