"""The token attributes recognisers read, made once per Doc as plain tuples (no spaCy ``Token`` per look)."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..s3_doc import WORD_INSIDE

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TokenTable", "table"]


@dataclass(frozen=True)
class TokenTable:
    """One Doc's tokens as columns: what ``doc[i].text``, ``.lower_``, ``.tag_``,
    ``.is_sent_start``, ``.is_space``, ``.whitespace_`` and ``.idx`` say, indexed by token.

    A recogniser reads these instead of ``doc[i]``: each ``doc[i]`` makes a spaCy
    ``Token`` object, and the recognisers looked at a report's tokens some twenty
    times each.

    Examples
    --------
    >>> from pipeline.s3_doc import blank_nlp
    >>> doc = blank_nlp()("Bí thư Nguyễn Văn Phong phát biểu.\\nHà Nội.")
    >>> t = table(doc)
    >>> t.texts[:3], t.word_start[:3], t.sentence_starts
    (('Bí', 'thư', 'Nguyễn'), (True, False, True), (0, 9))
    >>> t.text(2, 5), t.sentence_of(10), t.sentence_end(2)
    ('Nguyễn Văn Phong', 1, 9)
    """

    doc_text: str
    texts: tuple[str, ...]
    lower: tuple[str, ...]
    word_start: tuple[bool, ...]  # the tag is not I-W: underthesea starts a word here (or a space token)
    sent_start: tuple[bool, ...]
    space: tuple[bool, ...]  # a whitespace token
    space_after: tuple[bool, ...]  # one space follows the token
    idx: tuple[int, ...]  # character offset in the Doc's text
    sentence_starts: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.texts)

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the Doc's text from token ``start`` to the end of token ``end - 1``."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def sentence_of(self, i: int) -> int:
        """The number of the sentence token ``i`` is in."""
        return bisect.bisect_right(self.sentence_starts, i) - 1

    def sentence_start(self, i: int) -> int:
        """The first token of token ``i``'s sentence."""
        return self.sentence_starts[max(0, self.sentence_of(i))] if self.sentence_starts else 0

    def sentence_end(self, i: int) -> int:
        """The token after the last of token ``i``'s sentence."""
        n = self.sentence_of(i) + 1
        return self.sentence_starts[n] if n < len(self.sentence_starts) else len(self.texts)


def table(doc: Doc) -> TokenTable:
    """The Doc's ``TokenTable``, made on first asking and kept while the Doc lives.

    A Doc's tokens do not change once the recognisers run (none retokenises), so the
    table made for the first recogniser serves them all.
    """
    found = _TABLES.get(doc)
    if found is None:
        found = _TABLES[doc] = _make(doc)
    return found


def _make(doc: Doc) -> TokenTable:
    if not len(doc):
        return TokenTable("", (), (), (), (), (), (), (), ())
    strings = doc.vocab.strings
    orth, tag, sent, space, space_after, idx = doc.to_array(
        ["ORTH", "TAG", "SENT_START", "IS_SPACE", "SPACY", "IDX"]).T.tolist()
    inside = strings.add(WORD_INSIDE)
    text_of: Callable[[int], str] = strings.__getitem__
    texts = tuple(map(text_of, orth))
    after = tuple(map(bool, space_after))
    return TokenTable(
        doc_text="".join([t + " " if a else t for t, a in zip(texts, after, strict=True)]),
        texts=texts,
        lower=tuple(map(str.lower, texts)),
        word_start=tuple([t != inside for t in tag]),
        sent_start=tuple([s == 1 for s in sent]),
        space=tuple(map(bool, space)),
        space_after=after,
        idx=tuple(idx),
        sentence_starts=tuple([i for i, s in enumerate(sent) if s == 1]),
    )


_TABLES: WeakKeyDictionary[Doc, TokenTable] = WeakKeyDictionary()
