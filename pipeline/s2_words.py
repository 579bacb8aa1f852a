"""Stage 2's word tagger: underthesea's word-segmentation CRF read from its own files and run with numpy."""
from __future__ import annotations

import pickle
import re
import struct
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["WordCRF", "word_starts", "load_word_crf", "word_crf", "underthesea_tagger"]

# A column of values the templates read: (extra tokens joined, function); T[-1,0].lower reads (1, "lower").
Column = tuple[int, str | None]


@dataclass(frozen=True)
class WordCRF:
    """underthesea's word-segmentation CRF (``word_tokenize``'s model): its 43 feature templates,
    its dictionary, and the weights of its CRFsuite model file, tagging all the sentences of a
    document in one go.

    underthesea's ``FastCRFSequenceTagger.predict`` makes 43 feature strings for every token
    (``CRFFeaturizer.process``, Rust), hands them to Python and back to its tagger
    (``CRFTagger.tag``, Rust), which looks each up and runs Viterbi. Here each template's
    value is looked up once in a table of the values the model knows (a token, a lower-case
    bigram, ...), the weights of all the tokens of a document are added up template by
    template in the order the model adds them, and Viterbi picks the labels as the model's
    tagger does (the first label on a tie), so the tags are the same
    (``tests/test_s2_words.py``, ``scripts/check_word_boundaries.py``).

    Examples
    --------
    >>> crf = word_crf()
    >>> crf.tag([["Bí", "thư", "Thành", "ủy", "Nguyễn", "Văn", "Phong", "phát", "biểu", "."]])
    [[True, False, True, False, True, False, False, True, False, True]]
    """

    templates: tuple[tuple[Column, int, Any, Any], ...]  # (column, first offset, weights of B-W, of I-W)
    columns: dict[Column, dict[str, int]]  # a column's values -> row in the weight arrays (0: unknown)
    transitions: tuple[float, float, float, float]  # B->B, B->I, I->B, I->I
    dictionary: AbstractSet[str]

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[bool]]:
        """For each sentence (underthesea's regex tokens, none empty, none with a space), whether
        each token starts a word (``B-W``) or continues one (``I-W``)."""
        if not sentences:
            return []
        lists: dict[Column, list[str]] = {key: [] for key in self.columns}
        for tokens in sentences:
            for key, values in self._values(list(tokens)):
                found = lists.get(key)
                if found is not None:  # padded so that every column has len(tokens) + 4 rows a sentence
                    found += _BOS
                    found += values
                    found += ["EOS"] * (len(tokens) + 2 - len(values))
        rows = {key: np.fromiter(map(self.columns[key].get, values, repeat(0)), np.intp, len(values))
                for key, values in lists.items()}
        lengths = [len(s) for s in sentences]
        base = np.arange(sum(lengths)) + 4 * np.repeat(np.arange(len(lengths)), lengths) + 2
        begin, inside = np.zeros(len(base)), np.zeros(len(base))
        for key, offset, weights_b, weights_i in self.templates:  # in the model's order: the same sums
            at = rows[key][base + offset]
            begin += weights_b[at]
            inside += weights_i[at]
        return _viterbi(begin.tolist(), inside.tolist(), lengths, self.transitions)

    def _values(self, tokens: list[str]) -> list[tuple[Column, list[str]]]:
        """Each column's values over a sentence: unigrams, then bigrams, then trigrams."""
        lower = [t.lower() for t in tokens]
        title = [t[0].upper() == t[0] for t in tokens]
        bigrams = [a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)]
        lower2 = [a + " " + b for a, b in zip(lower, lower[1:], strict=False)]
        lower3 = [a + " " + b for a, b in zip(lower2, lower[2:], strict=False)]
        title2 = [a and b for a, b in zip(title, title[1:], strict=False)]
        known = self.dictionary
        return [
            ((0, None), tokens), ((0, "lower"), lower), ((0, "istitle"), _flags(title)),
            ((0, "isdigit"), _flags([_is_int(t) for t in tokens])),
            ((0, "is_in_dict"), _flags([x in known for x in lower])),
            ((1, None), bigrams), ((1, "lower"), lower2), ((1, "istitle"), _flags(title2)),
            ((1, "is_in_dict"), _flags([x in known for x in lower2])),
            ((2, None), [a + " " + b for a, b in zip(bigrams, tokens[2:], strict=False)]), ((2, "lower"), lower3),
            ((2, "istitle"), _flags([a and b for a, b in zip(title2, title[2:], strict=False)])),
            ((2, "is_in_dict"), _flags([x in known for x in lower3])),
        ]

    def handles(self, tokens: Sequence[str]) -> bool:
        """Whether ``tag`` reads these tokens exactly as underthesea's featurizer does: no token
        empty or holding a space (underthesea's would fail), and every token lower-cased and its
        first letter's case read by Python as by underthesea's featurizer (Rust): always so in the
        Latin and Vietnamese blocks, punctuation and currency signs; a token with any other character
        (Cyrillic, Greek, CJK, arrows...) is put to the featurizer once and compared, so the few
        characters the two Unicode versions case differently (on this machine 110 of 1.1 million, 106
        of them unassigned in Python's) go to underthesea's tagger."""
        if not all(tokens) or any(" " in t for t in tokens):
            return False
        return not _NOT_PLAIN.search("".join(tokens)) or all(_cased_alike(t) for t in tokens if _NOT_PLAIN.search(t))


