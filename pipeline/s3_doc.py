"""Stage 3: a spaCy ``Doc`` over the segmented tokens, text and offsets unchanged."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .s1_read import Document
from .s2_segment import Segmented

__all__ = ["Parsed", "to_doc", "blank_nlp", "WORD_START", "WORD_INSIDE"]

# Token.tag_ carries underthesea's word segmentation in its own BIO scheme.
WORD_START, WORD_INSIDE, SPACE = "B-W", "I-W", "_SP"


@dataclass
class Parsed:
    """A document and its spaCy ``Doc``: ``doc.text`` is the document's text from
    ``doc.user_data["offset"]`` (the whole text unless it was read in windows)."""

    document: Document
    doc: "spacy.tokens.Doc"  # noqa: F821


@cache
def blank_nlp():
    """A blank Vietnamese spaCy pipeline that never calls pyvi.

    Tokenisation is done by stage 2, so only the vocabulary and the
    component machinery are used.
    """
    import spacy
    from spacy.tokens import Span

    if not Span.has_extension("attrs"):
        Span.set_extension("attrs", getter=_get_attrs, setter=_set_attrs)
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def to_doc(segmented: Segmented) -> Parsed:
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
    words, spaces, tags, starts = [], [], [], []

    def add_gap(gap: str) -> None:
        # A lone space is the previous token's trailing space; anything else is a token.
        if gap == " " and words:
            spaces[-1] = True
            return
        body, trailing = (gap[:-1], True) if gap.endswith(" ") and len(gap) > 1 else (gap, False)
        words.append(body)
        spaces.append(trailing)
        tags.append(SPACE)
        starts.append(False if starts else True)

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
    nlp = blank_nlp()
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts) if words else Doc(nlp.vocab)
    doc.user_data["offset"] = window_start  # the Doc's text starts there in the document
    doc.user_data["texts"] = words  # the token texts, for loops that need no Token objects
    doc.user_data["sentences"] = segmented.sentences  # their offsets in the document text
    return Parsed(segmented.document, doc)


# Span extension values are kept per label and offsets: spaCy's own default
# storage keys them by offsets alone, so a place and an organisation over the
# same words would share (and overwrite) their attributes.
def _get_attrs(span):
    return span.doc.user_data.get(("vnkg", span.label_, span.start, span.end))


def _set_attrs(span, value):
    span.doc.user_data[("vnkg", span.label_, span.start, span.end)] = value
