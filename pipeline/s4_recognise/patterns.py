"""Patterns as data: ``pipeline/patterns/*.jsonl`` in spaCy's format, matched over a Doc."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..s2_segment import tokenise
from .lookup import begins_word, word_ends_at
from .tokens import table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PatternMatcher", "read_patterns"]

Match = tuple[str, int, int]


@cache
def read_patterns(name: str) -> tuple[tuple[str, Any], ...]:
    """(label, pattern) of every line of ``pipeline/patterns/<name>.jsonl``; lines
    starting with ``//`` are the file's header.

    >>> ("EVENT", "hội nghị") in read_patterns("events")
    True
    """
    text = resources.files("pipeline").joinpath("patterns").joinpath(f"{name}.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//")]
    return tuple((row["label"], row["pattern"]) for row in rows)


class PatternMatcher:
    """The patterns of one file, matched over a Doc.

    A string pattern is a phrase, tokenised like a report and matched in lower
    case (``PhraseMatcher``); a list is a token pattern (``Matcher``, longest
    match). With ``whole_words`` a match must begin and end on underthesea's
    word boundaries ("dự" is no match inside "dự án"; see ``lookup.begins_word``).

    Examples
    --------
    >>> from pipeline import nlp
    >>> cues = PatternMatcher(nlp(), "event_cues", whole_words=True)
    >>> doc = nlp().make_doc("Ông A cho biết dự án sẽ khởi công. Bà B dự hội nghị.")
    >>> [(label, doc[s:e].text) for label, s, e in cues(doc)]
    [('speech', 'cho biết'), ('attend', 'dự')]
    """

    def __init__(self, nlp: Language, name: str, whole_words: bool = False):
        from spacy.matcher import Matcher, PhraseMatcher
        from spacy.tokens import Doc

        self.whole_words = whole_words
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        token_patterns = []
        for label, pattern in read_patterns(name):
            if isinstance(pattern, str):
                words = [t for t, _, _ in tokenise(pattern)]
                self.phrases.add(label, [Doc(nlp.vocab, words=words)])
            else:
                self.tokens.add(label, [pattern], greedy="LONGEST")
                token_patterns.append(pattern)
        self.first_words, self.longest = _first_words(token_patterns)
        self._found: WeakKeyDictionary[Doc, list[Match]] = WeakKeyDictionary()

    def __call__(self, doc: Doc) -> list[Match]:
        """(label, start token, end token) of every match, in text order."""
        cached = self._found.get(doc)
        if cached is not None:
            return cached
        strings = doc.vocab.strings
        raw = [*(self.phrases(doc) if len(self.phrases) else ()),
               *(self._token_matches(doc) if len(self.tokens) else ())]
        found = [(strings[key], start, end) for key, start, end in raw]
        if self.whole_words:
            found = [m for m in found if begins_word(doc, m[1]) and word_ends_at(doc, m[2])]
        found.sort(key=lambda m: (m[1], -m[2]))
        self._found[doc] = found
        return found

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The token patterns' matches: spaCy's ``Matcher`` run only over the stretches of the Doc
        where a match can start (a token whose lower form a pattern's first token names) and
        fit (the longest pattern's length on from there), merged where they overlap: the same
        matches as over the whole Doc, without a ``Token`` object for every token of it."""
        if self.first_words is None:
            return [(key, start, end) for key, start, end in self.tokens(doc)]
        lower = table(doc).lower
        windows: list[list[int]] = []
        for i, word in enumerate(lower):
            if word in self.first_words:
                end = min(len(lower), i + self.longest)
                if windows and i < windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], end)
                else:
                    windows.append([i, end])
        return [(key, start + s, end + s) for s, e in windows for key, start, end in self.tokens(doc[s:e])]


def _first_words(patterns: list[Any]) -> tuple[frozenset[str] | None, int]:
    """The lower forms the patterns' first tokens must have, and the longest pattern's length in
    tokens; None when a pattern's first token may be any word or a pattern has no longest length
    (a first token without LOWER, an operator that repeats or skips it).

    >>> words, longest = _first_words([[{"LOWER": {"IN": ["sáng", "chiều"]}}, {"TEXT": ",", "OP": "?"}],
    ...                                [{"LOWER": "với"}]])
    >>> sorted(words), longest
    (['chiều', 'sáng', 'với'], 2)
    >>> _first_words([[{"IS_DIGIT": True}]])[0] is None
    True
    """
    words: set[str] = set()
    for pattern in patterns:
        first = pattern[0] if pattern else {}
        lower = first.get("LOWER")
        if isinstance(lower, str):
            names = [lower]
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            names = list(lower["IN"])
        else:
            return None, 0
        if "OP" in first or any(t.get("OP") in ("*", "+") for t in pattern):
            return None, 0
        words.update(n.lower() for n in names)
    return frozenset(words), max((len(p) for p in patterns), default=0)
