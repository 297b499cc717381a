"""GeoJSON (RFC 7946) for maps: one feature per event and one per place, with flat properties.

Flat means every property is a string, number, boolean or null, so a GeoPackage or shapefile
keeps it as a column and a time slider (QGIS, kepler.gl) can filter on ``start`` and ``end``.
An event without a located place, and a place without coordinates, get ``null`` geometry, as
RFC 7946 section 3.2 allows: nothing selected is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..camps import NEVER_OPEN, counts_by_place
from ..dates import display, open_end, open_start
from ..models import Event, Place, Store
from .spans import known_bounds, operation


def _point(p: Place) -> list[float] | None:
    return None if p.lat is None or p.lon is None else [p.lon, p.lat]


def event_feature(store: Store, ev: Event) -> dict[str, Any]:
    located = [pt for pid in ev.places if (p := store.places.get(pid)) and (pt := _point(p))]
    geometry: dict[str, Any] | None = None
    if len(located) == 1:
        geometry = {"type": "Point", "coordinates": located[0]}
    elif located:
        geometry = {"type": "MultiPoint", "coordinates": located}
    start, end = known_bounds(ev.date)
    names = [p.name for pid in ev.places if (p := store.places.get(pid))]
    url = next((s.url for sid in ev.sources if (s := store.sources.get(sid)) and s.url), None)
    return {
        "type": "Feature", "id": ev.id, "geometry": geometry,
        "properties": {
            "feature": "event", "id": ev.id, "title": ev.title, "date": ev.date.edtf,
            "display_date": display(ev.date.edtf), "start": start.isoformat(), "end": end.isoformat(),
            "start_open": open_start(ev.date), "end_open": open_end(ev.date),
            "approximate": ev.date.approximate, "uncertain": ev.date.uncertain,
            "summary": ev.summary, "places": "; ".join(ev.places), "place_names": "; ".join(names),
            "tags": "; ".join(ev.tags), "sources": "; ".join(ev.sources), "url": url,
            "verified": ev.verified,
        },
    }


def counts(store: Store) -> dict[str, dict[str, int]]:
    """Each camp's prisoner counts as flat properties: ``count_1950`` for a count dated only by its
    year (the map's) or of its 1 January, ``count_1950_12_01`` for one of another day or month,
    so that Peschanlag's 1 December 1950 stands beside its 1 January, not in its place."""
    out: dict[str, dict[str, int]] = {}
    for pid, figs in counts_by_place(store).items():
        props = out[pid] = {}
        for f in figs:
            if f.date is not None and f.value is not None:
                day, precision = f.date.start, f.date.precision.value
                key = f"count_{day.year}"
                if precision == "month":
                    key += f"_{day.month:02d}"
                elif precision == "day" and (day.month, day.day) != (1, 1):
                    key += f"_{day.month:02d}_{day.day:02d}"
                props.setdefault(key, f.value)
    return out


def place_feature(store: Store, p: Place, events: list[str], yearly: dict[str, int]) -> dict[str, Any]:
    point = _point(p)
    opened, closed = operation(p.dates)
    dates = p.dates.edtf if p.dates else None
    never = p.organised in NEVER_OPEN  # ordered, never set up: no span of operation
    props: dict[str, Any] = {
        "feature": "place", "id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
        "region": p.region, "area": p.area, "cyrillic": p.cyrillic, "complex": p.complex,
        "camp_type": p.camp_type, "dates": dates, "organised": p.organised, "opened": opened, "closed": closed,
        "start": None if never else opened, "end": None if never else closed,  # a time slider's span
        "economy": "; ".join(p.economy) or None,
        "summary": p.summary, "events": "; ".join(events), "event_count": len(events),
    }
    props.update(sorted(yearly.items()))
    return {"type": "Feature", "id": f"place:{p.id}",
            "geometry": {"type": "Point", "coordinates": point} if point else None, "properties": props}


def geojson(store: Store, events: Sequence[Event], *, every_place: bool) -> tuple[dict[str, Any], dict[str, int]]:
    """The events, then the places they name (every place in the store when ``every_place``).

    Returns the collection and counts: events, located events, places, located places.
    """
    named: dict[str, list[str]] = {pid: [] for pid in store.places} if every_place else {}
    for ev in events:
        for pid in ev.places:
            if pid in store.places:
                named.setdefault(pid, []).append(ev.id)
    yearly = counts(store)
    features = [event_feature(store, ev) for ev in events]
    places = [place_feature(store, store.places[pid], evs, yearly.get(pid, {})) for pid, evs in named.items()]
    tally = {
        "events": len(features), "located_events": sum(f["geometry"] is not None for f in features),
        "places": len(places), "located_places": sum(f["geometry"] is not None for f in places),
    }
    return {"type": "FeatureCollection", "features": features + places}, tally
