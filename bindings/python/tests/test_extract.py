"""The Python package against the command line: same facts, same errors."""

from __future__ import annotations

import ast
import datetime
import errno
import inspect
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ARTICLES, article_text, assert_same_tree, run_cli

import newsfacts

PUBLISHED = "2025-06-01"


def test_fixture_corpus_is_there() -> None:
    assert len(ARTICLES) >= 24, ARTICLES


# --- extract equals the CLI's JSON -------------------------------------------------------


@pytest.mark.parametrize("published", [None, PUBLISHED])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_extract_equals_cli(ex: newsfacts.Extractor, cli: Path, path: Path, published: str | None) -> None:
    out = run_cli(cli, "extract", *(["--published", published] if published else []), path)
    assert out.returncode == 0, out.stderr
    want = json.loads(out.stdout)
    got = ex.extract(article_text(path), published=published)
    assert got == want
    assert_same_tree(got, want)
    # Not an empty result: what the answer key names, the extraction names too (a few
    # real-page articles name no person, e.g. a box-office chart).
    gold = json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    for key in ("people", "dates"):
        assert bool(got[key]) == bool(gold[key]) or got[key], f"{path.stem}: no {key} extracted"
    assert got["people"] or got["titles"], f"{path.stem}: neither people nor titles"


@pytest.mark.parametrize("path", ARTICLES[:6], ids=lambda p: p.stem)
def test_body_without_metadata_equals_cli(ex: newsfacts.Extractor, cli: Path, tmp_path: Path, path: Path) -> None:
    # Without the metadata line, `published` is the only anchor for relative dates.
    body = article_text(path).split("\n", 1)[1]
    file = tmp_path / path.name
    file.write_bytes(body.encode())
    for published in (None, PUBLISHED):
        out = run_cli(cli, "extract", *(["--published", published] if published else []), file)
        assert out.returncode == 0, out.stderr
        got = ex.extract(body, published=published)
        assert got == json.loads(out.stdout)
        assert_same_tree(got, json.loads(out.stdout))
        assert got["published"] == published


def test_published_as_date_and_text_as_bytes(ex: newsfacts.Extractor) -> None:
    path = ARTICLES[0]
    body = article_text(path).split("\n", 1)[1]
    want = ex.extract(body, published=PUBLISHED)
    assert ex.extract(body.encode(), published=PUBLISHED) == want
    assert ex.extract(body, published=datetime.date(2025, 6, 1)) == want
    assert ex.extract(body, published=datetime.datetime(2025, 6, 1, 23, 59)) == want
    assert want["published"] == PUBLISHED


def test_spans_are_utf8_byte_offsets(ex: newsfacts.Extractor) -> None:
    non_ascii = 0
    for path in ARTICLES:
        raw = path.read_bytes()
        facts = ex.extract(raw.decode())
        mentions = [m for key in ("people", "titles", "organizations") for e in facts[key] for m in e["mentions"]]
        for m in [*mentions, *facts["dates"]]:
            assert raw[m["start"] : m["end"]].decode() == m["text"], (path.name, m)
            non_ascii += not m["text"].isascii()
    assert non_ascii > 0, "some mention is not ASCII, so char and byte offsets differ"


def test_gazetteer_files_equal_cli(cli: Path, tmp_path: Path) -> None:
    text = "Dana Whitfield stars in Glass Harbor, the new series from Bluefin Pictures. It premieres next Friday.\n"
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    people = tmp_path / "people.txt"
    people.write_text("# people\nDana Whitfield\n", encoding="utf-8")
    titles = tmp_path / "titles.tsv"
    titles.write_text("Glass Harbor\tseries\n", encoding="utf-8")
    orgs = tmp_path / "orgs.tsv"
    orgs.write_text("Bluefin Pictures\tstudio\n", encoding="utf-8")

    out = run_cli(cli, "extract", "--people", people, "--titles", titles, "--orgs", orgs, "--published", PUBLISHED, article)
    assert out.returncode == 0, out.stderr
    got = newsfacts.Extractor(people=str(people), titles=titles, orgs=orgs).extract(text, published=PUBLISHED)
    assert got == json.loads(out.stdout)
    assert [p["name"] for p in got["people"]] == ["Dana Whitfield"]
    assert [(t["name"], t["kind"]) for t in got["titles"]] == [("Glass Harbor", "series")]
    assert [(o["name"], o["kind"]) for o in got["organizations"]] == [("Bluefin Pictures", "studio")]

    # Lists of names: titles are films, organizations of kind "other".
    lists = newsfacts.Extractor(people=["Dana Whitfield"], titles=("Glass Harbor",), orgs=iter(["Bluefin Pictures"]))
    got = lists.extract(text, published=PUBLISHED)
    assert [p["name"] for p in got["people"]] == ["Dana Whitfield"]
    assert [(t["name"], t["kind"]) for t in got["titles"]] == [("Glass Harbor", "film")]
    assert [(o["name"], o["kind"]) for o in got["organizations"]] == [("Bluefin Pictures", "other")]
    assert repr(lists) == "newsfacts.Extractor(people=[1 names], titles=[1 names], orgs=[1 names])"


