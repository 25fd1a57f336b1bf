"""Compile word lists into fast regular expressions.

Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a
list of thousands of names written that way is slow. Factoring the list into a
prefix trie first (``闵(?:行区|...)``) lets the engine reject most positions after
one character, so a 3,000-name gazetteer scans at regex speed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of ``words``, longest alternative first."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _to_regex(trie) if trie else r"(?!x)x"


def _to_regex(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _to_regex(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    # Longer continuations are tried before stopping here (leftmost-longest).
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


@lru_cache(maxsize=256)
def compile_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Compile a tuple of words (cached) into one trie-shaped pattern."""
    return re.compile("(" + trie_pattern(words) + ")")
