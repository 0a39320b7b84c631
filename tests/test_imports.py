"""The layout: no stage imports another stage, and no module imports one that imports it back
(`scripts/import_graph.py` prints the graph)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "import_graph.py"
# Circles being cut on a branch, each entry dropped once its branch has landed; none now.
KNOWN_CIRCLES: list[list[str]] = []


@pytest.fixture(scope="module")
def import_graph():
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_stage_imports_another_stage(import_graph):
    assert import_graph.stage_crossings(import_graph.graph()) == []


def test_no_circle_in_the_package(import_graph):
    assert [group for group in import_graph.circles(import_graph.graph()) if group not in KNOWN_CIRCLES] == []


def test_the_graph_sees_relative_and_function_level_imports(import_graph, tmp_path):
    package = tmp_path / "pkg"
    (package / "stage").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "shared.py").write_text("def helper():\n    from .stage.part import thing\n")
    (package / "stage" / "__init__.py").write_text("from .part import thing\n")
    (package / "stage" / "part.py").write_text("from .. import shared\nthing = 1\n")
    edges = import_graph.graph(package)
    assert edges["stage"] == {"stage.part"}
    assert edges["stage.part"] == {"shared"}
    assert edges["shared"] == {"stage.part"}
    assert import_graph.circles(edges) == [["shared", "stage.part"]]


def test_a_stage_importing_another_is_found(import_graph):
    edges = {"quotes.stage": {"entities.words", "parse"}, "entities.words": set(), "parse": set()}
    assert import_graph.stage_crossings(edges) == [("quotes.stage", "entities.words")]
