"""The collector pause restores the collector and still frees cycles made inside it."""
import gc
import weakref

import pytest

from kg.gcpause import cyclic_gc_paused


class Node:
    pass


def test_state_is_restored_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycles_made_inside_are_freed_once_the_pause_ends():
    with cyclic_gc_paused(every=2) as pause:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a reference cycle: refcounting alone cannot free it
        ref = weakref.ref(a)
        del a, b
        for _ in range(4):
            pause.step()  # freezes what exists: no collection walks it meanwhile
        assert gc.get_freeze_count() > 0
        gc.collect()
        assert ref() is not None
    assert gc.get_freeze_count() == 0  # all unfrozen, into the oldest generation
    gc.collect()
    assert ref() is None


def test_a_caller_that_froze_objects_keeps_them_frozen():
    """With objects of the caller's already frozen, the steps collect the young
    generations (unfreezing would release the caller's objects too)."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cyclic_gc_paused(every=3) as pause:
            a, b = Node(), Node()
            a.other, b.other = b, a
            ref = weakref.ref(a)
            del a, b
            pause.step()
            pause.step()
            assert ref() is not None  # not yet: steps collect every third call
            pause.step()
            assert ref() is None
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
