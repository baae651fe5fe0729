"""The generator's bulk work pauses Python's cycle collector and forgets per-run caches after."""

from __future__ import annotations

import gc

from generator.bulk import bulk_work, per_run_cache

CALLS: list[str] = []


@per_run_cache(maxsize=16)
def shout(word: str) -> str:
    CALLS.append(word)
    return word.upper()


def test_a_per_run_cache_serves_a_run_and_is_empty_after_it() -> None:
    CALLS.clear()
    with bulk_work():
        assert [shout("a"), shout("a"), shout("b")] == ["A", "A", "B"]
        assert CALLS == ["a", "b"]
    assert shout.cache_info().currsize == 0  # type: ignore[attr-defined]
    shout("a")
    assert CALLS == ["a", "b", "a"]


def test_the_cycle_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with bulk_work():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk_work():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
