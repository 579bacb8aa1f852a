"""The cached graph view: patched on ingest and removal to what a whole rebuild gives, and exported whole."""
import sqlite3

import networkx as nx
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.export import _flat, view_of_store
from pipeline.store import Location, ingest, open_store
from pipeline.store.names import name_index
from pipeline.view_cache import CACHE_FILE, CACHE_FOLDER, CachedView, cached_view, current_view, files_stamp
from pipeline.view_store import build, create

BAC_NINH = """Bắc Ninh khởi công dự án hạ tầng Khu công nghiệp Quế Võ mở rộng

Ngày 12/3/2024, tại huyện Quế Võ, UBND tỉnh Bắc Ninh tổ chức lễ khởi công dự án đầu tư xây dựng hạ tầng \
Khu công nghiệp Quế Võ mở rộng.

Phát biểu tại buổi lễ, Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang đề nghị chủ đầu tư bảo đảm tiến độ. \
Dự án có quy mô 300 ha, tổng vốn đầu tư 2.500 tỷ đồng.

Giám đốc Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh Trần Văn Thịnh cho biết năm 2023 tỉnh thu hút 1,2 tỷ USD vốn đầu tư \
trực tiếp nước ngoài.
"""
# The same report corrected: another director, another figure.
BAC_NINH_CORRECTED = BAC_NINH.replace("Trần Văn Thịnh", "Ngô Tân Phượng").replace("300 ha", "320 ha")
BAC_NINH_2024 = """Bắc Ninh tổng kết công tác thu hút đầu tư năm 2024

Sáng 20/12/2024, UBND tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác thu hút đầu tư năm 2024.

Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Hương Giang chủ trì hội nghị. Năm 2024, Khu công nghiệp Quế Võ mở rộng thu hút \
thêm 15 dự án với tổng vốn 800 triệu USD.

Giám đốc Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh Trần Văn Thịnh cho biết toàn tỉnh có 16 khu công nghiệp.
"""
HAI_DUONG = """Hải Dương đẩy mạnh chuyển đổi số

Ngày 5/9/2024, Tỉnh ủy Hải Dương tổ chức hội nghị về chuyển đổi số.

Bí thư Tỉnh ủy Hải Dương Trần Đức Thắng yêu cầu các sở, ngành hoàn thành 100% hồ sơ trực tuyến. Giám đốc Sở \
Thông tin và Truyền thông tỉnh Hải Dương Nguyễn Thị Ngọc Bích báo cáo tỉnh đã cấp 45.000 chữ ký số.
"""


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.stderr
    return result


