"""Garbage collection for a process that extracts report after report: rarer young collections, lexicons frozen."""
from __future__ import annotations

import gc

__all__ = ["tune_for_batch", "settle", "YOUNG_THRESHOLD"]

# CPython collects its youngest generation every 700 new container objects and, every 100 of those,
# walks every object alive: the lexicons and recognisers (about a million objects) again and again.
# A report makes hundreds of thousands of short-lived objects (tokens, spans, terms) in few cycles;
# over 300 news reports collection took 1.8 s of 19.8 s CPU in ``vnkg extract``, 0.2 s tuned so.
YOUNG_THRESHOLD = 10_000
_OLDER_THRESHOLDS = (20, 100)

_tuned = False
_frozen = False


def tune_for_batch() -> None:
    """Collect garbage as a batch of extractions needs: the youngest generation every
    ``YOUNG_THRESHOLD`` new objects, and (see ``settle``) everything loaded for the first report
    moved out of the collector's sight. For the vnkg command and its workers, which own their
    process; the Python API leaves the collector as its caller set it.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> tune_for_batch()
    >>> gc.get_threshold()[0]
    10000
    >>> gc.set_threshold(*before); _untune()
    """
    global _tuned
    gc.set_threshold(YOUNG_THRESHOLD, *_OLDER_THRESHOLDS)
    _tuned = True


def settle() -> None:
    """After an extraction: in a tuned process, the first time, collect once and freeze what is
    alive (the models, lexicons and recognisers just loaded, which live as long as the process),
    so later collections do not walk it. Does nothing otherwise.

    Examples
    --------
    >>> settle()  # not tuned: nothing happens
    >>> import gc
    >>> gc.get_freeze_count() == 0
    True
    """
    global _frozen
    if _tuned and not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def _untune() -> None:
    """Forget ``tune_for_batch`` (for tests)."""
    global _tuned, _frozen
    _tuned = _frozen = False
