"""Names, ids and the renames/mergers between camps, for camps.py."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import gulagmap

# Dataset camp id -> the place the store already had for it (reused, never duplicated).
MERGE = {
    219: "minlag", 130: "gorlag", 156: "dubravlag", 287: "steplag", 60: "berlag", 324: "rechlag",
    103: "ozerlag", 281: "peschanlag", 251: "norilsk", 111: "vorkuta",
}
# The short name historians use, where the dataset's first "-lag" alias is not it.
NAMES = {156: "Dubravlag", 111: "Vorkutlag", 7: "Sevvostlag", 229: "Sevpechlag", 15: "Ukhtpechlag"}

_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True,
))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def latin(text: str) -> str:
    """A plain transliteration of Russian (adjective endings as English writers shorten them)."""
    text = re.sub(r"(ск|цк)ий\b", r"\1y", text)
    text = re.sub(r"(ск|цк)ий\b", r"\1y", text, flags=re.I)
    text = re.sub(r"(ый|ий)\b", "y", text)
    out = []
    for ch in text:
        low = ch.lower()
        if low in _LATIN:
            rep = _LATIN[low]
            out.append(rep.capitalize() if ch != low and rep else rep)
        else:
            out.append(ch)
    return "".join(out).replace("№", "No.")


def _tidy(name: str) -> str:
    name = re.sub(r"\bNo\s*(\d)", r"No. \1", name.replace("№", "No.").replace("No.. ", "No. "))
    name = re.sub(r"\s+", " ", name).strip(" ,")
    return name[:1].upper() + name[1:]


def english_name(camp: gulagmap.Camp) -> str:
    if camp.id in NAMES:
        return NAMES[camp.id]
    # "Osoblag" is the generic word for any special camp, not a camp's name.
    lags = [n for n in camp.subs_en if re.fullmatch(r"[A-Z][a-z-]+lag", n) and n != "Osoblag"]
    if lags:
        return min(lags, key=len)
    if camp.type_id == 3:
        number = re.search(r"\d+", camp.title_en or camp.title_ru)
        site = camp.subs_en[0] if camp.subs_en else ""
        site = re.split(r"\bbei\b|\bin\b|/", site)[0].strip()
        return _tidy(f"Special Camp No. {number[0] if number else '?'}" + (f" ({site})" if site else ""))
    if not camp.title_en or camp.title_en.lower() == "new prison":
        return _tidy(latin(camp.title_ru))
    return _tidy(camp.title_en)


def aliases(camp: gulagmap.Camp, name: str) -> list[str]:
    seen = {name.casefold()}
    out = []
    # The map's English renders "Северо-Восточный" (north-eastern: Kolyma's USVITL) as
    # "Northwestern" in two camps' names; its Russian beside them says north-eastern.
    north_east = any("Северо-Восточн" in t for t in [camp.title_ru, *camp.subs_ru])
    for alias in [camp.title_en, *camp.subs_en, *camp.subs_ru]:
        alias = _tidy(alias) if alias.isascii() else " ".join(alias.split())
        if north_east:
            alias = alias.replace("Northwestern", "North-Eastern")
        if alias and alias.casefold() != "new prison" and alias.casefold() not in seen and len(alias) <= 80:
            seen.add(alias.casefold())
            out.append(alias)
    return out


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", latin(name)).encode("ascii", "ignore").decode().lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "camp"


def unique_id(base: str, dates: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    candidate = f"{base}-{dates[:4]}"
    n = 2
    while candidate in taken:
        candidate = f"{base}-{dates[:4]}-{n}"
        n += 1
    return candidate


def long_date(edtf: str | None) -> str:
    if not edtf:
        return ""
    parts = edtf.rstrip("?~").split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


# --- renames and mergers the description states, resolved to other camps -------------------

CHANGES = (
    ("renamed", re.compile(r"переименован\w*\s+в\s+", re.I)),
    ("merged-into", re.compile(r"(?:присоединен\w*\s+к|включен\w*\s+в\s+состав|влит\w*\s+в(?:\s+состав)?)\s+", re.I)),
    ("transferred-to", re.compile(r"передан\w*\s+(?:в\s+состав\s+)?", re.I)),
    ("split-from", re.compile(r"выделен\w*\s+из\s+(?:состава\s+)?", re.I)),
    ("opened", re.compile(r"на\s+базе\s+(?:\w+\s+){0,3}?", re.I)),
)
_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")  # "Нижне-Амурский" is one name, not "Нижне-"


def _stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    return re.sub(r"(ского|скому|ским|ском|ский|ская|ское|ого|ому|ый|ий|ой|ая|ое|ым|ом|а|у|е|ом|ов|ы|и)$", "", word)


def _index(camps: list[gulagmap.Camp], ids: dict[int, str]) -> dict[str, list[gulagmap.Camp]]:
    index: dict[str, list[gulagmap.Camp]] = {}
    for camp in camps:
        if camp.id not in ids:
            continue
        words = [w for w in [*_WORD.findall(camp.title_ru)[:1], *(n for n in camp.subs_ru if _WORD.fullmatch(n))]]
        for word in words:
            stem = _stem(word)
            if len(stem) >= 4:
                index.setdefault(stem, []).append(camp)
    return index


def history(camp: gulagmap.Camp, ids: dict[int, str], camps: list[gulagmap.Camp],
            names: dict[str, str]) -> list[dict[str, Any]]:
    """The renames and mergers of the description's first paragraph whose other camp is in the
    store; each with its date (the nearest date before the phrase), in our own words."""
    index = _index(camps, ids)
    paragraphs = [p for p in camp.description_ru.split("\n") if p.strip()]
    if not paragraphs:
        return []
    first = paragraphs[0]
    found = gulagmap.mentions(first)
    out: list[dict[str, Any]] = []
    own = ids[camp.id]
    for change, pattern in CHANGES:
        for m in pattern.finditer(first):
            words = _WORD.findall(first[m.end():m.end() + 60])
            target = None
            for word in words[:2]:
                hits = {c.id for c in index.get(_stem(word), [])} - {camp.id}
                if len(hits) == 1:
                    target = ids[hits.pop()]
                    break
            if target is None:
                continue
            before = [d for d in found if d.end <= m.start()]
            if change == "opened":
                when = gulagmap.edtf_of(before[-1]) if before else None
                after = [d for d in found if d.start >= m.end()]
                when = when or (gulagmap.edtf_of(after[0]) if after else None)
            else:
                when = gulagmap.edtf_of(before[-1]) if before else None
            if when is None:
                continue
            note = {
                "renamed": "renamed; continued as {0}", "merged-into": "merged into {0}",
                "transferred-to": "its units passed to {0}", "split-from": "separated from {0}",
                "opened": "formed on the basis of {0}",
            }[change]
            entry = {"date": when, "change": change, "place": target, "note": note.format(names.get(target, target))}
            if entry not in out and target != own:
                out.append(entry)
    return sorted(out, key=lambda e: e["date"])
