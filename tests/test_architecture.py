"""The package's import graph: no cycles, and data flows down the layers pyproject.toml states."""
import networkx as nx
import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def imports():
    """pipeline's modules and who imports whom (imports inside functions and under TYPE_CHECKING included)."""
    import grimp

    graph = grimp.build_graph("pipeline", cache_dir=None)
    assert graph.find_modules_directly_imported_by("pipeline.cli.views"), "grimp read another copy of pipeline"
    directed = nx.DiGraph()
    for module in graph.modules:
        directed.add_node(module)
        directed.add_edges_from((module, imported) for imported in graph.find_modules_directly_imported_by(module))
    return directed


def test_pipeline_is_the_one_in_this_checkout():
    import pipeline

    assert pipeline.__file__.startswith(str(ROOT))


def test_no_import_cycle_anywhere_in_pipeline(imports):
    assert [" -> ".join(c) for c in nx.simple_cycles(imports)] == []


def test_command_modules_import_only_common_and_the_library(imports):
    helpers = {"pipeline.cli.common", "pipeline.cli.lean_spacy"}  # lean_spacy: the group's start-up, no command
    commands = [m for m in imports if m.startswith("pipeline.cli.") and m not in helpers]
    assert sorted(commands) == ["pipeline.cli.browse", "pipeline.cli.extract", "pipeline.cli.store",
                                "pipeline.cli.views"]
    assert not [m for m in imports.successors("pipeline.cli.lean_spacy") if m.startswith("pipeline")]
    for module in commands:
        assert {m for m in imports.successors(module) if m.startswith("pipeline.cli")} == {"pipeline.cli.common"}
    assert not [m for m in imports.successors("pipeline.cli.common") if m.startswith("pipeline.cli")]


def test_the_layers_contract_of_pyproject_is_kept(monkeypatch):
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0
