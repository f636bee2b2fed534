"""A regular expression that matches any word of a large list, built as a trie.

Python's ``re`` tries the branches of a flat alternation one by one; nesting the words by
their common prefixes lets it reject a position after one character, so scanning a text
for thousands of names stays linear and fast. Longer words win at the same position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def trie_pattern(words: Iterable[str]) -> str:
    """The regex source matching any of ``words``, longest first at each position."""
    return _trie_pattern(frozenset(word for word in words if word))


@lru_cache(maxsize=1024)
def _trie_pattern(words: frozenset[str]) -> str:
    """The pattern depends only on the set of words (branches are sorted), so it is remembered:
    the organization extractor builds one per article from the article's places."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root) if root else "(?!)"


def _render(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Every occurrence of every word, overlaps included, as (start, -length, word) sorted: leftmost
    first and, at one position, longest first."""
    hits = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            hits.append((i, -len(word), word))
            i = text.find(word, i + 1)
    hits.sort()
    return hits
