"""Lexicon look-ups over a Doc: phrase tables matched with spaCy's PhraseMatcher."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..s2_segment import tokenise
from ..s3_doc import WORD_INSIDE
from ..text import is_capitalised

__all__ = ["PhraseTable", "texts", "is_cap", "is_alpha", "is_word_start", "word_ends_at", "word_at", "is_stopword", "lower", "span_text"]


class PhraseTable:
    """Phrases matched case-insensitively; answers "which phrases start here".

    Parameters
    ----------
    nlp : Language
        The pipeline whose vocabulary the Doc uses.
    phrases : iterable of (phrase, value)
        Each phrase is tokenised like a report, so it matches what stage 2 cut.
    attr : str
        Token attribute to match on, ``"LOWER"`` or ``"ORTH"``.

    Examples
    --------
    >>> from pipeline.s3_doc import blank_nlp
    >>> from spacy.tokens import Doc
    >>> nlp = blank_nlp()
    >>> table = PhraseTable(nlp, [("Bí thư", "secretary"), ("Phó Bí thư", "deputy")])
    >>> doc = Doc(nlp.vocab, words=["Phó", "Bí", "thư", "Thành", "ủy"])
    >>> table.at(doc)[0]
    [(3, 'deputy')]
    """

    def __init__(self, nlp, phrases: Iterable[tuple[str, object]], attr: str = "LOWER"):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.values: dict[str, list[object]] = defaultdict(list)
        patterns = {}
        for phrase, value in phrases:
            words = [t for t, _, _ in tokenise(phrase)]
            if not words:
                continue
            key = " ".join(words).lower() if attr == "LOWER" else " ".join(words)
            self.values[key].append(value)
            if key not in patterns:
                patterns[key] = Doc(nlp.vocab, words=words)
        for key, pattern in patterns.items():
            self.matcher.add(key, [pattern])

    def at(self, doc) -> dict[int, list[tuple[int, object]]]:
        """Start token -> [(end token, value)], longest first."""
        cache = doc.user_data.setdefault("phrase_tables", {})
        if id(self) in cache:
            return cache[id(self)]
        found: dict[int, list[tuple[int, object]]] = defaultdict(list)
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            for value in self.values[strings[match_id]]:
                found[start].append((end, value))
        for hits in found.values():
            hits.sort(key=lambda h: -h[0])
        cache[id(self)] = found
        return found

    def longest(self, doc, i: int) -> tuple[int, object] | None:
        hits = self.at(doc).get(i)
        return hits[0] if hits else None


def texts(doc) -> list[str]:
    """The Doc's token texts as a plain list, made once: loops test these before
    paying for spaCy ``Token`` objects."""
    found = doc.user_data.get("texts")
    if found is None:
        found = doc.user_data["texts"] = [t.text for t in doc]
    return found


def is_cap(tok) -> bool:
    """A capitalised word token (letters first): "Hà", "UBND", "Ủy"."""
    return tok.text[:1].isalpha() and is_capitalised(tok.text)


def is_alpha(tok) -> bool:
    return tok.text[:1].isalpha()


def is_word_start(tok) -> bool:
    return tok.tag_ != WORD_INSIDE


def word_ends_at(doc, end: int) -> bool:
    """True when no underthesea word runs across token boundary ``end`` (a
    full stop underthesea glued to "TP.HCM." does not count)."""
    return end >= len(doc) or doc[end].tag_ != WORD_INSIDE or not doc[end].text[:1].isalnum()


def lower(tok) -> str:
    return tok.text.lower()


def word_at(doc, i: int) -> int:
    """End of the underthesea word that starts at token ``i`` (``i + 1`` inside a word)."""
    end = i + 1
    if doc[i].tag_ == WORD_INSIDE:
        return end
    while end < len(doc) and doc[end].tag_ == WORD_INSIDE:
        end += 1
    return end


def is_stopword(doc, i: int, stopwords) -> bool:
    """True when the underthesea word starting at ``i`` is a function word or a
    frequent verb ("dự" stops a name, "dự án" does not)."""
    if doc[i].tag_ == WORD_INSIDE:
        return False
    return doc[i:word_at(doc, i)].text.lower() in stopwords


def span_text(doc, start: int, end: int) -> str:
    return doc[start:end].text if end > start else ""
