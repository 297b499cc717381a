"""Citations of sources: plain text, BibTeX (biblatex/biber) and CSL-JSON (Zotero, pandoc).

Each maps the store's source fields, which follow CSL, to one format; nothing is invented:
a field the store does not hold is left out.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from ..models import Name, Source
from .safe import terminal, web_url


class CiteStyle(str, Enum):
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


_CSL_TYPE = {"book": "book", "chapter": "chapter", "article-journal": "article-journal",
             "article-newspaper": "article-newspaper", "article-magazine": "article-magazine",
             "encyclopedia": "entry-encyclopedia", "web": "webpage", "archive": "document",
             "exhibit": "document", "dataset": "dataset", "report": "report", "thesis": "thesis"}
# biblatex entry types (biber's default data model); @online wants a url and urldate.
_BIB_TYPE = {"book": "book", "chapter": "incollection", "article-journal": "article",
             "article-newspaper": "article", "article-magazine": "article", "encyclopedia": "online",
             "web": "online", "dataset": "dataset", "report": "misc", "thesis": "thesis",
             "archive": "misc", "exhibit": "misc"}

# biblatex's langid takes babel/polyglossia names, not ISO codes.
_LANGID = {"en": "english", "ru": "russian", "de": "german", "uk": "ukrainian", "pl": "polish",
           "fr": "french", "it": "italian", "cs": "czech", "lt": "lithuanian", "lv": "latvian",
           "et": "estonian", "kk": "kazakh", "hu": "magyar", "es": "spanish", "nl": "dutch", "ca": "catalan",
           "hr": "croatian", "bs": "bosnian", "ja": "japanese", "sk": "slovak", "sl": "slovene", "ro": "romanian",
           "fi": "finnish", "sv": "swedish", "da": "danish", "pt": "portuguese", "el": "greek", "he": "hebrew",
           "ka": "georgian", "be": "belarusian", "tr": "turkish"}


def _date_parts(edtf: str) -> list[int]:
    return [int(p) for p in edtf.split("-")]


def text_citation(s: Source) -> str:
    """One line a reader can follow: who, what, where, when, and where it was read."""
    where = ", ".join(p for p in (s.container, s.publisher if s.publisher != s.container else None,
                                   s.place) if p)
    parts = [s.author, _quoted(s.title), where or None, s.issued,
             f"pp. {s.pages}" if s.pages else None, "museum exhibit" if s.kind == "exhibit" else None]
    text = ". ".join(p.rstrip(".") for p in parts if p) + "."
    if url := web_url(s.url):  # only http(s) links, as everywhere links are written
        text += f" {url}"
    if s.accessed:
        text += f" (accessed {s.accessed})"
    if s.read_at:
        where = " ".join(p for p in (s.read_at.publisher, web_url(s.read_at.url)) if p)
        text += f" Read at: {where}" if where else ""
    return text


def _quoted(title: str) -> str:
    """A title in double quotes; quotation marks inside it become single ones, as style guides
    nest them (“‘In a Manner Befitting Soviet Citizens’: An Uprising…”), not doubled. A pair
    opened low („Zachód” in Polish, „Lager“ in German) is another language's own marks: kept whole."""
    marks, low = [], False
    for ch in title:
        if ch == "„":
            low = True
        elif ch in "“”" and low:  # the mark closing „
            low = False
        elif ch in "“”":
            ch = "‘" if ch == "“" else "’"
        marks.append(ch)
    inner, opening = "".join(marks), True
    while '"' in inner:  # straight quotes, in pairs: opening, then closing
        inner = inner.replace('"', "‘" if opening else "’", 1)
        opening = not opening
    return f"“{inner}”"


_BIB_SPECIALS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                 **{c: "\\" + c for c in "{}&%$#_"}}


def _bib_escape(text: str) -> str:
    """Braces balanced and LaTeX specials escaped, so any title is a valid BibTeX value: each
    special character replaced once, in one pass (a backslash's own braces are not escaped again).
    Runs of whitespace are one space, and a control character is a visible escape (``\\x1b``), as
    on a terminal: LaTeX stops at a raw one."""
    return re.sub(r"[\\~^{}&%$#_]", lambda m: _BIB_SPECIALS[m.group()], terminal(" ".join(text.split())))


def _bib_name(name: Name) -> str:
    """One author: a literal (organisation) braced whole, so biber does not split it into
    family and given; a name part with the word "and" in it braced, so it stays one author."""
    if name.literal:
        return "{" + _bib_escape(name.literal) + "}"
    parts = [_bib_escape(p) for p in (name.family, name.given) if p]
    return ", ".join("{" + p + "}" if re.search(r"\band\b", p, re.IGNORECASE) else p for p in parts)


