#!/usr/bin/env python3
"""The architecture as the imports make it: layers, their modules, and the imports between packages.

    python3 scripts/architecture.py          writes docs/architecture.svg and says what breaks the layering
    python3 scripts/architecture.py --check  only says it (exit 1 when something does)

A module may import from its own layer and the layers below it, never from above; the two reading and rule
packages, side by side on one layer, do not import each other; no import cycle. tests/test_architecture.py runs
the same checks and compares the drawing with the code.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("estimator", "ui")
MODULE_LINES = 400  # a module longer than this is split along its seams

# package (longest prefix wins) -> (layer, what it holds); layer 0 is the bottom
PACKAGES: dict[str, tuple[int, str]] = {
    "estimator": (0, "core: records, codes, phrases and their wording, money, teeth, cells"),
    "estimator.tariff": (1, "tariff: dated profiles and price lists"),
    "estimator.io": (2, "io: reading plans and case files"),
    "estimator.rules": (2, "rules: the engine, what-if"),
    "estimator.output": (3, "output: PDF, workbook, JSON, text"),
    "estimator.register": (3, "register: the saved cases in SQLite, their history"),
    "estimator.command": (4, "command: hkp, batch"),
    "ui": (5, "ui: the desktop application"),
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    return max((p for p in PACKAGES if module == p or module.startswith(p + ".")), key=len)


def layer_of(module: str) -> int:
    return PACKAGES[package_of(module)][0]


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except what sits under `if TYPE_CHECKING:` (names for the type checker, not imports at run time)."""
    nodes: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        nodes.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return nodes


def imports(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the project's modules it imports at run time (also inside functions)."""
    paths = sorted(p for source in SOURCES for p in (root / source).rglob("*.py"))
    modules = {module_name(p, root) for p in paths}
    graph: dict[str, set[str]] = {}
    for path in paths:
        name, found = module_name(path, root), set()
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom) and node.module in modules:
                for alias in node.names:  # `from estimator import wording` imports the module estimator.wording
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in modules else node.module)
        graph[name] = found - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def problems(graph: dict[str, set[str]], root: Path = ROOT) -> list[str]:
    """Every import against the layering, every cycle, every module that is too long."""
    said = []
    for module, deps in sorted(graph.items()):
        for dep in sorted(deps):
            if layer_of(dep) > layer_of(module):
                said.append(f"{module} imports {dep} from a higher layer")
            elif layer_of(dep) == layer_of(module) and package_of(dep) != package_of(module) and layer_of(dep) > 0:
                said.append(f"{module} imports {dep} from a package beside it")
    said += [f"import cycle: {' -> '.join(group)}" for group in cycles(graph)]
    for source in SOURCES:
        for path in sorted((root / source).rglob("*.py")):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MODULE_LINES:
                said.append(f"{path.relative_to(root)}: {lines} lines (at most {MODULE_LINES})")
    return said


def _lines(module: str, root: Path) -> int:
    parts = module.split(".")
    path = root.joinpath(*parts).with_suffix(".py")
    if not path.exists():
        path = root.joinpath(*parts, "__init__.py")
    return len(path.read_text(encoding="utf-8").splitlines())


def _spread(x: float, w: float, k: int, n: int) -> float:
    return x + w * (k + 1) / (n + 1)


