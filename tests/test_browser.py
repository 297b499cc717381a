"""What a person sees: the HTML page and the SVG chart opened in headless Chromium, and the SVG
drawn by rsvg-convert. Screenshots go to build/screenshots/ for a person to look at.

These run wherever `chromium` and `rsvg-convert` are installed (.ci/run installs both from
Debian packages) and skip, saying why, where they are not.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from gulagcli.store import load

from .conftest import mini, page_data, write_store

Gulag = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = next((p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))), None)
RSVG = shutil.which("rsvg-convert")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
needs_rsvg = pytest.mark.skipif(RSVG is None, reason="rsvg-convert is not installed (apt-get install librsvg2-bin)")


def chromium(tmp_path: Path, url: str, *args: str) -> tuple[str, list[dict[str, str]]]:
    """Run headless Chromium on ``url`` with a fresh profile and no way out to the network.

    Returns stdout (the DOM with --dump-dom) and the page's own requests from Chromium's net log:
    requests the browser makes for itself ("not an origin": updates, sign-in) are not the page's,
    and the dead proxy stops them leaving the machine too."""
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    netlog = profile.with_suffix(".netlog.json")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--no-first-run", f"--user-data-dir={profile}", "--proxy-server=http://127.0.0.1:9",
           "--disable-component-update", "--disable-sync", f"--log-net-log={netlog}",
           "--virtual-time-budget=10000", "--hide-scrollbars", *args, url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requests = [e["params"] for e in log["events"]
                if names.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in e.get("params", {})
                and e["params"].get("initiator") != "not an origin"]
    return done.stdout, requests


def page(gulag: Gulag, tmp_path: Path, data: Path | None = None) -> Path:
    out = tmp_path / "gulag.html"
    result = gulag("export", "--format", "html", "-o", str(out), data=data)
    assert result.exit_code == 0, result.output
    return out


@needs_chromium
def test_the_page_shows_every_event_a_map_and_a_card_with_sources(gulag: Gulag, tmp_path: Path) -> None:
    store = load(None)
    html = page(gulag, tmp_path)
    dom, requests = chromium(tmp_path, html.as_uri() + "#kengir-uprising", "--dump-dom", "--window-size=1400,2300")
    assert 'data-ready="true"' in dom, "the page's script did not finish"
    assert len(re.findall(r'<li class="event" data-id="', dom)) == len(store.events)
    assert f"{len(store.events)} of {len(store.events)} events" in dom
    # Plotly drew both: one bar per event in the timeline (and a pale one behind each date that
    # is c., ? or open-ended, for how far it may reach), and the map's outlines and markers.
    timeline = dom[dom.index('id="timeline"'):dom.index('id="card"')]
    events = page_data(html.read_text(encoding="utf-8"))["events"]
    reaching = [e for e in events if (e["reach_start"], e["reach_end"]) != (e["start"], e["end"])]
    assert 0 < len(reaching) < len(events)
    assert len(re.findall(r'<g class="point"', timeline)) == len(store.events) + len(reaching)
    world = dom[dom.index('id="map"'):dom.index('id="list-box"')]
    assert 'class="js-line"' in world  # the land
    assert len(re.findall(r'<path class="point[ "]', world)) >= 10  # places and events
    # The card asked for in the address shows the event and its sources, as links.
    card = dom[dom.index('<aside id="card"'):dom.index("</aside>")]
    assert 'data-event="kengir-uprising"' in card and "hidden" not in card.split(">")[0]
    kengir = store.by_id["kengir-uprising"]
    for sid in kengir.sources:
        source = store.sources[sid]
        assert source.title.replace("&", "&amp;") in card
        if source.url:
            assert f'href="{source.url.replace("&", "&amp;")}"' in card
    # Its notes too, where the sources disagree or are unsure, with the sources they cite.
    for note in kengir.notes:
        assert html_text(f"{note.kind}: {note.text}") in card
        for sid in note.sources:
            assert html_text(store.sources[sid].title) in card
    # Nothing but the file itself was asked for: no script, style, font or map tile from outside.
    assert [r["url"] for r in requests if not r["url"].startswith("file:")] == []


@needs_chromium
def test_the_page_offers_no_way_to_the_network_and_every_card_by_keyboard(gulag: Gulag, tmp_path: Path) -> None:
    """Plotly's toolbar had a "Share chart" button that sends the chart to Plotly's cloud; the
    events were list items only a mouse could open. Now the toolbar has no such button, each
    event is a link to its card (Tab reaches it, Enter opens it), and a place's card lists its
    counts."""
    store = load(None)
    html = page(gulag, tmp_path)
    dom, _ = chromium(tmp_path, html.as_uri() + "#place:kalachevski-itl", "--dump-dom", "--window-size=1400,1200")
    titles = set(re.findall(r'data-title="([^"]*)"', dom))
    assert "Zoom in" in titles and not {t for t in titles if "share" in t.lower() or "studio" in t.lower()}
    links = re.findall(r'<li class="event" data-id="([^"]+)"><a class="title" href="#([^"]+)"', dom)
    assert len(links) == len(store.events) and all(i == h for i, h in links)
    card = dom[dom.index('<aside id="card"'):dom.index("</aside>")]
    assert "1 Jan 1953: 12,589 prisoners" in card and "Jun 1953: 2,598 prisoners" in card


def html_text(text: str) -> str:
    """Text as Chromium's DOM dump writes it inside an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;")


