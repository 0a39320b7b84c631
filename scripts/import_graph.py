"""The package's import graph: for each module under src/newsfacts, the stages it imports, and any circle.

    .venv/bin/python scripts/import_graph.py

Stages talk only through the sheet, so no stage module imports another stage; helpers several stages need
live in shared modules (nlp, parse, lexicon, timex, quote_marks, schema). Imports inside functions count too.
Exits with status 1 when a stage imports another stage or the graph has a circle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsfacts"
# The stages of the pipeline, in the order sheet.py runs them.
STAGES = ("entities", "quotes", "times", "figures", "relations", "checks")


def module_names(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted names inside the package ("quotes.stage", "quotes" for quotes/__init__.py) and their files."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of the package that a module imports, at its top or inside a function."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if name else []
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here if is_package else here[:-1]
            base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
            target = base + (node.module.split(".") if node.module else [])
            for alias in node.names:  # "from . import timex" names a module; "from .x import y" a name in x
                candidate = ".".join(target + [alias.name])
                found.add(candidate if candidate in known else ".".join(target))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            for alias in node.names:
                full = module or alias.name
                if full.startswith("newsfacts."):
                    found.add(full.removeprefix("newsfacts."))
    return {target for target in found if target in known and target != name}


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    names = module_names(package)
    return {name: imports_of(name, path, set(names)) for name, path in names.items()}


def stage_of(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in STAGES else None


def stage_crossings(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, imported module) where a stage's module imports another stage's."""
    return sorted((module, target) for module, targets in edges.items() for target in targets
                  if stage_of(module) and stage_of(target) and stage_of(module) != stage_of(target))


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(edges.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return sorted(found)


def main() -> int:
    edges = graph()
    width = max(len(name or "newsfacts") for name in edges)
    print(f"{'module':<{width}}  stages it imports")
    for name in sorted(edges):
        stages = sorted({stage for target in edges[name] if (stage := stage_of(target)) and stage != stage_of(name)})
        print(f"{name or 'newsfacts':<{width}}  {', '.join(stages) or '-'}")
    crossings, found = stage_crossings(edges), circles(edges)
    for module, target in crossings:
        print(f"stage imports another stage: {module} -> {target}")
    for group in found:
        print(f"circle: {' <-> '.join(group)}")
    if not crossings and not found:
        print("no stage imports another stage; no circle")
    return 1 if crossings or found else 0


if __name__ == "__main__":
    sys.exit(main())
