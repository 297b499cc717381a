"""Write a synthetic gulag store of N events: deterministic, valid, in the schema of data/events.json.

    python bench/generate.py 100000                 # -> bench/out/store-100000.json
    python bench/generate.py 1000 --seed 7 -o /tmp/s.json --indent 0

The same N, seed and indent always give the same bytes (only ``random.Random(seed)`` is used,
never the clock or hash order), so a timing can be reproduced on another machine. The store
passes `gulag validate`: every id is unique and well formed, every reference resolves, every
event and figure has a source, every date is EDTF the tool reads.

What it contains, scaled with N: sources, tags, places (with alternate, accented and Cyrillic
names), people (with birth and death dates), terms, events and figures. Event dates are spread
over 1940-1965 and mix days, months, years, decades (``195X``), unspecified parts (``1954-XX``),
the qualifiers ``~ ? %`` and intervals (some open-ended, ``1953-03/..``), in roughly the
proportions of a hand-made store.

One place, the *target*, is named ``TARGET_NAME``. The generator checks, by the tool's matching
rule (the query's words appear as whole words in a folded name of the place), that the query
``TARGET_NAME`` matches this one place and no other, so a benchmark can filter by its id in
`jq` and by its name in `gulag` and expect the same events. About ``TARGET_SHARE`` of the
events name it. The file's ``meta.description`` records N, the seed and the target.

Nothing here imports gulagcli: the generator is independent of the code it measures.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_SEED = 1953
TARGET_ID = "place-target"
TARGET_NAME = "Ozerny Zaton"  # the --place query; no other place answers to these words
TARGET_SHARE = 0.03  # share of events that name the target place
FIRST_YEAR, LAST_YEAR = 1940, 1965

# Syllables for place and person names; none of them spells "ozerny" or "zaton".
_SYL = ("ka", "ve", "ro", "lag", "nor", "ust", "pe", "chor", "min", "vor", "ku", "ta", "sib", "ir",
        "kol", "ym", "dal", "in", "kar", "ag", "ste", "step", "ang", "ar", "bel", "yan", "ko", "mi",
        "lo", "vet", "lu", "ga", "tai", "shet", "pech", "uk", "ta", "sol", "ov", "ki")
_ACCENTED = {"a": "á", "e": "é", "o": "ó", "i": "í", "u": "ú"}
_CYR = {"a": "а", "b": "б", "ch": "ч", "d": "д", "e": "е", "g": "г", "h": "х", "i": "и", "k": "к",
        "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "sh": "ш", "t": "т",
        "u": "у", "v": "в", "y": "ы", "z": "з", "f": "ф"}
_COUNTRIES = (("Russia", ("Komi ASSR", "Krasnoyarsk Krai", "Magadan Oblast", "Irkutsk Oblast",
                          "Arkhangelsk Oblast", "Perm Oblast", "Kemerovo Oblast")),
              ("Kazakhstan", ("Karaganda Oblast", "Akmola Oblast")),
              ("Ukraine", ("Lviv Oblast",)), ("Lithuania", ("Vilnius region",)))
_PLACE_KINDS = ("camp", "camp", "camp", "city", "region", "place")
_SOURCE_KINDS = ("exhibit", "encyclopedia", "book", "article-journal", "archive", "web")
_TAGS = ("resistance", "strike", "uprising", "amnesty", "release", "rehabilitation", "politics",
         "camp-system", "death", "escape", "repression", "deportation", "law", "memory", "labour",
         "women", "religion", "nationalism")
_TERMS = ("amnesty", "zek", "etap", "lagpunkt", "sharashka", "katorga", "spetslag", "tufta",
          "blatnye", "suki", "rehabilitation", "special-settlement", "norm", "convoy", "zona",
          "barracks", "isolator", "ration", "brigade", "work-refusal", "hunger-strike", "commission",
          "gulag", "mvd")
_VERBS = ("strike at", "uprising in", "amnesty reaches", "commission visits", "transport to",
          "hunger strike in", "escape from", "releases from", "riot in", "trial of prisoners from",
          "new camp division at", "work refusal in", "closure of", "inspection of")
_NOUNS = ("prisoners", "guards", "brigades", "the camp administration", "the commission", "women",
          "political prisoners", "criminals", "the MVD", "Moscow", "the party", "the convoy")
_SUMMARY_VERBS = ("refuse", "demand", "report", "negotiate with", "release", "petition", "arrest",
                  "transfer", "free", "write to", "confront", "count")
_WORDS = ("camp", "norms", "rations", "release", "decree", "zone", "barracks", "transport",
          "winter", "mine", "railway", "timber", "letters", "families", "sentences", "appeals",
          "review", "numbers", "quota", "labour", "strike", "hunger", "amnesty", "commission")
_NOTE_KINDS = ("discrepancy", "uncertainty", "context")
_UNITS = ("people", "prisoners", "days", "camps", "deaths", "roubles", "tonnes")


def fold(text: str) -> str:
    """Case and accents folded away, as the tool compares names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


