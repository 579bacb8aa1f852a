"""Stage 2: sentences and words with underthesea, tokens with character offsets."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .s1_read import Document
from .s2_tokens import tokenise, tokens_from
from .s2_underthesea import normalise, sent_tokenize, word_pattern

__all__ = ["Token", "Segmented", "segment", "tokenise", "MAX_SENTENCE", "MAX_RUN"]

# The longest "sentence", in characters. Every mention keeps its sentence's text, so a long line
# with many names would cost its length times its names; longer sentences are cut, at a space
# where there is one. 3,000 keeps whole every sentence of the 2,132 news texts (the longest
# has 2,671 characters).
MAX_SENTENCE = 3_000
# underthesea's word tokenizer takes time quadratic in a run of characters without a space
# ("1.1.1.…": 8,000 characters take 1.6 s), and even in pieces of 500 reads "1." at 20,000
# characters/s; a longer run is not given to it: its words are vnkg's tokens. The longest run
# in the news texts is a URL of 202 characters.
MAX_RUN = 500


class Token(NamedTuple):
    """A syllable, number or punctuation mark of the normalised text.

    ``word_start`` is True when underthesea's word segmentation starts a word
    here (so "Nguyễn Văn Phong" is three tokens, the first starting a word).
    A named tuple: a report has hundreds of thousands, made three times faster
    than frozen dataclasses.
    """

    text: str
    start: int
    end: int
    word_start: bool
    sent_start: bool


@dataclass(frozen=True)
class Segmented:
    """A document cut into sentences, words and tokens; all offsets into ``document.text``."""

    document: Document
    sentences: tuple[tuple[int, int], ...]
    words: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...]
    window: tuple[int, int] = (0, -1)  # the part of the text segmented; -1: to the end


def segment(document: Document, window: tuple[int, int] | None = None) -> Segmented:
    """Split a document (or the ``window`` of it, start and end offsets) into
    sentences (per line, then underthesea's ``sent_tokenize``, then cut to at
    most ``MAX_SENTENCE`` characters), words (``word_tokenize``; a run without
    a space longer than ``MAX_RUN`` is words of its tokens) and tokens; offsets
    always count from the text's start. Time and memory are linear in the text.

    Examples
    --------
    >>> from pipeline.s1_read import read_text
    >>> seg = segment(read_text("Dự hội nghị có ông Nguyễn Văn Phong. Hà Nội tăng 37 bậc."))
    >>> len(seg.sentences), [seg.document.text[s:e] for s, e in seg.words][3:5]
    (2, ['ông', 'Nguyễn Văn Phong'])
    """
    start, end = window or (0, len(document.text))
    text = document.text
    sentences: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    tokens: list[Token] = []
    pieces: list[str] = []  # for underthesea's tokenizer and word tagger, all at once
    parts: list[tuple[int, int, list[tuple[str, int, int]] | None]] = []  # (sentence, where, a run's tokens)
    for line_start, line in _lines(text[start:end], start):
        for s_start, s_end in _capped(line, _sentences(line, sent_tokenize(line))):
            sentence = line[s_start:s_end]
            s_start += line_start
            sentences.append((s_start, s_start + len(sentence)))
            for offset, piece, run in _pieces(sentence):
                parts.append((len(sentences), s_start + offset, tokenise(piece) if run else None))
                if not run:
                    pieces.append(piece)
    cuts = iter(_words_of(pieces))
    last = 0
    for number, at, found in parts:
        if found is None:  # a piece: underthesea's words, and vnkg's tokens cut from underthesea's tokens
            piece_words, found = next(cuts)
        else:  # a long run without a space: its words are its tokens
            piece_words = [(t_start, t_end) for _, t_start, t_end in found]
        words += [(at + w_start, at + w_end) for w_start, w_end in piece_words]
        word_starts = {w_start for w_start, _ in piece_words}
        for tok, t_start, t_end in found:
            first, last = number != last, number
            tokens.append(Token(tok, at + t_start, at + t_end, first or t_start in word_starts, first))
    return Segmented(document, tuple(sentences), tuple(words), tuple(tokens), (start, end))


class _Cut(NamedTuple):
    """A piece of a sentence cut: underthesea's words and vnkg's tokens, offsets in the piece."""

    words: list[tuple[int, int]]
    tokens: list[tuple[str, int, int]]


def _words_of(pieces: list[str]) -> list[_Cut]:
    """Each piece cut once: underthesea's regex tokens (``word_tokenize``'s own, with their
    offsets) tagged by its CRF word tagger, all the pieces of a document at once, give the words
    (no word is looked for again in the text, as ``_align`` does) and, where they are a whole
    alphabetic run between spaces, vnkg's tokens (``s2_tokens.tokens_from``).

    >>> [[p[s:e] for _, s, e in cut.tokens] for p, cut in zip(["UBND TP.Hà Nội có 1.348ha."], _words_of(
    ...     ["UBND TP.Hà Nội có 1.348ha."]))]
    [['UBND', 'TP', '.', 'Hà', 'Nội', 'có', '1.348', 'ha', '.']]
    """
    model = _word_model()
    out = [_Cut([], []) for _ in pieces]
    batch: list[tuple[int, list[tuple[int, int]], list[str]]] = []  # (piece, token spans, tokens)
    for k, piece in enumerate(pieces):
        text = model.normalise(piece)
        if len(text) != len(piece):  # underthesea changed a character's length: find its words in the piece
            from underthesea import word_tokenize

            out[k] = _Cut(list(_align(piece, word_tokenize(piece, use_token_normalize=False))), tokenise(piece))
            continue
        matches = list(model.pattern.finditer(text))
        spans = [(m.start(), m.end()) for m in matches]
        out[k] = _Cut([], tokens_from(piece, spans))
        if matches:
            batch.append((k, spans, [m.group() for m in matches]))
    for (k, spans, _), starts in zip(batch, model.tag([tokens for _, _, tokens in batch]), strict=True):
        words = out[k].words
        for (t_start, t_end), word_start in zip(spans, starts, strict=True):
            if not word_start and words:
                words[-1] = (words[-1][0], t_end)
            else:
                words.append((t_start, t_end))
    return out


class _WordModel(NamedTuple):
    """What underthesea's ``word_tokenize`` runs: its character normalisation, its token
    regex and its CRF word tagger (sentences of tokens to whether each token starts a word)."""

    normalise: Callable[[str], str]
    pattern: re.Pattern[str]
    tag: Callable[[list[list[str]]], list[list[bool]]]


@cache
def _word_model() -> _WordModel:
    from .s2_words import word_starts

    return _WordModel(normalise, word_pattern(), word_starts)


def _sentences(line: str, found: list[str]) -> list[tuple[int, int]]:
    """Spans of underthesea's sentences in their line; a cut with no space after
    it ("VOV.VN", "./.") is no sentence boundary."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in found:
        start = line.find(sentence, cursor)
        if start < 0:  # underthesea changed the text; keep the rest of the line
            start, sentence = cursor, line[cursor:].strip()
        if spans and start == spans[-1][1]:
            spans[-1] = (spans[-1][0], start + len(sentence))
        else:
            spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return [s for s in spans if s[1] > s[0]]


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def _align(sentence: str, words: list[str]) -> Iterator[tuple[int, int]]:
    """Character spans of underthesea's words inside the sentence they came from."""
    cursor = 0
    for word in words:
        pieces = word.split(" ")
        first = sentence.find(pieces[0], cursor)
        if first < 0:
            continue
        end = first + len(pieces[0])
        for piece in pieces[1:]:
            nxt = sentence.find(piece, end)
            if nxt < 0 or sentence[end:nxt].strip():
                break
            end = nxt + len(piece)
        cursor = end
        yield first, end


