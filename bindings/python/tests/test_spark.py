"""Spark in local mode (local[2]): both ways of examples/spark_extract.py give exactly what
direct extraction gives."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTICLES, REPO, article_text

import newsfacts

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_extract.py"
spec = importlib.util.spec_from_file_location("spark_extract", EXAMPLE)
assert spec and spec.loader
spark_extract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(spark_extract)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    session = spark_extract.spark_session("local[2]", app="newsfacts-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str, str | None]]:
    # Half the articles without their metadata line and with a publication date, so that
    # `published` travels through both ways; the others as they are, with none.
    out = []
    for i, path in enumerate(ARTICLES):
        text = article_text(path)
        if i % 2:
            out.append((path.stem, text.split("\n", 1)[1], "2025-06-01"))
        else:
            out.append((path.stem, text, None))
    return out


@pytest.fixture(scope="module")
def want(rows: list[tuple[str, str, str | None]]) -> dict[str, dict]:
    ex = newsfacts.Extractor()
    return {i: ex.extract(text, published=pub) for i, text, pub in rows}


@pytest.fixture(scope="module")
def df(spark, rows):
    frame = spark.createDataFrame(rows, "id string, text string, published string").repartition(2)
    assert frame.rdd.getNumPartitions() == 2
    return frame


def test_dataframe_mapped_with_package_equals_direct(df, want: dict[str, dict]) -> None:
    facts = spark_extract.facts_with_package(df)
    assert [(f.name, f.dataType.simpleString()) for f in facts.schema.fields] == [("id", "string"), ("facts", "string")]
    got = {r["id"]: json.loads(r["facts"]) for r in facts.collect()}
    assert set(got) == set(want)
    for i in sorted(want):
        assert got[i] == want[i], i
    assert sum(len(f["people"]) for f in got.values()) > 100
    assert got[ARTICLES[1].stem]["published"] == "2025-06-01"


def test_rdd_pipe_through_cli_equals_direct(df, want: dict[str, dict], cli: Path) -> None:
    lines = spark_extract.to_json_lines(df)
    assert lines.getNumPartitions() == 2
    out = spark_extract.facts_with_cli(lines, str(cli)).collect()
    assert len(out) == len(want)
    # The CLI numbers the lines of its standard input: each partition counts from 1.
    sizes = lines.glom().map(len).collect()
    assert sorted(json.loads(line)["source"] for _, line in out) == sorted(n for k in sizes for n in range(1, k + 1))
    got = {i: spark_extract.without_source(line) for i, line in out}
    assert set(got) == set(want)
    for i in sorted(want):
        assert got[i] == want[i], i


def test_example_script_checks_both_ways(cli: Path, spark) -> None:
    spark.stop()  # one local JVM at a time on a small machine; the script starts its own
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--articles", str(REPO / "fixtures" / "articles"), "--cli", str(cli), "--published", "2025-06-01", "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    n = len(ARTICLES)
    assert f"check: both ways equal direct extraction for all {n} articles" in run.stdout
    assert f"mapInPandas + package: {n} articles" in run.stdout
    assert f"RDD.pipe + CLI: {n} articles" in run.stdout