# --- errors: Python exceptions with the library's message ------------------------------


def cli_error(cli: Path, *args: str | Path) -> str:
    """The CLI's error message for `args`, without its `newsfacts: ` prefix."""
    out = run_cli(cli, *args)
    assert out.returncode != 0 and out.stdout == ""
    line = out.stderr.strip()
    assert line.startswith("newsfacts: "), line
    return line.removeprefix("newsfacts: ")


def test_text_not_utf8_is_value_error(ex: newsfacts.Extractor, cli: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Netflix caf\xff")
    with pytest.raises(ValueError) as e:
        ex.extract(b"Netflix caf\xff")
    assert str(e.value) == "input is not valid UTF-8 at byte 11"
    assert cli_error(cli, "extract", bad) == f"{bad}: {e.value}"


def test_text_with_nul_is_value_error(ex: newsfacts.Extractor, cli: Path, tmp_path: Path) -> None:
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"ab\x00cd")
    for text in ("ab\x00cd", b"ab\x00cd"):
        with pytest.raises(ValueError, match=r"^input looks binary \(NUL byte at 2\)$") as e:
            ex.extract(text)
    assert cli_error(cli, "extract", bad) == f"{bad}: {e.value}"


def test_lone_surrogate_is_value_error(ex: newsfacts.Extractor) -> None:
    with pytest.raises(UnicodeEncodeError, match="surrogates not allowed"):
        ex.extract("Netflix \ud800")


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-01", "June 1, 2025", "2025-6-1", ""])
def test_bad_date_is_value_error(ex: newsfacts.Extractor, cli: Path, date: str) -> None:
    with pytest.raises(ValueError) as e:
        ex.extract("It opens next Friday.", published=date)
    assert str(e.value) == f'invalid date "{date}": expected a real calendar day as YYYY-MM-DD'
    assert cli_error(cli, "extract", "--published", date, ARTICLES[0]) == str(e.value)


