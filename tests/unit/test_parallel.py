"""Per-article work: the same results on every engine and chunking; errors stay per item."""

from __future__ import annotations

import pytest

from newsfacts.parallel import (
    MAX_CHUNK,
    MIN_CHUNK,
    ProcessEngine,
    SerialEngine,
    apply_each,
    chunk_size_for,
    make_engine,
)


def shout(word: str) -> str:
    if word == "boom":
        raise ValueError("cannot shout this")
    return word.upper()


WORDS = ["kyiv", "boom", "odesa", "sumy"] * 300


def test_serial_results_and_errors_in_order() -> None:
    results = apply_each(shout, WORDS)
    assert [r for r, _ in results[:4]] == ["KYIV", None, "ODESA", "SUMY"]
    error = results[1][1]
    assert error.startswith("ValueError: cannot shout this (at test_parallel.py:")


@pytest.mark.parametrize("chunk_size", [1, 7, 500, 5000])
def test_chunking_does_not_change_results(chunk_size: int) -> None:
    assert apply_each(shout, WORDS, SerialEngine(), chunk_size) == apply_each(shout, WORDS)


def test_a_pool_gives_the_same_results_and_is_kept_between_calls() -> None:
    engine = ProcessEngine(workers=2)
    try:
        first = apply_each(shout, WORDS, engine, chunk_size=50)
        pool = engine._pool
        second = apply_each(shout, WORDS[:100], engine, chunk_size=25)
        assert engine._pool is pool is not None  # one pool for the whole run
    finally:
        engine.close()
    assert first == apply_each(shout, WORDS)
    assert second == apply_each(shout, WORDS[:100])
    assert engine._pool is None


def test_one_chunk_stays_in_this_process() -> None:
    engine = ProcessEngine(workers=2)
    assert apply_each(shout, WORDS[:10], engine) == apply_each(shout, WORDS[:10])
    assert engine._pool is None


def test_chunks_are_sized_to_the_workers() -> None:
    assert chunk_size_for(10, 2) == MIN_CHUNK
    assert chunk_size_for(1000, 2) == 125  # four chunks per worker
    assert chunk_size_for(10**6, 2) == MAX_CHUNK


def test_unknown_engine_is_refused() -> None:
    assert isinstance(make_engine("serial"), SerialEngine)
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")