def word_starts(sentences: list[list[str]]) -> list[list[bool]]:
    """Whether each token of each sentence starts a word: ``word_crf().tag`` for the sentences it
    handles, underthesea's own tagger for the others (and for all of them if its model is not one
    ``load_word_crf`` reads).

    >>> word_starts([["Hà", "Nội"], ["Thủ", "đô", "東京"]])
    [[True, False], [True, False, True]]
    """
    crf = _crf()
    out: list[list[bool] | None] = [None] * len(sentences)
    if crf is not None:
        easy = [k for k, tokens in enumerate(sentences) if crf.handles(tokens)]
        for at in range(0, len(easy), _BATCH):  # a long report's feature columns a batch at a time
            batch = easy[at:at + _BATCH]
            for k, starts in zip(batch, crf.tag([sentences[k] for k in batch]), strict=True):
                out[k] = starts
    return [found if found is not None else [t != "I-W" for t in underthesea_tagger()([[x] for x in tokens])]
            for found, tokens in zip(out, sentences, strict=True)]


def load_word_crf(folder: Path) -> WordCRF:
    """The tagger from a folder of underthesea's model (``models.bin`` in CRFsuite's format,
    ``features.bin`` and ``dictionary.bin`` pickled); ``ValueError`` if it is not one."""
    data = (folder / "models.bin").read_bytes()
    magic, _, kind, _, _, n_labels, _, at_features, at_labels, at_attributes = struct.unpack_from(
        "<4sI4sIIIIIII", data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or n_labels != 2 or _cqdb(data, at_labels) != ["B-W", "I-W"]:
        raise ValueError(f"{folder / 'models.bin'}: not a CRFsuite model of B-W and I-W")
    attributes = _cqdb(data, at_attributes)
    (count,) = struct.unpack_from("<I", data, at_features + 8)
    features = np.frombuffer(data, np.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"),
                                             ("weight", "<f8")]), count, at_features + 12)
    transitions = [0.0] * 4
    for _, source, target, weight in features[features["type"] == 1].tolist():
        transitions[2 * source + target] = weight
    # underthesea's model keeps no state weight of 1e-10 or less; a later one for the same pair wins
    state = features[(features["type"] == 0) & (np.abs(features["weight"]) > 1e-10)]
    pairs = np.zeros((len(attributes), 2))
    pairs[state["source"], state["target"]] = state["weight"]
    with (folder / "features.bin").open("rb") as f:
        names: list[str] = list(pickle.load(f))
    with (folder / "dictionary.bin").open("rb") as f:
        dictionary: set[str] = pickle.load(f)
    parsed = {name: _template(name) for name in names}
    columns: dict[Column, dict[str, int]] = {column: {"BOS": 1, "EOS": 2} for column, _ in parsed.values()}
    weighted: dict[str, list[tuple[int, int]]] = {name: [] for name in names}  # (attribute, row)
    for attribute in np.unique(state["source"]).tolist():
        name, _, value = attributes[attribute].partition("=")
        if name not in parsed:
            raise ValueError(f"{folder}: a weight for {name!r}, not one of the model's templates")
        rows = columns[parsed[name][0]]
        weighted[name].append((attribute, rows.setdefault(value, len(rows) + 1)))
    templates = []
    for name in names:
        column, offset = parsed[name]
        begin, inside = np.zeros(len(columns[column]) + 1), np.zeros(len(columns[column]) + 1)
        if weighted[name]:
            ids, at = (np.array(x) for x in zip(*weighted[name], strict=True))
            begin[at], inside[at] = pairs[ids, 0], pairs[ids, 1]
        templates.append((column, offset, begin, inside))
    return WordCRF(tuple(templates), columns, (transitions[0], transitions[1], transitions[2], transitions[3]),
                   dictionary)


@cache
def word_crf() -> WordCRF:
    """The tagger of the model underthesea's ``word_tokenize`` loads, read once."""
    from .lexicons.disk_cache import cached
    from .lexicons.gazetteer import underthesea_home

    folder = underthesea_home() / "pipeline" / "word_tokenize" / "models" / "ws_crf_vlsp2013_20230727"
    # read and laid out once, kept between runs (0.6 s to make), keyed on the model's files
    return cached("word_crf", [folder / "models.bin", folder / "features.bin", folder / "dictionary.bin"],
                  lambda: load_word_crf(folder))


