"""Sources as a reference manager keeps them: reading the structured record, the policy on
copies and weak hosts, the warnings `validate` gives, and the facts that cite a source.

No I/O and no terminal here; `check` builds sources through :func:`build_source`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .models import SOURCE_KINDS, Kind, Name, Person, Place, ReadAt, Source, Store, Term

# Kinds whose citation is incomplete without a person or body named as author.
NEEDS_AUTHOR = frozenset({"book", "chapter", "article-journal", "thesis"})
# Kinds whose citation names the periodical they appeared in (BibTeX's journal field).
NEEDS_CONTAINER = frozenset({"article-journal", "article-newspaper", "article-magazine"})
# Kinds that can go undated: a museum panel has neither an issue date nor an access date.
UNDATED_OK = frozenset({"exhibit"})

# Hosts no fact may rest on alone: forum reposts, search-result pages, spam or unattributed
# pages, and unauthorised copies of books. A source read there names its original and keeps
# the host under "read_at"; the host is never the source itself.
DISALLOWED_HOSTS = frozenset({
    "polit.reactor.cc", "enow.com", "naturasigorta.com", "taian.caphemoingay.com",
    "bookreadfree.com", "user.bibliboba.online", "fb2.top", "libcat.ru", "knigochet.com",
    "rulit.me", "mybooks.club", "readli.net", "hello.chitka.online", "librs.net",
    "document.wikireading.ru", "docslib.org", "knigaread.com", "club-books.ru", "knizhkionline.com",
    "chitay-knigi.com", "biography.wikireading.ru", "private.bibliboba.com", "readnow.me",
    "urking.top", "vdoc.pub",
})

# Mirrors and machine translations of encyclopedias, and other copies: fine to read, never the
# source itself (the original is cited, the copy kept under "read_at").
MIRROR_HOSTS = frozenset({
    "liquisearch.com", "wikimili.com", "wikizero.org", "kiwix.casplantje.nl", "a.osmarks.net",
    "clever-geek.imtqy.com", "cs.wiki7.org", "fr.wiki7.org", "de.zxc.wiki", "ru.wikipedia-on-ipfs.org",
    "en.wikipedia-on-ipfs.org", "gateway.ipfs.io", "pwojczyn.com", "wafarin.com", "perceptiofr.com",
    "oenc.net", "piglix.com", "en-academic.com", "ed.mdict.net", "academickids.com", "it.frwiki.wiki",
    "worddisk.com", "reference.allrefer.com", "inventaire.io", "tlumach.com", "worldhistory.biz",
    "oldtmt.vedomosti.ru", "d2k5zpaql0enfz.cloudfront.net", "test.zurnalai.vu.lt", "informahealthcare.com",
    "besserenerven.info", "represnews.blogspot.com", "tripomatic.com", "core-cms.prod.aop.cambridge.org",
    "610211.6jhxt.group", "wordola.com", "soviet_intelligence.en-academic.com", "fdocuments.in",
    "online.flipbuilder.com", "encyclopediahub.com", "homsy-staging.cambridgecore.org", "jane.progressor.ru",
    "wiki-org.ru", "de.m.wiki.x.io", "161.35.110.226",
})
COPY_HOSTS = MIRROR_HOSTS | DISALLOWED_HOSTS
# Pages that are not a copy of anything citable: a forum repost, a search-results page, an
# unattributed or spam page. Reading them is no evidence at all.
UNRELIABLE_HOSTS = frozenset({"polit.reactor.cc", "enow.com", "naturasigorta.com", "taian.caphemoingay.com"})

_EDTF_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?", re.ASCII)  # as data/schema.json: [0-9] only
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def host(url: str | None) -> str | None:
    """The host of a URL, lower-case, without "www." and a trailing dot."""
    if not url:
        return None
    name = (urlsplit(url).hostname or "").rstrip(".")
    return name.removeprefix("www.") or None


def _names(value: Any, r: Any) -> tuple[Name, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        r.problem("authors", "must be a list of names")
        return ()
    out = []
    for i, item in enumerate(value):
        parts = {k: item.get(k) for k in ("family", "given", "literal")} if isinstance(item, dict) else {}
        # one form or the other, as data/schema.json has it: a literal beside a family is neither
        one_form = bool(parts) and bool(parts["family"] or parts["literal"]) and not (
            parts["literal"] and (parts["family"] or parts["given"]))
        if not one_form or not all(v is None or (isinstance(v, str) and v.strip()) for v in parts.values()):
            r.problem(f"authors[{i}]", "must be {family, given} or {literal}, with non-empty strings")
            continue
        out.append(Name(parts["family"], parts["given"], parts["literal"]))
    return tuple(out)


_WEB_LINK = re.compile(r"https?://\S")  # data/schema.json: links are http(s) only


def _on_calendar(text: str) -> bool:
    """A year, month or day that exists: "2005-13" and "2026-02-31" match the pattern only."""
    from datetime import date

    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def build_source(r: Any) -> Source:
    """A Source from a checked record (``r`` is check's field reader). The old ``author``
    string and ``year`` number are still read, as a literal author and an issued year."""
    rec = r.rec
    kind = r.text("kind") or "web"
    if kind not in SOURCE_KINDS:
        r.problem("kind", f"{kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    authors = _names(rec.get("authors"), r)
    legacy_author = r.text("author", required=False)
    if legacy_author and not authors:
        authors = (Name(literal=legacy_author),)
    issued = r.text("issued", required=False)
    year = r.number("year", int)
    if issued is None and year is not None:
        issued = str(year)
    if issued is not None and not (_EDTF_DAY.fullmatch(issued) and _on_calendar(issued)):
        r.problem("issued", f"{issued!r} is not a year, month or day (EDTF)")
    accessed = r.text("accessed", required=False)
    if accessed is not None and not (_ISO_DAY.fullmatch(accessed) and _on_calendar(accessed)):
        r.problem("accessed", f"{accessed!r} is not an ISO day (YYYY-MM-DD)")
    url = r.text("url", required=False)
    if url is not None and not _WEB_LINK.match(url):  # links are http(s) only, as in the schema
        r.problem("url", "must be an http or https link")
        url = None
    read_at = None
    raw_read = rec.get("read_at")
    if isinstance(raw_read, dict):
        read_url = raw_read.get("url")
        if read_url is not None and not (isinstance(read_url, str) and _WEB_LINK.match(read_url)):
            r.problem("read_at.url", "must be an http or https link")
            read_url = None
        read_at = ReadAt(read_url, raw_read.get("publisher"))
    elif raw_read is not None:
        r.problem("read_at", "must be an object with url and publisher")
    return Source(
        id=r.id or "", title=r.text("title") or "", kind=kind, url=url,
        authors=authors, container=r.text("container", required=False),
        publisher=r.text("publisher", required=False), place=r.text("place", required=False),
        issued=issued, accessed=accessed, language=r.text("language", required=False),
        pages=r.text("pages", required=False), volume=r.text("volume", required=False),
        issue=r.text("issue", required=False), read_at=read_at, note=r.text("note", required=False),
    )


def warnings(sources: dict[str, Source]) -> list[tuple[str, str]]:
    """(source id, message) for each source whose kind needs a date, an author or a periodical it lacks."""
    out = []
    for s in sources.values():
        if s.kind not in UNDATED_OK and not (s.issued or s.accessed):
            out.append((s.id, f"{_a(s.kind)} source needs a date issued or accessed"))
        if s.kind in NEEDS_AUTHOR and not s.authors:
            out.append((s.id, f"{_a(s.kind)} source needs an author"))
        if s.kind in NEEDS_CONTAINER and not s.container:
            out.append((s.id, f"{_a(s.kind)} source needs the periodical it appeared in (container)"))
    return out


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def disallowed(s: Source) -> bool:
    """True when the source itself is a forum, snippet, spam page or pirated copy."""
    return host(s.url) in DISALLOWED_HOSTS


def names_original(s: Source) -> bool:
    """True when the record identifies the original well enough to find it: a URL that is
    not a copy, or, for print, an author, container or publisher beside the title."""
    if s.url:
        return host(s.url) not in COPY_HOSTS
    return bool(s.authors or s.container or s.publisher) or s.kind == "exhibit"


def copy_without_original(s: Source) -> bool:
    """True when the store knows only a copy: the cited URL is itself a copy, or the source
    was read at a copy and names no original."""
    return not names_original(s)


def weak(s: Source) -> bool:
    """True when a fact cannot rest on this source alone: it is, or was only read as, a forum
    post, search snippet, spam page or pirated copy, and no identifiable original stands
    behind it."""
    read = host(s.read_at.url) if s.read_at else None
    if host(s.url) in UNRELIABLE_HOSTS or read in UNRELIABLE_HOSTS:
        return True
    return disallowed(s) or (read in DISALLOWED_HOSTS and not names_original(s))


class Citing(NamedTuple):
    kind: str  # event | person | place | term | figure | note
    id: str
    name: str


def citing(store: Store, source_id: str) -> list[Citing]:
    """Every fact that cites a source: events, places, people and terms (and their notes, and a
    camp's history) and figures."""
    out = []
    for ev in store.events:
        if source_id in ev.sources:
            out.append(Citing(Kind.EVENT.value, ev.id, ev.title))
        out += [Citing("note", ev.id, n.text) for n in ev.notes if source_id in n.sources]
    entries: list[tuple[Kind, Place | Person | Term]] = [
        *((Kind.PLACE, x) for x in store.places.values()), *((Kind.PERSON, x) for x in store.people.values()),
        *((Kind.TERM, x) for x in store.terms.values())]
    for kind, x in entries:
        if source_id in x.sources:
            out.append(Citing(kind.value, x.id, x.term if isinstance(x, Term) else x.name))
        out += [Citing("note", x.id, n.text) for n in x.notes if source_id in n.sources]
        out += [Citing("history", x.id, c.note or c.change) for c in getattr(x, "history", ())
                if source_id in c.sources]
    out += [Citing(Kind.FIGURE.value, f.id, f.what) for f in store.figures.values() if source_id in f.sources]
    return out
