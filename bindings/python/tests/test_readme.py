"""The README's ```python blocks, run from the repository root with the installed package.

Each block runs statement by statement in a fresh namespace. An expression statement
followed by a comment that is a Python literal (`facts["x"]   # 'Lionsgate'`) is checked
against it, as a doctest would. Blocks marked ```python untested are not run (the README
says why); tests/readme.rs checks that every block of the README is run or marked.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

FENCE = re.compile(r"^([ \t]*)```(.*)$")


def blocks(markdown: str) -> list[tuple[str, int, str]]:
    """(info string, line of the opening fence, code) of each fenced block; the fence's
    indentation is removed from the code (blocks inside list items)."""
    out: list[tuple[str, int, str]] = []
    open_: tuple[str, int, int, list[str]] | None = None
    for n, line in enumerate(markdown.splitlines(), 1):
        m = FENCE.match(line)
        if open_ is None and m:
            open_ = (m.group(2).strip(), n, len(m.group(1)), [])
        elif open_ is not None and m:
            info, at, _, lines = open_
            out.append((info, at, "".join(lines)))
            open_ = None
        elif open_ is not None:
            indent = len(line) - len(line.lstrip())
            open_[3].append(line[min(indent, open_[2]) :] + "\n")
    return out


def python_blocks() -> list[tuple[int, str]]:
    return [(at, code) for info, at, code in blocks((REPO / "README.md").read_text(encoding="utf-8")) if info == "python"]


def python_params() -> list[Any]:
    return [pytest.param(at, code, id=f"README.md:{at}") for at, code in python_blocks()]


def expected_value(code_lines: list[str], stmt: ast.stmt) -> tuple[bool, Any]:
    """The literal in the comment after an expression statement, if it has one."""
    line = code_lines[(stmt.end_lineno or stmt.lineno) - 1]
    rest = line[stmt.end_col_offset or 0 :].strip()
    if not rest.startswith("#"):
        return False, None
    comment = rest[1:].strip()
    try:
        return True, ast.literal_eval(comment)
    except (ValueError, SyntaxError):
        pytest.fail(f"comment after an expression is not a literal to check: {line.strip()!r}")


def test_block_parsing() -> None:
    md = "x\n```python\na = 1\n```\n1. item\n\n   ```python untested\n   b = 2\n   ```\n"
    assert blocks(md) == [("python", 2, "a = 1\n"), ("python untested", 7, "b = 2\n")]


def test_readme_has_python_to_run() -> None:
    assert python_blocks(), "no ```python block in README.md"


@pytest.mark.parametrize("at,code", python_params())
def test_readme_python_block(at: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    where = f"README.md:{at}"
    tree = ast.parse(code, filename=where)
    lines = code.splitlines()
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    checked = 0
    for stmt in tree.body:
        has_value, want = expected_value(lines, stmt) if isinstance(stmt, ast.Expr) else (False, None)
        if has_value:
            got = eval(compile(ast.Expression(stmt.value), where, "eval"), namespace)
            assert got == want, f"{where}+{stmt.lineno}: {ast.get_source_segment(code, stmt)} is {got!r}, the README says {want!r}"
            checked += 1
        else:
            exec(compile(ast.Module(body=[stmt], type_ignores=[]), where, "exec"), namespace)
    print(f"{where}: {len(tree.body)} statements, {checked} values checked")
