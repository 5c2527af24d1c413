"""Per-article work: the same results in this process and in a pool; errors stay per item."""

from __future__ import annotations

from newsfacts.parallel import apply_each


def shout(word: str) -> str:
    if word == "boom":
        raise ValueError("cannot shout this")
    return word.upper()


WORDS = ["kyiv", "boom", "odesa", "sumy"] * 300


def test_serial_results_and_errors_in_order() -> None:
    results = apply_each(shout, WORDS, workers=1)
    assert [r for r, _ in results[:4]] == ["KYIV", None, "ODESA", "SUMY"]
    error = results[1][1]
    assert error.startswith("ValueError: cannot shout this (at test_parallel.py:")


def test_pool_gives_the_same_results() -> None:
    assert apply_each(shout, WORDS, workers=2, min_items_for_pool=10) == apply_each(shout, WORDS, workers=1)
