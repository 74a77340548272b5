"""The extension's imports run one way: feature modules down to the shared model, never
back up, and no cycle. Read from the source (ast), so a new import is checked too."""

import ast

from conftest import ROOT

PACKAGE = ROOT / "_ext" / "recipes"
# What every feature builds on; these import only each other.
SHARED = {"model", "ids", "warnings", "i18n", "nodes", "raw_html", "myst_lines", "limits"}
# The collected data: it imports only shared modules.
DOMAIN = {"domain"}


def local_imports(path) -> set[str]:
    """The package modules ``path`` imports (``from . import x``, ``from .x import y``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("recipes."):
            found.add(node.module.split(".")[1])
    return found


def graph() -> dict[str, set[str]]:
    return {path.stem: local_imports(path) for path in PACKAGE.glob("*.py")}


def layer(module: str) -> int:
    if module in SHARED:
        return 0
    if module in DOMAIN:
        return 1
    return 3 if module == "__init__" else 2


def cycle(imports: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of module names, or [] when there is none."""
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> list[str]:
        state[module] = "open"
        for target in sorted(imports.get(module, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target] if target in path else [module, target]
            if target not in state and (found := visit(target, [*path, target])):
                return found
        state[module] = "done"
        return []

    for module in sorted(imports):
        if module not in state and (found := visit(module, [module])):
            return found
    return []


def upward(imports: dict[str, set[str]]) -> list[str]:
    """Arrows from a module to one in a higher layer."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in imports.items()
        for target in targets
        if layer(target) > layer(module)
    )


def test_imports_point_down_to_the_shared_model():
    assert upward(graph()) == []


def test_no_import_cycle():
    assert cycle(graph()) == []


def test_the_checks_see_a_wrong_arrow_and_a_cycle():
    assert upward({"model": {"checklist"}, "domain": {"overview"}, "overview": {"domain"}}) == [
        "domain -> overview",
        "model -> checklist",
    ]
    assert cycle({"history": {"overview"}, "overview": {"catalogue"}, "catalogue": {"history"}}) == [
        "catalogue",
        "history",
        "overview",
        "catalogue",
    ]
    assert local_imports(PACKAGE / "__init__.py") >= {"checklist", "history", "overview", "catalogue"}
