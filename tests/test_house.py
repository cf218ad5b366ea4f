"""The house rules the code keeps: layers, sizes, lean imports, and domain words in domain errors."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "sendcalc"
DOMAIN = ("core", "calendar", "exclusions", "attendance", "record")  # shared by the command line, case lists, API


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (SRC / folder).rglob("*.py"))


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}


def test_the_python_api_loads_neither_typer_nor_rich() -> None:
    code = (
        "import sys, sendcalc.api; print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'rich', 'click'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _error_strings(path: Path) -> list[tuple[int, str]]:
    """Every string in the arguments of a raised ...Error(...) in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name.endswith("Error"):
                found += [
                    (sub.lineno, sub.value)
                    for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]
                    for sub in ast.walk(arg)
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str)
                ]
    return found


@pytest.mark.parametrize("path", modules(*DOMAIN), ids=lambda p: str(p.relative_to(SRC)))
def test_domain_errors_name_no_command_line_option(path: Path) -> None:
    flagged = [(line, text) for line, text in _error_strings(path) if re.search(r"--[a-z]", text)]
    assert flagged == []


def test_the_flag_check_can_fail(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('def f():\n    raise InputError(f"give --calendar {x}")\n')
    assert _error_strings(sample) == [(2, "give --calendar ")]


@pytest.mark.parametrize("path", modules(*DOMAIN, "readers", "batch", "render"), ids=lambda p: str(p.relative_to(SRC)))
def test_lower_layers_never_import_the_command_line(path: Path) -> None:
    imports = [
        node.module or "" for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert [m for m in imports if m.startswith(("sendcalc.cli", "typer"))] == []


@pytest.mark.parametrize("path", modules(*DOMAIN), ids=lambda p: str(p.relative_to(SRC)))
def test_the_domain_neither_prints_nor_imports_rich(path: Path) -> None:
    tree = ast.parse(path.read_text())
    calls = [n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert "print" not in calls
    assert [m for m in imported if m.startswith(("rich", "sendcalc.render"))] == []
