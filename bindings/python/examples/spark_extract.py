"""newsfacts on Spark, two ways, over a directory of article files.

1. The Python package: a DataFrame of (id, text, published) mapped with `mapInPandas`,
   one `newsfacts.Extractor` per partition, the facts as a JSON string column.
2. The command line as a JSON-lines filter: `RDD.pipe` through
   `newsfacts extract --jsonl --threads 1 -`, the binary shipped with `SparkContext.addFile`.

Both must give exactly what direct extraction gives; `--check` verifies that, and the
script prints each way's throughput (the job alone, after the input is cached), and for
scale the same work without Spark: `extract_batch` and the CLI on two threads.

    python spark_extract.py --articles fixtures/articles --cli target/release/newsfacts \\
        --published 2025-06-01 --check [--repeat 100] [--master local[2]]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from pyspark import SparkFiles
from pyspark.rdd import RDD
from pyspark.sql import DataFrame, SparkSession

import newsfacts

FACTS_SCHEMA = "id string, facts string"


def read_articles(directory: str | os.PathLike[str], published: str | None = None) -> list[tuple[str, str, str | None]]:
    """(id, text, published) for every `*.txt` in `directory`, sorted by file name.

    The text is decoded from the file's bytes, without newline translation, so that byte
    spans match the command line's `newsfacts extract FILE`.
    """
    paths = sorted(Path(directory).glob("*.txt"))
    return [(p.stem, p.read_bytes().decode("utf-8"), published) for p in paths]


def spark_session(master: str = "local[2]", app: str = "newsfacts") -> SparkSession:
    """A Spark session whose Python workers run this interpreter (and so see `newsfacts`)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def extract_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas body: one Extractor per partition, reused for all its Arrow batches.

    Spark already runs one task per core, so each batch is extracted on one thread.
    """
    ex = newsfacts.Extractor()
    for batch in batches:
        texts = batch["text"].tolist()
        # A null string cell reaches pandas as None or NaN, depending on the pandas version.
        published = [p if isinstance(p, str) else None for p in batch["published"].tolist()]
        facts = ex.extract_batch(texts, published=published, threads=1)
        yield pd.DataFrame(
            {
                "id": batch["id"].tolist(),
                "facts": [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in facts],
            }
        )


def facts_with_package(df: DataFrame) -> DataFrame:
    """(id, text, published) -> (id, facts) with the Python package; facts is a JSON string."""
    return df.select("id", "text", "published").mapInPandas(extract_partition, schema=FACTS_SCHEMA)


def to_json_lines(df: DataFrame) -> RDD:
    """(id, text, published) -> RDD of (id, JSON line), the CLI's `--jsonl -` input."""
    return df.rdd.map(lambda r: (r["id"], json.dumps({"text": r["text"], "published": r["published"]}, ensure_ascii=False)))


def facts_with_cli(lines: RDD, cli: str) -> RDD:
    """RDD of (id, JSON line) -> RDD of (id, facts JSON line) through `newsfacts extract --jsonl -`.

    The binary is shipped with `addFile`: `SparkFiles.get` on the driver names it in local
    mode; executors on a cluster find it in their working directory. `pipe` keeps each
    partition's order and the CLI prints one line an input line (a failed article fails
    the job through the exit status), so ids zip back on.
    """
    sc = lines.context
    sc.addFile(str(Path(cli).resolve()))
    name = Path(cli).name
    exe = SparkFiles.get(name) if sc.master.startswith("local") else f"./{name}"
    out = lines.values().pipe(f"{exe} extract --jsonl --threads 1 -", checkCode=True)
    return lines.keys().zip(out)


def without_source(facts_line: str) -> dict:
    """A CLI JSON line as the facts dict: the `"source"` field (the line number) removed."""
    facts = json.loads(facts_line)
    facts.pop("source", None)
    return facts


def direct(rows: list[tuple[str, str, str | None]]) -> dict[str, dict]:
    """What the package gives for each row, outside Spark."""
    ex = newsfacts.Extractor()
    return {i: ex.extract(text, published=pub) for i, text, pub in rows}


def timed(label: str, job, n: int, nbytes: int) -> float:
    """Runs `job` (which forces the whole computation) and prints articles/s and MB/s."""
    t = time.perf_counter()
    job()
    dt = time.perf_counter() - t
    print(f"{label}: {n} articles, {nbytes / 1e6:.2f} MB in {dt:.2f} s: {n / dt:,.0f} articles/s, {nbytes / 1e6 / dt:.2f} MB/s")
    return dt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", required=True, help="directory of *.txt articles")
    ap.add_argument("--cli", required=True, help="path of the newsfacts binary")
    ap.add_argument("--published", default=None, help="publication date YYYY-MM-DD for every article")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--repeat", type=int, default=1, help="use the articles this many times (for throughput)")
    ap.add_argument("--check", action="store_true", help="assert both ways equal direct extraction")
    args = ap.parse_args(argv)

    base = read_articles(args.articles, args.published)
    rows = [(f"{i}#{r}" if args.repeat > 1 else i, t, p) for r in range(args.repeat) for i, t, p in base]
    n, nbytes = len(rows), sum(len(t.encode()) for _, t, _ in rows)
    spark = spark_session(args.master)
    try:
        df = spark.createDataFrame(rows, "id string, text string, published string").repartition(2).cache()
        df.count()
        lines = to_json_lines(df).cache()
        lines.count()

        # The same work without Spark, on the same cores, for scale.
        texts, pubs = [t for _, t, _ in rows], [p for _, _, p in rows]
        timed("no Spark: extract_batch(threads=2)", lambda: newsfacts.Extractor().extract_batch(texts, published=pubs, threads=2), n, nbytes)
        stdin = "".join(json.dumps({"text": t, "published": p}) + "\n" for t, p in zip(texts, pubs)).encode()
        cmd = [args.cli, "extract", "--jsonl", "--threads", "2", "-"]
        timed("no Spark: newsfacts extract --jsonl --threads 2", lambda: subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, check=True), n, nbytes)

        package = facts_with_package(df)
        cli = facts_with_cli(lines, args.cli)
        timed("mapInPandas + package", lambda: package.selectExpr("sum(length(facts))").collect(), n, nbytes)
        timed("RDD.pipe + CLI", lambda: cli.map(lambda kv: len(kv[1])).sum(), n, nbytes)

        if args.check:
            want = direct(base)
            key = (lambda i: i.rsplit("#", 1)[0]) if args.repeat > 1 else (lambda i: i)
            got_pkg = {i: json.loads(f) for i, f in package.collect()}
            got_cli = {i: without_source(f) for i, f in cli.collect()}
            for name, got in (("package", got_pkg), ("cli", got_cli)):
                assert len(got) == n, f"{name}: {len(got)} results for {n} articles"
                bad = [i for i, f in got.items() if f != want[key(i)]]
                assert not bad, f"{name}: differs from direct extraction for {bad[:5]}"
            print(f"check: both ways equal direct extraction for all {n} articles")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
