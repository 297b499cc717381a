"""Regenerate src/gulagcli/render/outlines.json: the land and borders the HTML page's map draws.

The outlines are Natural Earth's 1:110m countries (public domain), as packed in the npm package
world-atlas 2.0.2 (`npm install world-atlas@2.0.2`):

    python data/build/outlines.py node_modules/world-atlas/countries-110m.json

Only rings within the map's frame (Europe to the Pacific, 35-82°N) are kept, rounded to 0.01°.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FRAME = (5.0, 35.0, 180.0, 82.0)  # west, south, east, north
OUT = Path(__file__).resolve().parents[2] / "src" / "gulagcli" / "render" / "outlines.json"


def arcs(topo: dict[str, Any]) -> list[list[list[float]]]:
    """TopoJSON's delta-encoded, quantised arcs as longitude/latitude lines."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        line = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            line.append([x * sx + tx, y * sy + ty])
        out.append(line)
    return out


def ring(indexes: list[int], lines: list[list[list[float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for i in indexes:
        part = lines[i] if i >= 0 else lines[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    lines = arcs(topo)
    west, south, east, north = FRAME
    rings = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for indexes in polygon:
                points = ring(indexes, lines)
                if any(west <= lon <= east and south <= lat <= north for lon, lat in points):
                    rings.append([[round(lon, 2), round(lat, 2)] for lon, lat in points if lon >= -20])
    doc = {"source": "Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2", "rings": rings}
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rings)} rings, {OUT.stat().st_size} bytes -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
