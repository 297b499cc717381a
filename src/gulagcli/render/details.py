"""Cards for one entity, as labelled lines; Rich draws them as a panel, pipes get ``label: value``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import precision_words
from .listings import amount
from .output import UNORGANISED, UNVERIFIED, printable
from .safe import web_url

if TYPE_CHECKING:
    from .records import Record


class Detail:
    """A card: a title, its kind, labelled lines and a footer such as "see also: place:kengir"."""

    __slots__ = ("fields", "footer", "kind", "title")

    def __init__(self, title: str, kind: str, fields: list[tuple[str, list[str]]] | None = None,
                 footer: str = "") -> None:
        self.title, self.kind, self.footer = title, kind, footer
        self.fields: list[tuple[str, list[str]]] = fields if fields is not None else []

    def add(self, label: str, *values: str | None) -> None:
        lines = [v for v in values if v]
        if lines:
            self.fields.append((label, lines))


def date_line(d: Record) -> str:
    qualifiers = [q for q in ("approximate", "uncertain") if d[q]]
    extra = f", {' and '.join(qualifiers)}" if qualifiers else ""
    return f"{d['display']}  ({precision_words(d['edtf'])} precision{extra}; EDTF {d['edtf']})"


def source_line(s: Record) -> str:
    who = ", ".join(p for p in (s["author"], s.get("container") or s["publisher"], s.get("issued")) if p)
    text = f"[{s['id']}] {s['title']}" + (f", {who}" if who else "")
    url = web_url(s["url"])  # only http(s) links, as everywhere links are written
    text += f" <{url}>" if url else ""
    read_at = s.get("read_at") or {}
    if web_url(read_at.get("url")):
        host = read_at["url"].split("/")[2] if "//" in read_at["url"] else read_at["url"]
        text += f" (read at {host})"
    return text


def note_lines(notes: list[Record]) -> list[str]:
    """Each note as its kind, its text and the sources it cites."""
    return [f"{n['kind']}: {n['text']}" + (f" [{', '.join(n['sources'])}]" if n["sources"] else "") for n in notes]


def figure_line(f: Record, *, with_event: bool = False) -> str:
    where = f" ({f['event_title']})" if with_event and f["event_title"] else ""
    srcs = ", ".join(s["id"] for s in f["sources"])
    when = f", {f['date']['display']}" if f.get("date") else ""  # three counts of one camp tell apart
    return f"{amount(f)}: {f['what']}{when}{where} ({f['reported_by']}) [{srcs}]"


def event_detail(r: Record) -> Detail:
    d = Detail(title=r["title"], kind="event")
    d.add("id", r["id"])
    d.add("date", date_line(r["date"]))
    d.add("places", *[f"{p['name']} ({p['country']})" if p["country"] else p["name"] for p in r["places"]])
    d.add("people", ", ".join(p["name"] for p in r["people"]))
    d.add("terms", ", ".join(t["term"] for t in r["terms"]))
    d.add("tags", ", ".join(r["tags"]))
    d.add("summary", r["summary"])
    d.add("details", r["description"])
    d.add("figures", *[figure_line(f) for f in r["figures"]])
    d.add("notes", *note_lines(r["notes"]))
    if not r["verified"]:
        d.add("status", f"unverified: {UNVERIFIED}")
    d.add("related", *[f"{e['title']} ({e['id']})" for e in r["related"]])
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d


def detail_plain(detail: Detail) -> str:
    """``label: value`` lines, continuation lines indented: readable and greppable in a pipe."""
    lines = [f"{detail.kind}: {printable(detail.title)}"]
    for label, values in detail.fields:
        first, *rest = (printable(v).replace("\n", " ") for v in values)
        lines.append(f"{label}: {first}")
        lines.extend(f"  {v}" for v in rest)
    if detail.footer:
        lines.append(printable(detail.footer))
    return "\n".join(lines) + "\n"


def _event_lines(events: list[Record]) -> list[str]:
    from ..dates import display

    return [f"{display(e['date'])}  {e['title']} ({e['id']})" for e in events]


def place_detail(r: Record) -> Detail:
    d = Detail(title=r["name"], kind="place")
    d.add("id", r["id"])
    d.add("also", ", ".join(r["names"]))
    d.add("cyrillic", r["cyrillic"])
    d.add("type", CAMP_TYPES.get(r["camp_type"] or "", r["camp_type"]) or r["place_type"])
    if r["dates"]:  # a camp never set up has only the dates of its orders
        d.add("on record" if r["organised"] else "open", date_line(r["dates"]))
    d.add("organised", UNORGANISED.get(r["organised"] or ""))
    d.add("history", *[history_line(h) for h in r["history"]])
    d.add("complex", r["complex"])
    d.add("modern", r["modern_name"])
    d.add("region", r["region"])
    d.add("country", r["country"])
    d.add("map area", r["area"])
    if r["lat"] is not None and r["lon"] is not None:
        where = "headquarters" if r["place_type"] == "camp" and r["camp_type"] else "coordinates"
        d.add(where, f"{r['lat']:.4f}, {r['lon']:.4f} (lat, lon)")
    d.add("work", ", ".join(r["economy"]))
    d.add("summary", r["summary"])
    d.add("prisoners", *count_lines(r.get("counts", [])))
    d.add("notes", *note_lines(r["notes"]))
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d


CAMP_TYPES = {
    "itl": "corrective labour camp (ITL)", "special-camp": "special camp (osoblag, 1948-1956)",
    "nkvd-special-camp": "NKVD special camp in Soviet-occupied Germany",
    "filtration-camp": "screening and filtration camp", "camp-division": "camp division", "other": "camp",
}


# A change in words, with and without the other camp: "opened Volgolag" read as if it opened Volgolag.
CHANGE_WORDS = {"renamed": ("renamed", "renamed as"), "merged-into": ("merged", "merged into"),
                "split-from": ("split off", "split from"), "transferred-to": ("transferred", "transferred to"),
                "closed": ("closed", "closed, handing over to"), "opened": ("opened", "opened, formed from")}


def history_line(h: Record) -> str:
    alone, linked = CHANGE_WORDS.get(h["change"], (h["change"], h["change"]))
    change = f"{linked} {h['place_name']} ({h['place']})" if h["place_name"] else alone
    note = f": {h['note']}" if h["note"] else ""
    srcs = f" [{', '.join(h['sources'])}]" if h["sources"] else ""
    return f"{h['date']['display']}  {change}{note}{srcs}"


def _with_gaps(counts: list[Record]) -> list[int | None]:
    """The counts' values in order, with None for each whole year missing between two of them,
    so that 1951 and 1953 do not stand side by side as if a year apart."""
    out: list[int | None] = []
    year = None
    for c in counts:
        if c["value"] is None:
            continue
        this = int(c["date"]["start"][:4]) if c["date"] and c["date"].get("start") else None
        if year is not None and this is not None and this - year > 1:
            out += [None] * (this - year - 1)
        out.append(c["value"])
        year = this if this is not None else year
    return out


def count_lines(counts: list[Record]) -> list[str]:
    """A camp's yearly counts: a sparkline, then "year  count" lines; the usual reporter is named
    once at the end, any other beside its count."""
    from ..camps import sparkline

    if not counts:
        return []
    values = [c["value"] for c in counts if c["value"] is not None]
    first, last = counts[0]["date"], counts[-1]["date"]
    span = (first["display"] if first == last else f"{first['display']}–{last['display']}") if first and last else ""
    lines = [f"{sparkline(_with_gaps(counts))}  {span}, largest {max(values):,}"]

    def who(c: Record) -> str:
        return f"{c['reported_by']} [{', '.join(s['id'] for s in c['sources'])}]"

    # The most frequent reporter; between equally frequent ones, the first to report, so the
    # card is the same on every run (a set's order is not).
    usual = max(dict.fromkeys(who(c) for c in counts), key=lambda w: sum(who(c) == w for c in counts))
    width = max(len(c["display"]) for c in counts)
    for c in counts:
        when = c["date"]["display"] if c["date"] else "?"
        other = "" if who(c) == usual else f"  ({who(c)})"
        lines.append(f"{when:<11} {c['display']:>{width}}{other}")
        if c.get("note"):  # what the number is, or why it stands where it does
            lines.append(f"  note: {c['note']}")
    lines.append(f"reported by {usual}")
    return lines


def person_detail(r: Record) -> Detail:
    d = Detail(title=r["name"], kind="person")
    d.add("id", r["id"])
    d.add("also", ", ".join(r["aliases"]))
    d.add("cyrillic", r["cyrillic"])
    life = " – ".join(x["display"] if x else "?" for x in (r["born"], r["died"]))
    d.add("life", life if (r["born"] or r["died"]) else None)
    d.add("role", r["role"])
    d.add("summary", r["summary"])
    d.add("notes", *note_lines(r["notes"]))
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d


def term_detail(r: Record) -> Detail:
    d = Detail(title=r["term"], kind="term")
    d.add("id", r["id"])
    d.add("also", ", ".join(r["aliases"]))
    d.add("cyrillic", r["cyrillic"])
    d.add("definition", r["definition"])
    d.add("notes", *note_lines(r["notes"]))
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d
