"""pipeline.lexicons: every file documented, general vocabulary only."""
import importlib
from importlib import resources

import pytest

from pipeline import lexicons

from conftest import SHARED, needs_shared

FILES = sorted(p.name for p in resources.files("pipeline.lexicons").iterdir() if p.name.endswith((".txt", ".tsv")))


@pytest.mark.parametrize("name", FILES)
def test_every_lexicon_starts_with_a_header_saying_what_and_where_from(name):
    text = resources.files("pipeline.lexicons").joinpath(name).read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines()[:12] if ln.startswith("#")]
    assert len(header) >= 2, f"{name} has no header"
    assert "source" in " ".join(header).lower(), f"{name} does not say where it comes from"


def test_reference_data_says_where_it_comes_from():
    # Copied from a package of the field (all of Vietnam's units), not vocabulary written for vnkg.
    folder = resources.files("pipeline.lexicons").joinpath("reference")
    for path in folder.iterdir():
        if path.name.endswith(".tsv"):
            header = " ".join(ln for ln in path.read_text(encoding="utf-8").splitlines()[:12] if ln.startswith("#"))
            assert "source" in header.lower() and "scripts/" in header, path.name


def test_lexicons_hold_general_vocabulary_not_development_names():
    # Names that occur in the development reports must come from grammar, not lists.
    specific = ["Nguyễn Văn Phong", "Hòa Lạc", "Cầu Giấy", "Vinalines", "Meiko", "Nippon Paint", "Giày Thiên Phúc",
                "Tân Thuận", "Linh Trung", "Lam Sơn", "Formosa", "Nguyễn Đức Chung", "Hanwha", "Nidec", "Viettel"]
    for name in FILES:
        text = resources.files("pipeline.lexicons").joinpath(name).read_text(encoding="utf-8")
        for s in specific:
            assert s not in text, f"{name} lists {s!r}"


