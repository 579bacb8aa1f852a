"""vnkg: Vietnamese government and conference reports into a knowledge graph.

The Python API::

    >>> import pipeline
    >>> ex = pipeline.extract("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.")
    >>> sorted(ex.view.nodes[n]["label"] for n in ex.view if ex.view.nodes[n]["type"] == "Person")
    ['Đỗ Trọng Hưng']
    >>> len(ex.graph) > 0
    True

``extract_path`` does the same for a file. The stages, in order, are the
modules ``s1_read`` ... ``s7_view``; ``pipeline.runner`` runs them.

``nlp()`` is the spaCy pipeline of stages 2 to 4 (underthesea's segmentation
as its tokenizer, the recognisers as components):

    >>> doc = pipeline.nlp()("Bí thư Tỉnh ủy Thanh Hóa Đỗ Trọng Hưng chủ trì hội nghị.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Tỉnh ủy Thanh Hóa', 'ORG'), ('Đỗ Trọng Hưng', 'PERSON')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx
    import rdflib
    from spacy.language import Language

    from .report_triples import ReportTriples
    from .s1_read import Document
    from .s5_link import Linked

__all__ = ["Extraction", "extract", "extract_path", "extract_document", "nlp", "__version__"]
__version__ = "0.1.0"


@dataclass
class Extraction:
    """Everything vnkg read from one report: ``triples`` is its graph as pyoxigraph terms (what files
    and stores are written from); ``graph``, the same as an rdflib ``Graph``, is made when first asked for."""

    document: Document
    linked: Linked
    triples: ReportTriples

    @cached_property
    def graph(self) -> rdflib.Graph:
        """The report's graph as an rdflib ``Graph`` (for SPARQL in memory, SHACL), made once."""
        return self.triples.to_rdflib()

    @cached_property
    def view(self) -> networkx.MultiDiGraph:
        """The NetworkX view of ``graph``."""
        from .s7_view import to_view

        return to_view(self.graph)


def nlp() -> Language:
    """The vnkg spaCy pipeline (``pipeline.s4_recognise.language.nlp``), built once."""
    from .s4_recognise.language import nlp as build

    return build()


def extract(text: str, name: str = "text") -> Extraction:
    """Build the graph of a report given as text."""
    from .s1_read import read_text

    return extract_document(read_text(text, name=name))


def extract_path(path: str | Path) -> Extraction:
    """Build the graph of a report file (raises ``pipeline.s1_read.ReadError``)."""
    from .s1_read import read_path

    return extract_document(read_path(path))


def extract_document(document: Document) -> Extraction:
    """Build the graph of a report already read (``pipeline.s1_read.read_path``)."""
    from .runner import Trace, run_stages

    trace = Trace()
    triples = run_stages(document, until="triples", trace=trace)
    assert trace.link is not None  # every run to the triples links first
    return Extraction(document, trace.link, triples)
