"""Lexicon look-ups over a Doc: phrase tables matched with spaCy's PhraseMatcher."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

from ..s2_segment import tokenise
from ..s3_doc import WORD_INSIDE
from ..text import is_capitalised
from .tokens import table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

__all__ = ["PhraseTable", "Hits", "texts", "require_words", "is_cap", "is_alpha", "is_word_start", "word_ends_at",
           "begins_word", "word_at", "is_stopword", "lower", "span_text"]

V = TypeVar("V")
Hits = dict[int, list[tuple[int, V]]]


class PhraseTable(Generic[V]):
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

    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, V]], attr: str = "LOWER"):
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self.attr = attr
        # Matches depend only on a Doc's words: kept while the Doc lives, never in the Doc.
        self._found: WeakKeyDictionary[Doc, Hits[V]] = WeakKeyDictionary()
        pattern = _pattern_of(nlp, attr)
        values: dict[tuple[int, ...], list[V]] = defaultdict(list)
        for phrase, value in phrases:
            words = [t for t, _, _ in tokenise(phrase)]
            if words:
                values[pattern(words)].append(value)
        # A phrase's values by its pattern: the words' values of the attribute, which a match's tokens have.
        self.values = dict(values)
        if values:  # one key for all: PhraseMatcher.add makes a lexeme of each key
            self.matcher.add(_KEY, list(values))  # type: ignore[arg-type]  # patterns of attribute values

    def at(self, doc: Doc) -> Hits[V]:
        """Start token -> [(end token, value)], longest first."""
        cached = self._found.get(doc)
        if cached is not None:
            return cached
        found: Hits[V] = defaultdict(list)
        matches = self.matcher(doc)
        if matches:
            tokens = _attr_values(doc, self.attr)
            for _, start, end in matches:
                for value in self.values[tuple(tokens[start:end])]:
                    found[start].append((end, value))
        for hits in found.values():
            hits.sort(key=lambda h: -h[0])
        self._found[doc] = found
        return found

    def longest(self, doc: Doc, i: int) -> tuple[int, V] | None:
        hits = self.at(doc).get(i)
        return hits[0] if hits else None


def texts(doc: Doc) -> tuple[str, ...]:
    """The Doc's token texts as a plain list, made once per Doc: loops test these
    before paying for spaCy ``Token`` objects."""
    return table(doc).texts


def require_words(doc: Doc, component: str) -> None:
    """Refuse a Doc without vnkg's word segmentation, which every grammar reads.

    Raises
    ------
    ValueError
        Naming the component and how to make a Doc it can read.
    """
    if len(doc) and not doc.has_annotation("TAG"):
        raise ValueError(
            f"{component} needs vnkg's tokens and word starts (Token.tag_): add \"vnkg_words\" first, "
            "or make the Doc with pipeline.nlp() or the tokenizer \"vnkg.Tokenizer.v1\"")


def is_cap(tok: Token) -> bool:
    """A capitalised word token (letters first): "Hà", "UBND", "Ủy"."""
    return tok.text[:1].isalpha() and is_capitalised(tok.text)


def is_alpha(tok: Token) -> bool:
    return tok.text[:1].isalpha()


def is_word_start(tok: Token) -> bool:
    return tok.tag_ != WORD_INSIDE


def word_ends_at(doc: Doc, end: int) -> bool:
    """True when no underthesea word runs across token boundary ``end`` (a
    full stop underthesea glued to "TP.HCM." does not count)."""
    t = table(doc)
    return end >= len(t) or t.word_start[end] or not t.texts[end][:1].isalnum()


def lower(tok: Token) -> str:
    return tok.text.lower()


def begins_word(doc: Doc, i: int) -> bool:
    """True when token ``i`` starts an underthesea word, or continues one that a
    capitalised name begins: underthesea glues a verb to the name before it
    ("Lê Thị Hoa dự"), never to a common word.
    """
    t = table(doc)
    if t.word_start[i]:
        return True
    j = i
    while j > 0 and not t.word_start[j]:
        j -= 1
    return t.texts[j][:1].isalpha() and is_capitalised(t.texts[j])


def word_at(doc: Doc, i: int) -> int:
    """End of the underthesea word that starts at token ``i`` (``i + 1`` inside a word)."""
    t = table(doc)
    end = i + 1
    if not t.word_start[i]:
        return end
    n, starts = len(t), t.word_start
    while end < n and not starts[end]:
        end += 1
    return end


def is_stopword(doc: Doc, i: int, stopwords: Collection[str]) -> bool:
    """True when the underthesea word starting at ``i`` is a function word or a
    frequent verb ("dự" stops a name, "dự án" does not)."""
    t = table(doc)
    if not t.word_start[i]:
        return False
    return t.text(i, word_at(doc, i)).lower() in stopwords


def span_text(doc: Doc, start: int, end: int) -> str:
    return table(doc).text(start, end)


def _pattern_of(nlp: Language, attr: str) -> Callable[[list[str]], tuple[int, ...]]:
    """How a phrase's words become a ``PhraseMatcher`` pattern: the tuple of the values a Doc of
    those words has for the attribute, ``ORTH`` or ``LOWER`` (what ``PhraseMatcher.add`` keeps of a
    Doc, and takes in its place, as spaCy's own unpickling does), made without a Doc and a new
    lexeme for each word."""
    from spacy.attrs import LOWER  # type: ignore[import-not-found]  # compiled, no stub

    vocab = nlp.vocab
    add = vocab.strings.add
    if attr == "ORTH":
        return lambda words: tuple(add(w) for w in words)
    if attr != "LOWER":
        raise ValueError(f"a phrase table matches on LOWER or ORTH, not {attr!r}")
    fold = vocab.lex_attr_getters[LOWER]  # type: ignore[attr-defined]  # what makes a lexeme's lower form
    return lambda words: tuple(add(fold(w)) for w in words)


def _attr_values(doc: Doc, attr: str) -> list[int]:
    """The Doc's tokens' values of the attribute, made once per Doc and attribute."""
    kept = _ATTR_VALUES.setdefault(doc, {})
    if attr not in kept:
        kept[attr] = doc.to_array(attr).tolist()
    return kept[attr]


_KEY = "vnkg_phrase"
_ATTR_VALUES: WeakKeyDictionary[Doc, dict[str, list[int]]] = WeakKeyDictionary()
