"""Cards for one entity, as labelled lines; Rich draws them as a panel, pipes get ``label: value``."""

from __future__ import annotations

from .output import printable
from .records import Record
from .safe import web_url


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
    return f"{d['display']}  ({d['precision']} precision{extra}; EDTF {d['edtf']})"


def source_line(s: Record) -> str:
    who = s["author"] or s["publisher"]
    text = f"[{s['id']}] {s['title']}" + (f", {who}" if who else "")
    url = web_url(s["url"])
    return text + (f" <{url}>" if url else "")


def figure_line(f: Record, *, with_event: bool = False) -> str:
    where = f" ({f['event_title']})" if with_event and f["event_title"] else ""
    srcs = ", ".join(s["id"] for s in f["sources"])
    return f"{f['display']} {f['unit']}: {f['what']}{where} ({f['reported_by']}) [{srcs}]"


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
    d.add("notes", *[f"{n['kind']}: {n['text']}" + (f" [{', '.join(n['sources'])}]" if n["sources"] else "")
                     for n in r["notes"]])
    if not r["verified"]:
        d.add("status", "unverified: only the exhibit panel reports this; no independent reference found")
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
    d.add("type", r["place_type"])
    d.add("complex", r["complex"])
    d.add("modern", r["modern_name"])
    d.add("region", r["region"])
    d.add("country", r["country"])
    if r["lat"] is not None and r["lon"] is not None:
        d.add("coordinates", f"{r['lat']:.4f}, {r['lon']:.4f} (lat, lon)")
    d.add("summary", r["summary"])
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d


def person_detail(r: Record) -> Detail:
    d = Detail(title=r["name"], kind="person")
    d.add("id", r["id"])
    d.add("also", ", ".join(r["aliases"]))
    d.add("cyrillic", r["cyrillic"])
    life = " – ".join(x["display"] if x else "?" for x in (r["born"], r["died"]))
    d.add("life", life if (r["born"] or r["died"]) else None)
    d.add("role", r["role"])
    d.add("summary", r["summary"])
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d


def term_detail(r: Record) -> Detail:
    d = Detail(title=r["term"], kind="term")
    d.add("id", r["id"])
    d.add("also", ", ".join(r["aliases"]))
    d.add("cyrillic", r["cyrillic"])
    d.add("definition", r["definition"])
    d.add("events", *_event_lines(r["events"]))
    d.add("sources", *[source_line(s) for s in r["sources"]])
    return d
