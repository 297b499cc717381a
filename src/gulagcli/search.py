"""One search over everything in the store: events, places, people, terms, figures, sources.

Three steps, kept apart so that the compiled store can hold the expensive one ready-made:

1. :func:`index` reads every document once (:func:`gulagcli.documents.documents`: folded words
   per weighted field) into postings: for each word, the documents holding it and the weight of
   the best field it is in. The compiled store holds the same words in an SQLite FTS5 index, one
   column per weight (:func:`gulagcli.documents.texts`, tables.py), and reads them back as the
   same postings, so a search there folds and stems nothing but the query.
2. :func:`expand` turns each query word into the stored words it stands for, each with a
   quality: the word itself, the same stem (deaths ~ death), a longer word it starts
   (amnest ~ amnesty), a synonym (deaths ~ killed) or a close spelling (kenigr ~ kengir).
   Only the vocabulary is looked at, never the documents.
3. :func:`ranked` keeps the documents holding, for every query word, one of its words, and
   scores them: per query word, the weight of the best field it is found in times the quality
   of the match. One function for the plain loader and the compiled store, so both rank alike.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from .documents import WEIGHTS, Doc, SearchHit, documents
from .errors import UsageError
from .match import CLOSE_WORD, MIN_FUZZY_LEN, similar, stem, synonyms, typo, words
from .models import Kind, Store
from .query import MAX_SEARCH

# How good a match is, by how the stored word was reached from the query word.
EXACT, SAME_STEM, PREFIX, SYNONYM, CLOSE_SPELLING = 1.0, 0.9, 0.8, 0.7, 0.6

NO_HITS = "nothing in the store matches that search"  # on stderr, for a table; exit 0


def expand(word: str, vocab: Collection[str]) -> dict[str, float]:
    """The stored words a query word stands for, each with the quality of the match."""
    root = stem(word)
    related = synonyms(root)
    found: dict[str, float] = {}
    # Stemming the whole vocabulary costs more than the search: only words sharing the first
    # three letters of the query's stem or of a synonym can have the same stem.
    heads = {root[:3]} | {s[:3] for s in related}
    for w in vocab:
        if w == word:
            quality = EXACT
        elif w[:3] in heads and (s := stem(w)) in (root, *related):
            quality = SAME_STEM if s == root else SYNONYM
        elif w.startswith(word):
            quality = PREFIX
        else:
            continue
        found[w] = max(found.get(w, 0.0), quality)
    if len(word) >= MIN_FUZZY_LEN:
        for w, score in similar(word, vocab, cutoff=CLOSE_WORD):
            if typo(word, w):
                found.setdefault(w, CLOSE_SPELLING * score / 100)
    return found


class Index(Protocol):
    """Postings of every document, in memory (:class:`Postings`) or in the compiled store."""

    def vocabulary(self) -> Collection[str]:
        """Every word of every document."""
        ...

    def postings(self, word: str) -> Sequence[int]:
        """The documents holding ``word``: ``seq << 3 | weight code`` each, in document order."""
        ...

    def span(self, kind: Kind) -> range:
        """The sequence numbers of the documents of one kind (documents come kind by kind)."""
        ...


class Postings:
    """The postings of documents read once, and each document's kind, id and name."""

    def __init__(self) -> None:
        self.words: dict[str, array[int]] = {}
        self.docs: list[tuple[Kind, str, str]] = []
        self.spans: dict[Kind, range] = {}

    def vocabulary(self) -> Collection[str]:
        return self.words.keys()

    def postings(self, word: str) -> Sequence[int]:
        return self.words.get(word, ())

    def span(self, kind: Kind) -> range:
        return self.spans.get(kind, range(0))


def index(docs: Iterable[Doc]) -> Postings:
    """Postings of ``docs``, numbered in the order given (the order equal scores keep)."""
    out = Postings()
    words = out.words
    first: dict[Kind, int] = {}
    for seq, doc in enumerate(docs):
        if doc.kind not in first:
            first[doc.kind] = seq
        elif out.docs[-1][0] is not doc.kind:  # the spans of kinds below would be wrong
            raise ValueError(f"documents of kind {doc.kind.value} are not together")
        out.docs.append((doc.kind, doc.id, doc.name))
        best: dict[str, int] = {}
        # Lightest field first, so that a word's best (lowest) code is the one left.
        for code, ws in sorted(((WEIGHTS.index(weight), ws) for weight, ws in doc.fields), reverse=True):
            best.update(dict.fromkeys(ws, code))
        for w, code in best.items():
            held = words.get(w)
            if held is None:
                held = words[w] = array("I")
            held.append(seq << 3 | code)
    starts = sorted((seq, kind) for kind, seq in first.items())
    ends = [seq for seq, _ in starts[1:]] + [len(out.docs)] * bool(starts)  # an empty store: no spans
    out.spans = {kind: range(seq, end) for (seq, kind), end in zip(starts, ends, strict=True)}
    return out


