"""Part-of-speech tags of a Doc's words, from underthesea's tagger, one sentence at a time and only on demand."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..s2_underthesea import pos_function, pos_tag, pos_templates
from .lookup import word_at
from .tokens import table

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["WordTags", "features"]


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
            for tok, tag in zip(starts, pos_tag(features(words, _templates())), strict=True):
                self._tags[tok] = tag


def features(words: list[str], templates: tuple[_Template, ...] | None = None) -> list[list[str]]:
    """The features underthesea's ``pos_tag`` gives its CRF for a sentence's words (its
    ``TaggedTransformer``, which remakes the sentence's columns for every word and template:
    time quadratic in the sentence), made in time linear in it.

    >>> from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor
    >>> words = ["Cục", "Đầu tư", "nước ngoài", "cho biết", "."]
    >>> ours = features(words)
    >>> ours == CRFPOSTagPredictor.Instance().transformer.transform([[(w, "X") for w in words]])[0][0]
    True
    >>> ours[1][:3]
    ['T[-2].lower=BOS', 'T[-1].lower=cục', 'T[0].lower=đầu tư']
    """
    templates = templates if templates is not None else _templates()
    n, out = len(words), []
    for i in range(n):
        row = []
        for syntax, first, last, column, function in templates:
            if i + first < 0:
                row.append(f"{syntax}=BOS")
                continue
            if i + first >= n or last is not None and i + last >= n:
                row.append(f"{syntax}=EOS")
                continue
            count = 1 if last is None else last - first + 1
            # column 1 is the tag column pos_tag fills with "X"
            word = " ".join(words[i + first:i + first + count]) if column == 0 else " ".join(["X"] * count)
            row.append(f"{syntax}={word if function is None else pos_function(function, word)}")
        out.append(row)
    return out


# (template, first row, last row or None, column, function or None), as underthesea reads "T[-2,-1][1].lower"
_Template = tuple[str, int, "int | None", int, "str | None"]


@cache
def _templates() -> tuple[_Template, ...]:
    out = []
    for syntax in pos_templates():
        m = re.match(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(.*)\])?(?:\.(.*))?$", syntax)
        if m is None:
            raise ValueError(f"underthesea's pos_tag template {syntax!r} is none vnkg reads")
        first, last, column, function = m.groups()
        out.append((syntax, int(first), int(last) if last else None, int(column) if column else 0, function))
    return tuple(out)
