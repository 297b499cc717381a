"""Citations of sources: plain text, BibTeX and CSL-JSON (what Zotero and pandoc read)."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from ..models import Source
from .safe import web_url


class CiteStyle(str, Enum):
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


_BIB_TYPE = {"book": "book", "article": "article", "encyclopedia": "online", "web": "online",
             "archive": "misc", "exhibit": "misc"}
_CSL_TYPE = {"book": "book", "article": "article-journal", "encyclopedia": "entry-encyclopedia",
             "web": "webpage", "archive": "document", "exhibit": "document"}


def text_citation(s: Source) -> str:
    parts = [s.author, f"“{s.title}”", s.publisher, str(s.year) if s.year else None,
             "exhibit panel" if s.kind == "exhibit" else None]
    text = ". ".join(p for p in parts if p) + "."
    url = web_url(s.url)  # only http(s) links, as everywhere links are written
    return text + (f" {url}" if url else "")


def _bib_escape(text: str) -> str:
    """Braces balanced and LaTeX specials escaped, so any title is a valid BibTeX value."""
    text = text.replace("\\", r"\textbackslash{}")
    text = re.sub(r"([&%$#_])", r"\\\1", text)
    return text.replace("{", r"\{").replace("}", r"\}").replace("~", r"\textasciitilde{}")


def bibtex_entry(s: Source) -> str:
    fields = [("title", "{" + _bib_escape(s.title) + "}")]
    if s.author:
        fields.append(("author", "{" + _bib_escape(s.author) + "}"))
    if s.publisher:
        key = "publisher" if s.kind == "book" else "organization"
        fields.append((key, "{" + _bib_escape(s.publisher) + "}"))
    if s.year:
        fields.append(("year", str(s.year)))
    if url := web_url(s.url):
        fields.append(("url", "{" + url.replace("}", "%7D").replace("{", "%7B") + "}"))
    if s.kind == "exhibit":
        fields.append(("note", "{Museum exhibit panel}"))
    body = ",\n".join(f"  {k} = {v}" for k, v in fields)
    return f"@{_BIB_TYPE.get(s.kind, 'misc')}{{{s.id},\n{body}\n}}\n"


def csl_item(s: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": s.id, "type": _CSL_TYPE.get(s.kind, "document"), "title": s.title}
    if s.author:
        item["author"] = [{"literal": s.author}]
    if s.publisher:
        item["publisher"] = s.publisher
    if s.year:
        item["issued"] = {"date-parts": [[s.year]]}
    if url := web_url(s.url):
        item["URL"] = url
    if s.kind == "exhibit":
        item["genre"] = "Museum exhibit panel"
    return item
