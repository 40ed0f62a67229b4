"""The package's layers import one way: lower layers never import higher ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
BASE = {
    "pipeline", "pipeline.__version__", "pipeline.config", "pipeline.contract", "pipeline.gazetteer", "pipeline.processes",
    "pipeline.text",
}
# layer -> the layers it may import (besides itself and BASE)
ALLOWED = {
    "base": set(),
    "nlp": set(),
    "storage": set(),
    "ingest": {"nlp", "storage"},
    "publish": {"storage", "nlp"},
    "evaluation": {"ingest", "storage", "publish", "nlp"},
    "review": {"nlp", "storage", "ingest", "publish", "evaluation"},
    "cli": {"nlp", "storage", "ingest", "publish", "evaluation", "review"},
}


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    parts = module.split(".")
    if parts[1] in ALLOWED:
        return parts[1]
    return "cli"  # cli.py, __main__.py


def imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("pipeline")}
    return out


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        out.append((".".join(p for p in rel.parts if p != "__init__"), path))
    return out


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: v if isinstance(v, str) else "")
def test_imports_point_down(module, path):
    own = layer(module)
    allowed = {own, "base"} | ALLOWED[own]
    wrong = sorted(
        name for name in imports(path)
        if layer(name if name.count(".") else "pipeline") not in allowed and not _is_base_symbol(name)
    )
    assert not wrong, f"{module} ({own}) imports {wrong}"


def _is_base_symbol(name: str) -> bool:
    """``from pipeline.contract import X`` yields 'pipeline.contract.X': that is the base layer."""
    return any(name.startswith(base + ".") for base in BASE - {"pipeline"})