def _bib_url(url: str) -> str:
    return "{" + url.replace("}", "%7D").replace("{", "%7B") + "}"


def bibtex_entry(s: Source) -> str:
    entry = _BIB_TYPE.get(s.kind, "misc")
    if entry == "online" and not s.url:
        entry = "misc"  # biblatex's @online requires a url
    fields: list[tuple[str, str]] = []
    if s.authors:
        fields.append(("author", "{" + " and ".join(_bib_name(a) for a in s.authors) + "}"))
    fields.append(("title", "{" + _bib_escape(s.title) + "}"))
    container = ("{" + _bib_escape(s.container) + "}") if s.container else None
    publisher = ("{" + _bib_escape(s.publisher) + "}") if s.publisher and s.publisher != s.container else None
    if entry == "article":
        fields += [("journal", container)] if container else []
    elif entry in ("book", "incollection"):
        fields += [("booktitle", container)] if container and entry == "incollection" else []
        fields += [("publisher", publisher)] if publisher else []
        fields += [("location", "{" + _bib_escape(s.place) + "}")] if s.place else []
    elif entry == "thesis":  # biblatex: the university is the institution
        university = publisher or container
        fields += [("institution", university)] if university else []
        fields += [("location", "{" + _bib_escape(s.place) + "}")] if s.place else []
    elif entry in ("online", "dataset"):
        # biblatex's data model has no howpublished for these: the site or body is the organization.
        site = container or publisher
        fields += [("organization", site)] if site else []
    else:
        fields += [("howpublished", container)] if container else []
        fields += [("organization", publisher)] if publisher else []
        fields += [("location", "{" + _bib_escape(s.place) + "}")] if s.place else []
    if s.issued:
        # year (and month): what BibTeX styles and biber's data model both read.
        fields.append(("year", s.issued[:4]))
        if len(s.issued) >= 7:
            fields.append(("month", str(int(s.issued[5:7]))))
    for name in ("volume", "issue", "pages"):
        value = getattr(s, name)
        if value:
            fields.append(("number" if name == "issue" else name, "{" + _bib_escape(value) + "}"))
    if url := web_url(s.url):
        fields.append(("url", _bib_url(url)))
    if s.accessed:
        fields.append(("urldate", "{" + s.accessed + "}"))
    if s.language in _LANGID:
        fields.append(("langid", "{" + _LANGID[s.language] + "}"))
    if s.kind in ("exhibit", "thesis", "report", "archive"):
        label = {"exhibit": "Museum exhibit", "thesis": "Thesis", "report": "Report",
                 "archive": "Archival document"}[s.kind]
        fields.append(("type", "{" + label + "}"))
    if s.read_at and (copy := web_url(s.read_at.url)):
        # The copy's address as escaped text, not \url: a percent sign inside another field's
        # argument would end the line for LaTeX.
        where = ", ".join(p for p in (s.read_at.publisher, copy) if p)
        fields.append(("addendum", "{Read at " + _bib_escape(where) + "}"))
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@{entry}{{{s.id},\n{body}\n}}\n"


def bibliography(sources: list[Source]) -> str:
    """Every source once, under its id as key (ids are unique across the store)."""
    seen: dict[str, Source] = {}
    for s in sources:
        seen.setdefault(s.id, s)
    return "\n".join(bibtex_entry(s) for s in seen.values())


def csl_item(s: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": s.id, "type": _CSL_TYPE.get(s.kind, "document"), "title": s.title}
    if s.authors:
        item["author"] = [{k: v for k, v in a._asdict().items() if v} for a in s.authors]
    if s.container:
        item["container-title"] = s.container
    if s.publisher:
        item["publisher"] = s.publisher
    if s.place:
        item["publisher-place"] = s.place
    if s.issued:
        item["issued"] = {"date-parts": [_date_parts(s.issued)]}
    if s.accessed:
        item["accessed"] = {"date-parts": [_date_parts(s.accessed)]}
    for name in ("volume", "issue", "language"):
        if getattr(s, name):
            item[name] = getattr(s, name)
    if s.pages:
        item["page"] = s.pages
    if url := web_url(s.url):
        item["URL"] = url
    if s.kind == "exhibit":
        item["genre"] = "Museum exhibit"  # a panel, a gallery's page or an online exhibition
    if s.read_at:
        item["note"] = "Read at " + " ".join(p for p in (s.read_at.publisher, s.read_at.url) if p)
    return item
