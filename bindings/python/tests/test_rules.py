"""User credit rules from Python: `rules=` and `check_rules()` (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfacts

HELMS = (
    "# a rule of our own\n"
    "rule\tcrew.steers\tright\tdirector\tsteers {title}\n"
    "+\tAna Ruiz steers “Harbor Lights”.\tAna Ruiz|director|Harbor Lights|null\n"
    "-\tAna Ruiz steers nothing.\n"
)


def test_a_rule_file_adds_a_phrasing(tmp_path: Path) -> None:
    text = "Ana Ruiz steers “Harbor Lights” for the studio."
    assert newsfacts.Extractor().extract(text)["roles"] == []
    path = tmp_path / "mine.rules"
    path.write_text(HELMS, encoding="utf-8")
    for rules in (path, str(path), [path]):
        ex = newsfacts.Extractor(rules=rules)
        roles = ex.extract(text)["roles"]
        assert [(r["person"], r["role"], r["title"], r["evidence"]["rule"]) for r in roles] == [
            ("Ana Ruiz", "director", "Harbor Lights", "crew.steers")
        ]
        assert ex.check_rules() == []
    assert "rules=[" in repr(newsfacts.Extractor(rules=path))


def test_a_bad_rule_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.rules"
    path.write_text("# header\nrule\tcrew.steers\tright\tdirector\tsteers <who>\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        newsfacts.Extractor(rules=path)
    assert str(err.value) == f'{path}:2:40: unknown element "<who>"'


def test_a_failing_example_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "mine.rules"
    path.write_text(HELMS.replace("steers nothing.", "steers “Harbor Lights” again."), encoding="utf-8")
    failures = newsfacts.Extractor(rules=path).check_rules()
    assert len(failures) == 1 and failures[0].startswith("crew.steers: - "), failures


def test_wrong_types_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        newsfacts.Extractor(rules=[1])
    with pytest.raises(TypeError):
        newsfacts.Extractor(rules=b"x.rules")
    with pytest.raises(FileNotFoundError):
        newsfacts.Extractor(rules=tmp_path / "missing.rules")
