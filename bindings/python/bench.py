"""What building the Python dicts costs: `Extractor.extract` against the Rust extraction alone.

Over the fixture articles (`fixtures/articles/*.txt`), each round times one pass of
`Extractor._extract_rust` (the same argument checks, extraction and offsets rewrite as
`extract`, with the GIL released, but no Python result built) and one pass of
`Extractor.extract` over the same texts, in alternating order, so that load on a shared
machine falls on both alike. It prints the median pass times and the overhead of `extract`
over the Rust extraction: the median of the passes, and the median of the per-round ratios
(the steadier of the two when the machine is busy).

With `--batch K`, it also times `extract_batch` on the articles repeated K times
(threads=1) against `_extract_rust` over the same texts: the result of a whole batch is
alive at once, which is where the cyclic garbage collector's passes cost the most.

    python bindings/python/bench.py                       # 21 rounds over fixtures/articles
    python bindings/python/bench.py --rounds 41 --offsets char --batch 20
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import newsfacts

REPO = Path(__file__).resolve().parents[2]


def timed(run: Callable[[], object]) -> float:
    t = time.perf_counter()
    run()
    return time.perf_counter() - t


def rounds_of(n: int, first: Callable[[], object], second: Callable[[], object]) -> tuple[list[float], list[float]]:
    """n rounds of both, alternating which goes first; one warm-up round not counted."""
    first(), second()
    a: list[float] = []
    b: list[float] = []
    for i in range(n):
        if i % 2:
            b.append(timed(second))
            a.append(timed(first))
        else:
            a.append(timed(first))
            b.append(timed(second))
    return a, b


def report(name: str, rust: list[float], py: list[float], unit: str = "ms") -> None:
    scale = 1e3
    r, p = statistics.median(rust), statistics.median(py)
    ratio = statistics.median(pi / ri for pi, ri in zip(py, rust))
    print(f"{name}")
    print(f"  Rust extraction alone  median {r * scale:8.2f} {unit}  (min {min(rust) * scale:.2f}, max {max(rust) * scale:.2f})")
    print(f"  Python result          median {p * scale:8.2f} {unit}  (min {min(py) * scale:.2f}, max {max(py) * scale:.2f})")
    print(f"  overhead: {100 * (p / r - 1):+.1f}% (medians), {100 * (ratio - 1):+.1f}% (median of per-round ratios)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=REPO / "fixtures" / "articles", help="folder of *.txt articles")
    ap.add_argument("--rounds", type=int, default=21, help="timed passes of each (default 21)")
    ap.add_argument("--published", default=None, help="publication date passed to every call (YYYY-MM-DD)")
    ap.add_argument("--offsets", default="byte", choices=["byte", "char"])
    ap.add_argument("--batch", type=int, default=0, metavar="K", help="also time extract_batch on the articles repeated K times")
    args = ap.parse_args()

    paths = sorted(args.articles.glob("*.txt"))
    if not paths:
        sys.exit(f"no *.txt in {args.articles}")
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    size = sum(len(t.encode()) for t in texts)
    ex = newsfacts.Extractor()
    kw = {"published": args.published, "offsets": args.offsets}

    def rust() -> None:
        for t in texts:
            ex._extract_rust(t, **kw)

    def py() -> None:
        for t in texts:
            ex.extract(t, **kw)

    print(
        f"newsfacts {newsfacts.__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"gc {'on' if gc.isenabled() else 'off'}: {len(texts)} articles, {size / 1e3:.0f} KB, "
        f"{args.rounds} rounds, offsets={args.offsets!r}"
    )
    rust_t, py_t = rounds_of(args.rounds, rust, py)
    report("extract, one call an article, one pass over the articles:", rust_t, py_t)

    if args.batch > 0:
        many = texts * args.batch

        def rust_many() -> None:
            for t in many:
                ex._extract_rust(t, **kw)

        def batch() -> None:
            ex.extract_batch(many, threads=1, **kw)

        n = max(3, args.rounds // 4)
        rust_t, py_t = rounds_of(n, rust_many, batch)
        report(f"extract_batch(threads=1) of {len(many)} articles, {n} rounds:", rust_t, py_t)


if __name__ == "__main__":
    main()
