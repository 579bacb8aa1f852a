"""Part-of-speech tags of a Doc's words, from underthesea's tagger, one sentence at a time and only on demand."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lookup import word_at
from .tokens import table

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["WordTags"]


class WordTags:
    """The tag of each underthesea word of one Doc, asked for by token.

    The tagger is underthesea's ``pos_tag`` model, run on the words stage 2
    already cut (no second segmentation), and only on the sentences a grammar
    asks about. One object per Doc and grammar call: it holds that Doc's tags.

    Examples
    --------
    >>> from pipeline import nlp
    >>> doc = nlp()("Cục Đầu tư nước ngoài cho biết.")
    >>> tags = WordTags(doc)
    >>> tags.at(3), tags.at(5)
    ('N', 'V')
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.table = table(doc)
        self._tags: dict[int, str] = {}
        self._done: set[int] = set()

    def at(self, i: int) -> str | None:
        """The tag of the word that starts at token ``i`` (None inside a word or on a space)."""
        t = self.table
        if i >= len(t) or not t.word_start[i] or t.space[i]:
            return None
        start = t.sentence_start(i)
        if start not in self._done:
            self._tag_sentence(start)
        return self._tags.get(i)

    def _tag_sentence(self, start: int) -> None:
        doc, t = self.doc, self.table
        end = t.sentence_end(start)
        starts, words = [], []
        i = start
        while i < end:
            stop = min(word_at(doc, i), end)
            if not t.space[i]:
                starts.append(i)
                words.append(t.text(i, stop))
            i = stop
        self._done.add(start)
        if words:
            for tok, (_, tag) in zip(starts, _tagger().predict(words), strict=True):
                self._tags[tok] = tag


def _tagger() -> Any:
    """underthesea's part-of-speech model (loaded once, by underthesea)."""
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return CRFPOSTagPredictor.Instance()