def test_wrong_types_are_type_errors(ex: newsfacts.Extractor) -> None:
    with pytest.raises(TypeError, match="text must be str or bytes, not int"):
        ex.extract(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published must be .* not int"):
        ex.extract("x", published=20250601)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="people: names must be str, not int"):
        newsfacts.Extractor(people=["Ana de Armas", 7])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="orgs must be a list of names or a gazetteer file path, not int"):
        newsfacts.Extractor(orgs=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a single text"):
        ex.extract_batch("one text")


def test_missing_gazetteer_file_is_os_error(cli: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-people.txt"
    with pytest.raises(FileNotFoundError) as e:
        newsfacts.Extractor(people=missing)
    assert (e.value.errno, e.value.filename, e.value.strerror) == (errno.ENOENT, str(missing), "No such file or directory")
    assert cli_error(cli, "extract", "--people", missing, ARTICLES[0]) == f"{missing}: No such file or directory (os error 2)"
    with pytest.raises(IsADirectoryError) as e:
        newsfacts.Extractor(titles=str(tmp_path))
    assert isinstance(e.value, OSError) and e.value.filename == str(tmp_path)


def test_malformed_gazetteer_row_is_value_error(cli: Path, tmp_path: Path) -> None:
    titles = tmp_path / "titles.tsv"
    titles.write_text("Glass Harbor\tseries\nDune\tfilm\tDune\textra\n", encoding="utf-8")
    with pytest.raises(ValueError) as e:
        newsfacts.Extractor(titles=titles)
    assert str(e.value) == f"{titles}:2: too many columns (expected name, kind, canonical)"
    assert cli_error(cli, "extract", "--titles", titles, ARTICLES[0]) == str(e.value)


def test_batch_errors_name_the_item(ex: newsfacts.Extractor) -> None:
    with pytest.raises(ValueError, match=r"^item 2: input is not valid UTF-8 at byte 1$"):
        ex.extract_batch(["a", b"b", b"c\xffd"])
    with pytest.raises(ValueError, match=r'^item 1: invalid date "2025-02-30"'):
        ex.extract_batch(["a", "b"], published=["2025-02-28", "2025-02-30"])
    with pytest.raises(ValueError, match=r"^published has 1 dates for 2 texts$"):
        ex.extract_batch(["a", "b"], published=["2025-02-28"])
    with pytest.raises(TypeError, match=r"^item 1: text must be str or bytes, not NoneType$"):
        ex.extract_batch(["a", None])  # type: ignore[list-item]
    for threads in (0, -1):
        with pytest.raises(ValueError, match=rf"^threads must be at least 1, not {threads}$"):
            ex.extract_batch(["a"], threads=threads)


def test_odd_input_never_panics(ex: newsfacts.Extractor) -> None:
    empty = ex.extract("")
    assert empty["people"] == [] and empty["published"] is None and empty["warnings"] == []
    for text in ["\u200b" * 10_000, "A. " * 50_000, "“" * 20_000, "date 2025-99-99 Posted in: |\n\n", "🎬" * 5000 + " Netflix"]:
        facts = ex.extract(text)
        assert isinstance(facts["warnings"], list)
    assert ex.extract_batch([]) == []


# --- batches and threads ----------------------------------------------------------------


def test_batch_of_1000_in_order(ex: newsfacts.Extractor) -> None:
    first = datetime.date(2031, 1, 1)
    texts, published, last_dates = [], [], []
    for i in range(1000):
        day = first + datetime.timedelta(days=i)
        body = article_text(ARTICLES[i % len(ARTICLES)])
        # A date unique to article i, in its last sentence: the batch's order shows in it.
        texts.append(f"{body}\n\nThe next one was set for {day:%B} {day.day}, {day.year}.\n")
        published.append(None if i % 3 else datetime.date(2025, 6, 1))
        last_dates.append(day.isoformat())
    got = ex.extract_batch(texts, published=published)
    assert len(got) == 1000
    assert [f["dates"][-1]["value"] for f in got] == last_dates
    assert got == [ex.extract(t, published=p) for t, p in zip(texts, published)]
    assert_same_tree(got[:60], [ex.extract(t, published=p) for t, p in zip(texts[:60], published[:60])])
    assert ex.extract_batch(texts[:60], published=published[:60], threads=1) == got[:60]
    assert ex.extract_batch(tuple(texts[:60]), published=PUBLISHED, threads=2) == [ex.extract(t, PUBLISHED) for t in texts[:60]]


def test_extractor_shared_across_threads(ex: newsfacts.Extractor) -> None:
    texts = [article_text(p) for p in ARTICLES]
    want = [ex.extract(t, published=PUBLISHED) for t in texts]
    n = len(texts)
    with ThreadPoolExecutor(max_workers=6) as pool:
        singles = list(pool.map(lambda i: ex.extract(texts[i % n], published=PUBLISHED), range(6 * n)))
        batches = list(pool.map(lambda k: ex.extract_batch(texts, published=PUBLISHED, threads=1 + k % 2), range(6)))
    assert singles == want * 6
    assert batches == [want] * 6


def test_extraction_releases_the_gil(ex: newsfacts.Extractor) -> None:
    # A heartbeat thread needs the GIL to tick: it can only tick during a call that
    # releases it. About 1.5 MB of plain prose takes tens of milliseconds to extract.
    text = "the crew went back to the old house by the river and waited there for news. " * 20_000
    ticks = 0
    stop = threading.Event()

    def beat() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    heart = threading.Thread(target=beat)
    heart.start()
    try:
        time.sleep(0.01)
        before = ticks
        t = time.perf_counter()
        ex.extract_batch([text, text], threads=2)
        ex.extract(text)
        elapsed = time.perf_counter() - t
        during = ticks - before
    finally:
        stop.set()
        heart.join()
    print(f"{during} heartbeats in {elapsed:.3f} s")
    assert elapsed > 0.02, f"too fast to tell ({elapsed:.3f} s)"
    assert during >= 5, f"{during} heartbeats in {elapsed:.3f} s: the GIL was held"


# --- docs and typing ------------------------------------------------------------------


def test_docstrings_and_signatures() -> None:
    assert "Lionsgate" in (newsfacts.__doc__ or "")
    assert "gazetteer" in (newsfacts.Extractor.__doc__ or "")
    assert "Returns:" in (newsfacts.Extractor.extract.__doc__ or "")
    assert "GIL" in (newsfacts.Extractor.extract_batch.__doc__ or "")
    sig = inspect.signature(newsfacts.Extractor.extract_batch)
    assert list(sig.parameters)[1:] == ["texts", "published", "threads", "offsets"]
    assert all(sig.parameters[p].default is None for p in ("published", "threads"))
    for method in (newsfacts.Extractor.extract, newsfacts.Extractor.extract_batch):
        offsets = inspect.signature(method).parameters["offsets"]
        assert (offsets.kind, offsets.default) == (inspect.Parameter.KEYWORD_ONLY, "byte")
    assert list(inspect.signature(newsfacts.Extractor).parameters) == ["people", "titles", "orgs", "rules"]
    assert newsfacts.__version__ == "0.1.0"


def test_stub_and_py_typed_ship_and_match(ex: newsfacts.Extractor) -> None:
    pkg = Path(newsfacts.__file__).parent
    assert (pkg / "py.typed").is_file()
    stub = ast.parse((pkg / "__init__.pyi").read_text(encoding="utf-8"))
    classes = {c.name: c for c in stub.body if isinstance(c, ast.ClassDef)}
    methods = {f.name for f in classes["Extractor"].body if isinstance(f, ast.FunctionDef)}
    assert methods == {"__init__", "check_rules", "extract", "extract_batch"}
    assert all(hasattr(newsfacts.Extractor, m) for m in methods)
    # The Facts TypedDict lists exactly the keys extract returns.
    fields = [a.target.id for a in classes["Facts"].body if isinstance(a, ast.AnnAssign) and isinstance(a.target, ast.Name)]
    assert fields == list(ex.extract(article_text(ARTICLES[0])))
