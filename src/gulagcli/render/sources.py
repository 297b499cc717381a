"""Sources as a listing and as a card with the facts that cite them."""

from __future__ import annotations

from ..models import Source, Store
from ..sources import citing, copy_without_original, disallowed
from .details import Detail
from .output import PLAIN_CSV, TABLE_ONLY, Column
from .records import Record, source_record

SOURCE_COLUMNS = [
    Column("id", lambda r: r["id"], ratio=1),
    Column("kind", lambda r: r["kind"]),
    Column("date", lambda r: r["issued"] or (f"accessed {r['accessed']}" if r["accessed"] else "")),
    # Long names and titles share one wrapped cell in a table; plain and CSV keep them apart.
    Column("author", lambda r: r["author"] or "", formats=PLAIN_CSV),
    Column("title", lambda r: r["title"], formats=PLAIN_CSV),
    Column("work", lambda r: ", ".join(p for p in (r["author"], r["title"]) if p), ratio=2,
           formats=TABLE_ONLY),
    Column("cited", lambda r: str(r["cited_by"]), labelled=True),
]


def source_listing_record(store: Store, s: Source, cited: int) -> Record:
    return {**source_record(s), "cited_by": cited}


def source_full_record(store: Store, s: Source) -> Record:
    rec = source_record(s)
    rec["copy_without_original"] = copy_without_original(s)
    rec["disallowed"] = disallowed(s)
    rec["cited_by"] = [c._asdict() for c in citing(store, s.id)]
    return rec


def source_detail(r: Record) -> Detail:
    d = Detail(title=r["title"], kind="source")
    d.add("id", r["id"])
    d.add("kind", r["kind"])
    d.add("authors", r["author"])
    d.add("in", r["container"])
    d.add("publisher", ", ".join(p for p in (r["publisher"], r["place"]) if p))
    d.add("issued", r["issued"])
    d.add("pages", r["pages"])
    d.add("language", r["language"])
    d.add("url", r["url"])
    d.add("accessed", r["accessed"])
    if r["read_at"]:
        d.add("read at", " ".join(p for p in (r["read_at"].get("publisher"), r["read_at"].get("url")) if p))
    d.add("note", r.get("note"))
    if r["copy_without_original"]:
        d.add("warning", "a copy: the original is not named")
    lines = [f"{c['kind']} {c['id']}: {c['name']}" for c in r["cited_by"]]
    d.add("cited by", *(lines or ["nothing in the store"]))
    return d