@needs_shared
def test_lexicons_list_no_person_zone_or_company_of_the_development_gold():
    """The development set's own names come from grammar: no lexicon lists a person, a zone or a
    company the dev gold names (national bodies such as Quốc hội are general vocabulary)."""
    import json

    corporate = {h.lower() for h, e in lexicons.org_heads().items()
                 if e.cls in ("schema:Corporation", "schema:BankOrCreditUnion")}
    public = {n for k in lexicons.known_orgs() if k.cls not in ("schema:Corporation", "schema:BankOrCreditUnion")
              for n in (k.canonical, *k.aliases)}  # "Ngân hàng Nhà nước": a state body, not a company
    refused = set()
    for path in (SHARED / "eval" / "dev" / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for kind in ("persons", "zones", "organisations"):
            for entity in gold.get(kind, []):
                for name in (entity["name"], *entity.get("aliases", [])):
                    company = any(name.lower().startswith(h + " ") for h in corporate) and name not in public
                    if len(name.split()) >= 2 and (kind != "organisations" or company):
                        refused.add(name)
    listed = []
    for name in FILES:
        cells = {c.strip() for line in resources.files("pipeline.lexicons").joinpath(name)
                 .read_text(encoding="utf-8").splitlines() if not line.startswith("#")
                 for cell in line.split("\t") for c in cell.split("|")}
        listed += [f"{name}: {n}" for n in sorted(refused & cells)]
    assert listed == []


def test_gazetteer_has_provinces_before_and_after_the_2025_reorganisation():
    gaz = lexicons.gazetteer()
    provinces = {n for n, entries in gaz.items() if any(e.level == "province" for e in entries)}
    assert {"Hà Nội", "Hà Tĩnh", "Phú Thọ", "Thanh Hóa", "Hồ Chí Minh"} <= provinces
    assert "Bình Dương" in provinces and "Hà Giang" in provinces  # merged away on 1 July 2025
    assert any(e.unit == "thị xã" and e.province == "Hà Tĩnh" for e in gaz["Kỳ Anh"])


def test_roles_carry_their_organisation_head_and_implied_body():
    roles = lexicons.roles()
    assert roles["trưởng ban"].org_head == "Ban"
    assert roles["thủ tướng"].implied_org == "Chính phủ"
    assert roles["công nhân"].kind == "staff"


def test_zone_type_concepts_exist_in_the_ontology():
    import rdflib

    from pipeline.vocab import VNKG_URI, ontology_dir

    g = rdflib.Graph().parse(ontology_dir() / "zone-types.ttl")
    concepts = {str(s)[len(VNKG_URI):] for s in g.subjects(rdflib.RDF.type, rdflib.namespace.SKOS.Concept)}
    assert {z.concept for z in lexicons.zone_types().values()} <= concepts


def _code_strings(path):
    """String constants of a module's code, docstrings left out."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_the_grammar_code_holds_no_vietnamese_words():
    """Words belong in lexicons/ and patterns/: no string in the code of stages 2-5 is a
    word of underthesea's Vietnamese dictionary (Viet74K)."""
    from pathlib import Path

    import pipeline

    dictionary = {w.strip().lower() for w in resources.files("underthesea").joinpath("corpus/data/Viet74K.txt")
                  .read_text(encoding="utf-8").splitlines() if w.strip()}
    not_vietnamese = {"vi", "offset", "min", "i", "v", "x", "in"}  # a language code, field names, roman numerals,
    # spaCy's pattern key "IN"
    not_vietnamese |= {u.code.lower() for u in lexicons.units().values() if u.code}  # the contract's unit codes
    root = Path(pipeline.__file__).parent
    modules = [root / "s2_segment.py", root / "s3_doc.py", *sorted((root / "s4_recognise").glob("*.py")),
               *sorted((root / "s5_link").glob("*.py"))]
    found = [f"{path.relative_to(root)}:{line}: {text!r}" for path in modules for line, text in _code_strings(path)
             if text.strip().lower() in dictionary and text.strip().lower() not in not_vietnamese]
    assert found == []


def test_every_word_class_the_grammar_reads_is_in_the_lexicon():
    import re
    from pathlib import Path

    import pipeline

    root = Path(pipeline.__file__).parent
    used = {m for path in root.rglob("*.py") for m in re.findall(r"lexicons\.words?\(\"(\w+)\"\)", path.read_text())}
    assert used and all(lexicons.words(name) for name in used)


def test_the_parsed_gazetteer_kept_between_runs_is_the_one_parsed_again(tmp_path, monkeypatch):
    module = importlib.import_module("pipeline.lexicons.gazetteer")  # the package's name is the function
    monkeypatch.setenv("VNKG_CACHE_DIR", str(tmp_path))
    fresh = module._read_gazetteer()
    assert module.cached("gazetteer", [module._mapping_file()], module._read_gazetteer) == fresh  # written
    assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["gazetteer"]

    def parsed_again() -> dict:
        pytest.fail("parsed again")

    parsed_again.__module__ = module.__name__  # the key names the parsing code's file: the same as before
    kept = module.cached("gazetteer", [module._mapping_file()], parsed_again)
    assert kept == fresh and kept["Phú Thọ"] == fresh["Phú Thọ"]


def test_the_lexicon_cache_is_passed_over_when_damaged_or_read_only(tmp_path):
    from pipeline.lexicons.disk_cache import cached

    source = tmp_path / "units.tsv"
    source.write_text("# source: a test\nphường\tward\n", encoding="utf-8")
    folder = tmp_path / "cache"

    def parse():
        return [tuple(ln.split("\t")) for ln in source.read_text(encoding="utf-8").splitlines()[1:]]

    def parsed_again() -> list:
        pytest.fail("parsed again")

    assert cached("units", [source], parse, folder) == [("phường", "ward")]
    (stored,) = folder.iterdir()
    stored.write_bytes(b"not a pickle")  # damaged: parsed again and written whole
    assert cached("units", [source], parse, folder) == [("phường", "ward")]
    assert cached("units", [source], parsed_again, folder) == [("phường", "ward")]
    source.write_text("# source: a test\nxã\tward\n", encoding="utf-8")  # a changed file is a new key
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")  # a cache folder that cannot be made: nothing kept, no error
    assert cached("units", [source], parse, blocked) == [("xã", "ward")]
    assert cached("units", [source], parse, folder) == [("xã", "ward")]
    assert len(list(folder.glob("units-*.pickle"))) == 2


def test_reading_a_kept_lexicon_leaves_the_garbage_collector_as_it_was(tmp_path):
    """The collector is paused while a kept lexicon is unpickled, and only then: enabled or disabled
    before, it is the same after (a caller who disabled it is not overruled)."""
    import gc

    from pipeline.lexicons.disk_cache import cached

    source = tmp_path / "roles.tsv"
    source.write_text("# source: a test\nBí thư\tsecretary\n", encoding="utf-8")
    seen = []

    def parse():
        return {ln.split("\t")[0]: ln.split("\t")[1] for ln in source.read_text(encoding="utf-8").splitlines()[1:]}

    was = gc.isenabled()
    try:
        for enabled in (True, False, True):
            gc.enable() if enabled else gc.disable()
            seen.append((cached("roles", [source], parse, tmp_path), gc.isenabled()))
    finally:
        gc.enable() if was else gc.disable()
    assert seen == [({"Bí thư": "secretary"}, True), ({"Bí thư": "secretary"}, False),
                    ({"Bí thư": "secretary"}, True)]


def test_indexes_kept_between_runs_are_those_made_again(tmp_path, monkeypatch):
    """The administrative units' indexes, the dictionary's word beginnings and the word tagger, read back
    from the cache folder, equal what parsing their sources gives."""
    from pipeline.lexicons import admin_units
    from pipeline.s2_words import word_crf
    from pipeline.s4_recognise.org_body import word_prefixes

    monkeypatch.setenv("VNKG_CACHE_DIR", str(tmp_path))
    made = admin_units._indexes.__wrapped__(), word_prefixes.__wrapped__(), word_crf.__wrapped__()
    assert {p.name.split("-")[0] for p in tmp_path.glob("*.pickle")} >= {"admin_units", "word_prefixes", "word_crf"}
    kept = admin_units._indexes.__wrapped__(), word_prefixes.__wrapped__(), word_crf.__wrapped__()
    assert kept[0] == made[0] and kept[1] == made[1]
    assert kept[0][1]["hà giang"] == admin_units.admin_units_named("hà giang")
    sentences = [["Bí", "thư", "Thành", "ủy", "Nguyễn", "Văn", "Phong", "phát", "biểu", "."],
                 ["Khu", "công", "nghệ", "cao", "Hòa", "Lạc", "thu", "hút", "120", "dự", "án"]]
    assert kept[2].tag(sentences) == made[2].tag(sentences)
