"""Stage 7: the NetworkX view."""
import networkx as nx


def test_view_has_typed_labelled_nodes_and_relation_edges(seed):
    view = seed.view
    assert isinstance(view, nx.MultiDiGraph)
    by_label = {d["label"]: d for _, d in view.nodes(data=True)}
    assert by_label["Nguyễn Văn Phong"]["type"] == "Person"
    assert by_label["Thành ủy Hà Nội"]["type"] == "Organisation"
    assert by_label["Khu công nghệ cao Hòa Lạc"]["type"] == "Zone"
    assert by_label["Hà Nội"]["type"] == "Place"
    holds = {(view.nodes[a]["label"], d["role"], view.nodes[b]["label"])
             for a, b, d in view.edges(data=True) if d["relation"] == "holds"}
    assert ("Hà Minh Hải", "Trưởng ban", "Ban Tổ chức Thành ủy Hà Nội") in holds
    sub = {(view.nodes[a]["label"], view.nodes[b]["label"])
           for a, b, d in view.edges(data=True) if d["relation"] == "subOrganizationOf"}
    assert ("Ban Tổ chức Thành ủy Hà Nội", "Thành ủy Hà Nội") in sub


def test_figures_point_at_what_they_measure(seed):
    view = seed.view
    about = {(view.nodes[a]["label"], view.nodes[b]["label"])
             for a, b, d in view.edges(data=True) if d["relation"] == "about"}
    assert ("111 dự án", "Khu công nghệ cao Hòa Lạc") in about
