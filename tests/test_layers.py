"""The package's layers, each importing only from those below it: ingestion knows
nothing of extraction, the graph nothing of queries or pages, and so on. A late import
inside a function counts as much as one at the top; imports only for type checkers
(``if TYPE_CHECKING:``) do not, as nothing runs them."""
from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

# lowest first; a unit may import from its own layer or any lower one
LAYERS = [
    {"errors", "paths", "defaults", "textnorm", "spans", "schema", "lexicon", "atomic", "gcpause"},
    {"ingest"},
    {"names"},
    {"extract"},
    {"graph"},
    {"sparql", "shacl"},
    {"network"},
    {"analytics", "explorer", "exporters", "coverage", "scoring", "explain", "endpoint", "gsp", "reporting"},
    {"corpus", "cache"},
    {"kg"},  # the API, kg/__init__.py
    {"cli"},
]
RANK = {unit: n for n, layer in enumerate(LAYERS) for unit in layer}


def _unit(module: str) -> str:
    parts = module.split(".")
    return "kg" if len(parts) == 1 else parts[1]


def _runtime_imports(tree: ast.Module):  # noqa: ANN202
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg" and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "kg")


def test_every_unit_has_a_layer():
    package = ROOT / "kg"
    units = {p.stem if p.is_file() else p.name for p in package.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and (p / "__init__.py").exists())}
    assert units | {"kg"} == set(RANK), set(RANK) ^ (units | {"kg"})


def test_no_import_reaches_up_a_layer():
    upward = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        importer = _unit(".".join(p for p in rel.parts if p != "__init__"))
        for line, module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if RANK[_unit(module)] > RANK[importer]:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not upward, "\n".join(upward)
