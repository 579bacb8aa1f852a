"""The vnkg spaCy pipeline: vnkg's tokenizer and the recognisers ``pipeline/config.cfg`` lists."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["nlp", "CONFIG"]

CONFIG = "config.cfg"


@cache
def nlp() -> Language:
    """The pipeline of ``pipeline/config.cfg``, built once: ``nlp(text)`` tokenises
    with underthesea and runs every recogniser; ``nlp.pipe(texts)`` streams.

    Examples
    --------
    >>> doc = nlp()("Phó Chủ tịch UBND tỉnh Phú Thọ Bùi Văn Quang phát biểu.")
    >>> nlp().pipe_names[:3], [s.text for s in doc.spans["persons"]]
    (['vnkg_words', 'vnkg_places', 'vnkg_persons'], ['Bùi Văn Quang'])
    """
    from spacy import util

    from .. import s3_doc
    from . import documents, ents, events, figures, org_aliases, organisations, persons, places, roles, titles, zones  # noqa: F401  (register the factories)

    text = resources.files("pipeline").joinpath(CONFIG).read_text(encoding="utf-8")
    config = util.load_config_from_str(text)
    # One vocabulary with stage 3's Docs, so the runner's Docs and nlp(text)'s are alike.
    return util.load_model_from_config(config, vocab=s3_doc.shared_vocab(), auto_fill=True, validate=True)