def query_words(text: str) -> list[str]:
    """The distinct folded words of a search; a UsageError for a search of none or too long."""
    if len(text) > MAX_SEARCH:  # a longer text is not a search, and would take long to rank
        raise UsageError(f"the search is {len(text)} characters long; at most {MAX_SEARCH}")
    qwords = list(dict.fromkeys(words(text)))
    if not qwords:
        what = "empty search" if not text.strip() else f"{text.strip()!r} holds no word to look for"
        raise UsageError(f"{what}; give one or more words, e.g. `gulag search amnesty`")
    # Every word must match, so "amnesty of 1953" would only find texts with an "of": common
    # words are left out beside others (a search of common words alone keeps them).
    return [w for w in qwords if w not in COMMON] or qwords


COMMON = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or", "the",
    "to", "was", "were", "with",
    "и", "в", "во", "на", "с", "со", "о", "об", "по", "к", "из", "за", "от", "для",  # Russian
    "der", "das", "und", "von", "im",  # German ("die" is an English word too)
})


def ranked(idx: Index, qwords: list[str], *, kinds: Iterable[Kind] = ()) -> list[tuple[int, float]]:
    """The documents holding every query word (one of the words it stands for), as (sequence
    number, score), best first; equal scores keep the documents' order."""
    vocab = idx.vocabulary()
    per_word = _compounds(idx, qwords, [_best(idx, vocab, qword) for qword in qwords])
    spans = [idx.span(kind) for kind in dict.fromkeys(kinds)]
    hits = []
    for seq in min(per_word, key=len):
        if all(seq in best for best in per_word) and (not spans or any(seq in span for span in spans)):
            score = 0.0
            for best in per_word:
                score += best[seq]
            hits.append((seq, round(score, 2)))
    hits.sort(key=lambda hit: (-hit[1], hit[0]))
    return hits


def _best(idx: Index, vocab: Collection[str], qword: str) -> dict[int, float]:
    """Per document holding one of the words ``qword`` stands for, the best of weight x quality:
    the same as the best field's weight times the best quality of the words in it."""
    best: dict[int, float] = {}
    get = best.get
    for w, quality in expand(qword, vocab).items():
        for entry in idx.postings(w):
            seq, value = entry >> 3, WEIGHTS[entry & 7] * quality
            if value > get(seq, 0.0):
                best[seq] = value
    return best


def _compounds(idx: Index, qwords: list[str], found: list[dict[int, float]]) -> list[dict[int, float]]:
    """``found`` with a compound written apart or together read as the store writes it: a word
    that finds nothing is joined to its neighbour ("ust vymlag" for Ustvymlag) or, failing
    that, split into two stored words ("kokterek" for Kok-Terek). Only a stored word exactly
    so counts, never a close spelling of one (or "amnesty zz" would find "amnesty" alone),
    nor halves that are common words ("inat"); a search whose every word finds something pays
    nothing."""
    out: list[dict[int, float]] = []
    taken = False  # the word before took this one in
    for i, qword in enumerate(qwords):
        if taken:
            taken = False
        elif found[i]:
            out.append(found[i])
        elif i + 1 < len(qwords) and (joined := _exactly(idx, qword + qwords[i + 1])):
            out.append(joined)
            taken = True
        elif i and out and out[-1] is found[i - 1] and (joined := _exactly(idx, qwords[i - 1] + qword)):
            out[-1] = joined
        else:
            out.append(_split(idx, qword))
    return out


def _exactly(idx: Index, word: str) -> dict[int, float]:
    """The documents holding ``word`` itself, each with its best field's weight."""
    return {entry >> 3: WEIGHTS[entry & 7] for entry in idx.postings(word)}


def _split(idx: Index, word: str) -> dict[int, float]:
    """The documents holding both halves of ``word`` as stored words, the lighter half's weight
    each (a split at the first place both halves are words, each at least two letters and
    neither a common word)."""
    for cut in range(2, len(word) - 1):
        if word[:cut] in COMMON or word[cut:] in COMMON:
            continue
        if (head := _exactly(idx, word[:cut])) and (tail := _exactly(idx, word[cut:])):
            return {seq: min(weight, tail[seq]) for seq, weight in head.items() if seq in tail}
    return {}


def search(store: Store, text: str, *, kinds: Iterable[Kind] = (), limit: int | None = None) -> list[SearchHit]:
    """Everything in the store matching every word of ``text``, most relevant first."""
    qwords = query_words(text)
    idx = index(documents(store))
    hits = [SearchHit(*idx.docs[seq], score) for seq, score in ranked(idx, qwords, kinds=kinds)]
    return hits if limit is None else hits[:limit]
