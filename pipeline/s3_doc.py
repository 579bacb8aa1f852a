"""Stage 3: a spaCy ``Doc`` over the segmented tokens, and the tokenizer that makes one from text."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import spacy

from .s1_read import Document
from .s2_segment import Segmented, segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["Parsed", "VnkgTokenizer", "WordSegmenter", "to_doc", "blank_nlp", "shared_vocab", "WORD_START",
           "WORD_INSIDE", "TOKENIZER"]

# Token.tag_ carries underthesea's word segmentation: B-W begins a word, I-W continues one.
WORD_START, WORD_INSIDE, SPACE = "B-W", "I-W", "_SP"
TOKENIZER = "vnkg.Tokenizer.v1"


@dataclass
class Parsed:
    """A document and its spaCy ``Doc``: ``doc.text`` is the document's text from
    ``doc._.offset`` on (the whole text unless it was read in windows)."""

    document: Document
    doc: Doc


class VnkgTokenizer:
    """spaCy tokenizer: underthesea's sentences and words, vnkg's syllable tokens.

    Each syllable, number or mark is a token; ``tag_`` says whether underthesea
    starts a word there (``B-W``) or continues one (``I-W``), sentence starts
    are set, whitespace other than one space is a token of its own. Registered
    as ``"vnkg.Tokenizer.v1"``.

    Examples
    --------
    >>> doc = blank_nlp()("Bí thư Thành ủy Nguyễn Văn Phong.")
    >>> [(t.text, t.tag_) for t in doc][:4]
    [('Bí', 'B-W'), ('thư', 'I-W'), ('Thành', 'B-W'), ('ủy', 'I-W')]
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return to_doc(segment(Document(id="", name="text", text=text)), self.vocab).doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: object) -> bytes:  # nothing to save: the models ship in underthesea
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> VnkgTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> VnkgTokenizer:
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], VnkgTokenizer]:
    """The factory spaCy's config names (``@tokenizers = "vnkg.Tokenizer.v1"``)."""
    return lambda nlp: VnkgTokenizer(nlp.vocab)


@spacy.Language.factory("vnkg_words", assigns=["token.tag", "token.is_sent_start"])
def make_words(nlp: Language, name: str) -> WordSegmenter:
    return WordSegmenter()


class WordSegmenter:
    """The first component: a Doc from another tokenizer is made again with vnkg's
    tokens, word starts and sentences; a Doc from vnkg's tokenizer passes as it is.

    So vnkg's recognisers also run in a pipeline whose tokenizer is spaCy's own.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    >>> _ = nlp.add_pipe("vnkg_words")
    >>> [t.text for t in nlp("UBND TP.Hà Nội có 1.348ha.")]
    ['UBND', 'TP', '.', 'Hà', 'Nội', 'có', '1.348', 'ha', '.']
    """

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("TAG") or not len(doc):
            return doc
        return to_doc(segment(Document(id="", name="text", text=doc.text)), doc.vocab).doc


@cache
def shared_vocab() -> Vocab:
    """The one vocabulary of vnkg's Docs and pipelines (``to_doc``, ``blank_nlp``, ``pipeline.nlp()``),
    made as ``spacy.blank("vi")`` makes its own (``create_vocab`` with the Vietnamese defaults, empty
    ``"spacy.Vectors.v1"`` vectors) without building a Language for it: extraction builds one only,
    ``pipeline.nlp()``.

    Examples
    --------
    >>> shared_vocab() is blank_nlp().vocab, shared_vocab().lang, shared_vocab()["Hà"].shape_
    (True, 'vi', 'Xx')
    """
    from spacy.util import get_lang_class, registry
    from spacy.vocab import create_vocab

    vocab = create_vocab("vi", get_lang_class("vi").Defaults)
    vocab.vectors = registry.vectors.get("spacy.Vectors.v1")()(vocab)
    return vocab


@cache
def blank_nlp() -> Language:
    """A Vietnamese pipeline with vnkg's tokenizer and no components, built once (on ``shared_vocab``)."""
    return spacy.blank("vi", vocab=shared_vocab(), config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def to_doc(segmented: Segmented, vocab: Vocab | None = None) -> Parsed:
    """Build the ``Doc``: one token per stage-2 token, whitespace kept as
    space tokens, sentence starts and word starts (``tag_``) set.

    Examples
    --------
    >>> from pipeline.s1_read import read_text
    >>> from pipeline.s2_segment import segment
    >>> parsed = to_doc(segment(read_text("Bí thư Thành ủy Nguyễn Văn Phong.\\nHà Nội.")))
    >>> parsed.doc.text == parsed.document.text, [t.tag_ for t in parsed.doc][:4]
    (True, ['B-W', 'I-W', 'B-W', 'I-W'])
    """
    from spacy.tokens import Doc

    window_start, window_end = segmented.window
    text = segmented.document.text[:window_end] if window_end >= 0 else segmented.document.text
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    starts: list[bool | int | None] = []

    def add_gap(gap: str) -> None:
        # A lone space is the previous token's trailing space; anything else is a token.
        if gap == " " and words:
            spaces[-1] = True
            return
        body, trailing = (gap[:-1], True) if gap.endswith(" ") and len(gap) > 1 else (gap, False)
        words.append(body)
        spaces.append(trailing)
        tags.append(SPACE)
        starts.append(not starts)

    cursor = window_start
    for tok in segmented.tokens:
        if tok.start > cursor:
            add_gap(text[cursor:tok.start])
        words.append(tok.text)
        spaces.append(False)
        tags.append(WORD_START if tok.word_start else WORD_INSIDE)
        starts.append(tok.sent_start)
        cursor = tok.end
    if cursor < len(text):
        add_gap(text[cursor:])
    vocab = vocab if vocab is not None else shared_vocab()
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts) if words else Doc(vocab)
    doc._.offset = window_start  # the Doc's text starts there in the document
    return Parsed(segmented.document, doc)


def _register_doc_extensions() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension("offset"):  # where the Doc's text starts in its report (read in windows)
        Doc.set_extension("offset", default=0)
    if not Doc.has_extension("publisher"):  # the publisher the report's metadata names, if any
        Doc.set_extension("publisher", default=None)


_register_doc_extensions()
