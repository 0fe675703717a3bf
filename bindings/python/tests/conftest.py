"""Shared fixtures: the repository's fixture articles, the CLI binary, one extractor."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import newsfacts

REPO = Path(__file__).resolve().parents[3]
ARTICLES = sorted((REPO / "fixtures" / "articles").glob("*.txt"))


def article_text(path: Path) -> str:
    """The article as the CLI reads it: the file's bytes as UTF-8, no newline translation."""
    return path.read_bytes().decode("utf-8")


def assert_same_tree(got: Any, want: Any, path: str = "") -> None:
    """`got == want`, and more: the same types at every node (`True` is not `1`, a list is
    not a tuple) and every dict's keys in the same order, as `json.loads` gives them."""
    assert type(got) is type(want), f"{path or 'top'}: {type(got).__name__} != {type(want).__name__}"
    if isinstance(want, dict):
        assert list(got) == list(want), f"{path or 'top'}: keys {list(got)} != {list(want)}"
        for k, v in want.items():
            assert_same_tree(got[k], v, f"{path}.{k}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{path or 'top'}: {len(got)} items != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same_tree(g, w, f"{path}[{i}]")
    else:
        assert got == want, f"{path or 'top'}: {got!r} != {want!r}"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `newsfacts` binary: $NEWSFACTS_CLI, or target/release/newsfacts (cargo build --release)."""
    path = Path(os.environ.get("NEWSFACTS_CLI", REPO / "target" / "release" / "newsfacts"))
    if not path.is_file():
        pytest.fail(f"{path} not found: run `cargo build --release` or set NEWSFACTS_CLI")
    return path


def run_cli(cli: Path, *args: str | os.PathLike[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), *map(str, args)], input=stdin, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture(scope="session")
def ex() -> newsfacts.Extractor:
    return newsfacts.Extractor()