@cache
def underthesea_tagger() -> Callable[[list[list[str]]], list[str]]:
    """underthesea's own CRF word tagger (``FastCRFSequenceTagger.predict``: ``[token]`` lists to B-W/I-W)."""
    import importlib

    module = importlib.import_module("underthesea.pipeline.word_tokenize")
    if module.word_tokenize_model is None:
        module.word_tokenize("")  # underthesea loads its model on first use
    predict: Callable[[list[list[str]]], list[str]] = module.word_tokenize_model.predict
    return predict


@cache
def _crf() -> WordCRF | None:
    try:
        return word_crf()
    except (OSError, ValueError, struct.error, pickle.UnpicklingError):  # another underthesea's model
        return None


_BOS = ["BOS", "BOS"]
_BATCH = 500  # sentences tagged together: numpy's sums stay cheap, the columns' strings stay few
_INT = re.compile(r"[+-]?[0-9]+")
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
# Characters whose case mappings Unicode has kept the same for decades, so Python's are those of underthesea's
# featurizer (Rust) whatever Unicode version each follows: Basic Latin to Latin Extended-A, Vietnamese's letters
# of Latin Extended-B, combining marks, Latin Extended Additional, punctuation, currency signs. Any other
# character is compared (``_cased_alike``).
_NOT_PLAIN = re.compile("[^\u0000-\u017f\u01a0\u01a1\u01af\u01b0\u0300-\u036f\u1e00-\u1eff\u2000-\u206f"
                        "\u20a0-\u20cf]")
_ALIKE_MEMO = 4096  # distinct tokens of other scripts remembered


def _flags(values: list[bool]) -> list[str]:
    return ["True" if v else "False" for v in values]


def _is_int(token: str) -> bool:
    """underthesea's isdigit: the token parses as a 32-bit integer (Rust's ``parse::<i32>``)."""
    return _INT.fullmatch(token) is not None and -2_147_483_648 <= int(token) <= 2_147_483_647


def _template(name: str) -> tuple[Column, int]:
    match = _TEMPLATE.fullmatch(name)
    if match is None:
        raise ValueError(f"feature template {name!r}: not one this tagger reads")
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) is not None else first
    if not 0 <= last - first <= 2 or not -2 <= first <= 2 or (match.group(3) == "isdigit" and last != first):
        raise ValueError(f"feature template {name!r}: not one this tagger reads")
    return (last - first, match.group(3)), first


def _cqdb(data: bytes, at: int) -> list[str]:
    """The strings of a CRFsuite string table (CQDB), by id."""
    magic, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, at)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite string table")
    out = []
    for (record,) in struct.iter_unpack("<I", data[at + backward:at + backward + 4 * count]):
        size = struct.unpack_from("<I", data, at + record + 4)[0]
        out.append(data[at + record + 8:at + record + 7 + size].decode("utf-8"))
    return out


def _viterbi(begin: list[float], inside: list[float], lengths: list[int],
             moves: tuple[float, float, float, float]) -> list[list[bool]]:
    """Each sentence's best labels (True: B-W), ties to B-W as underthesea's tagger breaks them."""
    bb, bi, ib, ii = moves
    out: list[list[bool]] = []
    at = 0
    for n in lengths:
        if not n:
            out.append([])
            continue
        score_b, score_i = begin[at], inside[at]
        back: list[tuple[bool, bool]] = []
        for k in range(at + 1, at + n):
            from_b, from_i = score_b + bb, score_i + ib
            to_b = from_i > from_b
            next_b = (from_i if to_b else from_b) + begin[k]
            from_b, from_i = score_b + bi, score_i + ii
            to_i = from_i > from_b
            score_i = (from_i if to_i else from_b) + inside[k]
            score_b = next_b
            back.append((to_b, to_i))
        inside_now = score_i > score_b
        labels = [inside_now]
        for to_b, to_i in reversed(back):
            inside_now = to_i if inside_now else to_b
            labels.append(inside_now)
        labels.reverse()
        out.append([not label for label in labels])
        at += n
    return out


@lru_cache(maxsize=_ALIKE_MEMO)
def _cased_alike(text: str) -> bool:
    """Whether underthesea's featurizer lower-cases the token ``text`` and reads its first character's
    case (``istitle``) as ``WordCRF._values`` does with Python's (compared whole: a capital sigma's lower
    case depends on what follows it). Whitespace is never alike: underthesea's featurizer fails on it."""
    if not text or any(c.isspace() for c in text):
        return False
    lower, title = (f.split("=", 1)[1] for f in _case_featurizer().process([[[text, "X"]]])[0][0])
    return lower == text.lower() and title == str(text[0].upper() == text[0])


@cache
def _case_featurizer() -> Any:
    from underthesea_core import CRFFeaturizer  # underthesea's own featurizer, without its dictionary

    return CRFFeaturizer(["T[0].lower", "T[0].istitle"], set())
