#!/usr/bin/env python3
"""Word boundaries of stage 2's one tokenisation against underthesea's ``word_tokenize`` aligned in the text.

    python scripts/check_word_boundaries.py                      # the whole news corpus
    python scripts/check_word_boundaries.py --limit 100 --show 5

Stage 2 tags the regex tokens underthesea's own ``word_tokenize`` makes, with their
offsets (``s2_segment._words_of``), with underthesea's CRF word model run from its model
file by ``pipeline.s2_words`` (not underthesea's featurizer and tagger), instead of
calling ``word_tokenize`` and finding each word it returns in the text again
(``s2_segment._align``, the code before). This script cuts every report of the
corpus into stage 2's sentences and pieces and counts the sentences whose words
(character spans) differ between the two ways; it prints the count, the CPU
seconds of each way, and up to ``--show`` differing sentences. It also counts the
sentences whose vnkg tokens, taken from underthesea's tokens (``s2_tokens.tokens_from``),
differ from those vnkg's own regex cuts from the whole sentence (``tokenise``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.s1_read import ReadError, read_path  # noqa: E402
from pipeline.s2_segment import _align, _capped, _lines, _pieces, _sentences, _words_of  # noqa: E402
from pipeline.s2_tokens import tokenise  # noqa: E402

NEWS = ROOT.parent / "shared" / "corpus" / "news"

__all__ = ["compare"]


def compare(files: list[Path], show: int = 0) -> tuple[int, int, float, float, int]:
    """(sentences, sentences whose words differ, CPU seconds old way, CPU seconds new way,
    sentences whose tokens differ)."""
    from underthesea import sent_tokenize, word_tokenize

    sentences = differ = token_differ = 0
    old_time = new_time = 0.0
    for path in files:
        try:
            text = read_path(path).text
        except ReadError:
            continue
        for _, line in _lines(text):
            for start, end in _capped(line, _sentences(line, sent_tokenize(line))):
                sentence = line[start:end]
                sentences += 1
                old, new, tokens = [], [], []
                for offset, piece, run in _pieces(sentence):
                    if run:
                        tokens += tokenise(piece, offset)
                        continue  # a run without a space is words of vnkg's tokens either way
                    clock = time.process_time()
                    old += [(offset + s, offset + e) for s, e in
                            _align(piece, word_tokenize(piece, use_token_normalize=False))]
                    old_time += time.process_time() - clock
                    clock = time.process_time()
                    cut = _words_of([piece])[0]
                    new_time += time.process_time() - clock
                    new += [(offset + s, offset + e) for s, e in cut.words]
                    tokens += [(t, offset + s, offset + e) for t, s, e in cut.tokens]
                token_differ += tokens != tokenise(sentence)
                if old != new:
                    differ += 1
                    if differ <= show:
                        print(f"{path.name}: {sentence!r}\n  old {[sentence[s:e] for s, e in old]}\n"
                              f"  new {[sentence[s:e] for s, e in new]}")
    return sentences, differ, old_time, new_time, token_differ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=NEWS, help="folder of .txt reports (default ../shared/corpus/news)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files, sorted by name (default: all)")
    ap.add_argument("--show", type=int, default=10, help="print up to N differing sentences (default 10)")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"{args.corpus}: no .txt files", file=sys.stderr)
        return 1
    _words_of(["Hà Nội"])  # models load before timing
    sentences, differ, old_time, new_time, token_differ = compare(files, args.show)
    print(f"{len(files):,} files, {sentences:,} sentences: {differ:,} with different word boundaries, "
          f"{token_differ:,} with different tokens; CPU s word_tokenize + alignment {old_time:.1f}, "
          f"one tokenisation {new_time:.1f}")
    return 0 if differ == token_differ == 0 else 2


if __name__ == "__main__":
    raise SystemExit(main())