def draw(graph: dict[str, set[str]], root: Path = ROOT) -> str:
    """The layers as bands (top: the application, bottom: the core), each package's modules, and one arrow per
    pair of packages where one imports from the other, with the number of imports."""
    width, gap, chip_w, chip_h, left = 1180, 70, 150, 22, 90
    layers = sorted({layer for layer, _ in PACKAGES.values()}, reverse=True)
    boxes: dict[str, tuple[float, float, float, float]] = {}
    out = []
    y = 20
    for layer in layers:
        packages = sorted(p for p, (lay, _) in PACKAGES.items() if lay == layer)
        share = (width - left - 20) / len(packages)
        tallest = 0
        for column, package in enumerate(packages):
            x = left + column * share
            members = sorted(m for m in graph if package_of(m) == package and (m != package or _lines(m, root) > 5))
            per_row = max(1, int((share - 20) // (chip_w + 6)))
            height = 34 + (len(members) + per_row - 1) // per_row * (chip_h + 4)
            tallest = max(tallest, height)
            boxes[package] = (x, y, share - 14, height)
            out.append(f'<rect x="{x:.0f}" y="{y}" width="{share - 14:.0f}" height="{height}" rx="6" class="package"/>')
            out.append(f'<text x="{x + 8:.0f}" y="{y + 18}" class="title">{escape(PACKAGES[package][1])}</text>')
            for i, member in enumerate(members):
                cx = x + 8 + (i % per_row) * (chip_w + 6)
                cy = y + 28 + (i // per_row) * (chip_h + 4)
                label = member.removeprefix(package + ".") if member != package else member
                out.append(f'<rect x="{cx:.0f}" y="{cy}" width="{chip_w}" height="{chip_h}" rx="3" class="module"/>')
                out.append(f'<text x="{cx + 6:.0f}" y="{cy + 15}" class="name">{escape(label)}</text>')
        out.append(f'<text x="12" y="{y + 18}" class="layer">layer {layer}</text>')
        y += tallest + gap
    pairs = Counter((package_of(m), package_of(d)) for m, deps in graph.items() for d in deps if package_of(m) != package_of(d))
    outgoing = {s: sorted((t for s2, t in pairs if s2 == s), key=lambda t: (boxes[t][0], t)) for s, _ in pairs}
    incoming = {t: sorted((s for s, t2 in pairs if t2 == t), key=lambda s: (boxes[s][0], s)) for _, t in pairs}
    arrows = []
    for (source, target), count in sorted(pairs.items()):
        sx, sy, sw, sh = boxes[source]
        tx, ty, tw, _ = boxes[target]
        x1 = _spread(sx, sw, outgoing[source].index(target), len(outgoing[source]))
        x2 = _spread(tx, tw, incoming[target].index(source), len(incoming[target]))
        y1, y2 = sy + sh, ty
        arrows.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" class="import"/>'
            f'<text x="{x1 + (x2 - x1) * 0.15 + 4:.0f}" y="{y1 + (y2 - y1) * 0.15 + 10:.0f}" class="count">{count}</text>'
        )
    height = y - gap + 20
    style = (
        ".package{fill:#eef3f6;stroke:#0f5e6e} .module{fill:#fff;stroke:#9fb3bf} .import{stroke:#8c2a1c;"
        "stroke-width:1.2;marker-end:url(#head);opacity:.6} .title{font:bold 13px sans-serif;fill:#0f5e6e}"
        " .name{font:11px sans-serif} .lines{font:10px sans-serif;fill:#5b6673;text-anchor:end}"
        " .layer{font:bold 13px sans-serif;fill:#1d2733} .count{font:10px sans-serif;fill:#8c2a1c}"
    )
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
            f"<style>{style}</style>",
            '<defs><marker id="head" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto">'
            '<path d="M0,0 L8,4 L0,8 z" fill="#8c2a1c"/></marker></defs>',
            '<rect width="100%" height="100%" fill="#fff"/>',
            *out,
            *arrows,
            f'<text x="12" y="{height - 6}" class="lines" style="text-anchor:start">'
            + "arrows: imports from one package into another (count)</text>",
            "</svg>",
            "",
        ]
    )


def main(argv: list[str]) -> int:
    graph = imports()
    said = problems(graph)
    print("\n".join(said) if said else f"{len(graph)} modules, layering kept, no cycle")
    if "--check" not in argv:
        target = ROOT / "docs" / "architecture.svg"
        target.write_text(draw(graph), encoding="utf-8")
        print(target.relative_to(ROOT))
    return 1 if said else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