def rebuilt(store_dir):
    """The view and names built whole, in memory, from the store as it is."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    create(db)
    with open_store(Location(path=store_dir)) as store:
        build(db, store, "")
    return CachedView(db, "")


def as_sets(cached):
    nodes = dict(cached.view.nodes(data=True))
    edges = {(a, b, k): d for a, b, k, d in cached.view.edges(keys=True, data=True)}
    return nodes, edges, cached.names.entities, cached.names.keys


def kept(store_dir):
    with open_store(Location(path=store_dir)) as store:
        return cached_view(store)


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in (("bac-ninh-khoi-cong.txt", BAC_NINH), ("bac-ninh-tong-ket.txt", BAC_NINH_2024),
                       ("hai-duong.txt", HAI_DUONG)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_and_remove_patch_the_view_to_what_a_rebuild_gives(reports, tmp_path, monkeypatch):
    store = tmp_path / "store"
    run("ingest", reports / "bac-ninh-khoi-cong.txt", reports / "hai-duong.txt", "--store", store)
    assert (store / CACHE_FOLDER / CACHE_FILE).exists()
    assert as_sets(kept(store)) == as_sets(rebuilt(store))

    def whole(*args, **kwargs):
        raise AssertionError("the view was built whole")

    monkeypatch.setattr("pipeline.view_cache.build", whole)  # from here on, only patches
    run("ingest", reports / "bac-ninh-tong-ket.txt", "--store", store)  # added: shares a person, a body, a zone
    patched = kept(store)
    assert as_sets(patched) == as_sets(rebuilt(store))
    giang = next(e for e in patched.names.exact("Nguyễn Hương Giang"))
    assert giang.reports == 2

    (reports / "bac-ninh-khoi-cong.txt").write_text(BAC_NINH_CORRECTED, encoding="utf-8")
    run("ingest", reports / "bac-ninh-khoi-cong.txt", "--store", store)  # replaced
    patched = kept(store)
    assert as_sets(patched) == as_sets(rebuilt(store))
    assert patched.names.exact("Ngô Tân Phượng")
    assert "320 ha" in {d["label"] for _, d in patched.view.nodes(data=True)}
    assert "300 ha" not in {d["label"] for _, d in patched.view.nodes(data=True)}

    run("remove", reports / "bac-ninh-tong-ket.txt", "--store", store)  # removed
    patched = kept(store)
    assert as_sets(patched) == as_sets(rebuilt(store))
    assert next(e for e in patched.names.exact("Nguyễn Hương Giang")).reports == 1
    assert not patched.names.exact("Trần Văn Thịnh")


def test_the_view_is_the_one_the_union_graph_gives(corpus_store):
    """The cache's rules are pipeline.s7_view.to_view's: the same nodes, edges and names on the corpus."""
    with open_store(Location(path=corpus_store)) as store:
        old = view_of_store(store)
        names = name_index(store)
    new = rebuilt(corpus_store)
    assert dict(new.view.nodes(data=True)) == dict(old.nodes(data=True))
    assert {(a, b, k): d for a, b, k, d in new.view.edges(keys=True, data=True)} == \
        {(a, b, k): d for a, b, k, d in old.edges(keys=True, data=True)}
    assert new.names.entities == names.entities


def test_graphml_of_the_whole_store_is_what_the_rdflib_exporter_wrote(corpus_store, tmp_path):
    run("export", "--store", corpus_store, "--format", "graphml", "--output", tmp_path / "new.graphml")
    with open_store(Location(path=corpus_store)) as store:
        nx.write_graphml(_flat(view_of_store(store)), tmp_path / "old.graphml")
    new, old = (nx.read_graphml(tmp_path / f"{name}.graphml", force_multigraph=True) for name in ("new", "old"))
    assert new.number_of_nodes() > 50
    assert dict(new.nodes(data=True)) == dict(old.nodes(data=True))
    assert sorted(map(repr, new.edges(keys=True, data=True))) == sorted(map(repr, old.edges(keys=True, data=True)))


def test_graph_commands_skip_the_store_only_while_its_files_are_unchanged(reports, tmp_path, monkeypatch):
    store = tmp_path / "store"
    run("ingest", reports / "bac-ninh-khoi-cong.txt", "--store", store)
    assert current_view(store, files_stamp(store)) is None  # no reader has found the cache current yet
    run("graph", "neighbours", "Nguyễn Hương Giang", "--store", store)
    assert current_view(store, files_stamp(store)) is not None  # now found current: trusted while unchanged
    ranked = run("graph", "central", "--top", "3", "--store", store).stdout
    with monkeypatch.context() as patched:  # ranked once for these reports, then read from the cache
        patched.setattr("pipeline.view_cache.rank_nodes", lambda *a, **k: pytest.fail("ranked again"))
        assert run("graph", "central", "--top", "3", "--store", store).stdout == ranked
    with open_store(Location(path=store), write=True) as opened:  # written without the CLI: no refresh
        ingest(opened, [reports / "hai-duong.txt"])
    assert current_view(store, files_stamp(store)) is None
    found = run("graph", "neighbours", "Trần Đức Thắng", "--store", store)
    assert "Tỉnh ủy Hải Dương" in found.stdout


def test_nodes_are_ranked_when_reports_come_and_go_not_when_asked(reports, tmp_path, monkeypatch):
    store = tmp_path / "store"
    run("ingest", reports / "bac-ninh-khoi-cong.txt", reports / "hai-duong.txt", "--store", store)
    run("ingest", reports / "bac-ninh-tong-ket.txt", "--store", store)  # a patch, ranked again
    with monkeypatch.context() as patched:
        patched.setattr("pipeline.view_cache.rank_nodes", lambda *a, **k: pytest.fail("ranked on asking"))
        listed = run("graph", "central", "--top", "3", "--store", store).stdout
    assert "Bắc Ninh" in listed  # the province its bodies, zone and officials meet at
    run("remove", reports / "bac-ninh-tong-ket.txt", "--store", store)
    with monkeypatch.context() as patched:
        patched.setattr("pipeline.view_cache.rank_nodes", lambda *a, **k: pytest.fail("ranked on asking"))
        assert "Nguyễn Hương Giang" in run("graph", "central", "--top", "20", "--store", store).stdout
    with open_store(Location(path=store), write=True) as opened:  # written without the CLI
        ingest(opened, [reports / "bac-ninh-tong-ket.txt"])
    run("graph", "neighbours", "Trần Văn Thịnh", "--store", store)  # the first question patches and ranks
    with monkeypatch.context() as patched:
        patched.setattr("pipeline.view_cache.rank_nodes", lambda *a, **k: pytest.fail("ranked on asking"))
        assert "Khu công nghiệp Quế Võ" in run("graph", "central", "--top", "20", "--store", store).stdout


def test_ranks_are_networkx_degree_and_exact_betweenness(corpus_store):
    cached = rebuilt(corpus_store)
    simple = nx.Graph(cached.view.subgraph(n for n, d in cached.view.nodes(data=True) if d.get("type") != "Figure"))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    degree, between = nx.degree_centrality(simple), nx.betweenness_centrality(simple)
    ranked = cached.central()
    assert len(ranked) == simple.number_of_nodes() > 50
    assert max(between.values()) > 0.01  # paths run through some nodes: the comparison means something
    for node, d, b in ranked:
        assert d == pytest.approx(degree[node]) and b == pytest.approx(between[node], abs=1e-12)
    assert [r.degree for r in ranked] == sorted((r.degree for r in ranked), reverse=True)
