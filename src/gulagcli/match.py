"""How a typed word or name is matched: folding, close spellings, stems and synonyms.

One matcher for `show`, the filters and `search`, so that what one of them forgives the
others forgive too. The fuzzy matcher (rapidfuzz) and the stemmer (Snowball's English) are
imported on first use only: `timeline` and `show` by id never pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# A name is "close" to a query from this similarity (0-100, rapidfuzz's normalised Indel
# similarity, which is difflib's ratio): "kenigr" ~ "kengir" is 83, "solzhenitsin" 92.
CLOSE = 75.0
# Names worth suggesting after a miss ("moskva" ~ "moscow" is 50).
SUGGEST = 50.0
# A single search word is forgiven a typo from here, and only from 4 letters on: shorter
# words have too many neighbours.
CLOSE_WORD = 80.0
MIN_FUZZY_LEN = 4

# Words a historian uses for the same thing, as Snowball stems. Searching for any of a group
# also finds the others, ranked below the word itself.
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"death", "die", "dead", "kill", "perish", "fatal"}),
    frozenset({"prison", "inmat", "zek", "zeka"}),
    frozenset({"releas", "freed", "liber"}),
    frozenset({"upris", "revolt", "rebellion", "rebel", "mutini", "insurrect"}),
    frozenset({"strike", "stoppag", "walkout"}),
    frozenset({"execut", "shot"}),
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text: "Kengír" and "KENGIR" fold alike."""
    if text.isascii():  # no accents to strip, nothing to decompose: the same result, at C speed
        return text.casefold().strip()
    import unicodedata  # a module of its own: an ASCII query never loads it

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed.translate(_MARKS).replace("ʹ", "").strip()


class _Marks(dict[int, int | None]):
    """A str.translate table that deletes combining marks (accents after NFKD) and lowers a
    capital A-Z, which only the decomposition after case folding brings back ("ℌ" to "H"; SQLite's
    ascii tokenizer, which splits the compiled store's search index, lowers it too).

    It learns each character once, so translating a long text costs a C-speed lookup per
    character, not a Python call (16 s to 1 s when compiling 20 MB of mixed-script text).
    """

    def __missing__(self, code: int) -> int | None:
        import unicodedata

        mark = None if unicodedata.combining(chr(code)) else code + 32 if 65 <= code <= 90 else code
        self[code] = mark
        return mark


_MARKS = _Marks()


class _Breaks(dict[int, int | None]):
    """A str.translate table that folds a text's characters into words and spaces: combining
    marks and "ʹ" go (as :func:`fold` drops them), a word character (``\\w``: alphanumeric or
    "_") stays (a capital A-Z lowered, as by :class:`_Marks`), anything else becomes a space.
    Learnt per character, like :class:`_Marks`."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = None if char == "ʹ" else _MARKS[code]  # what fold drops goes here too
        if kept is not None and not (char.isalnum() or char == "_"):
            kept = 32
        self[code] = kept
        return kept


_BREAKS = _Breaks()


def folded_text(text: str) -> str:
    """A text's folded words separated by whitespace (spaces, as tables.py gives them to SQLite):
    what :func:`words` splits."""
    if text.isascii():
        return text.casefold().translate(_BREAKS)
    import unicodedata

    return unicodedata.normalize("NFKD", text.casefold()).translate(_BREAKS)


def words(text: str) -> list[str]:
    """The folded words of a text: what ``\\w+`` finds in :func:`fold`'s form of it, split in
    C (the compile folds every word of the store; a regular expression took a fifth longer)."""
    return folded_text(text).split()


def phrase(text: str) -> str:
    """A name as the matcher compares it: folded words joined by single spaces."""
    return " ".join(words(text))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # The English module alone: the package's __init__ loads thirty languages.
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a folded word: deaths -> death, killed -> kill."""
    return str(_stemmer().stemWord(word)) if word.isalpha() else word


def synonyms(word_stem: str) -> frozenset[str]:
    """Stems that mean the same as ``word_stem`` (without it)."""
    return frozenset().union(*(g for g in SYNONYMS if word_stem in g)) - {word_stem}


def similar(query: str, choices: Iterable[str], *, cutoff: float = CLOSE, limit: int | None = None
            ) -> list[tuple[str, float]]:
    """Choices spelt like ``query``, most similar first, with their similarity (0-100)."""
    from rapidfuzz import fuzz, process

    pool = list(dict.fromkeys(choices))
    found = process.extract(query, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit or len(pool))
    return [(choice, score) for choice, score, _ in found]


def typo(query: str, word: str) -> bool:
    """``word`` is ``query`` with a small typo: one letter wrong, missing, extra, or two swapped
    ("kenigr" for "kengir"), or two such slips in a word of eight letters or more. Similarity
    alone let a short name stand for a longer one that holds its letters: "grossman" was close
    to "roman" (77), "trotsky" to "tomsky" (83)."""
    from rapidfuzz.distance import DamerauLevenshtein

    allowed = 1 if len(query) <= 7 else 2
    return DamerauLevenshtein.distance(query, word, score_cutoff=allowed) <= allowed


def suggest(query: str, names_of: dict[str, list[str]], *, n: int = 3) -> list[str]:
    """Up to ``n`` keys whose names are spelt closest to ``query``, for a "did you mean"."""
    by_name: dict[str, str] = {}
    for key, names in names_of.items():
        for name in names:
            by_name.setdefault(phrase(name), key)
    close = similar(phrase(query), [name for name in by_name if name], cutoff=SUGGEST, limit=n * 3)
    return list(dict.fromkeys(by_name[name] for name, _ in close))[:n]
