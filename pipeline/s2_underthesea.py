"""What vnkg runs of underthesea, loaded without underthesea's package ``__init__`` (nor joblib) when it can be."""
from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from .lexicons.gazetteer import underthesea_home

__all__ = ["Kept", "sent_tokenize", "normalise", "word_pattern", "pos_templates", "pos_tag",
           "pos_function", "kept", "MIRRORED"]

# ``import underthesea`` runs its package __init__: chunking, ner, pos_tag, classification (requests) and
# text_normalize, whose text_normalizer imports joblib (0.3 s of CPU) to read a two-entry character map.
# Extraction needs only the sentence splitter (a module of its own), the regex tokenizer's compiled pattern,
# that character map and the part-of-speech CRF's templates; all but the splitter are data, read once
# from underthesea's own modules and kept in the lexicon disk cache (``lexicons.disk_cache``), keyed on
# underthesea's files. The few lines of underthesea's code that vnkg runs as its own (the character
# normalisation, the part-of-speech features' functions, where the part-of-speech model is) are used
# only when the files they come from are the ones below, byte for byte; with any other underthesea
# (or no cache) everything is underthesea's own, imported as usual.
MIRRORED = {
    "pipeline/text_normalize/character_normalize.py": "d537df5a05631af321c079f8a092ab18",
    "pipeline/pos_tag/model_crf.py": "dc66ee4f7c1ce5eb981ba2a74c393fdb",
    "pipeline/pos_tag/tagged_feature.py": "2a68ff9284bf926225d13b8e01dfbcfb",
}
# The files what is kept is read from (besides MIRRORED): a change to any is a new key.
_KEYED = ("pipeline/word_tokenize/regex_tokenize.py", "pipeline/text_normalize/text_normalizer.py",
          "version.py")
_POS_MODEL = "pipeline/pos_tag/pos_crf_2017_10_11.bin"  # as model_crf.py names it


@dataclass(frozen=True)
class Kept:
    """What extraction reads of underthesea's modules: the regex tokenizer's pattern (source and
    flags), the character map ``normalize_characters_in_text`` applies after NFC, in its order,
    and the part-of-speech CRF's feature templates."""

    pattern: str
    flags: int
    characters: tuple[tuple[str, str], ...]
    templates: tuple[str, ...]


def sent_tokenize(text: str) -> list[str]:
    """underthesea's ``sent_tokenize``: its module run from its own file (it imports nothing of
    underthesea), or the package's function if that cannot be.

    >>> sent_tokenize("Ông Nguyễn Văn Phong phát biểu. TP.HCM tăng 3,5%.")
    ['Ông Nguyễn Văn Phong phát biểu.', 'TP.HCM tăng 3,5%.']
    """
    split: Callable[[str], list[str]] = _splitter()
    return split(text)


def normalise(text: str) -> str:
    """underthesea's ``normalize_characters_in_text``: NFC, then its character map.

    >>> normalise("Ðà Nẵng"), normalise("Hoa\u0300")
    ('Đà Nẵng', 'Hoà')
    """
    parts = kept()
    if parts is None:
        from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text

        out: str = normalize_characters_in_text(text)
        return out
    text = unicodedata.normalize("NFC", text)
    for wrong, right in parts.characters:
        text = text.replace(wrong, right)
    return text


@cache
def word_pattern() -> re.Pattern[str]:
    """The regex underthesea's ``word_tokenize`` cuts tokens with (``regex_tokenize.patterns``).

    >>> [m.group() for m in word_pattern().finditer("UBND TP.Hà Nội có 1.348ha.")]
    ['UBND', 'TP.Hà', 'Nội', 'có', '1.348', 'ha', '.']
    """
    parts = kept()
    if parts is None:
        from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

        found: re.Pattern[str] = patterns
        return found
    return re.compile(parts.pattern, parts.flags)


