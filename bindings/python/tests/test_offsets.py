"""offsets="char": spans as Python str indices, on text with characters outside ASCII."""

from __future__ import annotations

from typing import Any

import pytest

import newsfacts

from conftest import ARTICLES, article_text

TEXT = (
    "Directed by Sofía Mejía 🎬, Ballerina stars Ana de Armas — opening June 6, 2025 — "
    "and Ian McShane. Lionsgate shared a featurette."
)


def spans(facts: dict[str, Any]) -> list[tuple[str, int, int, str | None]]:
    """Every span of the facts, found by walking the dict: (path, start, end, text)."""
    out: list[tuple[str, int, int, str | None]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if "start" in node and "end" in node:
                out.append((path, node["start"], node["end"], node.get("text")))
            for k, v in node.items():
                walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")

    walk(facts, "")
    return out


def char_of(text: str, byte: int) -> int:
    return len(text.encode()[:byte].decode())


def test_char_offsets_slice_the_str(ex: newsfacts.Extractor) -> None:
    facts = ex.extract(TEXT, offsets="char")
    people = {p["name"]: p["mentions"][0] for p in facts["people"]}
    assert {"Sofía Mejía", "Ana de Armas", "Ian McShane"} <= set(people)
    for name, m in people.items():
        assert TEXT[m["start"] : m["end"]] == m["text"] == name
    # After "í", "í" and the emoji, byte and character offsets differ: the test means it.
    byte_facts = ex.extract(TEXT)
    ana = next(p for p in byte_facts["people"] if p["name"] == "Ana de Armas")["mentions"][0]
    assert ana["start"] != people["Ana de Armas"]["start"]
    assert TEXT[ana["start"] : ana["end"]] != "Ana de Armas"
    found = spans(facts)
    assert any(path.startswith(".dates") for path, *_ in found)
    for path, start, end, text in found:
        assert 0 <= start <= end <= len(TEXT), path
        if text is not None:
            assert TEXT[start:end] == text, path


@pytest.mark.parametrize("path", [p for p in ARTICLES if not article_text(p).isascii()][:8], ids=lambda p: p.stem)
def test_char_offsets_are_the_byte_offsets_counted_in_characters(ex: newsfacts.Extractor, path: Any) -> None:
    """Every span, evidence included: the char dict is the byte dict with each offset
    converted, and nothing else differs."""
    text = article_text(path)
    by_byte, by_char = ex.extract(text), ex.extract(text, offsets="char")
    want = spans(by_byte)
    assert len(want) > 0
    assert [(p, char_of(text, s), char_of(text, e), t) for p, s, e, t in want] == spans(by_char)

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("start", "end")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    assert strip(by_byte) == strip(by_char)


def test_non_ascii_fixtures_exist() -> None:
    assert any(not article_text(p).isascii() for p in ARTICLES)


def test_bytes_input_counts_characters_of_the_decoded_text(ex: newsfacts.Extractor) -> None:
    assert ex.extract(TEXT.encode(), offsets="char") == ex.extract(TEXT, offsets="char")


def test_batch_takes_offsets(ex: newsfacts.Extractor) -> None:
    texts = [TEXT, "Keanu Reeves returns.", TEXT.encode()]
    assert ex.extract_batch(texts, offsets="char") == [ex.extract(t, offsets="char") for t in texts]
    assert ex.extract_batch(texts, threads=1, offsets="byte") == [ex.extract(t) for t in texts]


def test_byte_is_the_default_and_unknown_offsets_are_refused(ex: newsfacts.Extractor) -> None:
    assert ex.extract(TEXT, offsets="byte") == ex.extract(TEXT)
    for bad in ("chars", "utf16", ""):
        with pytest.raises(ValueError, match='offsets must be "byte" or "char"'):
            ex.extract(TEXT, offsets=bad)
        with pytest.raises(ValueError, match='offsets must be "byte" or "char"'):
            ex.extract_batch([TEXT], offsets=bad)
    with pytest.raises(TypeError):
        ex.extract(TEXT, "2025-06-01", "char")  # keyword only
