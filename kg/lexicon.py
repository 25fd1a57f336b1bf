"""Find the words of a word list in text: leftmost-longest, non-overlapping.

Gazetteers (3,000 region names, every department alias, hospital names, suffix lists)
are searched with an Aho–Corasick automaton (``ahocorasick_rs``, a binding of the Rust
``aho-corasick`` crate), which reads the text once whatever the number of words. A
trie-shaped Python regex gave the same matches 25–30× slower, and pyahocorasick's
``iter_long`` misses matches behind failure links (its issues #133, #185, #189).

Matches follow regex alternation semantics: the leftmost match wins, and of the words
starting there the longest; scanning resumes after it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import ahocorasick_rs


class WordMatch:
    """One match, with the accessors of ``re.Match`` that callers use."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index not in (0, 1):
            raise IndexError("no such group")
        return self._word

    def __repr__(self) -> str:
        return f"<WordMatch span=({self._start}, {self._end}) match={self._word!r}>"


# whole-text automata of at most this many words are DFAs; larger ones contiguous NFAs
DFA_MOST_WORDS = 1000


def automaton(words: Iterable[str], whole_text: bool = False,
              matchkind: object = ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST) -> ahocorasick_rs.AhoCorasick:
    """An automaton of ``words``. ``whole_text``: one that reads every document from
    end to end, built as a DFA, which searches twice as fast (10 ns a character
    instead of 20) for four times the build time and memory, once per process — if
    the list is small. The DFA of the 3,171 region names (9 MB) searched documents
    at 64-75 ns a character inside a build, where its states have left the CPU's
    caches between documents, against 45-56 for the contiguous NFA of the same names
    (five alternating runs over 400 documents); it also took 13 ms to build instead
    of 3. The small automata made for each jurisdiction, used on short
    texts, stay (noncontiguous) NFAs."""
    words = list(words)
    if whole_text:
        implementation = (ahocorasick_rs.Implementation.DFA if len(words) <= DFA_MOST_WORDS
                          else ahocorasick_rs.Implementation.ContiguousNFA)
        return ahocorasick_rs.AhoCorasick(words, matchkind=matchkind, implementation=implementation)
    return ahocorasick_rs.AhoCorasick(words, matchkind=matchkind)


class WordMatcher:
    """A compiled word list. ``finditer``/``search``/``match`` mirror ``re.Pattern``."""

    def __init__(self, words: tuple[str, ...], whole_text: bool = False) -> None:
        # longest first: the order the automaton's match indexes refer to, and the one
        # that makes leftmost-first find what leftmost-longest finds
        self.words = tuple(sorted({w for w in words if w}, key=lambda w: (-len(w), w)))
        self.longest = len(self.words[0]) if self.words else 0
        if not self.words:
            self._ac = None
        elif whole_text:
            # the crate's leftmost-first DFA search is never slower than its
            # leftmost-longest one, and on some lists much faster (5x on the
            # consortium suffixes)
            self._ac = automaton(self.words, True, ahocorasick_rs.MATCHKIND_LEFTMOST_FIRST)
        else:
            self._ac = automaton(self.words)

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, word) of every match in ``text[pos:endpos]``, in text offsets."""
        if self._ac is None:
            return []
        words = self.words
        if pos or endpos is not None:
            part = text[pos:endpos]
            return [(pos + s, pos + e, words[i]) for i, s, e in self._ac.find_matches_as_indexes(part)]
        return [(s, e, words[i]) for i, s, e in self._ac.find_matches_as_indexes(text)]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        for s, e, w in self.spans(text, pos, endpos):
            yield WordMatch(s, e, w)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        found = self.spans(text, pos, endpos)
        return WordMatch(*found[0]) if found else None

    def match(self, text: str, pos: int = 0) -> WordMatch | None:
        """The longest word starting exactly at ``pos``."""
        found = self.spans(text, pos, pos + self.longest)
        if found and found[0][0] == pos:
            return WordMatch(*found[0])
        return None


@lru_cache(maxsize=256)
def compile_words(words: tuple[str, ...], whole_text: bool = False) -> WordMatcher:
    """Compile a tuple of words (cached) into one matcher; ``whole_text`` for one that
    scans every document (see :func:`automaton`)."""
    return WordMatcher(words, whole_text)


class PrefixWords:
    """A word list to peel off the front of a name ("县级综合" → 县级, then 综合), the
    longest word each time. Looks up the text's prefix of each word length in a set:
    a few probes per step, where testing every word with ``startswith`` costs one
    call per word (a generic-word list has dozens)."""

    __slots__ = ("words", "lengths", "firsts")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        self.firsts = frozenset(w[0] for w in self.words)

    def prefix_length(self, text: str, keep: int = 0) -> int:
        """Length of the longest word ``text`` starts with that leaves at least
        ``keep`` characters after it; 0 if there is none."""
        if text[:1] not in self.firsts:  # most texts start with no word: one probe
            return 0
        words = self.words
        for k in self.lengths:
            if len(text) - k >= keep and text[:k] in words:
                return k
        return 0

    def peel(self, text: str) -> str:
        """``text`` without the words at its front."""
        while k := self.prefix_length(text):
            text = text[k:]
        return text

    def covers(self, text: str) -> bool:
        """Is ``text`` nothing but these words?"""
        return not self.peel(text)