def pos_templates() -> tuple[str, ...]:
    """The feature templates of underthesea's ``pos_tag`` CRF ("T[-2].lower", ..., "T[-3,-2][1]")."""
    parts = kept()
    return parts.templates if parts is not None else tuple(_pos_predictor().transformer.template)


def pos_tag(features: Sequence[Sequence[str]]) -> list[str]:
    """The tags underthesea's ``pos_tag`` CRF gives a sentence's feature rows (``CRFTagger.tag``)."""
    tags: list[str] = _pos_crf().tag(features)
    return tags


def pos_function(name: str, word: str) -> str | bool:
    """underthesea's ``tagged_feature.apply_function`` (for the templates' "lower" and "istitle").

    >>> pos_function("lower", "Đầu tư"), pos_function("istitle", "Đầu tư"), pos_function("istitle", "Hà Nội")
    ('đầu tư', False, True)
    """
    if kept() is None or name not in ("lower", "istitle"):
        from underthesea.pipeline.pos_tag.tagged_feature import apply_function

        out: str | bool = apply_function(name, word)
        return out
    return word.lower() if name == "lower" else _istitle(word)


def kept() -> Kept | None:
    """What extraction reads of underthesea, from the disk cache or read now from underthesea's
    modules; None when this underthesea's files are not the ones vnkg mirrors (then every function
    here is underthesea's own)."""
    return _kept()


@cache
def _kept() -> Kept | None:
    from .lexicons.disk_cache import cached

    try:
        root = underthesea_home()
        sources = [root / name for name in (*MIRRORED, *_KEYED)]
        return cached("underthesea_parts", sources, lambda: _read(root))
    except Exception:  # anything unexpected of this underthesea: its own functions
        return None


def _read(root: Path) -> Kept | None:
    """Read from underthesea's modules (imported as usual); None if a mirrored file is not the known one."""
    for name, digest in MIRRORED.items():
        if hashlib.blake2b((root / name).read_bytes(), digest_size=16).hexdigest() != digest:
            return None
    from underthesea.pipeline.text_normalize.text_normalizer import character_map
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    return Kept(patterns.pattern, patterns.flags, tuple(character_map.items()),
                tuple(_pos_predictor().transformer.template))


@cache
def _splitter() -> Callable[[str], list[str]]:
    if "underthesea" not in sys.modules:
        try:
            module = _from_file("sent_tokenize", underthesea_home() / "pipeline" / "sent_tokenize" / "__init__.py")
            split: Callable[[str], list[str]] = module.sent_tokenize
            return split
        except Exception:  # not a module that runs alone: underthesea's own, below
            pass
    from underthesea import sent_tokenize as own

    return own


def _from_file(name: str, path: Path) -> ModuleType:
    """A module run from its file under a name of vnkg's, not put in ``sys.modules``."""
    spec = importlib.util.spec_from_file_location(f"{__name__}._{name}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: no module to load")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _pos_crf() -> Any:
    """underthesea's part-of-speech CRF: underthesea_core's tagger loaded with the model file
    ``model_crf.py`` names (or underthesea's own predictor's)."""
    made = _made_predictor()
    if kept() is None or made is not None:  # underthesea's own, or its model loaded already (filling the cache)
        return (made if made is not None else _pos_predictor()).model
    from underthesea_core import CRFTagger

    model = CRFTagger()
    model.load(str(underthesea_home() / _POS_MODEL))
    return model


def _pos_predictor() -> Any:
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return CRFPOSTagPredictor.Instance()


def _made_predictor() -> Any:
    """underthesea's part-of-speech predictor if this process has made it, else None."""
    module = sys.modules.get("underthesea.pipeline.pos_tag.model_crf")
    return getattr(getattr(module, "CRFPOSTagPredictor", None), "_instance", None)


def _istitle(word: str) -> bool:
    """``tagged_feature.text_istitle``: every space-separated piece starts with a title-case
    character (False for an empty word or an empty piece)."""
    if len(word) == 0:
        return False
    try:
        return all(piece[0].istitle() for piece in word.split(" "))
    except IndexError:
        return False