@needs_chromium
def test_the_request_check_sees_a_page_that_reaches_out(tmp_path: Path) -> None:
    """The check above can fail: a page that loads an image from a server shows up in the log."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><img src="http://gulag.invalid/tile.png">', encoding="utf-8")
    _, requests = chromium(tmp_path, leaky.as_uri(), "--dump-dom")
    assert "http://gulag.invalid/tile.png" in [r["url"] for r in requests]


@needs_chromium
@pytest.mark.parametrize("window", [700, 900])
def test_a_narrow_window_gives_the_timeline_its_width_and_the_legend_its_rows(
        gulag: Gulag, tmp_path: Path, window: int) -> None:
    """Beside a fixed 330-pixel margin and the card's column, a 900-pixel window left the plot
    some 100 pixels under a legend one tag a row; now the page is one column there, the margin
    follows the width, and the legend's rows sit above the plot."""
    html = page(gulag, tmp_path)
    dom, _ = chromium(tmp_path, html.as_uri(), "--dump-dom", f"--window-size={window},1300")
    timeline = dom[dom.index('id="timeline"'):dom.index('id="card"')]
    svg_width = int(re.findall(r'<svg class="main-svg"[^>]*width="(\d+)"', timeline)[0])
    plot = re.search(r'class="nsewdrag drag"[^>]*x="(\d+)" y="(\d+)" width="(\d+)"', timeline)
    assert plot is not None
    left, top, width = map(int, plot.groups())
    assert svg_width >= window - 80  # the whole width, not a column beside the card
    assert width >= 0.5 * svg_width - 60 and left <= 0.36 * svg_width + 1
    legend = re.search(r'<g class="legend"[^>]*transform="([^"]*)"><rect class="bg"[^>]*height="([\d.]+)"', timeline)
    assert legend is not None
    shift = re.search(r"translate\([\d.]+,\s*([\d.]+)\)", legend.group(1))
    assert (float(shift.group(1)) if shift else 0.0) + float(legend.group(2)) <= top  # above the plot, not over it