def _capped(line: str, spans: list[tuple[int, int]], limit: int | None = None) -> Iterator[tuple[int, int]]:
    """The sentence spans with each longer than ``limit`` (``MAX_SENTENCE``) cut: at the last space
    of the piece's second half, else at the limit (never before a combining mark).

    >>> line = "một hai ba bốn năm sáu"
    >>> [line[s:e] for s, e in _capped(line, [(0, len(line))], limit=10)]
    ['một hai ba', 'bốn năm', 'sáu']
    >>> [e - s for s, e in _capped("x" * 25, [(0, 25)], limit=10)]
    [10, 10, 5]
    """
    limit = limit or MAX_SENTENCE
    for start, end in spans:
        while end - start > limit:
            cut = line.rfind(" ", start + limit // 2, start + limit + 1)
            if cut < 0:
                cut = start + limit
                while cut > start + 1 and unicodedata.combining(line[cut]):
                    cut -= 1
            piece_end = len(line[start:cut].rstrip()) + start
            yield start, piece_end
            start = cut
            while line[start] == " ":  # a span ends on a mark, so a space always has a mark after it
                start += 1
        yield start, end


def _pieces(sentence: str) -> list[tuple[int, str, bool]]:
    """(offset, text, run) pieces of a sentence: the text between runs without a space longer
    than ``MAX_RUN`` (``run`` False: for underthesea's word tokenizer), and each such run
    (``run`` True: its tokens are its words).

    >>> [(i, len(p), run) for i, p, run in _pieces("số " + "1." * 600 + " tỷ")]
    [(0, 3, False), (3, 1200, True), (1203, 3, False)]
    """
    if len(sentence) <= MAX_RUN:  # no run in it can be longer
        return [(0, sentence, False)]
    pieces: list[tuple[int, str, bool]] = []
    last = 0
    for run in re.finditer(r"\S+", sentence):  # each run once: linear, whatever the runs' lengths
        if run.end() - run.start() > MAX_RUN:
            if sentence[last:run.start()].strip():
                pieces.append((last, sentence[last:run.start()], False))
            pieces.append((run.start(), run.group(), True))
            last = run.end()
    if sentence[last:].strip() or not pieces:
        pieces.append((last, sentence[last:], False))
    return pieces
