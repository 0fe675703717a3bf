"""Names given as Python lists are checked as gazetteer file rows are (issue 20, item 7)."""

from __future__ import annotations

import pytest

import newsfacts


@pytest.mark.parametrize(
    ("names", "where", "why"),
    [
        (["Keanu Reeves", "Ana\tde Armas"], "<list>:2", "control character '\\t' in name"),
        (["Zoë\nKravitz"], "<list>:1", "control character '\\n' in name"),
        (["Keanu Reeves", ""], "<list>:2", "empty name"),
        (["x" * 300], "<list>:1", "256"),
    ],
)
def test_bad_list_names_fail_with_their_position(names: list[str], where: str, why: str) -> None:
    with pytest.raises(ValueError) as err:
        newsfacts.Extractor(people=names)
    assert where in str(err.value), str(err.value)
    assert why in str(err.value), str(err.value)


def test_decomposed_list_names_match_composed_text() -> None:
    # "Zoë" typed with a combining diaeresis matches the composed spelling in the text.
    ex = newsfacts.Extractor(people=["Zoe\u0308 Kravitzova"])
    facts = ex.extract("Zoë Kravitzova joins the cast of the film.")
    assert [p["name"] for p in facts["people"]] == ["Zoë Kravitzova"]
