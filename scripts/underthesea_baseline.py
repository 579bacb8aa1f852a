#!/usr/bin/env python3
"""The anchor to beat: underthesea's bundled NER written through the graph contract and scored.

For each development document, underthesea's ``ner`` tags every sentence;
its PER spans become ``schema:Person``, ORG spans ``org:Organization`` and LOC
spans ``schema:Place`` nodes (one node per distinct name, with a
``skos:prefLabel``), written as ``DIR/<stem>.ttl``. It has no posts, zones or
figures. Then ``../shared/eval/score.py --ttl-dir DIR`` scores those files
exactly as it scores vnkg.

    python scripts/underthesea_baseline.py [--gold ../shared/eval/dev/gold] [--docs ../shared/eval/dev/docs]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import ORG, SDO, SKOS

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLASSES = {"PER": SDO.Person, "ORG": ORG.Organization, "LOC": SDO.Place}


def entities(text: str) -> list[tuple[str, str]]:
    """(label, name) of underthesea's NER spans, sentence by sentence."""
    from underthesea import ner, sent_tokenize

    found = []
    for line in text.splitlines():
        for sentence in sent_tokenize(line):
            current: list[str] = []
            label = None
            for word, _pos, _chunk, tag in ner(sentence):
                if tag.startswith("B-") or (tag.startswith("I-") and label != tag[2:]):
                    if current:
                        found.append((label, " ".join(current)))
                    current, label = [word], tag[2:]
                elif tag.startswith("I-") and current:
                    current.append(word)
                else:
                    if current:
                        found.append((label, " ".join(current)))
                    current, label = [], None
            if current:
                found.append((label, " ".join(current)))
    return found


def to_graph(text: str) -> rdflib.Graph:
    from pipeline.text import normalise, slug

    g = rdflib.Graph()
    for label, name in entities(normalise(text)):
        if label not in CLASSES:
            continue
        node = URIRef(f"https://w3id.org/vnkg/resource/underthesea/{label.lower()}/{slug(name)}")
        g.add((node, RDF.type, CLASSES[label]))
        g.set((node, SKOS.prefLabel, Literal(name, lang="vi")))
    return g


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "dev" / "gold")
    ap.add_argument("--docs", type=Path, default=SHARED / "eval" / "dev" / "docs")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = ap.parse_args(argv)
    scorer = SHARED / "eval" / "score.py"
    if not scorer.exists():
        print(f"underthesea_baseline: {scorer} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for gold in sorted(args.gold.glob("*.json")):
            doc = args.docs / json.loads(gold.read_text(encoding="utf-8"))["doc"]
            graph = to_graph(doc.read_text(encoding="utf-8"))
            graph.serialize(out / (doc.stem + ".ttl"), format="turtle")
        cmd = [sys.executable, str(scorer), "--gold", str(args.gold), "--docs", str(args.docs), "--ttl-dir", str(out)]
        if args.json:
            cmd += ["--json", str(args.json)]
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