@needs_chromium
def test_the_page_looks_right_in_a_screenshot(gulag: Gulag, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    html = page(gulag, tmp_path)
    shot = SCREENSHOTS / "gulag-html.png"
    shot.unlink(missing_ok=True)
    chromium(tmp_path, html.as_uri() + "#kengir-uprising", f"--screenshot={shot}", "--window-size=1400,2300")
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (1400, 2300)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert max(colours)[1] == (255, 255, 255)  # a light page, mostly white
    assert len(colours) > 200  # and not blank: bars, map and text


@needs_chromium
def test_no_store_text_runs_as_script_in_the_page(gulag: Gulag, tmp_path: Path) -> None:
    store = mini()
    attack = '</script><script>document.body.dataset.pwned = "1"</script><img src=x onerror="alert(1)">'
    store["events"][0]["title"] = attack
    store["events"][0]["summary"] = "<b>bold?</b> & <!-- comment"
    store["meta"]["title"] = "<script>document.title='pwned'</script>"
    html = page(gulag, tmp_path, data=write_store(tmp_path, store))
    raw = html.read_text(encoding="utf-8")
    assert raw.count("</script>") == 3  # the page's own three: its data, plotly.js and page.js
    dom, requests = chromium(tmp_path, html.as_uri() + "#" + store["events"][0]["id"], "--dump-dom")
    assert 'data-ready="true"' in dom and "pwned" not in dom.split("<body")[1].split(">")[0]
    assert "<img src=\"x\"" not in dom and "<b>bold?</b>" not in dom
    assert "&lt;/script&gt;&lt;script&gt;document.body.dataset.pwned" in dom  # shown as text
    assert [r["url"] for r in requests if not r["url"].startswith("file:")] == []


@needs_chromium
def test_an_events_card_defines_the_glossary_terms_it_names_with_their_notes(gulag: Gulag, tmp_path: Path) -> None:
    """A student reading of the special camps' end sees what a special camp was, and where the
    sources leave its end uncertain, on the card itself."""
    store = load(None)
    html = page(gulag, tmp_path)
    terms = page_data(html.read_text(encoding="utf-8"))["terms"]
    assert set(terms) == {t for ev in store.events for t in ev.terms}  # each named term once, no other
    dom, _ = chromium(tmp_path, html.as_uri() + "#special-camps-reorganized", "--dump-dom")
    card = dom[dom.index('<aside id="card"'):dom.index("</aside>")]
    assert "<h4>Terms</h4>" in card
    for tid in store.by_id["special-camps-reorganized"].terms:
        term = store.terms[tid]
        assert f"<strong>{html_text(term.term)}</strong>: {html_text(term.definition)}" in card
        for note in term.notes:
            assert html_text(f"{note.kind}: {note.text}") in card
    assert store.terms["special-camps"].notes  # the card above showed some


@needs_chromium
def test_an_unverified_events_card_says_so_in_the_words_every_output_uses(gulag: Gulag, tmp_path: Path) -> None:
    from gulagcli.render.output import UNVERIFIED

    html = page(gulag, tmp_path, data=write_store(tmp_path, mini()))
    dom, _ = chromium(tmp_path, html.as_uri() + "#vague-event", "--dump-dom")
    card = dom[dom.index('<aside id="card"'):dom.index("</aside>")]
    assert 'data-event="vague-event"' in card
    assert f"† {UNVERIFIED.capitalize()}." in card


# --- the SVG chart, in a browser and in rsvg-convert -----------------------------------------

AXIS = (date(1953, 1, 1), date(1955, 1, 1))  # --from 1953 --to 1954: the axis ends with 1954
# Rows top to bottom in `gulag chart --from 1953 --to 1954 --tag uprising`, first and day after last.
ROWS = [("norilsk-uprising", date(1953, 5, 26), date(1953, 8, 5)),
        ("vorkuta-uprising", date(1953, 7, 1), date(1953, 8, 2)),
        ("kengir-uprising", date(1954, 5, 16), date(1954, 6, 27))]


def uprisings_svg(gulag: Gulag, tmp_path: Path) -> Path:
    out = tmp_path / "uprisings.svg"
    result = gulag("chart", "--from", "1953", "--to", "1954", "--tag", "uprising", "--svg", str(out), data=None)
    assert result.exit_code == 0, result.output
    return out


def bars_against_axis(png: Path) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """(left, right) pixel columns of the plot frame, and each row's coloured bar as (x0, x1)."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    px = rgb.load()
    assert px is not None

    def dark(x: int, y: int) -> bool:
        return max(px[x, y]) < 0x70

    def vivid(x: int, y: int) -> bool:
        r, g, b = px[x, y]
        return max(r, g, b) - min(r, g, b) > 90

    # The frame's sides are the longest dark vertical lines (longer than any letter's stroke).
    lengths = [sum(dark(x, y) for y in range(height)) for x in range(width)]
    sides = [x for x in range(width) if lengths[x] > max(lengths) * 0.8]
    left, right = min(sides), max(sides)
    column_top = min(y for y in range(height) if dark(left, y))
    column_bottom = max(y for y in range(height) if dark(left, y))
    rows: list[tuple[int, int]] = []
    y = column_top + 2
    while y < column_bottom - 2:
        xs = [x for x in range(left + 3, right - 2) if vivid(x, y)]
        if len(xs) > 3:  # a band of bars: take its middle line
            band_end = y
            while band_end < column_bottom and any(vivid(x, band_end) for x in xs[:3]):
                band_end += 1
            middle = (y + band_end) // 2
            xs = [x for x in range(left + 3, right - 2) if vivid(x, middle)]
            rows.append((min(xs), max(xs)))
            y = band_end + 1
        else:
            y += 1
    return (left, right), rows


def check_bars(png: Path) -> None:
    (left, right), rows = bars_against_axis(png)
    days = (AXIS[1] - AXIS[0]).days
    per_day = (right - left) / days
    assert len(rows) >= len(ROWS), rows
    for (ident, first, after), (x0, x1) in zip(ROWS, rows, strict=False):
        want0 = left + (first - AXIS[0]).days * per_day
        want1 = left + (after - AXIS[0]).days * per_day
        # within two days of where the dates fall on the axis (a day is ~3 pixels here)
        assert abs(x0 - want0) <= 2 * per_day + 1, (ident, x0, want0)
        assert abs(x1 - want1) <= 2 * per_day + 1, (ident, x1, want1)


@needs_rsvg
def test_rsvg_convert_draws_the_uprisings_under_their_months(gulag: Gulag, tmp_path: Path) -> None:
    assert RSVG is not None
    svg = uprisings_svg(gulag, tmp_path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = SCREENSHOTS / "chart-rsvg.png"
    subprocess.run([RSVG, "--zoom", "2", "--background-color", "white", "-o", str(png), str(svg)],
                   check=True, timeout=60)
    check_bars(png)


@needs_chromium
def test_chromium_draws_the_uprisings_under_their_months(gulag: Gulag, tmp_path: Path) -> None:
    svg = uprisings_svg(gulag, tmp_path)
    match = re.search(r'<svg [^>]*width="([\d.]+)pt" height="([\d.]+)pt"', svg.read_text(encoding="utf-8"))
    assert match, "the SVG states its size"
    w, h = (round(float(v) * 96 / 72) for v in match.groups())  # CSS pixels, as rsvg-convert uses
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    png = SCREENSHOTS / "chart-chromium.png"
    png.unlink(missing_ok=True)
    _, requests = chromium(tmp_path, svg.as_uri(), f"--screenshot={png}", f"--window-size={w},{h}",
                           "--force-device-scale-factor=2")
    check_bars(png)
    assert [r["url"] for r in requests if not r["url"].startswith("file:")] == []


@needs_chromium
def test_the_page_shows_every_year_of_its_events_and_names_places_on_hover_when_many(
    gulag: Gulag, tmp_path: Path
) -> None:
    store = load(None)
    dom, _ = chromium(tmp_path, page(gulag, tmp_path).as_uri(), "--dump-dom", "--window-size=1400,2300")
    timeline = dom[dom.index('id="timeline"'):dom.index('id="card"')]
    years = [int(y) for y in re.findall(r'class="xtick"><text[^>]*data-unformatted="(\d{4})"', timeline)]
    last = max(int(ev.date.latest.isoformat()[:4]) for ev in store.events)
    assert years and max(years) >= last - 1 > 1963  # the axis runs on to the last event (1972), not 1963
    world = dom[dom.index('id="map"'):dom.index('id="list-box"')]
    assert re.findall(r'class="textpoint"', world) == []  # 400 names at once are unreadable: on hover
    few = tmp_path / "few"
    few.mkdir()
    out = few / "uprisings.html"
    assert gulag("export", "--format", "html", "--tag", "uprising", "-o", str(out), data=None).exit_code == 0
    dom, _ = chromium(few, out.as_uri(), "--dump-dom", "--window-size=1400,2300")
    world = dom[dom.index('id="map"'):dom.index('id="list-box"')]
    assert len(re.findall(r'class="textpoint"', world)) >= 5  # a handful of places keep their names


def test_every_test_that_opens_chromium_skips_where_it_is_missing() -> None:
    """The README's test command runs on machines without Chromium too: a test that opens it must skip there,
    saying why, not fail (one whose mark had slipped onto its neighbour failed on a fresh machine)."""
    import inspect

    this = test_every_test_that_opens_chromium_skips_where_it_is_missing
    for name, func in list(globals().items()):
        if name.startswith("test_") and func is not this and " chromium(" in inspect.getsource(func):
            reasons = [m.kwargs.get("reason", "") for m in getattr(func, "pytestmark", []) if m.name == "skipif"]
            assert any("chromium" in r for r in reasons), name