class Generator:
    def __init__(self, n: int, seed: int, *, rich: bool = False) -> None:
        # rich: events as full as the bundled ones (a long description, notes, three to five
        # sources, about one figure each); lean: today's short synthetic events.
        self.n, self.seed, self.rich = n, seed, rich
        self.rng = random.Random(seed)
        # Related entities grow with the store, as they would in a real one, but slower.
        self.n_sources = max(20, min(20_000, n // 20))
        self.n_places = max(30, min(5_000, n // 100))
        self.n_people = max(20, min(20_000, n // 50))
        self.n_figures = n if rich else n // 8

    # --- names and text ---------------------------------------------------------------------

    def word(self, lo: int = 2, hi: int = 3) -> str:
        return "".join(self.rng.choice(_SYL) for _ in range(self.rng.randint(lo, hi))).capitalize()

    def cyrillic(self, latin: str) -> str:
        out, s, i = [], latin.lower(), 0
        while i < len(s):
            two = s[i:i + 2]
            if two in _CYR:
                out.append(_CYR[two])
                i += 2
            else:
                out.append(_CYR.get(s[i], s[i]))
                i += 1
        return "".join(out).capitalize()

    def sentence(self, n_words: int) -> str:
        r = self.rng
        head = f"{r.choice(_NOUNS).capitalize()} {r.choice(_SUMMARY_VERBS)} {r.choice(_NOUNS)}"
        tail = " ".join(r.choice(_WORDS) for _ in range(max(0, n_words - 4)))
        return f"{head} over {tail}." if tail else f"{head}."

    # --- dates ------------------------------------------------------------------------------

    def _day(self, year: int | None = None) -> tuple[int, int, int]:
        r = self.rng
        y = year if year is not None else r.randint(FIRST_YEAR, LAST_YEAR)
        m = r.randint(1, 12)
        return y, m, r.randint(1, calendar.monthrange(y, m)[1])

    def _qual(self, p: float) -> str:
        return self.rng.choice("~~??%") if self.rng.random() < p else ""

    def edtf(self) -> str:
        """One date in the store's EDTF subset, weighted roughly as in a hand-made store."""
        r = self.rng
        x = r.random()
        if x < 0.40:
            y, m, d = self._day()
            return f"{y}-{m:02d}-{d:02d}{self._qual(0.08)}"
        if x < 0.60:
            return f"{r.randint(FIRST_YEAR, LAST_YEAR)}-{r.randint(1, 12):02d}{self._qual(0.15)}"
        if x < 0.70:
            return f"{r.randint(FIRST_YEAR, LAST_YEAR)}{self._qual(0.2)}"
        if x < 0.72:
            return r.choice(("194X", "195X", "196X"))
        if x < 0.74:
            y = r.randint(FIRST_YEAR, LAST_YEAR)
            return r.choice((f"{y}-XX", f"{y}-{r.randint(1, 12):02d}-XX"))
        if x < 0.85:  # a span of days
            y, m, d = self._day()
            a = (y, m, d)
            b = self._day(y) if r.random() < 0.7 else self._day(min(LAST_YEAR, y + 1))
            lo, hi = sorted((a, b))
            return (f"{lo[0]}-{lo[1]:02d}-{lo[2]:02d}{self._qual(0.1)}/"
                    f"{hi[0]}-{hi[1]:02d}-{hi[2]:02d}{self._qual(0.1)}")
        if x < 0.93:  # a span of months
            y = r.randint(FIRST_YEAR, LAST_YEAR)
            m_lo, m_hi = sorted((r.randint(1, 12), r.randint(1, 12)))
            y2 = y if r.random() < 0.7 else min(LAST_YEAR, y + 1)
            return f"{y}-{m_lo:02d}{self._qual(0.1)}/{y2}-{m_hi:02d}{self._qual(0.1)}"
        if x < 0.99:  # a span of years
            y = r.randint(FIRST_YEAR, LAST_YEAR - 1)
            return f"{y}{self._qual(0.1)}/{r.randint(y, min(LAST_YEAR, y + 8))}{self._qual(0.1)}"
        y, m, _ = self._day()
        return f"{y}-{m:02d}/.." if r.random() < 0.5 else f"../{y}"

    # --- sections ---------------------------------------------------------------------------

    def sources(self) -> list[dict[str, Any]]:
        r, out = self.rng, [{"id": "exhibit", "kind": "exhibit",
                             "title": "The End of Stalin's Gulag: Growing Resistance in the 1940s & 1950s"}]
        for i in range(1, self.n_sources):
            rec: dict[str, Any] = {"id": f"src-{i}", "title": f"{self.word()} {r.choice(_WORDS)} {i}",
                                   "kind": r.choice(_SOURCE_KINDS[1:])}
            if r.random() < 0.6:
                rec["authors"] = [{"family": self.word(), "given": self.word()}]
            if r.random() < 0.5:
                rec["publisher"] = r.choice(("Wikipedia", "Memorial", "Yale University Press", "Hoover"))
            if r.random() < 0.4:
                rec["issued"] = str(r.randint(1960, 2024))
            if r.random() < 0.5:
                rec["accessed"] = f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"
            if r.random() < 0.7:
                rec["url"] = f"https://example.org/gulag/{i}"
            out.append(rec)
        return out

    def tags(self) -> list[dict[str, Any]]:
        return [{"id": t, "label": t.replace("-", " ").capitalize(), "description": f"Events about {t}."}
                for t in _TAGS]

    def places(self) -> list[dict[str, Any]]:
        r, out = self.rng, []
        for i in range(self.n_places):
            target = i == self.n_places // 2
            name = TARGET_NAME if target else f"{self.word()}{r.choice(('', 'lag', ' Lag', ''))}".strip()
            country, regions = r.choice(_COUNTRIES)
            rec: dict[str, Any] = {"id": TARGET_ID if target else f"place-{i}", "name": name}
            names = [name.replace(c, _ACCENTED[c], 1) for c in "aeiou" if c in name][:1]
            if r.random() < 0.5:
                names.append(f"{self.word()}lag")
            if names:
                rec["names"] = names
            if r.random() < 0.6:
                rec["cyrillic"] = self.cyrillic(name)
            if r.random() < 0.4:
                rec["complex"] = f"{self.word()}lag"
            rec.update(kind=r.choice(_PLACE_KINDS), region=r.choice(regions), country=country)
            if r.random() < 0.8:
                rec["lat"], rec["lon"] = round(r.uniform(40, 75), 4), round(r.uniform(20, 170), 4)
            if r.random() < 0.5:
                rec["summary"] = self.sentence(12)
            rec["sources"] = self._ids("src", self.n_sources, 1, 3)
            out.append(rec)
        return out

    def people(self) -> list[dict[str, Any]]:
        r, out = self.rng, []
        for i in range(self.n_people):
            first, last = self.word(), self.word()
            rec: dict[str, Any] = {"id": f"person-{i}", "name": f"{first} {last}"}
            if r.random() < 0.3:
                rec["aliases"] = [f"{first[0]}. {last}"]
            if r.random() < 0.5:
                rec["cyrillic"] = self.cyrillic(f"{first} {last}")
            if r.random() < 0.6:
                y, m, d = self._day(r.randint(1880, 1930))
                rec["born"] = f"{y}-{m:02d}-{d:02d}" if r.random() < 0.7 else f"{y}{self._qual(0.3)}"
            if r.random() < 0.4:
                rec["died"] = str(r.randint(1950, 2000))
            rec["role"] = r.choice(("prisoner", "strike leader", "camp commandant", "MVD official",
                                    "writer", "party official", "historian"))
            if r.random() < 0.5:
                rec["summary"] = self.sentence(10)
            rec["sources"] = self._ids("src", self.n_sources, 1, 2)
            out.append(rec)
        return out

    def terms(self) -> list[dict[str, Any]]:
        return [{"id": f"term-{t}", "term": t.replace("-", " "), "definition": self.sentence(14),
                 "sources": ["exhibit"]} for t in _TERMS]

    def events(self) -> list[dict[str, Any]]:
        r, out = self.rng, []
        for i in range(self.n):
            places = self._ids("place", self.n_places, 1, 3)
            has_target = r.random() < TARGET_SHARE
            places = [p for p in places if p != TARGET_ID]
            if has_target:
                places.insert(r.randint(0, len(places)), TARGET_ID)
            if not places:
                places = [f"place-{(self.n_places // 2 + 1) % self.n_places}"]
            verb = r.choice(_VERBS)
            rec: dict[str, Any] = {"id": f"event-{i}", "title": f"{verb.capitalize()} {self.word()} ({i})"}
            if r.random() < 0.3:
                rec["aliases"] = [f"{self.word()} {r.choice(_WORDS)}"]
            rec["date"] = self.edtf()
            rec["summary"] = self.sentence(r.randint(8, 18))
            if self.rich:
                rec["description"] = " ".join(self.sentence(r.randint(14, 24)) for _ in range(r.randint(4, 7)))
            elif r.random() < 0.3:
                rec["description"] = " ".join(self.sentence(r.randint(10, 20)) for _ in range(2))
            rec["places"] = places
            rec["people"] = self._ids("person", self.n_people, 0, 2)
            rec["terms"] = [f"term-{t}" for t in sorted(set(r.sample(_TERMS, r.randint(0, 2))))]
            rec["tags"] = sorted(set(r.sample(_TAGS, r.randint(1, 3))))
            if i and r.random() < 0.1:
                rec["related"] = sorted({f"event-{r.randrange(i)}" for _ in range(r.randint(1, 2))})
            rec["sources"] = self._ids("src", self.n_sources, *((3, 5) if self.rich else (1, 3)), first="exhibit")
            rec["verified"] = r.random() < 0.9
            if r.random() < (0.7 if self.rich else 0.1):
                rec["notes"] = [{"kind": r.choice(_NOTE_KINDS), "text": self.sentence(r.randint(15, 30)),
                                 "sources": rec["sources"][:1]} for _ in range(r.randint(1, 2) if self.rich else 1)]
            out.append(rec)
        return out

    def figures(self) -> list[dict[str, Any]]:
        r, out = self.rng, []
        for i in range(self.n_figures):
            rec: dict[str, Any] = {"id": f"figure-{i}", "event": f"event-{r.randrange(self.n)}",
                                   "what": f"{r.choice(_NOUNS)} {r.choice(_WORDS)}"}
            if r.random() < 0.7:
                rec["value"] = r.randint(1, 3_000_000)
            else:
                lo = r.randint(1, 100_000)
                rec["low"], rec["high"] = lo, lo + r.randint(0, 50_000)
            rec["unit"] = r.choice(_UNITS)
            rec["approximate"] = r.random() < 0.4
            rec["reported_by"] = r.choice(("exhibit panel", "MVD report", "memoir", "Memorial"))
            if r.random() < 0.5:
                rec["date"] = self.edtf()
            rec["sources"] = self._ids("src", self.n_sources, 1, 2)
            out.append(rec)
        return out

    def _ids(self, prefix: str, count: int, lo: int, hi: int, *, first: str | None = None) -> list[str]:
        k = self.rng.randint(lo, hi)
        picks = sorted({self.rng.randrange(1 if prefix == "src" else 0, count) for _ in range(k)})
        ids = [f"{prefix}-{j}" for j in picks]
        if prefix == "place":
            ids = [TARGET_ID if j == count // 2 else f"place-{j}" for j in picks]
        if first is not None and self.rng.random() < 0.3:
            ids = [first, *ids]
        return ids

    def store(self) -> dict[str, Any]:
        meta = {
            "title": f"Synthetic benchmark store, {self.n} events",
            "version": "bench",
            "license": "CC0; generated by bench/generate.py",
            "description": (f"Generated by bench/generate.py with n={self.n} seed={self.seed}; "
                            f"target place {TARGET_ID} named {TARGET_NAME!r}."),
        }
        store: dict[str, Any] = {"meta": meta, "sources": self.sources(), "tags": self.tags(), "places": self.places(),
                                 "people": self.people(), "terms": self.terms(), "events": self.events(),
                                 "figures": self.figures()}
        check_target(store["places"])
        return store


def place_names(p: dict[str, Any]) -> list[str]:
    """Every name a place answers to under the tool's rules (id, names, region, country ...)."""
    keys = ("id", "name", "cyrillic", "complex", "modern_name", "region", "country")
    return [*(p[k] for k in keys if p.get(k)), *p.get("names", [])]


def check_target(places: list[dict[str, Any]]) -> None:
    """Fail unless the query TARGET_NAME matches, as whole words, exactly the target place."""
    q = re.compile(rf"(?<!\w){re.escape(folded_words(TARGET_NAME))}(?!\w)")
    hits = [p["id"] for p in places if any(q.search(folded_words(n)) for n in place_names(p))]
    if hits != [TARGET_ID]:
        raise SystemExit(f"generator bug: {TARGET_NAME!r} matches places {hits}, not just {TARGET_ID}")


def default_path(n: int, seed: int = DEFAULT_SEED, indent: int = 2, *, rich: bool = False) -> Path:
    suffix = "" if (seed, indent) == (DEFAULT_SEED, 2) else f"-s{seed}-i{indent}"
    return OUT_DIR / f"store-{n}{'-rich' if rich else ''}{suffix}.json"


def write(n: int, *, seed: int = DEFAULT_SEED, indent: int = 2, path: Path | None = None, rich: bool = False) -> Path:
    """Generate and write the store; written to a temporary name first so a crash leaves no half file."""
    path = path or default_path(n, seed, indent, rich=rich)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Generator(n, seed, rich=rich).store()
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(store, fh, ensure_ascii=False, indent=indent or None)
        fh.write("\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of events")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("--indent", type=int, default=2,
                    help="JSON indent; 2 (default) is how data/events.json is written, 0 is compact")
    ap.add_argument("--rich", action="store_true", help="events as full as the bundled ones (descriptions, "
                    "notes, 3-5 sources, a figure each), as well as today's lean ones")
    ap.add_argument("-o", "--output", type=Path, help="file to write (default: bench/out/store-N.json)")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("n must be at least 1")
    path = write(args.n, seed=args.seed, indent=args.indent, path=args.output, rich=args.rich)
    print(f"{path}  ({path.stat().st_size / 1e6:.1f} MB, {args.n} events, target {TARGET_NAME!r} = {TARGET_ID})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
